/// The formats of `keysweep inventory` and `keysweep merge`: one row per secret, redacted.
public enum InventoryFormat: String, Sendable, CaseIterable {
    /// The JSON report (with `nhi` on every finding), which `keysweep merge` reads back.
    case json
    case csv
    /// A single self-contained page: summary, charts, a sortable and filterable table.
    case html

    public func render(_ document: JSONReportDocument) -> [UInt8] {
        switch self {
        case .json: Array(JSONReporter.encode(document, pretty: true)) + [UInt8(ascii: "\n")]
        case .csv: InventoryCSV.render(document)
        case .html: InventoryHTML.render(document)
        }
    }

    /// The format implied by a file name, if any.
    public init?(fileExtensionOf path: String) {
        if path.hasSuffix(".json") { self = .json } else if path.hasSuffix(".csv") { self = .csv } else if path.hasSuffix(".html") || path.hasSuffix(".htm") { self = .html } else { return nil }
    }
}
