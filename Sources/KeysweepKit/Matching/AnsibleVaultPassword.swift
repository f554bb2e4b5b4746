/// Ansible Vault passwords: the file that `--vault-password-file` or `ansible.cfg`'s
/// `vault_password_file` names (`.vault_pass`, `vault_password.txt`), committed beside the
/// vault texts it opens, and the password written in text (`ANSIBLE_VAULT_PASSWORD=`,
/// `echo … > .vault_pass`).
///
/// A password file is one line of anything, so the bytes alone cannot say it is one: a blob of
/// that shape is matched wherever it is read, and `keepsLocation` keeps its locations only at a
/// password file's path, once provenance has given history blobs theirs (as `RailsMasterKey`).
/// Weak passwords count: `vagrant` opens a vault as well as a random one.
enum AnsibleVaultPassword {
    /// A generated password file (`openssl rand -base64 2048 > vault.pass`, which tutorials
    /// teach) is lines of base64 up to this size.
    static let maximumFileSize = 8192

    /// The password in `bytes` when they are a whole password file as Ansible reads it (blanks
    /// around it removed): one line of 4 to 256 printable bytes that is not a script (`#!`), a
    /// comment, a reference to something else (`$VAULT_PASSWORD`, `{{ … }}`) or a path (a
    /// symbolic link's target), or lines of base64 as `openssl rand -base64` writes them. A
    /// stand-in is judged after the vault texts are tried (`SealingPassword.isLeftOut`).
    static func secret(ofPasswordFile bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        // Every file up to 8 KiB comes here: most fail at their first bytes, before any copy.
        guard bytes.count >= 4, bytes.count <= maximumFileSize else { return nil }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var lower = 0
        var upper = bytes.count
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        guard upper - lower >= 4 else { return nil }
        let password = UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
        if password.count <= SealingPassword.maximumLength, !password.contains(0x0A) {
            guard password.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }), !"#$<".utf8.contains(password[0]),
                  !password.starts(with: "{{".utf8), !isPath(password) else { return nil }
            return Array(password)
        }
        // Lines of base64, each up to 76 characters (a line end may be `\r\n`).
        var lineLength = 0
        var lines = 1
        for byte in password {
            if byte == 0x0A {
                guard lineLength > 0 else { return nil }
                lines += 1
                lineLength = 0
            } else if byte == 0x0D {
                continue
            } else {
                lineLength += 1
                guard isBase64Byte(byte), lineLength <= 76 else { return nil }
            }
        }
        return lines >= 2 ? Array(password) : nil
    }

    /// A symbolic link's target, as git stores it (`/keybase/team/ops/.vault_pass.txt`), or a
    /// path written in the file: absolute, from home or the folder, or ending in a password
    /// file's name.
    private static func isPath(_ text: UnsafeRawBufferPointer) -> Bool {
        guard text.contains(UInt8(ascii: "/")) else { return false }
        let path = String(decoding: text, as: UTF8.self)
        return ["/", "~/", "./", "../"].contains(where: path.hasPrefix) || isPasswordFilePath(path)
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        ValueShape.isBase64Digit(byte) || byte == UInt8(ascii: "=")
    }

    /// Whether `path` is a vault password file by its name: `vault` then `pass`, `password`,
    /// `passwd` or `pwd`, optionally after `ansible` and before `file`, an environment
    /// and `.txt` (`.vault_pass`, `vault-password.txt`, `.ansible_vault_pass`,
    /// `vault_pass_prod.txt`). An archive member's path counts by its own name.
    static func isPasswordFilePath(_ path: String) -> Bool {
        let inner = path.split(separator: "!").last.map(String.init) ?? path
        guard let name = inner.split(separator: "/").last else { return false }
        var rest = Substring(name.lowercased())
        if rest.hasSuffix(".txt") { rest = rest.dropLast(4) }
        if rest.first == "." { rest = rest.dropFirst() }
        func dropSeparator() { if let first = rest.first, "_.-".contains(first) { rest = rest.dropFirst() } }
        if rest.hasPrefix("ansible") { rest = rest.dropFirst(7); dropSeparator() }
        guard rest.hasPrefix("vault") else { return false }
        rest = rest.dropFirst(5)
        dropSeparator()
        guard let word = ["password", "passwd", "pass", "pwd"].first(where: { rest.hasPrefix($0) }) else { return false }
        rest = rest.dropFirst(word.count)
        // Then `file` and an environment, after `_` or `-` (`vault_pass.sh` is a script).
        func dropWordSeparator() { if let first = rest.first, "_-".contains(first) { rest = rest.dropFirst() } }
        if let first = rest.first, !"_-".contains(first) { return false }
        dropWordSeparator()
        if rest.hasPrefix("file") { rest = rest.dropFirst(4); dropWordSeparator() }
        return rest.count <= 12 && rest.allSatisfy { $0.isLetter || $0.isNumber || "_-".contains($0) }
    }

    /// Whether a match of the password rule at `location` stays: a password found as a whole
    /// file counts only at a password file's path; one written in text anywhere.
    static func keepsLocation(_ location: Location) -> Bool {
        !location.isWholeFile || isPasswordFilePath(location.path)
    }
}
