import Foundation
import TestScratch
import Testing
@testable import KeysweepKit

/// Logs of runs read in any order give each blob's introductions in `git log` order.
@Suite struct GitProvenanceTests {
    static let blob = String(repeating: "b", count: 40)

    /// A `diff-tree` log (the format of `GitProvenance.diffArguments`) in which each commit adds
    /// `blob` at a path named after it.
    static func log(_ commits: [String]) throws -> ByteStreamReader {
        var bytes: [UInt8] = []
        for commit in commits {
            bytes += [1] + Array("\(commit)\u{2}Ada\u{2}ada@example.com\u{2}2024-01-01T00:00:00Z".utf8) + [0]
            bytes += Array(":000000 100644 \(String(repeating: "0", count: 40)) \(blob) A".utf8) + [0]
            bytes += Array("\(commit).txt".utf8) + [0]
        }
        let path = TestScratch.folder + "keysweep-log-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        unlink(path)
        return ByteStreamReader(fileDescriptor: descriptor)
    }

    @Test func introductionsFollowTheListingWhateverOrderTheRunsWereReadIn() throws {
        let commits = (0..<6).map { String(repeating: String($0), count: 40) }
        let blob = try #require(BlobID(hex: Self.blob))
        var provenance = GitProvenance()
        // Two runs, dealt stretches of two commits in turn, read second run first.
        provenance.read(try Self.log([commits[2], commits[3]]), blobIDs: [blob])
        provenance.read(try Self.log([commits[0], commits[1], commits[4], commits[5]]), blobIDs: [blob])
        provenance.putInOrder(of: Array(commits.joined(separator: "\n").utf8) + [UInt8(ascii: "\n")])
        #expect(provenance.introductions[blob]?.map(\.commit.id) == commits)
        #expect(provenance.introductions[blob]?.map(\.path) == commits.map { "\($0).txt" })
    }
}
