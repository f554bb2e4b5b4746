import Foundation
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

    @Test func aMissingDumpIsAnError() throws {
        let outcome = try KeysweepProcess.run(["dump", "no-such.dump"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: cannot read dump 'no-such.dump': No such file or directory\n")
    }
}
