import Foundation
import TestScratch
import Testing

/// SARIF and JSON reports checked by real clients: the official schemas and sarif-tools.
@Suite struct SARIFTests {
    static let sarifSchema = KeysweepProcess.repositoryRoot + "/schemas/sarif-schema-2.1.0.json"
    static let reportSchema = KeysweepProcess.repositoryRoot + "/schemas/keysweep-report-v1.schema.json"
    static let python = KeysweepProcess.repositoryRoot + "/.tools-venv/bin/python"

    /// Every input mode, for the schema checks.
    static let modes: [(name: String, arguments: [String])] = [
        ("scan", ["scan", "fixtures/tree"]),
        ("git", ["git", GitFixtures.path("history")]),
        ("staged", ["staged", GitFixtures.path("staged")]),
        ("dump", ["dump", GitFixtures.path("dumps/fast-export.dump")]),
        ("inventory", ["inventory", GitFixtures.path("inventory/billing"), GitFixtures.path("inventory/search")]),
    ]

    private func write(_ text: String, name: String) throws -> String {
        let path = TestScratch.folder + "keysweep-\(UUID().uuidString)-\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }


    /// The absolute `%SRCROOT%` differs between machines; golden files hold a placeholder.
    private func normalized(_ sarif: String) -> String {
        sarif.replacingOccurrences(of: #""uri" : "file://[^"]*""#, with: #""uri" : "file:///SRCROOT/""#, options: .regularExpression)
    }

    @Test(arguments: ["scan", "git", "staged", "dump"])
    func sarifOfEveryInputModeIsValidAgainstTheOfficialSchema(mode: String) throws {
        let arguments = try #require(Self.modes.first { $0.name == mode }).arguments
        let outcome = try KeysweepProcess.run(arguments + ["--format", "sarif"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let file = try write(outcome.stdout, name: "\(mode).sarif")
        let check = try ToolProcess.run([Self.python, KeysweepProcess.repositoryRoot + "/scripts/validate-json", Self.sarifSchema, file])
        #expect(check.status == 0, "\(check.output)")
        let summary = try ToolProcess.run([KeysweepProcess.repositoryRoot + "/.tools-venv/bin/sarif", "summary", file])
        #expect(summary.status == 0, "\(summary.output)")
        #expect(summary.output.contains("warning:"))
    }

    @Test(arguments: ["scan", "git", "staged", "dump", "inventory"])
    func jsonReportOfEveryInputModeIsValidAgainstItsSchema(mode: String) throws {
        let arguments = try #require(Self.modes.first { $0.name == mode }).arguments
        let outcome = try KeysweepProcess.run(arguments + ["--format", "json"])
        let file = try write(outcome.stdout, name: "\(mode).json")
        let check = try ToolProcess.run([Self.python, KeysweepProcess.repositoryRoot + "/scripts/validate-json", Self.reportSchema, file])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(arguments: [("scan", "tree.sarif"), ("git", "git-history.sarif")])
    func sarifMatchesTheGoldenFile(mode: String, golden name: String) throws {
        let arguments = try #require(Self.modes.first { $0.name == mode }).arguments
        let outcome = try KeysweepProcess.run(arguments + ["--format", "sarif", "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        let golden = try Golden.compare(normalized(outcome.stdout), to: name)
        #expect(golden.actual == golden.expected)
    }

    @Test func invalidSARIFIsRejectedByTheValidator() throws {
        // Guards the check above: a 0-based column, as some scanners write, must fail.
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "sarif"])
        let broken = outcome.stdout.replacingOccurrences(of: #""startColumn" : \d+"#, with: #""startColumn" : 0"#, options: .regularExpression)
        let file = try write(broken, name: "broken.sarif")
        let check = try ToolProcess.run([Self.python, KeysweepProcess.repositoryRoot + "/scripts/validate-json", Self.sarifSchema, file])
        #expect(check.status == 1)
        #expect(check.output.contains("0 is less than the minimum of 1"))
    }
}
