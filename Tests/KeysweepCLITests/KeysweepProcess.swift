import Foundation
import TestScratch

/// Runs the built `keysweep` binary and captures what it printed and its exit code.
struct KeysweepProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `KEYSWEEP_BIN`, else the `keysweep` beside the test bundle in the build folder.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["KEYSWEEP_BIN"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("keysweep").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/keysweep"
    }()

    static func run(_ arguments: [String], in directory: String = repositoryRoot, stdin: String? = nil,
                    stdinFile: String? = nil, launcher: [String] = [], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        let command = launcher + [binary] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        // Standard error goes to a file and standard output to a pipe read to the end before
        // waiting, so that neither can fill up and deadlock the child.
        let errorsPath = TestScratch.folder + "keysweep-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if let stdinFile, let handle = FileHandle(forReadingAtPath: stdinFile) {
            process.standardInput = handle
        } else {
            process.standardInput = input
        }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        let stderrData = FileManager.default.contents(atPath: errorsPath) ?? Data()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// Golden files under fixtures/expected; `KEYSWEEP_UPDATE_GOLDEN=1` rewrites them.
enum Golden {
    static func compare(_ actual: String, to name: String) throws -> (expected: String, actual: String) {
        let path = KeysweepProcess.repositoryRoot + "/fixtures/expected/" + name
        if ProcessInfo.processInfo.environment["KEYSWEEP_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        }
        return (try String(contentsOfFile: path, encoding: .utf8), actual)
    }
}
