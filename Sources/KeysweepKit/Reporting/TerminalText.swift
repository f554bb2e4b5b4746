/// Text meant for a terminal, with control characters written as escapes (`\u{1B}`).
///
/// Paths, author names and messages come from scanned trees, repositories and dumps: a stranger's
/// file name must not clear the screen or rewrite what the report says.
public enum TerminalText {
    /// `text` with every control character but newline and tab replaced by its escape.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
    }
}
