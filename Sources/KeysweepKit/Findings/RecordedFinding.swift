/// A finding as a report or baseline recorded it, for `keysweep explain FINGERPRINT`: which rule
/// found it, the redacted secret, and where it was.
public struct RecordedFinding: Sendable, Equatable {
    public var fingerprint: String
    public var ruleID: String
    /// Redacted as the report wrote it.
    public var secret: String
    /// `path:line[:column]`, with the commit for history.
    public var locations: [String]

    public init(fingerprint: String, ruleID: String, secret: String, locations: [String]) {
        self.fingerprint = fingerprint
        self.ruleID = ruleID
        self.secret = secret
        self.locations = locations
    }

    /// The findings of a JSON report or of a baseline, whichever `path` holds.
    public static func all(in path: String) throws(KeysweepError) -> [RecordedFinding] {
        do throws(KeysweepError) {
            return try JSONReportDocument(path: path).findings.map { entry in
                RecordedFinding(fingerprint: entry.fingerprint, ruleID: entry.rule, secret: entry.secret, locations: entry.locations.map { location in
                    "\(location.path):\(location.line):\(location.column)" + (location.commit.map { "  commit \($0.prefix(12))" } ?? "")
                })
            }
        } catch where error.code == .invalidReport {
            guard let baseline = try? Baseline(path: path) else {
                throw KeysweepError(.invalidReport, path: path, "it is neither a Keysweep JSON report nor a baseline",
                                    remedy: "give a report written with `--format json`, or a baseline from `keysweep baseline create`")
            }
            return baseline.entries.map { RecordedFinding(fingerprint: $0.fingerprint, ruleID: $0.rule, secret: $0.secret, locations: $0.locations) }
        }
    }

    /// The one finding whose fingerprint starts with `prefix` (at least 6 hex digits, as git
    /// abbreviates ids), or why there is none.
    public static func find(_ prefix: String, in findings: [RecordedFinding], source: String) throws(KeysweepError) -> RecordedFinding {
        let wanted = prefix.lowercased()
        let matching = findings.filter { $0.fingerprint.hasPrefix(wanted) }
        guard matching.count <= 1 else {
            throw KeysweepError(.usage, path: source, "\(matching.count) findings have fingerprints starting with \(prefix)", remedy: "give more digits")
        }
        guard let found = matching.first else {
            throw KeysweepError(.notFound, path: source, "no finding has the fingerprint \(prefix) (of \(findings.count))",
                                remedy: "fingerprints are keyed: look it up in a report made under the same fingerprint key as the scan that printed it")
        }
        return found
    }

    /// Whether `text` looks like a fingerprint or an abbreviation of one.
    public static func isFingerprint(_ text: String) -> Bool {
        text.count >= 6 && text.count <= 32 && text.allSatisfy(\.isHexDigit)
    }
}
