import Foundation
import TestScratch
import Testing

/// What reports reveal of a secret: a short generic password leaves no trace in any format, and
/// fingerprints are keyed, so that a report alone cannot confirm a guess.
@Suite struct SafeOutputsTests {
    static let password = "Zq8vWx2k"
    static let projectKey = "team-key-5f0c9a71e2d4"

    /// A fresh folder holding one short generic password.
    private func folder() throws -> String {
        let path = TestScratch.folder + "keysweep-safe-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data("db_password = \"\(Self.password)\"\n".utf8).write(to: URL(fileURLWithPath: path + "/settings.py"))
        return path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func fingerprint(_ outcome: KeysweepProcess.Outcome) throws -> String {
        let findings = try #require(try json(outcome.stdout)["findings"] as? [[String: Any]])
        return try #require(findings.first?["fingerprint"] as? String)
    }

    /// Every run of three characters of the password, the smallest piece that would narrow a guess.
    private func pieces(of secret: String) -> [String] {
        let characters = Array(secret)
        return (0...(characters.count - 3)).map { String(characters[$0..<$0 + 3]) }
    }

    @Test(arguments: [["scan", ".", "--format", "text"], ["scan", ".", "--format", "json"], ["scan", ".", "--format", "jsonl"],
                      ["scan", ".", "--format", "sarif"], ["inventory", ".", "--format", "csv"], ["inventory", ".", "--format", "html"],
                      ["inventory", ".", "--format", "json"], ["baseline", "create", "--output", "-", "."]])
    func aShortGenericPasswordLeavesNoTraceInAnyFormat(arguments: [String]) throws {
        let tree = try folder()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let outcome = try KeysweepProcess.run(arguments, in: tree)
        #expect(outcome.status != 2, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("…(8)"), "the length alone: \(outcome.stdout)")
        for piece in pieces(of: Self.password) {
            #expect(!outcome.stdout.contains(piece), "'\(piece)' of the password is in the report")
            #expect(!outcome.stderr.contains(piece))
        }
    }

    @Test func theFingerprintIsNotAnUnkeyedHashOfTheSecret() throws {
        let tree = try folder()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let builtin = try fingerprint(try KeysweepProcess.run(["scan", ".", "--format", "json"], in: tree))
        let hashes = try ToolProcess.run(["python3", "-c", """
            import hashlib
            s = b"\(Self.password)"
            print(hashlib.sha256(s).hexdigest()[:32])
            print(hashlib.sha256(b"keysweep:secret:v1\\0" + s).hexdigest()[:32])
            """])
        #expect(hashes.status == 0, "\(hashes.output)")
        let unkeyed = hashes.output.split(separator: "\n").map(String.init)
        #expect(unkeyed.count == 2)
        #expect(!unkeyed.contains(builtin), "plain SHA-256 and the old unkeyed fingerprint differ from \(builtin)")
    }

    @Test func aProjectKeyFromAFileOrTheEnvironmentIsNamedByKindAndIDOnly() throws {
        let tree = try folder()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Data((Self.projectKey + "\n").utf8).write(to: URL(fileURLWithPath: tree + "/.keysweep-key"))
        let builtin = try KeysweepProcess.run(["scan", ".", "--format", "json"], in: tree)
        let fromFile = try KeysweepProcess.run(["scan", ".", "--format", "json", "--fingerprint-key-file", ".keysweep-key"], in: tree)
        let fromEnvironment = try KeysweepProcess.run(["scan", ".", "--format", "json"], in: tree,
                                                      environment: ["KEYSWEEP_FINGERPRINT_KEY": Self.projectKey])
        try Data("fingerprint_key_file: .keysweep-key\n".utf8).write(to: URL(fileURLWithPath: tree + "/.keysweep.yml"))
        let fromConfig = try KeysweepProcess.run(["scan", ".", "--format", "json"], in: tree)

        let builtinScan = try #require(try json(builtin.stdout)["scan"] as? [String: Any])
        #expect(builtinScan["fingerprint_key"] as? String == "builtin")
        let projectScan = try #require(try json(fromFile.stdout)["scan"] as? [String: Any])
        #expect(projectScan["fingerprint_key"] as? String == "project")
        #expect((projectScan["fingerprint_key_id"] as? String)?.count == 8)
        #expect(projectScan["fingerprint_key_id"] as? String != builtinScan["fingerprint_key_id"] as? String)
        #expect(try fingerprint(fromFile) != (try fingerprint(builtin)))
        #expect(try fingerprint(fromFile) == (try fingerprint(fromEnvironment)), "the same key text, the same fingerprints")
        #expect(try fingerprint(fromFile) == (try fingerprint(fromConfig)))
        for outcome in [fromFile, fromEnvironment, fromConfig] {
            #expect(!outcome.stdout.contains(Self.projectKey) && !outcome.stderr.contains(Self.projectKey), "the key is never printed")
        }
    }

    @Test func anEmptyOrMissingKeyFileStopsTheRunNamingIt() throws {
        let tree = try folder()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Data("\n".utf8).write(to: URL(fileURLWithPath: tree + "/empty.key"))
        let empty = try KeysweepProcess.run(["scan", ".", "--fingerprint-key-file", "empty.key"], in: tree)
        #expect(empty.status == 2)
        #expect(empty.stderr == "keysweep: error: cannot use fingerprint key file 'empty.key': the file is empty\n")
        let missing = try KeysweepProcess.run(["baseline", "create", "--fingerprint-key-file", "no.key", "."], in: tree)
        #expect(missing.status == 2)
        #expect(missing.stderr == "keysweep: error: cannot use fingerprint key file 'no.key': No such file or directory\n")
    }

    @Test func aBaselineMadeUnderAnotherKeyOrAnOldOneStopsTheRun() throws {
        let tree = try folder()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Data(Self.projectKey.utf8).write(to: URL(fileURLWithPath: tree + "/team.key"))
        let create = try KeysweepProcess.run(["baseline", "create", "--output", "baseline.json", "--fingerprint-key-file", "team.key", "."], in: tree)
        #expect(create.status == 0, "\(create.stderr)")
        let same = try KeysweepProcess.run(["scan", ".", "--baseline", "baseline.json", "--fingerprint-key-file", "team.key"], in: tree)
        #expect(same.status == 0, "\(same.stderr)")
        let other = try KeysweepProcess.run(["scan", ".", "--baseline", "baseline.json"], in: tree)
        #expect(other.status == 2, "not every finding reported as new")
        #expect(other.stderr.contains("this scan uses the builtin key") && other.stderr.contains("keysweep baseline create"), "\(other.stderr)")

        try Data(#"{"version": 1, "findings": [{"fingerprint": "00", "rule": "generic.password", "secret": "…(8)", "locations": []}]}"#.utf8)
            .write(to: URL(fileURLWithPath: tree + "/old.json"))
        let old = try KeysweepProcess.run(["scan", ".", "--baseline", "old.json"], in: tree)
        #expect(old.status == 2)
        #expect(old.stderr.contains("version 1") && old.stderr.contains("keysweep baseline create"), "\(old.stderr)")
    }
}
