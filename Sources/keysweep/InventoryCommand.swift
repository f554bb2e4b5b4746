import ArgumentParser
import KeysweepKit

/// `keysweep inventory [PATH|REPO ...]`: every secret with its owner, age, expiry and NHI risks.
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Inventory the secrets of one or more repositories and folders: owner, age, expiry, exposure, OWASP NHI risks.",
        discussion: """
        A repository's top folder (or a bare repository) is scanned with its full history and working tree; other folders as \
        files. A secret found in several inputs is one row listing all of them. Exit code 0 unless the run fails (2).
        """
    )

    @Argument(help: "Repositories and folders.")
    var paths: [String] = ["."]

    @Option(help: "Report format: html, csv or json (default: from the --output extension, else json).")
    var format: String?

    @Option(name: [.short, .long], help: "Write the inventory to this file ('-' for standard output). Written atomically.")
    var output: String = "-"

    @Flag(help: "Scan repositories as plain folders (no history: no first seen, age or branches).")
    var noHistory = false

    @Flag(help: "Show secrets in full instead of redacted.")
    var showSecrets = false

    @Flag(help: "Leave the scan duration out, so that the same input gives the same bytes.")
    var noTiming = false

    @OptionGroup var clock: ClockOptions
    @OptionGroup var engine: EngineOptions

    func validate() throws {
        _ = try resolvedFormat()
    }

    func run() throws {
        try ReportWriter.checkWritable(output)
        let inputs = try InventoryInput.classify(paths, history: !noHistory)
        var template = engine.request(.paths(["."]))
        template.showSecrets = showSecrets
        template.includeTiming = !noTiming
        template.now = clock.timestamp
        template.policy = clock.policy
        let (document, reports) = try InventorySession.run(inputs, template: template)
        for report in reports { engine.reportDiagnostics(report) }
        let bytes = try resolvedFormat().render(document)
        try ReportWriter.write(bytes, to: output)
    }

    private func resolvedFormat() throws -> InventoryFormat {
        if let format {
            guard let chosen = InventoryFormat(rawValue: format) else { throw ValidationError("unknown --format '\(format)' (expected html, csv or json)") }
            return chosen
        }
        return InventoryFormat(fileExtensionOf: output) ?? .json
    }
}
