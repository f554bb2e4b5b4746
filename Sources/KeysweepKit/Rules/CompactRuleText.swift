import Foundation

/// The rules a scan needs, as compact text: one rule per line, fields separated by tabs, lists
/// given as a count and then their items. Parsing it is splitting bytes, about ten times faster
/// than decoding the same rules from JSON (a pre-commit hook pays for it on every commit).
///
/// `id name provider kind severity min_entropy validator credential part alone pattern N keyword...
/// A anchor... M reference... reach=R` with an empty field for a missing optional one (no anchors:
/// `-`). Examples are not carried; `reach=` (a number, `/line` after it when no match holds a line
/// feed, or `none`) is the pattern's reach worked out ahead (see `ReachNote`), and may be left out.
enum CompactRuleText {
    private static let lineSuffix = "/line"

    static func render(_ rules: [Rule]) -> String {
        rules.map { rule in
            let fields = [rule.id, rule.name, rule.provider, rule.kind.rawValue, rule.severity.rawValue,
                          rule.minEntropy.map { String(describing: $0) } ?? "", rule.validator?.rawValue ?? "",
                          rule.credential ?? "", rule.part?.rawValue ?? "", rule.alone.map { String($0) } ?? "",
                          rule.pattern, String(rule.keywords.count)] + rule.keywords
                + (rule.anchors.map { [String($0.count)] + $0 } ?? ["-"])
                + [String(rule.references.count)] + rule.references
                + ["reach=" + (PatternReach.of(pattern: AssignmentGrammar.expand(rule.pattern), keywords: rule.windowKeywords)
                    .map { String($0.bytes) + ($0.withinLine ? lineSuffix : "") } ?? "none")]
            precondition(!fields.contains { $0.contains("\t") || $0.contains("\n") },
                         "rule \(rule.id) has a tab or a line break in a field")
            return fields.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// The rules, or nil when a line does not parse.
    static func parse(_ text: String) -> [Rule]? {
        var text = text
        // Split on the contiguous bytes: the collection `split` on `String.UTF8View` took two
        // thirds of the parse (3 ms for 615 rules, in every run's start-up).
        return text.withUTF8 { bytes in
            var rules: [Rule] = []
            for line in fields(of: bytes, separatedBy: UInt8(ascii: "\n")) where !line.isEmpty {
                guard let rule = parse(line: line) else { return nil }
                rules.append(rule)
            }
            return rules
        }
    }

    /// The parts of `bytes` between separators (empty ones kept).
    private static func fields(of bytes: UnsafeBufferPointer<UInt8>,
                               separatedBy separator: UInt8) -> [UnsafeBufferPointer<UInt8>] {
        var parts: [UnsafeBufferPointer<UInt8>] = []
        guard let base = bytes.baseAddress else { return [bytes] }
        var start = 0
        while true {
            let found = memchr(base + start, Int32(separator), bytes.count - start)
            let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            parts.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            guard end < bytes.count else { return parts }
            start = end + 1
        }
    }

    /// One rule from its line, or nil when the line does not parse.
    private static func parse(line: UnsafeBufferPointer<UInt8>) -> Rule? {
        var fields = fields(of: line, separatedBy: UInt8(ascii: "\t")).map { String(decoding: $0, as: UTF8.self) }[...]
        func next() -> String? { fields.popFirst() }
        func list() -> [String]? {
            guard let count = next().flatMap(Int.init), count >= 0, fields.count >= count else { return nil }
            defer { fields = fields.dropFirst(count) }
            return Array(fields.prefix(count))
        }
        guard let id = next(), let name = next(), let provider = next(),
              let kind = next().flatMap(SecretKind.init(rawValue:)), let severity = next().flatMap(Severity.init(rawValue:)),
              let entropyText = next(), let validatorName = next(), let credential = next(), let partName = next(),
              let aloneText = next(), let pattern = next(),
              let keywords = list()
        else { return nil }
        let anchors: [String]?
        if fields.first == "-" {
            fields = fields.dropFirst()
            anchors = nil
        } else {
            guard let listed = list() else { return nil }
            anchors = listed
        }
        guard let references = list() else { return nil }
        var reachNote = ReachNote()
        if let note = fields.first, note.hasPrefix("reach=") {
            fields = fields.dropFirst()
            var value = note.dropFirst("reach=".count)
            let withinLine = value.hasSuffix(lineSuffix)
            if withinLine { value = value.dropLast(lineSuffix.count) }
            guard value == "none" && !withinLine || Int(value) != nil else { return nil }
            reachNote = ReachNote(reach: Int(value).map { MatchReach(bytes: $0, withinLine: withinLine) })
        }
        guard fields.isEmpty else { return nil }
        let entropy = entropyText.isEmpty ? nil : Double(entropyText)
        let validator = validatorName.isEmpty ? nil : StructuralValidator(rawValue: validatorName)
        // A value that does not read back would silently weaken the rule: the whole text fails.
        let part = partName.isEmpty ? nil : CredentialPartName(rawValue: partName)
        let alone = aloneText.isEmpty ? nil : Bool(aloneText)
        guard entropy != nil || entropyText.isEmpty, validator != nil || validatorName.isEmpty,
              part != nil || partName.isEmpty, alone != nil || aloneText.isEmpty else { return nil }
        var rule = Rule(
            id: id, name: name, provider: provider, kind: kind, severity: severity, keywords: keywords,
            pattern: pattern, minEntropy: entropy, validator: validator, references: references,
            credential: credential.isEmpty ? nil : credential, part: part, alone: alone, anchors: anchors
        )
        rule.reachNote = reachNote
        return rule
    }
}
