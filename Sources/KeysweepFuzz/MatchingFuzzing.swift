@testable import KeysweepKit
import PCRE2

/// Fuzz targets of the matcher and its decoding layer (`Matching/`).
enum MatchingFuzzing {
    /// `EncodedValues` on the input: the Secret and percent-escape checks, every value found (with
    /// a base64 lead's end taken for possible everywhere), and percent-decoding of the whole input.
    static func encoded(_ bytes: UnsafeRawBufferPointer) {
        for value in encodedValues.values(in: bytes, markers: Set(EncodedValues.Marker.allCases), leadHitEnds: Array(0...bytes.count),
                                          scratch: scratch) {
            precondition(value.span.lowerBound >= 0 && value.span.upperBound <= bytes.count, "value outside the input")
            precondition(EncodedValues.isPrintable(value.text), "a value that is not printable text")
        }
        _ = EncodedValues.percentDecode(bytes[...])
    }

    /// A `Matcher` of the builtin rules (compiled as a scan compiles them, lazily) over the input,
    /// with the decoding layer and suppression, read as a file (a password file too).
    static func matcher(_ bytes: UnsafeRawBufferPointer) {
        let scan = keysweepMatcher.scanFile(bytes)
        for match in scan.matches {
            precondition(match.start.line >= 1 && match.end.line >= match.start.line, "a match ends before it starts")
        }
    }

    /// A key store read as a binary file is: its format, whether it holds a secret, what a Java
    /// KeyStore says of its key (its certificate's validity and key), and the well-known password
    /// checks of both formats.
    static func keyStore(_ bytes: UnsafeRawBufferPointer) {
        let file = Array(bytes)
        _ = KeyStoreFile.validator(of: file)
        if let store = JavaKeyStoreEntries(file) {
            _ = store.keyCertificate.flatMap(CertificateValidity.init(der:))
            _ = store.keyCertificate.flatMap(PrivateKeyFacts.init(certificate:))
            _ = JavaKeyStoreEntries.wellKnownPassword(of: file)
        }
        _ = PKCS12Password.wellKnownPassword(of: file)
        // A bundle's encrypted parts are opened once a MAC names the password; here, whatever it says.
        if let contents = PKCS12Contents(file) {
            _ = contents.showsKey(opening: "password")
            _ = contents.keyCertificate(opening: "password").flatMap(CertificateValidity.init(der:))
        }
    }

    /// The input as each file the enrichment reads beside an encrypted-settings key. No input gets
    /// through AES-GCM's tag, so the plaintext readers are given the input directly.
    static func vaultFiles(_ bytes: UnsafeRawBufferPointer) {
        let file = Array(bytes)
        _ = RailsCredentials(file: file, hexKey: Array("9f3a1c7e2b8d40f6a5e1c3b7d9f2a08e".utf8))
        _ = RailsCredentials.serializedString(file)
        _ = RailsCredentials.settingNames(inYAML: file)
        _ = SymfonyVault.phpString(in: file)
        _ = SymfonyVault.listedNames(file)
        _ = SodiumKeyPair.bytes(of: file)
        let privateKey = [UInt8](repeating: 0x5A, count: 32)
        _ = DotenvEncryptedFiles.openECIES(file, privateKey: privateKey)
        _ = DotenvEncryptedFiles.decryptedText(of: file, privateKey: privateKey)
        _ = LaravelEncryptedEnv(file: file, key: privateKey)
        _ = LaravelPayload(file)?.open(password: Array("tkR8j33p+qp+xj32V7JBVJUnjdXf56MJN/VgpybJHkg=".utf8))
        _ = LaravelKey.bytes(of: Array(file.prefix(44)))
        _ = AnsibleVaultPassword.secret(ofPasswordFile: bytes)
        if let text = AnsibleVaultText(file) {
            _ = text.open(password: Array("fuzz".utf8))
            _ = text.names(in: file)
            _ = text.matchedText(file)
        }
        if let value = JasyptValue(file) {
            _ = value.open(password: Array("fuzz".utf8))
            _ = value.matchedText(file)
        }
        _ = JenkinsMasterKey.secret(ofKeyFile: bytes)
        _ = JenkinsCredentials(masterKey: Array(file.prefix(256)), secretFile: Array(file.dropFirst(256)))
        _ = jenkinsFixtureCredentials.opened(xml: file)
        _ = PrivateKeyBody.armored(base64: file)
    }

    /// The key of `fixtures/tree/jenkins`' stored secrets, so that its `credentials.xml` (a seed)
    /// and what the fuzzer makes of it are opened, not only parsed.
    private static let jenkinsFixtureCredentials =
        JenkinsCredentials(key: ValueShape.bytes(ofHex: Array("8874a05433a7c82553d2cba2e638195f".utf8)) ?? [])

    private static let encodedValues = EncodedValues()
    /// libFuzzer runs one input at a time on one thread: the scratch has one user.
    nonisolated(unsafe) private static let scratch = MatchScratch()
    /// Built once (compiling the selected patterns as inputs select them); one user, as `scratch`.
    nonisolated(unsafe) private static let keysweepMatcher: Matcher = {
        do {
            return Matcher(ruleSet: try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true))
        } catch {
            preconditionFailure("builtin rules do not compile: \(error)")
        }
    }()
}
