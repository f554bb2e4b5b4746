/// One secret as the inventory tables show it: every column already formatted.
struct InventoryRow {
    let entry: JSONReportDocument.FindingEntry

    var owner: String { entry.nhi?.owners.first?.name ?? "" }
    var owners: String { entry.nhi?.owners.map(\.name).joined(separator: "; ") ?? "" }
    var firstSeen: String { entry.nhi?.lifetime.firstSeen.map { String($0.prefix(10)) } ?? "" }
    var ageDays: Int? { entry.nhi?.lifetime.ageDays }
    var age: String { ageDays.map { "\($0) d" } ?? "" }
    var expires: String {
        guard let lifetime = entry.nhi?.lifetime else { return "" }
        if let expiry = lifetime.expiresAt { return String(expiry.prefix(10)) + (lifetime.expired == true ? " (expired)" : "") }
        return lifetime.temporary ? "temporary" : "never"
    }
    var presentAtHead: String { entry.presentAtHead.map { $0 ? "yes" : "no" } ?? "" }
    var environments: String { entry.nhi?.exposure.environments.joined(separator: ", ") ?? "" }
    var repositories: String { Set(entry.locations.compactMap(\.repository)).sorted().joined(separator: ", ") }
    var risks: [String] { entry.nhi?.risks ?? [] }
    /// The contexts of its locations (`source`, `test`, ...), sorted as `LocationContext` orders them.
    var context: String {
        Set(entry.locations.map { LocationContext(rawValue: $0.context ?? "") ?? .source }).sorted().map(\.rawValue).joined(separator: ", ")
    }
    /// The named parts of a credential made of several (`id + secret + token`).
    var parts: String { entry.parts?.map(\.part).joined(separator: " + ") ?? "" }
    var key: String {
        guard let key = entry.nhi?.key else { return "" }
        return key.algorithm + (key.bits.map { " \($0)" } ?? "") + (key.encrypted ? " encrypted" : "") + (key.weak ? " WEAK" : "")
            + (key.storePassword.map { $0.isEmpty ? " empty store password" : " store password \"\($0)\"" } ?? "")
            + (key.storePasswordAt.map { " store password at \($0)" } ?? "")
            + (key.decryptionSummary.map { " " + $0 } ?? "")
    }

    /// `path:line` (with the repository and a short commit where known).
    static func place(_ location: JSONReportDocument.LocationEntry) -> String {
        var text = (location.repository.map { $0 + ":" } ?? "") + "\(location.path):\(location.line)"
        if let commit = location.commit { text += " @\(commit.prefix(12))" }
        return text
    }

    /// Age buckets of the summary chart.
    var ageBucket: String {
        guard let days = ageDays else { return "unknown" }
        switch days {
        case ..<30: return "< 30 days"
        case ..<90: return "30-90 days"
        case ..<365: return "90 days-1 year"
        default: return "> 1 year"
        }
    }

    static let ageBuckets = ["< 30 days", "30-90 days", "90 days-1 year", "> 1 year", "unknown"]
}
