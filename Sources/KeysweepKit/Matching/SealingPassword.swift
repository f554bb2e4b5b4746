/// A password that seals texts (an Ansible Vault password, a Jasypt encryptor password): its
/// strength does not matter, since it opens the texts whatever it is, and what it opens proves
/// it. Such passwords are often weak words (`masterpassword`, `my-secret-password`), so the scan
/// keeps every literal until the texts are tried, and judges as it judges any password only those
/// that opened nothing.
enum SealingPassword {
    /// Longer values are not passwords anyone types into such a setting.
    static let maximumLength = 256

    /// Whether a value written in text may be the password: a literal, or a word of letters,
    /// digits and a few marks (`jasypt_password.!`), not a reference (`$VAR`, `${…}`, `%VAR%`).
    static func isCandidate(_ password: [UInt8]) -> Bool {
        guard password.count >= 4, password.count <= maximumLength else { return false }
        if isPlausible(password) { return true }
        guard let first = password.first, first != UInt8(ascii: "$"), first != UInt8(ascii: "%") else { return false }
        return password.allSatisfy { ValueShape.isIdentifierByte($0) || "-.!@#*+".utf8.contains($0) }
    }

    /// Whether the value is a literal as any password is judged: a generated value, or one word
    /// that is not a stand-in (`changeme`) or a field's name.
    static func isPlausible(_ password: [UInt8]) -> Bool {
        password.count <= maximumLength && (AssignmentValueFilter.isPlausibleSecret(password) || WordPassword.isPlausible(password))
    }

    /// Whether a password that opened nothing is left out: a stand-in (`changeThisVaultPassword`,
    /// `vault decryption key here`), or, written in text, a value no password rule would report.
    /// A password file (`.vault_pass`) is a password whatever it holds, unless a stand-in.
    static func isLeftOut(_ match: Match, opened: Bool) -> Bool {
        guard !opened else { return false }
        if PlaceholderFilter.isPlaceholder(match.secret) { return true }
        return !match.location.isWholeFile && !isPlausible(match.secret)
    }
}
