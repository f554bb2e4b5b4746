import Testing
@testable import KeysweepKit

/// Errors carry a code, the input and the remedy, and build their sentence in one place.
@Suite struct KeysweepErrorTests {
    @Test func theMessageNamesTheInputTheReasonAndTheRemedyInThatOrder() {
        let error = KeysweepError(.reportNotWritable, path: "out/x.json", "its folder 'out/' does not exist", remedy: "create it first")
        #expect(error.message == "cannot write report 'out/x.json': its folder 'out/' does not exist; create it first")
        #expect(error.code == .reportNotWritable)
        #expect(error.path == "out/x.json")
    }

    @Test func aMessageWithoutPathIsItsReason() {
        #expect(KeysweepError(.gitMissing, "git is not installed or not on PATH").message == "git is not installed or not on PATH")
        #expect(KeysweepError("a ready-made sentence").code == .unclassified)
    }

    /// Callers test the code, never the text: git's missing executable is told from a folder that
    /// is not a repository by it.
    @Test func gitsAbsenceIsACodeNotAText() throws {
        let failure = KeysweepError(.gitFailed, path: "/repo", "git rev-list failed: bad object HEAD", remedy: "check the repository with `git -C /repo fsck`")
        #expect(failure.message == "git failed in '/repo': git rev-list failed: bad object HEAD; check the repository with `git -C /repo fsck`")
    }

    @Test func gitsFirstErrorLineIsTheReasonWithoutItsLabel() {
        #expect(GitProcess.reason("warning: x\nfatal: bad object HEAD\n", exited: true, code: 128, signal: 0) == "bad object HEAD")
        #expect(GitProcess.reason("", exited: true, code: 3, signal: 0) == "it exited with status 3")
        #expect(GitProcess.reason("", exited: false, code: 0, signal: 9) == "it was killed by signal 9")
    }

    @Test func reportWriterFailuresAreStructured() {
        #expect { try ReportWriter.checkWritable("/nonexistent-keysweep/x.json") } throws: { error in
            guard let error = error as? KeysweepError else { return false }
            return error.code == .reportNotWritable && error.path == "/nonexistent-keysweep/x.json"
                && error.message.hasPrefix("cannot write report '/nonexistent-keysweep/x.json': its folder '/nonexistent-keysweep/' does not exist")
        }
    }
}
