import Digest
import Foundation

/// Rails' encrypted credentials (`config/credentials.yml.enc`), opened with a key the scan found,
/// to say what the key gives away: the names of the settings inside, never their values.
///
/// The file is `ActiveSupport::MessageEncryptor` output under AES-128-GCM: three strict base64
/// parts joined by `--` (ciphertext, 12-byte IV, 16-byte tag), no associated data; the plaintext
/// is the YAML text serialized with Ruby's Marshal (a string: `04 08 I " <length> <bytes> …`),
/// or as a JSON string by applications that configure that serializer. The file comes from the
/// repository under scan, so every length is checked and nothing is trusted to fit.
struct RailsCredentials: Equatable {
    /// Dotted names of the settings that hold a value (`aws.secret_access_key`,
    /// `secret_key_base`), in file order, at most `nameLimit`.
    let settingNames: [String]
    /// The YAML text, for the scan to match the secrets in it (see `DecryptedSettings`).
    let plaintext: [UInt8]

    static let nameLimit = 40
    /// Larger files are not Rails credentials anyone writes by hand.
    static let sizeLimit = 1 << 20

    /// Opens `file` with `hexKey` (32 hex digits); nil when it is not an encrypted credentials
    /// file or the key is not its key.
    init?(file: [UInt8], hexKey: [UInt8]) {
        guard file.count <= Self.sizeLimit, hexKey.count == 32, let key = ValueShape.bytes(ofHex: hexKey) else { return nil }
        let text = file.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 })
        guard text.count == 1 else { return nil }
        let parts = text[0].split(separator: 0x2D, omittingEmptySubsequences: false)
        // `data--iv--tag`: base64 has no `-`, so the separators are the only dashes.
        guard parts.count == 5, parts[1].isEmpty, parts[3].isEmpty,
              let data = Data(base64Encoded: Data(parts[0])), let iv = Data(base64Encoded: Data(parts[2])),
              let tag = Data(base64Encoded: Data(parts[4])), iv.count == 12, tag.count == 16,
              let plaintext = AESGCM.open(Array(data), key: key, iv: Array(iv), tag: Array(tag)),
              let yaml = Self.serializedString(plaintext)
        else { return nil }
        settingNames = Self.settingNames(inYAML: yaml)
        self.plaintext = yaml
    }

    /// The string a Marshal dump (`04 08`, then an instance-variable wrapper or not, `"`, its
    /// length and bytes) or a JSON string holds.
    static func serializedString(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.starts(with: [0x04, 0x08]) {
            var index = 2
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            guard let length = marshalLength(bytes, at: &index), length <= bytes.count - index else { return nil }
            return Array(bytes[index..<index + length])
        }
        guard bytes.first == UInt8(ascii: "\""),
              let string = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
        else { return nil }
        return Array(string.utf8)
    }

    /// Marshal's non-negative integer at `index`, moving past it: one byte `n + 5` for 0 to 122,
    /// else a count of 1 to 4 little-endian bytes that follow.
    private static func marshalLength(_ bytes: [UInt8], at index: inout Int) -> Int? {
        guard index < bytes.count else { return nil }
        let lead = Int(Int8(bitPattern: bytes[index]))
        index += 1
        if lead == 0 { return 0 }
        if lead > 4 { return lead - 5 }
        guard lead > 0, index + lead <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<lead { value |= Int(bytes[index + offset]) << (8 * offset) }
        index += lead
        return value
    }

    /// Dotted names of the mappings' keys that hold a value, read line by line from indentation
    /// (credentials are plain nested mappings); comments, list items and block scalars' lines
    /// are not names.
    static func settingNames(inYAML yaml: [UInt8]) -> [String] {
        var names: [String] = []
        var parents: [(indent: Int, name: String)] = []
        var blockIndent: Int?
        for line in yaml.split(separator: 0x0A) {
            let indent = line.prefix { $0 == 0x20 }.count
            let content = line.dropFirst(indent)
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            if let block = blockIndent, indent > block { continue }
            blockIndent = nil
            guard let first = content.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "-"),
                  let colon = content.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = String(decoding: content[..<colon], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t"))
            guard !key.isEmpty, key.count <= 100 else { continue }
            let value = String(decoding: content[content.index(after: colon)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            while let last = parents.last, last.indent >= indent { parents.removeLast() }
            let name = (parents.map(\.name) + [key]).joined(separator: ".")
            if value.isEmpty || value.hasPrefix("#") {
                parents.append((indent, key))
                continue
            }
            if value.hasPrefix("|") || value.hasPrefix(">") { blockIndent = indent }
            if names.count < nameLimit { names.append(name) }
        }
        return names
    }
}
