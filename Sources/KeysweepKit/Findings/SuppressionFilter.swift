import PCRE2

/// Drops findings that the project accepted: allowlisted values, stopwords, excluded paths (for
/// inputs the walker does not filter, such as history), and baseline fingerprints. Every drop is
/// counted by kind, so a report always says how much it hides.
struct SuppressionFilter {
    let config: ProjectConfig?
    let baseline: Baseline?

    func apply(to findings: [Finding], statistics: inout ScanStatistics) -> [Finding] {
        let scratch = MatchScratch()
        let accepted = baseline?.fingerprints ?? []
        var kept: [Finding] = []
        for finding in findings {
            if let config, let reason = config.acceptance(of: finding.secret, scratch: scratch) {
                statistics.suppressed[reason, default: 0] += 1
                continue
            }
            if accepted.contains(finding.fingerprint) {
                statistics.suppressed["baseline", default: 0] += 1
                continue
            }
            if let config, !config.exclude.isEmpty {
                let locations = finding.locations.filter { location in !config.exclude.contains { $0.matches(location.path, scratch: scratch) } }
                if locations.isEmpty {
                    statistics.suppressed["path", default: 0] += 1
                    continue
                }
                if locations.count != finding.locations.count {
                    kept.append(finding.keeping(locations))
                    continue
                }
            }
            kept.append(finding)
        }
        return kept
    }
}

extension Finding {
    /// The finding at `locations` only (a subset of its own); its parts keep theirs.
    func keeping(_ locations: [Location]) -> Finding {
        var kept = self
        kept.locations = locations
        return kept
    }
}
