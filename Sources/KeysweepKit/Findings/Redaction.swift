/// How secrets appear in every report: a short prefix and the length, unless the user asked for
/// the full value with `--show-secrets`. The one place that decides it.
public struct Redaction: Sendable {
    public let showSecrets: Bool

    public init(showSecrets: Bool) {
        self.showSecrets = showSecrets
    }

    /// At most 4 characters, and never more than a quarter of the secret, then `…` and the length
    /// in characters: `ghp_…(40)`, `h…(7)`.
    public func display(_ secret: [UInt8]) -> String {
        let text = String(decoding: secret, as: UTF8.self)
        if showSecrets { return text }
        let characters = Array(text.unicodeScalars)
        let shown = min(4, characters.count / 4)
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: characters.prefix(shown))
        return String(prefix) + "…(\(characters.count))"
    }
}
