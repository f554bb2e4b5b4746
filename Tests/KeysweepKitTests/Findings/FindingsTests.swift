import Testing
@testable import KeysweepKit

@Suite struct FindingsTests {
    private func rule(_ id: String, _ severity: Severity = .high) -> Rule {
        Rule(id: id, name: id, provider: "Test", kind: .apiKey, severity: severity, keywords: ["x"], pattern: "(?<secret>x)")
    }

    private func match(_ rule: Int, _ secret: String, _ path: String, line: Int) -> Match {
        Match(BlobMatch(ruleIndex: rule, secret: Array(secret.utf8), entropy: 3,
                        start: TextPosition(line: line, column: 1), end: TextPosition(line: line, column: 9), lineContext: "ctx"), path: path)
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hash(Array("abc".utf8)).hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash([UInt8]()).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.hash(long).hexString == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func fingerprintIsStableKeyedAndDomainSeparated() {
        // Golden values: changing them breaks every baseline and code-scanning alert.
        let secret = Array("hunter2".utf8)
        #expect(Fingerprint.of(secret: secret, key: .builtin) == "fdd0a324556e2a229d845d57aa3ea0c4")
        #expect(Fingerprint.of(secret: secret, key: FingerprintKey(project: Array("project-key".utf8))) == "27298872755431c712cfc8d7d389f8f3")
        #expect(Fingerprint.of(secret: secret, key: .builtin) != SHA256.hash(secret).prefix(16).hexString)
        #expect(Fingerprint.of(secret: secret, key: .builtin) != SHA256.hash(Fingerprint.domain + secret).prefix(16).hexString)
    }

    @Test func oneFindingPerSecretAcrossFilesAndRules() {
        let rules = [rule("generic.secret", .medium), rule("acme.key"), rule("acme.other")]
        let matches = [
            match(0, "s3cr3t-value", "b.env", line: 3),
            match(1, "s3cr3t-value", "a.env", line: 1),
            match(1, "s3cr3t-value", "a.env", line: 1),
            match(2, "another-one", "c.env", line: 2),
        ]
        let findings = FindingGrouper.group(matches, rules: rules, key: .builtin)
        #expect(findings.count == 2)
        #expect(findings[0].rule.id == "acme.key", "the specific rule wins over the generic one")
        #expect(findings[0].ruleIDs == ["acme.key", "generic.secret"])
        #expect(findings[0].locations.map(\.path) == ["a.env", "b.env"], "sorted, duplicates removed")
        #expect(findings[1].rule.id == "acme.other")
    }

    @Test func groupingDoesNotDependOnMatchOrder() {
        let rules = [rule("a.one"), rule("b.two")]
        let matches = (0..<20).map { match($0 % 2, "secret-\($0 % 5)", "f\($0).txt", line: $0 + 1) }
        let forward = FindingGrouper.group(matches, rules: rules, key: .builtin)
        let backward = FindingGrouper.group(matches.reversed(), rules: rules, key: .builtin)
        #expect(forward.map(\.fingerprint) == backward.map(\.fingerprint))
        #expect(forward.map(\.locations) == backward.map(\.locations))
        #expect(forward.map(\.rule.id) == backward.map(\.rule.id))
    }

    /// A Kubernetes Secret's value is one finding as its base64 text and another as what it
    /// decodes to: two findings that start at one place and differ only in what `Location`'s
    /// order leaves out. Their order is the fingerprints', whatever the order they arrived in.
    @Test func findingsThatStartAtOnePlaceAreOrderedByFingerprint() {
        let rules = [rule("kubernetes.secret"), rule("ceph.key")]
        var decoded = BlobMatch(ruleIndex: 1, secret: Array("AQA7jRRrwOO0ARAA".utf8), entropy: 3,
                                start: TextPosition(line: 8, column: 8), end: TextPosition(line: 8, column: 64), lineContext: "ctx")
        decoded.encoding = "base64"
        let plain = BlobMatch(ruleIndex: 0, secret: Array("QVFBN2pSUnJ3T08w".utf8), entropy: 3,
                              start: TextPosition(line: 8, column: 8), end: TextPosition(line: 8, column: 64), lineContext: "ctx")
        let matches = [Match(plain, path: "secret.yaml"), Match(decoded, path: "secret.yaml")]
        let findings = FindingGrouper.group(matches, rules: rules, key: .builtin)
        #expect(findings.count == 2)
        // Sorted from both orders (grouping goes through a hash map, whose order differs from one
        // process to the next: what made the reports of two runs differ).
        let forward = findings.sorted(by: FindingGrouper.reportOrder)
        let backward = findings.reversed().sorted(by: FindingGrouper.reportOrder)
        #expect(forward.map(\.fingerprint) == backward.map(\.fingerprint))
        #expect(forward.map(\.fingerprint) == forward.map(\.fingerprint).sorted())
    }

    @Test func redactionShowsOnlyAPublicTypeMarkerAndTheLength() {
        let redaction = Redaction(showSecrets: false)
        func specific(_ keywords: [String]) -> Rule {
            Rule(id: "acme.token", name: "t", provider: "Acme", kind: .accessToken, severity: .high, keywords: keywords, pattern: "(?<secret>x)")
        }
        let github = specific(["ghp_", "gh"])
        #expect(redaction.display(Array("ghp_0123456789abcdefghijklmnopqrstuvwxyz".utf8), rule: github) == "ghp_…(40)", "the longest marker")
        #expect(redaction.display(Array("GHP_0123456789abcdefghijklmnopqrstuvwxyz".utf8), rule: github) == "…(40)", "case-sensitive")
        #expect(redaction.display(Array("ghp_0123456".utf8), rule: github) == "…(11)", "fewer than 8 characters would stay hidden")
        #expect(redaction.display(Array("ghp_01234567".utf8), rule: github) == "ghp_…(12)")
        #expect(redaction.display(Array("sk_live_0123456789abcdef".utf8), rule: specific(["sk_live_", "sk_"])) == "sk_live_…(24)")
        #expect(redaction.display(Array("hunter2hunter2".utf8), rule: specific(["hunter"])) == "hunter…(14)")
        #expect(redaction.display(Array("hunter2hunter2".utf8), rule: rule("generic.password")) == "…(14)", "generic rules have no markers")
        #expect(redaction.display(Array("x0123456789abc".utf8), rule: rule("acme.key")) == "x…(14)")
        #expect(redaction.display(Array("abc".utf8), rule: github) == "…(3)")
        #expect(Redaction(showSecrets: true).display(Array("hunter2".utf8), rule: github) == "hunter2")
    }
}
