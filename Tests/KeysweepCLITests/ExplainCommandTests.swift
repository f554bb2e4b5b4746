import Foundation
import TestScratch
import Testing

/// `keysweep explain RULE|FINGERPRINT`.
@Suite struct ExplainCommandTests {
    /// Every part the explanation promises, with the rule file's examples.
    @Test func aRuleIsExplainedWithItsExamples() throws {
        let outcome = try KeysweepProcess.run(["explain", "stripe.secret-key.live"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for heading in ["What it finds", "Why it matters", "How to rotate", "Examples from its rule file (fake values)", "References"] {
            #expect(outcome.stdout.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(outcome.stdout.hasPrefix("stripe.secret-key.live: Stripe live secret key\n"))
        #expect(outcome.stdout.contains("https://dashboard.stripe.com/apikeys"))
        #expect(outcome.stdout.contains("keysweep:allow stripe.secret-key.live <reason>"))
        let rules = try KeysweepProcess.run(["rules", "list", "--format", "json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as? [[String: Any]])
        let stripe = try #require(listed.first { $0["id"] as? String == "stripe.secret-key.live" })
        let examples = try #require(stripe["examples"] as? [String])
        #expect(!examples.isEmpty)
        for example in examples { #expect(outcome.stdout.contains("    " + example)) }
    }

    /// A fingerprint (or 6+ of its digits) is found in a JSON report, a baseline, or a scan of the
    /// current folder, and its locations are shown redacted.
    @Test func aFingerprintIsFoundInAReportABaselineOrAScan() throws {
        let folder = TestScratch.folder + "keysweep-explain-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "-o", folder + "/report.json"])
        #expect(json.status == 1)
        _ = try KeysweepProcess.run(["baseline", "create", "fixtures/tree", "-o", folder + "/baseline.json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any])
        let stripe = try #require((report["findings"] as? [[String: Any]])?.first { finding in
            finding["rule"] as? String == "stripe.secret-key.live"
                && ((finding["locations"] as? [[String: Any]])?.first?["path"] as? String)?.hasSuffix("src/app.py") == true
        })
        let fingerprint = try #require(stripe["fingerprint"] as? String)

        for source in ["report.json", "baseline.json"] {
            let outcome = try KeysweepProcess.run(["explain", String(fingerprint.prefix(8)), "--in", folder + "/" + source])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.hasPrefix("finding \(fingerprint) in \(folder)/\(source)\n  secret       sk_live_…(32)\n  found at     fixtures/tree/src/app.py:3"))
            #expect(outcome.stdout.contains("\nstripe.secret-key.live: Stripe live secret key\n"))
        }
        let scanned = try KeysweepProcess.run(["explain", fingerprint], in: KeysweepProcess.repositoryRoot + "/fixtures/tree")
        #expect(scanned.status == 0, "\(scanned.stderr)")
        #expect(scanned.stdout.hasPrefix("finding \(fingerprint) in a scan of the current folder\n  secret       sk_live_…(32)\n  found at     src/app.py:3:15\n"))
        #expect(!scanned.stdout.contains("sk_live_4eC"))
    }

    @Test(arguments: [
        (["explain", "github"], "keysweep: error: 'github': it is neither a rule id nor a fingerprint (6 to 32 hex digits); did you mean"),
        (["explain", "abcdef12", "--in", "fixtures/expected/tree.json"], "keysweep: error: 'fixtures/expected/tree.json': no finding has the fingerprint abcdef12 (of 43); fingerprints are keyed"),
        (["explain", "abcdef12", "--in", "README.md"], "keysweep: error: cannot use report 'README.md': it is neither a Keysweep JSON report nor a baseline; give a report"),
        (["explain", "abcdef12", "--in", "no/such.json"], "keysweep: error: cannot read 'no/such.json': No such file or directory"),
    ])
    func whatCannotBeExplainedIsSaidInWords(arguments: [String], message: String) throws {
        let outcome = try KeysweepProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix(message), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }
}
