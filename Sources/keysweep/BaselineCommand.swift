import ArgumentParser
import KeysweepKit

/// `keysweep baseline create|update`: record today's findings so later scans report only new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record current findings (fingerprints, redacted context) so that scans with --baseline report only new ones.",
        subcommands: [Create.self, Update.self]
    )

    /// The scan whose findings a baseline records: paths, or a repository's history with --git.
    struct Target: ParsableArguments {
        @Argument(help: "Files or folders to scan (the current folder by default).")
        var paths: [String] = ["."]

        @Flag(help: "Scan the history of the repository at PATH instead of its files.")
        var git = false

        @Option(name: [.short, .long], help: "The baseline file to write.")
        var output: String = ".keysweep-baseline.json"

        @OptionGroup var engine: EngineOptions

        func request() -> ScanRequest {
            var request = engine.request(git ? .history(repository: paths[0], revisions: .all) : .paths(paths))
            // A baseline records everything that is found now, whatever an older baseline says.
            request.baseline = .none
            return request
        }

        func write(_ baseline: Baseline) throws {
            do {
                try ReportWriter.write(baseline.rendered(), to: output)
            } catch {
                throw KeysweepError(error.description)
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Write a baseline of the current findings.")

        @OptionGroup var target: Target

        func run() throws {
            let (report, _) = try ScanSession.report(for: target.request())
            target.engine.reportDiagnostics(report)
            try target.write(Baseline(findings: report.findings, key: report.fingerprintKey))
            print("keysweep: baseline '\(target.output)' records \(report.findings.count) findings")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Add new findings to a baseline and drop those no longer found."
        )

        @OptionGroup var target: Target

        func run() throws {
            let previous = try Baseline(path: target.output)
            let (report, _) = try ScanSession.report(for: target.request())
            try previous.check(against: report.fingerprintKey)
            let current = Baseline(findings: report.findings, key: report.fingerprintKey)
            let added = current.fingerprints.subtracting(previous.fingerprints).count
            let dropped = previous.fingerprints.subtracting(current.fingerprints).count
            try target.write(current)
            print("keysweep: baseline '\(target.output)' records \(current.entries.count) findings (\(added) added, \(dropped) dropped)")
        }
    }
}
