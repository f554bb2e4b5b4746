import Foundation

/// The JSON report: one document with the tool, scan statistics and findings.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: ScanReport) -> [UInt8] {
        Array(JSONReporter.encode(JSONReportDocument(report), pretty: true)) + [UInt8(ascii: "\n")]
    }

    /// Sorted keys and no escaped slashes: stable, readable output.
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            // Every value here is made of strings, integers and finite doubles.
            preconditionFailure("report does not encode: \(error)")
        }
    }
}

/// JSON Lines: one compact finding per line, for streaming into other tools.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ report: ScanReport) -> [UInt8] {
        var bytes: [UInt8] = []
        for finding in report.findings {
            bytes += JSONReporter.encode(JSONReportDocument.FindingEntry(finding, redaction: report.redaction, key: report.fingerprintKey), pretty: false)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
