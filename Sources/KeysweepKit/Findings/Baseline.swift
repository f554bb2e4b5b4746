import Foundation

/// Findings a team has reviewed and accepted, by fingerprint, so that later scans report only new
/// ones. Stored as sorted, pretty JSON with redacted context, to be committed and reviewed.
///
/// Fingerprints are keyed (`FingerprintKey`), so a baseline records the id of its key: a scan under
/// another key, or a version 1 baseline (unkeyed fingerprints), would match nothing and report
/// every accepted finding as new, so it stops the run instead and says to recreate the baseline.
public struct Baseline: Sendable, Equatable {
    public static let currentVersion = 2

    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var rule: String
        /// Redacted: the length, and a public type marker where the rule has one.
        public var secret: String
        /// `path:line`, or `path:line@commit` for history, sorted.
        public var locations: [String]
    }

    /// Version 2; `fingerprint_key` and `key_id` are absent in version 1.
    struct Document: Codable {
        var version: Int
        var fingerprintKey: FingerprintKey.Kind?
        var keyID: String?
        var findings: [Entry]

        enum CodingKeys: String, CodingKey {
            case version, findings
            case fingerprintKey = "fingerprint_key"
            case keyID = "key_id"
        }
    }

    public private(set) var entries: [Entry]
    /// Which kind of key made the fingerprints, and its id.
    public let keyKind: FingerprintKey.Kind
    public let keyID: String
    /// The file it was read from, for messages; empty for a new baseline.
    let path: String

    public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    public init(findings: [Finding], key: FingerprintKey) {
        let redaction = Redaction(showSecrets: false)
        entries = findings.map { finding in
            Entry(fingerprint: finding.fingerprint, rule: finding.rule.id, secret: redaction.display(finding.secret, rule: finding.rule),
                  locations: finding.locations.map { location in
                      "\(location.path):\(location.start.line)" + (location.commit.map { "@\($0.id)" } ?? "")
                  }.sorted())
        }.sorted { $0.fingerprint < $1.fingerprint }
        keyKind = key.kind
        keyID = key.id
        path = ""
    }

    public init(path: String) throws(KeysweepError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeysweepError(.invalidBaseline, "cannot read baseline '\(path)': no such file or not readable", remedy: "make one with `keysweep baseline create --output \(path)`")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw KeysweepError(.invalidBaseline, "baseline '\(path)' is not a Keysweep baseline: \(DecodingProblem.describe(error)); "
                                + "recreate it with `keysweep baseline create -o \(path)`")
        }
        if document.version == 1 {
            throw KeysweepError(.invalidBaseline, "baseline '\(path)' is version 1, with unkeyed fingerprints that this keysweep no longer makes; "
                                + "recreate it with `keysweep baseline create`")
        }
        guard document.version == Self.currentVersion else {
            throw KeysweepError(.invalidBaseline, "baseline '\(path)': unsupported version \(document.version)")
        }
        guard let kind = document.fingerprintKey, let id = document.keyID else {
            throw KeysweepError(.invalidBaseline, "baseline '\(path)' is not a Keysweep baseline: 'fingerprint_key' or 'key_id' is missing")
        }
        entries = document.findings.sorted { $0.fingerprint < $1.fingerprint }
        keyKind = kind
        keyID = id
        self.path = path
    }

    /// Fails unless the baseline's fingerprints were made under `key`: otherwise none would match.
    public func check(against key: FingerprintKey) throws(KeysweepError) {
        guard keyID != key.id else { return }
        throw KeysweepError(.invalidBaseline, "baseline '\(path)' was made under the \(keyKind.rawValue) fingerprint key \(keyID), but this scan uses the "
                            + "\(key.description), so none of its fingerprints would match; use the same key (see --fingerprint-key-file) "
                            + "or recreate it with `keysweep baseline create`")
    }

    public func rendered() -> [UInt8] {
        let document = Document(version: Self.currentVersion, fingerprintKey: keyKind, keyID: keyID, findings: entries)
        return Array(JSONReporter.encode(document, pretty: true)) + [UInt8(ascii: "\n")]
    }
}
