import PCRE2

/// Rules compiled for matching: each pattern compiled once with JIT, shared read-only by all workers.
public final class RuleSet: Sendable {
    public let rules: [CompiledRule]
    let prefilter: KeywordPrefilter

    /// Compiles every rule; a pattern that does not compile or lacks a `secret` group is an error
    /// naming the rule id, the offset and PCRE2's message.
    public init(_ rules: [Rule], file: String = "rules") throws(RuleError) {
        var compiled: [CompiledRule] = []
        for (index, rule) in rules.enumerated() {
            compiled.append(try CompiledRule(rule, index: index, file: file))
        }
        self.rules = compiled
        self.prefilter = KeywordPrefilter(keywordsByRule: rules.map(\.keywords))
    }

    /// Whether this platform's PCRE2 has JIT; without it patterns run in the interpreter.
    public static var jitAvailable: Bool { Pattern.jitSupported }

    /// Whether every pattern is JIT-compiled (false when the platform's PCRE2 lacks JIT).
    public var usesJIT: Bool { rules.allSatisfy(\.pattern.usesJIT) }
}

/// A rule with its compiled pattern and the group number of `secret`.
public struct CompiledRule: Sendable {
    public let rule: Rule
    public let index: Int
    let pattern: Pattern
    let secretGroup: Int

    init(_ rule: Rule, index: Int, file: String) throws(RuleError) {
        let pattern: Pattern
        do {
            pattern = try Pattern(rule.pattern)
        } catch {
            throw RuleError(file: file, ruleID: rule.id, field: "pattern", reason: "does not compile \(error)")
        }
        guard let secretGroup = pattern.groupNumbers["secret"] else {
            throw RuleError(file: file, ruleID: rule.id, field: "pattern", reason: "has no named group 'secret'")
        }
        self.rule = rule
        self.index = index
        self.pattern = pattern
        self.secretGroup = secretGroup
    }
}
