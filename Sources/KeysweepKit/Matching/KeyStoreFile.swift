import Digest

/// Key stores as files: a PKCS#12 bundle (`.p12`, `.pfx`), a Java KeyStore (JKS or JCEKS) or a
/// KeePass database, recognised from their bytes rather than their names (a `.p12` may be
/// called `cert.bin`, a JKS `keystore`, and `.pfx` names are also given to other files).
///
/// A key store is a secret when it holds one: a PKCS#12 bundle whose contents show a key bag
/// (private keys are stored as shrouded key bags in the bundle's plain contents, by OpenSSL,
/// keytool and Windows alike), a Java KeyStore with a private or secret key entry, and a KeePass
/// database always. A trust store, certificates only, is public, and is not reported (gitleaks
/// reports every `.p12` and `.pfx` by its name, trust stores included). What a bundle holds is
/// mostly read without its password: OpenSSL, keytool and Windows leave the entries' kinds in
/// the clear and encrypt only their keys. A bundle whose every part is encrypted (keytool's trust
/// stores, NSS's and browsers' exports of a client certificate) is opened when its MAC says that
/// a well-known password is its own, and is otherwise taken for a trust store.
enum KeyStoreFile {
    enum Format: Sendable, Equatable {
        case pkcs12, javaKeyStore, keePass

        /// The structural validator of the rule that reports key stores of this format.
        var validator: StructuralValidator {
            switch self {
            case .pkcs12: .pkcs12KeyStore
            case .javaKeyStore: .javaKeyStore
            case .keePass: .keePassDatabase
            }
        }
    }

    /// The format that `bytes` start like, from their first bytes only: a PKCS#12 `PFX` sequence
    /// (DER or BER) with version 3, the magic numbers of JKS (`FEEDFEED`), JCEKS (`CECECECE`) and KeePass.
    static func format(startingWith bytes: some Collection<UInt8>) -> Format? {
        // Most blobs are text: one byte tells them apart before anything is copied.
        guard let first = bytes.first, [0xFE, 0xCE, 0x03, 0x30].contains(first) else { return nil }
        let head = Array(bytes.prefix(8))
        guard head.count == 8 else { return nil }
        if head.starts(with: [0xFE, 0xED, 0xFE, 0xED]) || head.starts(with: [0xCE, 0xCE, 0xCE, 0xCE]) { return .javaKeyStore }
        if head.starts(with: [0x03, 0xD9, 0xA2, 0x9A]), [0x65, 0x66, 0x67].contains(head[4]), head[5...7].elementsEqual([0xFB, 0x4B, 0xB5]) {
            return .keePass
        }
        // SEQUENCE of 128 bytes to 16 MiB, or of BER's indefinite length, then INTEGER 3.
        if head[0] == 0x30, (0x80...0x83).contains(head[1]) {
            let versionAt = 2 + Int(head[1] & 0x7F)
            if versionAt + 3 <= head.count, head[versionAt..<versionAt + 3].elementsEqual([0x02, 0x01, 0x03]) { return .pkcs12 }
        }
        return nil
    }

    /// Whether `bytes`, a whole file in `format`, hold a secret (see the type's comment).
    static func holdsSecret(_ bytes: [UInt8], as format: Format) -> Bool {
        guard Self.format(startingWith: bytes) == format else { return false }
        switch format {
        case .pkcs12: return sight(ofPKCS12: bytes) == .key
        case .javaKeyStore: return JavaKeyStoreEntries(bytes)?.holdsKey ?? false
        case .keePass: return bytes.count >= 64
        }
    }

    /// What a PKCS#12 bundle shows of a key: one (in the clear, or in a part that a well-known
    /// password opens), none, or nothing yet: every part is encrypted and its MAC names no
    /// well-known password, so what it holds is unknown until a password found elsewhere opens it.
    enum PKCS12Sight { case key, noKey, sealed }

    static func sight(ofPKCS12 bytes: [UInt8]) -> PKCS12Sight {
        guard let contents = PKCS12Contents(bytes) else { return .noKey }
        if contents.showsKey { return .key }
        guard !contents.encryptedSafes.isEmpty else { return .noKey }
        guard let password = PKCS12Password.wellKnownPassword(of: bytes) else { return .sealed }
        return contents.showsKey(opening: password) ? .key : .noKey
    }

