import Foundation
import Testing

/// End to end on fixtures/credentials (issue 15, items 3-5): one finding per credential with its
/// parts named, test and documentation material marked and left out on request, look-alikes
/// counted and listed when suppressions are off.
@Suite struct CredentialReportTests {
    private let scan = ["scan", "fixtures/credentials", "--no-timing", "--now", "2026-11-01T00:00:00Z", "--color", "never"]

    @Test(arguments: ["json", "text", "sarif"])
    func credentialsOfSeveralPartsAreOneFindingEach(format: String) throws {
        let outcome = try KeysweepProcess.run(scan + ["--format", format])
        #expect(outcome.status == 1)
        // The SARIF source root is the checkout's absolute path: not part of the golden.
        let stable = outcome.stdout.replacingOccurrences(of: #""uri" : "file://[^"]*""#, with: #""uri" : "file:///SRCROOT/""#, options: .regularExpression)
        let golden = try Golden.compare(stable, to: "credentials.\(format)")
        #expect(golden.actual == golden.expected)
    }

    @Test func excludeContextLeavesOutTestAndDocumentationMaterial() throws {
        let outcome = try KeysweepProcess.run(scan + ["--format", "text", "--exclude-context", "test,docs"])
        #expect(outcome.status == 1)
        let golden = try Golden.compare(outcome.stdout, to: "credentials.exclude-context.text")
        #expect(golden.actual == golden.expected)
        #expect(!outcome.stdout.contains("github.pat.classic"))
        #expect(outcome.stdout.contains("context 1"), "the finding left out is counted")
    }

    @Test func excludeContextRefusesAnUnknownContext() throws {
        let outcome = try KeysweepProcess.run(scan + ["--exclude-context", "tests"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--exclude-context takes test, fixture, docs, example or source, not 'tests'"))
    }

    @Test func noSuppressListsRejectedLookAlikesAndPublishedExamples() throws {
        let outcome = try KeysweepProcess.run(scan + ["--format", "json", "--no-suppress"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let rejected = findings.filter { $0["rejected"] as? Bool == true }
        #expect(rejected.map { $0["rule"] as? String } == ["github.pat.classic"])
        // The AWS documentation pair: one credential, marked, not hidden.
        let examples = findings.filter { ($0["locations"] as? [[String: Any]])?.first?["context"] as? String == "example" }
        #expect(examples.count == 1)
        #expect((examples.first?["parts"] as? [[String: Any]])?.compactMap { $0["part"] as? String } == ["secret", "id"])
        let scanStatistics = try #require(report["scan"] as? [String: Any])
        #expect((scanStatistics["rejected_by_validator"] as? [String: Int])?["github.pat.classic"] == 1)
    }

    @Test func verboseNamesTheRulesThatRejectedLookAlikes() throws {
        let outcome = try KeysweepProcess.run(scan + ["--format", "json", "--verbose"])
        #expect(outcome.stderr.contains("rejected by validators (look-alikes): github.pat.classic 1"))
    }
}
