import Foundation
import PCRE2

/// A path glob as in `.gitignore` and gitleaks' `--exclude`: `*` and `?` stay within one path
/// segment, `**` spans segments, `[abc]` is a class. A glob without `/` matches a file or folder
/// name at any depth; a glob with `/` matches the path from the scan root.
///
/// A glob that cannot mean what it says (an unclosed `[`, an empty or reversed class) is an
/// error, not a literal: read as a literal, `--include '['` would silently select nothing.
public struct Glob: Sendable {
    public let text: String
    private let pattern: Pattern
    private let matchesNameOnly: Bool

    public init(_ text: String) throws(GlobError) {
        self.text = text
        if text.isEmpty { throw GlobError(glob: text, reason: "it is empty") }
        var body = text
        if body.hasPrefix("/") { body.removeFirst() }
        if body.hasSuffix("/") { body.removeLast() }
        matchesNameOnly = !body.contains("/")
        let regex = try Glob.translate(body, glob: text)
        do {
            pattern = try Pattern("^" + regex + "$")
        } catch {
            throw GlobError(glob: text, reason: "its character class is not valid (\(error.message))")
        }
    }

    /// Whether `relativePath` (from the scan root, `/`-separated) matches.
    public func matches(_ relativePath: String, scratch: MatchScratch) -> Bool {
        var subject = Substring(relativePath)
        if matchesNameOnly, let slash = relativePath.lastIndex(of: "/") {
            subject = relativePath[relativePath.index(after: slash)...]
        }
        return subject.utf8.withContiguousStorageIfAvailable { buffer in
            if case .match = pattern.firstMatch(in: UnsafeRawBufferPointer(buffer), from: 0, scratch: scratch) { return true }
            return false
        } ?? false
    }

    /// The regular expression for `body` (the glob without its leading or trailing `/`); errors name `glob`.
    static func translate(_ body: String, glob: String) throws(GlobError) -> String {
        var regex = ""
        let characters = Array(body)
        var index = 0
        func next(_ offset: Int) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*" where next(1) == "*":
                if next(2) == "/" {
                    regex += "(?:.*/)?"
                    index += 3
                } else {
                    regex += ".*"
                    index += 2
                }
                continue
            case "*": regex += "[^/]*"
            case "?": regex += "[^/]"
            case "[":
                guard let close = characters[(index + 1)...].firstIndex(of: "]") else {
                    throw GlobError(glob: glob, reason: "'[' opens a character class that is never closed with ']' (write '[[]' for a literal '[')")
                }
                var set = String(characters[(index + 1)..<close])
                if set.isEmpty || set == "!" {
                    throw GlobError(glob: glob, reason: "the character class '[\(set)]' is empty")
                }
                if set.hasPrefix("!") { set = "^" + set.dropFirst() }
                regex += "[" + set.replacingBackslashes() + "]"
                index = close
            default:
                regex += character.isLetter || character.isNumber ? String(character) : "\\" + String(character)
            }
            index += 1
        }
        return regex
    }
}

/// A glob that cannot be compiled.
public struct GlobError: Error, Sendable, CustomStringConvertible {
    public let glob: String
    public let reason: String
    public var description: String { "invalid glob '\(glob)': \(reason)" }
}

private extension String {
    func replacingBackslashes() -> String { replacingOccurrences(of: "\\", with: "\\\\") }
}

