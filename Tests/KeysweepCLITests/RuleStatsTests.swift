import Foundation
import Testing

/// `--rule-stats` times each rule's pattern and prints the costliest on standard error; the report
/// is the same as without it.
@Suite struct RuleStatsTests {
    @Test func ruleStatsNameTheRulesThatRanAndLeaveTheReportAlone() throws {
        let arguments = ["scan", "fixtures/tree", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"]
        let plain = try KeysweepProcess.run(arguments)
        let measured = try KeysweepProcess.run(arguments + ["--rule-stats"])
        #expect(measured.status == plain.status)
        #expect(measured.stdout == plain.stdout)
        let lines = measured.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("keysweep: rule stats: ") == true, "\(measured.stderr)")
        #expect(lines.contains { $0.hasSuffix("  generic.password") && $0.contains("near keywords") }, "\(measured.stderr)")
        #expect(!plain.stderr.contains("rule stats"))
    }
}

/// Matching near keywords (the default) and over whole blobs (`--whole-blobs`) give the same
/// report, on the folder fixtures and on a history.
@Suite struct StartWindowsTests {
    @Test(arguments: [["scan", "fixtures/tree"], ["git", GitFixtures.path("history")]])
    func wholeBlobsGiveTheSameReport(input: [String]) throws {
        let arguments = input + ["--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"]
        let near = try KeysweepProcess.run(arguments)
        let whole = try KeysweepProcess.run(arguments + ["--whole-blobs"])
        #expect(near.status == 1)
        #expect(near.stdout == whole.stdout)
        let stats = try KeysweepProcess.run(arguments + ["--whole-blobs", "--rule-stats"])
        #expect(!stats.stderr.contains("near keywords"), "every rule ran over whole blobs")
    }
}
