@testable import KeysweepKit
import PCRE2

/// Fuzz targets of the rule and config loaders (`Rules/`, `Findings/ProjectConfig.swift`).
enum RuleFuzzing {
    /// The input as a YAML rule file (`RuleLoader`, which also compiles each pattern) and as the
    /// compact text the binary embeds (`CompactRuleText`).
    static func rules(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let rules = try? RuleLoader.rules(fromYAML: text, file: "fuzz.yml") {
            _ = RuleLoader.merge(builtinRules, overriddenBy: rules)
        }
        _ = CompactRuleText.parse(text)
    }

    /// The input as a `.keysweep.yml`: parsed, applied to the builtin rules, its allow patterns
    /// and stopwords run on a fake secret.
    static func config(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let config = try? ProjectConfig(yaml: text, path: "/fuzz/.keysweep.yml") else { return }
        _ = try? config.apply(to: builtinRules)
        _ = config.acceptance(of: Array("sk_test_FAKEFAKEFAKE0123456789".utf8), scratch: scratch)
    }

    private static let builtinRules = RuleLoader.builtinRules(withExamples: false)
    /// libFuzzer runs one input at a time on one thread: the scratch has one user.
    nonisolated(unsafe) private static let scratch = MatchScratch()
}
