import Foundation
import Testing
@testable import KeysweepKit

/// A git subprocess leaves nothing in `TMPDIR`, however its object ends, and still reports git's
/// own error message.
@Suite struct GitProcessTests {
    /// While git runs, the file that takes its standard error is already unlinked: the process
    /// holds it open (`/proc/self/fd` shows it `(deleted)`), so no name is left to clean up.
    @Test func gitsErrorFileIsUnlinkedWhileGitRuns() throws {
        let git = try GitProcess(repository: RepositoryRoot.path, arguments: ["cat-file", "--batch"], feedsInput: true)
        defer {
            git.closeInput()
            try? git.finish()
        }
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        let targets = descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0) }
        let errorFiles = targets.filter { $0.contains("/keysweep-git-") }
        #expect(!errorFiles.isEmpty)
        #expect(errorFiles.allSatisfy { $0.hasSuffix(" (deleted)") })
    }

    /// git's message comes back through the unlinked file.
    @Test func gitsOwnMessageIsTheError() {
        do {
            _ = try GitProcess.output(repository: RepositoryRoot.path, ["rev-parse", "--verify", "no-such-revision"])
            Issue.record("git accepted a revision that does not exist")
        } catch {
            #expect(error.description.contains("git rev-parse failed: Needed a single revision"), "\(error.description)")
        }
    }
}
