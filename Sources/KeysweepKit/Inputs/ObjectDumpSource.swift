import Foundation

/// Reads a git object dump taken elsewhere, so it can be scanned without the repository:
///
/// - `git cat-file --batch --batch-all-objects` output: `<id> <type> <size>` then the bytes;
/// - `git fast-export --all` streams: blobs with marks, and commits with their author, date and
///   `M` lines, which give each blob its commit and path.
///
/// Blobs are pushed to the scan as they are read. Everything before damage is scanned; the damage
/// is then reported with its byte offset.
struct ObjectDumpSource {
    enum Format { case catFileBatch, fastExport }

    let name: String
    let reader: ByteStreamReader
    let maxFileSize: Int

    /// Provenance gathered from a fast-export stream: for each blob mark, the commits and paths
    /// that set a file to it. (A stream cannot be read twice, so this is kept for every blob.)
    private(set) var introductions: BlobIntroductions = [:]

    init(name: String, fileDescriptor: Int32, maxFileSize: Int) {
        self.name = name
        reader = ByteStreamReader(fileDescriptor: fileDescriptor)
        self.maxFileSize = maxFileSize
    }

    /// Pushes blobs in batches; returns skip statistics, or the damage found.
    mutating func produce(push: ([GitBlob]) -> Void) -> (ScanStatistics, DumpError?) {
        var statistics = ScanStatistics()
        var batcher = BlobBatcher()
        func emit(_ blob: GitBlob) {
            if let batch = batcher.add(blob) { push(batch) }
        }
        defer { if let batch = batcher.flush() { push(batch) } }
        do throws(DumpError) {
            guard let first = try nextLine() else { return (statistics, nil) }
            if Self.isCatFileHeader(first) {
                try readCatFileBatch(firstHeader: first, statistics: &statistics, emit: emit)
            } else {
                try readFastExport(firstLine: first, statistics: &statistics, emit: emit)
            }
            return (statistics, nil)
        } catch {
            return (statistics, error)
        }
    }

    private static func isCatFileHeader(_ line: [UInt8]) -> Bool {
        let fields = line.split(separator: UInt8(ascii: " "))
        guard fields.count == 3 || (fields.count == 2 && fields[1].elementsEqual("missing".utf8)) else { return false }
        return (fields[0].count == 40 || fields[0].count == 64) && fields[0].allSatisfy { $0.isHexDigit }
    }

    /// The next line, or nil at the end; a last line cut off before its newline is damage.
    private func nextLine() throws(DumpError) -> [UInt8]? {
        let line = reader.readLine()
        guard reader.lastLineWasComplete else { throw damage("a complete line, not '\(String(decoding: (line ?? []).prefix(40), as: UTF8.self))' cut off by the end") }
        return line
    }

    private func damage(_ expected: String, at offset: Int? = nil) -> DumpError {
        DumpError(source: name, offset: offset ?? reader.offset, expected: expected)
    }

    // MARK: cat-file --batch

