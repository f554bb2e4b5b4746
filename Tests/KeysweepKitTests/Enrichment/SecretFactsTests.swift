import Foundation
import Testing
@testable import KeysweepKit

/// What the enrichment reads from a secret's own bytes: timestamps, key facts, certificates, JWT claims.
@Suite struct SecretFactsTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/inventory/" + name))))
    }

    @Test(arguments: [
        ("2024-01-02T03:04:05Z", 1_704_164_645),
        ("2024-01-02T04:04:05+01:00", 1_704_164_645),
        ("2024-01-02T03:04:05.250Z", 1_704_164_645),
        ("1969-12-31T23:59:59Z", -1),
        ("2024-02-29", 1_709_164_800),
        ("@1709164800", 1_709_164_800),
    ])
    func timestampsParse(text: String, seconds: Int) {
        #expect(Timestamp(iso8601: text)?.seconds == seconds)
    }

    @Test func timestampsPrintAsUTC() {
        #expect(Timestamp(seconds: 1_704_164_645).description == "2024-01-02T03:04:05Z")
        #expect(Timestamp(seconds: -1).description == "1969-12-31T23:59:59Z")
        #expect(Timestamp(seconds: 951_782_400).description == "2000-02-29T00:00:00Z")
        #expect(Timestamp(seconds: -62_135_596_800).description == "0001-01-01T00:00:00Z")
    }

    @Test func timestampsPrintAtAnAuthorsZoneOffset() {
        #expect(Timestamp(seconds: 0).description(atOffsetMinutes: -330) == "1969-12-31T18:30:00-05:30")
        #expect(Timestamp(seconds: 0).description(atOffsetMinutes: 60) == "1970-01-01T01:00:00+01:00")
        #expect(Timestamp(seconds: 0).description(atOffsetMinutes: 0) == "1970-01-01T00:00:00+00:00")
    }

    @Test(arguments: ["2024-13-01", "yesterday", "2024-01-02T03:04", "2024-01-02T03:04:05+0100", ""])
    func malformedTimestampsAreRejected(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    /// An ASP.NET Core key ring file dates its master key; fractions of a second are dropped.
    @Test func dataProtectionKeyRingDatesItsKey() {
        let xml = """
        <key id="0e7d2c4a-5b1f-4e8a-9c3d-7f6a2b1e0d9c" version="1">
          <creationDate>2021-12-01T14:37:52.0438755Z</creationDate>
          <activationDate>2021-12-01T14:37:52.0246578Z</activationDate>
          <expirationDate>2022-03-01T14:37:52.0246578Z</expirationDate>
        </key>
        """
        let ring = DataProtectionKeyRing(xml: Array(xml.utf8))
        #expect(ring.created?.description == "2021-12-01T14:37:52Z")
        #expect(ring.expires?.description == "2022-03-01T14:37:52Z")
        #expect(DataProtectionKeyRing(xml: Array("<expirationDate>soon</expirationDate>".utf8)).expires == nil)
    }

    @Test func rsaKeyWithItsCertificate() throws {
        let bytes = try fixture("service-tls.pem")
        let facts = try #require(PrivateKeyFacts(secret: bytes))
        #expect(facts == PrivateKeyFacts(algorithm: "RSA", bits: 2048, encrypted: false))
        #expect(!facts.weak)
        let validity = try #require(CertificateValidity.first(in: bytes))
        #expect(validity.notBefore.description == "2026-11-23T11:57:50Z")
        #expect(validity.notAfter.description == "2029-02-25T11:57:50Z")
    }

    @Test func legacyRSA1024IsWeak() throws {
        let facts = try #require(PrivateKeyFacts(secret: try fixture("legacy-rsa1024.pem")))
        #expect(facts == PrivateKeyFacts(algorithm: "RSA", bits: 1024, encrypted: false))
        #expect(facts.weak)
    }

    @Test func encryptedOpenSSHKey() throws {
        let facts = try #require(PrivateKeyFacts(secret: try fixture("deploy_ed25519")))
        #expect(facts == PrivateKeyFacts(algorithm: "Ed25519", bits: 256, encrypted: true))
    }

    @Test func keyInsideAJSONStringWithEscapedNewlines() throws {
        let text = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n")
        #expect(PrivateKeyFacts(secret: Array(text.utf8))?.bits == 1024)
    }

    @Test func aTruncatedKeyBodyGivesNoSize() throws {
        let text = String(decoding: try fixture("legacy-rsa1024.pem"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        let truncated = ([lines[0]] + lines[1...3] + [lines.last!]).joined(separator: "\n")
        #expect(PrivateKeyFacts(secret: Array(truncated.utf8))?.bits == nil)
    }

    @Test func jwtTimeClaims() throws {
        let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiaWxsaW5nLXdvcmtlciIsImlhdCI6MTcwNjc0NTYwMCwiZXhwIjoxNzA5MjUxMjAwfQ.PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7"
        let claims = try #require(JWTClaims(token: Array(token.utf8)))
        #expect(claims.issuedAt?.description == "2024-02-01T00:00:00Z")
        #expect(claims.expiresAt?.description == "2024-03-01T00:00:00Z")
        #expect(JWTClaims(token: Array("eyJhbGciOiJub25lIn0.bm90LWpzb24.x".utf8)) == nil)
    }

    @Test func derReaderRejectsLengthsPastTheEnd() {
        var reader = DERReader([0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x02])
        #expect(reader.next() == nil)
        var short = DERReader([0x02])
        #expect(short.next() == nil)
    }
}
