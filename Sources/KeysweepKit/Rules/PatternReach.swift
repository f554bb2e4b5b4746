/// Whether a rule's matches can be looked for only near its keywords, and how near.
///
/// A rule's keywords select the blobs its pattern runs on, but the pattern then runs over the
/// whole blob. When every match of the pattern holds one of the keywords (compared as the
/// prefilter compares them, ASCII case folded), ending at most `reach` bytes after the match
/// starts, a match must start within `reach` bytes before the end of a keyword occurrence. The
/// matcher then tries only those start positions (PCRE2's offset limit), on the whole blob, so
/// lookarounds, anchors and the order matches are found in are those of a full scan: the matches
/// are the same. What follows the keyword may be of any length.
///
/// The analysis reads the pattern syntax the rules use (byte mode: one character, one byte) and
/// gives up, returning nil, on anything it does not model (recursion, conditionals, `\K`, verbs,
/// `(?x)`, `\Q…\E`) or when a keyword is optional or may come after an unbounded part. Nil only
/// costs speed: the rule runs over the whole blob.
///
/// It also notes whether a match can hold a line break. When none can, a match starts on the
/// line of the keyword it holds: a connection string's 631-byte reach before `password` shrinks
/// to the start of that line.
enum PatternReach {
    /// The reach of `pattern` if every match holds one of `keywords` within it; else nil.
    static func of(pattern: String, keywords: [String]) -> MatchReach? {
        let folded = keywords.map { Array($0.utf8).map(KeywordPrefilter.fold) }.filter { !$0.isEmpty }
        guard !folded.isEmpty else { return nil }
        var parser = Parser(pattern: Array(pattern.utf8), keywords: folded)
        guard let shape = parser.parseAlternation(), parser.atEnd, let bytes = shape.keywordReach else { return nil }
        return MatchReach(bytes: bytes, withinLine: !shape.spansLines)
    }

    /// What the analysis knows of a piece of pattern.
    struct Shape {
        /// When every match of the piece holds a keyword: a bound on where the first such keyword
        /// ends, counted from the start of the piece's match. Nil when a match may hold none.
        var keywordReach: Int?
        /// Every string the piece can match (ASCII folded), when there are few; nil when unknown
        /// or too many to list.
        var strings: Set<[UInt8]>?
        /// The longest match, in bytes; nil when unbounded.
        var longest: Int?
        /// Whether a match may hold a line feed (true when not known).
        var spansLines = false

        static let empty = Shape(keywordReach: nil, strings: [[]], longest: 0)

        static func character(_ set: Set<UInt8>) -> Shape {
            let lineFeed = set.contains(10)
            // Folding case at most halves a set: one of more than twice the limit stays over it.
            guard set.count <= 2 * Limits.classStrings else { return Shape(keywordReach: nil, strings: nil, longest: 1, spansLines: lineFeed) }
            let folded = Set(set.map(KeywordPrefilter.fold))
            return Shape(keywordReach: nil, strings: folded.count <= Limits.classStrings ? Set(folded.map { [$0] }) : nil, longest: 1,
                         spansLines: lineFeed)
        }
    }

    enum Limits {
        /// A class of more characters than this is not listed (it cannot spell a keyword usefully).
        static let classStrings = 16
        /// The most strings a listed piece may have.
        static let strings = 256
        /// The longest listed string.
        static let stringLength = 64
    }

    private struct Parser {
        let pattern: [UInt8]
        let keywords: [[UInt8]]
        var index = 0
        /// Longest match of each capture group, by number and by name, for back references.
        var groupLongest: [Int?] = [nil]
        var namedLongest: [String: Int?] = [:]
        var failed = false
        /// Set once `(?s)` is seen anywhere before: from then on `.` is taken to match a line feed
        /// (where the option ends is not tracked; a larger answer is a safe one).
        var dotMatchesLineFeed = false
        /// After a branch reset group `(?|…)` numbers and names may repeat across branches: back
        /// references are then taken as unbounded rather than looked up.
        var sawBranchReset = false

        init(pattern: [UInt8], keywords: [[UInt8]]) {
            self.pattern = pattern
            self.keywords = keywords
        }

        var atEnd: Bool { index >= pattern.count && !failed }

