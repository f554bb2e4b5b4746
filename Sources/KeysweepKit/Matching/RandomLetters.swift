/// `SSVmFDNCFfOHKXQAEckx`, `wjXKCFzOWEPRqhTmmbWtVQ`: letters drawn at random, which a value
/// without digits is, one time in thirty at 20 characters of base62, rather than the name it is
/// otherwise taken for (`getUserName`, `XMLHTTPRequest`).
///
/// Names are words: a vowel in every three letters or so, and case changes only where a word
/// starts (`XMLHTTPRequest`: 2 in 13). Random letters hold a vowel in five (10 of 52) and change
/// case every second letter; held to a quarter of each, three draws in four pass.
enum RandomLetters {
    /// Whether `value` (16 letters or more, both cases, nothing else) reads as drawn at random.
    static func holds(_ value: [UInt8]) -> Bool {
        guard value.count >= 16, value.allSatisfy(isLetter), mixesCasesWithFewVowels(value) else { return false }
        let caseChanges = zip(value, value.dropFirst()).filter { ValueShape.isLowercase($0) != ValueShape.isLowercase($1) }.count
        return caseChanges * 4 >= value.count - 1
    }

    /// Whether `letters` hold both cases and fewer vowels than one in four.
    private static func mixesCasesWithFewVowels(_ letters: [UInt8]) -> Bool {
        let lower = letters.filter(ValueShape.isLowercase).count
        let vowels = letters.filter { "aeiouAEIOU".utf8.contains($0) }.count
        return lower > 0 && lower < letters.count && vowels * 4 < letters.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool { ValueShape.isLowercase(byte) || ValueShape.isUppercase(byte) }

    /// `SX3yqnrknORAZ1QQWB21Nk7IINoYkSGO7fG8LNnCt1pc/FJDLQey9Cz/wVe7DTRo`: base64 drawn at random
    /// with two `/` or more and no `+` or `=`, which reads as a path of three names otherwise (one
    /// 64-character key in ten). Held to 24 bytes or more, letters of both cases and a digit, the
    /// same vowels as above, and the case changing between a third of adjacent letters at least;
    /// paths' names (`Documents/MyProject2024/SourceCode`) change it at word starts only.
    static func holdsWithDigits(_ value: [UInt8]) -> Bool {
        guard value.count >= 24, value.contains(where: ValueShape.isDigit), mixesCasesWithFewVowels(value.filter(isLetter)) else {
            return false
        }
        let adjacent = zip(value, value.dropFirst()).filter { isLetter($0.0) && isLetter($0.1) }
        let caseChanges = adjacent.filter { ValueShape.isLowercase($0.0) != ValueShape.isLowercase($0.1) }.count
        return caseChanges * 3 >= adjacent.count
    }
}
