/// Runs a rule's `examples` (each must match) and `negative_examples` (none may), exactly as a
/// scan would: prefilter, pattern, entropy, validator, placeholder filter.
public enum RuleExampleChecker {
    public struct Failure: Sendable, CustomStringConvertible {
        public let ruleID: String
        public let example: String
        public let reason: String
        public var description: String { "rule '\(ruleID)': \(reason): \(example.debugDescription)" }
    }

    /// With `compilesJIT` false, the patterns run in PCRE2's interpreter, as a small staged change's do.
    public static func check(_ rule: Rule, compilesJIT: Bool = true) -> [Failure] {
        let ruleSet: RuleSet
        var checked = rule
        checked.alone = nil
        do {
            ruleSet = try RuleSet([checked])
        } catch {
            return [Failure(ruleID: rule.id, example: rule.pattern, reason: error.description)]
        }
        let matcher = Matcher(ruleSet: ruleSet, compilesJIT: compilesJIT)
        var failures: [Failure] = []
        if rule.examples.isEmpty {
            failures.append(Failure(ruleID: rule.id, example: "", reason: "has no examples"))
        }
        for example in rule.examples where matches(example, matcher) == false {
            failures.append(Failure(ruleID: rule.id, example: example, reason: "example does not match"))
        }
        for example in rule.negativeExamples where matches(example, matcher) {
            failures.append(Failure(ruleID: rule.id, example: example, reason: "negative example matches"))
        }
        return failures
    }

    /// A sealing password is judged once the texts it may open are tried, and an example opens
    /// none (see `SealingPassword`).
    private static func matches(_ text: String, _ matcher: Matcher) -> Bool {
        Array(text.utf8).withUnsafeBytes { bytes in
            matcher.scan(bytes).matches.contains { match in
                guard matcher.ruleSet.rules[match.ruleIndex].rule.validator?.isJudgedByWhatItOpens == true else { return true }
                return !SealingPassword.isLeftOut(Match(match, path: "example"), opened: false)
            }
        }
    }
}
