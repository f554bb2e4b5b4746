import Digest
import Foundation

/// Symfony's secrets vault (`config/secrets/<env>/`): secrets sealed to a libsodium box key pair.
/// The folder holds the public key (`<env>.encrypt.public.php`), the list of the secrets' names
/// (`<env>.list.php`) and one file per secret, all committed by design; the decryption key
/// (`<env>.decrypt.private.php`, or `SYMFONY_DECRYPTION_SECRET` in base64) never should be.
///
/// A key found by the scan is matched to a vault by its public half, so what it opens is known
/// without decrypting anything (a sealed box needs XSalsa20-Poly1305, which libcrypto lacks): the
/// vault's names are what it gives away. The files come from the repository under scan: they are
/// read as text, and nothing in them is evaluated.
struct SymfonyVault: Equatable {
    /// The secrets' names, sorted as the list file has them, at most `nameLimit`.
    let secretNames: [String]

    static let nameLimit = 40

    /// Whether `secret`, base64, is a box key pair: 64 bytes whose second half is the public key
    /// of the first.
    static func isKeyPair(_ secret: [UInt8]) -> Bool {
        publicKey(ofKeyPair: secret) != nil
    }

    /// The public half of a base64 key pair that checks out; nil otherwise.
    static func publicKey(ofKeyPair secret: [UInt8]) -> [UInt8]? {
        guard let pair = Data(base64Encoded: Data(secret)), pair.count == 64 else { return nil }
        let bytes = Array(pair)
        let publicKey = Array(bytes[32...])
        return X25519.publicKey(ofPrivateKey: Array(bytes[..<32])) == publicKey ? publicKey : nil
    }

    /// The vault whose public key file holds `publicKey`, from the texts of its public key file
    /// and its list file; nil when the key is another vault's.
    init?(publicKeyFile: [UInt8], listFile: [UInt8]?, publicKey: [UInt8]) {
        guard Self.phpString(in: publicKeyFile) == publicKey else { return nil }
        secretNames = listFile.map(Self.listedNames) ?? []
    }

    /// The string a Symfony vault file returns (`return "\x9A…";`), its `\xNN` escapes decoded;
    /// nil when the file returns no such string.
    static func phpString(in file: [UInt8]) -> [UInt8]? {
        let text = String(decoding: file.prefix(4096), as: UTF8.self)
        guard let open = text.range(of: "return \""), let close = text[open.upperBound...].firstIndex(of: "\"") else { return nil }
        let body = Array(text[open.upperBound..<close].utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < body.count {
            if body[index] == UInt8(ascii: "\\") {
                guard index + 3 < body.count, body[index + 1] == UInt8(ascii: "x"),
                      let high = ValueShape.hexValue(body[index + 2]), let low = ValueShape.hexValue(body[index + 3]) else { return nil }
                bytes.append(high << 4 | low)
                index += 4
            } else {
                bytes.append(body[index])
                index += 1
            }
        }
        return bytes
    }

    /// The names in a list file: `return ['DATABASE_URL' => null, …];`.
    static func listedNames(_ file: [UInt8]) -> [String] {
        var names: [String] = []
        let text = String(decoding: file.prefix(1 << 16), as: UTF8.self)
        var rest = text[...]
        while names.count < nameLimit, let open = rest.range(of: "'") {
            guard let close = rest[open.upperBound...].firstIndex(of: "'") else { break }
            let name = rest[open.upperBound..<close]
            rest = rest[rest.index(after: close)...]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
               rest.drop(while: \.isWhitespace).hasPrefix("=>") {
                names.append(String(name))
            }
        }
        return names
    }

    /// Where to look for the vault a key at `path` opens: the folder of a decryption key file
    /// (`config/secrets/prod/prod.decrypt.private.php` → `config/secrets/prod/`, environment
    /// `prod`); nil for other paths.
    static func vaultFolder(forKeyAt path: String) -> (folder: String, environment: String)? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let suffix = ".decrypt.private.php"
        guard name.hasSuffix(suffix), name.count > suffix.count else { return nil }
        return (String(path.dropLast(name.count)), String(name.dropLast(suffix.count)))
    }
}