        func peek(_ offset: Int = 0) -> UInt8? {
            index + offset < pattern.count ? pattern[index + offset] : nil
        }

        func containsKeyword(_ string: [UInt8]) -> Bool {
            keywords.contains { keyword in
                keyword.count <= string.count && (0...(string.count - keyword.count)).contains { start in
                    string[start..<(start + keyword.count)].elementsEqual(keyword)
                }
            }
        }

        /// `a|b|…` up to a `)` or the end.
        mutating func parseAlternation() -> Shape? {
            var branches: [Shape] = []
            while true {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
                if peek() == UInt8(ascii: "|") { index += 1 } else { break }
            }
            if branches.count == 1 { return branches[0] }
            var strings: Set<[UInt8]>? = []
            for branch in branches {
                if let listed = branch.strings, let known = strings, known.count + listed.count <= Limits.strings {
                    strings = known.union(listed)
                } else {
                    strings = nil
                }
            }
            let longest = branches.reduce(Optional(0)) { result, branch in
                guard let result, let longest = branch.longest else { return nil }
                return max(result, longest)
            }
            // Each branch must hold a keyword; the reach is the farthest of theirs.
            var reach: Int? = branches.reduce(Optional(0)) { result, branch in
                guard let result, let branchReach = branch.keywordReach else { return nil }
                return max(result, branchReach)
            }
            if reach == nil, let strings, !strings.isEmpty, strings.allSatisfy(containsKeyword), let longest { reach = longest }
            return Shape(keywordReach: reach, strings: strings, longest: longest, spansLines: branches.contains(where: \.spansLines))
        }

        /// Quantified atoms up to a `|`, `)` or the end. A keyword may be spelled across atoms
        /// (`api[_-]?key`), so runs of listed atoms are joined before they are checked.
        mutating func parseSequence() -> Shape? {
            var reach: Int?
            func consider(_ candidate: Int?) {
                if let candidate { reach = min(reach ?? candidate, candidate) }
            }
            // The longest the atoms so far can match: a keyword after them ends at most this far
            // plus its own reach from the start.
            var longest: Int? = 0
            // Consecutive listed atoms, joined, with where they start and how long they can be.
            var run: Set<[UInt8]>? = [[]]
            var runStart: Int? = 0
            var runLongest = 0
            var whole: Set<[UInt8]>? = [[]]
            var spansLines = false
            func closeRun() {
                if let listed = run, !listed.isEmpty, listed.allSatisfy(containsKeyword), let runStart {
                    consider(runStart + runLongest)
                }
                run = [[]]
                runStart = longest
                runLongest = 0
            }
            while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard let pieces = parseQuantifiedAtom() else { return nil }
                for atom in pieces {
                    spansLines = spansLines || atom.spansLines
                    if let before = longest, let atomReach = atom.keywordReach { consider(before + atomReach) }
                    if let listed = atom.strings, let atomLongest = atom.longest {
                        whole = whole.flatMap { Self.join($0, listed) }
                        if let joined = run.flatMap({ Self.join($0, listed) }) {
                            run = joined
                        } else {
                            // Too many to list: check the run so far, and start a new one here.
                            closeRun()
                            run = listed
                        }
                        runLongest += atomLongest
                    } else {
                        closeRun()
                        whole = nil
                    }
                    longest = longest.flatMap { sum in atom.longest.map { sum + $0 } }
                    if atom.strings == nil { runStart = longest }
                }
            }
            closeRun()
            return Shape(keywordReach: reach, strings: whole, longest: longest, spansLines: spansLines)
        }

        static func join(_ left: Set<[UInt8]>, _ right: Set<[UInt8]>) -> Set<[UInt8]>? {
            guard left.count * right.count <= Limits.strings else { return nil }
            var joined: Set<[UInt8]> = []
            for prefix in left {
                for suffix in right {
                    guard prefix.count + suffix.count <= Limits.stringLength else { return nil }
                    joined.insert(prefix + suffix)
                }
            }
            return joined
        }

