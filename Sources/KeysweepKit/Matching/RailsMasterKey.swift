/// Rails' credentials keys as files: `config/master.key`, and `config/credentials/<env>.key` for
/// per-environment credentials. Each holds the AES-128-GCM key (32 hex digits, nothing else) of
/// the encrypted YAML beside it (`config/credentials.yml.enc`, `config/credentials/<env>.yml.enc`),
/// which Rails commits by design and keeps the key out of git with a `.gitignore` line. A
/// committed key file opens every version of that file, in every clone.
///
/// The bytes alone say "32 hex digits", as an MD5 checksum file may; the path says which: a blob
/// of that shape is matched wherever it is read, and `keepsLocation` keeps its locations only at
/// a key file's path, once provenance has given history blobs theirs.
enum RailsMasterKey {
    /// The key in `bytes` when they are a whole key file: 32 hex digits, then at most a line end.
    static func secret(ofKeyFile bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        KeyFileLine.key(in: bytes, length: 32, isKey: isPlausibleKey)
    }

    /// 32 hex digits in lower case, as Rails writes its keys (`SecureRandom.hex(16)`).
    static func isPlausibleKey(_ key: [UInt8]) -> Bool {
        key.count == 32 && key.allSatisfy { ValueShape.isHexDigit($0) && !(UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
    }

    /// Whether `path` is where Rails reads a credentials key from: `master.key`, a `.key` file in
    /// a `credentials` folder, or Rails 5.1's `secrets.yml.key`. An archive member's path counts
    /// by its own name.
    static func isKeyPath(_ path: String) -> Bool {
        let inner = path.split(separator: "!").last.map(String.init) ?? path
        let components = inner.split(separator: "/")
        guard let name = components.last else { return false }
        if name == "master.key" || name == "secrets.yml.key" { return true }
        return name.hasSuffix(".key") && name.count > 4 && components.dropLast().last == "credentials"
    }

    /// The encrypted file a key file at `path` opens: `config/credentials.yml.enc` beside
    /// `config/master.key`, `production.yml.enc` beside `credentials/production.key`.
    static func encryptedFilePath(forKeyAt path: String) -> String? {
        guard isKeyPath(path), !path.contains("!") else { return nil }
        let folderEnd = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let folder = path[..<folderEnd]
        let name = path[folderEnd...]
        switch name {
        case "master.key": return folder + "credentials.yml.enc"
        case "secrets.yml.key": return folder + "secrets.yml.enc"
        default: return folder + name.dropLast(4) + ".yml.enc"
        }
    }

    /// Whether a match of the key-file rule at `location` stays: a key found as a whole file
    /// counts only at a key file's path; one assigned in text (`RAILS_MASTER_KEY=`) anywhere.
    static func keepsLocation(_ location: Location) -> Bool {
        !location.isWholeFile || isKeyPath(location.path)
    }
}
