import Foundation
import Testing
@testable import KeysweepKit

/// Jasypt `ENC(…)` values and the encryptor passwords that open them: values written by Java's
/// own JCE as Jasypt's StandardPBEStringEncryptor calls it (`/tmp`-only oracle, made-up
/// plaintexts), and `fixtures/tree/billing` (written by `scripts/generate-vault-fixtures`).
@Suite struct JasyptTests {
    /// Under PBEWITHHMACSHA512ANDAES_256 and the password `Zk8mQ2vLp7wT`: `Hq7-wZ2m!pX9vL4t`.
    private static let aesValue = "password=ENC(RIaEu4+wR+P6FOuJTehj6ZF+0++T02bhV/O7ynyWwWlDTVrSw7GjXofDyMClVQLD8SjIoR+MYKxa6JuNwnrxSg==)"
    /// Under PBEWithMD5AndDES and the same password: `root`, one DES block.
    private static let desValue = "  username: \"ENC(hfsJ3RAcFldNoY6e/CSbzw==)\""

    @Test func valuesWrittenByTheJCEOpenUnderTheirPassword() throws {
        let aes = try #require(JasyptValue(Array(Self.aesValue.utf8)))
        #expect(aes.variable == "password")
        let opened = try #require(aes.open(password: Array("Zk8mQ2vLp7wT".utf8)))
        #expect(String(decoding: opened.plaintext, as: UTF8.self) == "Hq7-wZ2m!pX9vL4t" && opened.cipher == "PBEWITHHMACSHA512ANDAES_256")
        #expect(String(decoding: aes.matchedText(opened.plaintext), as: UTF8.self) == "password: Hq7-wZ2m!pX9vL4t")

        let des = try #require(JasyptValue(Array(Self.desValue.utf8)))
        #expect(des.variable == "username")
        let root = try #require(des.open(password: Array("Zk8mQ2vLp7wT".utf8)))
        #expect(String(decoding: root.plaintext, as: UTF8.self) == "root" && root.cipher == "PBEWithMD5AndDES")
    }

    @Test func aWrongPasswordOpensNothing() throws {
        for value in [Self.aesValue, Self.desValue] {
            let text = try #require(JasyptValue(Array(value.utf8)))
            #expect(text.open(password: Array("Zk8mQ2vLp7wU".utf8)) == nil)
            #expect(text.open(password: []) == nil)
        }
    }

    @Test func whatIsNoEncryptedValueIsRefused() {
        for text in ["password=ENC(encrypted-password)", "password=ENC()", "password=ENC(c2hvcnQ=)", "ENC(RIaEu4+wR+P6FOuJTehj6ZF+)",
                     "password=DEC(plain)", "password=ENC(RIaEu4+wR+P6FOuJTehj6ZF+0++T02bh"] {
            #expect(JasyptValue(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test func theFixturesDockerfileOpensItsSettings() throws {
        let root = RepositoryRoot.file("fixtures/tree/billing/")
        let dockerfile = try String(contentsOfFile: root + "Dockerfile", encoding: .utf8)
        let start = try #require(dockerfile.range(of: "-Djasypt.encryptor.password=")).upperBound
        let password = Array(dockerfile[start...].prefix { $0 != "\"" }.utf8)
        let settings = try String(contentsOfFile: root + "src/main/resources/application.yml", encoding: .utf8)
        let lines = settings.split(separator: "\n").filter { $0.contains("ENC(") }
        let opened = lines.map { JasyptValue(Array($0.utf8))?.open(password: password) }
        #expect(opened[0]?.cipher == "PBEWITHHMACSHA512ANDAES_256")
        #expect(opened[1].map { String(decoding: $0.plaintext, as: UTF8.self).hasPrefix("sk_live_") } == true)
        #expect(opened[1]?.cipher == "PBEWithMD5AndDES")
        #expect(opened[2] == nil)  // sealed under another password
    }

    /// Weak words are kept until the values are tried; what opened nothing is judged as any
    /// password is.
    @Test func aSealingPasswordIsJudgedByWhatItOpens() {
        #expect(SealingPassword.isCandidate(Array("masterpassword".utf8)))
        #expect(SealingPassword.isCandidate(Array("jasypt_password.!".utf8)))
        #expect(!SealingPassword.isCandidate(Array("$JASYPT_PASSWORD".utf8)))
        #expect(!SealingPassword.isCandidate(Array("%JASYPT%".utf8)))
        let start = TextPosition(line: 1, column: 1)
        let weak = Match(BlobMatch(ruleIndex: 0, secret: Array("masterpassword".utf8), entropy: 0, start: start,
                                   end: TextPosition(line: 1, column: 15), lineContext: ""), path: "README.md")
        #expect(SealingPassword.isLeftOut(weak, opened: false))
        #expect(!SealingPassword.isLeftOut(weak, opened: true))
        let file = Match(BlobMatch(ruleIndex: 0, secret: Array("vagrant".utf8), entropy: 0, start: start, end: start, lineContext: ""),
                         path: ".vault_pass")
        #expect(!SealingPassword.isLeftOut(file, opened: false))  // a password file holds a password whatever it is
    }
}
