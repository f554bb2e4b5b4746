import Foundation
@testable import KeysweepKit

/// Fuzz targets of what Keysweep reads back from its own reports (`Findings/Baseline.swift`,
/// `Inventory/ReportMerger.swift`).
enum ReportFuzzing {
    /// `Baseline(path:)` of a file holding the input, rendered back when it loads.
    static func baseline(_ bytes: UnsafeRawBufferPointer) {
        guard let path = ScratchFile.write(bytes, name: "baseline.json"),
              let baseline = try? Baseline(path: path) else { return }
        _ = baseline.fingerprints
        _ = baseline.rendered()
    }

    /// The input decoded as `keysweep merge` decodes a report (`MergeCommand.read`: JSON, then
    /// the version), merged with a copy of itself under another name, and rendered in every
    /// inventory format.
    static func merge(_ bytes: UnsafeRawBufferPointer) {
        guard let document = try? JSONDecoder().decode(JSONReportDocument.self, from: Data(bytes)),
              document.version == JSONReportDocument.currentVersion else { return }
        let merger = ReportMerger(now: Timestamp(seconds: 1_790_000_000))
        guard let merged = try? merger.merge([(name: "first", document: document), (name: "second", document: document)]) else { return }
        for format in InventoryFormat.allCases { _ = format.render(merged) }
    }
}
