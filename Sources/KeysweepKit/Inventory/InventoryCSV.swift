import Foundation

/// The inventory as CSV (RFC 4180): one row per secret, for spreadsheets and ticket imports.
enum InventoryCSV {
    static let header = ["fingerprint", "provider", "kind", "rule", "severity", "secret", "owner", "owners", "first_seen",
                         "age_days", "expires", "present_at_head", "locations", "files", "commits", "repositories",
                         "environments", "branches", "only_unmerged_branches", "risks", "key", "first_location", "revoke_at",
                         "context", "parts"]

    static func render(_ document: JSONReportDocument) -> [UInt8] {
        var lines = [header.joined(separator: ",")]
        for entry in document.findings {
            let row = InventoryRow(entry: entry)
            let exposure = entry.nhi?.exposure
            let branches: String = exposure?.branches?.joined(separator: "; ") ?? ""
            let unmerged: String = exposure?.onlyUnmergedBranches.map { $0 ? "yes" : "no" } ?? ""
            let age: String = row.ageDays.map(String.init) ?? ""
            let firstLocation: String = entry.locations.first.map(InventoryRow.place) ?? ""
            let fields: [String] = [
                entry.fingerprint, entry.provider, entry.kind, entry.rule, entry.severity, entry.secret, row.owner, row.owners,
                row.firstSeen, age, row.expires, row.presentAtHead,
                String(entry.counts.locations), String(entry.counts.files), String(entry.counts.commits), row.repositories,
                row.environments, branches, unmerged, row.risks.joined(separator: " "), row.key,
                firstLocation, entry.nhi?.remediation.link ?? "", row.context, row.parts,
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Quotes a field when it holds a comma, quote or line break. A field a spreadsheet would run
    /// as a formula (a leading `=`, `+` or `-` that is not a number, or `@` with a call) gets a
    /// leading `'`; `@team` owners stay as they are.
    static func quoted(_ field: String) -> String {
        var text = field
        if let first = text.first, Double(text) == nil, "=+-".contains(first) || (first == "@" && text.contains("(")) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
