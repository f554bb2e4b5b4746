import Foundation
import TestScratch
import Testing

/// What the text report tells about each finding: the action that fixes it, the comment that
/// accepts it (which must really accept it), and, for a secret gone from HEAD, the branches
/// that still hold it.
@Suite struct FindingActionTests {
    static let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"

    private func folder() throws -> String {
        let folder = TestScratch.folder + "keysweep-actions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A commit with fixed identity and no global configuration.
    private func git(_ arguments: [String], in folder: String) throws {
        let identity = ["GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
                        "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        let outcome = try ToolProcess.run(["git", "-C", folder] + arguments, environment: identity)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    /// Writes `text` to `file` in `repo` and commits it.
    private func commit(_ text: String, to file: String, message: String, in repo: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: repo + "/" + file))
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", message], in: repo)
    }

    /// The line after `label` in the block of the finding whose rule is `ruleID`.
    private func line(_ label: String, of ruleID: String, in report: String) -> String? {
        let blocks = report.components(separatedBy: "\n\n")
        guard let block = blocks.first(where: { $0.contains("[\(ruleID)]") }) else { return nil }
        return block.split(separator: "\n").first { $0.hasPrefix("  \(label) ") }.map { $0.dropFirst(2 + label.count).trimmingCharacters(in: .whitespaces) }
    }

    /// The comment the report gives, pasted where it says with a reason, accepts the finding.
    @Test(arguments: [("app.py", "STRIPE_KEY = \"\(stripe)\"\n", "# keysweep:allow stripe.secret-key.live <reason>"),
                      ("billing.go", "var key = \"\(stripe)\"\n", "// keysweep:allow stripe.secret-key.live <reason>"),
                      ("web.config", "<add key=\"stripe\" value=\"\(stripe)\"/>\n", "<!-- keysweep:allow stripe.secret-key.live <reason> -->")])
    func theAllowCommentOfTheReportAcceptsTheFinding(file: String, content: String, comment: String) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(content.utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        let first = try KeysweepProcess.run(["scan", root, "--format", "text"])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(line("fix", of: "stripe.secret-key.live", in: first.stdout) == "revoke and reissue it in Stripe:")
        #expect(first.stdout.contains("  fix          revoke and reissue it in Stripe:\n               https://dashboard.stripe.com/apikeys\n"))
        let allow = try #require(line("allow", of: "stripe.secret-key.live", in: first.stdout))
        #expect(allow == "above line 1: \(comment)")

        let pasted = String(allow.dropFirst("above line 1: ".count)).replacingOccurrences(of: "<reason>", with: "test key of the billing sandbox")
        try Data((pasted + "\n" + content).utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        let second = try KeysweepProcess.run(["scan", root, "--format", "json"])
        #expect(second.status == 0, "\(second.stdout)")
        #expect(second.stdout.contains(#""inline" : 1"#), "\(second.stdout)")
    }

    /// JSON has no comments: the report says to baseline the finding instead.
    @Test func aFileWithoutCommentsPointsToTheBaseline() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("{\"stripe\": \"\(Self.stripe)\"}\n".utf8).write(to: URL(fileURLWithPath: root + "/settings.json"))
        let outcome = try KeysweepProcess.run(["scan", root, "--format", "text"])
        #expect(outcome.status == 1)
        #expect(line("allow", of: "stripe.secret-key.live", in: outcome.stdout) == "no comments in this file: accept it with `keysweep baseline create`")
    }

    /// A secret that only an unmerged branch holds is named with that branch, in text and JSON of
    /// a plain `git` scan (not only in the inventory).
    @Test func aSecretOnAnUnmergedBranchNamesTheBranch() throws {
        let repo = try folder()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try git(["init", "-q", "-b", "main"], in: repo)
        try commit("print('hello')\n", to: "app.py", message: "start", in: repo)
        try git(["checkout", "-q", "-b", "spike/payments"], in: repo)
        try commit("STRIPE_KEY = \"\(Self.stripe)\"\n", to: "pay.py", message: "try payments", in: repo)
        try git(["checkout", "-q", "main"], in: repo)

        let text = try KeysweepProcess.run(["git", repo, "--format", "text"])
        #expect(text.status == 1, "\(text.stderr)")
        #expect(line("at HEAD", of: "stripe.secret-key.live", in: text.stdout) == "no: only on the unmerged branch spike/payments")
        #expect(line("allow", of: "stripe.secret-key.live", in: text.stdout) == "gone from the current tree: accept it with `keysweep baseline create --git`")
        let json = try KeysweepProcess.run(["git", repo, "--format", "jsonl"])
        #expect(json.stdout.contains(#""branches":["spike/payments"]"#), "\(json.stdout)")
        #expect(json.stdout.contains(#""only_unmerged_branches":true"#))

        // Merged, it is in main's history: no longer "unmerged".
        try git(["merge", "-q", "--no-ff", "-m", "merge", "spike/payments"], in: repo)
        try git(["rm", "-q", "pay.py"], in: repo)
        try git(["commit", "-q", "-m", "drop it"], in: repo)
        let merged = try KeysweepProcess.run(["git", repo, "--format", "text"])
        #expect(line("at HEAD", of: "stripe.secret-key.live", in: merged.stdout) == "no: in the history of branches main, spike/payments")
    }

    /// A range scan names the branches of a secret its commits added and removed from a walk of
    /// the graph that stops where the range starts: the same branches as a scan of all refs,
    /// with neither the branch the range starts from nor one that left before it.
    @Test func aRangeNamesTheBranchesOfASecretItAddedAndRemoved() throws {
        let repo = try folder()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try git(["init", "-q", "-b", "main"], in: repo)
        try commit("print('hello')\n", to: "app.py", message: "start", in: repo)
        try git(["branch", "base"], in: repo)
        try git(["checkout", "-q", "-b", "docs"], in: repo)
        try commit("# docs\n", to: "README.md", message: "docs", in: repo)
        try git(["checkout", "-q", "main"], in: repo)
        try git(["checkout", "-q", "-b", "spike/payments"], in: repo)
        try commit("STRIPE_KEY = \"\(Self.stripe)\"\n", to: "pay.py", message: "try payments", in: repo)
        try git(["rm", "-q", "pay.py"], in: repo)
        try git(["commit", "-q", "-m", "drop it"], in: repo)
        try git(["checkout", "-q", "main"], in: repo)
        try git(["merge", "-q", "--no-ff", "-m", "merge", "spike/payments"], in: repo)

        let all = try KeysweepProcess.run(["git", repo, "--format", "text"])
        let range = try KeysweepProcess.run(["git", repo, "--range", "base..HEAD", "--format", "text"])
        #expect(range.status == 1, "\(range.stderr)")
        #expect(line("at HEAD", of: "stripe.secret-key.live", in: range.stdout) == "no: in the history of branches main, spike/payments")
        #expect(line("at HEAD", of: "stripe.secret-key.live", in: all.stdout) == line("at HEAD", of: "stripe.secret-key.live", in: range.stdout))
    }
}
