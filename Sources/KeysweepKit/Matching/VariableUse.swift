/// `curl -u admin:$OPENSEARCH_PASSWORD localhost:9201`: a name that a shell or a template reads
/// (`$NAME`, `${NAME`), followed by a blank and the command's next argument.
///
/// The generic rules also take a value after a name and blanks alone (`password s3cr3t` at the
/// end of a line, as prose and some config formats write it); after a name being read, that is
/// the next argument. With `=` or `:` between them it stays an assignment (`$password = "…"` in PHP).
enum VariableUse {
    /// Whether the name whose keyword starts at `matchStart` is read as a variable, and `name`
    /// (from the keyword to the value) holds no assignment.
    static func precedes(value name: [UInt8], matchStart: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !name.contains(UInt8(ascii: "=")), !name.contains(UInt8(ascii: ":")) else { return false }
        var start = matchStart
        while start > 0, ValueShape.isIdentifierByte(bytes[start - 1]) { start -= 1 }
        guard start > 0 else { return false }
        if bytes[start - 1] == UInt8(ascii: "$") { return true }
        return start > 1 && bytes[start - 1] == UInt8(ascii: "{") && bytes[start - 2] == UInt8(ascii: "$")
    }
}
