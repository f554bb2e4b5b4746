import PCRE2
import Synchronization

/// Rules compiled for matching: each pattern compiled once with JIT, shared read-only by all workers.
public final class RuleSet: Sendable {
    public let rules: [CompiledRule]
    /// The rules alone, by index, shared so that each blob need not copy them.
    let plainRules: [Rule]
    let prefilter: KeywordPrefilter
    /// Where the prefilter's groups of anchors begin: rule `r`'s anchors are group `anchorBase + r`.
    let anchorBase: Int
    /// Whether each rule has anchors (its keyword hits then give no start windows).
    let anchored: [Bool]
    /// Rules reported only as parts of a credential (`alone: false`), run after the others.
    let companionIndices: [Int]
    /// Credentials made of such parts only (a host and a user): their secret is whatever generic
    /// password or secret is found beside them, so they run wherever a generic rule matched.
    let credentialsOfGenericSecrets: Set<String>
    /// Prefixes of specific rules' tokens: rules judging by context do not report them cut short.
    let typeMarkers: TypeMarkers
    /// The rule that reports Ansible Vault passwords, which whole password files are matched as
    /// (see `AnsibleVaultPassword`), if the set has it.
    let vaultPasswordRule: Int?
    /// The companions' keywords (or anchors), group `r` for rule `r`, built the first time a
    /// matcher runs companions: they then run near those words, not over the whole blob.
    private let companionWords: Mutex<KeywordPrefilter?> = Mutex(nil)

    /// Compiles every rule; a pattern that does not compile or lacks a `secret` group is an error
    /// naming the rule id, the offset and PCRE2's message.
    ///
    /// With `lazily`, a pattern is compiled the first time the prefilter selects its rule: a
    /// pre-commit hook that sees three small files then compiles a handful of patterns, not 200.
    /// Only for rules already known to compile (the embedded ones, which the tests compile, and
    /// YAML rules, which the loader compiles to validate them).
    public init(_ rules: [Rule], file: String = "rules", lazily: Bool = false) throws(RuleError) {
        var compiled: [CompiledRule] = []
        for (index, rule) in rules.enumerated() {
            compiled.append(lazily ? CompiledRule(lazy: rule, index: index) : try CompiledRule(rule, index: index, file: file))
        }
        self.rules = compiled
        plainRules = rules
        // Companions are left out of the prefilter: they run only where their credential matched.
        // After the rules come the words the decoding layer looks for (`EncodedValues.Marker`), so
        // the same walk tells whether it need look.
        // Then each rule's anchors, if it has any, whose occurrences give its start windows.
        self.prefilter = KeywordPrefilter(keywordsByRule: rules.map { $0.isReportedAlone ? $0.keywords : [] }
                                          + EncodedValues.Marker.allCases.map(\.keywords)
                                          + rules.map { $0.isReportedAlone ? $0.anchors ?? [] : [] })
        anchorBase = rules.count + EncodedValues.Marker.allCases.count
        anchored = rules.map { $0.anchors != nil }
        companionIndices = rules.indices.filter { !rules[$0].isReportedAlone }
        let reportable = Set(rules.filter(\.isReportedAlone).compactMap(\.credential))
        credentialsOfGenericSecrets = Set(rules.filter { !$0.isReportedAlone }.compactMap(\.credential)).subtracting(reportable)
        typeMarkers = TypeMarkers(rules: rules)
        vaultPasswordRule = rules.firstIndex { $0.validator == .ansibleVaultPassword }
    }

    /// The prefilter of the companions' keywords (see `companionWords`).
    var companionPrefilter: KeywordPrefilter {
        companionWords.withLock { built in
            if let built { return built }
            let made = KeywordPrefilter(keywordsByRule: plainRules.map { $0.isReportedAlone ? [] : $0.windowKeywords })
            built = made
            return made
        }
    }

    /// Whether this platform's PCRE2 has JIT; without it patterns run in the interpreter.
    public static var jitAvailable: Bool { Pattern.jitSupported }
}

/// A rule with its compiled pattern and the group number of `secret`.
public struct CompiledRule: Sendable {
    public let rule: Rule
    public let index: Int
    private let compiled: CompiledPattern

    init(_ rule: Rule, index: Int, file: String) throws(RuleError) {
        self.rule = rule
        self.index = index
        self.compiled = CompiledPattern(try Self.compile(rule, file: file, jit: true))
    }

    init(lazy rule: Rule, index: Int) {
        self.rule = rule
        self.index = index
        self.compiled = CompiledPattern(nil)
    }

    /// The pattern, the number of its `secret` group and its reach (see `PatternReach`),
    /// compiling it on first use, with JIT or for PCRE2's interpreter.
    func pattern(jit: Bool = true) -> CompiledPattern.Value {
        compiled.value(jit: jit) {
            do {
                return try Self.compile(rule, file: "embedded rules", jit: jit)
            } catch {
                // Lazy rules are embedded or already validated; the tests compile every one.
                preconditionFailure("rule '\(rule.id)' no longer compiles: \(error)")
            }
        }
    }

    private static func compile(_ rule: Rule, file: String, jit: Bool) throws(RuleError) -> CompiledPattern.Value {
        let pattern: Pattern
        let expanded = AssignmentGrammar.expand(rule.pattern)
        let reach = rule.reachNote.isKnown ? rule.reachNote.reach : PatternReach.of(pattern: expanded, keywords: rule.windowKeywords)
        do {
            // A rule with a short reach is tried at a few offsets near its keywords, where PCRE2's
            // look-ahead for a byte the match requires costs more than it saves (it may read the
            // rest of the blob at every keyword); a long window still gains from skipping to
            // where a match can start. `PatternReach` gives no reach to a pattern with verbs.
            let shortWindows = reach?.isShort ?? false
            pattern = try Pattern(expanded, allowsStartLimit: reach != nil, optimizesStart: !shortWindows, jit: jit)
        } catch {
            throw RuleError(file: file, ruleID: rule.id, field: "pattern", reason: "does not compile \(error)")
        }
        guard let secretGroup = pattern.groupNumbers["secret"] else {
            throw RuleError(file: file, ruleID: rule.id, field: "pattern", reason: "has no named group 'secret'")
        }
        return (pattern, secretGroup, reach)
    }
}

/// A compiled pattern, or the promise of one, shared by all workers: the first to need it compiles
/// it under the lock, the others wait for that one and reuse it. JIT-compiled and for PCRE2's
/// interpreter (a scan of small inputs, see `ScanOptions.compilesJIT`), each on first use.
final class CompiledPattern: Sendable {
    /// A compiled pattern, the number of its `secret` group, and how near a keyword its matches
    /// start (nil: anywhere; see `PatternReach`).
    typealias Value = (pattern: Pattern, secretGroup: Int, reach: MatchReach?)

    private let state: Mutex<(jit: Value?, interpreted: Value?)>

    /// `value`, if given, is the JIT-compiled pattern.
    init(_ value: Value?) {
        state = Mutex((jit: value, interpreted: nil))
    }

    func value(jit: Bool, compile: () -> Value) -> Value {
        state.withLock { state in
            if let known = jit ? state.jit : state.interpreted { return known }
            let made = compile()
            if jit { state.jit = made } else { state.interpreted = made }
            return made
        }
    }
}
