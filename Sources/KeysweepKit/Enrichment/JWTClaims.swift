import Foundation

/// The registered time claims of a JWT (`iat`, `exp`), read from its payload without checking
/// the signature: the inventory wants to know when a token stops working, not whether it is genuine.
struct JWTClaims {
    var issuedAt: Timestamp?
    var expiresAt: Timestamp?

    /// Nil unless `token` is three dot-separated base64url parts with a JSON object payload.
    init?(token: [UInt8]) {
        let parts = String(decoding: token, as: UTF8.self).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = JWTShape.decodeBase64URL(ArraySlice(parts[1].utf8)),
              let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any] else { return nil }
        issuedAt = Self.seconds(object["iat"]).map(Timestamp.init(seconds:))
        expiresAt = Self.seconds(object["exp"]).map(Timestamp.init(seconds:))
    }

    private static func seconds(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let seconds = number.doubleValue
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        return Int(seconds)
    }
}
