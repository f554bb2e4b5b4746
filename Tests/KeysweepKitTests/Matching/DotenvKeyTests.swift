import Digest
import Foundation
import Testing
@testable import KeysweepKit

/// dotenv's keys and what they open: a dotenv-vault key decrypts its `.env.vault` entry, a
/// dotenvx private key is matched to its env file by the public key that file names
/// (`fixtures/tree/notify`, written by `scripts/generate-vault-fixtures`).
@Suite struct DotenvKeyTests {
    private static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/tree/notify/" + path))))
    }

    /// The value of `name=` in a fixture file, quotes and URI around the key taken off.
    private static func value(_ name: String, in path: String) throws -> String {
        let text = String(decoding: try fixture(path), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.contains(name + "=") })
        return String(line.split(separator: "=", maxSplits: 1)[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    @Test func aVaultKeyOpensItsEntryAndNamesTheVariables() throws {
        let uri = try Self.value("DOTENV_KEY", in: "deploy/dev.sh")
        let key = try #require(uri.split(separator: "_", maxSplits: 1).last?.prefix(64))
        let opened = try #require(DotenvEncryptedFiles.openVault(try Self.fixture(".env.vault"), hexKey: Array(key.utf8)))
        #expect(opened.environment == "DEVELOPMENT")
        #expect(opened.names == ["SENTRY_DSN", "REDIS_URL"])
        #expect(DotenvEncryptedFiles.openVault(try Self.fixture(".env.vault"), hexKey: Array(String(repeating: "ab", count: 32).utf8)) == nil)
    }

    @Test func aPrivateKeyIsMatchedToItsEnvFileByItsPublicKey() throws {
        let privateKey = try #require(ValueShape.bytes(ofHex: Array(try Self.value("DOTENV_PRIVATE_KEY_PRODUCTION", in: ".env.keys").utf8)))
        let publicKey = try #require(Secp256k1.compressedPublicKey(ofPrivateKey: privateKey))
        let names = DotenvEncryptedFiles.encryptedNames(in: try Self.fixture(".env.production"), publicKey: publicKey)
        #expect(names == ["SMTP_PASSWORD", "TWILIO_AUTH_TOKEN"])
        var other = publicKey
        other[5] ^= 1
        #expect(DotenvEncryptedFiles.encryptedNames(in: try Self.fixture(".env.production"), publicKey: other) == nil)
    }

    /// The fixture's values were sealed as eciesjs seals them (checked with eciespy, another
    /// implementation): the key decrypts them, line for line.
    @Test func aPrivateKeyDecryptsItsEnvFileLineForLine() throws {
        let privateKey = try #require(ValueShape.bytes(ofHex: Array(try Self.value("DOTENV_PRIVATE_KEY_PRODUCTION", in: ".env.keys").utf8)))
        let text = try #require(DotenvEncryptedFiles.decryptedText(of: try Self.fixture(".env.production"), privateKey: privateKey))
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == String(decoding: try Self.fixture(".env.production"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(lines[8].hasPrefix("SMTP_PASSWORD=\"SG."))
        #expect(lines[9].hasPrefix("TWILIO_AUTH_TOKEN=\"") && lines[9].count == "TWILIO_AUTH_TOKEN=\"\"".count + 32)
        #expect(lines[7].isEmpty)  // a plain value is not repeated
        var other = privateKey
        other[31] ^= 1
        #expect(DotenvEncryptedFiles.decryptedText(of: try Self.fixture(".env.production"), privateKey: other) == nil)
    }

    /// RFC 5869's first test case (HKDF-SHA256).
    @Test func hkdfFollowsRFC5869() throws {
        let inputKey = [UInt8](repeating: 0x0b, count: 22)
        let salt = try #require(ValueShape.bytes(ofHex: Array("000102030405060708090a0b0c".utf8)))
        let info = try #require(ValueShape.bytes(ofHex: Array("f0f1f2f3f4f5f6f7f8f9".utf8)))
        let expected = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        #expect(MessageDigest(.sha256).deriveKey(inputKey, salt: salt, info: info, length: 42) == ValueShape.bytes(ofHex: Array(expected.utf8)))
    }

    /// A vector computed with another implementation (Python's `cryptography`), and the edges of
    /// the scalar range.
    @Test func secp256k1PublicKeys() throws {
        let scalar = try #require(ValueShape.bytes(ofHex: Array("81dac4d2c42e67a2c6542d3b943a4674a05c4be5e7e5a40a689be7a3bd49a07e".utf8)))
        let expected = try #require(ValueShape.bytes(ofHex: Array("037cfbfc90234cfdab7eb54050566293789efaa1a35dc420749662db400dc9c4b2".utf8)))
        #expect(Secp256k1.compressedPublicKey(ofPrivateKey: scalar) == expected)
        #expect(Secp256k1.compressedPublicKey(ofPrivateKey: [UInt8](repeating: 0, count: 32)) == nil)
        let order = try #require(ValueShape.bytes(ofHex: Array("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141".utf8)))
        #expect(Secp256k1.compressedPublicKey(ofPrivateKey: order) == nil)
        #expect(Secp256k1.compressedPublicKey(ofPrivateKey: Array(scalar.prefix(31))) == nil)
    }

    @Test func envFilesAreReadLineByLine() {
        let text = "# comment\nexport API_URL=https://x\n  SECRET = \"a=b\"\n=nothing\n9BAD=1\nnot a line\n"
        #expect(DotenvEncryptedFiles.variableNames(in: Array(text.utf8)) == ["API_URL", "SECRET"])
        #expect(DotenvEncryptedFiles.openVault(Array("DOTENV_VAULT_X=\"AAAA\"\nDOTENV_VAULT_Y=not base64".utf8),
                                               hexKey: Array(String(repeating: "ab", count: 32).utf8)) == nil)
    }

    /// Encrypted values are committed by design: the key that opens them is the finding.
    @Test(arguments: ["encrypted:BDqwZm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg==", "{cipher}AQBZ9xQk3jR8f2Lp0aTq7vWmNc4sYe1uHg6iKo5bDz",
                      "vault:v1:8SDd3WHDOjf7mq69CyCqYjBXAiQQAVZRkFM13ok481zoCmHnSeDX9vyf7w==", "<enc-v1>7uBP9yqtdnVAhoA243GSv8nOXBWygqzaaEdq9Kqla"])
    func ciphertextIsNoSecret(value: String) {
        #expect(ValueShape.isReferenceOrExpression(Array(value.utf8)))
    }
}
