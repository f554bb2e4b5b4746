import Testing
@testable import KeysweepKit

@Suite struct ProjectConfigTests {
    private func error(_ yaml: String) -> String? {
        do {
            _ = try ProjectConfig(yaml: yaml, path: "cfg/.keysweep.yml")
            return nil
        } catch {
            return error.message
        }
    }

    @Test func readsEverySetting() throws {
        let config = try ProjectConfig(yaml: """
        exclude: ["vendor/**", "*.min.js"]
        allow: ['^sk_test_']
        stopwords: [Dummy]
        disable: [generic.password]
        severity: {generic.secret: low}
        rules: [extra]
        baseline: base.json
        max_file_size: 2048
        """, path: "cfg/.keysweep.yml")
        #expect(config.exclude.map(\.text) == ["vendor/**", "*.min.js"])
        #expect(config.stopwords == ["dummy"])
        #expect(config.rulePaths == ["cfg/extra"])
        #expect(config.baseline == "cfg/base.json")
        #expect(config.maxFileSize == 2048)
        let rules = [
            Rule(id: "generic.password", name: "p", provider: "G", kind: .password, severity: .medium, keywords: ["pass"], pattern: "(?<secret>x)"),
            Rule(id: "generic.secret", name: "s", provider: "G", kind: .apiKey, severity: .medium, keywords: ["secret"], pattern: "(?<secret>x)"),
        ]
        let applied = try config.apply(to: rules)
        #expect(applied.map(\.id) == ["generic.secret"])
        #expect(applied[0].severity == .low)
    }

    @Test(arguments: [
        ("colour: blue", "cfg/.keysweep.yml:1: unknown key 'colour'"),
        ("exclude: vendor", "cfg/.keysweep.yml:1: key 'exclude': must be a list of strings"),
        ("allow: ['(unclosed']", "cfg/.keysweep.yml:1: key 'allow': invalid regex '(unclosed'"),
        ("\n\nmax_file_size: big", "cfg/.keysweep.yml:3: key 'max_file_size': must be a positive number of bytes"),
        ("severity: {generic.secret: urgent}", "cfg/.keysweep.yml:1: key 'severity': must map rule ids"),
        ("- a\n- b", "cfg/.keysweep.yml:1: expected a mapping of settings"),
    ])
    func errorsNameFileLineAndKey(yaml: String, expected: String) {
        #expect(error(yaml)?.hasPrefix(expected) == true, "\(error(yaml) ?? "no error")")
    }

    @Test func aConfigNeverDisablesEveryRuleOrAnUnknownOne() throws {
        let rules = [Rule(id: "a.b", name: "a", provider: "A", kind: .apiKey, severity: .high, keywords: ["abc"], pattern: "(?<secret>x)")]
        let all = try ProjectConfig(yaml: "disable: [a.b]", path: "k.yml")
        #expect(throws: KeysweepError.self) { try all.apply(to: rules) }
        let unknown = try ProjectConfig(yaml: "disable: [no.such]", path: "k.yml")
        #expect { try unknown.apply(to: rules) } throws: { ($0 as? KeysweepError)?.message == "k.yml:1: key 'disable': unknown rule id 'no.such'" }
    }
}
