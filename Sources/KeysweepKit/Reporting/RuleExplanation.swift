/// What `keysweep explain RULE` prints: what the rule finds, why a finding matters, how to
/// rotate it, and the rule file's own examples.
public enum RuleExplanation {
    public static func text(for rule: Rule) -> String {
        let rotation = Remediation.line(for: rule)
        var lines = [
            "\(rule.id): \(rule.name)",
            "  provider     \(rule.provider)",
            "  kind         \(rule.kind.rawValue)",
            "  severity     \(rule.severity.rawValue)",
            "",
            "What it finds",
            "  \(rule.name) (\(rule.kind.rawValue.replacingOccurrences(of: "-", with: " "))), matched by the pattern",
            "    \(rule.pattern)",
            "  in files that contain " + (rule.keywords.isEmpty ? "anything (the rule has no keyword)" : "one of: " + rule.keywords.joined(separator: ", ")) + ".",
        ]
        if let entropy = rule.minEntropy { lines.append("  The secret must have at least \(entropy) bits of entropy per byte.") }
        if let validator = rule.validator {
            lines.append("  The `\(validator.rawValue)` check rejects look-alikes before they become findings.")
        }
        if rule.isGeneric { lines.append("  A generic rule: it yields to any specific rule that finds the same secret.") }
        lines += ["", "Why it matters", "  " + why(rule), "", "How to rotate", "  " + rotation.text, "  " + rotation.link]
        if !rule.examples.isEmpty {
            lines += ["", "Examples from its rule file (fake values)", "  found:"] + rule.examples.map { "    " + $0 }
        }
        if !rule.negativeExamples.isEmpty {
            lines += ["  not found:"] + rule.negativeExamples.map { "    " + $0 }
        }
        if !rule.references.isEmpty { lines += ["", "References"] + rule.references.map { "  " + $0 } }
        lines += ["", "To accept one finding, a comment on its line or the line above:", "  keysweep:allow \(rule.id) <reason>"]
        return TerminalText.printable(lines.joined(separator: "\n")) + "\n"
    }

    /// The harm a leaked credential of this kind does.
    static func why(_ rule: Rule) -> String {
        let lasting = "Removing it from the code does not end that: history, forks and clones keep it, so it must be revoked."
        switch rule.kind {
        case _ where rule.provider == "JWT":
            return "A token is accepted until it expires: anyone who reads it acts as its subject wherever its issuer is trusted. " + lasting
        case .apiKey, .accessToken:
            return "Anyone who reads it (in the repository, a clone, a CI log) can call \(rule.provider) as the identity it belongs to. " + lasting
        case .oauthClientSecret:
            return "It lets anyone act as the application towards \(rule.provider): mint tokens and show users a trusted consent screen. " + lasting
        case .privateKey, .certificate:
            return "Whoever holds it can sign, decrypt or log in as its owner, and every system that trusts the key trusts them. " + lasting
        case .keyStore:
            return "Its keys are under one password, which anyone with the file may guess offline, as often as they like; keytool's `changeit` and Android's `android` are tried first. " + lasting
        case .encryptionKey:
            return "It decrypts the files encrypted under it, every version of them in the history and in every clone: the secrets those files hold are as exposed as the key. " + lasting
        case .password, .connectionString:
            return "It opens the service it guards to anyone who reads it, often with the application's full rights to its data. " + lasting
        case .webhookURL:
            return "Anyone who has the URL can post into the channel it feeds, in the name of the integration. " + lasting
        }
    }
}
