/// Leaves out the locations in the contexts `--exclude-context` names (`test,docs`), and the
/// findings left with none; each finding left out is counted as suppressed by `context`.
struct ContextFilter {
    let excluded: Set<LocationContext>

    func apply(to findings: [Finding], statistics: inout ScanStatistics) -> [Finding] {
        guard !excluded.isEmpty else { return findings }
        return findings.compactMap { finding in
            let locations = finding.locations.filter { !excluded.contains($0.context) }
            guard !locations.isEmpty else {
                statistics.suppressed["context", default: 0] += 1
                return nil
            }
            var kept = finding.keeping(locations)
            kept.parts = finding.parts.compactMap { part in
                var part = part
                part.locations.removeAll { excluded.contains($0.context) }
                return part.locations.isEmpty ? nil : part
            }
            if kept.parts.count < 2 { kept.parts = [] }
            return kept
        }
    }
}

extension ContextFilter {
    /// Leaves out the documentation and example locations of one-word passwords (the
    /// `word-password` validator's): `login_password: secure` in a module's examples or a README
    /// shows what a field takes, while the same word in a compose file or a CI workflow sets a
    /// service's password. A finding left with no location is counted as suppressed by `context`.
    static func leavingOutIllustrativeWords(_ findings: [Finding], statistics: inout ScanStatistics) -> [Finding] {
        let illustrative = ContextFilter(excluded: [.docs, .example])
        return findings.flatMap { finding in
            finding.rule.validator == .wordPassword ? illustrative.apply(to: [finding], statistics: &statistics) : [finding]
        }
    }
}
