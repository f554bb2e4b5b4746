import Foundation
import Testing
@testable import KeysweepKit

/// The structural validators for key material and macaroons: valid inputs pass, damaged ones fail.
@Suite struct KeyValidatorTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/inventory/" + name))))
    }

    @Test(arguments: ["service-tls.pem", "legacy-rsa1024.pem", "deploy_ed25519"])
    func realKeyBodiesParse(name: String) throws {
        #expect(PrivateKeyBody.isValid(try fixture(name)))
    }

    @Test func truncatedElidedAndRandomBodiesDoNot() throws {
        let lines = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self).split(separator: "\n")
        let truncated = ([lines[0]] + lines[1...4] + [lines.last!]).joined(separator: "\n")
        #expect(!PrivateKeyBody.isValid(Array(truncated.utf8)))
        let elided = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----"
        #expect(!PrivateKeyBody.isValid(Array(elided.utf8)))
        let random = "-----BEGIN PRIVATE KEY-----\n" + Data((0..<120).map { UInt8(($0 * 37 + 11) % 256) }).base64EncodedString() + "\n-----END PRIVATE KEY-----"
        #expect(!PrivateKeyBody.isValid(Array(random.utf8)))
    }

    @Test func ageSecretKeysNeedAValidBech32Checksum() {
        let valid = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
        #expect(Bech32.isAgeSecretKey(Array(valid.utf8)))
        var damaged = Array(valid.utf8)
        damaged[30] = damaged[30] == UInt8(ascii: "Q") ? UInt8(ascii: "P") : UInt8(ascii: "Q")
        #expect(!Bech32.isAgeSecretKey(damaged))
        #expect(!Bech32.isAgeSecretKey(Array(valid.lowercased().prefix(40).utf8)))
    }

    @Test func grafanaServiceAccountTokensCarryACRC32() {
        let token = "glsa_C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcM_b4df22ed"
        #expect(GrafanaChecksum.isValid(Array(token.utf8)))
        #expect(GrafanaChecksum.isValid(Array((token.dropLast(8) + "B4DF22ED").utf8)), "hex case does not matter")
        #expect(!GrafanaChecksum.isValid(Array((token.dropLast(8) + "00000000").utf8)))
        #expect(!GrafanaChecksum.isValid(Array(("glsa_D3J27XDCG2LmlZGEONYlgCtjfIZ4SOcM_b4df22ed").utf8)))
    }

    @Test func pypiTokensAreMacaroons() {
        let token = "pypi-AgEIcHlwaS5vcmcCJgACBoQpKfDvI1QzAAIqW3sibm9uY2UiOiAiM2FlMjUxMTU2OWMxMzIyNGU2ZmRmYzBiYjk4MjQ5NTEifV0AAAYgVTG0n43lMuvAyYlyWTeTME_w_e5s7pIcPGpaKIJpbg0"
        #expect(PyPIMacaroon.isValid(Array(token.utf8)))
        #expect(!PyPIMacaroon.isValid(Array(token.dropLast(8).utf8)), "a truncated paste")
        #expect(!PyPIMacaroon.isValid(Array(("pypi-AgEIcHlwaS5vcmc" + String(repeating: "Ab3x", count: 30)).utf8)))
    }
}

/// HTTP Basic credentials.
@Suite struct BasicCredentialsTests {
    @Test func basicCredentialsMustDecodeToAUserAndARealPassword() {
        #expect(BasicCredentials.isValid(Array("c3ZjX2V0bDpPbjM5cjRwRE9qNGVRdg==".utf8)))        // svc_etl:On39r4pDOj4eQv
        #expect(!BasicCredentials.isValid(Array("dXNlcm5hbWU6cGFzc3dvcmQ=".utf8)))                // username:password
        #expect(!BasicCredentials.isValid(Array("bm8tY29sb24taGVyZQ==".utf8)))                    // no-colon-here
        #expect(!BasicCredentials.isValid(Array("not base64!".utf8)))
    }
}
