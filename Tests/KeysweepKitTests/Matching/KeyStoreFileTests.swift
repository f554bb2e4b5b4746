import Foundation
import Testing
@testable import KeysweepKit

/// Key stores read from their bytes: stores made by OpenSSL, keytool and pykeepass in
/// `fixtures/keystores/` (throwaway keys made for the tests), trust stores apart, damaged
/// stores never a trap.
@Suite struct KeyStoreFileTests {
    private static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryRoot.file("fixtures/keystores/" + name))))
    }

    static let stores: [(name: String, format: KeyStoreFile.Format, holdsSecret: Bool)] = [
        ("server.p12", .pkcs12, true),        // openssl pkcs12 -export
        ("app.p12", .pkcs12, true),           // keytool -genkeypair -storetype PKCS12
        ("truststore.p12", .pkcs12, false),   // keytool -importcert: certificates only, encrypted
        ("signing.jks", .javaKeyStore, true),
        ("secrets.jceks", .javaKeyStore, true),  // a secret key entry (tag 3)
        ("truststore.jks", .javaKeyStore, false),
        ("changeit.jks", .javaKeyStore, true),   // keytool -storepass changeit
        ("changeit.p12", .pkcs12, true),
        ("keytool-changeit.p12", .pkcs12, true),
        // Every part encrypted (scripts/generate-pkcs12-fixtures): opened under a well-known password.
        ("nss-password.p12", .pkcs12, true),               // the key in an RC2-40 part, as NSS exports it
        ("encrypted-safe-changeit.p12", .pkcs12, true),     // the key in a PBES2 (AES-256) part
        ("encrypted-3des-unknown.p12", .pkcs12, false),     // a password no one published: nothing in sight
        ("encrypted-truststore-password.p12", .pkcs12, false),  // opens, to certificates only
        ("encrypted-3des-found.p12", .pkcs12, false),       // sealed until a found password opens it
        ("ber-changeit.p12", .pkcs12, true),    // BER, as Bouncy Castle writes bundles: indefinite lengths, pieces
        ("vault.kdbx", .keePass, true),
    ]

    @Test(arguments: stores.indices)
    func storesAreKnownByTheirBytes(index: Int) throws {
        let store = Self.stores[index]
        let bytes = try Self.fixture(store.name)
        #expect(KeyStoreFile.format(startingWith: bytes) == store.format)
        #expect(KeyStoreFile.holdsSecret(bytes, as: store.format) == store.holdsSecret)
    }

    /// Every prefix of every store, and each store with one byte changed at a time in its first
    /// 200 bytes, is read to an answer: sizes come from the input and are checked before use.
    @Test(arguments: stores.indices)
    func damagedStoresAreReadWithoutATrap(index: Int) throws {
        let bytes = try Self.fixture(Self.stores[index].name)
        for end in 0..<bytes.count { _ = KeyStoreFile.validator(of: Array(bytes[..<end])) }
        for offset in 0..<min(200, bytes.count) {
            for value: UInt8 in [0x00, 0x7F, 0x80, 0xFF] {
                var damaged = bytes
                damaged[offset] = value
                _ = KeyStoreFile.validator(of: damaged)
            }
        }
    }

    /// keytool wrote `signing.jks` with a certificate valid for 365 days, at the time it wrote on
    /// the entry: the inventory's issue and expiry dates.
    @Test func aJavaKeyStoreTellsWhenItsKeyWasMadeAndWhenItsCertificateEnds() throws {
        let store = try #require(JavaKeyStoreEntries(try Self.fixture("signing.jks")))
        let created = try #require(store.keyCreated)
        let validity = try #require(store.keyCertificate.flatMap(CertificateValidity.init(der:)))
        #expect(validity.notAfter.seconds - validity.notBefore.seconds == 365 * 86_400)
        #expect(abs(created.seconds - validity.notBefore.seconds) < 60)
        #expect(JavaKeyStoreEntries(try Self.fixture("truststore.jks"))?.keyCreated == nil)
    }

    /// keytool's documentation and Tomcat's guide make stores under `changeit`: the store's own
    /// digest says so, with no other secret than the published password.
    @Test func aJavaKeyStoreUnderAWellKnownPasswordIsKnownByItsDigest() throws {
        #expect(JavaKeyStoreEntries.wellKnownPassword(of: try Self.fixture("changeit.jks")) == "changeit")
        #expect(JavaKeyStoreEntries.wellKnownPassword(of: try Self.fixture("truststore.jks")) == "changeit")
        #expect(JavaKeyStoreEntries.wellKnownPassword(of: try Self.fixture("signing.jks")) == nil)
        var damaged = try Self.fixture("changeit.jks")
        damaged[40] ^= 0x01
        #expect(JavaKeyStoreEntries.wellKnownPassword(of: damaged) == nil)
    }

    /// A PKCS#12 bundle's MAC is keyed by its password: OpenSSL's (SHA-256 and SHA-1, 2,048
    /// iterations) and keytool's (SHA-256, 10,000) bundles under `changeit` and `password`.
    @Test(arguments: [("changeit.p12", "changeit"), ("password-sha1.p12", "password"), ("keytool-changeit.p12", "changeit"),
                      ("nss-password.p12", "password"), ("encrypted-safe-changeit.p12", "changeit"),
                      ("ber-changeit.p12", "changeit"),
                      ("encrypted-3des-unknown.p12", nil), ("server.p12", nil), ("app.p12", nil)] as [(String, String?)])
    func aPKCS12BundleUnderAWellKnownPasswordIsKnownByItsMAC(name: String, password: String?) throws {
        #expect(PKCS12Password.wellKnownPassword(of: try Self.fixture(name)) == password)
    }

    /// A password found elsewhere in the scan is tried the same way: the fixtures' own.
    @Test func aStoreOpensWithAPasswordGivenToTry() throws {
        let tries = ["Tz6!qW3vK9mB", "fixture-store-pass"]
        #expect(JavaKeyStoreEntries.firstPassword(of: try Self.fixture("signing.jks"), among: tries) == "fixture-store-pass")
        #expect(PKCS12Password.firstPassword(of: try Self.fixture("server.p12"), among: tries) == "fixture-store-pass")
        #expect(PKCS12Password.firstPassword(of: try Self.fixture("server.p12"), among: ["Tz6!qW3vK9mB"]) == nil)
    }

    @Test func aDamagedPKCS12MACOpensWithNoPassword() throws {
        var damaged = try Self.fixture("changeit.p12")
        damaged[damaged.count - 40] ^= 0x01
        #expect(PKCS12Password.wellKnownPassword(of: damaged) == nil)
    }

    @Test func aJavaKeyStoreNamesItsKeyByItsCertificate() throws {
        let rsa = try #require(JavaKeyStoreEntries(try Self.fixture("changeit.jks"))?.keyCertificate.flatMap(PrivateKeyFacts.init(certificate:)))
        #expect(rsa.algorithm == "RSA" && rsa.bits == 2048)
        let ec = try #require(JavaKeyStoreEntries(try Self.fixture("signing.jks"))?.keyCertificate.flatMap(PrivateKeyFacts.init(certificate:)))
        #expect(ec.algorithm == "EC P-256" && ec.bits == 256)
    }

    /// An encrypted part opens with the bundle's password only, under PKCS#12's RC2 scheme or
    /// PBES2's AES, and its certificate says when the key's certificate ends (the generator makes
    /// them valid for 730 days from 2026-01-01).
    @Test(arguments: [("nss-password.p12", "password"), ("encrypted-safe-changeit.p12", "changeit")])
    func anEncryptedPartOpensWithTheBundlesPasswordOnly(name: String, password: String) throws {
        let contents = try #require(PKCS12Contents(try Self.fixture(name)))
        #expect(!contents.showsKey && contents.encryptedSafes.count == 1)
        #expect(contents.showsKey(opening: password))
        #expect(!contents.showsKey(opening: "changeme"))
        #expect(contents.keyCertificate(opening: nil) == nil)
        let validity = try #require(contents.keyCertificate(opening: password).flatMap(CertificateValidity.init(der:)))
        #expect(validity.notBefore == Timestamp(seconds: 1_767_225_600))
        #expect(validity.notAfter.seconds - validity.notBefore.seconds == 730 * 86_400)
        let key = try #require(contents.keyCertificate(opening: password).flatMap(PrivateKeyFacts.init(certificate:)))
        #expect(key.algorithm == "EC P-256")
    }

    /// Whether a bundle shows a key, none, or nothing until a password found elsewhere opens it.
    @Test(arguments: [("encrypted-3des-unknown.p12", KeyStoreFile.PKCS12Sight.sealed), ("encrypted-3des-found.p12", .sealed),
                      ("nss-password.p12", .key), ("server.p12", .key), ("encrypted-truststore-password.p12", .noKey)])
    func aBundleShowsAKeyNoneOrNothingYet(name: String, sight: KeyStoreFile.PKCS12Sight) throws {
        #expect(KeyStoreFile.sight(ofPKCS12: try Self.fixture(name)) == sight)
    }

    /// A trust store's encrypted part opens to certificates: still no secret.
    @Test func anEncryptedTrustStoreOpensToNoKey() throws {
        let contents = try #require(PKCS12Contents(try Self.fixture("encrypted-truststore-password.p12")))
        #expect(!contents.showsKey(opening: "password"))
        #expect(contents.keyCertificate(opening: "password") != nil)
    }

    @Test func aPKCS12BundleCutShortHoldsNoSecret() throws {
        let bytes = try Self.fixture("server.p12")
        #expect(!KeyStoreFile.holdsSecret(Array(bytes.prefix(bytes.count / 2)), as: .pkcs12))
    }

    /// BER's forms read as DER's: an OCTET STRING in pieces is one string of their octets, an
    /// element of indefinite length ends at its two zero bytes; a piece that is no OCTET STRING,
    /// a primitive element of indefinite length and an unclosed one are malformed.
    @Test func berIsReadAsDER() {
        var pieces = DERReader([0x24, 0x80, 0x04, 0x02, 0x61, 0x62, 0x04, 0x01, 0x63, 0x00, 0x00, 0x02, 0x01, 0x05])
        let joined = pieces.next()
        #expect(joined?.tag == DERReader.Element.octetString)
        #expect(joined.map { Array($0.content) } == Array("abc".utf8))
        #expect(pieces.next()?.smallInteger == 5)
        var nested = DERReader([0x30, 0x80, 0x30, 0x80, 0x02, 0x01, 0x07, 0x00, 0x00, 0x00, 0x00])
        #expect(nested.next()?.children?.first?.children?.first?.smallInteger == 7)
        var notAPiece = DERReader([0x24, 0x03, 0x02, 0x01, 0x07])
        #expect(notAPiece.next() == nil)
        var primitive = DERReader([0x04, 0x80, 0x61, 0x00, 0x00])
        #expect(primitive.next() == nil)
        var unclosed = DERReader([0x30, 0x80, 0x02, 0x01, 0x07])
        #expect(unclosed.next() == nil)
        let nestedTooDeep = Array(repeating: [UInt8]([0x30, 0x80]), count: 40).flatMap { $0 } + Array(repeating: 0, count: 80)
        var tooDeep = DERReader(nestedTooDeep)
        #expect(tooDeep.next() == nil)
    }

    @Test func textIsNoKeyStore() {
        for text in ["0\u{82}\u{01}\u{00} not DER", "-----BEGIN CERTIFICATE-----", "\u{03}\u{D9}"] {
            #expect(KeyStoreFile.format(startingWith: Array(text.utf8)) == nil)
        }
    }

    /// In text, a bundle that shows its key is keystore.pkcs12's and a sealed one the carrier's;
    /// neither counts as a look-alike the other rule rejected.
    @Test func aSealedBundleInTextIsCarriedNotRejected() throws {
        let matcher = Matcher(ruleSet: try RuleSet(RuleLoader.builtinRules().filter { $0.id.hasPrefix("keystore.") }))
        let shown = Data(try Self.fixture("nss-password.p12")).base64EncodedString()
        let sealed = Data(try Self.fixture("encrypted-3des-unknown.p12")).base64EncodedString()
        let text = Array("data:\n  client.p12: \(shown)\n  backup.p12: \(sealed)\n".utf8)
        let scan = text.withUnsafeBytes { matcher.scan($0) }
        #expect(scan.matches.map { matcher.ruleSet.rules[$0.ruleIndex].rule.id }.sorted() == ["keystore.pkcs12", "keystore.pkcs12.sealed"])
        #expect(scan.rejectedByValidator["keystore.pkcs12.sealed"] == nil)
    }

    /// A store found as a file and as base64 in a Kubernetes Secret is one secret: the file's
    /// base64, whatever the text's padding.
    @Test func aStoreAndItsBase64CopyAreOneSecret() throws {
        let matcher = Matcher(ruleSet: try RuleSet(RuleLoader.builtinRules().filter { $0.id.hasPrefix("keystore.") }))
        let bytes = try Self.fixture("signing.jks")
        let fromFile = try #require(bytes.withUnsafeBytes { matcher.scanKeyStore($0) }?.matches.first)
        let base64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
        let text = Array("data:\n  release.jks: \(base64)\n".utf8)
        let fromText = try #require(text.withUnsafeBytes { matcher.scan($0) }.matches.first)
        #expect(fromFile.secret == fromText.secret)
        #expect(matcher.ruleSet.rules[fromFile.ruleIndex].rule.id == "keystore.java")
        #expect(fromFile.start == TextPosition(line: 1, column: 1))
        let trustStore = try Self.fixture("truststore.jks")
        #expect(trustStore.withUnsafeBytes { matcher.scanKeyStore($0) } == nil)
    }
}
