/// Algolia's search-only API key in the settings of a search box: DocSearch's `docsearch({
/// apiKey: '…', indexName: … })`, Docusaurus' `algolia: { appId, apiKey, indexName }`, VitePress'
/// `search: { provider: 'algolia', options: { appId, apiKey, indexName } }`, and the Insights
/// client's `aa('init', { appId, apiKey })`, which sends clicks with the same key.
///
/// Algolia has this key sent to every browser that shows the box, and says so ("safe to use in
/// your front-end code"); an admin key is never written there. It is 32 lowercase hex digits in an
/// object that `docsearch(` or `algolia:` opens on the lines before it, not yet closed.
enum AlgoliaSearchKey {
    /// How far back the object's opening is looked for.
    private static let reach = 400

    private static let docsearch = Array("docsearch".utf8), algolia = Array("algolia".utf8)

    static func holds(_ secret: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard secret.count == 32, bytes[secret].allSatisfy(ValueShape.isLowercaseHexDigit) else { return false }
        let floor = max(0, secret.lowerBound - reach)
        var index = secret.lowerBound
        while index > floor {
            index -= 1
            // A `}` closes the object a search box's settings would be in, before the key.
            if bytes[index] == UInt8(ascii: "}") { return false }
            guard bytes[index] == UInt8(ascii: "{") else { continue }
            return opensSearchSettings(before: index, floor: floor, in: bytes)
        }
        return false
    }

    /// Whether the `{` at `brace` follows `docsearch(` or `algolia` and `:` or `=` (quotes and blanks aside).
    private static func opensSearchSettings(before brace: Int, floor: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var end = brace
        while end > floor, " \t\r\n".utf8.contains(bytes[end - 1]) { end -= 1 }
        if end > floor, bytes[end - 1] == UInt8(ascii: "(") {
            return endsWith(docsearch, at: end - 1, floor: floor, in: bytes)
        }
        if end > floor, bytes[end - 1] == UInt8(ascii: ",") {
            return initialisesInsights(before: end - 1, floor: floor, in: bytes)
        }
        guard end > floor, ":=".utf8.contains(bytes[end - 1]) else { return false }
        end -= 1
        while end > floor, " \t\"'".utf8.contains(bytes[end - 1]) { end -= 1 }
        if endsWith(options, at: end, floor: floor, in: bytes) {
            return namesAlgoliaProvider(before: end, floor: floor, in: bytes)
        }
        return endsWith(algolia, at: end, floor: floor, in: bytes)
    }

    private static let options = Array("options".utf8), provider = Array("provider".utf8)
    private static let initCall = Array("init".utf8)
    private static let insightsClients = [Array("aa".utf8), Array("searchinsights".utf8)]

    /// Whether `aa('init'` (or `searchInsights("init"`) and blanks come before the `,` at `comma`.
    private static func initialisesInsights(before comma: Int, floor: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var end = comma
        while end > floor, " \t\r\n".utf8.contains(bytes[end - 1]) { end -= 1 }
        guard end > floor, "\"'".utf8.contains(bytes[end - 1]), endsWith(initCall, at: end - 1, floor: floor, in: bytes) else {
            return false
        }
        let quote = end - 1 - initCall.count - 1
        guard quote > floor, bytes[quote] == bytes[end - 1] else { return false }
        var call = quote
        while call > floor, " \t".utf8.contains(bytes[call - 1]) { call -= 1 }
        guard call > floor, bytes[call - 1] == UInt8(ascii: "(") else { return false }
        return insightsClients.contains { endsWith($0, at: call - 1, floor: floor, in: bytes) }
    }

    /// Whether `provider: 'algolia'` (any quotes, or none) comes before `end` on the lines read.
    private static func namesAlgoliaProvider(before end: Int, floor: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var index = end - algolia.count
        while index > floor {
            index -= 1
            let after = index + algolia.count
            guard endsWith(algolia, at: after, floor: floor, in: bytes), !ValueShape.isIdentifierByte(bytes[after])
            else { continue }
            var before = index
            while before > floor, " \t\"':".utf8.contains(bytes[before - 1]) { before -= 1 }
            if endsWith(provider, at: before, floor: floor, in: bytes) { return true }
        }
        return false
    }

    /// Whether `word` (lowercase) ends at `end`, case aside, as a whole name.
    private static func endsWith(_ word: [UInt8], at end: Int, floor: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard end - word.count >= floor else { return false }
        let start = end - word.count
        guard bytes[start..<end].lazy.map(KeywordPrefilter.fold).elementsEqual(word) else { return false }
        return start == 0 || !ValueShape.isIdentifierByte(bytes[start - 1])
    }
}
