import Digest

/// One Ansible Vault text: a whole file that `ansible-vault encrypt` wrote, or a value that
/// `ansible-vault encrypt_string` wrote inline in YAML (`db_password: !vault |` then the indented
/// text). The carrier rule `ansible.vault-text` captures it; a vault password the scan found opens
/// it, and the scan matches what it holds (see `SealedTextOpener`).
///
/// Format (Ansible's `VaultLib`, cipher `AES256`): a header `$ANSIBLE_VAULT;1.1;AES256` (1.2 adds
/// `;vault-id`), then lines of hex whose bytes are, once more in hex, three lines: salt, HMAC,
/// ciphertext. PBKDF2-HMAC-SHA256 of the password and the salt, 10,000 rounds, gives 80 bytes:
/// the AES-256 key, the HMAC-SHA256 key (checked over the ciphertext before anything is
/// decrypted) and the initial counter of AES-CTR over the PKCS#7-padded plaintext. The text comes
/// from the repository under scan, so every size is checked.
struct AnsibleVaultText: SealedText, Equatable {
    /// The variable an inline value is assigned to; nil for a whole file.
    let variable: String?
    /// The vault id a 1.2 header names (`;prod`), if any.
    let vaultID: String?
    let salt: [UInt8]
    let mac: [UInt8]
    let ciphertext: [UInt8]

    /// Larger vault texts are not settings anyone encrypts.
    static let sizeLimit = 1 << 20
    static let rounds = 10_000
    private static let header = Array("$ANSIBLE_VAULT;".utf8)

    /// Reads a vault text: a whole file, or the inline form from its variable's name on.
    init?(_ text: [UInt8]) {
        guard text.count <= Self.sizeLimit,
              let headerStart = text.firstRange(of: Self.header)?.lowerBound else { return nil }
        variable = Self.inlineVariable(Array(text[..<headerStart]))
        guard headerStart == 0 || variable != nil else { return nil }
        var lines = text[headerStart...].split(separator: 0x0A, omittingEmptySubsequences: true).map(Self.trimmed)
        guard !lines.isEmpty else { return nil }
        let fields = lines.removeFirst().split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count >= 3, fields.count <= 4, fields[1] == Array("1.1".utf8)[...] || fields[1] == Array("1.2".utf8)[...],
              fields[2] == Array("AES256".utf8)[...] else { return nil }
        vaultID = fields.count == 4 ? String(decoding: fields[3], as: UTF8.self) : nil
        guard let envelope = ValueShape.bytes(ofHex: Array(lines.joined())) else { return nil }
        let parts = envelope.split(separator: 0x0A, omittingEmptySubsequences: false).map { ValueShape.bytes(ofHex: Array($0)) }
        guard parts.count == 3, let salt = parts[0], let mac = parts[1], let ciphertext = parts[2],
              !salt.isEmpty, mac.count == 32, !ciphertext.isEmpty, ciphertext.count % 16 == 0 else { return nil }
        self.salt = salt
        self.mac = mac
        self.ciphertext = ciphertext
    }

    /// The plaintext under `password` (as Ansible reads a password file: surrounding blanks
    /// removed), or nil when the password is not this text's.
    func open(password: [UInt8]) -> (plaintext: [UInt8], cipher: String)? {
        guard !password.isEmpty,
              let keys = PBKDF2.derive(password: password, salt: salt, iterations: Self.rounds, length: 80, digest: .sha256)
        else { return nil }
        let cipherKey = Array(keys[0..<32])
        guard MessageDigest(.sha256).authenticate(ciphertext, key: Array(keys[32..<64])) == mac,
              let padded = AESCTR.apply(ciphertext, key: cipherKey, iv: Array(keys[64..<80])),
              let padding = padded.last, (1...16).contains(padding), padded.count >= Int(padding),
              padded.suffix(Int(padding)).allSatisfy({ $0 == padding }) else { return nil }
        return (Array(padded.dropLast(Int(padding))), "AES-256-CTR (PBKDF2)")
    }

    /// The names a vault text gives away without its values: an inline value's variable, or the
    /// settings of a decrypted YAML file (`vault_db_password`), as Rails credentials' are read.
    func names(in plaintext: [UInt8]) -> [String] {
        variable.map { [$0] } ?? RailsCredentials.settingNames(inYAML: plaintext)
    }

    /// `db_password` in `  - "db_password": !vault |` (the text before the header, which must
    /// end so); nil for anything else.
    private static func inlineVariable(_ before: [UInt8]) -> String? {
        let line = before.split(separator: 0x0A).first { $0.contains(UInt8(ascii: "!")) }.map(trimmed) ?? []
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
              trimmed(line[(colon + 1)...]).starts(with: Array("!vault".utf8)) else { return nil }
        var name = trimmed(line[..<colon])
        if name.first == UInt8(ascii: "-") { name = trimmed(name.dropFirst()) }
        if let first = name.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"), name.count >= 2, name.last == first {
            name = Array(name.dropFirst().dropLast())
        }
        guard !name.isEmpty, name.count <= 120, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    private static func trimmed(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        return Array(Array(bytes).drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
