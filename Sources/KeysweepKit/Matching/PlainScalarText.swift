/// `canoe_pass: DE:Tag:waterway=canoe pass`: after a name and `:`, an unquoted value without a
/// digit that goes on past a blank with more words is text, YAML's plain scalar of several words
/// (or a sentence in prose), and its first word no secret (OpenStreetMap's wiki page names, where
/// a fish pass is a waterway). Generated secrets hold digits and stay what they are, whatever
/// follows them (`password: 652e1f46-… | Started`, a log pasted into a guide; `API_Key: c392… //
/// comment`). A comment (`password: s3cret # rotated`) or blanks up to the line's end are no more
/// words. Only the `:` form: after `=` a shell runs the next word as a command (`PGPASSWORD=s3cret
/// psql …`).
enum PlainScalarText {
    /// Whether the unquoted value at `secret`, after `name` (the matched text before it), is the
    /// first word of a longer text.
    static func continues(after secret: Range<Int>, name: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes[secret].contains(where: ValueShape.isDigit),
              let colon = name.lastIndex(where: { !ValueShape.isBlank($0) }), name[colon] == UInt8(ascii: ":"),
              colon == 0 || name[colon - 1] != UInt8(ascii: ":") else { return false }
        var offset = secret.upperBound
        guard offset < bytes.count, ValueShape.isBlank(bytes[offset]) else { return false }
        while offset < bytes.count, ValueShape.isBlank(bytes[offset]) { offset += 1 }
        guard offset < bytes.count else { return false }
        return !"#\r\n".utf8.contains(bytes[offset])
    }
}
