import ArgumentParser
import Foundation
import KeysweepKit

/// `keysweep merge REPORT.json ...`: one inventory from the JSON reports of many scans.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine JSON reports (one per repository, made anywhere) into one inventory.",
        discussion: "Locations without a repository are labelled with their report's file name. Exit code 0 unless the run fails (2)."
    )

    @Argument(help: "JSON reports from 'keysweep scan|git|inventory --format json'.")
    var reports: [String]

    @Option(help: "Output format: html, csv or json (default: from the --output extension, else json).")
    var format: String?

    @Option(name: [.short, .long], help: "Write the inventory to this file ('-' for standard output). Written atomically.")
    var output: String = "-"

    @OptionGroup var clock: ClockOptions

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give at least one JSON report") }
        if let format, InventoryFormat(rawValue: format) == nil { throw ValidationError("unknown --format '\(format)' (expected html, csv or json)") }
    }

    func run() throws {
        try ReportWriter.checkWritable(output)
        var documents: [(name: String, document: JSONReportDocument)] = []
        for path in reports {
            documents.append((Self.name(of: path), try JSONReportDocument(path: path)))
        }
        let merged = try ReportMerger(now: clock.timestamp ?? Timestamp.current, policy: clock.policy).merge(documents)
        let chosen = format.flatMap(InventoryFormat.init(rawValue:)) ?? InventoryFormat(fileExtensionOf: output) ?? .json
        try ReportWriter.write(chosen.render(merged), to: output)
    }

    /// `reports/api-server.json` -> `api-server`.
    static func name(of path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".json", ".keysweep"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }
}
