import Testing
@testable import KeysweepKit

/// One finding per credential: parts of one credential become one match with named parts, and
/// rules that match overlapping bytes leave one match with the full span (issue 15, item 3).
@Suite struct CredentialAssemblyTests {
    private let keyID = Rule(id: "acme.key-id", name: "id", provider: "Acme", kind: .apiKey, severity: .high,
                             keywords: ["AKX"], pattern: #"\b(?<secret>AKX[A-Z2-7]{12})\b"#,
                             credential: "acme", part: .id)
    private let secretKey = Rule(id: "acme.secret-key", name: "secret", provider: "Acme", kind: .apiKey, severity: .critical,
                                 keywords: ["acme_secret"], pattern: #"acme_secret\s*=\s*(?<secret>[A-Za-z0-9/+]{24})"#,
                                 credential: "acme")
    private let tenant = Rule(id: "acme.tenant", name: "tenant", provider: "Acme", kind: .apiKey, severity: .low,
                              keywords: ["tenant"], pattern: #"tenant\s*=\s*(?<secret>t-[0-9]{6})"#,
                              credential: "acme", part: .tenant, alone: false)
    private let generic = Rule(id: "generic.secret", name: "generic", provider: "Generic", kind: .apiKey, severity: .medium,
                               keywords: ["secret", "token"], pattern: #"(?:secret|token)\w*\s*=\s*(?<secret>[A-Za-z0-9:/+_-]{12,})"#)
    private let botToken = Rule(id: "chat.bot-token", name: "bot", provider: "Chat", kind: .accessToken, severity: .high,
                                keywords: [":AA"], pattern: #":(?<secret>AA[A-Za-z0-9]{20})\b"#)

    private func scan(_ text: String, _ rules: [Rule]) throws -> (BlobScan, [Rule]) {
        let matcher = Matcher(ruleSet: try RuleSet(rules))
        return (Array(text.utf8).withUnsafeBytes { matcher.scan($0) }, rules)
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func aKeyIDAndItsSecretBecomeOneMatchWithNamedParts() throws {
        let (result, rules) = try scan("AKXQ7RZ2MWV4TPL\nacme_secret = q8Zr2LmX7vB4nT1wq8Zr2LmX\n", [keyID, secretKey])
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(rules[match.ruleIndex].id == "acme.secret-key", "the secret part identifies the credential")
        #expect(match.parts.map(\.name) == [.id])
        #expect(text(match.parts[0].secret) == "AKXQ7RZ2MWV4TPL")
        #expect(match.parts[0].start == TextPosition(line: 1, column: 1))
    }

    @Test func aPartFoundAloneIsStillReported() throws {
        let (result, _) = try scan("AKXQ7RZ2MWV4TPL\n\n\n\n\nacme_secret = q8Zr2LmX7vB4nT1wq8Zr2LmX\n", [keyID, secretKey])
        #expect(result.matches.count == 2, "four lines apart: two credentials")
        #expect(result.matches.allSatisfy { $0.parts.isEmpty })
    }

    @Test func aSecondProfileStartsASecondCredential() throws {
        let text = "AKXQ7RZ2MWV4TPL\nacme_secret = q8Zr2LmX7vB4nT1wq8Zr2LmX\nAKXN3JD5KC6YHGB\nacme_secret = Zr2LmX7vB4nT1wq8Zr2LmXq8\n"
        let (result, _) = try scan(text, [keyID, secretKey])
        #expect(result.matches.count == 2)
        #expect(result.matches.map { self.text($0.parts.first?.secret ?? []) }.sorted() == ["AKXN3JD5KC6YHGB", "AKXQ7RZ2MWV4TPL"])
    }

    @Test func companionPartsAreNeverReportedAlone() throws {
        let (alone, _) = try scan("tenant = t-123456\n", [keyID, secretKey, tenant])
        #expect(alone.matches.isEmpty)
        let (paired, _) = try scan("tenant = t-123456\nacme_secret = q8Zr2LmX7vB4nT1wq8Zr2LmX\n", [keyID, secretKey, tenant])
        #expect(paired.matches.count == 1)
        #expect(paired.matches.first?.parts.map(\.name) == [.tenant])
    }

    /// Only a generic secret fills a credential that lacks one: a token of another kind beside a
    /// key id stays its own finding, and the key id its own.
    @Test func aSpecificSecretOfAnotherKindDoesNotCompleteACredential() throws {
        let (result, rules) = try scan("AKXQ7RZ2MWV4TPL\nbot = 12345678:AAq8Zr2LmX7vB4nT1wq8Zr\n", [keyID, secretKey, botToken])
        #expect(result.matches.count == 2)
        #expect(result.matches.allSatisfy { $0.parts.isEmpty })
        #expect(Set(result.matches.map { rules[$0.ruleIndex].id }) == ["acme.key-id", "chat.bot-token"])
    }

    @Test func aGenericSecretCompletesACredentialThatLacksOne() throws {
        let (result, rules) = try scan("AKXQ7RZ2MWV4TPL\nsecret_key = Zr2LmX7vB4nT1wq8Zr2LmXq8\n", [keyID, secretKey, generic])
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(rules[match.ruleIndex].id == "generic.secret")
        #expect(match.parts.map(\.name) == [.id])
    }

    @Test func overlappingRulesLeaveTheSpecificRuleWithTheFullSpan() throws {
        let (result, rules) = try scan("bot_token = 583920174:AAq8Zr2LmX7vB4nT1wPk5s\n", [generic, botToken])
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(rules[match.ruleIndex].id == "chat.bot-token")
        #expect(text(match.secret) == "583920174:AAq8Zr2LmX7vB4nT1wPk5s", "the bot id is part of the token")
    }

    @Test func overlapsDoNotGrowAcrossQuotesOrURLs() throws {
        let url = Rule(id: "chat.url", name: "u", provider: "Chat", kind: .webhookURL, severity: .high, keywords: ["https"],
                       pattern: #"(?<secret>https://[a-z./:]+AA[A-Za-z0-9]{20})"#)
        let (result, rules) = try scan("url = https://hooks.chat/x:AAq8Zr2LmX7vB4nT1wPk5s\n", [url, botToken])
        #expect(result.matches.count == 1)
        let match = try #require(result.matches.first)
        // The winner is the more severe by id order (both high: chat.bot-token < chat.url), whose
        // span does not grow over "https://…/x:", which holds '/'.
        #expect(rules[match.ruleIndex].id == "chat.bot-token")
        #expect(text(match.secret) == "AAq8Zr2LmX7vB4nT1wPk5s")
    }

    @Test func groupsNamedAfterPartsAreParts() throws {
        let basic = Rule(id: "tool.user-password", name: "u", provider: "Tool", kind: .password, severity: .high, keywords: ["-u "],
                         pattern: #"-u (?<user>\w+):(?<secret>\S{8,})"#)
        let (result, _) = try scan("tool -u deploy:Xk9mQ2vLp7wRt4 https://api\n", [basic])
        let match = try #require(result.matches.first)
        #expect(text(match.secret) == "Xk9mQ2vLp7wRt4")
        #expect(match.parts.map(\.name) == [.user])
        #expect(text(match.parts[0].secret) == "deploy")
        #expect(match.parts[0].start == TextPosition(line: 1, column: 9))
    }

    @Test func groupingKeepsTheFingerprintOfTheSecretAlone() throws {
        let key = FingerprintKey.builtin
        let (paired, rules) = try scan("AKXQ7RZ2MWV4TPL\nacme_secret = q8Zr2LmX7vB4nT1wq8Zr2LmX\n", [keyID, secretKey])
        let (alone, _) = try scan("acme_secret = q8Zr2LmX7vB4nT1wq8Zr2LmX\n", [keyID, secretKey])
        let withParts = FindingGrouper.group(paired.matches.map { Match($0, path: "a.env") }, rules: rules, key: key)
        let withoutParts = FindingGrouper.group(alone.matches.map { Match($0, path: "b.env") }, rules: rules, key: key)
        #expect(withParts.count == 1)
        #expect(withParts[0].fingerprint == withoutParts[0].fingerprint, "a baseline made before the id was found still holds")
        #expect(withParts[0].parts.map(\.name) == [.secret, .id])
        #expect(withParts[0].parts[1].locations.map(\.path) == ["a.env"])
        #expect(withParts[0].ruleIDs == ["acme.key-id", "acme.secret-key"])
    }

    /// A service account key file held one credential but gave two findings: the key file rule
    /// (its `private_key_id`) and the PEM private key rule (its `private_key`).
    @Test func aServiceAccountKeyFileIsOneCredential() throws {
        let rules = RuleLoader.builtinRules()
        let pem = #"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggn9jU6ZSpQ3A8rvX\nTTTAYhVLz445UIm6x0taPcyM+G+hRANCAATYsbmFsE83GjZwa7RKLAwXf1UhxCT1\n8N3lDe51XG4N8/GcYD5xCJiVci3GlcSh+ZSoUyxF5/I04LWdEbcWQzPL\n-----END PRIVATE KEY-----"#
        let file = """
            {
              "type": "service_account",
              "project_id": "acme-prod-4821",
              "private_key_id": "1d14d751fd4faaa6a7e45c94dd7e6b4a575ca7dd",
              "private_key": "\(pem)\\n",
              "client_email": "deployer@acme-prod-4821.iam.gserviceaccount.com"
            }
            """
        let (result, _) = try scan(file, rules)
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        // The key as a `.pem` file writes it (see `PEMBlock.canonicalText`), as when it was found alone.
        #expect(text(match.secret) == pem.replacingOccurrences(of: #"\n"#, with: "\n"))
        #expect(match.parts.map(\.name) == [.id])
        #expect(text(match.parts[0].secret) == "1d14d751fd4faaa6a7e45c94dd7e6b4a575ca7dd")
    }

    /// A URL's own host and user are its parts; a host setting beside it is not added as a second
    /// host (a postgres URL had carried two host parts).
    @Test func aMatchKeepsItsOwnPartsOverTheSettingsBesideIt() throws {
        let url = Rule(id: "generic.url", name: "url", provider: "Generic", kind: .password, severity: .high, keywords: ["://"],
                       pattern: #"://(?<user>\w+):(?<secret>[A-Za-z0-9]{8,})@(?<host>[a-z0-9.-]+)"#)
        let host = Rule(id: "login.host", name: "host", provider: "Generic", kind: .password, severity: .low, keywords: ["host"],
                        pattern: #"HOST=(?<secret>[a-z0-9.-]+)"#, credential: "login", part: .host, alone: false)
        let (result, _) = try scan("DB_HOST=db-a.acme.dev\nDB_URL=smtp://app:Kd8vQ2mZ7xW4pLr@db-b.acme.dev\n", [url, host])
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(match.parts.map(\.name).sorted() == [.user, .host].sorted())
        #expect(match.parts.filter { $0.name == .host }.map { text($0.secret) } == ["db-b.acme.dev"])
    }
}
