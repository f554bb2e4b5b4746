import Foundation

/// One `git` subprocess in a repository, with its standard output as a stream and its standard
/// error kept for the error message.
final class GitProcess: @unchecked Sendable {
    private let process = Process()
    private let outputPipe = Pipe()
    private let inputPipe: Pipe?
    private let errorFile: URL
    let output: ByteStreamReader
    let arguments: [String]

    /// Starts `git -C repository arguments...`. `feedsInput` gives it a standard input to write to.
    init(repository: String, arguments: [String], feedsInput: Bool = false) throws(KeysweepError) {
        self.arguments = arguments
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("keysweep-git-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository] + arguments
        process.standardOutput = outputPipe
        inputPipe = feedsInput ? Pipe() : nil
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do {
            process.standardError = try FileHandle(forWritingTo: errorFile)
            try process.run()
        } catch {
            throw KeysweepError("cannot run git: \(error.localizedDescription)")
        }
        output = ByteStreamReader(fileDescriptor: outputPipe.fileHandleForReading.fileDescriptor)
    }

    deinit {
        try? FileManager.default.removeItem(at: errorFile)
    }

    /// Writes to git's standard input (blocking while git is not reading).
    func write(_ bytes: [UInt8]) {
        inputPipe?.fileHandleForWriting.write(Data(bytes))
    }

    func closeInput() {
        try? inputPipe?.fileHandleForWriting.close()
    }

    /// Waits for git to exit; throws with git's own message when it failed.
    func finish() throws(KeysweepError) {
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if process.terminationStatus == 127 { throw KeysweepError("git is not installed or not on PATH") }
            throw KeysweepError("git \(arguments.first ?? "") failed: \(message.isEmpty ? "exit status \(process.terminationStatus)" : message)")
        }
    }

    /// Runs git to completion and returns its standard output.
    static func output(repository: String, _ arguments: [String]) throws(KeysweepError) -> [UInt8] {
        let git = try GitProcess(repository: repository, arguments: arguments)
        let bytes = git.output.readToEnd()
        try git.finish()
        return bytes
    }
}
