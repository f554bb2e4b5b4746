import Digest
import Foundation

/// A libsodium box key pair (`sodium_crypto_box_keypair`: the X25519 private key, then its
/// public key), as Symfony's secrets vault writes its decryption key: in base64
/// (`SYMFONY_DECRYPTION_SECRET=`) or as the PHP string its key file returns, each byte outside
/// `[A-Za-z0-9_.~-]` written `\xNN` (rawurlencode's `%` made `\x`). It is a key pair when the
/// public half is the private half's, which tells a real key from 64 random bytes.
enum SodiumKeyPair {
    /// The 64 bytes of a key pair written either way, when they are one.
    static func bytes(of secret: [UInt8]) -> [UInt8]? {
        let pair = secret.contains(UInt8(ascii: "\\")) || secret.count != 88
            ? phpStringBytes(secret) : Data(base64Encoded: Data(secret)).map(Array.init)
        guard let pair, pair.count == 64,
              X25519.publicKey(ofPrivateKey: Array(pair[..<32])) == Array(pair[32...]) else { return nil }
        return pair
    }

    /// Its identity as a finding's secret: base64, however the text wrote it, so that the key
    /// file and the variable holding it are one finding.
    static func identity(of secret: [UInt8]) -> [UInt8]? {
        bytes(of: secret).map { Array(Data($0).base64EncodedString().utf8) }
    }

    /// The bytes of a PHP double-quoted string's body whose only escapes are `\xNN`.
    static func phpStringBytes(_ body: [UInt8]) -> [UInt8]? {
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
}
