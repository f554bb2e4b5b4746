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
        #expect(SymfonyVault.isKeyPair(key))
        // Another public half, a cut key, no base64.
        var other = key
        other[70] = other[70] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(!SymfonyVault.isKeyPair(other))
        #expect(!SymfonyVault.isKeyPair(Array(key.prefix(44))))
        #expect(!SymfonyVault.isKeyPair(Array("not base64 at all".utf8)))
    }

    @Test func theKeyFileAndTheKeyInItAgree() throws {
        let key = try Self.fixtureKey()
        let pair = try #require(SymfonyVault.phpString(in: try Self.fixture("prod.decrypt.private.php")))
        #expect(Data(pair).base64EncodedString() == String(decoding: key, as: UTF8.self))
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
