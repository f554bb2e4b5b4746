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

    /// A key's body decides what it is, not its label: PKCS#1 under PKCS#8's label (Casdoor's
    /// default token key) is a key; a body that is no key is none under any label.
    @Test func aKeyUnderAnotherFormatsLabelIsStillAKey() throws {
        let pkcs1 = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self)
        let relabelled = pkcs1.replacingOccurrences(of: "RSA PRIVATE KEY", with: "PRIVATE KEY")
        #expect(PrivateKeyBody.isValid(Array(relabelled.utf8)))
        let asEC = pkcs1.replacingOccurrences(of: "RSA PRIVATE KEY", with: "EC PRIVATE KEY")
        #expect(PrivateKeyBody.isValid(Array(asEC.utf8)))
        let certificate = "-----BEGIN PRIVATE KEY-----\nMIIBszCCAVmgAwIBAgIUQ1Y=\n-----END PRIVATE KEY-----"
        #expect(!PrivateKeyBody.isValid(Array(certificate.utf8)))
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

    /// One key is one secret however code writes it: indented, behind a margin (Kotlin's
    /// `trimMargin()`, a doc comment, a shell comment), line-ended with CRLF, escaped in a JSON
    /// string, or with blanks for line breaks. The `.pem` file's own text is the canonical one.
    @Test func aKeyHasOneCanonicalTextHoweverItIsWritten() throws {
        let file = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self)
        let block = String(file[file.range(of: "-----BEGIN")!.lowerBound..<file.range(of: "PRIVATE KEY-----\n", options: .backwards)!.upperBound].dropLast())
        let lines = block.split(separator: "\n").map(String.init)
        let forms = [
            block,
            lines.joined(separator: "\r\n"),
            lines.joined(separator: "\n      "),
            lines.enumerated().map { $0.offset == 0 ? $0.element : "    |" + $0.element }.joined(separator: "\n"),
            lines.enumerated().map { $0.offset == 0 ? $0.element : "   * " + $0.element }.joined(separator: "\n"),
            lines.enumerated().map { $0.offset == 0 ? $0.element : "# " + $0.element }.joined(separator: "\n"),
            lines.joined(separator: "\\n"),
            lines.joined(separator: " "),
        ] + literalForms(of: lines)
        for form in forms {
            #expect(PEMBlock.canonicalText(Array(form.utf8)).map { String(decoding: $0, as: UTF8.self) } == block, "\(form.prefix(80))")
            #expect(PrivateKeyBody.isValid(Array(form.utf8)))
        }
        #expect(PEMBlock.canonicalText(Array(("key: " + block).utf8)) == nil, "not a block from its first byte")
        let spliced = lines[0] + "\\n\" + \"" + lines[1] + "\" + pad + \"" + lines.dropFirst(2).joined(separator: "\\n\" + \"")
        #expect(PEMBlock.canonicalText(Array(spliced.utf8)) == nil, "text inserted between the literals")
        #expect(!PrivateKeyBody.isValid(Array(spliced.utf8)))
    }

    /// A key's DER in base64, without armor, is the key its `.pem` file holds: one secret with
    /// it (swift-crypto's tests write the same Ed25519 key both ways); cut short it is no key.
    @Test func anUnarmoredKeyIsOneSecretWithItsPEMFile() throws {
        let file = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self)
        let block = String(file[file.range(of: "-----BEGIN")!.lowerBound..<file.range(of: "PRIVATE KEY-----\n", options: .backwards)!.upperBound].dropLast())
        let base64 = block.split(separator: "\n").dropFirst().dropLast().joined()
        #expect(PrivateKeyBody.armored(base64: Array(base64.utf8)) == Array(block.utf8))
        #expect(PrivateKeyBody.armored(base64: Array(base64.prefix(200).utf8)) == nil)
        let text = "\(block)\nRSA_PRIVATE_KEY=\(base64)\n"
        let ruleSet = try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true)
        let scan = Array(text.utf8).withUnsafeBytes { Matcher(ruleSet: ruleSet).scan($0) }
        #expect(Set(scan.matches.map(\.secret)) == [Array(block.utf8)])
        #expect(scan.matches.count == 2)
    }

    /// A raw key in hex is one secret with or without its `0x`, in either case; a published
    /// development key (Hardhat's first account) is an example, with or without `0x` too.
    @Test func aRawHexKeyIsOneSecretHoweverItIsWritten() throws {
        let key = "6dc2a10aca72158b54ada1b1e94527ad2b910e7ddd8939c5db313ef9168f0cea"
        let text = """
        PRIVATE_KEY=0x\(key)
        const privateKey = "\(key.uppercased())";
        deployer_private_key: "0X\(key)"
        PRIVATE_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
        """
        let ruleSet = try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true)
        let scan = Array(text.utf8).withUnsafeBytes { Matcher(ruleSet: ruleSet).scan($0) }
        #expect(Set(scan.matches.map { String(decoding: $0.secret, as: UTF8.self) }) == [key])
        #expect(scan.matches.map(\.start.line) == [1, 2, 3])
        #expect(scan.suppressedExamples > 0, "counted, not reported")
    }

    /// The block as string literals, one per line, that code joins into its text: Java's `+`,
    /// Lua's `..`, a Python list joined with `"\\n"`, C's adjacent literals.
    private func literalForms(of lines: [String]) -> [String] {
        let separators: [String] = ["\\n\"\n    + \"", "\\n\" ..\n    \"", "\",\n    \"", "\\n\"\n    \""]
        return separators.map { lines.joined(separator: $0) }
    }

    /// An armored body (PGP) is one secret indented, with CRLF, or as an `.asc` file writes it.
    @Test func anArmoredBodyHasOneCanonicalTextHoweverItIsIndented() {
        let lines = ["lQHYBGXw5ZUBBADc0m3cyq8uwb4wzLDrnqjSt9GmjeYPBT1ZT2eRhX7RWLzg6Nbn", "aXUx6GrF1R5QvWQ1+ylFfn3Gm8jv9lRp", "=KHbc"]
        let body = lines.joined(separator: "\n")
        for form in [body, lines.joined(separator: "\r\n"), lines.joined(separator: "\n        "), lines.joined(separator: "  \n\t")] {
            #expect(PEMBlock.canonicalBody(Array(form.utf8)) == Array(body.utf8), "\(form.prefix(80))")
        }
        #expect(PEMBlock.canonicalBody(Array((lines[0] + "\n" + lines[2]).utf8)) != Array(body.utf8))
    }

    /// A Kubernetes Secret's base64 key is one finding, the key decoded (not also its base64 form),
    /// and a certificate beside it is public, no finding (prometheus-community/helm-charts).
    @Test func aSecretsEncodedKeyIsOneFindingAndItsCertificateNone() throws {
        let text = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self)
        let key = String(text[text.range(of: "-----BEGIN")!.lowerBound...])
        let certificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVPZk5vU2VjcmV0\n-----END CERTIFICATE-----\n"
        let manifest = """
        apiVersion: v1
        kind: Secret
        data:
          ca.crt: \(Data(certificate.utf8).base64EncodedString())
          tls.key: \(Data(key.utf8).base64EncodedString())
        """
        let ruleSet = try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true)
        let matches = Array(manifest.utf8).withUnsafeBytes { Matcher(ruleSet: ruleSet).scan($0) }.matches
        #expect(matches.map { ruleSet.rules[$0.ruleIndex].rule.kind } == [.privateKey])
        #expect(matches.first?.encoding == "base64")
        #expect(matches.first?.start.line == 5)
        #expect(AssignmentValueFilter.encodesPublicMaterial(Array(Data(certificate.utf8).base64EncodedString().utf8)))
        #expect(!AssignmentValueFilter.encodesPublicMaterial(Array(Data(key.utf8).base64EncodedString().utf8)))
    }

    /// A cephx key decodes to key type 1, a creation time, the length 16 and 16 bytes; the same
    /// shape with another type or length (or Kubernetes' own documentation value) is no key.
    @Test func cephKeysCarryTheirTypeAndLength() {
        #expect(CephKey.isValid(Array("AQA7jRRrwOO0ARAAADfuRdE4utvn5Jd1R98NNA==".utf8)))
        #expect(CephKey.isValid(Array("AQAMgXhVwBCeDhAA9nlPaFyfUSatGD4drFWDvQ==".utf8)))
        #expect(!CephKey.isValid(Array("AQA7jRRrwOO0AREAADfuRdE4utvn5Jd1R98NNA==".utf8)), "length 17")
        #expect(!CephKey.isValid(Array("AQAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==".utf8)))
        #expect(!CephKey.isValid(Array("AQAB".utf8)))
    }

    /// A NATS seed decodes to the seed marker, a key type, 32 bytes and a CRC-16 of them; one
    /// character changed, a public key, or a type that is no key's fails.
    @Test func natsSeedsCarryTheirTypeAndChecksum() {
        #expect(NATSSeed.isValid(Array("SUAE6NCKJGUJ7GJKBQU2GS3UAVTM7X2ANNUHVQPT7GD42QMPSWABWMG6DM".utf8)))
        #expect(NATSSeed.isValid(Array("SOAEAQOCH32RN3SYUZGBCWSLDLEUAV3MR6V3IDMPXXLU3RPGDQJ2QWHKPU".utf8)))
        #expect(!NATSSeed.isValid(Array("SUAE6NCKJGUJ7GJKBQU2GS3UAVTM7X2ANNUHVQPT7GD42QMPSWABWMG6DA".utf8)), "checksum")
        #expect(!NATSSeed.isValid(Array("UB4G32YJ2GVZG3KTC3Z7BLIU3PXPJC2Y4QF6SNJUN2XIF3M3E3NDEUCZ".utf8)), "a public key")
        #expect(!NATSSeed.isValid(Array("SUAE6NCKJGUJ7GJKBQU2GS3UAVTM7X2ANNUHVQPT7GD42QMPSWABWMG6D1".utf8)), "not base32")
        #expect(!NATSSeed.isValid(Array("SUAE6NCKJGUJ7GJKBQU2GS3UAVTM7X2ANNUHVQPT7GD42QMPSWABWMG6".utf8)), "too short")
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
