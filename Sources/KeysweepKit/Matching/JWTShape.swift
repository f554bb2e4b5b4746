import Foundation

/// Checks that a string is a structurally valid JSON Web Token (no signature check).
enum JWTShape {
    static func isValid(_ token: [UInt8]) -> Bool {
        let parts = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3,
              let header = jsonObject(base64URL: parts[0]), header["alg"] != nil,
              jsonObject(base64URL: parts[1]) != nil
        else { return false }
        return true
    }

    /// Decodes one base64url segment (padding optional) as a JSON object.
    static func jsonObject(base64URL segment: ArraySlice<UInt8>) -> [String: Any]? {
        guard let data = decodeBase64URL(segment) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    static func decodeBase64URL(_ segment: ArraySlice<UInt8>) -> Data? {
        var text = String(decoding: segment, as: UTF8.self)
            .replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while text.utf8.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text)
    }
}
