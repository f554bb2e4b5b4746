import Foundation
import PCRE2

/// A path glob as in `.gitignore` and gitleaks' `--exclude`: `*` and `?` stay within one path
/// segment, `**` spans segments, `[abc]` is a class. A glob without `/` matches a file or folder
/// name at any depth; a glob with `/` matches the path from the scan root.
public struct Glob: Sendable {
    public let text: String
    private let pattern: Pattern
    private let matchesNameOnly: Bool

    public init(_ text: String) throws(GlobError) {
        self.text = text
        var body = text
        if body.hasPrefix("/") { body.removeFirst() }
        if body.hasSuffix("/") { body.removeLast() }
        matchesNameOnly = !body.contains("/")
        do {
            pattern = try Pattern("^" + Glob.translate(body) + "$")
        } catch {
            throw GlobError(glob: text, reason: "\(error)")
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

    static func translate(_ glob: String) -> String {
        var regex = ""
        let characters = Array(glob)
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
                    regex += "\\["
                    break
                }
                var set = String(characters[(index + 1)..<close])
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

