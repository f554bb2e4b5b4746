import Foundation
import PCRE2
import Yams

/// A project's `.keysweep.yml`: what to skip, which secrets are accepted, which rules to change.
///
///     exclude: ["vendor/**", "*.min.js"]    # path globs to skip
///     allow: ['^sk_test_']                   # regexes of accepted secret values
///     stopwords: [dummy, sample]             # a secret containing one of these is not reported
///     disable: [generic.password]            # rule ids
///     severity: {generic.secret: low}        # severity overrides by rule id
///     rules: [security/rules]                # extra rule files or folders, relative to this file
///     baseline: .keysweep-baseline.json      # relative to this file
///     max_file_size: 5242880
///     fingerprint_key_file: .keysweep-key             # relative to this file; git-ignored or from CI
///     fingerprint_key: some-long-random-text          # private repositories only (see README)
public struct ProjectConfig: Sendable {
    public static let fileNames = [".keysweep.yml", ".keysweep.yaml"]
    static let knownKeys: Set<String> = ["exclude", "allow", "stopwords", "disable", "severity", "rules", "baseline", "max_file_size",
                                         "fingerprint_key_file", "fingerprint_key"]

    public var path: String
    public var exclude: [Glob] = []
    public var allow: [Pattern] = []
    public var stopwords: [String] = []
    public var disable: [String] = []
    public var severity: [String: Severity] = [:]
    public var rulePaths: [String] = []
    public var baseline: String?
    public var maxFileSize: Int?
    /// The file holding the fingerprint key, resolved against this file's folder.
    public var fingerprintKeyFile: String?
    /// The fingerprint key itself. Committed with the repository, it protects only the reports
    /// and baselines that leave it, not against anyone who can read the repository.
    public var fingerprintKey: String?
    /// Line of each key, so that rule-related errors found later can still point at the file.
    var lines: [String: Int] = [:]

    /// The nearest config file in `start` or a folder above it.
    public static func discover(from start: String) -> String? {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            folder.deleteLastPathComponent()
        }
        while true {
            for name in fileNames {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public init(path: String) throws(KeysweepError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw KeysweepError(.invalidConfig, "cannot read config '\(path)'")
        }
        try self.init(yaml: text, path: path)
    }

    public init(yaml text: String, path: String) throws(KeysweepError) {
        self.path = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw KeysweepError(.invalidConfig, "\(path): not valid YAML: \(error)")
        }
        guard let root else { return }
        guard let mapping = root.mapping else { throw KeysweepError(.invalidConfig, "\(path):\(root.line ?? 1): expected a mapping of settings") }
        let base = (path as NSString).deletingLastPathComponent
        func relative(_ value: String) -> String { value.hasPrefix("/") || base.isEmpty ? value : base + "/" + value }
        for (keyNode, value) in mapping {
            let line = keyNode.line ?? value.line ?? 1
            guard let key = keyNode.string, Self.knownKeys.contains(key) else {
                throw KeysweepError(.invalidConfig, "\(path):\(line): unknown key '\(keyNode.string ?? "?")' (expected one of: \(Self.knownKeys.sorted().joined(separator: ", ")))")
            }
            lines[key] = line
            func fail(_ reason: String) -> KeysweepError { KeysweepError(.invalidConfig, "\(path):\(line): key '\(key)': \(reason)") }
            func strings() throws(KeysweepError) -> [String] {
                guard let items = value.sequence else { throw fail("must be a list of strings") }
                var result: [String] = []
                for item in items {
                    guard let string = item.scalar?.string else { throw fail("must be a list of strings") }
                    result.append(string)
                }
                return result
            }
            switch key {
            case "exclude":
                for text in try strings() {
                    do { exclude.append(try Glob(text)) } catch { throw fail("\(error)") }
                }
            case "allow":
                for text in try strings() {
                    do { allow.append(try Pattern(text)) } catch { throw fail("invalid regex '\(text)' \(error)") }
                }
            case "stopwords":
                stopwords = try strings().map { $0.lowercased() }
                if stopwords.contains(where: { $0.count < 3 }) { throw fail("stopwords must be at least 3 characters") }
            case "disable":
                disable = try strings()
            case "severity":
                guard let entries = value.mapping else { throw fail("must map rule ids to low, medium, high or critical") }
                for (rule, level) in entries {
                    guard let id = rule.string, let text = level.string, let parsed = Severity(rawValue: text) else {
                        throw fail("must map rule ids to low, medium, high or critical")
                    }
                    severity[id] = parsed
                }
            case "rules":
                rulePaths = try strings().map(relative)
            case "baseline":
                guard let text = value.scalar?.string, !text.isEmpty else { throw fail("must be a file path") }
                baseline = relative(text)
            case "max_file_size":
                guard let text = value.scalar?.string, let size = Int(text), size > 0 else { throw fail("must be a positive number of bytes") }
                maxFileSize = size
            case "fingerprint_key_file":
                guard let text = value.scalar?.string, !text.isEmpty else { throw fail("must be a file path") }
                fingerprintKeyFile = relative(text)
            case "fingerprint_key":
                guard let text = value.scalar?.string, !FingerprintKey.trimmed(Array(text.utf8)).isEmpty else {
                    throw fail("must be non-empty text")
                }
                fingerprintKey = text
            default:
                break
            }
        }
    }

    /// Whether the scan's rules differ from the builtin ones: rules added (`rules`), or changed by
    /// `apply(to:)`.
    var changesRules: Bool { !rulePaths.isEmpty || !disable.isEmpty || !severity.isEmpty }

    /// The rules after `disable` and `severity`; unknown rule ids, or disabling every rule, are errors.
    public func apply(to rules: [Rule]) throws(KeysweepError) -> [Rule] {
        let ids = Set(rules.map(\.id))
        for id in disable where !ids.contains(id) {
            throw KeysweepError(.invalidConfig, "\(path):\(lines["disable"] ?? 1): key 'disable': unknown rule id '\(id)'")
        }
        for id in severity.keys where !ids.contains(id) {
            throw KeysweepError(.invalidConfig, "\(path):\(lines["severity"] ?? 1): key 'severity': unknown rule id '\(id)'")
        }
        let kept = rules.filter { !disable.contains($0.id) }.map { rule -> Rule in
            var changed = rule
            if let level = severity[rule.id] { changed.severity = level }
            return changed
        }
        guard !kept.isEmpty else {
            throw KeysweepError(.invalidConfig, "\(path):\(lines["disable"] ?? 1): key 'disable': this would disable every rule")
        }
        return kept
    }

    /// Why a secret is accepted by this config, if it is: `allowlist` or `stopword`.
    func acceptance(of secret: [UInt8], scratch: MatchScratch) -> String? {
        let accepted = secret.withUnsafeBytes { bytes in
            allow.contains { pattern in
                if case .match = pattern.firstMatch(in: bytes, from: 0, scratch: scratch) { return true }
                return false
            }
        }
        if accepted { return "allowlist" }
        let lowered = secret.map(KeywordPrefilter.fold)
        if stopwords.contains(where: { lowered.contains(subsequence: Array($0.utf8)) }) { return "stopword" }
        return nil
    }
}
