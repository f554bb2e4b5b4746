/// Aho-Corasick automaton over rule keywords that tells, in one pass, which rules can match a blob.
///
/// Case is folded into the byte-class table, so matching is case-insensitive at no extra cost.
/// Bytes that occur in no keyword share class 0, which keeps the transition table small enough to
/// stay in cache (see DESIGN.md: byte classes ran about 30% faster than a 256-column table). States
/// with an output get negative row offsets and the others (the root first) non-negative ones, so
/// the hot loop knows whether anything was found by a sign test, with no bound held in a register.
struct KeywordPrefilter: Sendable {
    /// Byte to byte class: a 256-byte table (four cache lines) that stays in L1.
    private let classOf: [UInt8]
    private let classCount: Int
    /// Transitions, premultiplied: `next = table[origin + state + class]`, where `state` is a row
    /// offset from `origin`, negative for the states that have an output.
    private let table: [Int32]
    /// Where row offset 0 (the root) lies in `table`: the output states' rows come before it.
    private let origin: Int
    /// Rule indices reported by each output state, indexed by `(origin + state) / classCount`:
    /// output `o`'s are `outputRules[outputStarts[o]..<outputStarts[o + 1]]`. One flat array, not
    /// an array per state, whose reading retained and released it at every keyword hit (about 1%
    /// of a history scan's CPU).
    private let outputRules: [Int32]
    private let outputStarts: [Int32]
    /// The length of each output state's string: the longest keyword it reports ends there.
    private let outputDepths: [Int32]
    let ruleCount: Int
    /// The longest keyword, in bytes: how far each interleaved part must run into the next.
    let longestKeyword: Int

    /// Rules with an empty keyword: selected for every blob (the YAML loader rejects short
    /// keywords, but rules built in code are not checked).
    private let alwaysSelected: [Int]

    /// The most transitions the table may hold (4 bytes each: 64 MiB). Rules given with `--rules`
    /// or a config are not ours: 10,000 long keywords of diverse bytes once took 2.7 GB and 10 s.
    static let tableBudget = 16 << 20

