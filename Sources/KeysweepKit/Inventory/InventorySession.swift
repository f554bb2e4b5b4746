/// Runs `keysweep inventory`: scans each input as its own scan, then merges the reports, so that a
/// secret found in several repositories is one row with all of them (the same path as `merge`).
public enum InventorySession {
    /// The merged inventory, and each input's scan report (for its warnings).
    public static func run(_ inputs: [InventoryInput], template: ScanRequest) throws(KeysweepError)
        -> (document: JSONReportDocument, reports: [ScanReport]) {
        let now = template.now ?? Timestamp.current
        var documents: [(name: String, document: JSONReportDocument)] = []
        var reports: [ScanReport] = []
        for input in inputs {
            var request = template
            request.input = input.scan
            request.repositoryLabel = input.name
            request.resolveBranches = true
            request.now = now
            let (report, damage) = try ScanSession.report(for: request)
            if let damage { throw damage }
            documents.append((input.name, JSONReportDocument(report)))
            reports.append(report)
        }
        var document = try ReportMerger(now: now, policy: template.policy).merge(documents)
        if template.includeTiming {
            document.scan.durationMilliseconds = reports.reduce(0) { $0 + $1.statistics.durationMilliseconds }
        }
        return (document, reports)
    }
}
