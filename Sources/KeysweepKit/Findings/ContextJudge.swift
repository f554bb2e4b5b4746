/// Gives locations their context (see `LocationContext`), judged from the path below the scan root
/// that holds it: what is above the folder a scan was given is not the project's layout.
struct ContextJudge {
    /// The scan roots, without trailing slashes, longest first.
    private let prefixes: [String]
    /// Each path's context once judged: a secret in a history has a location per commit that
    /// added it, most at the same few paths (Ansible: 9,984 locations).
    private let judged = PathContexts()

    init(roots: [String]) {
        prefixes = roots.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty && $0 != "." }
            .sorted { $0.count > $1.count }
    }

    func located(_ location: Location, secret: [UInt8]) -> Location {
        var located = location
        let byPath = LocationContext.of(secret: secret) ?? judged.context(of: location.path) { LocationContext.of(path: relative($0)) }
        located.context = byPath == .source ? location.blockContext ?? .source : byPath
        return located
    }

    private func relative(_ path: String) -> String {
        for prefix in prefixes {
            if path.hasPrefix(prefix + "/") { return String(path.dropFirst(prefix.count + 1)) }
            // A file given as a root: only its name says what it is.
            if path == prefix { return path.split(separator: "/").last.map(String.init) ?? path }
        }
        return path
    }
}

/// The contexts of the paths a `ContextJudge` has judged.
private final class PathContexts {
    private var contexts: [String: LocationContext] = [:]

    func context(of path: String, judging judge: (String) -> LocationContext) -> LocationContext {
        if let known = contexts[path] { return known }
        let context = judge(path)
        contexts[path] = context
        return context
    }
}
