#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading of a byte stream (a pipe from git, a dump file, standard input) by lines and by
/// exact counts, keeping the offset so that a parse error can say where the stream broke.
final class ByteStreamReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var head = 0
    private var tail = 0
    private var atEnd = false
    /// Bytes consumed so far.
    private(set) var offset = 0
    /// False when the last `readLine` hit the end of the stream before its delimiter.
    private(set) var lastLineWasComplete = true

    init(fileDescriptor: Int32, bufferSize: Int = 1 << 16) {
        descriptor = fileDescriptor
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// The next line without its delimiter; nil at the end of the stream. A last line without a
    /// delimiter is returned as is.
    func readLine(delimiter: UInt8 = UInt8(ascii: "\n")) -> [UInt8]? {
        var line: [UInt8] = []
        lastLineWasComplete = true
        while true {
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

    /// Exactly `count` bytes, or nil if the stream ends first (what was read is lost). What the
    /// buffer does not hold is read straight into the result: a blob is copied once, not twice.
    func read(exactly count: Int) -> [UInt8]? {
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

    /// Discards `count` bytes; false if the stream ends first.
    func skip(_ count: Int) -> Bool {
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

    /// Everything left in the stream.
    func readToEnd() -> [UInt8] {
        var result: [UInt8] = []
        while head < tail || refill() {
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
            atEnd = true
            return false
        }
    }
}