    private func readCatFileBatch(firstHeader: [UInt8], statistics: inout ScanStatistics, emit: (GitBlob) -> Void) throws(DumpError) {
        var header: [UInt8]? = firstHeader
        while let line = header {
            let start = reader.offset - line.count - 1
            let fields = line.split(separator: UInt8(ascii: " "))
            if fields.count == 2 && fields[1].elementsEqual("missing".utf8) {
                header = try nextLine()
                continue
            }
            guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)), size >= 0 else {
                throw damage("an object header '<id> <type> <size>'", at: max(0, start))
            }
            let id = String(decoding: fields[0], as: UTF8.self)
            let isBlob = fields[1].elementsEqual("blob".utf8)
            if isBlob && size <= maxFileSize {
                guard let bytes = reader.read(exactly: size) else { throw damage("\(size) bytes of object \(id)") }
                emit(GitBlob(id: id, path: id, bytes: bytes))
            } else {
                guard reader.skip(size) else { throw damage("\(size) bytes of object \(id)") }
                if isBlob { statistics.skip(.tooLarge, path: id, message: "larger than \(maxFileSize) bytes") }
            }
            guard let newline = reader.read(exactly: 1), newline == [UInt8(ascii: "\n")] else {
                throw damage("a newline after object \(id)")
            }
            header = try nextLine()
        }
    }

    // MARK: fast-export

    private mutating func readFastExport(firstLine: [UInt8], statistics: inout ScanStatistics, emit: (GitBlob) -> Void) throws(DumpError) {
        var line: [UInt8]? = firstLine
        var marks = 0
        while let current = line {
            let text = String(decoding: current, as: UTF8.self)
            if text == "blob" {
                line = try readBlob(statistics: &statistics, emit: emit, counter: &marks)
            } else if text.hasPrefix("commit ") {
                line = try readCommit()
            } else if text.hasPrefix("tag ") {
                line = try skipTag()
            } else if text.isEmpty || text.hasPrefix("reset ") || text.hasPrefix("from ") || text.hasPrefix("feature ")
                        || text.hasPrefix("option ") || text.hasPrefix("progress ") || text == "done" {
                line = try nextLine()
            } else {
                throw damage("a fast-export command (blob, commit, tag, reset), not '\(text.prefix(40))'", at: reader.offset - current.count - 1)
            }
        }
    }

    /// `blob`, `mark :N`, optional `original-oid`, then `data <size>` and the bytes.
    private func readBlob(statistics: inout ScanStatistics, emit: (GitBlob) -> Void, counter: inout Int) throws(DumpError) -> [UInt8]? {
        counter += 1
        var mark = ":anonymous-\(counter)"
        var line = try nextLine()
        while let current = line, !current.starts(with: Array("data ".utf8)) {
            let text = String(decoding: current, as: UTF8.self)
            if text.hasPrefix("mark ") { mark = String(text.dropFirst(5)) }
            line = try nextLine()
        }
        guard let dataLine = line, let size = Int(String(decoding: dataLine.dropFirst(5), as: UTF8.self)) else {
            throw damage("'data <size>' for blob \(mark)")
        }
        if size <= maxFileSize {
            guard let bytes = reader.read(exactly: size) else { throw damage("\(size) bytes of blob \(mark)") }
            emit(GitBlob(id: mark, path: mark, bytes: bytes))
        } else {
            guard reader.skip(size) else { throw damage("\(size) bytes of blob \(mark)") }
            statistics.skip(.tooLarge, path: mark, message: "larger than \(maxFileSize) bytes")
        }
        return try nextLine()
    }

    /// `commit <ref>`, `mark`, `author`, `committer`, `data` (message), then `from`/`merge` and file changes.
    private mutating func readCommit() throws(DumpError) -> [UInt8]? {
        var id = ""
        var author = ("", "", "")
        var line = try nextLine()
        while let current = line {
            let text = String(decoding: current, as: UTF8.self)
            if text.hasPrefix("mark ") {
                id = String(text.dropFirst(5))
            } else if text.hasPrefix("original-oid ") {
                id = String(text.dropFirst(13))
            } else if text.hasPrefix("author ") {
                author = Self.parseIdentity(String(text.dropFirst(7)))
            } else if text.hasPrefix("data ") {
                guard let size = Int(text.dropFirst(5)), reader.skip(size) else { throw damage("the commit message of \(id)") }
            } else if text.hasPrefix("M ") {
                // `M <mode> <dataref> <path>`; the path may be C-quoted.
                let parts = current.split(separator: UInt8(ascii: " "), maxSplits: 3)
                if parts.count == 4 {
                    let blob = String(decoding: parts[2], as: UTF8.self)
                    let path = GitQuotedPath.decode(Array(parts[3]), droppingPrefix: "") ?? ""
                    introductions[blob, default: []].append((CommitInfo(id: id, author: author.0, email: author.1, date: author.2), path))
                }
            } else if !(text.hasPrefix("committer ") || text.hasPrefix("from ") || text.hasPrefix("merge ")
                        || text.hasPrefix("D ") || text.hasPrefix("C ") || text.hasPrefix("R ") || text == "deleteall"
                        || text.hasPrefix("encoding ") || text.hasPrefix("N ")) {
                return line
            }
            line = try nextLine()
        }
        return nil
    }

    private func skipTag() throws(DumpError) -> [UInt8]? {
        var line = try nextLine()
        while let current = line {
            let text = String(decoding: current, as: UTF8.self)
            if text.hasPrefix("data ") {
                guard let size = Int(text.dropFirst(5)), reader.skip(size) else { throw damage("the tag message") }
                return try nextLine()
            }
            line = try nextLine()
        }
        return nil
    }

    /// `Name <email> 1704103200 +0100` → name, email, ISO 8601 date in the author's offset.
    static func parseIdentity(_ text: String) -> (String, String, String) {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else { return (text, "", "") }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count == 2, let seconds = TimeInterval(rest[0]) else { return (name, email, "") }
        let offsetText = String(rest[1])
        let sign = offsetText.hasPrefix("-") ? -1 : 1
        let digits = offsetText.dropFirst()
        let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.suffix(2)) ?? 0
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: sign * (hours * 3600 + minutes * 60))
        var date = formatter.string(from: Date(timeIntervalSince1970: seconds))
        // Match `git log --format=%aI`, which writes +00:00 rather than Z.
        if date.hasSuffix("Z") { date = String(date.dropLast()) + "+00:00" }
        return (name, email, date)
    }
}

/// Groups blobs into batches by count and bytes before they go to the workers.
struct BlobBatcher {
    private var pending: [GitBlob] = []
    private var bytes = 0

    /// Adds a blob; returns a full batch to push, if this one filled it.
    mutating func add(_ blob: GitBlob) -> [GitBlob]? {
        pending.append(blob)
        bytes += blob.bytes.count
        return pending.count >= GitBlobSource.batchCount || bytes >= GitBlobSource.batchBytes ? flush() : nil
    }

    /// The blobs not pushed yet, if any.
    mutating func flush() -> [GitBlob]? {
        guard !pending.isEmpty else { return nil }
        defer {
            pending.removeAll(keepingCapacity: true)
            bytes = 0
        }
        return pending
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
    }
}
