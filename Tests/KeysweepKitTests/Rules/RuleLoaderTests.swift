import Testing
@testable import KeysweepKit

@Suite struct RuleLoaderTests {
    private let valid = """
    - id: acme.api-key
      name: Acme API key
      provider: Acme
      kind: api-key
      severity: high
      keywords: [acme_]
      pattern: '\\b(?<secret>acme_[a-z0-9]{16})\\b'
      examples: ['key = acme_0123abcd4567efgh']
      negative_examples: ['acme_short']
      references: ['https://acme.example/docs']
    """

    private func loadError(_ yaml: String) -> RuleError? {
        do {
            _ = try RuleLoader.rules(fromYAML: yaml, file: "acme.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsAValidRule() throws {
        let rules = try RuleLoader.rules(fromYAML: valid, file: "acme.yml")
        #expect(rules.map(\.id) == ["acme.api-key"])
        #expect(rules[0].kind == .apiKey)
        #expect(RuleExampleChecker.check(rules[0]).isEmpty)
    }

    @Test func rejectsUnknownKeysNamingFileLineRuleAndField() {
        let error = loadError(valid + "\n  colour: blue")
        #expect(error?.description == "acme.yml:11: rule 'acme.api-key': field 'colour': unknown field")
    }

    @Test func rejectsMissingFields() {
        let yaml = valid.replacingOccurrences(of: "  provider: Acme\n", with: "")
        #expect(loadError(yaml)?.description == "acme.yml:1: rule 'acme.api-key': field 'provider': missing")
    }

    @Test func rejectsAPatternWithoutSecretGroup() {
        let yaml = valid.replacingOccurrences(of: "(?<secret>", with: "(")
        #expect(loadError(yaml)?.description == "acme.yml: rule 'acme.api-key': field 'pattern': has no named group 'secret'")
    }

    @Test func rejectsAPatternThatDoesNotCompileWithOffsetAndReason() {
        let yaml = valid.replacingOccurrences(of: "{16})", with: "{16}")
        let message = loadError(yaml)?.description ?? ""
        #expect(message.hasPrefix("acme.yml: rule 'acme.api-key': field 'pattern': does not compile at offset 31:"))
        #expect(message.contains("missing closing parenthesis"))
    }

    @Test func rejectsDuplicateIDs() {
        let error = loadError(valid + "\n" + valid)
        #expect(error?.field == "id")
        #expect(error?.reason.contains("duplicate id") == true)
    }

    @Test func rejectsBadEnumerationsAndIDs() {
        #expect(loadError(valid.replacingOccurrences(of: "kind: api-key", with: "kind: apikey"))?.field == "kind")
        #expect(loadError(valid.replacingOccurrences(of: "severity: high", with: "severity: urgent"))?.field == "severity")
        #expect(loadError(valid.replacingOccurrences(of: "id: acme.api-key", with: "id: Acme_Key"))?.field == "id")
        #expect(loadError(valid.replacingOccurrences(of: "keywords: [acme_]", with: "keywords: []"))?.field == "keywords")
    }

    @Test func rejectsYAMLThatIsNotAListOfRules() {
        #expect(loadError("id: x")?.reason == "expected a list of rules at the top level")
        #expect(loadError("- [1, 2]")?.reason == "expected a rule (a mapping of fields)")
        #expect(loadError("- id: [unclosed")?.reason.hasPrefix("not valid YAML") == true)
    }

    @Test func extraRulesOverrideBuiltinsByID() throws {
        let extra = try RuleLoader.rules(fromYAML: valid, file: "acme.yml")
        var base = extra
        base[0].name = "old"
        let merged = RuleLoader.merge(base, overriddenBy: extra)
        #expect(merged.count == 1)
        #expect(merged[0].name == "Acme API key")
    }

    @Test func exampleCheckerReportsFailures() throws {
        var rule = try RuleLoader.rules(fromYAML: valid, file: "acme.yml")[0]
        rule.examples.append("no key here")
        rule.negativeExamples.append("acme_0123abcd4567efgh")
        let reasons = RuleExampleChecker.check(rule).map(\.reason)
        #expect(reasons == ["example does not match", "negative example matches"])
    }
}
