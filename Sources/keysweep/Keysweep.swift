import ArgumentParser
import KeysweepKit

import Foundation

/// The `keysweep` command: parses arguments, calls KeysweepKit, maps the outcome to an exit code.
@main
struct Keysweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keysweep",
        abstract: "Find leaked secrets of non-human identities in files, folders and git history.",
        discussion: "Exit codes: 0 no findings, 1 findings, 2 usage or input error.",
        version: KeysweepVersion.current,
        subcommands: [ScanCommand.self, GitCommand.self, StagedCommand.self, DumpCommand.self, ImageCommand.self, InventoryCommand.self, MergeCommand.self, BaselineCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: ScanCommand.self
    )

    /// ArgumentParser exits with 64 on a usage error; Keysweep's contract is 2.
    static func main() {
        // A closed pipe (`keysweep ... | head`, a git that exited early) is an error to report,
        // not a reason to die silently.
        signal(SIGPIPE, SIG_IGN)
        // Most commands scan: their rules are built while the arguments are parsed, and a
        // pre-commit hook's git diff runs meanwhile.
        BuiltinRuleSet.prepare()
        StagedDiffPrefetch.start(for: CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as KeysweepError {
            Diagnostics.error(error.message)
            Self.exit(withError: ExitCode(2))
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else {
                // Help, --version, explicit exit codes and the parser's own errors.
                if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { exit(withError: error) }
                // Neither Keysweep's nor the parser's: say what failed without Swift's type names.
                Diagnostics.error("unexpected failure: \(error.localizedDescription)")
                Self.exit(withError: ExitCode(2))
            }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            Diagnostics.error(message)
            Self.exit(withError: ExitCode(2))
        }
    }
}

/// Messages for people, on standard error.
enum Diagnostics {
    static func error(_ message: String) {
        write("keysweep: error: \(printable(message))\n")
    }

    static func warning(_ message: String) {
        write("keysweep: warning: \(printable(message))\n")
    }

    static func note(_ message: String) {
        write("keysweep: \(printable(message))\n")
    }

    /// Paths and names in messages come from the scanned tree: see `TerminalText`.
    static func printable(_ message: String) -> String { TerminalText.printable(message) }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
