import Archive

/// Opens an archive found as a file or a blob and hands each member to the matcher as if it were
/// a file, recursing into members that are archives themselves, within `ArchiveLimits`.
///
/// A member's name extends its archive's with `!`: `app.war!WEB-INF/lib/conf.jar!app.properties`.
/// Nothing touches the file system: text members are read into one reused buffer (at most
/// `maxFileSize` bytes), and a nested archive is streamed out of its parent member, never
/// copied whole, so memory stays flat however large or deep the archive is. One archive is read
/// by one worker from start to end, so its members are matched in the same order every time.
struct ArchiveExpander {
    let limits: ArchiveLimits
    let maxFileSize: Int
    fileprivate let buffer = MemberBuffer()

    /// The least a member is taken to have consumed for the ratio limit: readers fetch the source
    /// in blocks, so a small member may seem to take nothing. A member may thus expand to
    /// `ratio` blocks (6.4 MB at 100:1) before the ratio can stop it.
    static let ratioFloor = ArchiveReader.blockSize

    init(limits: ArchiveLimits, maxFileSize: Int) {
        self.limits = limits
        self.maxFileSize = maxFileSize
    }

    /// Whether `bytes` (a blob's start, or all of it) is an archive this scan opens.
    func opens(_ bytes: UnsafeRawBufferPointer) -> Bool {
        limits.depth > 0 && ArchiveMagic.isArchive(bytes)
    }

    /// Reads every member of the archive `open` gives, named `path`, matching text members and
    /// recording them in `outcome` (with `origin` for a blob of history or of a dump). An archive
    /// that cannot be opened or is damaged part way is a counted warning; what was read before the
    /// damage stays.
    ///
    /// `observe` sees the name of each entry of the archive itself (not of nested ones) first;
    /// an entry it returns false for is not read (an image layer's whiteouts).
    func expand(_ open: () throws(ArchiveError) -> ArchiveReader, path: String, origin: BlobOrigin?,
                matcher: Matcher, outcome: inout WorkerOutcome, observe: ((String) -> Bool)? = nil) {
        let state = ExpansionState(limits: limits, top: path)
        state.observe = observe
        var walk = Walk(expander: self, state: state, origin: origin, matcher: matcher)
        do {
            let reader = try open()
            try walk.members(of: reader, chain: path, depth: 1, outcome: &outcome)
        } catch {
            switch state.stop {
            case .some(let limit): outcome.statistics.skip(.archiveLimit, path: path, message: limit)
            case .none: outcome.statistics.skip(.damagedArchive, path: path, message: "damaged archive: \(error.message)")
            }
        }
    }
}

/// What one expansion has spent of its top-level archive's budget, shared with the streams of
/// nested archives (libarchive pulls their bytes through a callback).
private final class ExpansionState {
    let limits: ArchiveLimits
    let top: String
    var bytes = 0
    var entries = 0
    var observe: ((String) -> Bool)?
    /// Set when a whole-archive limit stops the expansion: the warning's message.
    var stop: String?
    /// Set when a nested archive's source member broke a limit or failed: why it ended early.
    var sourceFailure: SourceFailure?

    enum SourceFailure {
        case ratio(member: String)
        case damaged(String)
    }

    init(limits: ArchiveLimits, top: String) {
        self.limits = limits
        self.top = top
    }

    /// Counts `count` expanded bytes; throws once the top-level archive has expanded too far.
    func spend(_ count: Int) throws(ArchiveError) {
        bytes += count
        guard bytes > limits.bytesPerArchive else { return }
        stop = "expands to more than \(limits.bytesPerArchive) bytes: the rest of the archive is not scanned"
        throw ArchiveError("expansion limit")
    }
}

/// The depth-first walk of one top-level archive.
private struct Walk {
    let expander: ArchiveExpander
    let state: ExpansionState
    let origin: BlobOrigin?
    let matcher: Matcher
    var limits: ArchiveLimits { expander.limits }

    /// Reads the members of `reader`, the archive named `chain` at nesting `depth` (1 for a file
    /// or blob). Throws when the archive itself is damaged or a whole-archive limit is hit.
    mutating func members(of reader: ArchiveReader, chain: String, depth: Int, outcome: inout WorkerOutcome) throws(ArchiveError) {
        while let entry = try reader.nextEntry() {
            state.entries += 1
            if state.entries > limits.entriesPerArchive {
                state.stop = "holds more than \(limits.entriesPerArchive) entries: the rest of the archive is not scanned"
                throw ArchiveError("entry limit")
            }
            if depth == 1, let observe = state.observe, !observe(entry.path) { continue }
            guard entry.isRegularFile else { continue }
            // A lone compressed file's entry is named `data`: it takes the file's name instead.
            let name = reader.formatName == "raw" ? ArchiveMagic.decompressedName(of: chain) : entry.path
            let member = chain + "!" + name
            guard !entry.isEncrypted else {
                outcome.statistics.skip(.encrypted, path: member, message: "encrypted member")
                continue
            }
            try scanMember(of: reader, named: member, depth: depth, outcome: &outcome)
        }
    }

