import Foundation
import TestScratch
import Testing

/// The pre-commit framework (installed from PyPI by scripts/setup) and the plain git hook, each
/// driving real commits in a throwaway repository.
@Suite(.serialized) struct PreCommitTests {
    static let tools = KeysweepProcess.repositoryRoot + "/.tools-venv/bin"

    /// A command's exit status and combined output, in `directory`, as a fixed git identity with
    /// no system or global git configuration.
    private func run(_ command: [String], in directory: String, environment extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let identity = [
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
        ]
        return try ToolProcess.run(command, in: directory, environment: identity.merging(extra) { $1 })
    }

    private func freshRepository() throws -> String {
        let folder = TestScratch.folder + "keysweep-hook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = try run(["git", "init", "-q", "-b", "main"], in: folder)
        return folder
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func theHookManifestIsValid() throws {
        let outcome = try run([Self.tools + "/pre-commit", "validate-manifest", ".pre-commit-hooks.yaml"], in: KeysweepProcess.repositoryRoot)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test func preCommitFrameworkBlocksASecretAndHonoursAllowComments() throws {
        let repo = try freshRepository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let environment = ["PRE_COMMIT_HOME": repo + "/.cache-pre-commit"]
        try write("""
        repos:
          - repo: local
            hooks:
              - id: keysweep
                name: keysweep
                entry: \(KeysweepProcess.binary) staged --format text
                language: system
                pass_filenames: false
                always_run: true
        """, to: repo + "/.pre-commit-config.yaml")
        try write(".cache-pre-commit/\n", to: repo + "/.gitignore")
        #expect(try run([Self.tools + "/pre-commit", "install"], in: repo, environment: environment).status == 0)

        try write("print('hello')\n", to: repo + "/app.py")
        _ = try run(["git", "add", "-A"], in: repo)
        let clean = try run(["git", "commit", "-q", "-m", "clean"], in: repo, environment: environment)
        #expect(clean.status == 0, "\(clean.output)")

        let secret = "Xk9#mQ2vLp7wR4t"
        try write("DB_PASSWORD=\(secret)\n", to: repo + "/app.env")
        _ = try run(["git", "add", "-A"], in: repo)
        let blocked = try run(["git", "commit", "-q", "-m", "leak"], in: repo, environment: environment)
        #expect(blocked.status == 1)
        #expect(blocked.output.contains("Password assigned in code or configuration"))
        #expect(blocked.output.contains("app.env:1:13"))
        #expect(!blocked.output.contains(secret), "the message is redacted")

        try write("DB_PASSWORD=\(secret)  # keysweep:allow local test database\n", to: repo + "/app.env")
        _ = try run(["git", "add", "-A"], in: repo)
        let allowed = try run(["git", "commit", "-q", "-m", "accepted"], in: repo, environment: environment)
        #expect(allowed.status == 0, "\(allowed.output)")
    }

    /// Staged blobs are read in-process while they are loose objects; a packed one comes from
    /// `git cat-file`, and with `GIT_DIR` set the repository is found by `git rev-parse`: the same
    /// finding every way.
    @Test func aStagedSecretIsFoundLooseOrPackedAndWithGitDir() throws {
        let repo = try freshRepository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try write("API_TOKEN=Zq8mV3nLp5wR2tYk7Hd\n", to: repo + "/ci.env")
        _ = try run(["git", "add", "-A"], in: repo)
        let command = [KeysweepProcess.binary, "git", "--staged", ".", "--format", "text", "--color", "never"]
        let loose = try run(command, in: repo)
        #expect(loose.status == 1 && loose.output.contains("ci.env:1:11"), "\(loose.output)")
        let withGitDir = try run(command, in: repo, environment: ["GIT_DIR": repo + "/.git"])
        #expect(withGitDir.status == 1 && withGitDir.output.contains("ci.env:1:11"), "\(withGitDir.output)")
        _ = try run(["git", "repack", "-a", "-d", "-q"], in: repo)
        _ = try run(["git", "prune-packed"], in: repo)
        #expect(try run(["git", "count-objects", "-v"], in: repo).output.contains("count: 0"), "the blob is packed")
        let packed = try run(command, in: repo)
        #expect(packed.status == 1 && packed.output.contains("ci.env:1:11"), "\(packed.output)")
    }

    /// The diff started for the working directory before the arguments are parsed
    /// (`StagedDiffPrefetch`) serves a scan of that folder only: run in one repository and asked
    /// for another, `keysweep` reports the other's staged secret, not its own folder's.
    @Test func theStagedDiffIsOfTheRepositoryAskedFor() throws {
        let here = try freshRepository(), there = try freshRepository()
        defer {
            try? FileManager.default.removeItem(atPath: here)
            try? FileManager.default.removeItem(atPath: there)
        }
        try write("API_TOKEN=Zq8mV3nLp5wR2tYk7Hd\n", to: here + "/ci.env")
        try write("\n\nDB_PASSWORD=Xk9#mQ2vLp7wR4t\n", to: there + "/app.env")
        _ = try run(["git", "add", "-A"], in: here)
        _ = try run(["git", "add", "-A"], in: there)
        let options = ["--format", "text", "--color", "never"]
        let other = try run([KeysweepProcess.binary, "git", "--staged", there] + options, in: here)
        #expect(other.status == 1 && other.output.contains("app.env:3:13") && !other.output.contains("ci.env"), "\(other.output)")
        let own = try run([KeysweepProcess.binary, "staged", here] + options, in: here)
        #expect(own.status == 1 && own.output.contains("ci.env:1:11") && !own.output.contains("app.env"), "\(own.output)")
    }

    @Test func plainGitHookBlocksASecret() throws {
        let repo = try freshRepository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let install = try run([KeysweepProcess.repositoryRoot + "/scripts/install-git-hook", repo, KeysweepProcess.binary], in: repo)
        #expect(install.status == 0, "\(install.output)")
        try write("API_TOKEN=Zq8mV3nLp5wR2tYk7Hd\n", to: repo + "/ci.env")
        _ = try run(["git", "add", "-A"], in: repo)
        let blocked = try run(["git", "commit", "-q", "-m", "leak"], in: repo)
        #expect(blocked.status == 1)
        #expect(blocked.output.contains("ci.env:1:11"))
        // What was blocked, and the three ways forward.
        #expect(blocked.output.contains("COMMIT BLOCKED: the staged changes add 1 secret."), "\(blocked.output)")
        #expect(blocked.output.contains("`git add` the file again") && blocked.output.contains("add its `allow` comment (`keysweep:allow …`)")
                && blocked.output.contains("  allow        above line 1: # keysweep:allow ")
                && blocked.output.contains("git commit --no-verify"))
        let bypassed = try run(["git", "commit", "-q", "--no-verify", "-m", "leak"], in: repo)
        #expect(bypassed.status == 0)
    }
}
