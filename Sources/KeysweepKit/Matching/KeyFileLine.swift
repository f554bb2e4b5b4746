/// A file that holds one key and nothing else but a line end: Rails' `config/master.key` (32 hex
/// digits), Jenkins' `secrets/master.key` (256).
enum KeyFileLine {
    /// The key in `bytes` when they are `length` bytes that `isKey` accepts, then nothing, `\n` or
    /// `\r\n`.
    static func key(in bytes: UnsafeRawBufferPointer, length: Int, isKey: ([UInt8]) -> Bool) -> [UInt8]? {
        guard (length...length + 2).contains(bytes.count) else { return nil }
        let key = Array(bytes.prefix(length))
        guard isKey(key) else { return nil }
        let rest = Array(bytes.dropFirst(length))
        return rest.isEmpty || rest == [0x0A] || rest == [0x0D, 0x0A] ? key : nil
    }
}
