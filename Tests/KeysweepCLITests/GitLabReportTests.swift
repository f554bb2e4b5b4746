import Foundation
import TestScratch
import Testing

/// `--format gitlab`: GitLab's secret-detection report, validated against the schema GitLab
/// publishes (vendored in schemas/), one vulnerability per location, secrets redacted.
@Suite struct GitLabReportTests {
    static let schema = KeysweepProcess.repositoryRoot + "/schemas/gitlab-secret-detection-report-format-15.0.7.json"
    static let clock = ["--no-timing", "--now", "2026-11-01T00:00:00Z"]

    private func validate(_ report: String) throws -> (status: Int32, output: String) {
        let file = TestScratch.folder + "keysweep-\(UUID().uuidString)-gl-secret-detection-report.json"
        try Data(report.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try ToolProcess.run([SARIFTests.python, KeysweepProcess.repositoryRoot + "/scripts/validate-json", Self.schema, file])
    }

    @Test(arguments: ["scan", "git", "staged", "dump"])
    func theReportOfEveryInputModeIsValidAgainstGitLabsSchema(mode: String) throws {
        let arguments = try #require(SARIFTests.modes.first { $0.name == mode }).arguments
        let outcome = try KeysweepProcess.run(arguments + ["--format", "gitlab"] + Self.clock)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let check = try validate(outcome.stdout)
        #expect(check.status == 0, "\(check.output)")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let vulnerabilities = try #require(report["vulnerabilities"] as? [[String: Any]])
        let json = try KeysweepProcess.run(arguments + ["--format", "json"] + Self.clock)
        let locations = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["scan"] as? [String: Any])["locations"] as? Int
        #expect(vulnerabilities.count == locations)
        #expect(Set(vulnerabilities.compactMap { $0["id"] as? String }).count == vulnerabilities.count)
        #expect(!outcome.stdout.contains("sk_live_4eC39HqLyjWDarjtT1zdp7dc"))
    }

    /// The schema rejects what GitLab would: the test would catch a report that drifted from it.
    @Test func theSchemaRejectsAReportWithoutCommit() throws {
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "gitlab"] + Self.clock)
        let broken = outcome.stdout.replacingOccurrences(of: #""sha" : "0000000""#, with: #""sha" : """#)
        #expect(broken != outcome.stdout)
        #expect(try validate(broken).status != 0)
    }

    /// A history location carries its commit; a file read from disk GitLab's placeholder commit.
    @Test func locationsCarryTheirCommit() throws {
        let history = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--format", "gitlab"] + Self.clock)
        #expect(history.stdout.contains(#""author" : "Cy Coder <cy@example.com>""#))
        #expect(!history.stdout.contains(#""sha" : "0000000""#))
        #expect(history.stdout.contains(#""start_time" : "2026-11-01T00:00:00""#))
        let tree = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "gitlab"] + Self.clock)
        #expect(tree.stdout.contains(#""sha" : "0000000""#))
        #expect(tree.stdout.contains(#""solution" : "Revoke it in Stripe"#), "\(tree.stdout.prefix(400))")
    }

    /// GitLab's conventional artifact name selects the format, as `.sarif` selects SARIF.
    @Test func theArtifactNameSelectsTheFormat() throws {
        let folder = TestScratch.folder + "keysweep-gl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--report", folder + "/gl-secret-detection-report.json", "--format", "text"])
        #expect(outcome.status == 1)
        let written = try String(contentsOfFile: folder + "/gl-secret-detection-report.json", encoding: .utf8)
        #expect(written.contains(#""type" : "secret_detection""#))
        #expect(try validate(written).status == 0)
    }
}
