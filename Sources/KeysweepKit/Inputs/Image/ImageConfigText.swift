import Foundation

/// An image config as the lines a Dockerfile would have written: `ENV KEY=value`, `LABEL
/// key=value`, `ENTRYPOINT`/`CMD`, then each `history` entry's `created_by` (where a
/// `--build-arg` secret often survives as `RUN |1 TOKEN=… /bin/sh -c …`).
///
/// Rendered rather than scanned as JSON, because the generic detectors look for assignments, and
/// `"DB_PASSWORD=…"` inside a JSON list is not one; a finding's line is a line of this text.
enum ImageConfigText {
    static func render(_ config: [UInt8]) -> [UInt8]? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(config)) as? [String: Any] else { return nil }
        var lines: [String] = []
        let settings = root["config"] as? [String: Any] ?? [:]
        for variable in settings["Env"] as? [String] ?? [] { lines.append("ENV " + variable) }
        let labels = settings["Labels"] as? [String: String] ?? [:]
        for key in labels.keys.sorted() { lines.append("LABEL \(key)=\(labels[key] ?? "")") }
        for key in ["Entrypoint", "Cmd"] {
            if let words = settings[key] as? [String], !words.isEmpty { lines.append(key.uppercased() + " " + words.joined(separator: " ")) }
        }
        for step in root["history"] as? [[String: Any]] ?? [] {
            if let command = step["created_by"] as? String { lines.append(command.replacingOccurrences(of: "\n", with: " ")) }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
