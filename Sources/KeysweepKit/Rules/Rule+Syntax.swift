extension Rule {
    /// Validates one parsed rule: required fields present, values of the right type and shape.
    ///
    /// The pattern itself is checked when it is compiled (`RuleSet`), where PCRE2 gives the offset.
    init(syntax: RuleSyntax) throws(RuleError) {
        let id = try syntax.string("id")
        guard Rule.isValidID(id) else {
            throw syntax.error("id", "must be lowercase and dotted, like provider.kind[.variant]")
        }
        let keywords = try syntax.strings("keywords")
        guard !keywords.isEmpty else { throw syntax.error("keywords", "missing: every rule needs at least one keyword for the prefilter") }
        if let short = keywords.first(where: { $0.utf8.count < 2 }) {
            throw syntax.error("keywords", "keyword '\(short)' is shorter than 2 bytes and would select this rule for almost every file")
        }
        let anchors = try syntax.fields["anchors"] == nil ? nil : syntax.strings("anchors")
        if let anchors {
            guard !anchors.isEmpty else { throw syntax.error("anchors", "must list at least one string, or be left out") }
            if let short = anchors.first(where: { $0.utf8.count < 2 }) {
                throw syntax.error("anchors", "anchor '\(short)' is shorter than 2 bytes")
            }
            guard PatternReach.of(pattern: AssignmentGrammar.expand(try syntax.string("pattern")), keywords: anchors) != nil else {
                throw syntax.error("anchors", "the pattern can match without one of them a bounded distance from its start")
            }
        }
        let validator: StructuralValidator? = try syntax.fields["validator"] == nil
            ? nil : syntax.enumeration("validator", as: StructuralValidator.self)
        self.init(
            id: id,
            name: try syntax.string("name"),
            provider: try syntax.string("provider"),
            kind: try syntax.enumeration("kind", as: SecretKind.self),
            severity: try syntax.enumeration("severity", as: Severity.self),
            keywords: keywords,
            pattern: try syntax.string("pattern"),
            minEntropy: try syntax.optionalDouble("min_entropy"),
            validator: validator,
            examples: try syntax.strings("examples"),
            negativeExamples: try syntax.strings("negative_examples"),
            references: try syntax.strings("references"),
            credential: try syntax.optionalString("credential"),
            part: try syntax.fields["part"] == nil ? nil : syntax.enumeration("part", as: CredentialPartName.self),
            alone: try syntax.optionalBool("alone"),
            anchors: anchors
        )
        if let credential, !Rule.isValidCredentialName(credential) {
            throw syntax.error("credential", "must be lowercase letters, digits and dashes, like aws or azure-entra")
        }
        if (part != nil || alone != nil) && credential == nil {
            throw syntax.error(part != nil ? "part" : "alone", "needs a credential to be a part of")
        }
        if let minEntropy, !(0...8).contains(minEntropy) {
            throw syntax.error("min_entropy", "must be between 0 and 8 bits per byte")
        }
    }

    static func isValidCredentialName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// `provider.kind[.variant]`: lowercase letters, digits and dashes, at least two dotted parts.
    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            }
        }
    }
}
