/// Checks that a PyPI API token (`pypi-…`) has the shape of a macaroon in the V2 binary format,
/// base64url-encoded: version 2, the location `pypi.org` (or `test.pypi.org`) first, and a final
/// 32-byte signature field ending the token. A truncated paste or a made-up tail fails.
enum PyPIMacaroon {
    private static let locations = [Array("pypi.org".utf8), Array("test.pypi.org".utf8)]

    static func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.starts(with: Array("pypi-".utf8)),
              let data = JWTShape.decodeBase64URL(secret.dropFirst(5)).map(Array.init),
              data.count > 34 + 3, data[0] == 2, data[1] == 1 else { return false }
        let length = Int(data[2])
        guard data.count >= 3 + length, locations.contains(Array(data[3..<(3 + length)])) else { return false }
        // Signature: field type 6, length 32, then exactly 32 bytes to the end.
        return data[data.count - 34] == 6 && data[data.count - 33] == 32
    }
}
