/// A Laravel `Encrypter` payload found anywhere the scan reads (an `.env.encrypted` that
/// `php artisan env:encrypt` wrote, in any folder; a value `encrypt()` made, kept in a seeder or a
/// dump), as the carrier rule `laravel.encrypted-payload` captures it: base64 of a JSON object
/// with `iv` and `value`. A Laravel key the scan found opens it (see `LaravelEncryptedEnv`), and
/// the scan matches what it holds (see `SealedTextOpener`).
struct LaravelPayload: SealedText {
    /// The payload's parts, read once for all the keys tried.
    let payload: LaravelEncryptedEnv.Payload
    var variable: String? { nil }

    init?(_ text: [UInt8]) {
        guard let payload = LaravelEncryptedEnv.Payload(file: text) else { return nil }
        self.payload = payload
    }

    /// `password` is a Laravel key as the scan found it (`base64:`'s text or 32 characters).
    func open(password: [UInt8]) -> (plaintext: [UInt8], cipher: String)? {
        LaravelKey.bytes(of: password).flatMap { LaravelEncryptedEnv(payload: payload, key: $0) }.map { ($0.plaintext, $0.cipher) }
    }

    func names(in plaintext: [UInt8]) -> [String] { DotenvEncryptedFiles.variableNames(in: plaintext) }
}
