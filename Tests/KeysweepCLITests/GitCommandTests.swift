import Foundation
import TestScratch
import Testing

/// The git fixtures, built once per test run by scripts/build-git-fixtures (fixed dates and authors).
enum GitFixtures {
    static let root: String = {
        let folder = TestScratch.folder + "keysweep-git-fixtures-" + UUID().uuidString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: KeysweepProcess.repositoryRoot + "/scripts/build-git-fixtures")
        process.arguments = [folder]
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            Issue.record("cannot build git fixtures: \(error)")
        }
        return folder
    }()

    static func path(_ name: String) -> String { root + "/" + name }
}

@Suite struct GitCommandTests {
    @Test(arguments: ["json", "text"])
    func historyReportMatchesTheGoldenFile(format: String) throws {
        let outcome = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--format", format, "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let golden = try Golden.compare(outcome.stdout, to: "git-history.\(format)")
        #expect(golden.actual == golden.expected)
    }

    @Test func worktreeAndHistoryOccurrencesAreOneFinding() throws {
        let outcome = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--worktree", "--format", "jsonl"])
        #expect(outcome.status == 1)
        let deploy = try #require(outcome.stdout.split(separator: "\n").first { $0.contains("deploy/prod.yaml") })
        #expect(deploy.contains(#""counts":{"commits":2,"files":2,"locations":3}"#), "\(deploy)")
        #expect(deploy.contains(#""present_at_head":true"#))
    }

    @Test func aBareCloneGivesTheSameFindings() throws {
        let work = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--format", "jsonl"])
        let bare = try KeysweepProcess.run(["git", GitFixtures.path("bare.git"), "--format", "jsonl"])
        #expect(bare.status == 1)
        #expect(work.stdout == bare.stdout)
    }

