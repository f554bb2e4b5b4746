import Foundation
import Testing

/// The labelled benchmark (`scripts/eval`) as a regression test: Keysweep must find exactly the
/// planted secrets it found when the golden file was recorded, and report no hard negative, so
/// that an optimisation cannot trade correctness for speed unnoticed.
@Suite struct LabelledBenchmarkTests {
    @Test func keysweepFindsTheRecordedLabelsAndNoHardNegative() throws {
        let work = NSTemporaryDirectory() + "keysweep-eval-" + UUID().uuidString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", KeysweepProcess.repositoryRoot + "/scripts/eval", "--tools", "keysweep", "--work", work]
        var environment = ProcessInfo.processInfo.environment
        environment["KEYSWEEP_BIN"] = KeysweepProcess.binary
        process.environment = environment
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "scripts/eval failed:\n\(output.suffix(2000))")

        let data = try Data(contentsOf: URL(fileURLWithPath: work + "/eval.json"))
        let results = try #require(((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["results"] as? [String: Any])?["keysweep"] as? [String: Any])
        var summary: [String: Any] = [:]
        for target in ["tree", "history"] {
            let result = try #require(results[target] as? [String: Any])
            #expect((result["recall"] as? Double ?? 0) >= 0.95, "\(target) recall")
            #expect((result["precision"] as? Double ?? 0) >= 0.95, "\(target) precision")
            summary[target] = ["found": (result["found_ids"] as? [String] ?? []).sorted(),
                               "hard_negatives_reported": (result["negative_ids"] as? [String] ?? []).sorted()]
        }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: summary, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
        let golden = try Golden.compare(text, to: "eval-keysweep.json")
        #expect(golden.actual == golden.expected, "the labelled benchmark's findings moved; if on purpose, rerun with KEYSWEEP_UPDATE_GOLDEN=1")
        try? FileManager.default.removeItem(atPath: work)
    }
}
