import Foundation
import Testing
@testable import KeysweepKit

/// `PatternReach`: a reach only when every match holds a keyword and has a bounded length, and
/// matching near keywords finds exactly what matching the whole blob finds.
@Suite struct PatternReachTests {
    @Test(arguments: [
        // A keyword spelled across atoms, in any case: it ends within 7 bytes of the start.
        (#"(?i)api[_-]?key\s{0,3}=\s{0,3}(?<secret>[a-z0-9]{32})"#, ["api_key", "api-key", "apikey"], 7),
        (#"\b(?<secret>ghp_[A-Za-z0-9]{36})\b"#, ["ghp_"], 4),
        (#"AKIA[0-9A-Z]{16}"#, ["akia"], 4),
        // What follows the keyword may be unbounded.
        (#"ghp_[A-Za-z0-9]+"#, ["ghp_"], 4),
        (#"password\s*=\s*(?<secret>(?>[^\s"']){8,}+)"#, ["password"], 8),
        // Every branch holds a keyword: the farthest end counts; lookarounds add no length.
        (#"(?:token|secret)(?=[=:])[=:](?<secret>\w{8,20})(?![\w])"#, ["token", "secret"], 6),
        (#"(?:x{0,3}token|secret)=(?<secret>\w{8})"#, ["token", "secret"], 8),
        // A branch reset after the keyword.
        (#"token(?|=(?<secret>\w{8})|:(?<secret>\d{8}))"#, ["token"], 5),
        // A keyword completed by the first of a long repeat of a class of up to 16 bytes.
        (#"\b(?<secret>SK[0-9a-f]{32})\b"#, ["SK0", "SK1", "SK2", "SK3", "SK4", "SK5", "SK6", "SK7", "SK8", "SK9",
                                              "SKa", "SKb", "SKc", "SKd", "SKe", "SKf"], 3),
        (#"x[ab]{2,40}yz"#, ["xa", "xb"], 2),
        // A keyword after a bounded prefix, and a back reference after it.
        (#"[a-z]{0,10}_pass=(?<q>["']?)(?<secret>[^\s"']{4,10})\k<q>"#, ["_pass="], 17),
    ] as [(String, [String], Int)])
    func aPatternWhoseMatchesHoldAKeywordHasAReach(pattern: String, keywords: [String], reach: Int) {
        #expect(PatternReach.of(pattern: pattern, keywords: keywords)?.bytes == reach)
    }

    @Test(arguments: [
        // The keyword is optional, or only in one branch, or only in a lookaround.
        (#"(?:pagerduty_)?service_key=(?<secret>[a-f0-9]{32})"#, ["pagerduty"]),
        (#"(?:twilio_token=|AC[0-9a-f]{32},)(?<secret>[0-9a-f]{32})"#, ["twilio"]),
        (#"(?<=password=)(?<secret>\S{8,20})"#, ["password"]),
        // After an unbounded part, the keyword may end anywhere.
        (#"\w+token=(?<secret>\w{8})"#, ["token"]),
        // A keyword the class cannot spell: `[a-z]{5}` is not listed.
        (#"[a-z]{5}=(?<secret>\d{6})"#, ["token"]),
        // Syntax not modelled.
        (#"(?x) token = (?<secret>\w{8})"#, ["token"]),
        (#"token\K(?<secret>\w{8})"#, ["token"]),
        (#"token(?<secret>\w{8})"#, []),
    ] as [(String, [String])])
    func otherPatternsHaveNone(pattern: String, keywords: [String]) {
        #expect(PatternReach.of(pattern: pattern, keywords: keywords) == nil)
    }

    /// A match that cannot hold a line feed starts on its keyword's line; any class, escape,
    /// dot under `(?s)` or back reference that may hold one makes the reach cross lines.
    @Test(arguments: [
        (#"(?i)password[ \t]{0,3}=[ \t]{0,3}(?<secret>[^\s'"]{8,})"#, true),
        (#"(?i)\b(?:Server|Host)[ \t]{0,3}=[^;\r\n]{1,200};[^'"\r\n]{0,400}?password=(?<secret>[^;\s]{1,128})"#, true),
        (#".{0,20}password=(?<secret>\w{8})"#, true),
        (#"(?=[\s\S])password=(?<secret>\w{8})(?![\s\S])"#, true),
        (#"password\s*=(?<secret>\w{8})"#, false),
        (#"[^;]{0,50}password=(?<secret>\w{8})"#, false),
        (#"(?s).{0,20}password=(?<secret>\w{8})"#, false),
        (#"(?<q>["']?)password=\k<q>(?<secret>\w{8})"#, false),
        (#"password\v?=(?<secret>\w{8})"#, false),
    ] as [(String, Bool)])
    func aMatchWithoutLineFeedsStaysOnItsKeywordsLine(pattern: String, withinLine: Bool) throws {
        let reach = try #require(PatternReach.of(pattern: pattern, keywords: ["password"]))
        #expect(reach.withinLine == withinLine)
    }

    /// A connection string whose keyword lies far into a long line, after lines of text that a
    /// 631-byte reach would have covered: the windowed matcher finds what the whole blob holds.
    @Test func aLineBoundWindowFindsTheMatchThatStartsEarlyInItsLine() throws {
        let rules = RuleLoader.builtinRules().filter { $0.id == "database.ado-connection-string" }
        let reach = try #require(PatternReach.of(pattern: rules[0].pattern, keywords: rules[0].windowKeywords))
        #expect(reach.withinLine)
        let ruleSet = try RuleSet(rules)
        let line = "Server=sql01.acme.internal;" + String(repeating: "Option=1;", count: 30) + "Password=Vb7!q2Lr_ZmX04;"
        let text = String(repeating: "Host=earlier.line;\n", count: 40) + line + "\nPassword=notthisone\n"
        let windowed = Matcher(ruleSet: ruleSet)
        let whole = Matcher(ruleSet: ruleSet)
        whole.usesStartWindows = false
        let found = Array(text.utf8).withUnsafeBytes { windowed.scan($0).matches.map { String(decoding: $0.secret, as: UTF8.self) } }
        let expected = Array(text.utf8).withUnsafeBytes { whole.scan($0).matches.map { String(decoding: $0.secret, as: UTF8.self) } }
        #expect(found == ["Vb7!q2Lr_ZmX04"])
        #expect(found == expected)
    }

    @Test func theCostlyBuiltinRulesHaveAReach() throws {
        let rules = RuleLoader.builtinRules(withExamples: false)
        for id in ["generic.password", "database.ado-connection-string", "curl.user-password", "curl.auth-header",
                   "http.basic-auth-header", "http.bearer-token", "twilio.api-key-sid",
                   "pagerduty.integration-key", "pagerduty.api-key", "datadog.api-key", "cloudflare.api-token",
                   "cloudflare.global-api-key", "facebook.app-secret", "aws.secret-access-key"] {
            let rule = try #require(rules.first { $0.id == id })
            #expect(PatternReach.of(pattern: AssignmentGrammar.expand(rule.pattern), keywords: rule.windowKeywords) != nil, "\(id)")
        }
    }

    /// Every rule's examples and negative examples, each amid text that holds other rules'
    /// keywords, in one blob: near-keyword matching and whole-blob matching find the same.
    @Test func matchingNearKeywordsFindsWhatMatchingEverythingFinds() throws {
        let rules = RuleLoader.builtinRules()
        let ruleSet = try RuleSet(rules, lazily: true)
        var generator = SystemRandomNumberGenerator()
        var blob: [UInt8] = []
        let filler = Array("token: none; password = ''; api_key: see vault\n".utf8)
        for rule in rules {
            for example in rule.examples + rule.negativeExamples {
                blob += filler.prefix(Int.random(in: 0...filler.count, using: &generator))
                blob += Array(example.utf8) + [UInt8(ascii: "\n")]
            }
        }
        let windowed = Matcher(ruleSet: ruleSet)
        let whole = Matcher(ruleSet: ruleSet)
        whole.usesStartWindows = false
        let found = blob.withUnsafeBytes { windowed.scan($0).matches.map { "\($0.ruleIndex) \($0.start) \($0.secret)" } }
        let expected = blob.withUnsafeBytes { whole.scan($0).matches.map { "\($0.ruleIndex) \($0.start) \($0.secret)" } }
        #expect(found.count > rules.count, "most examples are found")
        #expect(found == expected)
    }
}

/// A rule's anchors give its start windows, while its keywords still choose the blobs it runs on.
@Suite struct AnchorTests {
    static let rule = Rule(id: "acme.routing-key", name: "Acme routing key", provider: "Acme", kind: .apiKey, severity: .high,
                           keywords: ["acme"], pattern: #"routing_key\s*=\s*(?<secret>[a-f0-9]{32})\b"#, anchors: ["routing_key"])

    static func secrets(_ text: String, windows: Bool = true) throws -> [String] {
        let matcher = Matcher(ruleSet: try RuleSet([rule]))
        matcher.usesStartWindows = windows
        return Array(text.utf8).withUnsafeBytes { matcher.scan($0).matches.map { String(decoding: $0.secret, as: UTF8.self) } }
    }

    @Test func anchorsWindowTheMatchesAndKeywordsStillSelect() throws {
        let key = "9f3ka7c92e4b1d0f9a8e7c6b5a4d3e2f".replacingOccurrences(of: "k", with: "b")
        let text = "# acme pager settings\n" + String(repeating: "filler line\n", count: 200) + "routing_key = \(key)\n"
        #expect(try Self.secrets(text) == [key])
        #expect(try Self.secrets(text, windows: false) == [key])
        // Without the keyword the blob is not selected, anchor or not.
        #expect(try Self.secrets("routing_key = \(key)\n").isEmpty)
    }

    @Test func anAnchorThePatternMayMatchWithoutIsRefused() {
        let yaml = """
        - id: acme.token
          name: Acme token
          provider: Acme
          kind: api-key
          severity: high
          keywords: [acme]
          anchors: [token]
          pattern: '(?:token|key)=(?<secret>[a-z0-9]{20})'
          examples: ['acme token=abcdefghij0123456789', 'acme token=abcdefghij0123456780']
          negative_examples: ['acme token=short']
          references: [https://example.com]
        """
        #expect(throws: RuleError.self) { try RuleLoader.rules(fromYAML: yaml, file: "acme.yml") }
    }
}
