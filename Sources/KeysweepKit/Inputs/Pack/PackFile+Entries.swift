import Inflate

/// Reading one stored object of a pack: its header, its delta base, its inflated bytes, by pack
/// position (the reader that streams blobs in pack order). The header is read the same way by
/// offset (`StoreObjectReader`, which reads objects by id).
extension PackFile {
    func header(at position: Int, window: PackWindow) throws(KeysweepError) -> PackEntryHeader {
        guard let header = header(atOffset: index.offset(at: position), end: end(of: position), window: window) else {
            throw damage(at: position, "its header cannot be read")
        }
        return header
    }

    /// The header of the object at `offset`, read no further than `end`; nil if it is not one.
    func header(atOffset offset: UInt64, end: UInt64, window: PackWindow) -> PackEntryHeader? {
        let length = Int(min(UInt64(PackEntryHeader.maximumLength), end - offset))
        guard let bytes = window.bytes(of: self, at: offset, count: length) else { return nil }
        return PackEntryHeader(bytes, offset: offset)
    }

    /// The pack position of the base of the delta at `position` (itself for a whole object).
    func basePosition(of header: PackEntryHeader, at position: Int) throws(KeysweepError) -> Int {
        let base: Int?
        switch header.kind {
        case .whole: base = position
        case .offsetDelta(let offset): base = index.position(atOffset: offset)
        case .referenceDelta(let id): base = index.position(of: id)
        }
        guard let base, base != position else { throw damage(at: position, "its delta base is not in the pack") }
        return base
    }

    /// Inflates the zlib stream after `header` into exactly `size` bytes, once the stored bytes
    /// (header and stream) have the CRC-32 the index records for them.
    func inflate(at position: Int, _ header: PackEntryHeader, window: PackWindow, size: Int,
                 with decompressor: ZlibDecompressor) throws(KeysweepError) -> [UInt8] {
        let offset = index.offset(at: position)
        let entry = Int(end(of: position) - offset)
        let stored = entry - header.length
        guard stored > 0, let bytes = window.bytes(of: self, at: offset, count: entry) else {
            throw damage(at: position, "it is cut short")
        }
        guard crc32(bytes) == index.crc(at: position) else {
            throw damage(at: position, "its stored bytes do not match the CRC-32 its index records")
        }
        let input = UnsafeRawBufferPointer(rebasing: bytes[header.length...])
        // Deflate expands at most 1032 to 1: a damaged size must not make us allocate more.
        guard size <= stored * 1032 + 64 else { throw damage(at: position, "its size \(size) is more than its bytes hold") }
        var inflated: Int?
        let content = [UInt8](unsafeUninitializedCapacity: size) { output, initialized in
            inflated = decompressor.inflate(input, into: UnsafeMutableRawBufferPointer(output))
            initialized = inflated == nil ? 0 : size
        }
        guard inflated != nil else { throw damage(at: position, "it does not inflate to its \(size) bytes") }
        return content
    }

    func damage(at position: Int, _ reason: String) -> KeysweepError {
        KeysweepError("damaged pack '\(path)': the object at offset \(index.offset(at: position)) (\(index.id(at: position))): \(reason)")
    }
}
