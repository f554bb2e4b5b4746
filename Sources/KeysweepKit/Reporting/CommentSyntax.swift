/// How a file writes a line comment, from its name: what the text report shows as the exact
/// `keysweep:allow` comment for a finding in it.
public enum CommentSyntax: Sendable, Hashable {
    /// `prefix text suffix` on a line of its own.
    case line(prefix: String, suffix: String)
    /// The format has no comments (JSON, key and certificate files): only a baseline or an
    /// exclude accepts a finding in it.
    case none

    private static let hash: Set<String> = [
        "py", "rb", "sh", "bash", "zsh", "fish", "pl", "pm", "r", "yml", "yaml", "toml", "env", "conf", "cfg", "properties",
        "tf", "tfvars", "hcl", "mk", "cmake", "nix", "ps1", "psm1", "dockerfile", "gitignore", "txt", "ex", "exs", "cr", "jl",
    ]
    private static let slashes: Set<String> = [
        "js", "mjs", "cjs", "jsx", "ts", "tsx", "go", "swift", "java", "kt", "kts", "scala", "groovy", "gradle", "c", "h",
        "cc", "cpp", "hpp", "cs", "rs", "php", "dart", "m", "mm", "fs", "v", "zig", "proto", "jsonc", "json5",
    ]
    private static let dashes: Set<String> = ["sql", "lua", "hs", "elm", "ada"]
    private static let markup: Set<String> = ["xml", "html", "htm", "xhtml", "svg", "vue", "config", "csproj", "plist", "md", "jsp"]
    private static let commentless: Set<String> = ["json", "pem", "key", "crt", "cer", "der", "p12", "pfx", "jks", "ipynb"]
    /// Names without an extension that hold `#` comments.
    private static let hashNames: Set<String> = ["dockerfile", "makefile", "gemfile", "rakefile", "procfile", "vagrantfile", ".env", ".netrc", ".npmrc", ".pypirc"]

    /// The syntax of the file at `path` (its last component decides); `#` when nothing is known,
    /// the commonest comment of configuration files.
    public init(path: String) {
        let name = String(path.split(separator: "/").last ?? "").lowercased()
        let base = name.split(separator: "!").last.map(String.init) ?? name
        if Self.hashNames.contains(base) || base.hasPrefix(".env.") { self = .line(prefix: "# ", suffix: ""); return }
        if base.hasPrefix("id_") && !base.hasSuffix(".pub") { self = .none; return }
        let dot = base.lastIndex(of: ".")
        let fileExtension = dot.map { String(base[base.index(after: $0)...]) } ?? ""
        switch fileExtension {
        case _ where Self.slashes.contains(fileExtension): self = .line(prefix: "// ", suffix: "")
        case _ where Self.dashes.contains(fileExtension): self = .line(prefix: "-- ", suffix: "")
        case _ where Self.markup.contains(fileExtension): self = .line(prefix: "<!-- ", suffix: " -->")
        case _ where Self.commentless.contains(fileExtension): self = .none
        case "ini", "reg": self = .line(prefix: "; ", suffix: "")
        case "tex", "erl": self = .line(prefix: "% ", suffix: "")
        case "bat", "cmd": self = .line(prefix: "REM ", suffix: "")
        default: self = .line(prefix: "# ", suffix: "")
        }
    }

    /// `text` as a comment line, or nil when the format has none.
    public func comment(_ text: String) -> String? {
        guard case .line(let prefix, let suffix) = self else { return nil }
        return prefix + text + suffix
    }
}
