import Testing
@testable import KeysweepKit

@Suite struct GitDeltaTests {
    static let base = Array("hello world".utf8)

    static func apply(_ delta: [UInt8], to base: [UInt8] = base) -> [UInt8]? {
        delta.withUnsafeBytes { delta in base.withUnsafeBytes { GitDelta.apply(delta, to: $0) } }
    }

    @Test func copiesAndInsertsInOrder() {
        // sizes 11 → 11; copy 6 bytes from offset 0; insert "there".
        let delta: [UInt8] = [11, 11, 0x90, 6, 5] + Array("there".utf8)
        #expect(Self.apply(delta) == Array("hello there".utf8))
        #expect(delta.withUnsafeBytes { GitDelta.targetSize($0) } == 11)
    }

    @Test func copyWithOffsetBytes() {
        // copy 5 bytes from offset 6 ("world"): offset byte 0 and size byte 0 present.
        #expect(Self.apply([11, 5, 0x91, 6, 5]) == Array("world".utf8))
    }

    @Test func aCopyOfSizeZeroMeans64KiB() {
        let base = [UInt8](repeating: 7, count: 0x10000)
        // sizes 65536 → 65536, varint [0x80, 0x80, 0x04]; copy with no offset or size bytes.
        #expect(Self.apply([0x80, 0x80, 0x04, 0x80, 0x80, 0x04, 0x80], to: base) == base)
    }

    @Test(arguments: [
        [12, 11, 0x90, 6, 5] + Array("there".utf8) as [UInt8],  // made for a base of another size
        [11, 11, 0x91, 8, 6],  // copies past the end of the base
        [11, 3, 0],  // instruction 0 is reserved
        [11, 9, 3] + Array("abc".utf8),  // shorter than its target size
        [11, 2, 5] + Array("ab".utf8),  // an insert cut short
        [11, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x90, 6],  // a target size no delta this short can fill
    ])
    func damagedDeltasAreRejected(delta: [UInt8]) {
        #expect(Self.apply(delta) == nil)
    }
}