    /// Reads the current member: a nested archive is walked, text is matched, the rest skipped.
    private mutating func scanMember(of reader: ArchiveReader, named member: String, depth: Int,
                                     outcome: inout WorkerOutcome) throws(ArchiveError) {
        var meter = RatioMeter(reader: reader, ratio: limits.ratio)
        let buffer = expander.buffer
        buffer.count = 0
        guard try fill(buffer, from: reader, upTo: ArchiveMagic.probeSize, meter: &meter, member: member, outcome: &outcome) else { return }
        let opensNested = buffer.withBytes { expander.opens($0) }
        if opensNested {
            guard depth < limits.depth else {
                outcome.statistics.skip(.archiveLimit, path: member,
                                        message: "archive nested deeper than \(limits.depth): not opened (see --archive-depth)")
                return
            }
            try nested(member, probe: buffer.withBytes { Array($0) }, parent: reader, meter: meter, depth: depth, outcome: &outcome)
            return
        }
        guard try fill(buffer, from: reader, upTo: expander.maxFileSize + 1, meter: &meter, member: member, outcome: &outcome) else { return }
        guard buffer.count <= expander.maxFileSize else {
            outcome.statistics.skip(.tooLarge, path: member, message: "larger than \(expander.maxFileSize) bytes")
            return
        }
        buffer.withBytes { bytes in
            let memberPath = String(member.dropFirst(state.top.count))
            if let keyStore = matcher.scanKeyStore(bytes) {
                outcome.record(keyStore, path: member, size: bytes.count, member: memberPath, origin: origin)
            } else if FileReader.looksBinary(bytes) {
                outcome.statistics.skip(.binary, path: member, message: "binary file")
            } else {
                outcome.record(matcher.scanFile(bytes), path: member, size: bytes.count, member: memberPath, origin: origin)
            }
        }
    }

    /// Reads the member on into `buffer` until it holds `limit` bytes or the member ends. False
    /// when the member broke the ratio limit (counted and warned) and is to be left.
    private func fill(_ buffer: MemberBuffer, from reader: ArchiveReader, upTo limit: Int, meter: inout RatioMeter,
                      member: String, outcome: inout WorkerOutcome) throws(ArchiveError) -> Bool {
        while buffer.count < limit {
            let count = try buffer.append(upTo: min(ArchiveReader.blockSize, limit - buffer.count)) { space throws(ArchiveError) in
                try reader.read(into: space)
            }
            if count == 0 { break }
            try state.spend(count)
            guard meter.add(count) else {
                outcome.statistics.skip(.archiveLimit, path: member, message: ratioMessage)
                return false
            }
        }
        return true
    }

    private var ratioMessage: String {
        "expands more than \(limits.ratio):1 (a decompression bomb?): not scanned"
    }

    /// Walks the archive held in the current member of `parent`, streaming it: `probe` (its first
    /// bytes, already read) and then the rest of the member as libarchive asks for it.
    private mutating func nested(_ member: String, probe: [UInt8], parent: ArchiveReader, meter: RatioMeter, depth: Int,
                                 outcome: inout WorkerOutcome) throws(ArchiveError) {
        let source = NestedSource(probe: probe, parent: parent, meter: meter, state: state, member: member)
        do {
            let reader = try ArchiveReader(pull: source.pull)
            try members(of: reader, chain: member, depth: depth + 1, outcome: &outcome)
        } catch {
            if state.stop != nil { throw error }
            switch state.sourceFailure {
            case .ratio(let member)?:
                outcome.statistics.skip(.archiveLimit, path: member, message: ratioMessage)
            case .damaged(let message)?:
                // The parent itself is damaged: its walk cannot go on either.
                throw ArchiveError(message)
            case nil:
                outcome.statistics.skip(.damagedArchive, path: member, message: "damaged archive: \(error.message)")
            }
            state.sourceFailure = nil
        }
    }
}

/// The bytes of a nested archive, pulled by libarchive from its parent's current member, with
/// the parent member's ratio and the top-level archive's byte budget kept.
private final class NestedSource {
    private var probe: [UInt8]
    private var probeOffset = 0
    private let parent: ArchiveReader
    private var meter: RatioMeter
    private let state: ExpansionState
    private let member: String

    init(probe: [UInt8], parent: ArchiveReader, meter: RatioMeter, state: ExpansionState, member: String) {
        self.probe = probe
        self.parent = parent
        self.meter = meter
        self.state = state
        self.member = member
    }

    func pull(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        if probeOffset < probe.count {
            let count = min(buffer.count, probe.count - probeOffset)
            probe.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + probeOffset, byteCount: count) }
            probeOffset += count
            return count
        }
        do {
            let count = try parent.read(into: buffer)
            try state.spend(count)
            guard meter.add(count) else {
                state.sourceFailure = .ratio(member: member)
                return -1
            }
            return count
        } catch {
            if state.stop == nil { state.sourceFailure = .damaged(error.message) }
            return -1
        }
    }
}

/// Bytes a member has produced against the raw bytes its reader consumed meanwhile.
private struct RatioMeter {
    let reader: ArchiveReader
    let ratio: Int
    let rawStart: Int
    var produced = 0

    init(reader: ArchiveReader, ratio: Int) {
        self.reader = reader
        self.ratio = ratio
        rawStart = reader.rawBytesRead
    }

    /// Adds `count` produced bytes; false once they exceed `ratio` times what was consumed.
    mutating func add(_ count: Int) -> Bool {
        produced += count
        let consumed = reader.rawBytesRead - rawStart + ArchiveExpander.ratioFloor
        return produced / ratio <= consumed
    }
}

/// One worker's growable buffer for a member's bytes, reused from member to member.
private final class MemberBuffer {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    var count = 0

    init() {
        capacity = 1 << 20
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Lets `read` fill up to `limit` more bytes at the end; returns how many it wrote.
    func append(upTo limit: Int, _ read: (UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int) throws(ArchiveError) -> Int {
        if count + limit > capacity {
            let grown = max(capacity * 2, count + limit)
            let larger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            larger.copyMemory(from: storage, byteCount: count)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        let written = try read(UnsafeMutableRawBufferPointer(start: storage + count, count: limit))
        count += written
        return written
    }

    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: storage, count: count))
    }
}
