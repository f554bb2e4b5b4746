import Digest
import Foundation

/// The secrets a Jenkins home stores, opened with its master key: `secrets/master.key`, hashed with
/// SHA-256, is the AES-128 key (ECB) of `secrets/hudson.util.Secret`, whose payload ends with
/// `::::MAGIC::::` and begins with the key (16 bytes) of every stored secret. A stored secret is
/// written in XML as `{` base64 `}`: a version byte 1, the IV's length and the data's (4 bytes each,
/// big-endian), the IV, then AES-128-CBC ciphertext (`hudson.util.Secret`, Jenkins 2); older homes
/// hold base64 of AES-128-ECB under the same key instead.
///
/// Jenkins homes are committed as backups and as ready-made Docker images' contents; with both key
/// files beside `credentials.xml`, every password, token and private key in it is plain text.
struct JenkinsCredentials {
    /// The key of stored secrets.
    let key: [UInt8]

    private static let magic = Array("::::MAGIC::::".utf8)

    /// The key of stored secrets given as it is (16 bytes).
    init(key: [UInt8]) {
        self.key = key
    }

    /// The key of stored secrets, when `secretFile` (`hudson.util.Secret`) opens under `masterKey`
    /// (`master.key`'s text) and ends with Jenkins' mark.
    init?(masterKey: [UInt8], secretFile: [UInt8]) {
        let hasher = MessageDigest(.sha256)
        hasher.update(masterKey)
        guard let payload = AESECB.open(secretFile, key: Array(hasher.finish().prefix(16))),
              payload.count >= 16 + Self.magic.count, Self.endsWithMagic(payload) else { return nil }
        self.init(key: Array(payload.prefix(16)))
    }

    /// `xml` with every stored secret the key opens (an element's whole text, `>{AQAAABAAAAAQ…}<`
    /// or an older home's base64) replaced by its plaintext, and the names of the elements that
    /// held them (`password`, `privateKey`); nil when none opened.
    func opened(xml: [UInt8]) -> (text: [UInt8], names: [String])? {
        var text: [UInt8] = []
        var names: [String] = []
        var copied = 0
        var index = 1
        while index < xml.count {
            defer { index += 1 }
            guard xml[index - 1] == UInt8(ascii: ">"),
                  let end = xml[index...].prefix(Self.longestValue).firstIndex(of: UInt8(ascii: "<")), end > index,
                  let plaintext = open(Array(xml[index..<end])) else { continue }
            text += xml[copied..<index] + plaintext
            copied = end
            if let name = Self.elementName(endingAt: index - 1, in: xml), !names.contains(name) { names.append(name) }
            index = end - 1
        }
        guard !names.isEmpty else { return nil }
        return (text + xml[copied...], names)
    }

    /// Larger values are not secrets anyone stores (a private key of 16 KB is one).
    private static let longestValue = 1 << 16

    /// The plaintext of an element's text when it is a stored secret under this key: `{…}`, or
    /// the base64 that Jenkins wrote before 2017 (SECURITY-304), AES-128-ECB of the value and
    /// `::::MAGIC::::`, still read by Jenkins and left in old homes.
    private func open(_ element: [UInt8]) -> [UInt8]? {
        if element.first == UInt8(ascii: "{"), element.last == UInt8(ascii: "}") {
            return open(stored: Array(element.dropFirst().dropLast()))
        }
        guard element.count >= 24, element.count % 4 == 0,
              let data = Data(base64Encoded: Data(element)).map(Array.init), data.count % 16 == 0,
              let plaintext = AESECB.open(data, key: key), Self.endsWithMagic(plaintext) else { return nil }
        return Array(plaintext.dropLast(Self.magic.count))
    }

    /// Whether `element` has the shape of a stored secret, `{` base64 `}` (see `storedParts`):
    /// what the key would open.
    static func isStoredSecret(_ element: [UInt8]) -> Bool {
        element.first == UInt8(ascii: "{") && element.last == UInt8(ascii: "}")
            && storedParts(element.dropFirst().dropLast()) != nil
    }

    /// The plaintext of one stored secret's base64 (between `{` and `}`).
    private func open(stored base64: [UInt8]) -> [UInt8]? {
        guard let parts = Self.storedParts(base64[...]) else { return nil }
        let plaintext = AESCBC.open(parts.ciphertext, key: key, iv: parts.iv)
        return plaintext.flatMap { String(validating: $0, as: UTF8.self) == nil ? nil : $0 }
    }

    /// The IV and ciphertext of a stored secret's base64: version 1, a 16-byte IV and the
    /// ciphertext's length as it declares them, in whole AES blocks.
    private static func storedParts(_ base64: ArraySlice<UInt8>) -> (iv: [UInt8], ciphertext: [UInt8])? {
        guard let data = Data(base64Encoded: Data(base64)).map(Array.init), data.count > 9, data[0] == 1 else { return nil }
        let ivLength = bigEndian(data[1..<5]), dataLength = bigEndian(data[5..<9])
        guard ivLength == 16, dataLength > 0, dataLength % 16 == 0, 9 + ivLength + dataLength == data.count else { return nil }
        return (Array(data[9..<9 + ivLength]), Array(data[(9 + ivLength)...]))
    }

    private static func endsWithMagic(_ bytes: [UInt8]) -> Bool {
        bytes.suffix(magic.count).elementsEqual(magic)
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    /// The name of the element whose start tag ends at `end` (`>`): `password` in `<password>`.
    private static func elementName(endingAt end: Int, in xml: [UInt8]) -> String? {
        guard let open = xml[max(0, end - 200)..<end].lastIndex(of: UInt8(ascii: "<")) else { return nil }
        let name = xml[(open + 1)..<end].prefix {
            ValueShape.isIdentifierByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }
}
