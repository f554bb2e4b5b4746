/// `curl -u admin:$OPENSEARCH_PASSWORD localhost:9201`: a name that a shell or a template reads
/// (`$NAME`, `${NAME`), followed by a blank and the command's next argument;
/// `-e POSTGRES_PASSWORD=mysecretpassword postgres:15-alpine`: a word that is itself the value
/// set by `=`, followed by a blank and the next argument (here the image `docker run` starts);
/// `github.com/foomo/htpasswd v0.0.0-…`: the last segment of a path, followed by a blank and
/// what goes with the path (a Go module's version in `go.mod`).
///
/// The generic rules also take a value after a name and blanks alone (`password s3cr3t` at the
/// end of a line, as prose and some config formats write it); after a name being read, a word
/// being assigned or a path, that is the next argument. With `=` or `:` between them it stays an
/// assignment (`$password = "…"` in PHP).
enum VariableUse {
    /// Whether the name whose keyword starts at `matchStart` is read as a variable, set as a value
    /// or ends a path, and `name` (from the keyword to the value) holds no assignment.
    static func precedes(value name: [UInt8], matchStart: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !name.contains(UInt8(ascii: "=")), !name.contains(UInt8(ascii: ":")) else { return false }
        var start = matchStart
        while start > 0, ValueShape.isIdentifierByte(bytes[start - 1]) { start -= 1 }
        guard start > 0 else { return false }
        if bytes[start - 1] == UInt8(ascii: "$") { return true }
        if start > 1, "=/".utf8.contains(bytes[start - 1]), ValueShape.isIdentifierByte(bytes[start - 2]) {
            // Only a word and blanks before the value: `auth=HTTPBasicAuth("user", "…")` is a call.
            let gap = name.drop(while: ValueShape.isIdentifierByte)
            return gap.first.map(ValueShape.isBlank) == true
                && gap.allSatisfy { ValueShape.isBlank($0) || "\"'".utf8.contains($0) }
        }
        return start > 1 && bytes[start - 1] == UInt8(ascii: "{") && bytes[start - 2] == UInt8(ascii: "$")
    }
}
