import Foundation
import Testing

/// Provenance read from the object store in-process (`TreeProvenance`) attributes every blob as
/// git's own diffs do (`KEYSWEEP_PROVENANCE=git`), and also what only a merge brought in.
@Suite struct TreeProvenanceTests {
    static let github = PackedHistoryTests.github
    static let stripe = PackedHistoryTests.stripe
    /// A Slack bot token of the right shape, fake.
    static let slack = "xoxb-" + "2741966350217-4921847361205-Qz7vK3mN9pL2xR8tW5yB1cD4"

    static func git(_ repository: String, _ arguments: [String], date: String = "2024-03-01T10:00:00+00:00") throws {
        #expect(try PackedHistoryTests.git(["-C", repository] + arguments, date: date) == 0)
    }

    /// A new repository on branch `main`, in the fixtures' folder, its name starting `name`.
    static func newRepository(_ name: String) throws -> String {
        let repository = GitFixtures.path("\(name)-\(UUID().uuidString)")
        #expect(try PackedHistoryTests.git(["init", "-q", "-b", "main", repository]) == 0)
        return repository
    }

    /// Commits everything in the working tree.
    static func commitAll(_ repository: String, _ message: String, date: String = "2024-03-01T10:00:00+00:00") throws {
        try git(repository, ["add", "-A"])
        try git(repository, ["commit", "-q", "-m", message], date: date)
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func scan(_ repository: String, provenance: String? = nil, threads: Int = 2, range: [String] = []) throws -> String {
        let outcome = try KeysweepProcess.run(["git", repository] + range + ["--format", "json", "--threads", String(threads),
                                               "--no-timing", "--now", "2026-11-01T00:00:00Z"],
                                              environment: provenance.map { ["KEYSWEEP_PROVENANCE": $0] } ?? [:])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        return outcome.stdout
    }

    /// A history with what makes git's diffs subtle: a mode change (the same blob introduced
    /// again), a move into a folder, a file replaced by a folder of the same name, a second root
    /// commit holding a blob the first already has, a branch merged without conflict, and a
    /// dangling blob that no commit holds.
    static func makeRepository() throws -> String {
        let repository = try Self.newRepository("tree-provenance")
        var day = 1
        func commit(_ message: String) throws {
            try commitAll(repository, message, date: String(format: "2024-03-%02dT10:00:00+00:00", day))
            day += 1
        }
        try write("GITHUB_TOKEN=\(github)\n", to: repository + "/app.env")
        try write("readme\n", to: repository + "/README")
        try commit("first")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repository + "/app.env")
        try commit("mode")
        try FileManager.default.createDirectory(atPath: repository + "/config", withIntermediateDirectories: true)
        try git(repository, ["mv", "app.env", "config/app.env"])
        try commit("moved")
        try FileManager.default.removeItem(atPath: repository + "/README")
        try write("STRIPE_KEY = \"\(stripe)\"\n", to: repository + "/README/settings.py")
        try commit("file to folder")
        try git(repository, ["checkout", "-q", "-b", "feature"])
        try write("SLACK_BOT_TOKEN=\(slack)\n", to: repository + "/config/slack.env")
        try commit("feature")
        try git(repository, ["checkout", "-q", "main"])
        try write("other\n", to: repository + "/NOTES")
        try commit("main moves on")
        try git(repository, ["merge", "-q", "--no-edit", "feature"], date: "2024-03-20T10:00:00+00:00")
        try git(repository, ["checkout", "-q", "--orphan", "second-root"])
        try commit("second root, same files")
        try git(repository, ["checkout", "-q", "main"])
        try write("STRIPE_KEY = \"\(stripe)\" # dangling\n", to: repository + "/dangling.txt")
        #expect(try ToolProcess.run(["git", "hash-object", "-w", "dangling.txt"], in: repository).status == 0)
        try FileManager.default.removeItem(atPath: repository + "/dangling.txt")
        return repository
    }

    @Test func inProcessProvenanceGivesTheAttributionOfGitsDiffs() throws {
        let repository = try Self.makeRepository()
        let git = try Self.scan(repository, provenance: "git")
        #expect(git.contains("config/app.env") && git.contains("README/settings.py") && git.contains("config/slack.env"))
        #expect(try Self.scan(repository) == git)
        #expect(try Self.scan(repository, threads: 1) == git)
        // Packed, with deltas: the trees are then read through delta chains.
        try Self.git(repository, ["repack", "-q", "-a", "-d", "-f", "--window=50", "--depth=50"])
        #expect(try Self.scan(repository) == git)
        // A range reads its blobs through git and its provenance from the store, the oldest
        // commits' parents outside the listing.
        for range in [["--range", "HEAD~3..HEAD"], ["--since", "HEAD~2"], ["--branch", "feature"]] {
            #expect(try Self.scan(repository, range: range) == Self.scan(repository, provenance: "git", range: range), "\(range)")
        }
    }

