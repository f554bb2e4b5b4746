/// The builtin rules compiled for scanning, worked out once per process on a thread of their own.
///
/// `keysweep` starts the work before it parses its arguments: parsing the embedded rules and
/// building their keyword automaton take about 5 ms, which a pre-commit hook or a CI range scan
/// would otherwise spend after the argument parser's 3 ms and before its first git process. A
/// scan whose config or `--rules` change the rules builds its own set from the parsed rules.
public enum BuiltinRuleSet {
    private static let compiled = BackgroundValue<RuleSet> {
        do {
            return try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true)
        } catch {
            // A lazy set compiles no pattern, and the tests compile every embedded one.
            preconditionFailure("the builtin rules do not load: \(error)")
        }
    }

    /// Starts the work if it has not begun; returns at once.
    public static func prepare() {
        compiled.start()
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
