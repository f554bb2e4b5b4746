/// The content of the line that holds a secret, hashed: the stable part of a location's identity.
enum LineContext {
    static let reach = 256

    static func hash(around secret: Range<Int>, in bytes: UnsafeRawBufferPointer) -> String {
        var start = secret.lowerBound
        let floor = max(0, start - reach)
        while start > floor && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let ceiling = min(bytes.count, secret.upperBound + reach)
        var end = LineBounds.nextNewline(in: bytes, from: secret.upperBound, before: ceiling) ?? ceiling
        let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
        while start < end && blank.contains(bytes[start]) { start += 1 }
        while end > start && blank.contains(bytes[end - 1]) { end -= 1 }
        return SHA256.hash(bytes[start..<end]).prefix(8).hexString
    }
}
