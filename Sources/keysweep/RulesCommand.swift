import ArgumentParser
import Foundation
import KeysweepKit

/// `keysweep rules list|check`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or validate a rule file and run its examples.",
        subcommands: [List.self, Check.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the builtin rules (plus any added with --rules).")

        @Option(help: "A rule file or folder to add (repeatable).")
        var rules: [String] = []

        @Option(help: "Output format: text or json.")
        var format: String = "text"

        func run() throws {
            // Compiling checks the added rules; the listing itself comes with examples, which a
            // scan does not load (they cost start-up time and only `rules` shows them).
            _ = try ScanSession.ruleSet(extraRulePaths: rules)
            var listed = RuleLoader.builtinRules(withExamples: true)
            do {
                for path in rules { listed = RuleLoader.merge(listed, overriddenBy: try RuleLoader.rules(at: path)) }
            } catch {
                throw KeysweepError(.invalidRules, "invalid rules: \(error)", underlying: error)
            }
            let sorted = listed.sorted { $0.id < $1.id }
            switch format {
            case "json":
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(sorted), as: UTF8.self))
            case "text":
                let width = sorted.map(\.id.count).max() ?? 0
                for rule in sorted {
                    let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    let severity = rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                    print("\(id)  \(severity)  \(rule.name)")
                }
                print("\(sorted.count) rules")
            default:
                throw ValidationError("unknown --format '\(format)' (expected text or json)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a rule file or folder (the builtin rules by default) and run every example."
        )

        @Argument(help: "A rule file or folder of *.yml files.")
        var path: String?

        func run() throws {
            let rules: [Rule]
            if let path {
                do {
                    rules = try RuleLoader.rules(at: path)
                } catch {
                    throw KeysweepError(.invalidRules, "invalid rules: \(error)", underlying: error)
                }
            } else {
                rules = RuleLoader.builtinRules()
            }
            let failures = rules.flatMap { RuleExampleChecker.check($0) }
            for failure in failures { Diagnostics.error(failure.description) }
            let examples = rules.reduce(0) { $0 + $1.examples.count + $1.negativeExamples.count }
            if failures.isEmpty {
                print("\(rules.count) rules valid; \(examples) examples pass")
            } else {
                print("\(rules.count) rules; \(failures.count) of \(examples) examples fail")
                throw ExitCode(1)
            }
        }
    }
}
