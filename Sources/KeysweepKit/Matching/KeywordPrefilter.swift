/// Aho-Corasick automaton over rule keywords that tells, in one pass, which rules can match a blob.
///
/// Case is folded into the byte-class table, so matching is case-insensitive at no extra cost.
/// Bytes that occur in no keyword share class 0, which keeps the transition table small enough to
/// stay in cache (see DESIGN.md: byte classes ran about 30% faster than a 256-column table). States
/// are renumbered so that every state with an output is numbered after every state without one:
/// the hot loop then needs a single comparison to know whether anything was found.
struct KeywordPrefilter: Sendable {
    /// Byte to byte class: a 256-byte table (four cache lines) that stays in L1.
    private let classOf: [UInt8]
    private let classCount: Int
    /// Transitions, premultiplied: `next = table[state + class]`, where `state` is a row offset.
    private let table: [Int32]
    /// Row offsets at or above this value belong to states that have an output.
    private let firstOutputRow: Int32
    /// Rule indices reported by each output state, indexed by `(row - firstOutputRow) / classCount`.
    private let outputs: [[Int]]
    let ruleCount: Int
    /// The longest keyword, in bytes: how far the two interleaved streams must overlap.
    private let longestKeyword: Int

    init(keywordsByRule: [[String]]) {
        ruleCount = keywordsByRule.count
        longestKeyword = keywordsByRule.joined().map(\.utf8.count).max() ?? 0
        var classes = [UInt16](repeating: 0, count: 256)
        var nextClass: UInt16 = 1
        defer { precondition(nextClass <= 256, "keywords use more than 255 distinct bytes") }
        for keyword in keywordsByRule.joined() {
            for byte in keyword.utf8 {
                let folded = Self.fold(byte)
                if classes[Int(folded)] == 0 {
                    classes[Int(folded)] = nextClass
                    nextClass += 1
                }
            }
        }
        for byte in 0..<256 where classes[Int(Self.fold(UInt8(byte)))] != 0 {
            classes[byte] = classes[Int(Self.fold(UInt8(byte)))]
        }
        classOf = classes.map { UInt8(truncatingIfNeeded: $0) }
        classCount = Int(nextClass)
        let trie = Trie(keywordsByRule: keywordsByRule, classOf: classes, classCount: classCount)
        (table, firstOutputRow, outputs) = trie.compile()
    }

    /// ASCII lowercase; other bytes unchanged.
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Below this size a blob is scanned as one stream.
    static let interleavingThreshold = 4096

    /// Marks in `selected` every rule whose keyword occurs in `bytes`; returns how many were marked.
    ///
    /// Larger blobs are walked as two interleaved streams, the first half and the second: each
    /// step is a dependent table load, and two independent chains keep the CPU busy while one
    /// waits (DESIGN.md measured 447 vs 875 MB/s). The first stream runs `longestKeyword - 1`
    /// bytes into the second half, so a keyword across the middle is still seen.
    func select(in bytes: UnsafeRawBufferPointer, into selected: inout RuleSelection) -> Int {
        guard ruleCount > 0 else { return 0 }
        var found = 0
        table.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classOf in
                let boundary = firstOutputRow
                func report(_ state: Int32) {
                    for rule in outputs[Int(state - boundary) / classCount] where selected.insert(rule) { found += 1 }
                }
                guard bytes.count >= Self.interleavingThreshold else {
                    var state: Int32 = 0
                    for byte in bytes {
                        state = table[Int(state) + Int(classOf[Int(byte)])]
                        if state >= boundary { report(state) }
                    }
                    return
                }
                let half = bytes.count / 2
                let firstEnd = min(bytes.count, half + max(0, longestKeyword - 1))
                var first: Int32 = 0
                var second: Int32 = 0
                var index = 0
                let pairs = bytes.count - half
                while index < pairs {
                    if index < firstEnd {
                        first = table[Int(first) + Int(classOf[Int(bytes[index])])]
                        if first >= boundary { report(first) }
                    }
                    second = table[Int(second) + Int(classOf[Int(bytes[half + index])])]
                    if second >= boundary { report(second) }
                    index += 1
                }
                while index < firstEnd {
                    first = table[Int(first) + Int(classOf[Int(bytes[index])])]
                    if first >= boundary { report(first) }
                    index += 1
                }
            }
        }
        return found
    }
}

/// A set of rule indices as a bitset, reused across blobs by one matcher.
struct RuleSelection {
    private(set) var words: [UInt64]

    init(ruleCount: Int) {
        words = [UInt64](repeating: 0, count: (ruleCount + 63) / 64)
    }

    /// Adds `rule`; returns whether it was new.
    mutating func insert(_ rule: Int) -> Bool {
        let mask: UInt64 = 1 << UInt64(rule & 63)
        if words[rule >> 6] & mask != 0 { return false }
        words[rule >> 6] |= mask
        return true
    }

    mutating func removeAll() {
        for index in words.indices { words[index] = 0 }
    }

    /// Selected rule indices in ascending order.
    var indices: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                result.append(wordIndex * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
