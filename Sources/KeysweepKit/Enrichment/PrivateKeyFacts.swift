/// What a private key block says about itself: algorithm, size, and whether a passphrase protects it.
public struct PrivateKeyFacts: Sendable, Hashable {
    /// `RSA`, `DSA`, `EC P-256`, `Ed25519`, …, or the block's own label when it is opaque (PGP).
    public var algorithm: String
    public var bits: Int?
    public var encrypted: Bool
    /// For a key store: the well-known password it opens with (keytool's `changeit`, Android's
    /// `android`), which leaves its keys as open as unencrypted ones.
    public var storePassword: String?
    /// For a key store: where the scan found the password it opens with (`path:line`), itself a
    /// finding; the password is not repeated here.
    public var storePasswordAt: String?
    /// For an encryption key: the file the scan found that it decrypts (Rails'
    /// `config/credentials.yml.enc`).
    public var decrypts: String?
    /// The names of the settings in that file (`aws.secret_access_key`); never their values.
    public var decryptedSettings: [String]?
    /// The other files the scan saw the key open (a Jenkins master key: the home's job, node,
    /// user and plugin files that hold stored secrets besides `credentials.xml`).
    public var alsoDecrypts: [String]?

    /// `decrypts config/credentials.yml.enc (2 settings: aws.access_key_id, secret_key_base)`, for
    /// an encryption key that was seen to decrypt a file.
    public var decryptionSummary: String? {
        guard let decrypts else { return nil }
        let settings = decryptedSettings ?? []
        var summary = "decrypts \(decrypts)"
        if !settings.isEmpty {
            summary += " (\(settings.count) setting\(settings.count == 1 ? "" : "s"): \(settings.joined(separator: ", ")))"
        }
        if let others = alsoDecrypts, !others.isEmpty {
            summary += ", and \(others.count) more file\(others.count == 1 ? "" : "s"): " + Self.naming(others)
        }
        return summary
    }

    /// The first three of `paths`, then how many more.
    static func naming(_ paths: [String]) -> String {
        paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
    }

    /// RSA and DSA keys below 2048 bits are within reach of factoring; no one should still use them.
    public var weak: Bool {
        guard let bits, algorithm == "RSA" || algorithm == "DSA" else { return false }
        return bits < 2048
    }

    /// Facts from the captured secret (a PEM or OpenSSH block); nil when it is not a key block or
    /// its body does not parse.
    public init?(secret: [UInt8]) {
        guard let block = PEMBlock.all(in: secret).first else {
            if String(decoding: secret.prefix(16), as: UTF8.self).hasPrefix("AGE-SECRET-KEY-") {
                self.init(algorithm: "X25519 (age)", bits: 256, encrypted: false)
                return
            }
            return nil
        }
        switch block.label {
        case "RSA PRIVATE KEY":
            let encrypted = block.headers["Proc-Type"]?.contains("ENCRYPTED") ?? false
            self.init(algorithm: "RSA", bits: encrypted ? nil : Self.pkcs1ModulusBits(block.body), encrypted: encrypted)
        case "DSA PRIVATE KEY":
            let encrypted = block.headers["Proc-Type"]?.contains("ENCRYPTED") ?? false
            let p = encrypted ? nil : DERReader(block.body).sequenceChildren()?.dropFirst().first
            self.init(algorithm: "DSA", bits: p?.integerBits, encrypted: encrypted)
        case "EC PRIVATE KEY":
            let encrypted = block.headers["Proc-Type"]?.contains("ENCRYPTED") ?? false
            let curve = encrypted ? nil : DERReader(block.body).sequenceChildren()?
                .first { $0.tag == 0xA0 }?.children?.first?.objectIdentifier
            self.init(algorithm: Self.curveName(curve).map { "EC \($0)" } ?? "EC", bits: Self.curveBits(curve), encrypted: encrypted)
        case "PRIVATE KEY":
            guard let facts = Self.pkcs8(block.body) else { return nil }
            self = facts
        case "ENCRYPTED PRIVATE KEY":
            self.init(algorithm: "PKCS#8", bits: nil, encrypted: true)
        case "OPENSSH PRIVATE KEY":
            guard let facts = Self.openSSH(block.body) else { return nil }
            self = facts
        default:
            self.init(algorithm: block.label.replacingOccurrences(of: " PRIVATE KEY", with: "").replacingOccurrences(of: " BLOCK", with: ""),
                      bits: nil, encrypted: false)
        }
    }

    /// An encryption key's facts: it is never itself encrypted; `opens`, when the scan found
    /// what it decrypts, is that file (or vault folder) and the names of the settings in it.
    init(algorithm: String, bits: Int, opens: (path: String, names: [String])?) {
        self.init(algorithm: algorithm, bits: bits, encrypted: false)
        decrypts = opens?.path
        decryptedSettings = opens?.names
    }

