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

    /// The public half of a key pair (see `SodiumKeyPair`) that checks out; nil otherwise.
    static func publicKey(ofKeyPair secret: [UInt8]) -> [UInt8]? {
        SodiumKeyPair.bytes(of: secret).map { Array($0[32...]) }
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
        return SodiumKeyPair.phpStringBytes(Array(text[open.upperBound..<close].utf8))
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
