/// The report for people: one block per finding, its locations folded after the first few, then a
/// summary of what was scanned and skipped.
public struct TextReporter: Reporter {
    /// Locations shown per finding before the rest are folded into a count.
    public var shownLocations = 5

    public init() {}

    public func render(_ report: ScanReport) -> [UInt8] {
        var lines: [String] = []
        // Most severe first; within a severity, in report order (by first location).
        let ordered = report.findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
        for finding in ordered {
            let rule = finding.rule
            lines.append("\(finding.severity.rawValue.uppercased())  \(rule.name)  [\(rule.id)]")
            if finding.rejected { lines.append("  REJECTED     a validator proved it a look-alike (listed because of --no-suppress)") }
            lines.append("  secret       \(report.redaction.display(finding.secret, rule: finding.rule))")
            lines.append("  fingerprint  \(finding.fingerprint)")
            for (index, location) in finding.locations.prefix(shownLocations).enumerated() {
                let label = index == 0 ? "  found at     " : "               "
                var text = "\(location.path):\(location.start.line):\(location.start.column)"
                if let encoding = location.encoding { text += " " + Self.encodingNote(encoding) }
                if location.context != .source { text += " (\(location.context.rawValue))" }
                if let layer = location.layer { text += "  layer \(layer)" }
                if let deleted = location.deletedInLayer { text += ", deleted in layer \(deleted) (still shipped)" }
                if let commit = location.commit {
                    text += "  commit \(commit.id.prefix(12)) \(commit.author) <\(commit.email)> \(commit.date)"
                }
                lines.append(label + text)
            }
            if finding.locations.count > shownLocations {
                lines.append("               … and \(finding.locations.count - shownLocations) more locations")
            }
            lines += partLines(finding, redaction: report.redaction)
            if let firstSeen = finding.firstSeen {
                lines.append("  first seen   \(firstSeen.id.prefix(12)) \(firstSeen.date)")
            }
            if let atHead = finding.presentAtHead {
                lines.append("  at HEAD      " + Self.headState(atHead, finding.enrichment?.exposure))
            }
            if let enrichment = finding.enrichment { lines += Self.inventoryLines(enrichment, kind: rule.kind) }
            lines += Self.actionLines(finding)
            lines.append("")
        }
        lines.append(summary(report))
        let text = TerminalText.printable(lines.joined(separator: "\n"))
        return Array(((report.colour ? Self.coloured(text) : text) + "\n").utf8)
    }