    /// The facts of a password or key that seals texts (Ansible Vault, Jasypt, Laravel): the
    /// cipher that opened them, else the format's, and the files of the texts the scan saw it
    /// open (the first three named, then how many more).
    init(sealedTextsOpened opened: SealedTextOpener.Opened?, cipher: String) {
        let paths = opened?.paths ?? []
        let named = Self.naming(paths)
        let cipher = opened?.cipher ?? cipher
        let bits = cipher.hasSuffix("DES") ? 56 : cipher.contains("128") ? 128 : 256
        self.init(algorithm: cipher, bits: bits, opens: paths.isEmpty ? nil : (named, opened?.names ?? []))
    }

    public init(algorithm: String, bits: Int?, encrypted: Bool) {
        self.algorithm = algorithm
        self.bits = bits
        self.encrypted = encrypted
    }

    /// RSAPrivateKey ::= SEQUENCE { version, modulus, … }
    private static func pkcs1ModulusBits(_ body: [UInt8]) -> Int? {
        guard let fields = DERReader(body).sequenceChildren(), fields.count >= 2 else { return nil }
        return fields[1].integerBits
    }

    /// PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier { oid, parameters }, OCTET STRING key }
    private static func pkcs8(_ body: [UInt8]) -> PrivateKeyFacts? {
        guard let fields = DERReader(body).sequenceChildren(), fields.count >= 3,
              let algorithm = fields[1].children, let oid = algorithm.first?.objectIdentifier else { return nil }
        switch oid {
        case "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10":
            return PrivateKeyFacts(algorithm: "RSA", bits: pkcs1ModulusBits(Array(fields[2].content)), encrypted: false)
        case "1.2.840.10045.2.1":
            let curve = algorithm.dropFirst().first?.objectIdentifier
            return PrivateKeyFacts(algorithm: curveName(curve).map { "EC \($0)" } ?? "EC", bits: curveBits(curve), encrypted: false)
        case "1.2.840.10040.4.1":
            let p = algorithm.dropFirst().first?.children?.first
            return PrivateKeyFacts(algorithm: "DSA", bits: p?.integerBits, encrypted: false)
        case "1.3.101.110": return PrivateKeyFacts(algorithm: "X25519", bits: 256, encrypted: false)
        case "1.3.101.112": return PrivateKeyFacts(algorithm: "Ed25519", bits: 256, encrypted: false)
        case "1.3.101.113": return PrivateKeyFacts(algorithm: "Ed448", bits: 456, encrypted: false)
        default: return PrivateKeyFacts(algorithm: "PKCS#8 \(oid)", bits: nil, encrypted: false)
        }
    }

    /// `openssh-key-v1\0`, then strings: cipher, KDF, KDF options, a key count, the public key.
    static func openSSH(_ body: [UInt8]) -> PrivateKeyFacts? {
        let magic = Array("openssh-key-v1".utf8) + [0]
        guard body.starts(with: magic) else { return nil }
        var reader = SSHWireReader(body[magic.count...])
        guard let cipher = reader.string(), reader.string() != nil, reader.string() != nil,
              reader.uint32() != nil, let publicKey = reader.string() else { return nil }
        let encrypted = String(decoding: cipher, as: UTF8.self) != "none"
        var key = SSHWireReader(publicKey)
        guard let type = key.string().map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        switch type {
        case "ssh-rsa":
            _ = key.string()
            return PrivateKeyFacts(algorithm: "RSA", bits: key.string().map { DERReader.Element(tag: 2, content: $0).integerBits }, encrypted: encrypted)
        case "ssh-dss":
            return PrivateKeyFacts(algorithm: "DSA", bits: key.string().map { DERReader.Element(tag: 2, content: $0).integerBits }, encrypted: encrypted)
        case "ssh-ed25519", "sk-ssh-ed25519@openssh.com":
            return PrivateKeyFacts(algorithm: "Ed25519", bits: 256, encrypted: encrypted)
        case let type where type.hasPrefix("ecdsa-sha2-nistp"):
            let bits = Int(type.dropFirst("ecdsa-sha2-nistp".count))
            return PrivateKeyFacts(algorithm: "EC P-\(bits.map(String.init) ?? "?")", bits: bits, encrypted: encrypted)
        default:
            return PrivateKeyFacts(algorithm: type, bits: nil, encrypted: encrypted)
        }
    }

    static func curveName(_ oid: String?) -> String? {
        switch oid {
        case "1.2.840.10045.3.1.7": "P-256"
        case "1.3.132.0.34": "P-384"
        case "1.3.132.0.35": "P-521"
        case "1.3.132.0.10": "secp256k1"
        default: nil
        }
    }

    static func curveBits(_ oid: String?) -> Int? {
        switch oid {
        case "1.2.840.10045.3.1.7", "1.3.132.0.10": 256
        case "1.3.132.0.34": 384
        case "1.3.132.0.35": 521
        default: nil
        }
    }
}

extension DERReader {
    /// The children of the first element, when it is a SEQUENCE.
    func sequenceChildren() -> [Element]? {
        var reader = self
        guard let first = reader.next(), first.tag == Element.sequence else { return nil }
        return first.children
    }
}