    /// The structural validator of the rule that takes `bytes`, a whole file: its format's when
    /// the store holds a secret, the sealed bundles' carrier's for a PKCS#12 bundle that only a
    /// password found elsewhere may open, nil for any other bytes.
    static func validator(of bytes: [UInt8]) -> StructuralValidator? {
        guard let format = format(startingWith: bytes) else { return nil }
        guard format == .pkcs12 else { return holdsSecret(bytes, as: format) ? format.validator : nil }
        switch sight(ofPKCS12: bytes) {
        case .key: return format.validator
        case .sealed: return .pkcs12SealedKeyStore
        case .noKey: return nil
        }
    }

    /// Passwords that keytool's documentation, the JDK's `cacerts`, Android's debug store, OpenSSL
    /// and server guides use: the first an attacker with the file tries.
    static let wellKnownPasswords = ["changeit", "password", "android", "changeme", "secret", "123456", "keystore", "storepass", ""]
}

/// The entries of a Java KeyStore (JKS or JCEKS): each is a private key with its certificate
/// chain (tag 1), a trusted certificate (tag 2) or, in JCEKS, a secret key (tag 3). The layout
/// is keytool's (`sun.security.provider.JavaKeyStore`): big-endian counts, `writeUTF` aliases, a
/// creation time in milliseconds; only the keys are encrypted.
struct JavaKeyStoreEntries {
    /// Whether a private or secret key entry comes before the end or the first entry that does
    /// not parse.
    private(set) var holdsKey = false
    /// When the first key entry was made, as the store says.
    private(set) var keyCreated: Timestamp?
    /// The DER certificate of the first private key entry (the first of its chain), if any.
    private(set) var keyCertificate: [UInt8]?

    /// Nil when `bytes` are no version 1 or 2 key store.
    init?(_ bytes: [UInt8]) {
        var cursor = ByteCursor(bytes)
        guard let magic = cursor.uint32(), magic == 0xFEED_FEED || magic == 0xCECE_CECE,
              let version = cursor.uint32(), version == 1 || version == 2, let count = cursor.uint32() else { return nil }
        // A certificate: its type's name (version 2), its length, its DER bytes.
        func certificate() -> [UInt8]? {
            guard version == 1 || cursor.skipUTF(), let length = cursor.uint32() else { return nil }
            return cursor.take(Int(length))
        }
        entries: for _ in 0..<min(count, 65_536) {
            guard let tag = cursor.uint32(), cursor.skipUTF(), let created = cursor.uint64() else { break }
            switch tag {
            case 1, 3:
                if !holdsKey { keyCreated = Timestamp(seconds: Int(created / 1000)) }
                holdsKey = true
                // A JCEKS secret key is a serialised Java object, whose length is not written.
                guard tag == 1, let keyLength = cursor.uint32(), cursor.skip(Int(keyLength)),
                      let chainLength = cursor.uint32(), chainLength > 0, let first = certificate() else { break entries }
                if keyCertificate == nil { keyCertificate = first }
                break entries
            case 2:
                guard certificate() != nil else { break entries }
            default:
                break entries
            }
        }
    }
}

extension JavaKeyStoreEntries {
    /// The well-known password that `bytes`, a whole JKS or JCEKS file, open with, or nil. keytool
    /// ends a store with the SHA-1 of the password (UTF-16BE), "Mighty Aphrodite" and every byte
    /// before the digest; a password that gives that digest is the store's.
    static func wellKnownPassword(of bytes: [UInt8]) -> String? {
        firstPassword(of: bytes, among: KeyStoreFile.wellKnownPasswords)
    }

    /// The first of `passwords` that `bytes`, a whole JKS or JCEKS file, open with, or nil.
    static func firstPassword(of bytes: [UInt8], among passwords: [String]) -> String? {
        guard bytes.count > SHA1.length + 12 else { return nil }
        let body = bytes[..<(bytes.count - SHA1.length)], digest = Array(bytes.suffix(SHA1.length))
        let hasher = SHA1()
        return passwords.first { password in
            hasher.update(password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
            hasher.update(Array("Mighty Aphrodite".utf8))
            hasher.update(body)
            return hasher.finish() == digest
        }
    }
}

/// Reads big-endian fields from bytes, never past their end.
private struct ByteCursor {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func uint32() -> UInt32? {
        guard bytes.count - offset >= 4 else { return nil }
        defer { offset += 4 }
        return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint64() -> UInt64? {
        guard let high = uint32(), let low = uint32() else { return nil }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// The next `count` bytes, or nil when fewer are left.
    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, bytes.count - offset >= count else { return false }
        offset += count
        return true
    }

    /// Skips a string written by Java's `writeUTF`: a 2-byte length, then the bytes.
    mutating func skipUTF() -> Bool {
        guard bytes.count - offset >= 2 else { return false }
        let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        offset += 2
        return skip(length)
    }
}
