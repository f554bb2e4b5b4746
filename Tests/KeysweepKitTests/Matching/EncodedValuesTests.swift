import Foundation
import Testing
@testable import KeysweepKit

/// Secrets one base64 layer down, in Kubernetes Secrets, reported at the encoded text.
@Suite struct EncodedValuesTests {
    private let rules = [
        Rule(id: "generic.password", name: "password", provider: "Test", kind: .password, severity: .high,
             keywords: ["password"], pattern: #"(?i)password: (?<secret>[^\s]{8,})"#),
        Rule(id: "test.postgres-url", name: "postgres URL", provider: "Test", kind: .password, severity: .high,
             keywords: ["postgres://"], pattern: #"postgres://[^:/@\s]+:(?<secret>[^@\s]{8,})@"#),
    ]

    private func scan(_ text: String) throws -> BlobScan {
        let matcher = Matcher(ruleSet: try RuleSet(rules))
        return Array(text.utf8).withUnsafeBytes { matcher.scan($0) }
    }

    private func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func secretDataValuesAreDecodedAndReportedAtTheEncodedText() throws {
        let encoded = base64("Tq9#vL2mXw7k")
        let yaml = "apiVersion: v1\nkind: Secret\ndata:\n  DB_PASSWORD: \(encoded)\n"
        let scan = try scan(yaml)
        #expect(scan.matches.count == 1)
        let match = try #require(scan.matches.first)
        #expect(String(decoding: match.secret, as: UTF8.self) == "Tq9#vL2mXw7k")
        #expect(match.encoding == "base64")
        #expect(match.start == TextPosition(line: 4, column: 16))
        #expect(match.end == TextPosition(line: 4, column: 16 + encoded.count))
    }

    /// One file that holds two Secrets with the same encoded value (traefik's Gateway fixtures)
    /// exposes the secret twice: two locations, where the second was dropped as already seen.
    @Test func theSameEncodedValueTwiceIsTwoLocations() throws {
        let value = "  DB_PASSWORD: \(base64("Tq9#vL2mXw7k"))\n"
        let yaml = "kind: Secret\ndata:\n\(value)---\nkind: Secret\ndata:\n\(value)"
        #expect(try scan(yaml).matches.map(\.start.line) == [3, 7])
    }

    @Test func jsonSecretsToo() throws {
        let json = #"{"kind": "Secret", "data": {"password": "\#(base64("Tq9#vL2mXw7k"))"}}"#
        #expect(try scan(json).matches.map(\.encoding) == ["base64"])
    }

    @Test func onlyBlobsThatDeclareASecretAreDecoded() throws {
        let yaml = "kind: ConfigMap\ndata:\n  DB_PASSWORD: \(base64("Tq9#vL2mXw7k"))\n"
        // The base64 text itself may be reported by a plain rule, but nothing is decoded.
        #expect(try scan(yaml).matches.allSatisfy { $0.encoding == nil })
    }

    @Test func binaryValuesAreNotScanned() {
        #expect(!EncodedValues.isPrintable([0x00, 0x41, 0x42]))
        #expect(!EncodedValues.isPrintable([0xC3, 0x28]))
        #expect(EncodedValues.isPrintable(Array("line one\nline two".utf8)))
    }

    @Test func percentEncodedTextIsDecoded() throws {
        let line = "redirect = \"https://acme.io/cb?next=db%3A%2F%2Fapp%3Apassword%3A%20Tq9%23vL2mXw7k%40db&x=1\""
        let scan = try scan(line)
        #expect(scan.matches.map { String(decoding: $0.secret, as: UTF8.self) } == ["Tq9#vL2mXw7k@db"])
        #expect(scan.matches.map(\.encoding) == ["percent"])
    }

    @Test func percentDecoding() {
        let encoded = Array("a%3Ab%2f%zz%4".utf8)
        let decoded = encoded.withUnsafeBytes { EncodedValues.percentDecode($0[...]) }
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == "a:b/%zz%4")
    }

    @Test(arguments: [("a%3Ab", true), ("a%3ab", true), ("x%40y", true), ("100%", false), ("%2F%2F", false), ("%4", false)])
    func percentGate(text: String, expected: Bool) {
        #expect(Array(text.utf8).withUnsafeBytes { EncodedValues.mayHoldPercentEncoding($0) } == expected)
    }

    @Test func printfFormatsAreNotDecoded() throws {
        #expect(try scan("printf(\"%d%s password: %s\", a, b, c)").matches.isEmpty)
    }

    @Test func anAllowCommentOnTheEncodedLineSuppressesIt() throws {
        let yaml = "kind: Secret\ndata:\n  DB_PASSWORD: \(base64("Tq9#vL2mXw7k")) # keysweep:allow\n"
        let scan = try scan(yaml)
        #expect(scan.matches.isEmpty)
        #expect(scan.suppressedInline >= 1)  // the decoded value (and the encoded text, if a plain rule saw it)
    }

    @Test func leadsAreTheCharactersAWordDecides() {
        #expect(String(decoding: Base64Leads.determinedPrefix(of: Array("https://".utf8)), as: UTF8.self) == "aHR0cHM6Ly")
        #expect(String(decoding: Base64Leads.determinedPrefix(of: Array("AKIA".utf8)), as: UTF8.self) == "QUtJQ")
        #expect(Base64Leads.encoded.contains(Array("YUhSMGNITTZMe".utf8)), "https:// encoded twice")
        #expect(Base64Leads.encoded.allSatisfy { $0.count >= 5 })
    }

    /// A connection string encoded twice (a Dockerfile `ARG`, as OWASP WrongSecrets writes one) is
    /// found and reported at the encoded text.
    @Test func base64ThatStartsLikeASecretIsDecodedTwice() throws {
        let url = "postgres://app:Vq7rT2xLm9pK@db.acme.dev/app"
        let line = "ARG database=\"\(base64(base64(url)))\""
        let scan = try scan(line)
        #expect(scan.matches.map { String(decoding: $0.secret, as: UTF8.self) } == ["Vq7rT2xLm9pK"])
        #expect(scan.matches.map(\.encoding) == ["base64"])
        #expect(scan.matches.first?.start == TextPosition(line: 1, column: 15))
        #expect(try self.scan("DATABASE_URL: \(base64(url))").matches.map(\.encoding) == ["base64"], "once")
    }

    @Test func base64URLIsDecodedToo() throws {
        let encoded = "cG9zdGdyZXM6Ly9hcHA6VnE3fn5-clQyeExtOXBLQGRiLmFjbWUuZGV2L2FwcA"
        #expect(try scan("url=\(encoded)").matches.map { String(decoding: $0.secret, as: UTF8.self) } == ["Vq7~~~rT2xLm9pK"])
    }

    /// A lead that does not start its run (inside a key body, a hash, a longer token) starts no value.
    @Test func aLeadInsideARunIsNoValue() throws {
        let url = "postgres://app:Vq7rT2xLm9pK@db.acme.dev/app"
        #expect(try scan("blob: QUJD\(base64(url))").matches.isEmpty)
        #expect(LenientBase64.decode(Array("QUJD".utf8)) == Array("ABC".utf8))
        #expect(LenientBase64.decode(Array("Q!==".utf8)) == nil)
    }

    /// A service-account key whose members `jq -S` sorted starts with `auth_provider_x509_cert_url`,
    /// not `type` (Pomerium's integration clusters pass one base64-encoded in an environment).
    @Test func aSortedServiceAccountKeyStartsARun() {
        let json = "{\n\"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\",\n"
            + "\"type\": \"service_account\"\n}"
        let line = Array("ACCOUNT: \(base64(json))\n".utf8)
        let runs = line.withUnsafeBytes { Base64Leads.runs(in: $0) }
        #expect(runs.map(\.lowerBound) == [9])
    }
}
