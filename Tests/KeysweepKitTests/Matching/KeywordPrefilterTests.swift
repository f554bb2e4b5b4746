import Testing
@testable import KeysweepKit

@Suite struct KeywordPrefilterTests {
    private func selected(_ keywords: [[String]], in text: String) -> [Int] {
        let prefilter = KeywordPrefilter(keywordsByRule: keywords)
        var selection = RuleSelection(ruleCount: keywords.count)
        _ = Array(text.utf8).withUnsafeBytes { prefilter.select(in: $0, into: &selection) }
        return selection.indices
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
