/// The header in front of each object in a pack: its type and size, and for a delta, its base.
struct PackEntryHeader {
    /// Git's object types, as packs number them.
    enum ObjectType: UInt8 {
        case commit = 1, tree = 2, blob = 3, tag = 4
    }

    enum Kind {
        /// A whole object of `type`, `size` bytes once inflated.
        case whole(ObjectType)
        /// A delta against the object at this pack offset.
        case offsetDelta(baseOffset: UInt64)
        /// A delta against the object with this id (20 raw bytes).
        case referenceDelta(baseID: [UInt8])
    }

    let kind: Kind
    /// The inflated size: of the object, or for a delta, of the delta instructions.
    let size: Int
    /// Bytes of header; the zlib stream follows.
    let length: Int

    /// The longest header: type and a 64-bit size, then a 20-byte base id.
    static let maximumLength = 10 + PackIndex.idLength

    /// Parses the header at the start of `bytes`, the object at pack offset `offset`; nil if it
    /// is not one (a damaged pack).
    init?(_ bytes: UnsafeRawBufferPointer, offset: UInt64) {
        var index = 0
        func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }
        guard var byte = next() else { return nil }
        let typeNumber = (byte >> 4) & 7
        var size = Int(byte & 0x0F)
        var shift = 4
        while byte & 0x80 != 0 {
            // At most 60 bits: a size never comes out negative.
            guard let more = next(), shift <= 53 else { return nil }
            byte = more
            size |= Int(byte & 0x7F) << shift
            shift += 7
        }
        switch typeNumber {
        case 6:
            // The distance back to the base, big-endian base-128 with an offset per extra byte.
            guard var byte = next() else { return nil }
            var distance = UInt64(byte & 0x7F)
            while byte & 0x80 != 0 {
                guard let more = next(), distance < 1 << 56 else { return nil }
                byte = more
                distance = ((distance + 1) << 7) | UInt64(byte & 0x7F)
            }
            guard distance > 0, distance <= offset else { return nil }
            kind = .offsetDelta(baseOffset: offset - distance)
        case 7:
            guard index + PackIndex.idLength <= bytes.count else { return nil }
            kind = .referenceDelta(baseID: Array(bytes[index..<(index + PackIndex.idLength)]))
            index += PackIndex.idLength
        default:
            guard let type = ObjectType(rawValue: typeNumber) else { return nil }
            kind = .whole(type)
        }
        self.size = size
        length = index
    }
}
