import Foundation
import Testing
@testable import KeysweepKit

/// Laravel's keys and the encrypted environment files they open (`fixtures/tree/ledger`, written
/// by `scripts/generate-vault-fixtures` as `php artisan env:encrypt` writes it; PHP's openssl,
/// which Laravel's Encrypter calls, decrypts it the same way).
@Suite struct LaravelKeyTests {
    private static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/tree/ledger/" + path))))
    }

    /// The key the fixture's deploy script passes to `env:decrypt`, without `base64:`.
    private static func deployKey() throws -> [UInt8] {
        let script = String(decoding: try fixture("deploy/release.sh"), as: UTF8.self)
        let start = try #require(script.range(of: "--key=base64:"))
        return Array(script[start.upperBound...].prefix(44).utf8)
    }

    @Test func keysAreBase64OfAnAESKeyOrThirtyTwoRandomCharacters() {
        #expect(LaravelKey.bytes(of: Array("tkR8j33p+qp+xj32V7JBVJUnjdXf56MJN/VgpybJHkg=".utf8))?.count == 32)
        #expect(LaravelKey.bytes(of: Array("SHx/Ne67mjgpYUMrF6MQng==".utf8))?.count == 16)
        #expect(LaravelKey.bytes(of: Array("tkR8j33p+qp+xj32V7JBVJUnjdXf56MJN/VgpybJHkg".utf8))?.count == 32)  // unpadded
        #expect(LaravelKey.bytes(of: Array("SHx/Ne67mjgpYUMrF6MQng".utf8))?.count == 16)
        #expect(LaravelKey.bytes(of: Array("GYAKDdXKukaZE2hSyEayZLdKAjgNDLEN".utf8)) == Array("GYAKDdXKukaZE2hSyEayZLdKAjgNDLEN".utf8))
        #expect(LaravelKey.bytes(of: Array("SomeRandomStringSomeRandomString".utf8)) == nil)
        #expect(LaravelKey.bytes(of: Array("tkR8j33p+qp+xj32V7JBVJUnjdXf56MJN/VgpybJHk==".utf8)) == nil)  // 31 bytes
        #expect(LaravelKey.bytes(of: Array("your-encryption-key-here-thirty2".utf8)) == nil)
    }

    @Test func theKeyOpensItsEncryptedEnvironmentFile() throws {
        let key = try #require(LaravelKey.bytes(of: try Self.deployKey()))
        let opened = try #require(LaravelEncryptedEnv(file: try Self.fixture(".env.production.encrypted"), key: key))
        #expect(opened.names == ["APP_NAME", "APP_ENV", "APP_DEBUG", "DB_HOST", "DB_DATABASE", "DB_PASSWORD", "STRIPE_SECRET"])
        #expect(String(decoding: opened.plaintext, as: UTF8.self).contains("STRIPE_SECRET=sk_live_"))
        #expect(opened.cipher == "AES-256-CBC")
    }

    /// A wrong key fails the MAC before anything is decrypted; so does a changed ciphertext.
    @Test func aWrongKeyOrAChangedFileOpensNothing() throws {
        var key = try #require(LaravelKey.bytes(of: try Self.deployKey()))
        let file = try Self.fixture(".env.production.encrypted")
        key[0] ^= 1
        #expect(LaravelEncryptedEnv(file: file, key: key) == nil)
        key[0] ^= 1
        var payload = try #require(Data(base64Encoded: Data(file)).map(Array.init))
        let index = try #require(payload.firstRange(of: Array("\"value\":\"".utf8))).upperBound
        payload[index] = payload[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(LaravelEncryptedEnv(file: Array(Data(payload).base64EncodedString().utf8), key: key) == nil)
        #expect(LaravelEncryptedEnv(file: Array("not a payload".utf8), key: key) == nil)
        #expect(LaravelEncryptedEnv(file: Array(Data("{\"iv\":1}".utf8).base64EncodedString().utf8), key: key) == nil)
    }

    /// `env:encrypt --cipher=AES-128-GCM`: no MAC, the tag authenticates. The payload was made with
    /// Python's `cryptography` and opened with PHP's `openssl_decrypt` as Laravel calls it.
    @Test func anAESGCMFileIsOpenedByItsTag() throws {
        let file = Array("eyJpdiI6IlpHVm1aMmhwYW10c2JXNXYiLCJ2YWx1ZSI6Ild6SWUrcDVNN3Nmb1NqWjM3NlJNNW4zSk1iUE4rWndKcHpqK3hmalBqL2s9IiwibWFjIjoiIiwidGFnIjoiWjVIYXVmdi9GbXAxcXYyRHV0V1FHQT09In0=".utf8)
        let key = [UInt8](0..<16)
        let opened = try #require(LaravelEncryptedEnv(file: file, key: key))
        #expect(opened.names == ["APP_ENV", "MAIL_PASSWORD"])
        #expect(opened.cipher == "AES-128-GCM")
        #expect(LaravelEncryptedEnv(file: file, key: [UInt8](1...16)) == nil)
    }
}
