import Testing
@testable import KeysweepKit

/// `OffsetSort` orders keys as a comparison sort does, when each key's low half is its place in
/// the input (as a pack index's keys are): offsets of every width, shared bytes, ties, and none.
@Suite struct OffsetSortTests {
    @Test(arguments: [0, 1, 2, 1000, 70_000])
    func ordersAsTheStandardSortDoes(count: Int) {
        var generator = SystemRandomNumberGenerator()
        // Offsets below 2^8, 2^16, 2^24 and 2^32, so that each pass is taken or skipped somewhere,
        // and some repeated (a damaged index has two objects at one offset).
        let widths: [UInt64] = [1 << 8, 1 << 16, 1 << 24, 1 << 32]
        for width in widths {
            var keys = (0..<count).map { index in
                let offset = index % 7 == 0 && index > 0 ? 4096 : UInt64.random(in: 0..<width, using: &generator)
                return offset << 32 | UInt64(index)
            }
            let expected = keys.sorted()
            OffsetSort.sortByHighHalf(&keys)
            #expect(keys == expected, "width \(width)")
        }
    }

    @Test func keepsKeysWhoseOffsetsAreAllEqualInTheirOrder() {
        var keys = (0..<300).map { UInt64(77) << 32 | UInt64($0) }
        let before = keys
        OffsetSort.sortByHighHalf(&keys)
        #expect(keys == before)
    }
}
