/// Which service or component a path belongs to: its first folder that is not a generic container
/// (`src`, `services`, `deploy`, `config`, …) nor an environment name. Files with no such folder
/// belong to the root, `.`.
///
/// A heuristic on purpose: "the same secret in `services/billing/` and `services/search/`" is the
/// reuse that OWASP NHI9 warns about, and paths are all the offline scanner has.
enum ServiceName {
    private static let containers: Set<String> = [
        "src", "source", "sources", "lib", "libs", "services", "service", "apps", "app", "packages", "pkg", "cmd",
        "internal", "modules", "components", "projects", "deploy", "deployment", "deployments", "config", "configs",
        "conf", "settings", "etc", "k8s", "kubernetes", "helm", "charts", "templates", "manifests", "overlays", "base",
        "environments", "environment", "envs", "env", "infra", "infrastructure", "terraform", "ansible", "docker",
        "scripts", "resources", "main", "secrets", ".github", "workflows", ".gitlab", "ci", ".circleci",
    ]

    /// `path` without the scan root it is under (`fixtures/tree/billing/.env` → `billing/.env`):
    /// the folder a scan was given is where services start, not a service itself.
    static func relative(_ path: String, to roots: [String]) -> String {
        for root in roots.sorted(by: { $0.count > $1.count }) where root != "." && !root.isEmpty {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }

    static func of(path: String) -> String {
        let folders = path.split(separator: "/").dropLast()
        for folder in folders {
            let name = folder.lowercased()
            if containers.contains(name) || name == "." || name == ".." { continue }
            if !DeploymentEnvironment.of(path: name).isEmpty && DeploymentEnvironment.pathWords(name).count == 1 { continue }
            return String(folder)
        }
        return "."
    }
}
