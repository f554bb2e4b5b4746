import Foundation
import Testing
@testable import KeysweepKit

/// The whole-archive limits (entries, bytes) and the recognition of archives, on archives made by
/// `tar` and `zip` in a temporary folder.
@Suite struct ArchiveLimitsTests {
    static let rules = DirectoryScannerTests.rules

    /// Writes `count` files holding a token into `folder`, then runs `command` there.
    private func archive(_ folder: TemporaryFolder, files count: Int, size: Int = 0, _ command: [String]) throws {
        for index in 0..<count {
            try folder.write("src/f\(index).txt", "tok_abcd\(1000 + index)\n" + String(repeating: "x", count: size))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    private func scan(_ path: String, _ limits: ArchiveLimits) throws -> ScanResult {
        let options = ScanOptions(threads: 1, archives: limits)
        return DirectoryScanner(ruleSet: try RuleSet(Self.rules), options: options).scan(roots: [path])
    }

    @Test func anArchiveWithMoreEntriesThanTheLimitIsCutThereWithAWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try archive(folder, files: 5, ["tar", "cf", "five.tar", "src"])
        let result = try scan(folder.path + "/five.tar", ArchiveLimits(entriesPerArchive: 3))
        // The folder entry `src/` is the first of the three.
        #expect(result.matches.count == 2)
        #expect(result.statistics.skipped == [.archiveLimit: 1])
        #expect(result.statistics.warnings.map(\.message) == ["holds more than 3 entries: the rest of the archive is not scanned"])
    }

    @Test func anArchiveThatExpandsPastItsByteBudgetIsCutThereWithAWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try archive(folder, files: 4, size: 4000, ["zip", "-qr", "four.zip", "src"])
        let result = try scan(folder.path + "/four.zip", ArchiveLimits(bytesPerArchive: 10_000))
        #expect(result.matches.count == 2)
        #expect(result.statistics.warnings.map(\.message) == ["expands to more than 10000 bytes: the rest of the archive is not scanned"])
    }

    @Test func archivesAreRecognisedByTheirFirstBytesNotTheirNames() {
        func isArchive(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { ArchiveMagic.isArchive($0) } }
        #expect(isArchive([0x50, 0x4B, 0x03, 0x04, 0x14]))
        #expect(isArchive([0x1F, 0x8B, 0x08, 0x00]))
        #expect(isArchive(Array("BZh91AY&SY".utf8)))
        #expect(!isArchive(Array("BZh9 is not bzip2".utf8)), "text may start with BZh")
        #expect(!isArchive(Array("PK is a prefix of text too".utf8)))
        var tar = [UInt8](repeating: 0, count: 512)
        tar.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
        #expect(isArchive(tar))
        #expect(ArchiveMagic.decompressedName(of: "a.zip!conf/app.env.gz") == "app.env")
        #expect(ArchiveMagic.decompressedName(of: "dist/app.tgz") == "app.tar")
    }

    /// Members named after a blob read under its id take the names its path gives; members with
    /// names of their own keep them, and so do the names compressed members inside them take.
    @Test func membersNamedAfterABlobAreRenamedWithIt() {
        let id = "a0da8c51bfc246bdabfcd65e64f48054a3e0e33a"
        #expect(ArchiveMagic.members("!\(id)", readIn: id, placedIn: "deploy/prod.env.gz") == "!prod.env")
        #expect(ArchiveMagic.members("!\(id)!\(id)!\(id)", readIn: id, placedIn: "f5/fake_policy.tar.gz")
                == "!fake_policy.tar!fake_policy.tar!fake_policy.tar")
        #expect(ArchiveMagic.members("!conf/app.env.gz!app.env", readIn: id, placedIn: "lib.zip") == "!conf/app.env.gz!app.env")
        #expect(ArchiveMagic.members("!\(id)!conf/\(id)", readIn: id, placedIn: "x.tgz") == "!x.tar!conf/\(id)")
        #expect(ArchiveMagic.members("", readIn: id, placedIn: "x.gz") == "")
    }

    @Test func whiteoutsHideFilesAndFoldersOfLowerLayers() {
        var layer = LayerWhiteouts()
        let recorded = ["./etc/.wh.app.env", "var/cache/.wh..wh..opq", ".wh.secrets", "etc/readme.txt"].map { layer.record($0) }
        #expect(recorded == [true, true, true, false], "the last is an ordinary file")
        #expect(layer.hides("etc/app.env"))
        #expect(!layer.hides("etc/app.envx"))
        #expect(layer.hides("var/cache/deep/file"))
        #expect(layer.hides("secrets/key.pem"))
        #expect(!layer.hides("var/log/x"))
    }
}
