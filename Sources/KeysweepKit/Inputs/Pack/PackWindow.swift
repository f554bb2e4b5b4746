/// A reused buffer holding a stretch of one pack, refilled as a reader moves through it.
///
/// Reading in pack order, one refill of `capacity` bytes serves many objects; an object larger
/// than that grows the buffer (kept for the next one) and is read alone.
final class PackWindow {
    private var buffer: UnsafeMutableRawBufferPointer
    /// How much a refill reads ahead, however large the buffer grew for one object.
    private let capacity: Int
    /// The pack the bytes are from, held (a weak reference cost an atomic load on every read).
    private var pack: PackFile?
    private var start: UInt64 = 0
    private var filled = 0

    init(capacity: Int) {
        buffer = .allocate(byteCount: capacity, alignment: 16)
        self.capacity = capacity
    }

    deinit { buffer.deallocate() }

    /// The bytes `offset..<offset + count` of `pack`, valid until the next call; nil if the pack
    /// cannot be read that far.
    func bytes(of pack: PackFile, at offset: UInt64, count: Int) -> UnsafeRawBufferPointer? {
        if self.pack !== pack || offset < start || offset + UInt64(count) > start + UInt64(filled) {
            if count > buffer.count {
                buffer.deallocate()
                buffer = .allocate(byteCount: count, alignment: 16)
            }
            let available = pack.objectsEnd + UInt64(PackIndex.idLength) - offset
            let size = Int(min(UInt64(max(count, capacity)), available))
            guard size >= count, pack.read(into: buffer, count: size, at: offset) else {
                self.pack = nil
                return nil
            }
            self.pack = pack
            start = offset
            filled = size
        }
        let from = Int(offset - start)
        return UnsafeRawBufferPointer(rebasing: buffer[from..<(from + count)])
    }
}
