import Foundation

extension Matcher {
    /// A key store read as a binary file or blob (see `KeyStoreFile`): one match of the rule for
    /// its format, at the file's start, or nil when the bytes are no key store holding a secret
    /// or no rule reports their format. Its secret is the file in base64, as the same rule finds
    /// it written in text (a Kubernetes Secret's `keystore.p12: MIIK…`), so that the file and its
    /// base64 copy are one finding.
    func scanKeyStore(_ bytes: UnsafeRawBufferPointer) -> BlobScan? {
        guard let format = KeyStoreFile.format(startingWith: bytes) else { return nil }
        let file = Array(bytes)
        let validator: StructuralValidator?
        if format == .pkcs12 {
            // A bundle sealed under a password that is not well known goes to the sealed bundles' carrier.
            switch KeyStoreFile.sight(ofPKCS12: file) {
            case .key: validator = format.validator
            case .sealed: validator = .pkcs12SealedKeyStore
            case .noKey: validator = nil
            }
        } else {
            validator = KeyStoreFile.holdsSecret(file, as: format) ? format.validator : nil
        }
        guard let validator, let index = ruleSet.rules.firstIndex(where: { $0.rule.validator == validator }) else { return nil }
        let secret = Self.keyStoreIdentity(file)
        var scan = BlobScan()
        let start = TextPosition(line: 1, column: 1)
        scan.matches = [BlobMatch(ruleIndex: index, secret: secret, entropy: Entropy.shannon(secret), start: start, end: start, lineContext: "")]
        return scan
    }

    /// A key store's secret: its bytes in padded standard base64, however its text was written.
    static func keyStoreIdentity(_ file: [UInt8]) -> [UInt8] {
        Array(Data(file).base64EncodedString().utf8)
    }
}
