import PCRE2

/// A `CODEOWNERS` file, GitHub or GitLab syntax: who owns a path.
///
/// GitHub: the last matching pattern wins. GitLab adds `[Section]` headers (optionally `^[Optional]`,
/// `[Section][2]`, and default owners after the header): within each section the last match wins,
/// and the owners of every section that matches are combined, in file order.
public struct CodeOwners: Sendable {
    struct Entry: Sendable {
        let glob: Glob
        /// `docs/*`: direct children only; other patterns also own everything below a matching folder.
        let directChildrenOnly: Bool
        let owners: [String]
        let section: Int
    }

    /// Where GitHub and GitLab look for the file, in their order of precedence.
    public static let locations = ["CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS"]

    let entries: [Entry]
    /// Which of `locations` it came from, for messages.
    public let source: String
    /// Lines that could not be used (a pattern that is no valid glob), with their line numbers.
    public let problems: [String]

    /// Parses the file; lines that do not parse (a bad glob) are skipped and named in `problems`.
    public init(text: String, source: String) {
        var entries: [Entry] = []
        var section = 0
        var sectionOwners: [String] = []
        var problems: [String] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: [" ", "\t", "\r"])
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let hash = line.range(of: " #") { line = String(line[..<hash.lowerBound]) }
            if line.hasPrefix("[") || line.hasPrefix("^[") {
                section += 1
                let afterHeader = line.lastIndex(of: "]").map { line[line.index(after: $0)...] } ?? ""
                sectionOwners = afterHeader.split(whereSeparator: \.isWhitespace).map(String.init)
                continue
            }
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard var pattern = words.first else { continue }
            let owners = words.count > 1 ? Array(words.dropFirst()) : sectionOwners
            let directChildrenOnly = pattern.hasSuffix("/*")
            if pattern.hasPrefix("\\#") { pattern.removeFirst() }
            do {
                entries.append(Entry(glob: try Glob(pattern), directChildrenOnly: directChildrenOnly, owners: owners, section: section))
            } catch {
                problems.append("line \(number + 1): \(error)")
            }
        }
        self.entries = entries
        self.source = source
        self.problems = problems
    }

    /// The owners of `path` (relative to the repository root), in file order; empty when no
    /// pattern matches or the matching pattern lists no owner (an explicit "no owner").
    public func owners(of path: String, scratch: MatchScratch) -> [String] {
        var lastMatch: [Int: Entry] = [:]
        for entry in entries where matches(entry, path, scratch: scratch) {
            lastMatch[entry.section] = entry
        }
        var owners: [String] = []
        for section in lastMatch.keys.sorted() {
            for owner in lastMatch[section]!.owners where !owners.contains(owner) { owners.append(owner) }
        }
        return owners
    }

    private func matches(_ entry: Entry, _ path: String, scratch: MatchScratch) -> Bool {
        if entry.glob.matches(path, scratch: scratch) && !entry.glob.text.hasSuffix("/") { return true }
        if entry.directChildrenOnly { return false }
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if entry.glob.matches(String(folder), scratch: scratch) { return true }
        }
        return false
    }
}
