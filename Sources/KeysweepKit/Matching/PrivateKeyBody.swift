import Foundation

/// Checks that a private key block's body decodes and parses as the kind of key its label claims,
/// so that a truncated, elided (`MIIE...`) or made-up block is not reported as a key.
enum PrivateKeyBody {
    /// The first bytes of every OpenSSH private key body: `openssh-key-v1` and a NUL.
    private static let openSSHMagic = Array("openssh-key-v1\u{0}".utf8)

    static func isValid(_ secret: [UInt8]) -> Bool {
        guard let block = PEMBlock.all(in: secret).first else { return false }
        let encrypted = block.headers["Proc-Type"]?.contains("ENCRYPTED") ?? false
        if encrypted {
            // Legacy OpenSSL encryption: a DEK-Info header and whole cipher blocks.
            return block.headers["DEK-Info"] != nil && block.body.count >= 64 && block.body.count % 8 == 0
        }
        // An OpenSSH key body pasted under another label (`BEGIN RSA PRIVATE KEY` over an
        // `openssh-key-v1` body) is still a private key; its label does not describe it.
        if block.label != "OPENSSH PRIVATE KEY", block.body.starts(with: openSSHMagic) {
            return block.body.count >= 64
        }
        return isValid(der: block.body, label: block.label, secret: secret)
    }

    /// The label a PEM file would give `der`, a private key's DER bytes without armor (base64 of
    /// them in code: `PKCS8EncodedKeySpec(Base64.decode("MIIEvQ…"))`), when they parse as
    /// PKCS#8, PKCS#1 RSA or SEC1 EC; nil for anything else.
    static func label(ofDER der: [UInt8]) -> String? {
        ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"].first { isValid(der: der, label: $0, secret: []) }
    }

    /// `base64`, an unarmored key, as the PEM block a `.pem` file writes for it: the same key
    /// pasted either way is one secret. Nil when it does not decode to a key.
    static func armored(base64: [UInt8]) -> [UInt8]? {
        guard let der = LenientBase64.decode(base64), let label = label(ofDER: der) else { return nil }
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return Array("-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----".utf8)
    }

    private static func isValid(der: [UInt8], label: String, secret: [UInt8]) -> Bool {
        let fields = DERReader(der).sequenceChildren()
        switch label {
        case "RSA PRIVATE KEY":
            // version, n, e, d, p, q, dP, dQ, qInv
            guard let fields, fields.count >= 9, fields.prefix(9).allSatisfy({ $0.tag == DERReader.Element.integer }) else { return false }
            return fields[1].integerBits >= 256
        case "DSA PRIVATE KEY":
            return (fields?.count ?? 0) >= 6 && fields!.prefix(6).allSatisfy { $0.tag == DERReader.Element.integer }
        case "EC PRIVATE KEY":
            guard let fields, fields.count >= 2 else { return false }
            return fields[0].tag == DERReader.Element.integer && fields[1].tag == DERReader.Element.octetString && !fields[1].content.isEmpty
        case "PRIVATE KEY":
            guard let fields, fields.count >= 3, let algorithm = fields[1].children, algorithm.first?.objectIdentifier != nil else { return false }
            return fields[2].tag == DERReader.Element.octetString && !fields[2].content.isEmpty
        case "ENCRYPTED PRIVATE KEY":
            guard let fields, fields.count == 2 else { return false }
            return fields[0].tag == DERReader.Element.sequence && fields[1].tag == DERReader.Element.octetString && fields[1].content.count >= 32
        case "OPENSSH PRIVATE KEY":
            return PrivateKeyFacts(secret: secret) != nil
        default:
            return der.count >= 64
        }
    }
}
