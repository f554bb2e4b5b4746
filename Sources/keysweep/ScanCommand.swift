import ArgumentParser
import KeysweepKit

/// `keysweep scan [PATH ...]`: scan files and folders (or `-`, standard input).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders for secrets (the current folder by default; '-' reads standard input)."
    )

    @Argument(help: "Files or folders to scan; '-' for standard input.")
    var paths: [String] = ["."]

    @Option(help: "Scan only files matching this glob (repeatable; a glob without '/' matches a name at any depth).")
    var include: [String] = []

    @Option(help: "Skip files and folders matching this glob (repeatable; as --include).")
    var exclude: [String] = []

    @Flag(help: "Follow symbolic links (each folder is still scanned once).")
    var followSymlinks = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if paths.contains("-") && paths.count > 1 { throw ValidationError("'-' (standard input) cannot be combined with other paths") }
    }

    func run() throws {
        let input: ScanInput = paths == ["-"] ? .standardInput : .paths(paths)
        try common.run(common.request(input, include: try globs(include, option: "--include"),
                                      exclude: try globs(exclude, option: "--exclude"), followSymlinks: followSymlinks))
    }

    private func globs(_ texts: [String], option: String) throws -> [Glob] {
        do {
            return try texts.map { text throws(GlobError) in try Glob(text) }
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }
}
