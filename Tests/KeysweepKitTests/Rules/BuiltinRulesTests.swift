import Foundation
import Testing
@testable import KeysweepKit

/// Every builtin rule's examples and negative examples, and the embedded copy of `rules/`.
@Suite struct BuiltinRulesTests {
    static let rules = RuleLoader.builtinRules()

    @Test(arguments: BuiltinRulesTests.rules)
    func examplesMatchAndNegativeExamplesDoNot(rule: Rule) {
        #expect(rule.examples.count >= 2, "\(rule.id) needs at least two examples")
        #expect(!rule.negativeExamples.isEmpty, "\(rule.id) needs a negative example")
        #expect(!rule.references.isEmpty, "\(rule.id) needs a reference")
        for failure in RuleExampleChecker.check(rule) {
            Issue.record("\(failure)")
        }
        // A small staged change runs the patterns in PCRE2's interpreter (`ScanOptions.compilesJIT`).
        for failure in RuleExampleChecker.check(rule, compilesJIT: false) {
            Issue.record("interpreted: \(failure)")
        }
    }

    @Test func embeddedRulesAreUpToDateWithTheYAMLSources() throws {
        let fromYAML = try RuleLoader.rules(at: RepositoryRoot.file("rules"))
        let expected = try EmbeddedRulesRenderer.render(fromYAML)
        let actual = try String(contentsOfFile: RepositoryRoot.file("Sources/KeysweepKit/Rules/EmbeddedRules.generated.swift"), encoding: .utf8)
        #expect(actual == expected, "run `swift run generate-embedded-rules` and commit the result")
    }

    /// Scans read the compact text; it must carry every field but the examples.
    @Test func theScanningRulesAreTheFullRulesWithoutExamples() {
        let lean = Self.rules.map { rule in
            var lean = rule
            lean.examples = []
            lean.negativeExamples = []
            return lean
        }
        #expect(RuleLoader.builtinRules(withExamples: false) == lean)
    }

    /// Rules without a reach run over the whole of every blob their keywords occur in. A rule joins
    /// them on purpose, never by a pattern's slip: `github.token.legacy` once took 67% of the bench
    /// folder's pattern time because an optional prefix before its keyword left it without one.
    @Test func theRulesWithoutAReachAreKnown() {
        let without = Set(RuleLoader.builtinRules(withExamples: false).filter { $0.reachNote.reach == nil }.map(\.id))
        #expect(without.subtracting(Self.wholeBlobRules).isEmpty, "new rules without a reach: \(without.subtracting(Self.wholeBlobRules).sorted())")
        #expect(Self.wholeBlobRules.subtracting(without).isEmpty, "rules that have a reach now: \(Self.wholeBlobRules.subtracting(without).sorted())")
    }

    static let wholeBlobRules: Set<String> = [
        "akamai.edgegrid.client-secret", "ansible.vault-text", "azure.entra.client-id", "azure.entra.client-secret",
        "azure.storage.sas-token", "backblaze.application-key", "betterstack.api-token", "coda.api-token",
        "codeclimate.reporter-id", "coinbase.api-secret", "confluent.sasl-password", "database.pgpass",
        "fullstory.api-key", "generic.registry-login-password", "gocardless.access-token", "hellosign.api-key",
        "jasypt.encryptor-password", "jenkins.master-key", "laravel.env-encryption-key",
        "http.basic-auth-tuple", "ibm.cloud.service-credentials-apikey", "jenkins.api-token.url",
        "kubernetes.secret-manifest", "kubernetes.secret-manifest.string-data", "launchdarkly.access-token",
        "launchdarkly.sdk-key", "logzio.api-token", "mailgun.api-key", "messagebird.api-key", "mollie.api-key",
        "npm.legacy-token", "nuget.config-password", "nytimes.api-key", "openweather.api-key",
        "particle.access-token.api-call", "privateai.api-key", "rapidapi.api-key", "scaleway.secret-key",
        "sentry.dsn", "sidekiq.gems-credentials", "snowflake.connection-string", "teleport.join-token",
        "tencent.cloud.secret-key", "twilio.account-sid", "twilio.auth-token.client-arguments", "uptimerobot.api-key",
        "virustotal.api-key", "yandex.cloud.static-access-key",
    ]

    /// The reach the embedded rules carry is the one `PatternReach` gives their patterns.
    @Test func theEmbeddedReachesAreThePatternsReaches() {
        for rule in RuleLoader.builtinRules(withExamples: false) {
            #expect(rule.reachNote.isKnown, "\(rule.id) carries no reach")
            let computed = PatternReach.of(pattern: AssignmentGrammar.expand(rule.pattern), keywords: rule.windowKeywords)
            #expect(rule.reachNote.reach == computed, "\(rule.id)")
        }
        let line = "id\tname\tprovider\tpassword\thigh\t\t\t\t\t\tpattern\t1\tkw\t-\t0\treach="
        #expect(CompactRuleText.parse(line + "12")?.first?.reachNote.reach == MatchReach(bytes: 12, withinLine: false))
        #expect(CompactRuleText.parse(line + "12/line")?.first?.reachNote.reach == MatchReach(bytes: 12, withinLine: true))
        #expect(CompactRuleText.parse(line + "none")?.first?.reachNote.reach == nil)
        #expect(CompactRuleText.parse(line + "far") == nil)
        #expect(CompactRuleText.parse(line + "none/line") == nil)
    }

    @Test func compactTextRejectsAMalformedLine() {
        #expect(CompactRuleText.parse("id\tname\tprovider\tno-such-kind\thigh\t\t\t\t\t\tpattern\t0\t0") == nil)
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\t\t\t\tpattern\t2\tkw\t0") == nil)
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\tthree\t\t\t\t\tpattern\t1\tkw\t0") == nil)
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\tno-such-check\t\t\t\tpattern\t1\tkw\t0") == nil)
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\tc\tno-such-part\t\tpattern\t1\tkw\t0") == nil)
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\tc\tid\tmaybe\tpattern\t1\tkw\t0") == nil)
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\t\t\t\tpattern\t1\tkw\t0") == nil, "no anchors field")
        #expect(CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\t\t\t\tpattern\t1\tkw\t-\t0")?.first?.keywords == ["kw"])
        let anchored = CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\t\t\t\tpattern\t1\tkw\t2\tab\tcd\t0")?.first
        #expect(anchored?.anchors == ["ab", "cd"])
        let part = CompactRuleText.parse("id\tname\tprovider\tpassword\thigh\t\t\tacme\ttenant\tfalse\tpattern\t1\tkw\t-\t0")?.first
        #expect(part?.credential == "acme" && part?.part == .tenant && part?.alone == false)
    }

    @Test func allBuiltinRulesCompileTogether() throws {
        let ruleSet = try RuleSet(Self.rules)
        #expect(ruleSet.rules.count == Self.rules.count)
        #expect(Set(Self.rules.map(\.id)).count == Self.rules.count)
    }

    @Test func everyRuleStartsWithALiteralOrWordBoundaryForSpeed() {
        // DESIGN.md: a leading optional or repeated prefix runs 100-200x slower.
        for rule in Self.rules {
            var pattern = Substring(rule.pattern)
            for flag in ["(?i)", "(?s)", "(?x)", "(?m)"] where pattern.hasPrefix(flag) { pattern = pattern.dropFirst(flag.count) }
            let slowStarts = [".", "[", "\\s", "\\w", "(?:[", "(?:.", "(?:\\s"]
            #expect(!slowStarts.contains { pattern.hasPrefix($0) }, "\(rule.id) starts with a class or wildcard: \(rule.pattern)")
        }
    }
}
