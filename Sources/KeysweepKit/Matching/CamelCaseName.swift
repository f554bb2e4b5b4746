/// `OAuth2Application`, `V2SocketServerMode`, `usersOauth2WordpressAppid`: a name written in camel
/// case around one number (a version, a bit length). Every letter is in a word (three letters or
/// more with a vowel, a capital only at its start) or an acronym of up to four capitals; two words
/// at least, one of five letters or more; one number of up to three digits, after a word (at the
/// end, three digits only if they are a size). Values without a digit are judged as identifiers
/// already (`RandomLetters` tells the random ones).
/// A quoted string that reads so names a type, an operation or an option; a token drawn at random
/// leaves runs of letters no word holds (`tbsmDOpsHwdgIqYl2Nlt`: `Iq`, `Hwdg`) and more numbers
/// (0.15% of random 16-character base62 values read as such a name, 0.04% of 20-character ones).
enum CamelCaseName {
    static func holds(_ value: [UInt8]) -> Bool {
        var index = 0, words = 0, longestWord = 0, numbers = 0
        while index < value.count {
            if ValueShape.isDigit(value[index]) {
                let end = value[index...].firstIndex { !ValueShape.isDigit($0) } ?? value.count
                guard index > 0, end - index <= 3 else { return false }
                // `TorysTotallyTubular456`: three digits that end it and are no size are a
                // passphrase's number (`HmacSha256`, `ParseX509` end in a size or a standard's).
                if end == value.count, end - index == 3, !endingNumbers.contains(Array(value[index..<end])) { return false }
                numbers += 1
                index = end
                continue
            }
            let capitalsEnd = value[index...].firstIndex { !ValueShape.isUppercase($0) } ?? value.count
            let lowercaseEnd = value[capitalsEnd...].firstIndex { !ValueShape.isLowercase($0) } ?? value.count
            let capitals = capitalsEnd - index, lowercase = lowercaseEnd - capitalsEnd
            guard capitals + lowercase > 0 else { return false }  // neither a letter nor a digit
            if lowercase == 0 {
                guard capitals <= 4 else { return false }
            } else {
                // The last capital starts the word; any before it are an acronym (`OAuth`).
                let length = lowercase + (capitals > 0 ? 1 : 0)
                guard capitals <= 5, length >= 3,
                      value[capitalsEnd..<lowercaseEnd].contains(where: { vowels.contains($0) }) else { return false }
                words += 1
                longestWord = max(longestWord, length)
            }
            index = lowercaseEnd
        }
        return words >= 2 && longestWord >= 5 && numbers == 1
    }

    private static let vowels = Set("aeiouy".utf8)

    /// Three-digit numbers that end names: bit lengths, and X.509's.
    private static let endingNumbers: Set<[UInt8]> = Set(["128", "160", "192", "224", "256", "384", "512", "509"]
        .map { Array($0.utf8) })
}
