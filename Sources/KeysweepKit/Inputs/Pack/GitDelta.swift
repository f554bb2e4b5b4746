/// Git's delta format, as packs store an object against a base: the two sizes, then
/// instructions that copy a range of the base or insert literal bytes.
enum GitDelta {
    /// The target's size, read from the delta's header; nil if the header is damaged.
    static func targetSize(_ delta: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        guard readSize(delta, &index) != nil else { return nil }
        return readSize(delta, &index)
    }

    /// Applies `delta` to `base`; nil if the delta is damaged or was made for another base.
    static func apply(_ delta: UnsafeRawBufferPointer, to base: UnsafeRawBufferPointer) -> [UInt8]? {
        var unrecorded: [DeltaCopy]?
        return apply(delta, to: base, copies: &unrecorded)
    }

    /// Applies `delta` to `base`, and when `copies` is not nil appends to it the runs of the target
    /// copied from the base, in target order (the bytes between them the delta inserts itself).
    static func apply(_ delta: UnsafeRawBufferPointer, to base: UnsafeRawBufferPointer, copies: inout [DeltaCopy]?) -> [UInt8]? {
        var index = 0
        // One instruction byte yields at most 4 MiB (a 4-byte copy of up to 16 MiB): a damaged
        // size cannot make us allocate more than the delta could ever fill.
        guard let baseSize = readSize(delta, &index), baseSize == base.count,
              let targetSize = readSize(delta, &index), targetSize <= (delta.count - index) << 22 else { return nil }
        var damaged = false
        let target = [UInt8](unsafeUninitializedCapacity: targetSize) { output, written in
            while index < delta.count {
                switch instruction(delta, &index) {
                case .copy(let offset, let size):
                    guard offset + size <= base.count, written + size <= targetSize else { damaged = true; return }
                    UnsafeMutableRawPointer(output.baseAddress! + written)
                        .copyMemory(from: base.baseAddress! + offset, byteCount: size)
                    copies?.append(DeltaCopy(target: written, base: offset, count: size))
                    written += size
                case .insert(let size):
                    guard index + size <= delta.count, written + size <= targetSize else { damaged = true; return }
                    UnsafeMutableRawPointer(output.baseAddress! + written)
                        .copyMemory(from: delta.baseAddress! + index, byteCount: size)
                    written += size
                    index += size
                case nil:
                    damaged = true
                    return
                }
            }
            if written != targetSize { damaged = true }
        }
        return damaged ? nil : target
    }

    private enum Instruction {
        case copy(offset: Int, size: Int)
        /// `size` literal bytes follow in the delta.
        case insert(size: Int)
    }

    /// The instruction at `index`, which is moved past it (not past an insert's bytes); nil if it
    /// is cut short or is the reserved instruction 0.
    private static func instruction(_ delta: UnsafeRawBufferPointer, _ index: inout Int) -> Instruction? {
        let instruction = delta[index]
        index += 1
        guard instruction & 0x80 != 0 else { return instruction == 0 ? nil : .insert(size: Int(instruction)) }
        // Copy: bits 0-3 say which offset bytes follow, bits 4-6 which size bytes.
        var offset = 0
        var size = 0
        for bit in 0..<7 where instruction & (1 << bit) != 0 {
            guard index < delta.count else { return nil }
            let value = Int(delta[index])
            index += 1
            if bit < 4 { offset |= value << (8 * bit) } else { size |= value << (8 * (bit - 4)) }
        }
        return .copy(offset: offset, size: size == 0 ? 0x10000 : size)
    }

    /// A size: little-endian base-128.
    private static func readSize(_ delta: UnsafeRawBufferPointer, _ index: inout Int) -> Int? {
        var size = 0
        var shift = 0
        while index < delta.count, shift <= 49 {
            let byte = delta[index]
            index += 1
            size |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return size }
            shift += 7
        }
        return nil
    }
}

/// `count` bytes of a delta's target, at `target`, copied from its base at `base`.
struct DeltaCopy: Equatable {
    let target: Int
    let base: Int
    let count: Int
}
