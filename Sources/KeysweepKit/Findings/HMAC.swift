/// HMAC-SHA-256 (RFC 2104) over the own `SHA256`, for keyed fingerprints.
///
/// Keyed so that a report or a baseline alone cannot confirm a guessed secret: an unkeyed hash of
/// an 8-character password falls to a GPU in minutes when the prefix and length are known. Test
/// vectors from RFC 4231 guard it.
enum HMAC {
    static let blockSize = 64

    static func sha256<Key: Collection<UInt8>, Message: Collection<UInt8>>(key: Key, message: Message) -> [UInt8] {
        var block = key.count > blockSize ? SHA256.hash(key) : Array(key)
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.hash(block.map { $0 ^ 0x36 } + Array(message))
        return SHA256.hash(block.map { $0 ^ 0x5c } + inner)
    }
}
