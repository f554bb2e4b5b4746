#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Archive

/// One pool worker: its matcher, its read buffer and archive expander, and what it has found.
///
/// `scan(bytes:path:origin:)` and `scan(file:)` are the one place where the bytes of any input
/// reach the matcher, so that an archive is opened wherever it is found (a file, a history blob,
/// a dump, a staged file, standard input), a key store and a password file are recognised, and
/// other binary data is skipped by the same test.
struct ScanWorker {
    let matcher: Matcher
    let expander: ArchiveExpander
    var outcome = WorkerOutcome()
    /// A reusable read buffer, for inputs that read files.
    private var fileReader: FileReader?

    init(matcher: Matcher, options: ScanOptions) {
        self.matcher = matcher
        expander = ArchiveExpander(limits: options.archives, maxFileSize: options.maxFileSize)
    }

    /// Scans a blob of history or of a dump, whose matches provenance places later.
    mutating func scan(_ blob: GitBlob) {
        scan(bytes: blob.bytes, path: blob.path, origin: blob.origin, hits: blob.hits)
    }

    /// Scans bytes held in memory: an archive's members, else the bytes unless they are binary
    /// (standard input is matched even then: it was piped in to be scanned).
    /// `hits` are the blob's keyword hits when its reader found them (see `DeltaHits`).
    mutating func scan(bytes: [UInt8], path: String, origin: BlobOrigin? = nil, skipsBinary: Bool = true,
                       hits: [KeywordHit]? = nil) {
        let opens = bytes.withUnsafeBytes { expander.opens($0) }
        if opens {
            expander.expand({ () throws(ArchiveError) in try ArchiveReader(bytes: bytes) }, path: path, origin: origin,
                            matcher: matcher, outcome: &outcome)
            return
        }
        bytes.withUnsafeBytes { buffer in
            if let keyStore = matcher.scanKeyStore(buffer) {
                outcome.record(keyStore, path: path, size: buffer.count, origin: origin)
            } else if skipsBinary && FileReader.looksBinary(buffer) {
                outcome.statistics.skip(.binary, path: path, message: origin.map { "binary blob \($0.name)" } ?? "binary file")
            } else {
                outcome.record(matcher.scanFile(buffer, hits: hits), path: path, size: buffer.count, origin: origin)
            }
        }
    }

    /// Reads the file `task` names and scans it; an archive is read from the file as a stream,
    /// whatever its size, since only its members are held (each within `--max-file-size`).
    mutating func scan(file task: FileTask) {
        let reader = fileReader ?? FileReader(maxFileSize: expander.maxFileSize)
        fileReader = reader
        switch reader.read(task.path, opensArchive: expander.opens) {
        case .skipped(let reason, let message):
            outcome.statistics.skip(reason, path: task.displayPath, message: message)
        case .bytes(let bytes):
            // Only a file that starts as a key store does comes here binary (see `FileReader.read`):
            // text files pay one look at their first byte.
            if KeyStoreFile.format(startingWith: bytes) != nil, FileReader.looksBinary(bytes) {
                if let keyStore = matcher.scanKeyStore(bytes) {
                    outcome.record(keyStore, path: task.displayPath, size: bytes.count)
                } else {
                    outcome.statistics.skip(.binary, path: task.displayPath, message: "binary file")
                }
            } else {
                outcome.record(matcher.scanFile(bytes), path: task.displayPath, size: bytes.count)
            }
        case .archive(let descriptor):
            defer { close(descriptor) }
            expander.expand({ () throws(ArchiveError) in try ArchiveReader(fileDescriptor: descriptor) }, path: task.displayPath,
                            origin: nil, matcher: matcher, outcome: &outcome)
        }
    }
}
