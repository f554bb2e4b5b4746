#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading of a byte stream (a pipe from git, a dump file, standard input) by lines and by
/// exact counts, keeping the offset so that a parse error can say where the stream broke.
///
/// Lines are bounded (`lineLimit`): a stream that never sends its delimiter (`/dev/zero`, an object
/// that inflates past its declared size) ends the line with `lineWasTooLong` set, not with memory
/// exhausted.
final class ByteStreamReader {
    private let descriptor: Int32
    /// The longest line `readLine` buffers.
    let lineLimit: Int
    private var buffer: [UInt8]
    private var head = 0
    private var tail = 0
    private var atEnd = false
    /// Bytes consumed so far.
    private(set) var offset = 0
    /// False when the last `readLine` hit the end of the stream (or `lineLimit`) before its delimiter.
    private(set) var lastLineWasComplete = true
    /// True when the last `readLine` stopped at `lineLimit`; the stream is then not at a line start.
    private(set) var lineWasTooLong = false
    /// The error (`errno`) that ended the stream early, if a read failed rather than reached the end.
    private(set) var failure: Int32?

    init(fileDescriptor: Int32, bufferSize: Int = 1 << 16, lineLimit: Int = 1 << 20) {
        descriptor = fileDescriptor
        self.lineLimit = lineLimit
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// The next line without its delimiter; nil at the end of the stream, or when the line is longer
    /// than `lineLimit` (then `lineWasTooLong`). A last line without a delimiter is returned as is.
    func readLine(delimiter: UInt8 = UInt8(ascii: "\n")) -> [UInt8]? {
        var line: [UInt8] = []
        lastLineWasComplete = true
        lineWasTooLong = false
        while true {
            if line.count > lineLimit {
                lastLineWasComplete = false
                lineWasTooLong = true
                return nil
            }
            if head == tail && !refill() {
                lastLineWasComplete = line.isEmpty
                return line.isEmpty ? nil : line
            }
            if let index = buffer[head..<tail].firstIndex(of: delimiter) {
                line += buffer[head..<index]
                offset += index + 1 - head
                head = index + 1
                return line
            }
            line += buffer[head..<tail]
            offset += tail - head
            head = tail
        }
    }

    /// Exactly `count` bytes, or nil if the stream ends first or `count` is negative (what was read
    /// is lost). What the buffer does not hold is read straight into the result: a blob is copied
    /// once, not twice. Callers bound `count` before asking: it is allocated up front.
    func read(exactly count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        var complete = true
        let result = [UInt8](unsafeUninitializedCapacity: count) { destination, initialized in
            guard let base = destination.baseAddress else { return }
            let buffered = min(count, tail - head)
            buffer.withUnsafeBytes { source in
                UnsafeMutableRawPointer(base).copyMemory(from: source.baseAddress! + head, byteCount: buffered)
            }
            head += buffered
            offset += buffered
            initialized = buffered
            while initialized < count {
                if count - initialized < buffer.count {
                    // A short rest goes through the buffer, so the next header arrives with it.
                    guard refill() else { break }
                    let take = min(count - initialized, tail - head)
                    buffer.withUnsafeBytes { source in
                        UnsafeMutableRawPointer(base + initialized).copyMemory(from: source.baseAddress! + head, byteCount: take)
                    }
                    head += take
                    offset += take
                    initialized += take
                    continue
                }
                let read = SystemCall.read(descriptor, base + initialized, count - initialized)
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else {
                    if read < 0 { failure = errno }
                    atEnd = true
                    break
                }
                offset += read
                initialized += read
            }
            complete = initialized == count
        }
        return complete ? result : nil
    }

    /// Discards `count` bytes; false if the stream ends first or `count` is negative.
    func skip(_ count: Int) -> Bool {
        guard count >= 0 else { return false }
        var remaining = count
        while remaining > 0 {
            if head == tail && !refill() { return false }
            let take = min(remaining, tail - head)
            head += take
            offset += take
            remaining -= take
        }
        return true
    }

    /// Everything left in the stream (git's own output, whose size git bounds).
    func readToEnd() -> [UInt8] { readToEnd(limit: .max) ?? [] }

    /// Everything left in the stream, up to `limit` bytes; nil, with the stream left unread, as
    /// soon as there is more than that: an endless stream stops at the limit.
    func readToEnd(limit: Int) -> [UInt8]? {
        var result: [UInt8] = []
        while head < tail || refill() {
            guard result.count <= limit - (tail - head) else { return nil }
            result += buffer[head..<tail]
            offset += tail - head
            head = tail
        }
        return result
    }

    private func refill() -> Bool {
        guard !atEnd else { return false }
        head = 0
        tail = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { SystemCall.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                tail = count
                return true
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { failure = errno }
            atEnd = true
            return false
        }
    }
}
