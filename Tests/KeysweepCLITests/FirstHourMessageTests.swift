import Foundation
import TestScratch
import Testing

/// Issue 18, "the first hour", messages: each names the input, the reason and the remedy, in
/// words (never a Swift type name or a raw git error), with the documented exit code.
@Suite struct FirstHourMessageTests {
    static func folder(_ name: String) throws -> String {
        let path = TestScratch.folder + "keysweep-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// ArgumentParser took `-1` for a flag and said "Missing value"; 300 exited 44.
    @Test(arguments: [
        (["scan", "--threads", "-1"], "--threads must be at least 1, not -1"),
        (["scan", "--max-file-size", "-5"], "--max-file-size must be a positive number of bytes, not -5"),
        (["scan", "--long-lived-days", "-3"], "--long-lived-days must be at least 1 day, not -3"),
        (["scan", "--exit-code", "300"], "--exit-code must be 0, 1 or 3-255 (2 means a usage or input error), not 300"),
        (["scan", "--exit-code", "-1"], "--exit-code must be 0, 1 or 3-255"),
        (["scan", "--exit-code", "2"], "--exit-code must be 0, 1 or 3-255"),
    ])
    func negativeAndOutOfRangeNumbersAreRefusedWithTheReason(arguments: [String], message: String) throws {
        let outcome = try KeysweepProcess.run(arguments + ["fixtures/tree"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("keysweep: error: \(message)"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Missing value"))
    }

    @Test func aBaselineWithAMissingFieldNamesTheFieldInWords() throws {
        let folder = try Self.folder("baseline")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/b.json"
        try Data(#"{"version":2,"fingerprint_key":"builtin","key_id":"x","findings":[{"rule":"a"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--baseline", path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("baseline '\(path)' is not a Keysweep baseline: the field 'findings[0].fingerprint' is missing"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("keysweep baseline create"))
        #expect(!outcome.stderr.contains("CodingKeys") && !outcome.stderr.contains("DecodingError"))
    }

    @Test func baselineUpdateCreatesAMissingFileAndCreateSaysHowToUseIt() throws {
        let folder = try Self.folder("baseline-new")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let update = try KeysweepProcess.run(["baseline", "update", "-o", folder + "/new.json", "fixtures/tree"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/new.json"))
        #expect(update.stdout.contains("keysweep scan --baseline \(folder)/new.json"))
        let create = try KeysweepProcess.run(["baseline", "create", "-o", folder + "/other.json", "fixtures/tree"])
        #expect(create.status == 0)
        #expect(create.stdout.contains("keysweep scan --baseline \(folder)/other.json"))
        #expect(create.stdout.contains("baseline: \(folder)/other.json"))
    }

    @Test func aSymlinkLoopIsALoopNotABrokenLink() throws {
        let folder = try Self.folder("loop")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: "a")
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\"symlink-loop\" : 2"))
        #expect(outcome.stderr.contains("\(folder)/a: symbolic link loop"))
        #expect(!outcome.stderr.contains("broken"))
    }

    @Test func rulesListJSONIncludesTheExamples() throws {
        let outcome = try KeysweepProcess.run(["rules", "list", "--format", "json"])
        #expect(outcome.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let github = try #require(rules.first { $0["id"] as? String == "github.pat.classic" })
        #expect(((github["examples"] as? [String]) ?? []).isEmpty == false)
    }

    /// "(default: the current folder). (default: .)": each default is stated once.
    @Test(arguments: ["scan", "git", "staged", "inventory", "baseline create", "baseline update", "dump", "merge"])
    func helpStatesEachDefaultOnce(command: String) throws {
        let outcome = try KeysweepProcess.run(command.split(separator: " ").map(String.init) + ["--help"])
        // One block per argument or option: a line indented by two spaces starts the next one.
        var blocks: [String] = []
        for line in outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  ") && !line.hasPrefix("   ") { blocks.append("") }
            if !blocks.isEmpty { blocks[blocks.count - 1] += " " + line.trimmingCharacters(in: .whitespaces) }
        }
        #expect(!blocks.isEmpty)
        for block in blocks {
            let count = block.components(separatedBy: "(default").count - 1 + block.components(separatedBy: "by default").count - 1
            #expect(count <= 1, "\(command): \(block)")
        }
    }

    @Test(arguments: ["[", "src/[a-", "[]"])
    func anInvalidIncludeGlobStopsTheRunNamingIt(glob: String) throws {
        let outcome = try KeysweepProcess.run(["scan", "fixtures/tree", "--include", glob])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--include: invalid glob '\(glob)'"), "\(outcome.stderr)")
    }

    @Test func anInvalidGlobInTheProjectConfigStopsTheRun() throws {
        let folder = try Self.folder("config-glob")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("exclude: ['vendor/[']\n".utf8).write(to: URL(fileURLWithPath: folder + "/.keysweep.yml"))
        let outcome = try KeysweepProcess.run(["scan", "."], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(".keysweep.yml:1: key 'exclude': invalid glob 'vendor/[': '[' opens a character class that is never closed"), "\(outcome.stderr)")
    }
}
