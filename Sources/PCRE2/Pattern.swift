import CPCRE2

/// A PCRE2 pattern compiled once (with JIT where the platform has it) and matched on raw bytes.
///
/// The compiled code is immutable after `init`; PCRE2 documents that one compiled pattern may be
/// used by many threads at once as long as each thread brings its own match data, which is what
/// `MatchScratch` is. That is why this class is `@unchecked Sendable`.
public final class Pattern: @unchecked Sendable {
    /// The pattern text as given.
    public let source: String
    /// Whether JIT compilation succeeded; when false, matching uses the interpreter.
    public let usesJIT: Bool
    /// Named capture groups and their group numbers.
    public let groupNumbers: [String: Int]
    /// The number of capture groups, not counting group 0.
    public let groupCount: Int

    private let code: OpaquePointer

    /// Whether matches may be limited to start at or before an offset (see `firstMatch`).
    public let allowsStartLimit: Bool

    /// Compiles `source` in 8-bit byte mode (no UTF), then, with `jit`, JIT-compiles it where
    /// possible. With `allowsStartLimit`, `firstMatch` can be told where matches must start by.
    ///
    /// Without `optimizesStart`, PCRE2 does not look ahead for what a match must start with or
    /// hold (`PCRE2_NO_START_OPTIMIZE`): for a pattern tried only at a few offsets (a keyword's
    /// window), that look-ahead is what costs, since it may read the rest of the subject on every
    /// call (a blob with many `postgres` and no `@`). The matches are the same for patterns
    /// without backtracking verbs such as `(*COMMIT)`, which this option changes.
    ///
    /// JIT compiling costs about as much again as compiling, and pays back over a few hundred KiB
    /// of matching: a caller that matches a handful of small blobs (a pre-commit hook) does better
    /// without it. The matches are the same either way.
    public init(_ source: String, caseless: Bool = false, allowsStartLimit: Bool = false,
                optimizesStart: Bool = true, jit: Bool = true) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options: UInt32 = (caseless ? PCRE2_CASELESS : 0) | (allowsStartLimit ? PCRE2_USE_OFFSET_LIMIT : 0)
            | (optimizesStart ? 0 : PCRE2_NO_START_OPTIMIZE)
        self.allowsStartLimit = allowsStartLimit
        let bytes = Array(source.utf8) + [0]
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count - 1, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(offset: errorOffset, message: Pattern.message(forErrorCode: errorCode))
        }
        self.code = compiled
        self.source = source
        self.usesJIT = jit && pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
        self.groupNumbers = Pattern.readGroupNumbers(compiled)
        var captureCount: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captureCount)
        self.groupCount = Int(captureCount)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// Finds the first match at or after `start` in `bytes`; with `startLimit` (for a pattern that
    /// `allowsStartLimit`), only a match that starts at or before it. The whole of `bytes` is the
    /// subject either way: lookarounds and anchors see what they would see without a limit.
    public func firstMatch(in bytes: UnsafeRawBufferPointer, from start: Int, startLimit: Int? = nil,
                           scratch: MatchScratch) -> MatchOutcome {
        guard start <= bytes.count, let base = bytes.baseAddress else { return .noMatch }
        let subject = base.assumingMemoryBound(to: UInt8.self)
        // The limit lives in the scratch's match context, shared by every pattern: a pattern
        // compiled without `allowsStartLimit` fails if one is set, so it is cleared after use.
        if let startLimit, allowsStartLimit {
            pcre2_set_offset_limit_8(scratch.matchContext, startLimit)
            scratch.startLimitIsSet = true
        } else if scratch.startLimitIsSet {
            pcre2_set_offset_limit_8(scratch.matchContext, MatchScratch.noStartLimit)
            scratch.startLimitIsSet = false
        }
        // The JIT's own entry point skips `pcre2_match`'s checks of options and arguments, made
        // again at every keyword a pattern is tried near.
        let rc = usesJIT
            ? pcre2_jit_match_8(code, subject, bytes.count, start, 0, scratch.matchData, scratch.matchContext)
            : pcre2_match_8(code, subject, bytes.count, start, 0, scratch.matchData, scratch.matchContext)
        if rc == PCRE2_ERROR_NOMATCH { return .noMatch }
        if rc < 0 {
            switch rc {
            case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
                return .limitHit(Pattern.message(forErrorCode: rc))
            default:
                return .failed(Pattern.message(forErrorCode: rc))
            }
        }
        let pairs = rc == 0 ? scratch.pairCount : Int(rc)
        let ovector: UnsafeMutablePointer<Int> = pcre2_get_ovector_pointer_8(scratch.matchData)
        var groups = [Range<Int>?](repeating: nil, count: groupCount + 1)
        for group in 0..<min(pairs, groupCount + 1) {
            let lower = ovector[2 * group], upper = ovector[2 * group + 1]
            // PCRE2_UNSET reads as -1.
            if lower >= 0 && upper >= lower { groups[group] = lower..<upper }
        }
        return .match(MatchGroups(ranges: groups))
    }

    /// PCRE2's own text for an error code.
    public static func message(forErrorCode code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    /// Whether this PCRE2 library was built with JIT support.
    public static var jitSupported: Bool {
        var value: UInt32 = 0
        pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &value)
        return value == 1
    }

    private static func readGroupNumbers(_ code: OpaquePointer) -> [String: Int] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, count > 0 else { return [:] }
        var result: [String: Int] = [:]
        for index in 0..<Int(count) {
            // Each entry: two bytes of group number (big-endian), then the zero-terminated name.
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            result[String(cString: entry + 2)] = number
        }
        return result
    }
}
