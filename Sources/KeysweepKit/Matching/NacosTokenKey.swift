/// Nacos' token secret key (`nacos.core.auth.plugin.nacos.token.secret.key`): the HMAC key that
/// signs every token its console and API accept. Nacos wants base64 of 32 bytes or more.
///
/// Its documentation and `application.properties` gave one default for years, first as text and
/// then in base64, and its shipped configuration a commented example; a server that kept one
/// accepts tokens that anyone can sign, a known authentication bypass. The default reads as a
/// placeholder (`SecretKey0123…`), and so do the variants projects made of it by changing digits
/// at its end (jeecg-boot's): they are reported all the same.
enum NacosTokenKey {
    /// The beginnings of the default, as text and in base64 (`SecretKey0123456789…`).
    private static let defaultBeginnings: [[UInt8]] = ["SecretKey0123456789", "U2VjcmV0S2V5MDEyMzQ1Njc4OT"].map { Array($0.utf8) }

    /// The example of `conf/application.properties` (`ThisIsMyCustomSecretKey012345678` in base64).
    private static let shippedExample = Array("VGhpc0lzTXlDdXN0b21TZWNyZXRLZXkwMTIzNDU2Nzg=".utf8)

    /// Whether `secret` is Nacos' default, a variant of it, or its shipped example.
    static func isPublishedDefault(_ secret: [UInt8]) -> Bool {
        secret == shippedExample || defaultBeginnings.contains { secret.starts(with: $0) }
    }

    static func isValid(_ secret: [UInt8]) -> Bool {
        isPublishedDefault(secret) || (LenientBase64.decode(secret)?.count ?? 0) >= 32
    }
}
