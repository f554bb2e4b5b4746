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
    /// The env file's text.
    let plaintext: [UInt8]
    /// The cipher that opened it: `AES-256-CBC` (`env:encrypt`'s default), `AES-128-GCM`, ...
    let cipher: String

    /// The variables the decrypted env file sets, in order (at most `DotenvEncryptedFiles.nameLimit`).
    var names: [String] { DotenvEncryptedFiles.variableNames(in: plaintext) }

    /// Larger files are not env files anyone encrypts.
    static let sizeLimit = 1 << 20

    /// A payload's parts, read once: a sealed text is tried with every key the scan found.
    struct Payload: Equatable {
        let ivText: String
        let value: String
        let iv: [UInt8]
        let ciphertext: [UInt8]
        let mac: String
        let tag: [UInt8]

        /// The parts of `file`; nil when it is not such a payload.
        init?(file: [UInt8]) {
            guard file.count <= LaravelEncryptedEnv.sizeLimit else { return nil }
            let text = file.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }
            guard let json = Data(base64Encoded: Data(text)),
                  let payload = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
                  let ivText = payload["iv"] as? String, let value = payload["value"] as? String,
                  let iv = Data(base64Encoded: ivText).map(Array.init), let ciphertext = Data(base64Encoded: value).map(Array.init)
            else { return nil }
            self.ivText = ivText
            self.value = value
            self.iv = iv
            self.ciphertext = ciphertext
            mac = payload["mac"] as? String ?? ""
            tag = (payload["tag"] as? String).flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? []
        }
    }

    /// Opens `file` with the key bytes (16 or 32); nil when it is not such a payload or the key
    /// is not its key.
    init?(file: [UInt8], key: [UInt8]) {
        guard let payload = Payload(file: file) else { return nil }
        self.init(payload: payload, key: key)
    }

    /// Opens a payload read already with the key bytes (16 or 32); nil when the key is not its key.
    init?(payload: Payload, key: [UInt8]) {
        guard key.count == 16 || key.count == 32 else { return nil }
        let opened: [UInt8]?
        if !payload.mac.isEmpty {
            let expected = MessageDigest(.sha256).authenticate(Array((payload.ivText + payload.value).utf8), key: key)
            guard ValueShape.bytes(ofHex: Array(payload.mac.utf8)) == expected else { return nil }
            opened = AESCBC.open(payload.ciphertext, key: key, iv: payload.iv)
        } else {
            guard payload.tag.count == 16, payload.iv.count == 12 else { return nil }
            opened = AESGCM.open(payload.ciphertext, key: key, iv: payload.iv, tag: payload.tag)
        }
        guard let opened else { return nil }
        cipher = "AES-\(key.count * 8)-" + (payload.mac.isEmpty ? "GCM" : "CBC")
        plaintext = opened
    }
}
