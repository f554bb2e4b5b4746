/// The most recently rebuilt blobs of one pack reader, kept because later deltas are made
/// against them, up to a byte budget; the oldest go first.
///
/// Pack order writes a base just before the deltas made against it (git writes a "delta family"
/// together), so first-in first-out keeps what the next objects need without tracking use.
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
    private var entries: [Int: Entry] = [:]
    private var order: [Int] = []
    private var oldest = 0
    private var bytes = 0

    init(budget: Int) { self.budget = budget }

    subscript(position: Int) -> Entry? { entries[position] }

    /// Keeps `entry` for the object at `position`; one larger than half the budget is not kept.
    /// An entry kept without hits gains them when they are given later.
    mutating func insert(_ entry: Entry, at position: Int) {
        guard entry.cost <= budget / 2 else { return }
        if let kept = entries[position] {
            guard kept.hits == nil, entry.hits != nil else { return }
            bytes -= kept.cost
        } else {
            order.append(position)
        }
        entries[position] = entry
        bytes += entry.cost
        while bytes > budget, oldest < order.count {
            if let evicted = entries.removeValue(forKey: order[oldest]) { bytes -= evicted.cost }
            oldest += 1
        }
        if oldest > 4096, oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
    }
}
