import Foundation
import Testing
@testable import KeysweepKit

/// Ansible Vault texts and the password files that open them (`fixtures/tree/playbook`, written by
/// `scripts/generate-vault-fixtures`; ansible-vault itself opens it the same way).
@Suite struct AnsibleVaultTests {
    private static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/tree/playbook/" + path))))
    }

    private static func password() throws -> [UInt8] {
        try #require(try fixture(".vault_pass").withUnsafeBytes(AnsibleVaultPassword.secret(ofPasswordFile:)))
    }

    /// Written by `ansible-vault encrypt_string --name db_password` (ansible-core 2.x) under the
    /// password `Tr0ub4dor&3-horse`; the value is made up.
    private static let encryptedString = """
        db_password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
                  31303962333433333231366636383766666239363236383263353062396430323530343466343338
                  3832333938316138333834653263376530363364623034380a353362383262383430623166326162
                  62376136636639313839626333653137353536616432363734363934666430316461623637336535
                  3934326366383139300a336136316464383633363930656635653834636239643638356232643261
                  39643961333531313531363035326361393364663932323631343163343131313234
        """

    @Test func theFixturesPasswordOpensItsVaultFile() throws {
        let text = try #require(AnsibleVaultText(try Self.fixture("group_vars/all/vault.yml")))
        #expect(text.variable == nil && text.vaultID == nil)
        let plaintext = try #require(text.open(password: try Self.password())).plaintext
        #expect(text.names(in: plaintext) == ["vault_db_password", "vault_aws_access_key_id", "vault_aws_secret_access_key"])
        #expect(text.matchedText(plaintext) == plaintext)
    }

    @Test func anInlineValueIsReadFromItsNameAndMatchedAfterIt() throws {
        let text = try #require(AnsibleVaultText(Array(Self.encryptedString.utf8)))
        #expect(text.variable == "db_password")
        let plaintext = try #require(text.open(password: Array("Tr0ub4dor&3-horse".utf8))).plaintext
        #expect(String(decoding: plaintext, as: UTF8.self) == "S3cure!Pa55-q8Zk")
        #expect(String(decoding: text.matchedText(plaintext), as: UTF8.self) == "db_password: S3cure!Pa55-q8Zk")
        #expect(text.names(in: plaintext) == ["db_password"])
        let block = text.matchedText(Array("line one\nline two".utf8))
        #expect(String(decoding: block, as: UTF8.self) == "db_password: |\n  line one\n  line two\n")
    }

    /// A wrong password fails the MAC before anything is decrypted; so does a changed ciphertext.
    @Test func aWrongPasswordOrAChangedTextOpensNothing() throws {
        let file = try Self.fixture("group_vars/all/vault.yml")
        let password = try Self.password()
        #expect(AnsibleVaultText(file)?.open(password: password + Array("x".utf8)) == nil)
        #expect(AnsibleVaultText(file)?.open(password: []) == nil)
        // The last two digits are one hex digit of the ciphertext, in hex: another digit there.
        var changed = file
        let last = try #require(changed.lastIndex { ValueShape.isHexDigit($0) })
        let digit = changed[last - 1...last] == Array("30".utf8)[...] ? "31" : "30"
        changed.replaceSubrange(last - 1...last, with: Array(digit.utf8))
        let text = try #require(AnsibleVaultText(changed))
        #expect(text.open(password: password) == nil)
        // Another host's vault, under a password that was not committed.
        #expect(AnsibleVaultText(try Self.fixture("host_vars/db1/vault.yml"))?.open(password: password) == nil)
    }

    @Test func envelopesThatAreNotVaultTextsAreRefused() {
        for text in ["$ANSIBLE_VAULT;1.1;AES256", "$ANSIBLE_VAULT;1.1;AES256\n3132333435", "$ANSIBLE_VAULT;1.1;AES\n3132",
                     "$ANSIBLE_VAULT;2.0;AES256\n" + String(repeating: "31", count: 40),
                     "$ANSIBLE_VAULT;1.1;AES256\nzz", "password: $ANSIBLE_VAULT;1.1;AES256\n3132", "not a vault"] {
            #expect(AnsibleVaultText(Array(text.utf8)) == nil, "\(text)")
        }
        // Salt, HMAC and ciphertext in hex, in hex: a 1.2 text names its vault id.
        let body = Array("\(String(repeating: "ab", count: 32))\n\(String(repeating: "cd", count: 32))\n\(String(repeating: "ef", count: 16))".utf8)
        let hex = body.map { String(format: "%02x", $0) }.joined()
        let text = AnsibleVaultText(Array("$ANSIBLE_VAULT;1.2;AES256;prod\n\(hex)\n".utf8))
        #expect(text?.vaultID == "prod" && text?.salt.count == 32 && text?.ciphertext.count == 16)
    }

    @Test func passwordFilesAreKnownByTheirNames() {
        for path in [".vault_pass", "ansible/.vault_pass", "vault.pass", "vault_pass.txt", ".vault_password.txt", "vault_password",
                     ".vault-password", ".ansible_vault_pass", "vault_pass_prod.txt", "deploy/.vault-pass-file", "conf.tgz!.vault_pass"] {
            #expect(AnsibleVaultPassword.isPasswordFilePath(path), "\(path)")
        }
        for path in ["vault.yml", "group_vars/all/vault", "vault_pass.sh", "vault.key", "passwords.txt", ".vault_pass/readme.md",
                     "vault_password_reset.html.erb", "vaultpassword_helper.py"] {
            #expect(!AnsibleVaultPassword.isPasswordFilePath(path), "\(path)")
        }
    }

    @Test func aPasswordFileIsOneLineOrLinesOfGeneratedBase64() {
        func secret(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes(AnsibleVaultPassword.secret(ofPasswordFile:)).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(secret("correct horse battery staple\n") == "correct horse battery staple")
        #expect(secret("  Xk9!mQ2v  \r\n") == "Xk9!mQ2v")
        #expect(secret("vagrant") == "vagrant")  // weak, and it opens a vault as well as any
        let generated = (0..<4).map { _ in String(repeating: "Ab3+/xYz", count: 8) }.joined(separator: "\n") + "\n"
        #expect(secret(generated) == String(generated.dropLast()))
        #expect(secret("#!/bin/sh\necho $VAULT_PASSWORD\n") == nil)  // a script that prints it
        #expect(secret("$VAULT_PASSWORD") == nil)
        #expect(secret("{{ vault_password }}") == nil)
        #expect(secret("/keybase/team/ops/.vault_pass.txt") == nil)  // a symbolic link's target, as git keeps it
        #expect(secret(".keybase/team/ops/.vault_pass.txt") == nil)
        #expect(secret("Ab3/xYz+Qr9/mW2k") == "Ab3/xYz+Qr9/mW2k")
        #expect(secret("abc") == nil)
        #expect(secret("first line\nsecond line\n") == nil)
        #expect(secret(String(repeating: "x", count: 300)) == nil)
    }
}
