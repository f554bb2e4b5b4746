import Foundation

/// The tests' temporary folder: every report, repository and file a test makes goes under one
/// folder per test process, removed when the process exits, so that a developer's temporary
/// folder does not fill up run after run (CI machines start clean; a laptop does not).
public enum TestScratch {
    /// The folder's path, ending in `/` as `NSTemporaryDirectory()` does; made on first use.
    public static let folder: String = {
        // Short: a test binds a Unix socket under it, and socket paths hold at most 107 bytes.
        // (`scripts/test` sets `TMPDIR` to a folder of its own, which this one goes into.)
        let path = NSTemporaryDirectory() + "keysweep-scratch-\(getpid())-\(UUID().uuidString.prefix(8))/"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the tests' temporary folder \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.folder) }
        return path
    }()
}
