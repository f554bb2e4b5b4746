/// Text sealed under a password or key that the scan may find beside it: an Ansible Vault text, a
/// Jasypt `ENC(…)` value, a Laravel payload. A carrier rule captures it (from the setting's name on, for a value);
/// the passwords found open it, and the scan matches what it holds (see `SealedTextOpener`).
protocol SealedText {
    /// The setting an inline value is assigned to; nil for a whole file.
    var variable: String? { get }
    /// The plaintext under `password` and the cipher that opened it, or nil when the password is
    /// not this text's.
    func open(password: [UInt8]) -> (plaintext: [UInt8], cipher: String)?
    /// The names the text gives away without its values: an inline value's setting, or the
    /// top-level keys of a decrypted file.
    func names(in plaintext: [UInt8]) -> [String]
}

extension SealedText {
    /// The text the scan matches for an opened text: a file's plaintext as it is; an inline
    /// value after its setting's name (`db_password: S3cr…`), so that rules that judge a value by
    /// its name see it, a value of several lines as a YAML block.
    func matchedText(_ plaintext: [UInt8]) -> [UInt8] {
        guard let variable else { return plaintext }
        let lines = plaintext.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count <= 1 { return Array((variable + ": ").utf8) + plaintext }
        return Array((variable + ": |\n").utf8) + lines.flatMap { Array("  ".utf8) + $0 + [0x0A] }
    }
}

/// The formats of sealed text: the validator of the rule that reports their passwords, of the
/// carrier rule that captures their texts, and how a text is read.
enum SealedFormat: CaseIterable {
    case ansibleVault
    case jasypt
    case laravel

    var passwordValidator: StructuralValidator {
        switch self {
        case .ansibleVault: .ansibleVaultPassword
        case .jasypt: .jasyptPassword
        case .laravel: .laravelKey
        }
    }

    var textValidator: StructuralValidator {
        switch self {
        case .ansibleVault: .ansibleVaultText
        case .jasypt: .jasyptValue
        case .laravel: .laravelPayload
        }
    }

    /// What a password's facts say when it opened nothing: for a Laravel key, `env:encrypt`'s
    /// default cipher at the key's size.
    func cipher(password: [UInt8]) -> String {
        switch self {
        case .ansibleVault: "AES-256-CTR (PBKDF2)"
        case .jasypt: "PBEWITHHMACSHA512ANDAES_256"
        case .laravel: "AES-\((LaravelKey.bytes(of: password)?.count ?? 32) * 8)-CBC"
        }
    }

    func text(_ bytes: [UInt8]) -> (any SealedText)? {
        switch self {
        case .ansibleVault: AnsibleVaultText(bytes)
        case .jasypt: JasyptValue(bytes)
        case .laravel: LaravelPayload(bytes)
        }
    }

    /// The format whose passwords `validator` validates.
    init?(password validator: StructuralValidator?) {
        guard let format = Self.allCases.first(where: { $0.passwordValidator == validator }) else { return nil }
        self = format
    }

    /// Whether `validator` is a carrier rule's: its matches are texts, never findings.
    static func carries(_ validator: StructuralValidator?) -> Bool {
        allCases.contains { $0.textValidator == validator }
    }
}
