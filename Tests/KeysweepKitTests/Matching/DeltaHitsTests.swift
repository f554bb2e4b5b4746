import Testing
@testable import KeysweepKit

/// Keyword hits carried through a delta select, at each offset, the same rules as a walk of the
/// whole rebuilt blob, through chains of deltas, whatever the copies and inserts.
@Suite struct DeltaHitsTests {
    /// Keywords that overlap and nest, over a small alphabet: text full of partial occurrences.
    static let keywords = [["api_key", "key"], ["secret", "secret_key"], ["token"], ["pi_k"], ["ke"], ["tokentoken"]]
    static let alphabet = Array("apikeysecrtonk_ ".utf8)

    @Test func carriedHitsReportWhatAWalkOfTheWholeBlobReports() {
        let prefilter = KeywordPrefilter(keywordsByRule: Self.keywords)
        var random = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            var base = Self.text(Int.random(in: 0...3000, using: &random), using: &random)
            var baseHits = Self.walk(base, prefilter)
            // A chain: each target is the next one's base, with the hits carried to it.
            for _ in 0..<3 {
                let (delta, target) = Self.delta(from: base, using: &random)
                let carried = Self.carry(baseHits, of: base, through: delta, to: target, prefilter)
                #expect(Self.rulesByEnd(carried.hits, prefilter) == Self.rulesByEnd(Self.walk(target, prefilter), prefilter))
                #expect(carried.hits.map(\.end) == carried.hits.map(\.end).sorted())
                base = target
                baseHits = carried.hits
            }
        }
    }

    /// Ranges of every length, walked four at a time by lanes that each take the next range when
    /// theirs ends: the same hits, in the same order, as each range walked alone.
    @Test func rangesWalkedInLanesGiveTheHitsOfEachRangeWalkedAlone() {
        let prefilter = KeywordPrefilter(keywordsByRule: Self.keywords)
        var random = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let text = Self.text(Int.random(in: 0...20_000, using: &random), using: &random)
            var ranges: [Range<Int>] = []
            var offset = Int.random(in: 0...40, using: &random)
            while offset < text.count {
                // Mostly short, sometimes empty, now and then past the interleaving threshold.
                let length = Int.random(in: 0...9, using: &random) == 0 ? Int.random(in: 4000...6000, using: &random)
                    : Int.random(in: 0...200, using: &random)
                ranges.append(offset..<min(text.count, offset + length))
                offset = min(text.count, offset + length) + Int.random(in: 1...60, using: &random)
            }
            var expected: [KeywordHit] = []
            for range in ranges {
                for hit in Self.walk(Array(text[range]), prefilter) {
                    expected.append(KeywordHit(end: hit.end + range.lowerBound, output: hit.output))
                }
            }
            var found: [KeywordHit] = []
            text.withUnsafeBytes { prefilter.hits(in: ranges, of: $0, into: &found) }
            #expect(found == expected)
        }
    }

    @Test func aDeltaThatMostlyCopiesIsMostlyNotWalked() {
        let prefilter = KeywordPrefilter(keywordsByRule: Self.keywords)
        var random = SeededGenerator(seed: 11)
        let base = Self.text(60_000, using: &random)
        // Copy the base in two runs around one inserted line.
        let inserted = Array("secret_key = token\n".utf8)
        var delta = Self.size(base.count) + Self.size(base.count + inserted.count)
        delta += Self.copy(offset: 0, count: 30_000) + [UInt8(inserted.count)] + inserted + Self.copy(offset: 30_000, count: 30_000)
        let target = Array(base[..<30_000]) + inserted + Array(base[30_000...])
        let carried = Self.carry(Self.walk(base, prefilter), of: base, through: delta, to: target, prefilter)
        #expect(Self.rulesByEnd(carried.hits, prefilter) == Self.rulesByEnd(Self.walk(target, prefilter), prefilter))
        #expect(carried.walked < 200, "walked \(carried.walked) bytes")
    }

    @Test func theBuiltinKeywordsOnRuleExamples() throws {
        let rules = RuleLoader.builtinRules()
        let prefilter = KeywordPrefilter(keywordsByRule: rules.map(\.keywords))
        let base = Array(rules.flatMap { $0.examples + $0.negativeExamples }.joined(separator: "\n").utf8)
        var random = SeededGenerator(seed: 3)
        let baseHits = Self.walk(base, prefilter)
        for _ in 0..<20 {
            let (delta, target) = Self.delta(from: base, using: &random)
            let carried = Self.carry(baseHits, of: base, through: delta, to: target, prefilter)
            #expect(Self.rulesByEnd(carried.hits, prefilter) == Self.rulesByEnd(Self.walk(target, prefilter), prefilter))
        }
    }

    // MARK: - Helpers

    /// Applies `delta` to `base` (expecting `target`) and carries `baseHits` through its copies.
    static func carry(_ baseHits: [KeywordHit], of base: [UInt8], through delta: [UInt8], to target: [UInt8],
                      _ prefilter: KeywordPrefilter) -> (hits: [KeywordHit], walked: Int) {
        var copies: [DeltaCopy]? = []
        #expect(apply(delta, to: base, copies: &copies) == target)
        return target.withUnsafeBytes {
            DeltaHits.derive(from: baseHits, copies: copies ?? [], target: $0, prefilter: prefilter)
        }
    }

    static func apply(_ delta: [UInt8], to base: [UInt8], copies: inout [DeltaCopy]?) -> [UInt8]? {
        delta.withUnsafeBytes { delta in base.withUnsafeBytes { GitDelta.apply(delta, to: $0, copies: &copies) } }
    }

    /// Every hit of `bytes`, sorted by end, as the pack reader finds them for a whole object.
    static func walk(_ bytes: [UInt8], _ prefilter: KeywordPrefilter) -> [KeywordHit] {
        var selection = RuleSelection(ruleCount: prefilter.ruleCount)
        var hits: [KeywordHit] = []
        _ = bytes.withUnsafeBytes { prefilter.select(in: $0, into: &selection, hits: &hits) }
        return hits.sorted { $0.end < $1.end }
    }

    /// The rules reported at each offset: what selection and start windows depend on.
    static func rulesByEnd(_ hits: [KeywordHit], _ prefilter: KeywordPrefilter) -> [Int: Set<Int>] {
        var rules: [Int: Set<Int>] = [:]
        for hit in hits { prefilter.forEachRule(of: hit) { rules[hit.end, default: []].insert($0) } }
        return rules
    }

    /// Random letters and pieces of keywords (whole, front or back halves), so that occurrences
    /// of every length are frequent and many are split by a copy's edge.
    static func text(_ count: Int, using random: inout SeededGenerator) -> [UInt8] {
        let pieces = keywords.joined().flatMap { keyword -> [[UInt8]] in
            let bytes = Array(keyword.utf8)
            return [bytes, Array(bytes.prefix(bytes.count / 2)), Array(bytes.suffix(bytes.count - bytes.count / 2))]
        }
        var text: [UInt8] = []
        while text.count < count {
            if Bool.random(using: &random) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            } else {
                text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
            }
        }
        return Array(text.prefix(count))
    }

    /// A delta in git's format of random copies of `base` and inserts, and the target it makes.
    static func delta(from base: [UInt8], using random: inout SeededGenerator) -> (delta: [UInt8], target: [UInt8]) {
        var instructions: [UInt8] = []
        var target: [UInt8] = []
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            if !base.isEmpty, Bool.random(using: &random) {
                let offset = Int.random(in: 0..<base.count, using: &random)
                let count = Int.random(in: 1...min(base.count - offset, 2000), using: &random)
                instructions += copy(offset: offset, count: count)
                target += base[offset..<(offset + count)]
            } else {
                let inserted = text(Int.random(in: 1...127, using: &random), using: &random)
                instructions += [UInt8(inserted.count)] + inserted
                target += inserted
            }
        }
        return (size(base.count) + size(target.count) + instructions, target)
    }

    static func copy(offset: Int, count: Int) -> [UInt8] {
        var instruction: UInt8 = 0x80
        var operands: [UInt8] = []
        for byte in 0..<4 where (offset >> (8 * byte)) & 0xFF != 0 {
            instruction |= 1 << byte
            operands.append(UInt8((offset >> (8 * byte)) & 0xFF))
        }
        for byte in 0..<3 where (count >> (8 * byte)) & 0xFF != 0 {
            instruction |= 1 << (4 + byte)
            operands.append(UInt8((count >> (8 * byte)) & 0xFF))
        }
        return [instruction] + operands
    }

    static func size(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat {
            bytes.append(UInt8(rest & 0x7F) | (rest > 0x7F ? 0x80 : 0))
            rest >>= 7
        } while rest > 0
        return bytes
    }
}

/// A small deterministic generator (SplitMix64), so a failure repeats.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
