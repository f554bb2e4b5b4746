import Digest
import Foundation
import TestScratch
import Testing
@testable import KeysweepKit

/// The id search of `PackIndex`: every id an index holds is found at its offset and no other id
/// is, whether the ids are spread evenly (hashes, where the search probes where an id should
/// be) or bunched together (where it falls back to halving).
@Suite struct PackIndexTests {
    /// A version 2 index of `ids` (sorted here), the object with id `ids[i]` at offset `12 + 100 * i`.
    static func writeIndex(_ ids: [[UInt8]], to path: String) throws {
        let objects = ids.enumerated().map { (id: $1, offset: UInt32(12 + 100 * $0)) }.sorted { $0.id.lexicographicallyPrecedes($1.id) }
        func bigEndian(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
        var bytes: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + bigEndian(2)
        for first in 0..<256 { bytes += bigEndian(UInt32(objects.count { $0.id[0] <= first })) }
        for object in objects { bytes += object.id }
        for _ in objects { bytes += bigEndian(0) }  // CRCs
        for object in objects { bytes += bigEndian(object.offset) }
        bytes += [UInt8](repeating: 0, count: 20)  // the pack's checksum
        let hasher = SHA1()
        bytes.withUnsafeBytes { hasher.update($0) }
        bytes += hasher.finish()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func hash(_ number: Int) -> [UInt8] {
        let hasher = SHA1()
        Array("object \(number)".utf8).withUnsafeBytes { hasher.update($0) }
        return Array(hasher.finish())
    }

    /// Ids that differ only in their last bytes, all under one fan-out entry.
    static func bunched(_ number: Int) -> [UInt8] {
        [0x5A] + [UInt8](repeating: 0, count: 15) + withUnsafeBytes(of: UInt32(number * 3).bigEndian, Array.init)
    }

    @Test(arguments: ["hashes", "bunched", "mixed"])
    func everyIdIsFoundAtItsOffsetAndNoOther(_ kind: String) throws {
        let ids: [[UInt8]] = switch kind {
        case "hashes": (0..<20_000).map(Self.hash)
        case "bunched": (0..<5_000).map(Self.bunched)
        default: (0..<3_000).map(Self.hash) + (0..<3_000).map(Self.bunched)
        }
        let folder = URL(fileURLWithPath: TestScratch.folder).appendingPathComponent("pack-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pack-test.idx").path
        try Self.writeIndex(ids, to: path)
        let index = try #require(try PackIndex(path: path, inPackOrder: true))
        for (number, id) in ids.enumerated() {
            #expect(index.location(of: id) == UInt64(12 + 100 * number))
        }
        // Ids next to those held: the same with the last byte moved by one (bunched ids are 3 apart).
        let held = Set(ids)
        let absent = ids.prefix(2_000).map { id in id.dropLast() + [id.last! &+ 1] }.filter { !held.contains($0) }
        #expect(!absent.isEmpty)
        for id in absent { #expect(index.location(of: id) == nil) }
        #expect(index.location(of: [UInt8](repeating: 0xFF, count: 20)) == nil)
        #expect(index.location(of: [UInt8](repeating: 0, count: 20)) == nil)
    }
}
