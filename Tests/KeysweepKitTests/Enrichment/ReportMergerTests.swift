import Testing
@testable import KeysweepKit

/// `keysweep merge`: one secret across reports is one finding, and cross-report facts are derived again.
@Suite struct ReportMergerTests {
    private let now = Timestamp(iso8601: "2026-11-01T00:00:00Z")!

    private func document(path: String, owner: String) -> JSONReportDocument {
        let location = JSONReportDocument.LocationEntry(fingerprint: "l-" + path, repository: nil, path: path, line: 1, column: 1,
                                                        endLine: 1, endColumn: 10, commit: "abc", author: "Ada", email: "ada@example.com",
                                                        date: "2026-10-01T00:00:00Z")
        let nhi = Enrichment(places: [Enrichment.Place(repository: nil, path: path, commit: "abc", date: "2026-10-01T00:00:00Z", author: "Ada <ada@example.com>")],
                             presentAtHead: true, facts: .init(), codeOwners: [.init(name: owner, source: "codeowners", locations: 1)],
                             branches: ["main"], onlyUnmergedBranches: false, remediation: .init(text: "rotate", link: "https://example.com"),
                             now: now, policy: .init())
        let entry = JSONReportDocument.FindingEntry(
            fingerprint: "f1", rule: "github.pat.classic", rules: ["github.pat.classic"], name: "GitHub token", provider: "GitHub",
            kind: "access-token", severity: "critical", secret: "ghp_…(40)", entropy: 5, locations: [location],
            counts: .init([location]), firstSeen: .init(commit: "abc", date: "2026-10-01T00:00:00Z"), presentAtHead: true, nhi: nhi)
        let scan = JSONReportDocument.Scan(files: 1, bytes: 10, findings: 1, locations: 1, skipped: [:], suppressed: [:], rejectedByValidator: [:], warnings: [],
                                           limitHits: [], durationMilliseconds: nil, now: nil, repositories: nil)
        return JSONReportDocument(tool: .init(rules: 200), scan: scan, findings: [entry])
    }

    @Test func aSecretInTwoRepositoriesIsOneReusedFinding() throws {
        let merged = try ReportMerger(now: now).merge([("billing", document(path: "a.env", owner: "@acme/a")),
                                                   ("search", document(path: "a.env", owner: "@acme/b"))])
        #expect(merged.findings.count == 1)
        let finding = try #require(merged.findings.first)
        #expect(finding.locations.map(\.repository) == ["billing", "search"])
        #expect(finding.counts.files == 2)
        #expect(finding.nhi?.exposure.repositories == ["billing", "search"])
        #expect(finding.nhi?.risks == ["NHI2", "NHI9"])
        #expect(finding.nhi?.owners.map(\.name) == ["@acme/a", "@acme/b", "Ada <ada@example.com>"])
        #expect(merged.scan.repositories == ["billing", "search"])
        #expect(merged.scan.files == 2)
    }

    @Test func oneIncompleteReportMakesTheMergeIncomplete() throws {
        var damaged = document(path: "b.env", owner: "@acme/b")
        damaged.scan.complete = false
        var complete = document(path: "a.env", owner: "@acme/a")
        complete.scan.complete = true
        #expect(try ReportMerger(now: now).merge([("billing", complete), ("search", complete)]).scan.complete == true)
        #expect(try ReportMerger(now: now).merge([("billing", complete), ("search", damaged)]).scan.complete == false)
    }

    @Test func reportsUnderDifferentFingerprintKeysAreNotMerged() throws {
        var first = document(path: "a.env", owner: "@acme/a"), second = document(path: "a.env", owner: "@acme/b")
        first.scan.fingerprintKey = .project
        first.scan.fingerprintKeyID = "0badc0de"
        second.scan.fingerprintKey = .builtin
        second.scan.fingerprintKeyID = FingerprintKey.builtin.id
        #expect(throws: KeysweepError.self) { try ReportMerger(now: now).merge([("billing", first), ("search", second)]) }
        second = first
        let merged = try ReportMerger(now: now).merge([("billing", first), ("search", second)])
        #expect(merged.scan.fingerprintKey == .project && merged.scan.fingerprintKeyID == "0badc0de")
    }

    @Test func csvQuotesAndDefusesFormulas() {
        #expect(InventoryCSV.quoted("plain") == "plain")
        #expect(InventoryCSV.quoted("a,b") == "\"a,b\"")
        #expect(InventoryCSV.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(InventoryCSV.quoted("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(InventoryCSV.quoted("-5") == "-5")
        #expect(InventoryCSV.quoted("@acme/platform") == "@acme/platform")
        #expect(InventoryCSV.quoted("@SUM(A1)") == "'@SUM(A1)")
    }

    @Test func htmlEscapesEverythingItShows() {
        #expect(InventoryHTML.escape("<script>alert('x')</script>&\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;")
    }
}
