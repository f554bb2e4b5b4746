import Foundation
import TestScratch
import Testing

@Suite struct DumpCommandTests {
    private func fingerprints(_ jsonl: String) -> Set<String> {
        Set(jsonl.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["fingerprint"] as? String
        })
    }

    @Test func fastExportDumpCarriesCommitProvenance() throws {
        let outcome = try KeysweepProcess.run(["dump", GitFixtures.path("dumps/fast-export.dump"), "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let golden = try Golden.compare(outcome.stdout, to: "dump-fast-export.json")
        #expect(golden.actual == golden.expected)
    }

    @Test func bothDumpFormatsFindWhatTheHistoryScanFinds() throws {
        let history = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--format", "jsonl"])
        let fastExport = try KeysweepProcess.run(["dump", GitFixtures.path("dumps/fast-export.dump"), "--format", "jsonl"])
        let catFile = try KeysweepProcess.run(["dump", "-", "--format", "jsonl"], stdinFile: GitFixtures.path("dumps/cat-file.dump"))
        #expect(!fingerprints(history.stdout).isEmpty)
        #expect(fingerprints(fastExport.stdout) == fingerprints(history.stdout))
        #expect(fingerprints(catFile.stdout).isSuperset(of: fingerprints(history.stdout)))
    }

    @Test(arguments: [
        ("dumps/fast-export-truncated.dump", "is damaged at byte 1200: expected"),
        ("dumps/cat-file-truncated.dump", "is damaged at byte 700: expected"),
        ("dumps/cat-file-corrupt.dump", "expected an object header starting with a full object id"),
    ])
    func damagedDumpsAreScannedUpToTheDamageThenFail(file: String, message: String) throws {
        let outcome = try KeysweepProcess.run(["dump", GitFixtures.path(file), "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("{"), "the report of what was read is still written whole")
    }

    @Test(arguments: ["dumps/fast-export-truncated.dump", "dumps/cat-file-truncated.dump"])
    func aTruncatedDumpsReportSaysItIsIncompleteInEveryFormat(file: String) throws {
        let root = KeysweepProcess.repositoryRoot
        let folder = TestScratch.folder + "keysweep-incomplete-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try KeysweepProcess.run(["dump", GitFixtures.path(file), "--format", "json", "--output", folder + "/report.json",
                                               "--report", "sarif:\(folder)/report.sarif", "--report", "text:\(folder)/report.text"])
        #expect(outcome.status == 2, "the exit code stays 2: \(outcome.stderr)")
        let damage = try #require(outcome.stderr.split(separator: "\n").first { $0.contains("is damaged") })
        let reason = String(damage.dropFirst("keysweep: error: ".count))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any])
        let scan = try #require(json["scan"] as? [String: Any])
        #expect(scan["complete"] as? Bool == false)
        let warnings = try #require(scan["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["message"] as? String == reason }, "\(warnings)")

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.sarif"))) as? [String: Any])
        let invocation = try #require(((sarif["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect(invocation["exitCode"] as? Int == 2)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect((notification["message"] as? [String: Any])?["text"] as? String == reason)

        let text = try String(contentsOfFile: folder + "/report.text", encoding: .utf8)
        #expect(text.contains("INCOMPLETE SCAN: \(reason)"), "\(text)")

        let python = root + "/.tools-venv/bin/python", validate = root + "/scripts/validate-json"
        let sarifCheck = try ToolProcess.run([python, validate, root + "/schemas/sarif-schema-2.1.0.json", folder + "/report.sarif"])
        #expect(sarifCheck.status == 0, "\(sarifCheck.output)")
        let jsonCheck = try ToolProcess.run([python, validate, root + "/schemas/keysweep-report-v1.schema.json", folder + "/report.json"])
        #expect(jsonCheck.status == 0, "\(jsonCheck.output)")
    }

    @Test func aWholeDumpsReportSaysItIsComplete() throws {
        let outcome = try KeysweepProcess.run(["dump", GitFixtures.path("dumps/fast-export.dump"), "--format", "sarif"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains(#""executionSuccessful" : true"#))
        #expect(!outcome.stdout.contains("toolExecutionNotifications"))
    }

    @Test func aMissingDumpIsAnError() throws {
        let outcome = try KeysweepProcess.run(["dump", "no-such.dump"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: cannot read dump 'no-such.dump': No such file or directory\n")
    }
}
