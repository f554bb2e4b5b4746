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

    /// The commits and paths that introduced each blob, by the mark that names the blob in the stream.
    typealias IntroductionsByMark = [String: [(commit: CommitInfo, path: String)]]

    let name: String
    let reader: ByteStreamReader
    let maxFileSize: Int

    /// Provenance gathered from a fast-export stream: for each blob mark, the commits and paths
    /// that set a file to it. (A stream cannot be read twice, so this is kept for every blob.)
    private(set) var introductions: IntroductionsByMark = [:]

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
        return BlobID(hex: fields[0]) != nil
    }

    /// A size field: decimal digits only (no sign), at most 18 of them so that it fits an `Int`.
    private static func size(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(\.isDecimalDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// The next line, or nil at the end; a line cut off by the end, longer than the reader takes,
    /// or a failed read is damage. Messages never quote the line: a dump holds secrets.
    private func nextLine() throws(DumpError) -> [UInt8]? {
        let line = reader.readLine()
        if reader.lineWasTooLong { throw damage("a line of at most \(reader.lineLimit) bytes") }
        if let failure = reader.failure { throw damage("more bytes, but reading failed: \(String(cString: strerror(failure)))") }
        guard reader.lastLineWasComplete else { throw damage("a complete line, not one cut off by the end of the dump") }
        return line
    }

    private func damage(_ expected: String, at offset: Int? = nil) -> DumpError {
        DumpError(source: name, offset: offset ?? reader.offset, expected: expected)
    }

    /// Exactly `size` bytes of the object `id`, or damage.
    private func content(_ size: Int, of id: String) throws(DumpError) -> [UInt8] {
        guard let bytes = reader.read(exactly: size) else { throw damage(readFailure("\(size) bytes of object \(id)")) }
        return bytes
    }

    /// Skips `size` bytes of the object `id`, or throws damage.
    private func skip(_ size: Int, of id: String) throws(DumpError) {
        guard reader.skip(size) else { throw damage(readFailure("\(size) bytes of object \(id)")) }
    }

    /// What was expected, and why it is missing if a read failed rather than the dump ended.
    private func readFailure(_ expected: String) -> String {
        reader.failure.map { "\(expected), but reading failed: \(String(cString: strerror($0)))" } ?? expected
    }

    // MARK: cat-file --batch

    private static let objectTypes = ["blob", "tree", "commit", "tag"].map { Array($0.utf8) }

    private func readCatFileBatch(firstHeader: [UInt8], statistics: inout ScanStatistics, emit: (GitBlob) -> Void) throws(DumpError) {
        var header: [UInt8]? = firstHeader
        while let line = header {
            let start = max(0, reader.offset - line.count - 1)
            let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            // A full SHA-1 or SHA-256 id, as both dump formats write them.
            guard let first = fields.first, let parsedID = BlobID(hex: first) else {
                throw damage("an object header starting with a full object id", at: start)
            }
            if fields.count == 2 && fields[1].elementsEqual("missing".utf8) {
                header = try nextLine()
                continue
            }
            let id = String(decoding: first, as: UTF8.self)
            guard fields.count == 3, Self.objectTypes.contains(where: { fields[1].elementsEqual($0) }) else {
                throw damage("an object header '<id> <blob|tree|commit|tag> <size>' for object \(id)", at: start)
            }
            guard let size = Self.size(fields[2]) else { throw damage("a decimal size in the header of object \(id)", at: start) }
            let isBlob = fields[1].elementsEqual("blob".utf8)
            if isBlob && size <= maxFileSize {
                emit(GitBlob(id: parsedID, path: id, bytes: try content(size, of: id)))
            } else {
                try skip(size, of: id)
                if isBlob { statistics.skip(.tooLarge, path: id, message: "larger than \(maxFileSize) bytes") }
            }
            guard let newline = reader.read(exactly: 1), newline == [UInt8(ascii: "\n")] else {
                throw damage(readFailure("a newline after the \(size) bytes of object \(id)"))
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
                throw damage("a fast-export command (blob, commit, tag, reset), not a line of \(current.count) bytes",
                             at: reader.offset - current.count - 1)
            }
        }
    }

    /// `mark :N` names an object within the stream; anything else there is damage (and would
    /// otherwise reach reports as a path).
    private func mark(_ text: Substring) throws(DumpError) -> String {
        let digits = text.dropFirst()
        guard text.first == ":", !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy(\.isDecimalDigit) else {
            throw damage("a mark ':<number>'")
        }
        return String(text)
    }

    /// `data <size>`: the size, or damage (a negative or missing size would re-read the data as commands).
    private func dataSize(_ line: [UInt8], of what: String) throws(DumpError) -> Int {
        guard line.starts(with: Self.dataPrefix), let size = Self.size(line.dropFirst(Self.dataPrefix.count)) else {
            throw damage("'data <size>' for \(what)")
        }
        return size
    }

    private static let dataPrefix = Array("data ".utf8)

    /// `blob`, `mark :N`, optional `original-oid`, then `data <size>` and the bytes.
    private func readBlob(statistics: inout ScanStatistics, emit: (GitBlob) -> Void, counter: inout Int) throws(DumpError) -> [UInt8]? {
        counter += 1
        var mark = ":anonymous-\(counter)"
        var line = try nextLine()
        while let current = line, !current.starts(with: Self.dataPrefix) {
            let text = String(decoding: current, as: UTF8.self)
            if text.hasPrefix("mark ") {
                mark = try self.mark(text.dropFirst(5))
            } else if !text.hasPrefix("original-oid ") {
                throw damage("'mark', 'original-oid' or 'data' in blob \(mark)")
            }
            line = try nextLine()
        }
        guard let dataLine = line else { throw damage("'data <size>' for blob \(mark)") }
        let size = try dataSize(dataLine, of: "blob \(mark)")
        if size <= maxFileSize {
            emit(GitBlob(id: nil, path: mark, bytes: try content(size, of: mark)))
        } else {
            try skip(size, of: mark)
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
                id = try mark(text.dropFirst(5))
            } else if text.hasPrefix("original-oid ") {
                guard BlobID(hex: current.dropFirst(13)) != nil else { throw damage("a full object id after 'original-oid'") }
                id = String(text.dropFirst(13))
            } else if text.hasPrefix("author ") {
                author = Self.parseIdentity(String(text.dropFirst(7)))
            } else if current.starts(with: Self.dataPrefix) {
                let size = try dataSize(current, of: "the message of commit \(id)")
                guard reader.skip(size) else { throw damage(readFailure("the \(size) bytes of the message of commit \(id)")) }
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
            if current.starts(with: Self.dataPrefix) {
                let size = try dataSize(current, of: "the tag message")
                guard reader.skip(size) else { throw damage(readFailure("the \(size) bytes of the tag message")) }
                return try nextLine()
            }
            line = try nextLine()
        }
        return nil
    }

    /// `Name <email> 1704103200 +0100` → name, email, ISO 8601 date in the author's offset, as
    /// `git log --format=%aI` writes it. A time or offset that is not numbers gives no date.
    static func parseIdentity(_ text: String) -> (String, String, String) {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else { return (text, "", "") }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count == 2, let seconds = Int(rest[0]),
              (Timestamp.earliest...Timestamp.latest).contains(seconds) else { return (name, email, "") }
        let offset = Array(rest[1].utf8)
        guard offset.count == 5, offset[0] == UInt8(ascii: "+") || offset[0] == UInt8(ascii: "-"),
              offset.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let digits = Int(String(decoding: offset.dropFirst(), as: UTF8.self)), digits % 100 < 60 else { return (name, email, "") }
        let minutes = (digits / 100 * 60 + digits % 100) * (offset[0] == UInt8(ascii: "-") ? -1 : 1)
        return (name, email, Timestamp(seconds: seconds).description(atOffsetMinutes: minutes))
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
    var isDecimalDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}
