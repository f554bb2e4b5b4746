import Foundation

/// Runs a tool a test needs (git, python, pre-commit, sarif-tools, the scripts) and captures its
/// exit status and its standard output and error together.
enum ToolProcess {
    /// `command` is found on `PATH` unless it is a path; `environment` is added to ours.
    static func run(_ command: [String], in directory: String? = nil,
                    environment extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read to the end before waiting, so a full pipe cannot deadlock the child.
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
