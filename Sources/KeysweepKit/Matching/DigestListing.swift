/// A blob that lists digests: a lockfile of checksums (`auth/reset/new_password: c3e35b06…` in a
/// translation tool's `i18n.lock`), a manifest of hashes. Generic rules see a name with `password`
/// or `token` in it beside a digest; the blob's other lines show what the values are.
///
/// It is one when every generic value is hex of one length (16, 32, 40 or 64 digits: 16 is a digest
/// cut to 64 bits, as OpenObserve's translation state keeps one per message) and the blob holds
/// more hex runs of exactly that length than `Matcher.genericDensityLimit`: as for other data files,
/// its generic matches are dropped and counted as suppressed; specific rules are not affected.
enum DigestListing {
    static func holds(_ values: [[UInt8]], in bytes: UnsafeRawBufferPointer, limit: Int) -> Bool {
        guard let length = values.first?.count, [16, 32, 40, 64].contains(length),
              values.allSatisfy({ $0.count == length && $0.allSatisfy(ValueShape.isHexDigit) }) else { return false }
        // `bounded`: whether the current run of hex digits began after a byte no name holds.
        var runs = 0, run = 0, bounded = true
        for byte in bytes {
            if ValueShape.isHexDigit(byte) { run += 1; continue }
            if bounded, run == length, !ValueShape.isIdentifierByte(byte) {
                runs += 1
                if runs > limit { return true }
            }
            run = 0
            bounded = !ValueShape.isIdentifierByte(byte)
        }
        return runs + (bounded && run == length ? 1 : 0) > limit
    }
}
