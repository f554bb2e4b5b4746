import Digest
import Foundation

/// Laravel's encrypted environment files (`.env.encrypted`, `.env.production.encrypted`, written
/// by `php artisan env:encrypt`), opened with a key the scan found, to say what the key gives
/// away and to let the scan match the secrets inside (see `LaravelPayload`, `SealedTextOpener`).
///
/// The file is one `Illuminate\Encryption\Encrypter` payload: base64 of a JSON object whose `iv`
/// and `value` are base64, `value` the ciphertext of the whole env file. Under AES-128-CBC or
/// AES-256-CBC (the default), `mac` is the hex HMAC-SHA256 of `iv` and `value` as written, under
/// the key, and is checked before anything is decrypted; under AES-GCM `mac` is empty and `tag`
/// authenticates. The key's length picks 128 or 256 bits. The file comes from the repository
/// under scan, so every size is checked.
struct LaravelEncryptedEnv: Equatable {
    /// The variables the decrypted env file sets, in order (at most `DotenvEncryptedFiles.nameLimit`).
    let names: [String]
    /// The env file's text.
    let plaintext: [UInt8]
    /// The cipher that opened it: `AES-256-CBC` (`env:encrypt`'s default), `AES-128-GCM`, ...
    let cipher: String

    /// Larger files are not env files anyone encrypts.
    static let sizeLimit = 1 << 20

    /// Opens `file` with the key bytes (16 or 32); nil when it is not such a payload or the key
    /// is not its key.
    init?(file: [UInt8], key: [UInt8]) {
        guard file.count <= Self.sizeLimit, key.count == 16 || key.count == 32 else { return nil }
        let text = file.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }
        guard let json = Data(base64Encoded: Data(text)),
              let payload = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let ivText = payload["iv"] as? String, let value = payload["value"] as? String,
              let iv = Data(base64Encoded: ivText).map(Array.init), let ciphertext = Data(base64Encoded: value).map(Array.init)
        else { return nil }
        let mac = payload["mac"] as? String ?? ""
        let tag = (payload["tag"] as? String).flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? []
        let opened: [UInt8]?
        if !mac.isEmpty {
            let expected = MessageDigest(.sha256).authenticate(Array((ivText + value).utf8), key: key)
            guard ValueShape.bytes(ofHex: Array(mac.utf8)) == expected else { return nil }
            opened = AESCBC.open(ciphertext, key: key, iv: iv)
        } else {
            guard tag.count == 16, iv.count == 12 else { return nil }
            opened = AESGCM.open(ciphertext, key: key, iv: iv, tag: tag)
        }
        guard let opened else { return nil }
        cipher = "AES-\(key.count * 8)-" + (mac.isEmpty ? "GCM" : "CBC")
        plaintext = opened
        names = DotenvEncryptedFiles.variableNames(in: opened)
    }
}
