/// Length-prefixed fields of the SSH wire format (RFC 4251 §5).
struct SSHWireReader {
    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    mutating func uint32() -> Int? {
        guard bytes.count >= 4 else { return nil }
        let value = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        bytes = bytes.dropFirst(4)
        return value
    }

    mutating func string() -> ArraySlice<UInt8>? {
        guard let length = uint32(), bytes.count >= length else { return nil }
        let value = bytes.prefix(length)
        bytes = bytes.dropFirst(length)
        return value
    }
}
