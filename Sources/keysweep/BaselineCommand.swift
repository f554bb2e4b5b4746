import ArgumentParser
import Foundation
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
        @Argument(help: "Files or folders to scan.")
        var paths: [String] = ["."]

        @Flag(help: "Scan the history of the repository at PATH instead of its files.")
        var git = false

        @Option(name: [.short, .long], help: "The baseline file to write.")
        var output: String = ".keysweep-baseline.json"

        @OptionGroup var engine: EngineOptions

        /// Fails before the scan when the baseline cannot be written.
        func checkWritable() throws {
            try ReportWriter.checkWritable(output)
        }

        func request() -> ScanRequest {
            var request = engine.request(git ? .history(repository: paths[0], revisions: .all) : .paths(paths))
            // A baseline records everything that is found now, whatever an older baseline says.
            request.baseline = .none
            return request
        }

        /// How to use the file just written.
        var nextStep: String {
            "keysweep: next, scan with `keysweep scan --baseline \(output)`, or add `baseline: \(output)` to .keysweep.yml, to report only new findings"
        }

        func write(_ baseline: Baseline) throws {
            try ReportWriter.write(baseline.rendered(), to: output)
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Write a baseline of the current findings.")

        @OptionGroup var target: Target

        func run() throws {
            try target.checkWritable()
            let (report, _) = try ScanSession.report(for: target.request())
            target.engine.reportDiagnostics(report)
            try target.write(Baseline(findings: report.findings, key: report.fingerprintKey))
            print("keysweep: baseline '\(target.output)' records \(report.findings.count) findings")
            print(target.nextStep)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Add new findings to a baseline and drop those no longer found."
        )

        @OptionGroup var target: Target

        /// A baseline that does not exist yet is created, as `create` would: `update` is what a CI
        /// job runs every time, and its first run must not fail.
        func run() throws {
            try target.checkWritable()
            let previous = try FileManager.default.fileExists(atPath: target.output) ? Baseline(path: target.output) : nil
            let (report, _) = try ScanSession.report(for: target.request())
            try previous?.check(against: report.fingerprintKey)
            let current = Baseline(findings: report.findings, key: report.fingerprintKey)
            guard let previous else {
                try target.write(current)
                print("keysweep: baseline '\(target.output)' created; it records \(current.entries.count) findings")
                print(target.nextStep)
                return
            }
            let added = current.fingerprints.subtracting(previous.fingerprints).count
            let dropped = previous.fingerprints.subtracting(current.fingerprints).count
            try target.write(current)
            print("keysweep: baseline '\(target.output)' records \(current.entries.count) findings (\(added) added, \(dropped) dropped)")
        }
    }
}
