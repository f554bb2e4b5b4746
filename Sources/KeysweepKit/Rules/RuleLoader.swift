import Foundation

/// Reads rules from YAML files or folders, and the rules embedded in the binary.
public enum RuleLoader {
    /// Parses the rules of one YAML document; `file` is used in error messages only.
    public static func rules(fromYAML text: String, file: String) throws(RuleError) -> [Rule] {
        var rules: [Rule] = []
        for syntax in try RuleSyntax.parseDocument(text, file: file) {
            let rule = try Rule(syntax: syntax)
            // Compile now so that a bad pattern is reported against the file that holds it.
            _ = try CompiledRule(rule, index: rules.count, file: file)
            rules.append(rule)
        }
        try rejectDuplicates(rules.map { ($0.id, file) })
        return rules
    }

    /// Reads a rule file, or every `*.yml`/`*.yaml` file of a folder in name order.
    public static func rules(at path: String) throws(RuleError) -> [Rule] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuleError(file: path, reason: "no such file or folder")
        }
        let files: [String]
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw RuleError(file: path, reason: "cannot list folder: \(error.localizedDescription)")
            }
            files = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        var all: [(rule: Rule, file: String)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RuleError(file: file, reason: "cannot read file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleError(file: file, reason: "not valid UTF-8")
            }
            all += try rules(fromYAML: text, file: file).map { ($0, file) }
        }
        try rejectDuplicates(all.map { ($0.rule.id, $0.file) })
        return all.map(\.rule)
    }

    /// The embedded rules; `withExamples: false` reads the compact form without examples (scans
    /// do not use them).
    public static func builtinRules(withExamples: Bool = true) -> [Rule] {
        // The embedded text is generated and checked by a test; failing here is a build defect.
        guard withExamples else {
            guard let rules = CompactRuleText.parse(EmbeddedRules.scanningText) else {
                preconditionFailure("embedded scanning rules do not parse")
            }
            return rules
        }
        do {
            return try JSONDecoder().decode([Rule].self, from: Data(EmbeddedRules.json.utf8))
        } catch {
            preconditionFailure("embedded rules do not decode: \(error)")
        }
    }

    /// Builtin rules with `extra` rules added; an extra rule with a builtin id replaces it.
    public static func merge(_ base: [Rule], overriddenBy extra: [Rule]) -> [Rule] {
        let replaced = Set(extra.map(\.id))
        return base.filter { !replaced.contains($0.id) } + extra
    }

    private static func rejectDuplicates(_ ids: [(id: String, file: String)]) throws(RuleError) {
        var seen: [String: String] = [:]
        for (id, file) in ids {
            if let first = seen[id] {
                throw RuleError(file: file, ruleID: id, field: "id", reason: "duplicate id (first defined in \(first))")
            }
            seen[id] = file
        }
    }
}
