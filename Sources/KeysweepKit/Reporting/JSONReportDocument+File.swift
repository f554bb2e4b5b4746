import Foundation

extension JSONReportDocument {
    /// The JSON report at `path`, as `keysweep merge` and `keysweep explain` read it.
    public init(path: String) throws(KeysweepError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = access(path, R_OK) == 0 ? "it is not a regular file" : String(cString: strerror(errno))
            throw KeysweepError(.unreadableInput, path: path, reason)
        }
        let document: JSONReportDocument
        do {
            document = try JSONDecoder().decode(JSONReportDocument.self, from: data)
        } catch {
            throw KeysweepError(.invalidReport, path: path, "it is not a Keysweep JSON report: \(DecodingProblem.describe(error))",
                                remedy: "give reports written by `keysweep scan|git --format json`")
        }
        guard document.version == JSONReportDocument.currentVersion else {
            throw KeysweepError(.invalidReport, path: path, "it is a version \(document.version) report; this keysweep reads version \(JSONReportDocument.currentVersion)",
                                remedy: "scan again with this keysweep")
        }
        self = document
    }
}
