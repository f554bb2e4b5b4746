/// Formats a scan report; reporters never decide what is a finding.
public protocol Reporter {
    func render(_ report: ScanReport) -> [UInt8]
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif

    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .jsonl: JSONLinesReporter()
        case .sarif: SARIFReporter()
        }
    }

    /// The format implied by a report file's extension, if any.
    public init?(fileExtensionOf path: String) {
        if path.hasSuffix(".sarif") || path.hasSuffix(".sarif.json") {
            self = .sarif
        } else if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            self = .jsonl
        } else if path.hasSuffix(".json") {
            self = .json
        } else if path.hasSuffix(".txt") || path.hasSuffix(".log") {
            self = .text
        } else {
            return nil
        }
    }
}
