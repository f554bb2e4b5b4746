import Foundation
import Testing

/// Progress on a terminal's standard error: drawn during a long scan, erased before the report,
/// never in a pipe and never with `--quiet`. A scan of standard input that stays open for two
/// seconds is long enough for the first draw (after one second) with no test hook.
@Suite struct ProgressTests {
    /// Runs `keysweep scan - ARGS` on a pseudo-terminal (`script`), fed a line, then two seconds
    /// of nothing, then end of input; returns everything the terminal received.
    static func slowScanThroughTerminal(_ arguments: [String]) throws -> String {
        let command = ([KeysweepProcess.binary, "scan", "-", "--format", "json", "--no-timing"] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
        let outcome = try ToolProcess.run(["script", "-qec", "(echo 'LOG_LEVEL=debug'; sleep 2) | \(command)", "/dev/null"],
                                          in: KeysweepProcess.repositoryRoot, environment: ["TERM": "xterm-256color"])
        return outcome.output
    }

    @Test func aLongScanShowsProgressAndErasesItBeforeTheReport() throws {
        let terminal = try Self.slowScanThroughTerminal([])
        let drawn = try #require(terminal.range(of: "\rkeysweep: 0 files, 0 B in 0:01\u{1B}[K"), "\(terminal.debugDescription)")
        let erased = try #require(terminal.range(of: "\r\u{1B}[K", range: drawn.upperBound..<terminal.endIndex))
        let report = try #require(terminal.range(of: "\"findings\""))
        #expect(erased.upperBound <= report.lowerBound, "the line is gone before the report starts")
    }

    @Test func quietShowsNoProgress() throws {
        let terminal = try Self.slowScanThroughTerminal(["--quiet"])
        #expect(!terminal.contains("keysweep: "), "\(terminal.debugDescription)")
        #expect(terminal.contains("\"findings\""))
    }

    @Test func aPipeGetsNoProgress() throws {
        let outcome = try KeysweepProcess.run(["git", GitFixtures.path("history"), "--format", "json"])
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }
}
