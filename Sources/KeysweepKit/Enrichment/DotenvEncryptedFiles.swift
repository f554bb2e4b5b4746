import Digest
import Foundation

/// dotenv's two ways of committing environment files encrypted, to say what a key the scan found
/// opens (the variables' names, never their values):
///
/// - dotenv-vault: `.env.vault` holds one `DOTENV_VAULT_<ENVIRONMENT>="<base64>"` line per
///   environment, each a whole env file under AES-256-GCM (a 12-byte nonce, the ciphertext, a
///   16-byte tag); the key is the 64 hex digits of a `DOTENV_KEY` URI
///   (`dotenv://:key_…@dotenv.org/vault/.env.vault?environment=production`).
/// - dotenvx: each value of an env file is encrypted to a secp256k1 public key the file names
///   (`DOTENV_PUBLIC_KEY="02…"`, `DOTENV_PUBLIC_KEY_PRODUCTION=` in `.env.production`), whose
///   private key is in `.env.keys`. The names are in the clear; the key is matched by its public
///   half, without decrypting anything.
///
/// Both files come from the repository under scan: lengths are checked, nothing is evaluated.
enum DotenvEncryptedFiles {
    static let nameLimit = 40
    /// Values of one dotenvx file tried at most.
    static let decryptionLimit = 200

    /// The variables an env file's text sets (`NAME=value`, `export NAME=value`), in order.
    static func variableNames(in text: [UInt8]) -> [String] {
        entries(text).prefix(nameLimit).map(\.name)
    }

    /// The environment, variable names and text of the first entry of a `.env.vault` file that
    /// the key (64 hex digits) opens.
    static func openVault(_ file: [UInt8], hexKey: [UInt8]) -> (environment: String, names: [String], plaintext: [UInt8])? {
        guard hexKey.count == 64, let key = ValueShape.bytes(ofHex: hexKey) else { return nil }
        for entry in entries(file) where entry.name.hasPrefix("DOTENV_VAULT_") {
            guard let sealed = Data(base64Encoded: entry.value).map(Array.init), sealed.count > 28,
                  let plaintext = AESGCM.open(Array(sealed[12..<(sealed.count - 16)]), key: key,
                                              iv: Array(sealed[..<12]), tag: Array(sealed[(sealed.count - 16)...]))
            else { continue }
            return (String(entry.name.dropFirst("DOTENV_VAULT_".count)), variableNames(in: plaintext), plaintext)
        }
        return nil
    }

    /// The names of the encrypted values of a dotenvx env file whose `DOTENV_PUBLIC_KEY…` is
    /// `publicKey` (compressed, 33 bytes); nil when the file names another key or none.
    static func encryptedNames(in envFile: [UInt8], publicKey: [UInt8]) -> [String]? {
        let all = entries(envFile)
        guard all.contains(where: { $0.name.hasPrefix("DOTENV_PUBLIC_KEY") && ValueShape.bytes(ofHex: Array($0.value.utf8)) == publicKey })
        else { return nil }
        return all.filter { $0.value.hasPrefix("encrypted:") }.prefix(nameLimit).map(\.name)
    }

    /// A dotenvx env file's text with each encrypted value decrypted under `privateKey` (32
    /// bytes) and every other line left empty, line for line, so that a secret's line is its
    /// line in the file; nil when the key is not the file's (by `DOTENV_PUBLIC_KEY`) or opens
    /// none of its values. Line breaks inside a value are written `\n`.
    static func decryptedText(of envFile: [UInt8], privateKey: [UInt8]) -> [UInt8]? {
        guard let publicKey = Secp256k1.compressedPublicKey(ofPrivateKey: privateKey),
              encryptedNames(in: envFile, publicKey: publicKey) != nil else { return nil }
        var attempts = 0, opened = 0
        let lines = String(decoding: envFile.prefix(1 << 20), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.map { line -> String in
            // Each value costs a point multiplication: a file from a stranger gets a bounded number.
            guard attempts < Self.decryptionLimit, let entry = entries(Array(line.utf8)).first, entry.value.hasPrefix("encrypted:")
            else { return "" }
            attempts += 1
            guard let value = Data(base64Encoded: String(entry.value.dropFirst("encrypted:".count))).flatMap({ openECIES(Array($0), privateKey: privateKey) })
            else { return "" }
            opened += 1
            return entry.name + "=\"" + String(decoding: value, as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n") + "\""
        }.joined(separator: "\n")
        return opened > 0 ? Array(text.utf8) : nil
    }

    /// An ECIES ciphertext as dotenvx (eciesjs) writes it: the ephemeral public key
    /// (uncompressed, 65 bytes), a 16-byte nonce, a 16-byte tag, then AES-256-GCM ciphertext
    /// under HKDF-SHA256 of the ephemeral key and the shared point (both uncompressed).
    static func openECIES(_ sealed: [UInt8], privateKey: [UInt8]) -> [UInt8]? {
        guard sealed.count > 65 + 32, sealed[0] == 0x04 else { return nil }
        let ephemeral = Array(sealed[..<65])
        guard let shared = Secp256k1.sharedPoint(privateKey: privateKey, peer: ephemeral) else { return nil }
        let key = MessageDigest(.sha256).deriveKey(ephemeral + shared, length: 32)
        return AESGCM.open(Array(sealed[(65 + 32)...]), key: key, iv: Array(sealed[65..<(65 + 16)]), tag: Array(sealed[(65 + 16)..<(65 + 32)]))
    }

    /// `NAME=value` lines, the value without its quotes; comments and other lines skipped.
    private static func entries(_ text: [UInt8]) -> [(name: String, value: String)] {
        String(decoding: text.prefix(1 << 20), as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
            var rest = line.drop(while: { $0 == " " || $0 == "\t" })
            if rest.hasPrefix("export ") { rest = rest.dropFirst("export ".count).drop(while: { $0 == " " }) }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            guard let first = name.first, first.isLetter || first == "_", name.count <= 100,
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") })
            else { return nil }
            let value = rest[rest.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
            return (name, value)
        }
    }
}
