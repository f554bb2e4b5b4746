/// Secrets that a sentence introduces as an example on their own line: `for example: "Secret:
/// VNUZ…"` in a translation's note to its translators (GoatCounter's `z18n` comments and catalog),
/// `the key (e.g. AKIA…)` in a help string.
///
/// `DocumentationBlocks` marks comment lines that give an example; strings and template comments
/// say so too. A location whose line says `for example` or `e.g.` shortly before the secret has
/// the context `example`: lower severity, never hidden. The phrase after the secret
/// (`API_KEY = "…"  # e.g. from the dashboard`) says nothing of it.
enum ExamplePhrase {
    private static let phrases = [Array("for example".utf8), Array("e.g.".utf8)]

    /// How far before the secret, on its line, the phrase may end; and so how far back it may start.
    private static let reach = 64
    private static let window = reach + (phrases.map(\.count).max() ?? 0)

    /// `.example` when the secret at `offset` follows such a phrase on its line.
    static func context(before offset: Int, in bytes: UnsafeRawBufferPointer) -> LocationContext? {
        var start = offset
        while start > max(0, offset - window), bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        guard offset - start >= 4 else { return nil }
        let text = bytes[start..<offset].map(KeywordPrefilter.fold)
        return phrases.contains { text.contains(subsequence: $0) } ? .example : nil
    }
}
