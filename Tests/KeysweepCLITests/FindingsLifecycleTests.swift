import Foundation
import TestScratch
import Testing

/// Baselines, project config and suppressions, end to end.
@Suite struct FindingsLifecycleTests {
    /// A copy of fixtures/tree in a fresh folder, so that configs and baselines can be added.
    private func copyOfTree() throws -> String {
        let folder = TestScratch.folder + "keysweep-lifecycle-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: KeysweepProcess.repositoryRoot + "/fixtures/tree", toPath: folder)
        return folder
    }

    private func report(_ outcome: KeysweepProcess.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    /// A one-word password is reported where it configures something (a compose file) and left
    /// out where it illustrates a field (a README, a module's examples), counted as suppressed.
    @Test func aOneWordPasswordIsReportedOnlyOutsideDocumentation() throws {
        let folder = TestScratch.folder + "keysweep-word-password-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: bluegarden\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/compose.yaml"))
        try Data("Log in with:\n\n    admin_password: silverfox\n".utf8).write(to: URL(fileURLWithPath: folder + "/README.md"))
        let outcome = try KeysweepProcess.run(["scan", ".", "--no-config", "--format", "json", "--show-secrets"], in: folder)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let findings = try #require(try report(outcome)["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["secret"] as? String } == ["bluegarden"])
        let scan = try #require(try report(outcome)["scan"] as? [String: Any])
        #expect((scan["suppressed"] as? [String: Int])?["context"] == 1)
    }

    @Test func baselineCreateApplyUpdateRoundTrip() throws {
        let tree = try copyOfTree()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let baseline = tree + "/.keysweep-baseline.json"
        let create = try KeysweepProcess.run(["baseline", "create", "--output", baseline, "."], in: tree)
        #expect(create.status == 0, "\(create.stderr)")
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.contains("\"fingerprint\""))
        #expect(!text.contains(try String(contentsOfFile: tree + "/config/.env", encoding: .utf8).split(separator: "\n")[3].dropFirst(13)),
                "the baseline holds no secret")

        let quiet = try KeysweepProcess.run(["scan", ".", "--baseline", baseline, "--format", "json"], in: tree)
        #expect(quiet.status == 0, "every finding is in the baseline")
        let scan = try #require(try report(quiet)["scan"] as? [String: Any])
        let suppressed = try #require(scan["suppressed"] as? [String: Int])
        #expect((suppressed["baseline"] ?? 0) > 0)

        try Data("NEW_PASSWORD=Vb7#qL2mXz9wP4k\n".utf8).write(to: URL(fileURLWithPath: tree + "/new.env"))
        let fresh = try KeysweepProcess.run(["scan", ".", "--baseline", baseline, "--format", "jsonl"], in: tree)
        #expect(fresh.status == 1)
        #expect(fresh.stdout.split(separator: "\n").count == 1)
        #expect(fresh.stdout.contains("new.env"))

        try FileManager.default.removeItem(atPath: tree + "/keys/id_rsa")
        let update = try KeysweepProcess.run(["baseline", "update", "--output", baseline, "."], in: tree)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("(1 added,"))
        let again = try KeysweepProcess.run(["baseline", "update", "--output", baseline, "."], in: tree)
        #expect(again.stdout.contains("(0 added, 0 dropped)"))
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == (try String(contentsOfFile: baseline, encoding: .utf8)))
    }

    @Test func projectConfigIsFoundAboveTheScanRootAndApplied() throws {
        let tree = try copyOfTree()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let before = try report(try KeysweepProcess.run(["scan", "config", "--format", "json"], in: tree))
        #expect((before["findings"] as? [Any])?.isEmpty == false)
        try Data("exclude: [\".env\"]\nstopwords: [zzzz]\n".utf8).write(to: URL(fileURLWithPath: tree + "/.keysweep.yml"))
        let after = try KeysweepProcess.run(["scan", "config", "--format", "json"], in: tree)
        #expect(after.status == 0, "config/.env is excluded by the config one folder up")
        let ignored = try KeysweepProcess.run(["scan", "config", "--no-config", "--format", "json"], in: tree)
        #expect(ignored.status == 1)
    }

    /// Rules a config adds (`rules:`) are scanned with, beside the builtin ones.
    @Test func rulesAConfigAddsAreUsed() throws {
        let folder = TestScratch.folder + "keysweep-config-rules-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/team-rules", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rule = """
        - id: acme.internal-token
          name: ACME internal token
          provider: ACME
          kind: access-token
          severity: high
          keywords: [acmetok_]
          pattern: '(?<secret>acmetok_[a-z0-9]{24})'
          examples:
            - 'ACME_TOKEN=acmetok_q8vd0xhr2mz7pl4sk9wt3nbj'
            - 'token: acmetok_a1b2c3d4e5f6g7h8i9j0k1l2'
          negative_examples:
            - 'acmetok_short'
          references:
            - https://example.com/acme-tokens

        """
        try Data(rule.utf8).write(to: URL(fileURLWithPath: folder + "/team-rules/acme.yml"))
        try Data("rules: [team-rules]\nexclude: [team-rules]\n".utf8).write(to: URL(fileURLWithPath: folder + "/.keysweep.yml"))
        try Data("ACME_TOKEN=acmetok_z7y6x5w4v3u2t1s0r9q8p7o6\n".utf8).write(to: URL(fileURLWithPath: folder + "/app.env"))
        let scanned = try report(try KeysweepProcess.run(["scan", ".", "--format", "json"], in: folder))
        let rules = (scanned["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["acme.internal-token"], "\(scanned)")
        let ignored = try report(try KeysweepProcess.run(["scan", ".", "--no-config", "--format", "json"], in: folder))
        #expect(!(ignored["findings"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "acme.internal-token" })
    }

    @Test func everySuppressionIsCountedAndNoSuppressShowsThem() throws {
        let folder = TestScratch.folder + "keysweep-suppress-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = [
            "inline.env": "DB_PASSWORD=Xk9#mQ2vLp7w # keysweep:allow test fixture\n",
            "accepted.env": "DB_PASSWORD=Zq8#mV3nLp5wR2t\n",
            "word.env": "DB_PASSWORD=Hq4#nMlocalDEVw7\n",
            "real.env": "DB_PASSWORD=Pk6#rT9vWq2mLx8\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        try Data("allow: ['^Zq8#']\nstopwords: [\"#\"]\n".utf8).write(to: URL(fileURLWithPath: folder + "/strict.yml"))
        let bad = try KeysweepProcess.run(["scan", ".", "--config", "strict.yml"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr == "keysweep: error: strict.yml:2: key 'stopwords': stopwords must be at least 3 characters\n")

        try Data("allow: ['^Zq8#']\nstopwords: [localdev]\n".utf8).write(to: URL(fileURLWithPath: folder + "/strict.yml"))
        let suppressed = try report(try KeysweepProcess.run(["scan", ".", "--config", "strict.yml", "--format", "json"], in: folder))
        let counts = try #require((suppressed["scan"] as? [String: Any])?["suppressed"] as? [String: Int])
        #expect(counts == ["inline": 1, "allowlist": 1, "stopword": 1])
        #expect((suppressed["findings"] as? [Any])?.count == 1)
        let everything = try report(try KeysweepProcess.run(["scan", ".", "--config", "strict.yml", "--no-suppress", "--format", "json"], in: folder))
        #expect((everything["findings"] as? [Any])?.count == 4)
    }

    @Test func configErrorsExitWith2() throws {
        let tree = try copyOfTree()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Data("exclude: [vendor]\nretries: 3\n".utf8).write(to: URL(fileURLWithPath: tree + "/.keysweep.yml"))
        let outcome = try KeysweepProcess.run(["scan", "."], in: tree)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("keysweep: error: \(tree)/.keysweep.yml:2: unknown key 'retries'"))
    }
}
