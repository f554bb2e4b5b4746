import Foundation

extension Matcher {
    /// A key store read as a binary file or blob (see `KeyStoreFile`): one match, at the file's
    /// start, of the rule `KeyStoreFile.validator(of:)` names (its format's, or the sealed
    /// bundles' carrier), or nil when the bytes are no key store holding a secret or no rule
    /// takes them. Its secret is the file in base64, as the same rule finds
    /// it written in text (a Kubernetes Secret's `keystore.p12: MIIK…`), so that the file and its
    /// base64 copy are one finding.
    func scanKeyStore(_ bytes: UnsafeRawBufferPointer) -> BlobScan? {
        // Most blobs are no key store: their first bytes say so before anything is copied.
        guard KeyStoreFile.format(startingWith: bytes) != nil else { return nil }
        let file = Array(bytes)
        guard let validator = KeyStoreFile.validator(of: file),
              let index = ruleSet.rules.firstIndex(where: { $0.rule.validator == validator }) else { return nil }
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
