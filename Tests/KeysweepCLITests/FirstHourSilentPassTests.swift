import Foundation
import TestScratch
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

    /// `keysweep scan <(cat file)` skipped `/dev/fd/63` as a special file and exited 0.
    @Test func aPipeNamedOnTheCommandLineIsReadAsAStreamUnderItsName() throws {
        let folder = try Self.folder("pipe")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(("x\n" + Self.password).utf8).write(to: URL(fileURLWithPath: folder + "/app.env"))
        let substituted = try KeysweepProcess.run(["--format", "jsonl", folder + "/app.env"],
                                                  launcher: ["/bin/bash", "-c", #"exec "$0" scan "$1" "$2" <(cat "$3")"#])
        #expect(substituted.status == 1, "\(substituted.stderr)")
        #expect(substituted.stdout.contains(#""line":2,"path":"/dev/fd/"#), "\(substituted.stdout)")
        let fifo = folder + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let named = try KeysweepProcess.run(["scan", fifo, "--format", "jsonl"],
                                            launcher: ["/bin/bash", "-c", #"cat "$0" > "$1" & exec "$2" "${@:3}""#, folder + "/app.env", fifo])
        #expect(named.status == 1, "\(named.stderr)")
        #expect(named.stdout.contains(#""path":"\#(fifo)""#))
        let bounded = try KeysweepProcess.run(["--format", "json", "--max-file-size", "1024"],
                                              launcher: ["/bin/bash", "-c", #"exec "$0" scan "$@" <(head -c 100000 /dev/zero)"#])
        #expect(bounded.status == 0)
        #expect(bounded.stdout.contains("\"too-large\" : 1"))
        let noWriter = try KeysweepProcess.run(["scan", fifo, "--format", "json"])
        #expect(noWriter.status == 0, "a FIFO with no writer reads as empty, as in `dump`")
    }

    /// `keysweep scan /proc/1/mem` gave one warning and exit 0.
    @Test func aNamedInputThatCannotBeReadExitsWith2AfterTheReport() throws {
        // A short name: a Unix socket's path holds at most 107 bytes, and `scripts/test` runs the
        // tests under a temporary folder of its own.
        let folder = TestScratch.folder + "s" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let socket = folder + "/socket"
        #expect(try ToolProcess.run(["python3", "-c", "import socket; socket.socket(socket.AF_UNIX).bind('\(socket)')"]).status == 0)
        let outcome = try KeysweepProcess.run(["scan", socket, "fixtures/tree/src", "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("keysweep: error: cannot read '\(socket)': it is a block device or socket"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("leave it out"))
        #expect(outcome.stdout.contains("\"complete\" : false"), "the report of the rest is written, and says it is incomplete")
        #expect(outcome.stdout.contains("fixtures/tree/src/app.py"))
        if getuid() == 0 || access("/proc/1/mem", R_OK) != 0 {
            let memory = try KeysweepProcess.run(["scan", "/proc/1/mem", "--format", "json"])
            #expect(memory.status == 2)
            #expect(memory.stderr.contains("keysweep: error: cannot read '/proc/1/mem': "), "\(memory.stderr)")
        }
    }

    /// A NUL near the start made the whole file binary, and the token after it went unseen.
    @Test func aTextFileWithAStrayNULIsScanned() throws {
        let folder = try Self.folder("nul")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = String(repeating: "setting = value for the application\n", count: 20)
        try Data(Array("# exported\n".utf8) + [0] + Array((lines + Self.password).utf8)).write(to: URL(fileURLWithPath: folder + "/settings.env"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] + Array(Self.password.utf8)).write(to: URL(fileURLWithPath: folder + "/tool"))
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\(folder)/settings.env"))
        #expect(outcome.stdout.contains("\"binary\" : 1"), "the executable is still binary")
    }
}
