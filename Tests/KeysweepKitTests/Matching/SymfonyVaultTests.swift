import Foundation
import Testing
@testable import KeysweepKit

/// Symfony vault decryption keys: a key pair checked by its X25519 public half, matched to the
/// vault in `fixtures/tree/portal` (written by `scripts/generate-vault-fixtures` as Symfony
/// writes vaults) by that half, and the vault's secret names read from its list file.
@Suite struct SymfonyVaultTests {
    private static let folder = "fixtures/tree/portal/config/secrets/prod/"

    private static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file(folder + name))))
    }

    /// The key from the comment Symfony writes in the decryption key file.
    private static func fixtureKey() throws -> [UInt8] {
        let text = String(decoding: try fixture("prod.decrypt.private.php"), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("// SYMFONY_DECRYPTION_SECRET=") })
        return Array(line.dropFirst("// SYMFONY_DECRYPTION_SECRET=".count).utf8)
    }

    @Test func aKeyPairIsKnownByItsPublicHalf() throws {
        let key = try Self.fixtureKey()
        #expect(SodiumKeyPair.bytes(of: key) != nil)
        // Another public half, a cut key, no base64.
        var other = key
        other[70] = other[70] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(SodiumKeyPair.bytes(of: other) == nil)
        #expect(SodiumKeyPair.bytes(of: Array(key.prefix(44))) == nil)
        #expect(SodiumKeyPair.bytes(of: Array("not base64 at all".utf8)) == nil)
    }

    @Test func theKeyFileAndTheKeyInItAgree() throws {
        let key = try Self.fixtureKey()
        let pair = try #require(SymfonyVault.phpString(in: try Self.fixture("prod.decrypt.private.php")))
        #expect(Data(pair).base64EncodedString() == String(decoding: key, as: UTF8.self))
    }

    /// Symfony 5.0's key files hold the key only as a PHP string; the variable deploys set holds
    /// it in base64: one secret.
    @Test func aKeyFileWithoutItsCommentAndTheVariableAreOneSecret() throws {
        let pair = try #require(SodiumKeyPair.bytes(of: try Self.fixtureKey()))
        let escaped = pair.map { byte -> String in
            let unreserved = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "-_.~".utf8.contains(byte)
            return unreserved ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
        }.joined()
        let oldFile = "<?php // prod.decrypt.private on Thu, 09 Apr 2020 14:35:04 +0000\n\nreturn \"\(escaped)\";\n"
        let variable = "SYMFONY_DECRYPTION_SECRET=" + String(decoding: try Self.fixtureKey(), as: UTF8.self)
        let matcher = Matcher(ruleSet: try RuleSet(RuleLoader.builtinRules().filter { $0.id.hasPrefix("symfony.") }))
        let secrets = [oldFile, variable].map { text in Array(text.utf8).withUnsafeBytes { matcher.scan($0).matches.map(\.secret) } }
        #expect(secrets[0].count == 1)
        #expect(secrets[0] == secrets[1])
    }

    @Test func theKeyOpensItsVaultAndNamesItsSecrets() throws {
        let publicKey = try #require(SymfonyVault.publicKey(ofKeyPair: try Self.fixtureKey()))
        let vault = try #require(SymfonyVault(publicKeyFile: try Self.fixture("prod.encrypt.public.php"),
                                              listFile: try Self.fixture("prod.list.php"), publicKey: publicKey))
        #expect(vault.secretNames == ["APP_SECRET", "DATABASE_URL", "MAILER_DSN"])
        var otherKey = publicKey
        otherKey[0] ^= 1
        #expect(SymfonyVault(publicKeyFile: try Self.fixture("prod.encrypt.public.php"), listFile: nil, publicKey: otherKey) == nil)
    }

    @Test func strangeFilesAreReadToAnAnswer() {
        #expect(SymfonyVault.phpString(in: Array(#"<?php return "\x4"#.utf8)) == nil)
        #expect(SymfonyVault.phpString(in: Array(#"<?php return "\xZZ";"#.utf8)) == nil)
        #expect(SymfonyVault.phpString(in: Array("<?php echo 1;".utf8)) == nil)
        #expect(SymfonyVault.phpString(in: Array(#"return "a\x41b";"#.utf8)) == Array("aAb".utf8))
        #expect(SymfonyVault.listedNames(Array("return ['A' => null, 'b c' => null, 'C' => null, 'D'];".utf8)) == ["A", "C"])
    }

    @Test(arguments: [
        ("config/secrets/prod/prod.decrypt.private.php", "config/secrets/prod/", "prod"),
        ("app/config/secrets/staging/staging.decrypt.private.php", "app/config/secrets/staging/", "staging"),
        (".decrypt.private.php", "", ""),
        ("config/secrets/prod/prod.encrypt.public.php", "", ""),
    ])
    func aKeyFileNamesItsVault(path: String, folder: String, environment: String) {
        let vault = SymfonyVault.vaultFolder(forKeyAt: path)
        #expect(vault?.folder == (folder.isEmpty ? nil : folder))
        #expect(vault?.environment == (environment.isEmpty ? nil : environment))
    }
}
