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

    @Test func fingerprintIsStableAndDomainSeparated() {
        // Golden value: changing it breaks every baseline and code-scanning alert.
        #expect(Fingerprint.of(secret: Array("hunter2".utf8)) == "eb0509812f5b43f3f00bee5e2b3a7783")
        #expect(Fingerprint.of(secret: Array("hunter2".utf8)) != SHA256.hash(Array("hunter2".utf8)).prefix(16).hexString)
    }

    @Test func oneFindingPerSecretAcrossFilesAndRules() {
        let rules = [rule("generic.secret", .medium), rule("acme.key"), rule("acme.other")]
        let matches = [
            match(0, "s3cr3t-value", "b.env", line: 3),
            match(1, "s3cr3t-value", "a.env", line: 1),
            match(1, "s3cr3t-value", "a.env", line: 1),
            match(2, "another-one", "c.env", line: 2),
        ]
        let findings = FindingGrouper.group(matches, rules: rules)
        #expect(findings.count == 2)
        #expect(findings[0].rule.id == "acme.key", "the specific rule wins over the generic one")
        #expect(findings[0].ruleIDs == ["acme.key", "generic.secret"])
        #expect(findings[0].locations.map(\.path) == ["a.env", "b.env"], "sorted, duplicates removed")
        #expect(findings[1].rule.id == "acme.other")
    }

    @Test func groupingDoesNotDependOnMatchOrder() {
        let rules = [rule("a.one"), rule("b.two")]
        let matches = (0..<20).map { match($0 % 2, "secret-\($0 % 5)", "f\($0).txt", line: $0 + 1) }
        let forward = FindingGrouper.group(matches, rules: rules)
        let backward = FindingGrouper.group(matches.reversed(), rules: rules)
        #expect(forward.map(\.fingerprint) == backward.map(\.fingerprint))
        #expect(forward.map(\.locations) == backward.map(\.locations))
        #expect(forward.map(\.rule.id) == backward.map(\.rule.id))
    }

    @Test func redactionShowsAShortPrefixAndTheLength() {
        let redaction = Redaction(showSecrets: false)
        #expect(redaction.display(Array("ghp_0123456789abcdefghijklmnopqrstuvwxyz".utf8)) == "ghp_…(40)")
        #expect(redaction.display(Array("hunter2".utf8)) == "h…(7)")
        #expect(redaction.display(Array("abc".utf8)) == "…(3)")
        #expect(Redaction(showSecrets: true).display(Array("hunter2".utf8)) == "hunter2")
    }
}
