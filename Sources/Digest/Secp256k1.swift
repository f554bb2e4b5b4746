import CLibcrypto

/// secp256k1 (SEC 2), computed by libcrypto: a private key's public key, compressed, to match a
/// dotenvx private key to the `DOTENV_PUBLIC_KEY` its encrypted `.env` file names; and the ECDH
/// shared point that dotenvx's values (ECIES) derive their key from.
public enum Secp256k1 {
    /// The 33-byte compressed public key of the 32-byte private key `scalar`; nil when it is not
    /// 32 bytes or not a valid private key (zero, or not below the group order).
    public static func compressedPublicKey(ofPrivateKey scalar: [UInt8]) -> [UInt8]? {
        product(of: scalar, times: nil, as: POINT_CONVERSION_COMPRESSED, length: 33)
    }

    /// The ECDH shared point of the private key `scalar` and the public key `peer` (33 or 65 bytes
    /// as SEC 1 writes them), uncompressed (65 bytes), as ECIES derives its key from; nil when
    /// either is no key of the curve.
    public static func sharedPoint(privateKey scalar: [UInt8], peer: [UInt8]) -> [UInt8]? {
        guard peer.count == 33 || peer.count == 65 else { return nil }
        return product(of: scalar, times: peer, as: POINT_CONVERSION_UNCOMPRESSED, length: 65)
    }

    /// `scalar` (a valid private key) times the point `peer` encodes, or times the generator
    /// when `peer` is nil, written in `form` as `length` bytes; nil for an invalid scalar or
    /// point, or the point at infinity.
    private static func product(of scalar: [UInt8], times peer: [UInt8]?, as form: point_conversion_form_t, length: Int) -> [UInt8]? {
        Libcrypto.load()
        guard scalar.count == 32, let group = EC_GROUP_new_by_curve_name(NID_secp256k1) else { return nil }
        defer { EC_GROUP_free(group) }
        guard let context = BN_CTX_new() else { return nil }
        defer { BN_CTX_free(context) }
        guard let privateKey = BN_bin2bn(scalar, Int32(scalar.count), nil) else { return nil }
        defer { BN_clear_free(privateKey) }
        guard let order = EC_GROUP_get0_order(group), BN_is_zero(privateKey) == 0, BN_cmp(privateKey, order) < 0,
              let result = EC_POINT_new(group) else { return nil }
        defer { EC_POINT_free(result) }
        if let peer {
            guard let peerPoint = EC_POINT_new(group) else { return nil }
            defer { EC_POINT_free(peerPoint) }
            guard EC_POINT_oct2point(group, peerPoint, peer, peer.count, context) == 1,
                  EC_POINT_is_on_curve(group, peerPoint, context) == 1,
                  EC_POINT_mul(group, result, nil, peerPoint, privateKey, context) == 1 else { return nil }
        } else {
            guard EC_POINT_mul(group, result, privateKey, nil, nil, context) == 1 else { return nil }
        }
        guard EC_POINT_is_at_infinity(group, result) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        let written = EC_POINT_point2oct(group, result, form, &bytes, bytes.count, context)
        return written == length ? bytes : nil
    }
}