    /// A range reports the files its commits add or change, whole, but not a file they move (its
    /// content was there before, deep in a tree the range starts from, which several threads
    /// read); a secret a revert brings back is new again. As git's listing.
    @Test func aRangeReportsWhatItsCommitsIntroduced() throws {
        let repository = try Self.newRepository("range-lines")
        let settings = (1...20).map { "setting_\($0) = \($0)" }
        var lines = settings
        lines[4] = "GITHUB_TOKEN = \"\(Self.github)\""
        try Self.write(lines.joined(separator: "\n") + "\n", to: repository + "/settings.py")
        for service in 1...12 {
            try Self.write("name = service-\(service)\n", to: repository + "/deploy/service-\(service)/env/values.txt")
        }
        try Self.write("SLACK_BOT_TOKEN=\(Self.slack)\n", to: repository + "/deploy/service-7/env/prod/old.env")
        try Self.commitAll(repository, "before the range")
        lines[15] = "STRIPE_KEY = \"\(Self.stripe)\""
        try Self.write(lines.joined(separator: "\n") + "\n", to: repository + "/settings.py")
        try FileManager.default.createDirectory(atPath: repository + "/config", withIntermediateDirectories: true)
        try Self.git(repository, ["mv", "deploy/service-7/env/prod/old.env", "config/old.env"])
        try Self.git(repository, ["commit", "-q", "-am", "in the range"], date: "2024-03-02T10:00:00+00:00")
        let report = try Self.scan(repository, range: ["--range", "HEAD~1..HEAD"])
        #expect(report.contains("\"line\" : 16") && report.contains("\"line\" : 5"), "the changed file is scanned whole")
        #expect(!report.contains("config/old.env"), "\(report)")
        #expect(try report == Self.scan(repository, provenance: "git", range: ["--range", "HEAD~1..HEAD"]))

        // Deleted, then brought back by a revert: new again.
        try Self.git(repository, ["rm", "-q", "config/old.env"])
        try Self.git(repository, ["commit", "-q", "-m", "removed"], date: "2024-03-03T10:00:00+00:00")
        try Self.git(repository, ["revert", "--no-edit", "HEAD"], date: "2024-03-04T10:00:00+00:00")
        let reverted = try Self.scan(repository, range: ["--range", "HEAD~1..HEAD"])
        #expect(reverted.contains("config/old.env"))
        #expect(try reverted == Self.scan(repository, provenance: "git", range: ["--range", "HEAD~1..HEAD"]))
    }

    /// A tree that cannot be read is named, the rest is attributed, and the report says it is
    /// incomplete (exit 2); nothing is attributed from a guess.
    @Test func aDamagedTreeIsNamedAndTheScanGoesOn() throws {
        let repository = try Self.newRepository("damaged-tree")
        try Self.write("STRIPE_KEY = \"\(Self.stripe)\"\n", to: repository + "/config/app.py")
        try Self.commitAll(repository, "first")
        try Self.write("GITHUB_TOKEN=\(Self.github)\n", to: repository + "/deploy/ci.env")
        try Self.commitAll(repository, "second", date: "2024-03-02T10:00:00+00:00")
        // The `deploy` folder's tree gets the bytes of another object: its id no longer fits.
        let tree = try ToolProcess.run(["git", "rev-parse", "HEAD:deploy"], in: repository).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let other = try ToolProcess.run(["git", "rev-parse", "HEAD:config"], in: repository).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let objects = repository + "/.git/objects/"
        let damaged = objects + tree.prefix(2) + "/" + tree.dropFirst(2)
        try FileManager.default.removeItem(atPath: damaged)
        try FileManager.default.copyItem(atPath: objects + other.prefix(2) + "/" + other.dropFirst(2), toPath: damaged)

        let outcome = try KeysweepProcess.run(["git", repository, "--format", "json", "--no-timing"])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("1 object could not be read") && outcome.stderr.contains(tree.dropFirst(2)), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("config/app.py"), "the readable tree is still attributed")
        #expect(outcome.stdout.contains("\"complete\" : false"))
        // A range that compares the damaged tree says so too.
        let range = try KeysweepProcess.run(["git", repository, "--range", "HEAD~1..HEAD", "--format", "json", "--no-timing"])
        #expect(range.status == 2 && range.stderr.contains(tree.dropFirst(2)), "\(range.stderr)")
    }

    /// A secret that a merge's resolution wrote, which neither parent had, is introduced by the
    /// merge; git's diffs show merges not at all, so with them it has a path but no commit.
    @Test func aSecretOnlyAMergeWroteIsAttributedToTheMerge() throws {
        let repository = try Self.newRepository("merge-provenance")
        try Self.write("mode = base\n", to: repository + "/deploy.cfg")
        try Self.commitAll(repository, "base")
        try Self.git(repository, ["checkout", "-q", "-b", "side"])
        try Self.write("mode = side\n", to: repository + "/deploy.cfg")
        try Self.git(repository, ["commit", "-q", "-am", "side"], date: "2024-03-02T10:00:00+00:00")
        try Self.git(repository, ["checkout", "-q", "main"])
        try Self.write("mode = main\n", to: repository + "/deploy.cfg")
        try Self.git(repository, ["commit", "-q", "-am", "main"], date: "2024-03-03T10:00:00+00:00")
        _ = try ToolProcess.run(["git", "merge", "-q", "side"], in: repository)
        try Self.write("mode = both\nSTRIPE_KEY = \"\(Self.stripe)\"\n", to: repository + "/deploy.cfg")
        try Self.git(repository, ["commit", "-q", "-am", "resolved"], date: "2024-03-04T10:00:00+00:00")
        let merge = try ToolProcess.run(["git", "rev-parse", "HEAD"], in: repository).output.trimmingCharacters(in: .whitespacesAndNewlines)

        let report = try JSONSerialization.jsonObject(with: Data(try Self.scan(repository).utf8)) as? [String: Any]
        let locations = (report?["findings"] as? [[String: Any]])?.flatMap { $0["locations"] as? [[String: Any]] ?? [] } ?? []
        #expect(locations.count == 1)
        #expect(locations.first?["commit"] as? String == merge)
        #expect(locations.first?["path"] as? String == "deploy.cfg")
        #expect(!(try Self.scan(repository, provenance: "git")).contains(merge))
    }
}
