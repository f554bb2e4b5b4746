import Foundation

/// A Laravel encryption key as `.env` files, deploy scripts and `php artisan env:decrypt --key=`
/// write it: `base64:` and the base64 of 16 or 32 bytes (AES-128 or AES-256; rules capture the
/// secret without the prefix, so 24 or 44 characters, or 22 or 43 without the padding that PHP's
/// `base64_decode` does not need), or 32 letters and digits used as they are
/// (the keys of Laravel 5.0 and before, and `env:encrypt --key=` in Laravel's own documentation).
enum LaravelKey {
    /// The key's bytes, or nil when `secret` is no key of either form.
    static func bytes(of secret: [UInt8]) -> [UInt8]? {
        switch secret.count {
        case 22, 24, 43, 44:
            // PHP's base64_decode needs no padding, and some deploy scripts drop it.
            let padded = secret + [UInt8](repeating: UInt8(ascii: "="), count: (4 - secret.count % 4) % 4)
            guard let bytes = Data(base64Encoded: Data(padded)), bytes.count == 16 || bytes.count == 32 else { return nil }
            return Array(bytes)
        case 32:
            return isRandomText(secret) ? secret : nil
        default:
            return nil
        }
    }

    /// `str_random(32)`: letters of both cases and digits, all three present (Laravel 5.0's
    /// placeholder doubled, `SomeRandomStringSomeRandomString`, has no digit).
    private static func isRandomText(_ secret: [UInt8]) -> Bool {
        secret.allSatisfy { ValueShape.isDigit($0) || ValueShape.isLowercase($0) || ValueShape.isUppercase($0) }
            && secret.contains(where: ValueShape.isDigit) && secret.contains(where: ValueShape.isLowercase)
            && secret.contains(where: ValueShape.isUppercase)
    }
}
