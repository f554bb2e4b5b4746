import Foundation
import TestScratch

/// The repository checkout the tests run from, found from this source file's path.
enum RepositoryRoot {
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func file(_ relative: String) -> String { path + "/" + relative }
}

/// A fresh temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = TestScratch.folder + "keysweep-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
