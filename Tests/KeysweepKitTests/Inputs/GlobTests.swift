import PCRE2
import Testing
@testable import KeysweepKit

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.min.js", "web/app.min.js", true),
        ("*.min.js", "web/app.js", false),
        ("vendor", "a/b/vendor", true),
        ("docs/*.md", "docs/README.md", true),
        ("docs/*.md", "docs/sub/README.md", false),
        ("docs/**/*.md", "docs/sub/deep/README.md", true),
        ("docs/**/*.md", "docs/README.md", true),
        ("**/test/**", "src/test/x.py", true),
        ("/build", "build", true),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false),
        ("[!a]*.env", "b.env", true),
        ("[!a]*.env", "a.env", false),
        ("a+b(c).txt", "a+b(c).txt", true),
    ])
    func matches(glob: String, path: String, expected: Bool) throws {
        #expect(try Glob(glob).matches(path, scratch: MatchScratch()) == expected)
    }
}

@Suite struct InvalidGlobTests {
    /// An unclosed `[` was read as a literal, so `--include '['` silently selected nothing.
    @Test(arguments: [
        ("[", "'[' opens a character class that is never closed with ']'"),
        ("*.[ch", "'[' opens a character class that is never closed with ']'"),
        ("[]", "the character class '[]' is empty"),
        ("[!]", "the character class '[!]' is empty"),
        ("[z-a].txt", "its character class is not valid"),
        ("", "it is empty"),
    ])
    func isAnErrorNamingTheGlobAndTheReason(glob: String, reason: String) throws {
        #expect {
            _ = try Glob(glob)
        } throws: { error in
            "\(error)".hasPrefix("invalid glob '\(glob)': \(reason)")
        }
    }

    @Test func aBracketInAClassIsStillALiteral() throws {
        #expect(try Glob("[[]x").matches("[x", scratch: MatchScratch()))
    }
}
