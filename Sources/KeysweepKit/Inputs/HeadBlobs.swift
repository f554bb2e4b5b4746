/// The blob ids in HEAD's tree (`git ls-tree -r HEAD`), which say whether a secret found in history
/// is still there, for a scan of all refs or of a branch (a range looks in-process, see
/// `RangeBlobSource.blobsAtHead`). Listed on a thread of its own from the first match on, so that
/// the listing (20 ms on Symfony) runs beside the scan instead of after it; a scan that finds
/// nothing never lists.
final class HeadBlobs: Sendable {
    /// The ids; empty when there is no HEAD (or git could not list it).
    private let ids: BackgroundValue<Set<BlobID>>

    init(repository: GitRepository) {
        ids = BackgroundValue { Self.list(repository) }
    }

    /// Starts listing if that has not begun; returns at once.
    func start() { ids.start() }

    /// Of `wanted`, the blobs HEAD's tree holds.
    func blobs(among wanted: Set<BlobID>) -> Set<BlobID> {
        guard !wanted.isEmpty else { return [] }
        return wanted.intersection((try? ids.value()) ?? [])
    }

    private static func list(_ repository: GitRepository) -> Set<BlobID> {
        guard let listing = try? GitProcess.output(repository: repository.path, ["ls-tree", "-r", "-z", "HEAD"]) else { return [] }
        var ids: Set<BlobID> = []
        for entry in listing.split(separator: 0) {
            // `<mode> <type> <id>\t<path>`
            let fields = entry.split(separator: UInt8(ascii: " "), maxSplits: 2)
            guard fields.count == 3, let tab = fields[2].firstIndex(of: UInt8(ascii: "\t")),
                  let id = BlobID(hex: fields[2][..<tab]) else { continue }
            ids.insert(id)
        }
        return ids
    }
}
