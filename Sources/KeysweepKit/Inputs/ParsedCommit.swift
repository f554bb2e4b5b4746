/// What a commit walk needs of a commit object: its tree, parents, committer date (git orders by
/// it) and author as `git log --format=%an%x00%ae%x00%aI` prints it.
///
/// Only commits of git's usual shape are read: `tree`, `parent`s, `author` and `committer` lines
/// in that order, each person as `Name <email> 1700000000 +0100`, and an author in ASCII unless
/// the commit is in UTF-8. Anything else gives nil (git's readings of odd lines are its own; the caller asks git).
struct ParsedCommit {
    let tree: ObjectID
    let parents: [ObjectID]
    let committerDate: UInt64
    /// The author's name, email and ISO 8601 date (strict, with the author's offset), NUL-separated.
    let author: [UInt8]

    init?(_ bytes: [UInt8]) {
        var lines = HeaderLines(bytes)
        guard let treeLine = lines.next(), treeLine.count == 45, treeLine.starts(with: "tree ".utf8),
              let tree = ObjectID(hex: treeLine.dropFirst(5)) else { return nil }
        var parents: [ObjectID] = []
        var line = lines.next()
        while let parentLine = line, parentLine.starts(with: "parent ".utf8) {
            guard parentLine.count == 47, let parent = ObjectID(hex: parentLine.dropFirst(7)) else { return nil }
            parents.append(parent)
            line = lines.next()
        }
        guard let authorLine = line, authorLine.starts(with: "author ".utf8),
              let author = Person(authorLine.dropFirst(7)),
              let committerLine = lines.next(), committerLine.starts(with: "committer ".utf8),
              let committer = Person(committerLine.dropFirst(10)) else { return nil }
        // Other headers up to the message. git converts a commit of another encoding to UTF-8,
        // which leaves an ASCII name and email as they are in the encodings that contain ASCII.
        while let header = lines.next() {
            if header.starts(with: "encoding ".utf8) {
                let name = String(decoding: header.dropFirst(9), as: UTF8.self).lowercased()
                // Wide encodings and EBCDIC code pages do not contain ASCII.
                let containsASCII = !["16", "32", "ucs", "ebcdic", "ibm"].contains(where: name.contains)
                    && !(name.hasPrefix("cp") && !name.hasPrefix("cp125"))
                let asciiAuthor = author.name.allSatisfy { $0 < 0x80 } && author.email.allSatisfy { $0 < 0x80 }
                guard ["utf-8", "utf8"].contains(name) || containsASCII && asciiAuthor else { return nil }
            }
        }
        self.tree = tree
        self.parents = parents
        committerDate = committer.date
        self.author = Array(author.name) + [0] + Array(author.email) + [0] + Array(Self.iso8601(author.date, offset: author.offset).utf8)
    }

    /// `Name <email> 1700000000 +0100`, strictly: a name not ending in a blank, an email without
    /// brackets, a date of at most 12 digits and a four-digit offset.
    private struct Person {
        let name: ArraySlice<UInt8>
        let email: ArraySlice<UInt8>
        let date: UInt64
        /// `+0100` as 100.
        let offset: Int

        init?(_ line: ArraySlice<UInt8>) {
            // git trims every blank (space, tab, CR, LF, VT, FF) from the end of a name.
            guard let open = line.firstIndex(of: UInt8(ascii: "<")), open > line.startIndex + 1,
                  line[open - 1] == UInt8(ascii: " "), !(9...13).contains(line[open - 2]), line[open - 2] != UInt8(ascii: " "),
                  let close = line[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            let email = line[(open + 1)..<close]
            guard !email.contains(UInt8(ascii: "<")) else { return nil }
            // `> 1700000000 +0100` to the end.
            let rest = line[(close + 1)...]
            guard rest.count >= 8, rest.first == UInt8(ascii: " ") else { return nil }
            let digits = rest.dropFirst().prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let zone = rest.dropFirst(1 + digits.count)
            guard (1...12).contains(digits.count), zone.count == 6, zone.first == UInt8(ascii: " "),
                  zone.dropFirst().first == UInt8(ascii: "+") || zone.dropFirst().first == UInt8(ascii: "-"),
                  zone.dropFirst(2).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            name = line[line.startIndex..<(open - 1)]
            self.email = email
            date = digits.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
            let magnitude = zone.dropFirst(2).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            offset = zone.dropFirst().first == UInt8(ascii: "-") ? -magnitude : magnitude
        }
    }

    /// `date` as git's `%aI` prints it: the wall-clock time at `offset` (`+0100` as 100), then
    /// the offset as `+01:00` (`+00:00` for UTC, and for `-0000`). Not `Timestamp`'s offset form:
    /// git writes any four digits as they are (`+0099` as `+00:99`, where minutes give `+01:39`).
    static func iso8601(_ date: UInt64, offset: Int) -> String {
        let minutes = (abs(offset) / 100) * 60 + abs(offset) % 100
        let local = Int(date) + (offset < 0 ? -minutes : minutes) * 60
        let seconds = ((local % 86_400) + 86_400) % 86_400
        let (year, month, day) = Timestamp.civil(days: (local - seconds) / 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
            + "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 100)):\(two(abs(offset) % 100))"
    }
}

/// The header lines of a commit, up to the blank line before its message (continuation lines of
/// a multi-line header, such as a signature, start with a blank and are lines of their own).
private struct HeaderLines {
    private let bytes: [UInt8]
    private var start = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> ArraySlice<UInt8>? {
        guard start < bytes.count, let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")), end > start else { return nil }
        defer { start = end + 1 }
        return bytes[start..<end]
    }
}
