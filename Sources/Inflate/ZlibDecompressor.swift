import CLibdeflate

/// Inflates zlib streams whose inflated size is known in advance, as git's pack objects are,
/// with libdeflate: a whole-buffer decompressor about twice as fast as zlib's streaming one.
///
/// Not thread-safe: each thread owns one, as each owns its PCRE2 match data.
public final class ZlibDecompressor {
    private let decompressor: OpaquePointer

    public init() {
        // It allocates a fixed 10 KiB or so; failing that, nothing else would run either.
        guard let decompressor = libdeflate_alloc_decompressor() else { fatalError("libdeflate: out of memory") }
        self.decompressor = decompressor
    }

    deinit { libdeflate_free_decompressor(decompressor) }

    /// Inflates the zlib stream at the start of `input` into exactly `output.count` bytes.
    /// Returns how many bytes of `input` the stream took, or nil if the stream is damaged or does
    /// not inflate to exactly that size. Bytes after the stream are ignored.
    public func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        var consumed = 0
        var produced = 0
        var empty: UInt8 = 0
        let result = withUnsafeMutablePointer(to: &empty) { placeholder in
            libdeflate_zlib_decompress_ex(decompressor, input.baseAddress ?? UnsafeRawPointer(placeholder), input.count,
                                          output.baseAddress ?? UnsafeMutableRawPointer(placeholder), output.count,
                                          &consumed, &produced)
        }
        guard result == LIBDEFLATE_SUCCESS, produced == output.count else { return nil }
        return consumed
    }

    /// What inflating into a buffer of bounded size gave.
    public enum BoundedOutcome: Equatable {
        /// The whole stream, this many bytes.
        case inflated(Int)
        /// More than the buffer holds: nothing beyond it was written or allocated.
        case tooLarge
        case damaged
    }

    /// Inflates the zlib stream at the start of `input` into at most `output.count` bytes, for a
    /// stream whose size is not known beforehand: a bomb stops at the buffer it was given.
    public func inflate(_ input: UnsafeRawBufferPointer, upTo output: UnsafeMutableRawBufferPointer) -> BoundedOutcome {
        var produced = 0
        var empty: UInt8 = 0
        let result = withUnsafeMutablePointer(to: &empty) { placeholder in
            libdeflate_zlib_decompress_ex(decompressor, input.baseAddress ?? UnsafeRawPointer(placeholder), input.count,
                                          output.baseAddress ?? UnsafeMutableRawPointer(placeholder), output.count,
                                          nil, &produced)
        }
        switch result {
        case LIBDEFLATE_SUCCESS: return .inflated(produced)
        case LIBDEFLATE_INSUFFICIENT_SPACE: return .tooLarge
        default: return .damaged
        }
    }
}

/// CRC-32 (the zlib polynomial, as git's pack indexes record it) of `bytes`, by libdeflate, which
/// uses carry-less multiplication where the CPU has it.
public func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress else { return 0 }
    return libdeflate_crc32(0, base, bytes.count)
}
