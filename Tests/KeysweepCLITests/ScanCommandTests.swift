import Foundation
import TestScratch
import Testing

/// End to end: the built binary on fixtures/, compared with golden files.
@Suite struct ScanCommandTests {
    @Test(arguments: ["json", "text", "jsonl"])
    func reportOnTheFixtureTreeMatchesTheGoldenFile(format: String) throws {
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", format, "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(outcome.status == 1, "findings exit with 1")
        let golden = try Golden.compare(outcome.stdout, to: "tree.\(format)")
        #expect(golden.actual == golden.expected)
    }

    @Test func reportIsByteIdenticalAtOneAndManyThreads() throws {
        let one = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z", "--threads", "1"])
        let many = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z", "--threads", "8"])
        #expect(one.stdout == many.stdout)
        #expect(!one.stdout.isEmpty)
    }

    @Test func secretsAreRedactedUnlessAskedFor() throws {
        let fixture = try String(contentsOfFile: KeysweepProcess.repositoryRoot + "/fixtures/tree/config/.env", encoding: .utf8)
        let token = try #require(fixture.split(separator: "\n").first { $0.hasPrefix("GITHUB_TOKEN=") }?.dropFirst("GITHUB_TOKEN=".count))
        for format in ["json", "text", "jsonl"] {
            let redacted = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", format])
            #expect(!redacted.stdout.contains(token), "\(format) leaks the secret")
        }
        let shown = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--show-secrets"])
        #expect(shown.stdout.contains(token))
    }

    @Test func standardInputIsScannedAsOneBlob() throws {
        let outcome = try KeysweepProcess.run(["scan", "-", "--format", "jsonl"], stdin: "x\nDB_PASSWORD=Xk9#mQ2vLp7w\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains(#""path":"<stdin>""#))
        #expect(outcome.stdout.contains(#""line":2"#))
    }

    @Test func noFindingsExitsZeroAndExitCodeIsConfigurable() throws {
        let clean = try KeysweepProcess.run(["scan", "fixtures/tree/src/Tokenizer.swift", "--format", "json"])
        #expect(clean.status == 0)
        let overridden = try KeysweepProcess.run(["scan", "fixtures/tree", "--exit-code", "0", "--format", "json"])
        #expect(overridden.status == 0)
    }

    @Test func runsFromAnyFolderWithTheEmbeddedRules() throws {
        let outcome = try KeysweepProcess.run(["scan", KeysweepProcess.repositoryRoot + "/fixtures/tree", "--format", "json"], in: "/")
        #expect(outcome.status == 1)
    }

    @Test func reportFileIsWrittenAtomicallyAndItsFormatFollowsTheExtension() throws {
        let folder = TestScratch.folder + "keysweep-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--output", folder + "/report.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        let report = try String(contentsOfFile: folder + "/report.jsonl", encoding: .utf8)
        #expect(report.hasPrefix("{\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.jsonl"])
    }

    /// gitleaks 8.30 replaces /dev/null with a regular file; Keysweep writes devices in place.
    @Test func outputToDevNullLeavesItADevice() throws {
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--output", "/dev/null"])
        #expect(outcome.status == 1)
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }
}

@Suite struct BadInputTests {
    @Test func aMissingPathIsAnErrorWithExitCode2() throws {
        let outcome = try KeysweepProcess.run(["scan", "no/such/path"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: cannot read 'no/such/path': No such file or directory\n")
    }

    @Test(arguments: [
        (["scan", "--threads", "0"], "--threads must be at least 1"),
        (["scan", "--format", "xml"], "unknown --format 'xml'"),
        (["scan", "--bogus"], "Unknown option '--bogus'"),
        (["scan", "-", "fixtures"], "'-' (standard input) cannot be combined"),
    ])
    func usageErrorsExitWith2(arguments: [String], message: String) throws {
        let outcome = try KeysweepProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message))
    }

