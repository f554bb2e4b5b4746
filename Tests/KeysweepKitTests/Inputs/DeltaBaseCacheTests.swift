import Testing
@testable import KeysweepKit

/// `DeltaBaseCache` keeps what a plain model keeps: a dictionary of entries and their order,
/// the oldest dropped first while the bytes exceed the budget, an entry replaced only to gain
/// its hits, one over half the budget never kept. Random operations on keys that collide in the
/// table (same low bits, same pack), over many growths and removals.
@Suite struct DeltaBaseCacheTests {
    /// The cache as a dictionary and a list, as it was first written.
    struct Model {
        let budget: Int
        var entries: [Int: DeltaBaseCache.Entry] = [:]
        var order: [Int] = []
        var bytes = 0

        mutating func insert(_ entry: DeltaBaseCache.Entry, at key: Int) {
            guard entry.cost <= budget / 2 else { return }
            if let kept = entries[key] {
                guard kept.hits == nil, entry.hits != nil else { return }
                bytes -= kept.cost
            } else {
                order.append(key)
            }
            entries[key] = entry
            bytes += entry.cost
            while bytes > budget, !order.isEmpty {
                if let evicted = entries.removeValue(forKey: order.removeFirst()) { bytes -= evicted.cost }
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func keepsWhatTheModelKeeps(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let budget = 40_000
        var cache = DeltaBaseCache(budget: budget)
        var model = Model(budget: budget)
        // Keys of two packs, offsets bunched (many share their low bits) and spread.
        let keys = (0..<3000).map { index in (index % 2) << 40 | (index % 3 == 0 ? index * 4096 : 12 + index * 37) }
        for step in 0..<40_000 {
            let key = keys[Int(random.next() % UInt64(keys.count))]
            if random.next() % 3 == 0 {
                #expect(cache[key]?.bytes == model.entries[key]?.bytes, "step \(step), key \(key)")
                continue
            }
            let size = random.next() % 50 == 0 ? 30_000 : Int(random.next() % 400)
            let entry = DeltaBaseCache.Entry(bytes: [UInt8](repeating: UInt8(step % 251), count: size),
                                             hits: random.next() % 2 == 0 ? nil : [], tag: UInt8(step % 7))
            cache.insert(entry, at: key)
            model.insert(entry, at: key)
        }
        for key in keys {
            #expect(cache[key]?.bytes == model.entries[key]?.bytes)
            #expect(cache[key]?.tag == model.entries[key]?.tag)
        }
    }
}
