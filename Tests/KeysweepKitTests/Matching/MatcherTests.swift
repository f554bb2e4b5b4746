import Testing
@testable import KeysweepKit

@Suite struct MatcherTests {
    private func rule(_ id: String, keywords: [String], pattern: String, validator: StructuralValidator? = nil, minEntropy: Double? = nil) -> Rule {
        Rule(id: id, name: id, provider: "Test", kind: .apiKey, severity: .high, keywords: keywords,
             pattern: pattern, minEntropy: minEntropy, validator: validator)
    }

    private func scan(_ text: String, _ rules: [Rule]) throws -> BlobScan {
        let matcher = Matcher(ruleSet: try RuleSet(rules))
        return Array(text.utf8).withUnsafeBytes { matcher.scan($0) }
    }

    @Test func reportsLineAndUnicodeColumnOfTheSecretGroup() throws {
        let result = try scan("first line\nnaïve key=tok_q7x2m9k4 end\n", [rule("t.key", keywords: ["tok_"], pattern: #"key=(?<secret>tok_[a-z0-9]{8})"#)])
        #expect(result.matches.count == 1)
        let match = try #require(result.matches.first)
        #expect(match.start == TextPosition(line: 2, column: 11))
        #expect(match.end == TextPosition(line: 2, column: 23))
        #expect(String(decoding: match.secret, as: UTF8.self) == "tok_q7x2m9k4")
    }

    /// 40 hex digits under `<password>` read as a SHA-1 digest in plain text; in text decrypted
    /// under a key the scan found (a Jenkins job's stored secret) they were encrypted as a secret.
    @Test func hexInDecryptedTextIsNoDigest() throws {
        let matcher = Matcher(ruleSet: try RuleSet(RuleLoader.builtinRules().filter { $0.id.hasPrefix("generic.") }))
        let text = Array("<password>3f9c0a7e5b1d48c2a6e0f47b9d13c85e2a7f6b04</password>\n".utf8)
        #expect(text.withUnsafeBytes { matcher.scan($0) }.matches.isEmpty)
        matcher.valuesWereEncrypted = true
        let found = text.withUnsafeBytes { matcher.scan($0) }.matches
        #expect(found.map { matcher.ruleSet.rules[$0.ruleIndex].rule.id } == ["generic.password"])
    }

    @Test func multiLineSecretsEndOnTheirLastLine() throws {
        let text = "x\n-----BEGIN KEY-----\nabc\n-----END KEY-----\n"
        let result = try scan(text, [rule("t.pem", keywords: ["BEGIN KEY"], pattern: #"(?<secret>-----BEGIN KEY-----[\s\S]{1,100}?-----END KEY-----)"#)])
        let match = try #require(result.matches.first)
        #expect(match.start == TextPosition(line: 2, column: 1))
        #expect(match.end == TextPosition(line: 4, column: 18))
    }

    @Test func findsEveryOccurrence() throws {
        let result = try scan("tok_aaaa1111 tok_bbbb2222\ntok_cccc3333", [rule("t.key", keywords: ["tok_"], pattern: #"(?<secret>tok_[a-z0-9]{8})"#)])
        #expect(result.matches.map(\.start.line) == [1, 1, 2])
    }

    @Test func rulesWithoutTheirKeywordDoNotRun() throws {
        // The pattern would match, but the keyword is absent: the prefilter must skip the rule.
        let result = try scan("value = abcdefgh12345678", [rule("t.key", keywords: ["zzz_"], pattern: #"(?<secret>[a-z]{8}\d{8})"#)])
        #expect(result.matches.isEmpty)
    }

    @Test func minimumEntropyRejectsLowEntropySecrets() throws {
        let high = rule("t.key", keywords: ["key="], pattern: #"key=(?<secret>\w{16})"#, minEntropy: 3.5)
        #expect(try scan("key=abababababababab", [high]).matches.isEmpty)
        #expect(try scan("key=q8Zr2LmX7vB4nT1w", [high]).matches.count == 1)
    }

    @Test func inlineAllowCommentsSuppressAndAreCounted() throws {
        let rules = [rule("t.key", keywords: ["tok_"], pattern: #"(?<secret>tok_[a-z0-9]{8})"#)]
        #expect(try scan("a = tok_abcd1234 # keysweep:allow", rules).suppressedInline == 1)
        #expect(try scan("# keysweep:allow t.key test fixture\na = tok_abcd1234", rules).suppressedInline == 1)
        #expect(try scan("a = tok_abcd1234 # keysweep:allow other.rule", rules).matches.count == 1)
        #expect(try scan("a = tok_abcd1234 // gitleaks:allow", rules).suppressedInline == 1)
        #expect(try scan("a = tok_abcd1234  # pragma: allowlist secret", rules).suppressedInline == 1)
        #expect(try scan("# keysweep:allow\n\na = tok_abcd1234", rules).matches.count == 1, "only the line directly above")
    }

    /// Regression: a 6 MB one-line JSON file with hundreds of matches took minutes, because each
    /// match copied and searched its whole line. Columns now resume from the previous match and
    /// allow comments are looked for within `InlineAllowance.reach` bytes of the secret.
    @Test func manyMatchesOnOneLongLine() throws {
        let rules = [rule("t.key", keywords: ["tok_"], pattern: #"(?<secret>tok_[a-z0-9]{8})"#)]
        let padding = String(repeating: "é", count: 600)
        // From 10000000: `tok_00000000` would be a placeholder (a last group of one digit repeated).
        let line = (0..<50).map { "tok_\(10_000_000 + $0)" }.joined(separator: padding)
        let result = try scan(line, rules)
        #expect(result.matches.count == 50)
        #expect(result.matches.map(\.start.column) == (0..<50).map { 1 + $0 * (12 + 600) })
        #expect(try scan(line + " # keysweep:allow", rules).suppressedInline == 1, "only the match near the comment")
    }

    @Test func genericRulesStayQuietWhenASpecificValidatorDisprovesTheSecret() throws {
        let body = "abcdefghijklmnopqrstuvwxyz0123"
        let rules = [
            rule("t.gh", keywords: ["ghp_"], pattern: #"(?<secret>ghp_[A-Za-z0-9]{36})"#, validator: .base62CRC32),
            rule("generic.token", keywords: ["token"], pattern: #"token: (?<secret>\S+)"#),
        ]
        #expect(try scan("token: ghp_\(body)000000", rules).matches.isEmpty)
    }

    @Test func genericMatchesInDenseDataFilesAreDroppedAndCounted() throws {
        let rules = [
            rule("generic.secret", keywords: ["secret"], pattern: #"secret=(?<secret>[a-f0-9]{16})"#),
            rule("t.key", keywords: ["tok_"], pattern: #"(?<secret>tok_[a-z0-9]{8})"#),
        ]
        let vectors = (1...40).map { "secret=\(String(format: "%016x", $0 * 7_919_317))" }.joined(separator: "\n")
        let dense = try scan(vectors + "\ntok_abcd1234", rules)
        #expect(dense.matches.count == 1, "the specific rule still reports")
        #expect(dense.suppressedGenericInDataFile == 40)
        let sparse = try scan(vectors.split(separator: "\n").prefix(10).joined(separator: "\n"), rules)
        #expect(sparse.matches.count == 10)
    }

    @Test func limitHitsAreReportedWithTheRule() throws {
        let slow = rule("t.slow", keywords: ["aaaa"], pattern: #"(?<secret>(a+)+)$"#)
        let matcher = Matcher(ruleSet: try RuleSet([slow]), limits: .init(match: 5_000, depth: 500, heapKiB: 512))
        let result = Array((String(repeating: "a", count: 60) + "?").utf8).withUnsafeBytes { matcher.scan($0) }
        #expect(result.limitHits.map(\.ruleID) == ["t.slow"])
    }

    /// On a line of minified code every unquoted value is an expression; a quoted one is still a
    /// value, and so is an unquoted one on a line of ordinary length.
    @Test func unquotedValuesOnMinifiedLinesAreCode() throws {
        let rules = BuiltinRuleSet.rules.filter { $0.id == "generic.secret" }
        let padding = String(repeating: "a.b(c);", count: 200)
        func secrets(_ text: String) throws -> [String] {
            try scan(text, rules).matches.map { String(decoding: $0.secret, as: UTF8.self) }
        }
        let code = "x.apiToken=Tq8vK3mZ7xW2pN5rL9yB4cD6,y=1;"
        #expect(try secrets(code + "\n" + padding) == ["Tq8vK3mZ7xW2pN5rL9yB4cD6"])
        #expect(try secrets(padding + code + padding).isEmpty)
        #expect(try secrets(padding + "x.apiToken=\"Tq8vK3mZ7xW2pN5rL9yB4cD6\",y=1;" + padding) == ["Tq8vK3mZ7xW2pN5rL9yB4cD6"])
        // A long token alone on its line is no minified code: its own bytes do not count.
        var state: UInt64 = 7
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let token = String((0..<995).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int(state >> 33) % alphabet.count]
        })
        #expect(try secrets("tallyfy_token = \(token)\n") == [token])
        // A YAML file stored in a SQL row: its escaped line breaks end lines as real ones do.
        let yaml = (0..<60).map { "\\n  setting\($0): value\($0)" }.joined()
        let row = "INSERT INTO config VALUES ('app.yaml', 'app:\(yaml)\\n  apiToken: Tq8vK3mZ7xW2pN5rL9yB4cD6\(yaml)');\n"
        #expect(try secrets(row) == ["Tq8vK3mZ7xW2pN5rL9yB4cD6"])
    }
}
