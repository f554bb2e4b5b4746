import Foundation
import Testing

/// Every command says a report cannot be written in the same words, before it scans, and no
/// message shows a Swift type name.
@Suite struct ErrorMessageTests {
    static let target = "/nonexistent-keysweep-folder/out.json"
    static let expected = "keysweep: error: cannot write report '\(target)': its folder '/nonexistent-keysweep-folder/' does not exist "
        + "(No such file or directory); create it first\n"

    @Test(arguments: [
        ["scan", "fixtures/tree", "-o", target],
        ["scan", "fixtures/tree", "--report", "sarif:" + target],
        ["baseline", "create", "fixtures/tree", "-o", target],
        ["baseline", "update", "fixtures/tree", "-o", target],
        ["inventory", "fixtures/tree", "-o", target],
        ["merge", "fixtures/expected/tree.json", "-o", target],
    ])
    func aReportThatCannotBeWrittenIsOneMessage(arguments: [String]) throws {
        let outcome = try KeysweepProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == Self.expected, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    /// Bad inputs of every kind: the message names the input and says why, in words.
    @Test(arguments: [
        (["merge", "README.md"], "cannot use report 'README.md': it is not a Keysweep JSON report"),
        (["scan", "fixtures/tree", "--baseline", "README.md"], "baseline 'README.md' is not a Keysweep baseline"),
        (["scan", "fixtures/tree", "--rules", "README.md"], "invalid rules: "),
        (["git", "/usr/share/doc"], "cannot scan '/usr/share/doc': it is not a git repository; use `keysweep scan /usr/share/doc`"),
        (["dump", "fixtures/tree"], "fixtures/tree"),
    ])
    func messagesShowNoSwiftTypeNames(arguments: [String], message: String) throws {
        let outcome = try KeysweepProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("keysweep: error: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        for typeName in ["Error(", "Error.", "CodingKeys", "Swift.", "Foundation.", "KeysweepKit.", "fatal:"] {
            #expect(!outcome.stderr.contains(typeName), "\(outcome.stderr)")
        }
    }
}