        /// An atom and its repeat, as one piece or, when the repeat is too long to list but
        /// required, as two: the first occurrence (listed, so that it can complete a keyword begun
        /// before it, as `SK` and `[0-9a-f]` spell `SKa` in `SK[0-9a-f]{32}`) and the rest.
        mutating func parseQuantifiedAtom() -> [Shape]? {
            guard let atom = parseAtom() else { return nil }
            guard let (low, high) = parseQuantifier() else { return failed ? nil : [atom] }
            // A lazy (`?`) or possessive (`+`) repeat matches the same lengths.
            if peek() == UInt8(ascii: "?") || peek() == UInt8(ascii: "+") { index += 1 }
            var strings: Set<[UInt8]>? = nil
            if high == 0 { return [.empty] }
            if let listed = atom.strings, let high, high <= 4 {
                var all: Set<[UInt8]> = low == 0 ? [[]] : []
                var power: Set<[UInt8]>? = [[]]
                for count in 1...max(1, high) {
                    power = power.flatMap { Self.join($0, listed) }
                    guard let current = power else { all = []; break }
                    if count >= low { all.formUnion(current) }
                    if all.count > Limits.strings { break }
                }
                strings = all.isEmpty || all.count > Limits.strings ? nil : all
            }
            let longest: Int? = high.flatMap { high in atom.longest.map { $0 * high } }
            if strings == nil, low >= 1, atom.strings != nil {
                let rest = Shape(keywordReach: low >= 2 ? atom.keywordReach : nil, strings: nil,
                                 longest: high.flatMap { high in atom.longest.map { $0 * (high - 1) } }, spansLines: atom.spansLines)
                return [atom, rest]
            }
            // The first repeat holds a keyword if the atom does.
            return [Shape(keywordReach: low >= 1 ? atom.keywordReach : nil, strings: strings, longest: longest, spansLines: atom.spansLines)]
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` as (low, high or nil for unbounded); nil if none.
        /// `{` that does not start a repeat is a literal, as PCRE2 10.42 reads it.
        mutating func parseQuantifier() -> (Int, Int?)? {
            switch peek() {
            case UInt8(ascii: "*"): index += 1; return (0, nil)
            case UInt8(ascii: "+"): index += 1; return (1, nil)
            case UInt8(ascii: "?"): index += 1; return (0, 1)
            case UInt8(ascii: "{"):
                var cursor = index + 1
                func number() -> Int? {
                    let start = cursor
                    while cursor < pattern.count, pattern[cursor] >= UInt8(ascii: "0"), pattern[cursor] <= UInt8(ascii: "9"), cursor - start < 6 {
                        cursor += 1
                    }
                    return cursor > start ? Int(String(decoding: pattern[start..<cursor], as: UTF8.self)) : nil
                }
                guard let low = number(), cursor < pattern.count else { return nil }
                if pattern[cursor] == UInt8(ascii: "}") {
                    index = cursor + 1
                    return (low, low)
                }
                guard pattern[cursor] == UInt8(ascii: ",") else { return nil }
                cursor += 1
                let high = number()
                guard cursor < pattern.count, pattern[cursor] == UInt8(ascii: "}") else { return nil }
                index = cursor + 1
                if let high, high < low { failed = true; return nil }
                return (low, high)
            default: return nil
            }
        }

        mutating func parseAtom() -> Shape? {
            guard let byte = peek() else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "("): return parseGroup()
            case UInt8(ascii: "["): return parseClass().map(Shape.character)
            case UInt8(ascii: "."): return Shape(keywordReach: nil, strings: nil, longest: 1, spansLines: dotMatchesLineFeed)
            case UInt8(ascii: "^"), UInt8(ascii: "$"): return .empty
            case UInt8(ascii: "\\"): return parseEscape()
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"): return nil
            default: return Shape.character([byte])
            }
        }

        /// After `(`: groups, lookarounds and inline options.
        mutating func parseGroup() -> Shape? {
            var capture: (number: Int, name: String?)? = nil
            var lookaround = false
            if peek() == UInt8(ascii: "?") {
                index += 1
                guard let kind = peek() else { return nil }
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: ">"):
                    index += 1
                case UInt8(ascii: "|"):
                    index += 1
                    sawBranchReset = true
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    index += 1
                    lookaround = true
                case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!"):
                    index += 2
                    lookaround = true
                case UInt8(ascii: "<"), UInt8(ascii: "'"), UInt8(ascii: "P"):
                    if kind == UInt8(ascii: "P") {
                        guard peek(1) == UInt8(ascii: "<") else { return nil }
                        index += 1
                    }
                    let close = peek() == UInt8(ascii: "'") ? UInt8(ascii: "'") : UInt8(ascii: ">")
                    index += 1
                    let start = index
                    while let name = peek(), name != close { index += 1 }
                    guard peek() == close else { return nil }
                    capture = (groupLongest.count, String(decoding: pattern[start..<index], as: UTF8.self))
                    index += 1
                case UInt8(ascii: "#"):
                    while let comment = peek(), comment != UInt8(ascii: ")") { index += 1 }
                    guard peek() == UInt8(ascii: ")") else { return nil }
                    index += 1
                    return .empty
                default:
                    // Inline options: `(?i)`, `(?-i)`, `(?im:…)`. Extended mode (`x`) changes how the
                    // rest reads: not modelled.
                    while let option = peek(), option != UInt8(ascii: ")"), option != UInt8(ascii: ":") {
                        guard [UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "-")].contains(option) else { return nil }
                        if option == UInt8(ascii: "s") { dotMatchesLineFeed = true }
                        index += 1
                    }
                    guard let end = peek() else { return nil }
                    index += 1
                    if end == UInt8(ascii: ")") { return .empty }
                }
            } else {
                capture = (groupLongest.count, nil)
            }
            if let capture {
                groupLongest.append(nil)
                if let name = capture.name { namedLongest[name] = .some(nil) }
            }
            guard let inner = parseAlternation(), peek() == UInt8(ascii: ")") else { return nil }
            index += 1
            if lookaround { return .empty }
            if let capture {
                groupLongest[capture.number] = inner.longest
                if let name = capture.name { namedLongest[name] = .some(inner.longest) }
            }
            return inner
        }

        /// After `\` outside a class.
        mutating func parseEscape() -> Shape? {
            guard let escaped = peek() else { return nil }
            index += 1
            switch escaped {
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"):
                return .empty
            case UInt8(ascii: "k"):
                // `\k<name>`, `\k'name'`, `\k{name}`: as long as the group it repeats.
                guard let open = peek() else { return nil }
                let close: UInt8 = open == UInt8(ascii: "<") ? UInt8(ascii: ">") : open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "'")
                index += 1
                let start = index
                while let name = peek(), name != close { index += 1 }
                guard peek() == close else { return nil }
                let name = String(decoding: pattern[start..<index], as: UTF8.self)
                index += 1
                // A group not closed yet, or unbounded: the repeat is unbounded too.
                return Shape(keywordReach: nil, strings: nil, longest: sawBranchReset ? nil : namedLongest[name] ?? nil, spansLines: true)
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                let number = Int(escaped - UInt8(ascii: "0"))
                guard peek().map({ !($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) ?? true else { return nil }
                return Shape(keywordReach: nil, strings: nil, longest: !sawBranchReset && number < groupLongest.count ? groupLongest[number] : nil,
                             spansLines: true)
            default:
                guard let set = classEscape(escaped) else { return nil }
                return Shape.character(set)
            }
        }

        /// The characters one escape stands for, inside or outside a class; nil if not modelled.
        mutating func classEscape(_ escaped: UInt8) -> Set<UInt8>? {
            let (all, digits, word, space) = (ByteClasses.all, ByteClasses.digits, ByteClasses.word, ByteClasses.space)
            switch escaped {
            case UInt8(ascii: "d"): return digits
            case UInt8(ascii: "D"): return all.subtracting(digits)
            case UInt8(ascii: "w"): return word
            case UInt8(ascii: "W"): return all.subtracting(word)
            case UInt8(ascii: "s"): return space
            case UInt8(ascii: "S"): return all.subtracting(space)
            case UInt8(ascii: "h"): return [9, 32, 0xA0]
            case UInt8(ascii: "H"): return all.subtracting([9, 32, 0xA0])
            case UInt8(ascii: "v"): return [10, 11, 12, 13, 0x85]
            case UInt8(ascii: "V"): return all.subtracting([10, 11, 12, 13, 0x85])
            case UInt8(ascii: "N"): return all.subtracting([10])
            case UInt8(ascii: "t"): return [9]
            case UInt8(ascii: "n"): return [10]
            case UInt8(ascii: "r"): return [13]
            case UInt8(ascii: "f"): return [12]
            case UInt8(ascii: "e"): return [27]
            case UInt8(ascii: "a"): return [7]
            case UInt8(ascii: "x"):
                // `\xHH` or `\x{H…}`.
                var digitsText: [UInt8] = []
                if peek() == UInt8(ascii: "{") {
                    index += 1
                    while let digit = peek(), digit != UInt8(ascii: "}") { digitsText.append(digit); index += 1 }
                    guard peek() == UInt8(ascii: "}") else { return nil }
                    index += 1
                } else {
                    while digitsText.count < 2, let digit = peek(), digit.isHexDigit { digitsText.append(digit); index += 1 }
                }
                guard let value = UInt8(String(decoding: digitsText, as: UTF8.self), radix: 16) else { return nil }
                return [value]
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                // A Unicode property: in byte mode it matches single bytes.
                if peek() == UInt8(ascii: "{") {
                    while let part = peek(), part != UInt8(ascii: "}") { index += 1 }
                    guard peek() == UInt8(ascii: "}") else { return nil }
                    index += 1
                } else {
                    index += 1
                }
                return all
            default:
                // Escaped punctuation is itself; letters and digits not listed above have meanings
                // (\Q, \K, \G, \R, \X, \C, \g, \c, octal …) that are not modelled.
                let isLetterOrDigit = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(escaped | 0x20) || digits.contains(escaped)
                return isLetterOrDigit ? nil : [escaped]
            }
        }

        /// After `[`: the characters of the class.
        mutating func parseClass() -> Set<UInt8>? {
            var negated = false
            if peek() == UInt8(ascii: "^") { negated = true; index += 1 }
            var set: Set<UInt8> = []
            var first = true
            while let byte = peek(), byte != UInt8(ascii: "]") || first {
                first = false
                index += 1
                var low: Set<UInt8>
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = peek() else { return nil }
                    index += 1
                    if escaped == UInt8(ascii: "b") { low = [8] } else {
                        guard let value = classEscape(escaped) else { return nil }
                        low = value
                    }
                } else if byte == UInt8(ascii: "["), peek() == UInt8(ascii: ":") {
                    return nil  // POSIX classes: not modelled
                } else {
                    low = [byte]
                }
                // A range `a-z` (a `-` first, last, or next to a class escape is literal).
                if low.count == 1, peek() == UInt8(ascii: "-"), let end = peek(1), end != UInt8(ascii: "]") {
                    index += 1
                    var high: UInt8
                    if end == UInt8(ascii: "\\") {
                        index += 1
                        guard let escaped = peek() else { return nil }
                        index += 1
                        guard let value = classEscape(escaped), value.count == 1 else { return nil }
                        high = value.first!
                    } else {
                        index += 1
                        high = end
                    }
                    let start = low.first!
                    guard start <= high else { return nil }
                    low = Set(start...high)
                }
                set.formUnion(low)
            }
            guard peek() == UInt8(ascii: "]") else { return nil }
            index += 1
            return negated ? ByteClasses.all.subtracting(set) : set
        }
    }
}

/// How near its keywords a rule's matches lie (see `PatternReach`).
struct MatchReach: Sendable, Hashable {
    /// How far before a keyword's end a match can start.
    let bytes: Int
    /// No match holds a line feed: a match starts on the line of the keyword that ends in it.
    let withinLine: Bool

    /// A reach of a few bytes: its windows are tried without PCRE2's start-of-match optimisations,
    /// and not narrowed to the keyword's line (too few bytes to gain from either).
    var isShort: Bool { bytes <= 32 }
}

/// The sets that class escapes stand for, built once: building them on every escape was most of
/// the time a pre-commit hook spent deciding the reach of the few patterns it compiles.
private enum ByteClasses {
    static let all = Set(0...255 as ClosedRange<UInt8>)
    static let digits = Set(UInt8(ascii: "0")...UInt8(ascii: "9"))
    static let word = digits.union(UInt8(ascii: "a")...UInt8(ascii: "z")).union(UInt8(ascii: "A")...UInt8(ascii: "Z")).union([UInt8(ascii: "_")])
    static let space: Set<UInt8> = [9, 10, 11, 12, 13, 32]
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self | 0x20)
    }
}
