import Foundation
import Testing
@testable import KeysweepKit

/// Keyed fingerprints: HMAC-SHA-256, where the key comes from, and baselines made under another key.
@Suite struct FingerprintKeyTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// RFC 4231, test cases 1, 2, 6 and 7 (a key longer than the block is hashed first).
    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func hmacSHA256MatchesRFC4231(key: [UInt8], message: String, expected: String) {
        #expect(HMAC.sha256(key: key, message: Array(message.utf8)).hexString == expected)
    }

    @Test func keyIDNamesTheKeyWithoutRevealingIt() {
        #expect(FingerprintKey.builtin.id == "220178bb")
        #expect(FingerprintKey.builtin.kind == .builtin)
        let project = FingerprintKey(project: bytes("correct horse battery staple"))
        #expect(project.kind == .project)
        #expect(project.id.count == 8 && project.id != FingerprintKey.builtin.id)
        #expect(!project.description.contains("horse"))
    }

    @Test func locationFingerprintsAreKeyed() {
        let location = Location(path: "a.env", start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 9), lineContext: "ctx")
        let builtin = location.fingerprint(finding: "f", key: .builtin)
        #expect(builtin == location.fingerprint(finding: "f", key: .builtin))
        #expect(builtin != location.fingerprint(finding: "f", key: FingerprintKey(project: bytes("k"))))
    }

    @Test func theFirstSourceFoundWins() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("option.key", "from the option\n")
        try folder.write("config.key", "from the config file\r\n")
        let config = try ProjectConfig(yaml: "fingerprint_key_file: config.key\nfingerprint_key: from the config text\n",
                                       path: folder.path + "/.keysweep.yml")
        let textOnly = try ProjectConfig(yaml: "fingerprint_key: 'from the config text  '\n", path: folder.path + "/.keysweep.yml")
        func id(_ text: String) -> String { FingerprintKey(project: bytes(text)).id }
        #expect(try FingerprintKey.resolve(file: folder.path + "/option.key", environment: "from env", config: config).id == id("from the option"))
        #expect(try FingerprintKey.resolve(file: nil, environment: "from env\n", config: config).id == id("from env"))
        #expect(try FingerprintKey.resolve(file: nil, environment: nil, config: config).id == id("from the config file"))
        #expect(try FingerprintKey.resolve(file: nil, environment: nil, config: textOnly).id == id("from the config text"))
        #expect(try FingerprintKey.resolve(file: nil, environment: nil, config: nil) == .builtin)
    }

    @Test func anEmptyOrUnreadableKeyFileIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("empty.key", "\n")
        let empty = folder.path + "/empty.key", missing = folder.path + "/missing.key"
        #expect(throws: KeysweepError.self) { try FingerprintKey.resolve(file: empty, environment: nil, config: nil) }
        do {
            _ = try FingerprintKey.resolve(file: empty, environment: nil, config: nil)
        } catch {
            #expect(error.message == "cannot use fingerprint key file '\(empty)': the file is empty")
        }
        do {
            _ = try FingerprintKey.resolve(file: missing, environment: nil, config: nil)
            Issue.record("a missing key file must fail")
        } catch {
            #expect(error.message == "cannot use fingerprint key file '\(missing)': No such file or directory")
        }
        #expect(throws: KeysweepError.self) { try FingerprintKey.resolve(file: nil, environment: "", config: nil) }
        #expect(throws: KeysweepError.self) { try ProjectConfig(yaml: "fingerprint_key: ''\n", path: ".keysweep.yml") }
    }

    @Test func aBaselineMadeUnderAnotherKeyOrUnkeyedStopsTheRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let project = FingerprintKey(project: bytes("k1"))
        try folder.write("v2.json", String(decoding: Baseline(findings: [], key: project).rendered(), as: UTF8.self))
        let baseline = try Baseline(path: folder.path + "/v2.json")
        #expect(baseline.keyID == project.id)
        try baseline.check(against: project)
        do {
            try baseline.check(against: .builtin)
            Issue.record("a baseline under another key must not be used")
        } catch {
            #expect(error.message.contains("keysweep baseline create"))
            #expect(error.message.contains(project.id) && error.message.contains(FingerprintKey.builtin.id))
        }
        try folder.write("v1.json", #"{"version": 1, "findings": []}"#)
        do {
            _ = try Baseline(path: folder.path + "/v1.json")
            Issue.record("a version 1 baseline must not be used")
        } catch {
            #expect(error.message.contains("version 1") && error.message.contains("keysweep baseline create"))
        }
    }
}
