/// The builtin rules, parsed and compiled for scanning once per process on threads of their own.
///
/// `keysweep` starts the work before it parses its arguments: parsing the embedded rules and
/// building their keyword automaton take about 5 ms, which a pre-commit hook or a CI range scan
/// would otherwise spend after the argument parser's 3 ms and before its first git process. A
/// scan whose config or `--rules` change the rules waits only for the parsed rules, and builds
/// its own set from them.
public enum BuiltinRuleSet {
    private static let parsed = BackgroundValue<[Rule]> { RuleLoader.builtinRules(withExamples: false) }
    private static let compiled = BackgroundValue<RuleSet> {
        do {
            return try RuleSet(rules, lazily: true)
        } catch {
            // A lazy set compiles no pattern, and the tests compile every embedded one.
            preconditionFailure("the builtin rules do not load: \(error)")
        }
    }

    /// Starts the work if it has not begun; returns at once.
    public static func prepare() {
        compiled.start()
    }

    /// The parsed rules, waiting for the work (or doing it) if need be.
    static var rules: [Rule] {
        // Parsing the embedded text throws nothing; a failure there is a build defect.
        guard let rules = try? parsed.value() else { preconditionFailure("the builtin rules do not parse") }
        return rules
    }

    /// The compiled set, waiting for the work (or doing it) if need be.
    static var ruleSet: RuleSet {
        do {
            return try compiled.value()
        } catch {
            preconditionFailure("the builtin rules do not load: \(error)")
        }
    }
}