    /// `text` with ANSI colours: severities (critical and high red, medium yellow, low cyan), rule
    /// ids dim, a blocked commit or an incomplete scan bold. Applied after `TerminalText`
    /// escaped every control character of the content, so only these codes reach the terminal.
    static func coloured(_ text: String) -> String {
        let reset = "\u{1B}[0m"
        let severities: [(String, String)] = [("CRITICAL", "\u{1B}[1;31m"), ("HIGH", "\u{1B}[31m"), ("MEDIUM", "\u{1B}[33m"), ("LOW", "\u{1B}[36m")]
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            if let (word, code) = severities.first(where: { line.hasPrefix($0.0 + "  ") }) {
                var rest = String(line.dropFirst(word.count))
                if let open = rest.lastIndex(of: "["), rest.hasSuffix("]") {
                    rest = String(rest[..<open]) + "\u{1B}[2m" + String(rest[open...]) + reset
                }
                return code + word + reset + rest
            }
            if line.hasPrefix("COMMIT BLOCKED") || line.hasPrefix("INCOMPLETE SCAN") { return "\u{1B}[1;31m" + line + reset }
            if line.hasPrefix("next:") { return "\u{1B}[1m" + "next:" + reset + line.dropFirst(5) }
            return line
        }.joined(separator: "\n")
    }

    /// One line per other part of a credential: its name, redacted value, first place and rule.
    private func partLines(_ finding: Finding, redaction: Redaction) -> [String] {
        finding.parts.filter { $0.secret != finding.secret }.map { part in
            let name = part.name.rawValue
            let place = part.locations.first.map { " \($0.path):\($0.start.line):\($0.start.column)" } ?? ""
            return "  part " + name + String(repeating: " ", count: max(1, 8 - name.count))
                + redaction.display(part.secret, rule: part.rule) + place + "  [\(part.rule.id)]"
        }
    }

    /// Whether the secret is in HEAD's tree, and if not, where it still is: the branches that hold
    /// it matter more than "history" when none of them is merged.
    static func headState(_ atHead: Bool, _ exposure: Enrichment.Exposure?) -> String {
        if atHead { return "yes: still in the current tree" }
        guard let branches = exposure?.branches else { return "no: only in history" }
        guard !branches.isEmpty else { return "no: on no branch; only a tag or another ref still reaches it" }
        let plural = branches.count == 1 ? "" : "es"
        if exposure?.onlyUnmergedBranches == true { return "no: only on the unmerged branch\(plural) " + branches.joined(separator: ", ") }
        return "no: in the history of branch\(plural) " + branches.joined(separator: ", ")
    }

    /// How the secret is written at a location: `(base64-encoded)`, or, in a file that a key the
    /// scan found decrypts, `(in its decrypted text)` (see `DecryptedSettings`).
    static func encodingNote(_ encoding: String) -> String {
        encoding == DecryptedSettings.encoding ? "(in its decrypted text)" : "(\(encoding)-encoded)"
    }

    /// Owner, expiry, key facts and risks, where known.
    static func inventoryLines(_ enrichment: Enrichment, kind: SecretKind) -> [String] {
        var lines: [String] = []
        if let owner = enrichment.owners.first {
            let others = enrichment.owners.dropFirst().map { "\($0.name) (\($0.source))" }
            lines.append("  owner        \(owner.name) (\(owner.source))" + (others.isEmpty ? "" : "; also " + others.joined(separator: ", ")))
        }
        let lifetime = enrichment.lifetime
        if let expires = lifetime.expiresAt {
            lines.append("  expires      \(expires)\(lifetime.expired == true ? " (expired)" : "")")
        } else if lifetime.temporary {
            lines.append("  expires      temporary credential (hours)")
        }
        if let key = enrichment.key {
            let size = key.bits.map { " \($0) bits" } ?? ""
            let protection = key.storePassword.map { $0.isEmpty ? ", the store opens with an empty password" : ", the store opens with the well-known password \"\($0)\"" }
                ?? key.storePasswordAt.map { ", the store opens with the password found at \($0)" }
                ?? key.decryptionSummary.map { ", " + $0 }
                // A symmetric key is never itself encrypted: what it opens is the news, when found.
                ?? (kind == .encryptionKey ? ", nothing it opens was found in the scan"
                    : key.encrypted ? ", passphrase-protected" : ", unencrypted")
            lines.append("  key          \(key.algorithm)\(size)\(protection)\(key.weak ? ", WEAK" : "")")
        }
        if enrichment.exposure.testFixture { lines.append("  where        test fixture (every location is under a test path)") }
        lines.append("  risks        " + enrichment.risks.compactMap { NHIRisk(rawValue: $0).map { "\($0.id) \($0.title)" } }.joined(separator: ", "))
        return lines
    }

    private func summary(_ report: ScanReport) -> String {
        let statistics = report.statistics
        let findings = report.findings.count
        var text = "\(findings) finding\(findings == 1 ? "" : "s") (\(report.locationCount) location\(report.locationCount == 1 ? "" : "s"))"
        text += " in \(statistics.filesScanned) file\(statistics.filesScanned == 1 ? "" : "s"), \(Self.bytes(statistics.bytesScanned))"
        if report.includeTiming { text += ", \(statistics.durationMilliseconds) ms" }
        let skipped = statistics.skipped.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        if !skipped.isEmpty { text += "\nskipped: " + skipped.joined(separator: ", ") }
        let suppressed = statistics.suppressed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !suppressed.isEmpty { text += "\nsuppressed: " + suppressed.joined(separator: ", ") }
        let rejected = statistics.rejectedByValidator.values.reduce(0, +)
        if findings > 0 { text += "\nfingerprints: HMAC under the \(report.fingerprintKey.description)" }
        if rejected > 0 { text += "\nrejected by validators (look-alikes, not secrets): \(rejected)" }
        for reason in report.incomplete {
            text += "\nINCOMPLETE SCAN: \(reason); the rest of the input was not scanned, so findings may be missing"
        }
        if findings > 0 { text += "\n" + Self.nextSteps(report) }
        return text
    }

    /// What to do about the findings: for a blocked commit, the three ways forward; otherwise how
    /// to rotate, accept one, or accept today's findings.
    static func nextSteps(_ report: ScanReport) -> String {
        let allow = "add its `allow` comment (`keysweep:allow <rule> <reason>`)"
        if report.blocksCommit {
            return """
            COMMIT BLOCKED: the staged changes add \(report.findings.count) secret\(report.findings.count == 1 ? "" : "s").
              1. remove the secret (rotate it if it was ever pushed) and `git add` the file again;
              2. or, for a test key or an example, add its `allow` comment (`keysweep:allow …`) and `git add` again;
              3. or bypass this one commit with `git commit --no-verify`.
            """
        }
        return """
        next: rotate each secret at its provider and remove it from the code;
          to accept one, \(allow);
          to accept today's findings, `keysweep baseline create` and scan with `--baseline FILE`.
        """
    }

    static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return "\((count * 10 / 1024).formatted(tenths: true)) KiB" }
        return "\((count * 10 / (1024 * 1024)).formatted(tenths: true)) MiB"
    }
}

private extension Int {
    /// `123` as `12.3`.
    func formatted(tenths: Bool) -> String { "\(self / 10).\(self % 10)" }
}
