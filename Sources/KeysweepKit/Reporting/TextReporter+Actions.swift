/// The two lines that end each finding in the text report: what fixes it, and the exact comment
/// that accepts it instead.
extension TextReporter {
    /// The link has a line of its own: provider pages are long, and the block must fit a terminal.
    static func actionLines(_ finding: Finding) -> [String] {
        let action = Remediation.action(for: finding.rule)
        return ["  fix          \(action.text):", "               \(action.link)", "  allow        " + allowance(finding)]
    }

    /// The `keysweep:allow` comment in the syntax of the file of the first location, or, where a
    /// comment cannot help, the baseline command.
    ///
    /// The rule id is named only when one rule found the secret, or when the others are generic
    /// rules, which an allow for a specific rule covers (see `InlineAllowance.acceptedSecrets`): a
    /// comment naming one rule lets other specific rules through, and the finding would stay.
    static func allowance(_ finding: Finding) -> String {
        let history = finding.locations.contains { $0.commit != nil }
        if finding.presentAtHead == false {
            return "gone from the current tree: accept it with `keysweep baseline create --git`"
        }
        guard let first = finding.locations.first else { return "`keysweep baseline create`" }
        let othersAreGeneric = !finding.rule.judgesByContext
            && finding.ruleIDs.allSatisfy { $0 == finding.rule.id || $0.hasPrefix("generic.") }
        let marker = othersAreGeneric || finding.ruleIDs.count == 1 ? "keysweep:allow \(finding.rule.id) <reason>" : "keysweep:allow <reason>"
        let baseline = history ? "`keysweep baseline create --git`" : "`keysweep baseline create`"
        if finding.locations.contains(where: \.isWholeFile) { return "this file takes no comment: accept it with \(baseline)" }
        guard let comment = CommentSyntax(path: first.path).comment(marker) else {
            return "no comments in this file: accept it with \(baseline)"
        }
        let files = Set(finding.locations.map(\.path))
        var place = finding.locations.count == 1 ? "above line \(first.start.line)" : "above each line"
        if first.encoding == DecryptedSettings.encoding { place += " of its decrypted text" }
        let syntax = files.count > 1 && Set(files.map { CommentSyntax(path: $0) }).count > 1 ? " (in each file's comment syntax)" : ""
        return "\(place)\(syntax): \(comment)"
    }
}
