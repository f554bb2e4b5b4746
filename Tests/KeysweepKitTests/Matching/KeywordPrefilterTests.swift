import Testing
@testable import KeysweepKit

@Suite struct KeywordPrefilterTests {
    private func selected(_ keywords: [[String]], in text: String) -> [Int] {
        let prefilter = KeywordPrefilter(keywordsByRule: keywords)
        var selection = RuleSelection(ruleCount: keywords.count)
        var hits: [KeywordHit] = []
        _ = Array(text.utf8).withUnsafeBytes { prefilter.select(in: $0, into: &selection, hits: &hits) }
        return selection.indices
    }

    /// Every occurrence is noted where it ends, also in a blob walked as four interleaved parts
    /// and across the cuts between them: matching near keywords relies on it.
    @Test func notesTheEndOfEveryOccurrence() {
        let prefilter = KeywordPrefilter(keywordsByRule: [["ghp_"], ["token"]])
        var blob = [UInt8](repeating: UInt8(ascii: "."), count: 20_000)
        let part = blob.count / KeywordPrefilter.streamCount
        var ends: Set<Int> = []
        for start in [0, 17, part - 2, 2 * part - 3, 3 * part - 1, 3 * part + 10, 19_996] {
            blob.replaceSubrange(start..<(start + 4), with: Array("ghp_".utf8))
            ends.insert(start + 4)
        }
        var selection = RuleSelection(ruleCount: 2)
        var hits: [KeywordHit] = []
        _ = blob.withUnsafeBytes { prefilter.select(in: $0, into: &selection, hits: &hits) }
        #expect(Set(hits.map(\.end)) == ends)
        #expect(selection.indices == [0])
    }

    @Test func selectsOnlyRulesWhoseKeywordOccurs() {
        #expect(selected([["ghp_"], ["xoxb-"], ["AKIA"]], in: "token = ghp_abc") == [0])
        #expect(selected([["ghp_"], ["xoxb-"]], in: "nothing to see") == [])
    }

    @Test func isCaseInsensitive() {
        #expect(selected([["akia"], ["Password"]], in: "AKIA and PASSWORD") == [0, 1])
    }

    @Test func findsOverlappingAndNestedKeywords() {
        // "she" contains "he"; "hers" overlaps "she" in "shers".
        #expect(selected([["he"], ["she"], ["hers"], ["his"]], in: "ushers") == [0, 1, 2])
    }

    /// Large blobs are walked as interleaved parts: a keyword across any cut between parts, or at
    /// either end, must still be seen.
    @Test(arguments: 1..<KeywordPrefilter.streamCount, [0, 1, 2, 3, 4, 5, 6])
    func keywordsAcrossACutOfALargeBlob(cut: Int, shift: Int) {
        let size = KeywordPrefilter.interleavingThreshold * 2 + 3
        var text = String(repeating: "-", count: size)
        let position = text.index(text.startIndex, offsetBy: size / KeywordPrefilter.streamCount * cut - shift)
        text.replaceSubrange(position..<text.index(position, offsetBy: 6), with: "ghp_ab")
        #expect(selected([["zzz"], ["ghp_ab"]], in: text) == [1])
        #expect(selected([["zz"], ["--"]], in: "zz" + String(repeating: ".", count: size) + "--") == [0, 1])
    }

    @Test func anEmptyKeywordSelectsItsRuleForEveryBlob() {
        #expect(selected([["ghp_"], [""]], in: "nothing to see") == [1])
        #expect(selected([["ghp_"], ["", "zz"]], in: "") == [1])
    }

    @Test func keywordAtTheVeryEndAndStart() {
        #expect(selected([["end"], ["sta"]], in: "start...end") == [0, 1])
    }

    @Test func manyRulesBeyondOneWordOfTheBitset() {
        let keywords = (0..<130).map { ["kw\($0)x"] }
        #expect(selected(keywords, in: "kw129x kw64x kw0x") == [0, 64, 129])
    }

    @Test func nonASCIIBytesDoNotConfuseTheAutomaton() {
        #expect(selected([["café"]], in: "un CAFé noir") == [0])
    }
}
