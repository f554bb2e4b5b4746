import Yams

/// One rule exactly as written in a YAML file, with the line of each field for error messages.
///
/// Parsing is done on Yams' node tree rather than with `Decodable` so that unknown keys are rejected
/// and every error can name the line. `Rule.init(syntax:)` turns this into a validated value.
struct RuleSyntax {
    static let knownKeys: Set<String> = [
        "id", "name", "provider", "kind", "severity", "keywords", "pattern", "min_entropy",
        "validator", "examples", "negative_examples", "references", "credential", "part", "alone", "anchors",
    ]

    let file: String
    let line: Int
    let fields: [String: Node]
    let fieldLines: [String: Int]

    /// Reads every rule of a YAML document: a top-level sequence of mappings.
    static func parseDocument(_ text: String, file: String) throws(RuleError) -> [RuleSyntax] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw RuleError(file: file, reason: "not valid YAML: \(error)")
        }
        guard let root else { return [] }
        guard let items = root.sequence else {
            throw RuleError(file: file, line: root.line, reason: "expected a list of rules at the top level")
        }
        var rules: [RuleSyntax] = []
        for item in items {
            guard let mapping = item.mapping else {
                throw RuleError(file: file, line: item.line, reason: "expected a rule (a mapping of fields)")
            }
            var fields: [String: Node] = [:]
            var lines: [String: Int] = [:]
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw RuleError(file: file, line: key.line, reason: "field names must be strings")
                }
                guard knownKeys.contains(name) else {
                    let id = mapping["id"]?.string
                    throw RuleError(file: file, line: key.line, ruleID: id, field: name, reason: "unknown field")
                }
                fields[name] = value
                lines[name] = key.line
            }
            rules.append(RuleSyntax(file: file, line: item.line ?? 0, fields: fields, fieldLines: lines))
        }
        return rules
    }

    var id: String? { fields["id"]?.string }

    func error(_ field: String?, _ reason: String) -> RuleError {
        RuleError(file: file, line: field.flatMap { fieldLines[$0] } ?? line, ruleID: id, field: field, reason: reason)
    }

    func string(_ field: String) throws(RuleError) -> String {
        guard let node = fields[field] else { throw error(field, "missing") }
        guard let value = node.scalar?.string, !value.isEmpty else { throw error(field, "must be a non-empty string") }
        return value
    }

    func optionalString(_ field: String) throws(RuleError) -> String? {
        guard fields[field] != nil else { return nil }
        return try string(field)
    }

    func strings(_ field: String) throws(RuleError) -> [String] {
        guard let node = fields[field] else { return [] }
        guard let items = node.sequence else { throw error(field, "must be a list of strings") }
        var values: [String] = []
        for item in items {
            guard let value = item.scalar?.string else { throw error(field, "must be a list of strings") }
            values.append(value)
        }
        return values
    }

    func optionalBool(_ field: String) throws(RuleError) -> Bool? {
        guard let node = fields[field] else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default: throw error(field, "must be true or false")
        }
    }

    func optionalDouble(_ field: String) throws(RuleError) -> Double? {
        guard let node = fields[field] else { return nil }
        guard let text = node.scalar?.string, let value = Double(text) else { throw error(field, "must be a number") }
        return value
    }

    func enumeration<Value: RawRepresentable & CaseIterable>(_ field: String, as type: Value.Type) throws(RuleError) -> Value
    where Value.RawValue == String {
        let text = try string(field)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(field, "'\(text)' is not one of: \(allowed)")
        }
        return value
    }
}

extension Node {
    var line: Int? { mark.map { $0.line } }
}