    init(keywordsByRule allKeywords: [[String]]) {
        ruleCount = allKeywords.count
        alwaysSelected = allKeywords.indices.filter { allKeywords[$0].contains("") }
        let fullKeywords = allKeywords.map { $0.filter { !$0.isEmpty }.map { Array($0.utf8) } }
        var classes = [UInt16](repeating: 0, count: 256)
        var nextClass: UInt16 = 1
        for keyword in fullKeywords.joined() {
            for byte in keyword {
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
        // Folding leaves at most 230 distinct bytes, so every class fits in a byte.
        classOf = classes.map { UInt8(truncatingIfNeeded: $0) }
        classCount = Int(nextClass)
        let keywordsByRule = Self.shortened(fullKeywords, classCount: classCount)
        longestKeyword = keywordsByRule.joined().map(\.count).max() ?? 0
        let trie = Trie(keywordsByRule: keywordsByRule, classOf: classes, classCount: classCount)
        let outputs: [[Int]]
        (table, origin, outputs, outputDepths) = trie.compile()
        outputRules = outputs.joined().map { Int32($0) }
        outputStarts = [0] + outputs.reduce(into: [Int32]()) { starts, rules in starts.append((starts.last ?? 0) + Int32(rules.count)) }
    }

    /// Keywords are cut to this many bytes. Few are longer (the builtin rules' longest has 44), and
    /// `DeltaHits` walks a keyword's length around every copied run of a delta.
    static let longestKept = 16

    /// The keywords cut to `longestKept` bytes, or shorter if the table would not stay within
    /// `tableBudget`. A keyword's prefix selects every blob the keyword does (and maybe more), and
    /// ends no later, so a match still starts within its rule's reach before it (`PatternReach`):
    /// cutting costs speed, never findings.
    static func shortened(_ keywordsByRule: [[[UInt8]]], classCount: Int) -> [[[UInt8]]] {
        var length = min(longestKept, keywordsByRule.joined().map(\.count).max() ?? 0)
        // A trie has at most one state per keyword byte, plus the root.
        func states(_ length: Int) -> Int { keywordsByRule.joined().reduce(1) { $0 + min($1.count, length) } }
        while length > 1, states(length) * classCount > tableBudget { length = length * 3 / 4 }
        return keywordsByRule.map { $0.map { Array($0.prefix(length)) } }
    }

    /// ASCII lowercase; other bytes unchanged.
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Below this size a blob is scanned as one stream.
    static let interleavingThreshold = 4096

    /// How many interleaved streams a large blob is split into.
    static let streamCount = 4

    /// Marks in `selected` every rule whose keyword occurs in `bytes`; returns how many were marked.
    ///
    /// Each step is a load that depends on the previous one, so a single walk waits on memory most
    /// of the time. Larger blobs are therefore cut into `streamCount` parts walked side by side:
    /// independent chains keep the CPU busy while one waits (DESIGN.md measured 447 MB/s for one
    /// stream and 875 MB/s for two; four, in a loop without calls, took a further quarter off the
    /// CPU time of a directory scan). Each part but the last runs `longestKeyword - 1` bytes into
    /// the next, so a keyword across a cut is still seen.
    ///
    /// It also notes in `hits` where each keyword occurrence ends (unordered; one seen by two
    /// interleaved parts is noted twice), for `Matcher`'s start windows.
    func select(in bytes: UnsafeRawBufferPointer, into selected: inout RuleSelection, hits: inout [KeywordHit]) -> Int {
        let before = selected.count
        for rule in alwaysSelected { _ = selected.insert(rule) }
        guard ruleCount > 0, let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return selected.count - before }
        table.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classOf in
                let walker = Walker(table: table.baseAddress! + origin, classOf: classOf.baseAddress!, bytes: start)
                let count = bytes.count
                guard count >= Self.interleavingThreshold else {
                    _ = walker.walk(0..<count, from: 0, prefilter: self, into: &selected, hits: &hits)
                    return
                }
                let part = count / Self.streamCount
                let overlap = max(0, longestKeyword - 1)
                let states = walker.walkInterleaved(part: part, prefilter: self, into: &selected, hits: &hits)
                for stream in 0..<Self.streamCount {
                    let end = stream == Self.streamCount - 1 ? count : min(count, (stream + 1) * part + overlap)
                    _ = walker.walk((stream + 1) * part..<end, from: states[stream], prefilter: self, into: &selected, hits: &hits)
                }
            }
        }
        return selected.count - before
    }

    /// Marks the rules of the output state at row offset `state`, reached by a keyword that ends
    /// before offset `end`.
    @inline(never)
    fileprivate func report(_ state: Int, end: Int, into selected: inout RuleSelection, hits: inout [KeywordHit],
                            selects: Bool = true) {
        let output = (origin + state) / classCount
        if selects { forEachRule(ofOutput: output) { _ = selected.insert($0) } }
        hits.append(KeywordHit(end: end, output: Int32(output)))
    }

    /// Calls `body` with each rule a hit's keyword selects.
    @inline(__always)
    func forEachRule(of hit: KeywordHit, _ body: (Int) -> Void) { forEachRule(ofOutput: Int(hit.output), body) }

    @inline(__always)
    private func forEachRule(ofOutput output: Int, _ body: (Int) -> Void) {
        let range = Int(outputStarts[output])..<Int(outputStarts[output + 1])
        outputRules.withUnsafeBufferPointer { rules in
            for index in range { body(Int(rules[index])) }
        }
    }

    /// Where the longest keyword `hit` reports starts: `hit.end` less its state's depth.
    func start(of hit: KeywordHit) -> Int { hit.end - Int(outputDepths[Int(hit.output)]) }

    /// Notes in `hits` the keyword occurrences that end in each of `ranges` of `bytes` (ascending,
    /// disjoint), walking each from the automaton's start (so an occurrence begun before its range
    /// is not seen); the hits come out sorted by end. For `DeltaHits`.
    func hits(in ranges: [Range<Int>], of bytes: UnsafeRawBufferPointer, into hits: inout [KeywordHit]) {
        guard ruleCount > 0, let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var ignored = RuleSelection(ruleCount: ruleCount)
        let first = hits.count
        table.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classOf in
                let walker = Walker(table: table.baseAddress! + origin, classOf: classOf.baseAddress!, bytes: start)
                // Short ranges (most of a delta's) are walked four at a time, one lane each: a
                // lone walk waits on each table lookup before the next, four fill those waits.
                var short: [Range<Int>] = []
                for range in ranges where !range.isEmpty {
                    guard range.count >= Self.interleavingThreshold else {
                        short.append(range)
                        continue
                    }
                    // Long enough for the interleaved walk of one range: its hits are then moved
                    // to where the range is.
                    let before = hits.count
                    _ = select(in: UnsafeRawBufferPointer(rebasing: bytes[range]), into: &ignored, hits: &hits)
                    for index in before..<hits.count {
                        hits[index] = KeywordHit(end: hits[index].end + range.lowerBound, output: hits[index].output)
                    }
                }
                walker.walkLanes(short, prefilter: self, into: &ignored, hits: &hits)
            }
        }
        // The ranges are disjoint: ordered by end, the hits are in the order of one walk.
        hits[first...].sort { $0.end < $1.end }
    }

    /// Marks in `selected` the rules of `hits` (and those selected for every blob), as `select`
    /// would have for the bytes the hits were found in; returns how many were marked.
    func select(from hits: [KeywordHit], into selected: inout RuleSelection) -> Int {
        let before = selected.count
        for rule in alwaysSelected { _ = selected.insert(rule) }
        for hit in hits {
            forEachRule(of: hit) { _ = selected.insert($0) }
        }
        return selected.count - before
    }

    /// The automaton's tables and one blob, as raw pointers: the hot loops index them without
    /// bounds checks or reference counting.
    private struct Walker {
        let table: UnsafePointer<Int32>
        let classOf: UnsafePointer<UInt8>
        let bytes: UnsafePointer<UInt8>

        @inline(__always)
        func step(_ state: Int, _ offset: Int) -> Int {
            Int(table[state &+ Int(classOf[Int(bytes[offset])])])
        }

        /// One stream over `range`, starting in `state`; returns the state it ends in.
        func walk(_ range: Range<Int>, from state: Int, prefilter: KeywordPrefilter,
                  into selected: inout RuleSelection, hits: inout [KeywordHit], selects: Bool = true) -> Int {
            var state = state
            var offset = range.lowerBound
            while offset < range.upperBound {
                state = step(state, offset)
                if state < 0 { prefilter.report(state, end: offset &+ 1, into: &selected, hits: &hits, selects: selects) }
                offset &+= 1
            }
            return state
        }

        /// The first `part` bytes of each of the `streamCount` parts, walked side by side.
        func walkInterleaved(part: Int, prefilter: KeywordPrefilter, into selected: inout RuleSelection,
                             hits: inout [KeywordHit]) -> [Int] {
            var states = (0, 0, 0, 0)
            let bases = (0, part, 2 &* part, 3 &* part)
            var offset = 0
            while offset < part {
                offset = runFourUntilOutput(&states, bases: bases, from: offset, to: part)
                reportFour(states, bases: bases, at: offset, prefilter: prefilter, into: &selected, hits: &hits, selects: true)
            }
            return [states.0, states.1, states.2, states.3]
        }

        /// Walks `ranges` four at a time, each from the automaton's start: each of four lanes takes
        /// the next range when its own ends, so that lanes stay busy whatever the ranges' lengths.
        /// The last ranges, when fewer than four remain, are walked alone. Hits are noted in no
        /// particular order.
        func walkLanes(_ ranges: [Range<Int>], prefilter: KeywordPrefilter, into selected: inout RuleSelection,
                       hits: inout [KeywordHit]) {
            guard ranges.count >= 4 else {
                for range in ranges { _ = walk(range, from: 0, prefilter: prefilter, into: &selected, hits: &hits, selects: false) }
                return
            }
            var next = 4
            var lanes = (ranges[0], ranges[1], ranges[2], ranges[3])
            var states = (0, 0, 0, 0)
            while true {
                let steps = min(lanes.0.count, lanes.1.count, lanes.2.count, lanes.3.count)
                let bases = (lanes.0.lowerBound, lanes.1.lowerBound, lanes.2.lowerBound, lanes.3.lowerBound)
                var offset = 0
                while offset < steps {
                    offset = runFourUntilOutput(&states, bases: bases, from: offset, to: steps)
                    reportFour(states, bases: bases, at: offset, prefilter: prefilter, into: &selected, hits: &hits, selects: false)
                }
                lanes = (lanes.0.lowerBound + steps..<lanes.0.upperBound, lanes.1.lowerBound + steps..<lanes.1.upperBound,
                         lanes.2.lowerBound + steps..<lanes.2.upperBound, lanes.3.lowerBound + steps..<lanes.3.upperBound)
                // A lane whose range ended takes the next one, from the start state.
                var exhausted = false
                func refill(_ lane: inout Range<Int>, _ state: inout Int) {
                    guard lane.isEmpty else { return }
                    if next < ranges.count {
                        lane = ranges[next]
                        state = 0
                        next += 1
                    } else {
                        exhausted = true
                    }
                }
                refill(&lanes.0, &states.0)
                refill(&lanes.1, &states.1)
                refill(&lanes.2, &states.2)
                refill(&lanes.3, &states.3)
                guard !exhausted else { break }
            }
            // What the lanes still hold, each alone from where it stopped.
            for (lane, state) in [(lanes.0, states.0), (lanes.1, states.1), (lanes.2, states.2), (lanes.3, states.3)] where !lane.isEmpty {
                _ = walk(lane, from: state, prefilter: prefilter, into: &selected, hits: &hits, selects: false)
            }
        }

        /// Notes the output states the four streams are in, each having just read the byte before
        /// its base plus `offset`.
        @inline(__always)
        func reportFour(_ states: (Int, Int, Int, Int), bases: (Int, Int, Int, Int), at offset: Int, prefilter: KeywordPrefilter,
                        into selected: inout RuleSelection, hits: inout [KeywordHit], selects: Bool) {
            if states.0 < 0 { prefilter.report(states.0, end: bases.0 &+ offset, into: &selected, hits: &hits, selects: selects) }
            if states.1 < 0 { prefilter.report(states.1, end: bases.1 &+ offset, into: &selected, hits: &hits, selects: selects) }
            if states.2 < 0 { prefilter.report(states.2, end: bases.2 &+ offset, into: &selected, hits: &hits, selects: selects) }
            if states.3 < 0 { prefilter.report(states.3, end: bases.3 &+ offset, into: &selected, hits: &hits, selects: selects) }
        }

        /// Steps four streams, each at its own base (the parts of one blob, or four ranges), from
        /// `offset` until one reaches an output state or `end`; returns the offset reached. Kept
        /// free of calls so that every value stays in a register.
        @inline(never)
        func runFourUntilOutput(_ states: inout (Int, Int, Int, Int), bases: (Int, Int, Int, Int), from offset: Int,
                                to end: Int) -> Int {
            var (s0, s1, s2, s3) = states
            var offset = offset
            defer { states = (s0, s1, s2, s3) }
            while offset < end {
                s0 = step(s0, bases.0 &+ offset)
                s1 = step(s1, bases.1 &+ offset)
                s2 = step(s2, bases.2 &+ offset)
                s3 = step(s3, bases.3 &+ offset)
                offset &+= 1
                if s0 | s1 | s2 | s3 < 0 { break }
            }
            return offset
        }
    }
}

/// Where a keyword occurrence ends in a blob (exclusive), and the automaton output it reached.
struct KeywordHit: Equatable, Sendable {
    let end: Int
    let output: Int32
}

/// A set of rule indices as a bitset, reused across blobs by one matcher.
struct RuleSelection {
    private(set) var words: [UInt64]
    /// How many rules are selected.
    private(set) var count = 0

    init(ruleCount: Int) {
        words = [UInt64](repeating: 0, count: (ruleCount + 63) / 64)
    }

    /// Adds `rule`; returns whether it was new.
    mutating func insert(_ rule: Int) -> Bool {
        let mask: UInt64 = 1 << UInt64(rule & 63)
        if words[rule >> 6] & mask != 0 { return false }
        words[rule >> 6] |= mask
        count += 1
        return true
    }

    func contains(_ rule: Int) -> Bool {
        rule >> 6 < words.count && words[rule >> 6] & (1 << UInt64(rule & 63)) != 0
    }

    mutating func removeAll() {
        for index in words.indices { words[index] = 0 }
        count = 0
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
