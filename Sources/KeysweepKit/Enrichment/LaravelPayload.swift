import Foundation

/// A Laravel `Encrypter` payload found anywhere the scan reads (an `.env.encrypted` that
/// `php artisan env:encrypt` wrote, in any folder; a value `encrypt()` made, kept in a seeder or a
/// dump), as the carrier rule `laravel.encrypted-payload` captures it: base64 of a JSON object
/// with `iv` and `value`. A Laravel key the scan found opens it (see `LaravelEncryptedEnv`), and
/// the scan matches what it holds (see `SealedTextOpener`).
struct LaravelPayload: SealedText {
    /// The payload's text.
    let text: [UInt8]
    var variable: String? { nil }

    init?(_ text: [UInt8]) {
        guard text.count <= LaravelEncryptedEnv.sizeLimit,
              let json = Data(base64Encoded: Data(text.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 })),
              let payload = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              payload["iv"] is String, payload["value"] is String else { return nil }
        self.text = text
    }

    /// `password` is a Laravel key as the scan found it (`base64:`'s text or 32 characters).
    func open(password: [UInt8]) -> (plaintext: [UInt8], cipher: String)? {
        LaravelKey.bytes(of: password).flatMap { LaravelEncryptedEnv(file: text, key: $0) }.map { ($0.plaintext, $0.cipher) }
    }

    func names(in plaintext: [UInt8]) -> [String] { DotenvEncryptedFiles.variableNames(in: plaintext) }
}
