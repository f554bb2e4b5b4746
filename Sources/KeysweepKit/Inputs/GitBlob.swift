/// One distinct blob from git history or from a dump: its object id, one path that holds it, and
/// its bytes.
struct GitBlob: Sendable {
    /// Git's id of the blob; nil in a fast-export dump, where a mark names it (`path`).
    let id: BlobID?
    /// One path that holds the blob, or, while none is known, what names it: its id in hex, or a
    /// dump's mark.
    let path: String
    let bytes: [UInt8]
    /// Its keyword hits, sorted by end, when the pack reader found them (see `DeltaHits`).
    var hits: [KeywordHit]? = nil

    /// Where the matches in it come from, for provenance to place them.
    var origin: BlobOrigin { BlobOrigin(id: id, path: path) }
}