    @Test func anInvalidRuleFileNamesTheFileRuleAndField() throws {
        let folder = TestScratch.folder + "keysweep-rules-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bad.yml"
        try Data("- id: acme.key\n  name: Acme\n  provider: Acme\n  kind: api-key\n  severity: high\n  keywords: [acme_]\n  pattern: 'acme_[a-z]{8}'\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--rules", file])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: invalid rules: \(file): rule 'acme.key': field 'pattern': has no named group 'secret'\n")
    }

    @Test func brokenLinksLoopsBinaryAndLargeFilesAreCountedNotFatal() throws {
        let folder = TestScratch.folder + "keysweep-bad-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        try Data("DB_PASSWORD=Xk9#mQ2vLp7w\n".utf8).write(to: URL(fileURLWithPath: folder + "/sub/app.env"))
        try Data([0, 1, 2] + Array("DB_PASSWORD=Xk9#mQ2vLp7w".utf8)).write(to: URL(fileURLWithPath: folder + "/blob.bin"))
        try Data(String(repeating: "y", count: 5000).utf8).write(to: URL(fileURLWithPath: folder + "/huge.txt"))
        try Data([0xC3, 0x28, 0xFF, 0x0A] + Array("DB_PASSWORD=Qz7#mR2vLp9w\n".utf8)).write(to: URL(fileURLWithPath: folder + "/latin.txt"))
        try manager.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: folder + "/gone")
        try manager.createSymbolicLink(atPath: folder + "/sub/up", withDestinationPath: folder)
        let outcome = try KeysweepProcess.run(["scan", folder, "--follow-symlinks", "--max-file-size", "4096", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(outcome.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let scan = try #require(report?["scan"] as? [String: Any])
        #expect(scan["skipped"] as? [String: Int] == ["binary": 1, "too-large": 1, "broken-symlink": 1, "symlink-loop": 1])
        #expect(scan["findings"] as? Int == 2, "the invalid UTF-8 file is still scanned")
        #expect(outcome.stderr.contains("keysweep: warning: \(folder)/dangling: broken symbolic link"))
        #expect(outcome.stderr.contains("symlink-loop") || outcome.stderr.contains("loop"))
    }

    /// Permission errors need a user that root's bypass does not cover: run as `nobody`.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func unreadableFoldersAndFilesAreWarnings() throws {
        let folder = "/tmp/keysweep-perm-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/locked", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        try Data("DB_PASSWORD=Xk9#mQ2vLp7w\n".utf8).write(to: URL(fileURLWithPath: folder + "/open.env"))
        try Data("DB_PASSWORD=Xk9#mQ2vLp7w\n".utf8).write(to: URL(fileURLWithPath: folder + "/secret.env"))
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder + "/locked")
        try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder + "/secret.env")
        let outcome = try KeysweepProcess.run(
            ["scan", folder, "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"], in: "/tmp",
            launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        )
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(folder)/locked: cannot open folder: Permission denied"))
        #expect(outcome.stderr.contains("\(folder)/secret.env: cannot open: Permission denied"))
        #expect(outcome.stdout.contains("\"unreadable\" : 2"))
    }
}

@Suite struct RulesCommandTests {
    @Test func builtinRulesPassTheirOwnCheck() throws {
        let outcome = try KeysweepProcess.run(["rules", "check"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("examples pass"))
    }

    @Test func checkReportsFailingExamplesWithExitCode1() throws {
        let folder = TestScratch.folder + "keysweep-check-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
        - id: acme.key
          name: Acme key
          provider: Acme
          kind: api-key
          severity: high
          keywords: [acme_]
          pattern: '(?<secret>acme_[a-z]{8})'
          examples: ['acme_abcdefgh', 'acme_1234']
          negative_examples: ['acme_zyxwvuts']
          references: ['https://acme.invalid']
        """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/acme.yml"))
        let outcome = try KeysweepProcess.run(["rules", "check", folder])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("rule 'acme.key': example does not match: \"acme_1234\""))
        #expect(outcome.stderr.contains("rule 'acme.key': negative example matches: \"acme_zyxwvuts\""))
    }

    @Test func listShowsEveryRule() throws {
        let outcome = try KeysweepProcess.run(["rules", "list"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("generic.password"))
        #expect(outcome.stdout.hasSuffix(" rules\n"))
    }
}
