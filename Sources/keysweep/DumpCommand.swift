import ArgumentParser
import KeysweepKit

/// `keysweep dump FILE|-`: scan a git object dump taken elsewhere.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Scan a git object dump: 'git cat-file --batch --batch-all-objects' or 'git fast-export --all' output.",
        discussion: "With fast-export, findings carry commit and path provenance. A damaged dump is scanned up to the damage, then fails with exit code 2."
    )

    @Argument(help: "The dump file, or '-' for standard input.")
    var file: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try common.run(common.request(.dump(file)))
    }
}
