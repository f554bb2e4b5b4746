import Testing
@testable import KeysweepKit

@Suite struct PackEntryHeaderTests {
    static func parse(_ bytes: [UInt8], offset: UInt64 = 1000) -> PackEntryHeader? {
        bytes.withUnsafeBytes { PackEntryHeader($0, offset: offset) }
    }

    @Test func aWholeBlobWithAMultiByteSize() throws {
        // type 3 (blob), size 0x5 | 0x12 << 4 = 293.
        let header = try #require(Self.parse([0xB5, 0x12, 0x78, 0x9C]))
        guard case .whole(.blob) = header.kind else { Issue.record("\(header.kind)"); return }
        #expect(header.size == 293)
        #expect(header.length == 2)
    }

    @Test func anOffsetDeltaCountsBackFromItsOwnOffset() throws {
        // type 6, size 10; distance 0x81 0x00 = ((1 + 1) << 7) | 0 = 256.
        let header = try #require(Self.parse([0x6A, 0x81, 0x00], offset: 1000))
        guard case .offsetDelta(let base) = header.kind else { Issue.record("\(header.kind)"); return }
        #expect(base == 744)
        #expect(header.length == 3)
    }

    @Test(arguments: [
        [0xBF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] as [UInt8],  // a size past 60 bits
        [0x6A, 0x8F, 0x7F],  // a delta whose base would lie before the pack's start
        [0x7A, 1, 2, 3],  // a reference delta cut short of its 20-byte base id
        [0x5A, 0x00],  // type 5 is reserved
        [0xB5],  // the size continues past the end
    ])
    func damagedHeadersAreRejected(bytes: [UInt8]) {
        #expect(Self.parse(bytes, offset: 100) == nil)
    }
}
