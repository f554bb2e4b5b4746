/// The most recently rebuilt objects of one pack reader, kept because later deltas are made
/// against them, up to a byte budget; the oldest go first.
///
/// Pack order writes a base just before the deltas made against it (git writes a "delta family"
/// together), so first-in first-out keeps what the next objects need without tracking use.
///
/// Every object read asks it once or more, so it keeps its own table rather than a `Dictionary`,
/// whose hashing of each key took about 1% of a history scan's CPU: entries sit in a ring in the
/// order they came, and an open-addressing table (linear probing, keys spread by a multiplication)
/// gives a key's place in the ring.
struct DeltaBaseCache {
    /// A rebuilt object, and its keyword hits when they were looked for (see `DeltaHits`).
    struct Entry {
        let bytes: [UInt8]
        let hits: [KeywordHit]?
        /// What the reader that keeps it wants to know besides (`StoreObjectReader`: the type).
        var tag: UInt8 = 0

        var cost: Int { bytes.count + (hits?.count ?? 0) * MemoryLayout<KeywordHit>.stride }
    }

    private let budget: Int
    private var bytes = 0
    /// The entries in the order they came, from `first` on, `count` of them, wrapping around,
    /// and beside them their keys.
    private var ring: [Entry?] = Array(repeating: nil, count: 64)
    private var keys: [Int] = Array(repeating: -1, count: 64)
    private var first = 0
    private var count = 0
    /// For each slot, a place in `ring`, or -1: twice as many slots as the ring has places.
    private var table: [Int32] = Array(repeating: -1, count: 128)

    init(budget: Int) { self.budget = budget }

    subscript(key: Int) -> Entry? {
        guard let slot = slot(of: key) else { return nil }
        return ring[Int(table[slot])]
    }

    /// Keeps `entry` for the object at `key` (its pack and offset); one larger than half the
    /// budget is not kept. An entry kept without hits gains them when they are given later.
    mutating func insert(_ entry: Entry, at key: Int) {
        guard entry.cost <= budget / 2 else { return }
        if let slot = slot(of: key) {
            let place = Int(table[slot])
            guard let kept = ring[place], kept.hits == nil, entry.hits != nil else { return }
            bytes += entry.cost - kept.cost
            ring[place] = entry
        } else {
            if count == ring.count { grow() }
            let place = (first + count) % ring.count
            ring[place] = entry
            keys[place] = key
            count += 1
            bytes += entry.cost
            index(place, key: key)
        }
        while bytes > budget, count > 0 { dropOldest() }
    }

    /// Notes in `table` that `key` is at `place` in the ring: in the first free slot from its home.
    private mutating func index(_ place: Int, key: Int) {
        var slot = home(of: key)
        while table[slot] >= 0 { slot = (slot + 1) & (table.count - 1) }
        table[slot] = Int32(place)
    }

    /// Where `key`'s place is in `table`, if it is kept.
    private func slot(of key: Int) -> Int? {
        var slot = home(of: key)
        while true {
            let place = table[slot]
            if place < 0 { return nil }
            if keys[Int(place)] == key { return slot }
            slot = (slot + 1) & (table.count - 1)
        }
    }

    /// The slot a key is looked for from: Fibonacci hashing of the key, whose high bits are the
    /// pack number and whose low bits vary most.
    private func home(of key: Int) -> Int {
        let spread = UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: spread >> UInt64(64 - table.count.trailingZeroBitCount))
    }

    private mutating func dropOldest() {
        guard let oldest = ring[first], let slot = slot(of: keys[first]) else { preconditionFailure("the ring and the table agree") }
        bytes -= oldest.cost
        ring[first] = nil
        first = (first + 1) % ring.count
        count -= 1
        remove(at: slot)
    }

    /// Empties `slot`, moving back the entries after it that a probe would no longer reach.
    private mutating func remove(at slot: Int) {
        let mask = table.count - 1
        var hole = slot
        var next = (slot + 1) & mask
        while table[next] >= 0 {
            let home = home(of: keys[Int(table[next])])
            // The entry at `next` may fill the hole if its home is not in (hole, next].
            let distanceToHole = (next - hole) & mask
            let distanceToHome = (next - home) & mask
            if distanceToHome >= distanceToHole {
                table[hole] = table[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        table[hole] = -1
    }

    /// Doubles the ring (its entries from place 0 on) and the table.
    private mutating func grow() {
        var larger: [Entry?] = Array(repeating: nil, count: 2 * ring.count)
        var largerKeys = Array(repeating: -1, count: 2 * ring.count)
        for index in 0..<count {
            larger[index] = ring[(first + index) % ring.count]
            largerKeys[index] = keys[(first + index) % ring.count]
        }
        ring = larger
        keys = largerKeys
        first = 0
        table = Array(repeating: -1, count: 2 * ring.count)
        for place in 0..<count { index(place, key: keys[place]) }
    }
}
