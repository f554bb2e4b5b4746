/// One distinct blob from git history: its object id, one path that holds it, and its bytes.
struct GitBlob: Sendable {
    let id: String
    let path: String
    let bytes: [UInt8]
}
