/// The most recently rebuilt blobs of one pack reader, kept because later deltas are made
/// against them, up to a byte budget; the oldest go first.
///
/// Pack order writes a base just before the deltas made against it (git writes a "delta family"
/// together), so first-in first-out keeps what the next objects need without tracking use.
struct DeltaBaseCache {
    private let budget: Int
    private var entries: [Int: [UInt8]] = [:]
    private var order: [Int] = []
    private var oldest = 0
    private var bytes = 0

    init(budget: Int) { self.budget = budget }

    subscript(position: Int) -> [UInt8]? { entries[position] }

    /// Keeps `content` of the object at `position`; one larger than half the budget is not kept.
    mutating func insert(_ content: [UInt8], at position: Int) {
        guard content.count <= budget / 2, entries[position] == nil else { return }
        entries[position] = content
        order.append(position)
        bytes += content.count
        while bytes > budget, oldest < order.count {
            if let evicted = entries.removeValue(forKey: order[oldest]) { bytes -= evicted.count }
            oldest += 1
        }
        if oldest > 4096, oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
    }
}
