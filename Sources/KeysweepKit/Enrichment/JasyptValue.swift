import Digest
import Foundation

/// One Jasypt-encrypted setting, `spring.datasource.password=ENC(…)` or `password: ENC(…)`, as
/// jasypt-spring-boot reads them: the carrier rule `jasypt.encrypted-value` captures it from the
/// setting's name on; a `jasypt.encryptor.password` the scan found opens it, and the scan matches
/// what it holds (see `SealedTextOpener`).
///
/// The value is base64 of what Jasypt's `StandardPBEStringEncryptor` writes with its defaults:
/// under `PBEWITHHMACSHA512ANDAES_256` (jasypt-spring-boot 3), a 16-byte salt, a 16-byte IV and
/// AES-256-CBC ciphertext under PBKDF2-HMAC-SHA512 of the password, 1,000 rounds; under
/// `PBEWithMD5AndDES` (Jasypt 1.9 and jasypt-spring-boot 2), an 8-byte salt and DES-CBC
/// ciphertext under PBES1's MD5 rounds. Nothing authenticates it, so a plaintext counts only
/// when its padding is right and it is printable UTF-8: a wrong password passes both about once
/// in 250,000 tries on the shortest values (one DES block), once in 10^9 on one AES block.
struct JasyptValue: SealedText, Equatable {
    let variable: String?
    /// The decoded value.
    let data: [UInt8]

    /// jasypt-spring-boot's default `key-obtention-iterations`.
    static let rounds = 1_000
    /// Larger values are not settings anyone encrypts.
    static let sizeLimit = 1 << 16
    private static let prefix = Array("ENC(".utf8)

    /// Reads `name=ENC(…)` or `name: "ENC(…)"`; nil for anything else.
    init?(_ text: [UInt8]) {
        guard text.count <= Self.sizeLimit, let start = text.firstRange(of: Self.prefix),
              let close = text[start.upperBound...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let name = text[..<start.lowerBound].reversed()
            .drop { " \t\"'=:".utf8.contains($0) }
            .prefix { !" \t\"'".utf8.contains($0) }
        guard !name.isEmpty, let data = Data(base64Encoded: Data(text[start.upperBound..<close])).map(Array.init),
              data.count >= 16 else { return nil }
        variable = String(decoding: name.reversed(), as: UTF8.self)
        self.data = data
    }

    func open(password: [UInt8]) -> (plaintext: [UInt8], cipher: String)? {
        guard !password.isEmpty else { return nil }
        if data.count >= 48, (data.count - 32) % 16 == 0,
           let key = PBKDF2.derive(password: password, salt: Array(data[0..<16]), iterations: Self.rounds, length: 32,
                                   digest: .sha512),
           let plaintext = AESCBC.open(Array(data[32...]), key: key, iv: Array(data[16..<32])), Self.isText(plaintext) {
            return (plaintext, "PBEWITHHMACSHA512ANDAES_256")
        }
        if (data.count - 8) % 8 == 0,
           let plaintext = PBEWithMD5AndDES.open(Array(data[8...]), password: password, salt: Array(data[0..<8]), iterations: Self.rounds),
           Self.isText(plaintext) {
            return (plaintext, "PBEWithMD5AndDES")
        }
        return nil
    }

    func names(in plaintext: [UInt8]) -> [String] { variable.map { [$0] } ?? [] }

    /// Printable UTF-8: what a setting holds, and what random bytes almost never are.
    private static func isText(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && String(validating: bytes, as: UTF8.self) != nil
            && bytes.allSatisfy { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
