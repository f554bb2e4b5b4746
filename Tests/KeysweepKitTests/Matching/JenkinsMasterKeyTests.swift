import Foundation
import Testing
@testable import KeysweepKit

/// Jenkins master keys: recognised from the bytes of `secrets/master.key`, kept only there, and
/// the stored secrets they open with `secrets/hudson.util.Secret` (`fixtures/tree/jenkins`, written
/// by `scripts/generate-vault-fixtures` as Jenkins writes them).
@Suite struct JenkinsMasterKeyTests {
    private static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/tree/jenkins/" + path))))
    }

    private static func keyFileSecret(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBytes { JenkinsMasterKey.secret(ofKeyFile: $0) }
    }

    @Test func aKeyFileIs256LowercaseHexDigitsAndAtMostALineEnd() throws {
        let key = try Self.fixture("secrets/master.key")
        #expect(Self.keyFileSecret(key) == key)
        #expect(Self.keyFileSecret(key + [0x0A]) == key)
        #expect(Self.keyFileSecret(Array(String(decoding: key, as: UTF8.self).uppercased().utf8)) == nil)
        #expect(Self.keyFileSecret(Array(key.dropLast())) == nil)
        #expect(Self.keyFileSecret(key + [0x0A, 0x0A]) == nil)
    }

    @Test(arguments: [
        ("secrets/master.key", true, ""),
        ("var/jenkins_home/secrets/master.key", true, "var/jenkins_home/"),
        ("config/master.key", false, nil),
        ("secrets/hudson.util.Secret", false, nil),
    ] as [(String, Bool, String?)])
    func keyFilesAreKnownByTheirPath(path: String, isKey: Bool, home: String?) {
        #expect(JenkinsMasterKey.isKeyPath(path) == isKey)
        #expect(JenkinsMasterKey.home(ofKeyAt: path) == home)
    }

    /// The key opens `hudson.util.Secret`, whose key opens the stored secrets of
    /// `credentials.xml` in place; another master key opens nothing.
    @Test func theMasterKeyOpensTheStoredSecrets() throws {
        let credentials = try #require(JenkinsCredentials(masterKey: try Self.fixture("secrets/master.key"),
                                                          secretFile: try Self.fixture("secrets/hudson.util.Secret")))
        let opened = try #require(credentials.opened(xml: try Self.fixture("credentials.xml")))
        #expect(opened.names == ["password", "secret"])
        let text = String(decoding: opened.text, as: UTF8.self)
        #expect(text.contains("<secret>sk_live_"))
        #expect(!text.contains("{AQAAAB"))
        #expect(text.components(separatedBy: "\n").count == String(decoding: try Self.fixture("credentials.xml"), as: UTF8.self)
            .components(separatedBy: "\n").count)

        let other = Array(try Self.fixture("userContent/build-seed.txt"))
        #expect(JenkinsCredentials(masterKey: other, secretFile: try Self.fixture("secrets/hudson.util.Secret")) == nil)
    }
}
