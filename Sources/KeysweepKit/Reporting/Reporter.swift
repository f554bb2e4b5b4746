/// Formats a scan report; reporters never decide what is a finding.
public protocol Reporter {
    func render(_ report: ScanReport) -> [UInt8]
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `text, json, jsonl, sarif or gitlab`, for help and messages.
    public static var names: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + (allCases.last?.rawValue ?? "")
    }

    case text, json, jsonl, sarif, gitlab

    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .jsonl: JSONLinesReporter()
        case .sarif: SARIFReporter()
        case .gitlab: GitLabReporter()
        }
    }

    /// The format implied by a report file's extension, if any.
    public init?(fileExtensionOf path: String) {
        // GitLab's conventional artifact name, `gl-secret-detection-report.json`, is its own format.
        if path.split(separator: "/").last?.hasPrefix("gl-secret-detection-report") == true && path.hasSuffix(".json") {
            self = .gitlab
        } else if path.hasSuffix(".sarif") || path.hasSuffix(".sarif.json") {
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
