import Testing
@testable import PCRE2

@Suite struct PatternTests {
    @Test func namedGroupsAndByteOffsets() throws {
        let pattern = try Pattern(#"key=(?<secret>[a-z]+)(?<tail>\d)?"#)
        #expect(pattern.groupNumbers == ["secret": 1, "tail": 2])
        let scratch = MatchScratch()
        let text = Array("xx key=abc7 key=zz".utf8)
        let outcome = text.withUnsafeBytes { pattern.firstMatch(in: $0, from: 0, scratch: scratch) }
        guard case .match(let groups) = outcome else { Issue.record("no match"); return }
        #expect(groups.whole == 3..<11)
        #expect(groups[1] == 7..<10)
        #expect(groups[2] == 10..<11)
        let second = text.withUnsafeBytes { pattern.firstMatch(in: $0, from: 11, scratch: scratch) }
        guard case .match(let later) = second else { Issue.record("no second match"); return }
        #expect(later[1] == 16..<18)
        #expect(later[2] == nil)
    }

    @Test func compileErrorNamesOffsetAndReason() {
        #expect {
            _ = try Pattern("abc(def")
        } throws: { error in
            guard let error = error as? PatternError else { return false }
            return error.offset == 7 && error.message.contains("missing closing parenthesis")
        }
    }

    @Test func catastrophicPatternHitsALimitInsteadOfHanging() throws {
        let pattern = try Pattern("^(a+)+$")
        let scratch = MatchScratch(limits: .init(match: 10_000, depth: 1_000, heapKiB: 1024))
        let hostile = Array(String(repeating: "a", count: 40).utf8) + [UInt8(ascii: "!")]
        let outcome = hostile.withUnsafeBytes { pattern.firstMatch(in: $0, from: 0, scratch: scratch) }
        guard case .limitHit(let message) = outcome else { Issue.record("expected a limit hit, got \(outcome)"); return }
        #expect(message.contains("limit"))
    }

    @Test func matchesRawBytesThatAreNotUTF8() throws {
        let pattern = try Pattern(#"tok_(?<secret>[a-z]{4})"#)
        let bytes: [UInt8] = [0xFF, 0xFE, 0xE9] + Array("tok_abcd".utf8)
        let outcome = bytes.withUnsafeBytes { pattern.firstMatch(in: $0, from: 0, scratch: MatchScratch()) }
        guard case .match(let groups) = outcome else { Issue.record("no match"); return }
        #expect(groups[1] == 7..<11)
    }

    @Test func jitIsUsedWhereAvailable() throws {
        let pattern = try Pattern("ghp_[A-Za-z0-9]{36}")
        #expect(pattern.usesJIT == Pattern.jitSupported)
    }
}
