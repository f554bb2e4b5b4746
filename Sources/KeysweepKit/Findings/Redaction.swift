/// How secrets appear in every report: the length alone, or a public type marker and the length,
/// unless the user asked for the full value with `--show-secrets`. The one place that decides it.
///
/// DESIGN: a prefix is shown only where it is a public type marker of the rule that found the
/// secret (`ghp_`, `AKIA`, `xoxb-`): the longest of the rule's keywords that the secret starts
/// with, byte for byte. Any other prefix is part of the secret and shortens a guess; generic rules
/// (`generic.*`) have no markers; and a secret must be at least `minimumHidden` characters longer
/// than its marker, so that what stays hidden is never short.
public struct Redaction: Sendable {
    public let showSecrets: Bool
    /// Characters a shown marker must leave hidden.
    static let minimumHidden = 8

    public init(showSecrets: Bool) {
        self.showSecrets = showSecrets
    }

    /// The marker, `…` and the length in characters: `ghp_…(40)`, `…(7)`.
    public func display(_ secret: [UInt8], rule: Rule) -> String {
        let text = String(decoding: secret, as: UTF8.self)
        if showSecrets { return text }
        let length = text.unicodeScalars.count
        return (Self.marker(of: secret, rule: rule, length: length) ?? "") + "…(\(length))"
    }

    /// The longest keyword of `rule` that `secret` starts with (case-sensitively), if the rule is
    /// specific and enough of the secret stays hidden.
    static func marker(of secret: [UInt8], rule: Rule, length: Int) -> String? {
        guard !rule.isGeneric else { return nil }
        let marker = rule.keywords
            .filter { !$0.isEmpty && secret.starts(with: Array($0.utf8)) }
            .max { $0.utf8.count < $1.utf8.count }
        guard let marker, length >= marker.unicodeScalars.count + minimumHidden else { return nil }
        return marker
    }
}
