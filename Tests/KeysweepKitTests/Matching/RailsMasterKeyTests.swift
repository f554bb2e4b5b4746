import Foundation
import Testing
@testable import KeysweepKit

/// Rails credentials keys: recognised from the bytes of a key file, kept at a key file's path,
/// and the encrypted credentials they open (`fixtures/tree/shop`, written by
/// `scripts/generate-rails-fixture` as Rails writes them).
@Suite struct RailsMasterKeyTests {
    private static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/tree/shop/" + path))))
    }

    private static func keyFileSecret(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBytes { RailsMasterKey.secret(ofKeyFile: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aKeyFileIsThirtyTwoLowercaseHexDigitsAndAtMostALineEnd() {
        let key = "9f3a1c7e2b8d40f6a5e1c3b7d9f2a08e"
        #expect(Self.keyFileSecret(key) == key)
        #expect(Self.keyFileSecret(key + "\n") == key)
        #expect(Self.keyFileSecret(key + "\r\n") == key)
        #expect(Self.keyFileSecret(key.uppercased()) == nil)
        #expect(Self.keyFileSecret(key + "\n\n") == nil)
        #expect(Self.keyFileSecret(key + " ") == nil)
        #expect(Self.keyFileSecret(String(key.dropLast())) == nil)
        #expect(Self.keyFileSecret(key + "0") == nil)
    }

    @Test(arguments: [
        ("config/master.key", true, "config/credentials.yml.enc"),
        ("master.key", true, "credentials.yml.enc"),
        ("apps/shop/config/credentials/production.key", true, "apps/shop/config/credentials/production.yml.enc"),
        ("config/secrets.yml.key", true, "config/secrets.yml.enc"),
        ("config/credentials/.key", false, ""),
        ("config/server.key", false, ""),
        ("public/assets/application.js.md5", false, ""),
        ("release.tar!config/master.key", true, ""),
    ])
    func keyFilesAreKnownByTheirPath(path: String, isKey: Bool, encrypted: String) {
        #expect(RailsMasterKey.isKeyPath(path) == isKey)
        #expect(RailsMasterKey.encryptedFilePath(forKeyAt: path) == (encrypted.isEmpty ? nil : encrypted))
    }

    @Test func aWholeFileMatchStaysOnlyAtAKeyFilesPath() {
        let start = TextPosition(line: 1, column: 1)
        #expect(RailsMasterKey.keepsLocation(Location(path: "config/master.key", start: start, end: start)))
        #expect(!RailsMasterKey.keepsLocation(Location(path: "dist/app.js.md5", start: start, end: start)))
        // `RAILS_MASTER_KEY=…` in text counts wherever it is.
        #expect(RailsMasterKey.keepsLocation(Location(path: ".env", start: start, end: TextPosition(line: 1, column: 50))))
    }

    @Test func theFixtureKeyOpensItsCredentialsAndNamesTheSettings() throws {
        let key = try Self.fixture("config/master.key")
        let file = try Self.fixture("config/credentials.yml.enc")
        let credentials = try #require(RailsCredentials(file: file, hexKey: key))
        #expect(credentials.settingNames == ["aws.access_key_id", "aws.secret_access_key", "stripe.secret_key", "secret_key_base"])
    }

    @Test func anotherKeyOrADamagedFileOpensNothing() throws {
        let key = try Self.fixture("config/master.key")
        let file = try Self.fixture("config/credentials.yml.enc")
        var other = key
        other[0] = other[0] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(RailsCredentials(file: file, hexKey: other) == nil)
        var damaged = file
        damaged[10] = damaged[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(RailsCredentials(file: damaged, hexKey: key) == nil)
        for end in 0..<file.count where end % 7 == 0 { #expect(RailsCredentials(file: Array(file[..<end]), hexKey: key) == nil) }
        #expect(RailsCredentials(file: Array("a--b--c".utf8), hexKey: key) == nil)
        #expect(RailsCredentials(file: file, hexKey: Array("not hex at all, thirty-two bytes".utf8)) == nil)
    }

    @Test func marshalAndJSONStringsAreRead() {
        let long = String(repeating: "x", count: 300)
        var marshal: [UInt8] = [0x04, 0x08, UInt8(ascii: "I"), UInt8(ascii: "\""), 0x02, 0x2C, 0x01] + Array(long.utf8)
        marshal += [0x06, 0x3A, 0x06, 0x45, 0x54]
        #expect(RailsCredentials.serializedString(marshal) == Array(long.utf8))
        #expect(RailsCredentials.serializedString([0x04, 0x08, UInt8(ascii: "\""), 0x08] + Array("abc".utf8)) == Array("abc".utf8))
        #expect(RailsCredentials.serializedString([0x04, 0x08, UInt8(ascii: "\""), 0x05]) == [])  // 5 is the empty string
        #expect(RailsCredentials.serializedString(Array(#""a: 1\nb: 2\n""#.utf8)) == Array("a: 1\nb: 2\n".utf8))
        // A length past the end, a negative length, no string at all.
        #expect(RailsCredentials.serializedString([0x04, 0x08, UInt8(ascii: "\""), 0x02, 0xFF, 0x7F]) == nil)
        #expect(RailsCredentials.serializedString([0x04, 0x08, UInt8(ascii: "\""), 0xFA]) == nil)
        #expect(RailsCredentials.serializedString([0x04, 0x08, UInt8(ascii: "[")]) == nil)
    }

    @Test func settingNamesFollowIndentationAndSkipCommentsListsAndBlockScalars() {
        let yaml = """
        # aws:
        #   access_key_id: 123
        aws:
          access_key_id: AKIA
          secret_access_key: abc # inline comment
        github:
          app:
            private_key: |
              -----BEGIN RSA PRIVATE KEY-----
              not: a name
              -----END RSA PRIVATE KEY-----
            id: 42
        hosts:
          - one: 1
        empty:
        secret_key_base: abc
        """
        #expect(RailsCredentials.settingNames(inYAML: Array(yaml.utf8))
            == ["aws.access_key_id", "aws.secret_access_key", "github.app.private_key", "github.app.id", "secret_key_base"])
    }
}
