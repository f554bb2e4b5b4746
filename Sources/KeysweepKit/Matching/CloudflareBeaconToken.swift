/// Cloudflare Web Analytics' site token in the page's beacon tag: `<script … data-cf-beacon='{"token":
/// "…"}'>`. Every visitor's browser is sent it, and it only lets a page report visits; it is 32
/// lowercase hex digits in the attribute's JSON, on the line that names `data-cf-beacon`.
enum CloudflareBeaconToken {
    /// How far back on the line the attribute's name is looked for.
    private static let reach = 80

    private static let attribute = Array("data-cf-beacon".utf8)

    static func holds(_ secret: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard secret.count == 32, bytes[secret].allSatisfy(ValueShape.isLowercaseHexDigit) else { return false }
        var start = secret.lowerBound
        let floor = max(0, secret.lowerBound - reach)
        while start > floor, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        guard secret.lowerBound - start >= attribute.count else { return false }
        return (start...(secret.lowerBound - attribute.count)).contains { offset in
            bytes[offset..<(offset + attribute.count)].lazy.map(KeywordPrefilter.fold).elementsEqual(attribute)
        }
    }
}
