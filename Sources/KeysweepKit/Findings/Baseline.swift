import Foundation

/// Findings a team has reviewed and accepted, by fingerprint, so that later scans report only new
/// ones. Stored as sorted, pretty JSON with redacted context, to be committed and reviewed.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var rule: String
        /// Redacted: a prefix and the length.
        public var secret: String
        /// `path:line`, or `path:line@commit` for history, sorted.
        public var locations: [String]
    }

    struct Document: Codable {
        var version: Int
        var findings: [Entry]
    }

    public private(set) var entries: [Entry]

    public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    public init(findings: [Finding]) {
        let redaction = Redaction(showSecrets: false)
        entries = findings.map { finding in
            Entry(fingerprint: finding.fingerprint, rule: finding.rule.id, secret: redaction.display(finding.secret),
                  locations: finding.locations.map { location in
                      "\(location.path):\(location.start.line)" + (location.commit.map { "@\($0.id)" } ?? "")
                  }.sorted())
        }.sorted { $0.fingerprint < $1.fingerprint }
    }

    public init(path: String) throws(KeysweepError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeysweepError("cannot read baseline '\(path)': no such file or not readable")
        }
        do {
            let document = try JSONDecoder().decode(Document.self, from: data)
            guard document.version == 1 else { throw KeysweepError("baseline '\(path)': unsupported version \(document.version)") }
            entries = document.findings.sorted { $0.fingerprint < $1.fingerprint }
        } catch let error as KeysweepError {
            throw error
        } catch {
            throw KeysweepError("baseline '\(path)' is not a Keysweep baseline: \(error)")
        }
    }

    public func rendered() -> [UInt8] {
        Array(JSONReporter.encode(Document(version: 1, findings: entries), pretty: true)) + [UInt8(ascii: "\n")]
    }
}
