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
        // So is a key of one format under another format's label (a PKCS#1 RSA key under
        // `BEGIN PRIVATE KEY`, Casdoor's default token key): the body decides.
        return isValid(der: block.body, label: block.label, secret: secret)
            || privateKeyLabels.contains(block.label) && label(ofDER: block.body) != nil
    }

    /// The labels PEM gives a private key in the clear, whose body may be any of their formats.
    private static let privateKeyLabels: Set<String> = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"]

    /// The label a PEM file would give `der`, a private key's DER bytes without armor (base64 of
    /// them in code: `PKCS8EncodedKeySpec(Base64.decode("MIIEvQ…"))`), when they parse as
    /// PKCS#8, PKCS#1 RSA or SEC1 EC, or an OpenSSH key body (`openssh-key-v1`, pasted without
    /// its BEGIN and END lines); nil for anything else.
    static func label(ofDER der: [UInt8]) -> String? {
        if der.starts(with: openSSHMagic) {
            return holdsPrivateSection(der) && PrivateKeyFacts.openSSH(der) != nil ? "OPENSSH PRIVATE KEY" : nil
        }
        return ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"].first { isValid(der: der, label: $0, secret: []) }
    }

    /// `base64`, an unarmored key, as the PEM block a `.pem` file writes for it: the same key
    /// pasted either way is one secret. Nil when it does not decode to a key.
    static func armored(base64: [UInt8]) -> [UInt8]? {
        guard let der = decode(unarmored: base64), let label = label(ofDER: der) else { return nil }
        return armor(der, label: label)
    }

    /// The bytes of an unarmored key's base64, its line breaks and indentation aside.
    static func decode(unarmored base64: [UInt8]) -> [UInt8]? {
        LenientBase64.decode(base64.filter { !" \t\r\n".utf8.contains($0) })
    }

    /// Whether an OpenSSH key body holds its private section whole: after the magic, the cipher,
    /// the KDF and its options, and the count of keys, each public key, then the private section,
    /// all length-prefixed strings within the bytes. A body cut short (`b3BlbnNzaC1rZXktdjE…`
    /// copied in part) has its public key and not its private one.
    private static func holdsPrivateSection(_ body: [UInt8]) -> Bool {
        var reader = SSHWireReader(body.dropFirst(openSSHMagic.count))
        guard reader.string() != nil, reader.string() != nil, reader.string() != nil,
              let keys = reader.uint32(), (1...16).contains(keys) else { return false }
        for _ in 0..<keys where reader.string() == nil { return false }
        return (reader.string()?.count ?? 0) >= 8
    }

    /// `der` in a PEM block: 64 characters a line, 70 for an OpenSSH key as `ssh-keygen` writes it.
    private static func armor(_ der: [UInt8], label: String) -> [UInt8] {
        let width = label == "OPENSSH PRIVATE KEY" ? 70 : 64
        let encoded = Array(Data(der).base64EncodedString().utf8)
        let lines = stride(from: 0, to: encoded.count, by: width).map { encoded[$0..<min($0 + width, encoded.count)] }
        return Array("-----BEGIN \(label)-----\n".utf8) + Array(lines.joined(separator: [0x0A]))
            + Array("\n-----END \(label)-----".utf8)
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
