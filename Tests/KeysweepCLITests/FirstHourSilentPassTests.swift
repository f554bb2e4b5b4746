import Foundation
import Testing

/// Issue 18, "the first hour", silent passes: runs that exited 0 having read nothing, or having
/// read something other than what the user meant, now say so.
@Suite struct FirstHourSilentPassTests {
    static let password = "DB_PASSWORD=Xk9#mQ2vLp7w\n"

    static func folder(_ name: String) throws -> String {
        try FirstHourMessageTests.folder(name)
    }

    @Test func aGitFolderGivenToScanPointsToKeysweepGit() throws {
        let folder = try Self.folder("dot-git")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try GitTool.run(["init", "-q", folder]) == 0)
        let outcome = try KeysweepProcess.run(["scan", ".git", "--format", "json"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("keysweep: warning: '.git' is the .git folder of '"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("use `keysweep git "))
        let inside = try KeysweepProcess.run(["scan", ".", "--format", "json"], in: folder + "/.git")
        #expect(inside.stderr.contains("is the .git folder of"), "\(inside.stderr)")
        let objects = try KeysweepProcess.run(["scan", ".git/objects", "--format", "json"], in: folder)
        #expect(objects.stderr.contains("is inside the .git folder of"))
        let tree = try KeysweepProcess.run(["scan", ".", "--format", "json"], in: folder)
        #expect(!tree.stderr.contains(".git folder"), "the repository itself is a plain folder to scan")
    }

    @Test func aRepositoryWithNoCommitsSuggestsStagedOrWorktree() throws {
        let folder = try Self.folder("no-commits")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try GitTool.run(["init", "-q", folder]) == 0)
        let outcome = try KeysweepProcess.run(["git", folder, "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("'\(folder)' has no commits yet"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--staged") && outcome.stderr.contains("--worktree"))
        let history = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--format", "json"])
        #expect(!history.stderr.contains("no commits"))
    }

    @Test func anEmptyDumpIsAWarning() throws {
        let folder = try Self.folder("empty-dump")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/empty.dump", contents: Data())
        let outcome = try KeysweepProcess.run(["dump", folder + "/empty.dump", "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("keysweep: warning: the dump '\(folder)/empty.dump' holds no blobs (is it empty?)"), "\(outcome.stderr)")
        let quiet = try KeysweepProcess.run(["dump", folder + "/empty.dump", "--format", "json", "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func aReportWithoutFormatTakesItFromItsExtensionAndItsFolderIsCheckedFirst() throws {
        let folder = try Self.folder("report")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inferred = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--report", folder + "/x.sarif"])
        #expect(inferred.status == 1, "\(inferred.stderr)")
        #expect(try String(contentsOfFile: folder + "/x.sarif", encoding: .utf8).contains("sarif-2.1.0"))
        let missing = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--report", folder + "/no/x.json"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty, "refused before the scan, so no report is written")
        #expect(missing.stderr.contains("cannot write report '\(folder)/no/x.json': its folder '\(folder)/no/' does not exist"), "\(missing.stderr)")
        let unknown = try KeysweepProcess.run(["scan", "fixtures/tree", "--report", folder + "/x.weird"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--report takes FORMAT:PATH"))
    }
}
