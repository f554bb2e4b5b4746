/// The blob of git history or of a dump that a match was found in, kept on the match until
/// provenance says which commits and paths hold the blob (see `UnplacedMatch`).
struct BlobOrigin: Sendable {
    /// Git's id of the blob; nil in a fast-export dump, where a mark names it (`path`).
    let id: BlobID?
    /// The path the blob was read at (see `GitBlob.path`): where its matches are placed when
    /// provenance knows no other.
    let path: String
    /// The end of a location's path that names archive members (`!conf.jar!app.properties`),
    /// empty for the blob itself: history gives a blob its paths, and the members keep their names.
    var member = ""

    /// How messages name the blob.
    var name: String { id?.hex ?? path }
}