    /// An all-refs scan reads every blob in the object store; one that no ref reaches (a dangling
    /// blob, a staged file) is not reported as history.
    @Test func aBlobNoRefReachesIsNotReported() throws {
        let clone = GitFixtures.path("dangling-\(UUID().uuidString).git")
        _ = try GitTool.run(["clone", "-q", "--bare", GitFixtures.path("history"), clone])
        let file = clone + "/dangling.env"
        try Data("SMTP_PASSWORD=Wd4#pZ8rKx2mQ7v\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try GitTool.run(["-C", clone, "hash-object", "-w", file]) == 0)
        let withDangling = try KeysweepProcess.run(["git", clone, "--format", "jsonl"])
        let original = try KeysweepProcess.run(["git", GitFixtures.path("bare.git"), "--format", "jsonl"])
        #expect(withDangling.status == 1)
        #expect(withDangling.stdout == original.stdout)
        #expect(!withDangling.stdout.contains("Wd4"))
    }

    /// A blobless clone holds only the blobs it fetched: the scan lists blobs with rev-list, and
    /// cat-file fetches the rest from the promisor remote, so nothing is missed.
    @Test func aBloblessCloneGivesTheSameFindings() throws {
        let clone = GitFixtures.path("blobless-\(UUID().uuidString).git")
        #expect(try GitTool.run(["clone", "-q", "--bare", "--filter=blob:none",
                                 "--upload-pack=git -c uploadpack.allowFilter=true upload-pack",
                                 "file://" + GitFixtures.path("history"), clone]) == 0)
        let partial = try KeysweepProcess.run(["git", clone, "--format", "jsonl"])
        let original = try KeysweepProcess.run(["git", GitFixtures.path("bare.git"), "--format", "jsonl"])
        #expect(partial.status == 1, "\(partial.stderr)")
        #expect(partial.stdout == original.stdout)
    }

    /// A bare clone has no checked-out CODEOWNERS: HEAD's is read (through the enrichment's
    /// `cat-file`), and names the owners of the findings of every thread's share.
    @Test func aBareCloneTakesItsOwnersFromHeadsCodeOwners() throws {
        let work = TestScratch.folder + "keysweep-owners-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/repo/.github", withIntermediateDirectories: true)
        try "*.env @acme/platform\n".write(toFile: work + "/repo/.github/CODEOWNERS", atomically: true, encoding: .utf8)
        // Twenty files, so that the enrichment shares the findings out to its threads.
        for index in 0..<20 {
            let token = "postgres://app:Wq\(index)x7Rm2LpT9vKe4N@db\(index).internal.example:5432/app"
            try "DATABASE_URL=\(token)\n".write(toFile: work + "/repo/service\(index).env", atomically: true, encoding: .utf8)
        }
        #expect(try GitTool.run(["-C", work + "/repo", "init", "-q"]) == 0)
        #expect(try GitTool.run(["-C", work + "/repo", "add", "-A"]) == 0)
        #expect(try GitTool.run(["-C", work + "/repo", "-c", "user.name=Dana", "-c", "user.email=dana@example.com", "commit", "-qm", "services"]) == 0)
        #expect(try GitTool.run(["clone", "-q", "--bare", work + "/repo", work + "/bare.git"]) == 0)
        let outcome = try KeysweepProcess.run(["git", work + "/bare.git", "--format", "json", "--threads", "2"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == 20)
        let owned = findings.filter { finding in
            let owners = (finding["nhi"] as? [String: Any])?["owners"] as? [[String: Any]] ?? []
            return owners.contains { $0["name"] as? String == "@acme/platform" && $0["source"] as? String == "codeowners" }
        }
        #expect(owned.count == 20)
    }

    @Test func historyReportIsByteIdenticalAtOneAndManyThreads() throws {
        let one = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--no-timing", "--now", "2026-11-01T00:00:00Z", "--format", "json", "--threads", "1"])
        let many = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--no-timing", "--now", "2026-11-01T00:00:00Z", "--format", "json", "--threads", "6"])
        #expect(one.stdout == many.stdout)
    }

    @Test func aRangeScansOnlyWhatItsCommitsIntroduced() throws {
        // HEAD~1..HEAD is "Add logo": a binary blob, so nothing to report.
        let last = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--range", "HEAD~1..HEAD", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(last.status == 0, "\(last.stderr)")
        let branch = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--branch", "feature", "--format", "jsonl"])
        #expect(branch.status == 1)
        #expect(!branch.stdout.contains("smtp.env"), "the tag-only commit is not on the branch")
        let since = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--since", "HEAD~2", "--format", "jsonl"])
        #expect(since.status == 0, "moving a file introduces no new blob")
    }

    @Test func stagedScansOnlyTheIndexOfAFreshRepository() throws {
        let outcome = try KeysweepProcess.run(["git", "--staged", GitFixtures.path("staged"), "--format", "jsonl"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains(#""path":"app.env""#))
        #expect(outcome.stdout.contains(#""line":3"#))
        let alias = try KeysweepProcess.run(["staged", GitFixtures.path("staged"), "--format", "jsonl"])
        #expect(alias.stdout == outcome.stdout)
    }

    @Test func stagedReportsOnlyAddedLines() throws {
        // A clone of its own: staging writes a blob into the object store, which a history scan of
        // all refs reads, so the shared fixture must not see it.
        let repo = GitFixtures.path("staging-\(UUID().uuidString)")
        _ = try GitTool.run(["clone", "-q", GitFixtures.path("history"), repo])
        // Stage a change that adds a line after an existing secret-free line; the old password line in
        // history is not staged, so only the new line may be reported.
        let env = repo + "/config/.env"
        let original = try String(contentsOfFile: env, encoding: .utf8)
        try Data((original + "API_PASSWORD=Lq3#vN8mZr2xT6w\n").utf8).write(to: URL(fileURLWithPath: env))
        _ = try GitTool.run(["-C", repo, "add", "config/.env"])
        let outcome = try KeysweepProcess.run(["staged", repo, "--format", "jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.split(separator: "\n").count == 1)
        #expect(outcome.stdout.contains(#""line":3"#))
    }

    @Test func anEmptyRepositoryHasNoFindings() throws {
        let outcome = try KeysweepProcess.run(["git", GitFixtures.path("empty"), "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let staged = try KeysweepProcess.run(["staged", GitFixtures.path("empty"), "--format", "json"])
        #expect(staged.status == 0, "\(staged.stderr)")
    }

    @Test func aShallowCloneIsScannedWithAWarning() throws {
        let clone = GitFixtures.path("shallow-\(UUID().uuidString)")
        _ = try GitTool.run(["clone", "-q", "--depth", "1", "file://" + GitFixtures.path("history"), clone])
        let outcome = try KeysweepProcess.run(["git", clone, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("shallow clone"))
    }
}

@Suite struct GitBadInputTests {
    @Test func notARepository() throws {
        let folder = TestScratch.folder + "keysweep-not-a-repo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try KeysweepProcess.run(["git", folder])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: cannot scan '\(folder)': it is not a git repository; use `keysweep scan \(folder)` to scan its files\n")
    }

    @Test func aFileIsNotARepository() throws {
        let outcome = try KeysweepProcess.run(["git", "README.md"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: cannot scan 'README.md': it is not a folder (a git repository is a folder); use `keysweep scan README.md` for a file\n")
    }

    @Test func gitMissingFromPath() throws {
        let outcome = try KeysweepProcess.run(["git", GitFixtures.path("history")], launcher: ["/usr/bin/env", "PATH=/nonexistent"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "keysweep: error: git is not installed or not on PATH; install git (`apt-get install git`) or add it to PATH\n")
    }

    /// Issue 18: git's own "Use '--' to separate paths from revisions" reached the user.
    @Test(arguments: [["--range", "nope..HEAD"], ["--branch", "nope"], ["--since", "nope"]])
    func anUnknownRevisionIsNamedInWords(arguments: [String]) throws {
        let repository = GitFixtures.path("history")
        let outcome = try KeysweepProcess.run(["git", repository] + arguments)
        #expect(outcome.status == 2)
        let ref = arguments[1].replacingOccurrences(of: "..HEAD", with: "")
        #expect(outcome.stderr.hasPrefix("keysweep: error: cannot scan the history of '\(repository)': no branch or commit '\(ref)'; list them with"),
                "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("fatal"))
    }

    /// The refs of a range are checked by one git process; the one that names no commit is
    /// named, also when git stops at it (an upstream that is not configured) or when it names
    /// a tree.
    @Test(arguments: [("HEAD..nope", "nope"), ("HEAD..@{upstream}", "@{upstream}"), ("HEAD^{tree}..HEAD", "HEAD^{tree}")])
    func theSideOfARangeThatNamesNoCommitIsNamed(range: String, ref: String) throws {
        let repository = GitFixtures.path("history")
        let outcome = try KeysweepProcess.run(["git", repository, "--range", range])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("keysweep: error: cannot scan the history of '\(repository)': no branch or commit '\(ref)'; list them with"),
                "\(outcome.stderr)")
    }
}

/// Runs git for test set-up.
enum GitTool {
    static func run(_ arguments: [String]) throws -> Int32 {
        try ToolProcess.run(["git"] + arguments).status
    }
}
