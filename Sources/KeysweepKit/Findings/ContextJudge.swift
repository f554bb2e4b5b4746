/// Gives locations their context (see `LocationContext`), judged from the path below the scan root
/// that holds it: what is above the folder a scan was given is not the project's layout. One
/// judge serves one grouping, on one thread: it remembers each path's context.
final class ContextJudge {
    /// The scan roots, without trailing slashes, longest first.
    private let prefixes: [String]
    /// Each path's context once judged: a secret in a history has a location per commit that
    /// added it, most at the same few paths (Ansible: 9,984 locations).
    private var judged: [String: LocationContext] = [:]
    /// Whether each secret is a published one, once asked: a JSON Web Token is checked by
    /// computing its HMAC under the published secrets, and one secret may have thousands of
    /// locations.
    private var published: [[UInt8]: Bool] = [:]

    init(roots: [String]) {
        prefixes = roots.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty && $0 != "." }
            .sorted { $0.count > $1.count }
    }

    func located(_ location: Location, secret: [UInt8]) -> Location {
        var located = location
        let byPath = isPublished(secret) ? .example : context(of: location.path)
        located.context = byPath == .source ? location.blockContext ?? .source : byPath
        return located
    }

    private func isPublished(_ secret: [UInt8]) -> Bool {
        if let known = published[secret] { return known }
        let answer = LocationContext.of(secret: secret) == .example
        published[secret] = answer
        return answer
    }

    private func context(of path: String) -> LocationContext {
        if let known = judged[path] { return known }
        let context = LocationContext.of(path: relative(path))
        judged[path] = context
        return context
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

