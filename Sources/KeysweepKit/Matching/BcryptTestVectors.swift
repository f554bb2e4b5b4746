/// The bcrypt hashes of crypt_blowfish's test vectors (Openwall's `wrapper.c`, copied with the
/// library into PHP, libxcrypt, ZoneMinder's `dep/libbcrypt` and hash tools' docs): salts that no
/// generator draws, one character written over and over (`CCCCCCCCCCCCCCCCCCCCC.`, the last
/// character of a salt holds two bits only), the alphabet in order (`abcdefghijklmnopqrstuu`), or
/// one of the two fixed salts of its table.
enum BcryptTestVectors {
    /// `$2a$05$` (a variant and a two-digit cost), a 22-byte salt and a 31-byte hash.
    private static let length = 60
    private static let saltRange = 7..<29

    private static let tableSalts: Set<[UInt8]> = Set(["/OK.fbVrR/bpIqNJ5ianF.", "6bNw2HLQYeqHYyBfLMsv/O"].map { Array($0.utf8) })

    static func holds(_ secret: [UInt8]) -> Bool {
        guard secret.count == length, secret.starts(with: Array("$2".utf8)), secret[3] == UInt8(ascii: "$"),
              secret[6] == UInt8(ascii: "$") else { return false }
        let salt = secret[saltRange]
        let leading = salt.dropLast()
        if let first = leading.first, leading.allSatisfy({ $0 == first }) { return true }
        if zip(leading, leading.dropFirst()).allSatisfy({ $0 &+ 1 == $1 }) { return true }
        return tableSalts.contains(Array(salt))
    }
}
