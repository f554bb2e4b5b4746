/// What one image layer deletes from the layers below it: OCI whiteouts, `.wh.NAME` (NAME is
/// gone) and `.wh..wh..opq` (the folder's lower content is gone).
struct LayerWhiteouts: Sendable {
    private(set) var deleted: Set<String> = []
    private(set) var opaqueFolders: Set<String> = []

    static let prefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"

    /// Records the layer entry `path` if it is a whiteout; false if it is an ordinary entry.
    mutating func record(_ path: String) -> Bool {
        let normal = Self.normalize(path)
        let (folder, name) = Self.split(normal)
        guard name.hasPrefix(Self.prefix) else { return false }
        if name == Self.opaqueMarker {
            opaqueFolders.insert(folder)
        } else {
            deleted.insert(folder.isEmpty ? String(name.dropFirst(Self.prefix.count)) : folder + "/" + name.dropFirst(Self.prefix.count))
        }
        return true
    }

    /// Whether this layer hides `path` of a lower layer: the file or a folder above it is
    /// whited out, or a folder above it is opaque here.
    func hides(_ path: String) -> Bool {
        var prefix = Self.normalize(path)
        if deleted.contains(prefix) { return true }
        while let slash = prefix.lastIndex(of: "/") {
            prefix = String(prefix[..<slash])
            if deleted.contains(prefix) || opaqueFolders.contains(prefix) { return true }
        }
        return opaqueFolders.contains("")
    }

    /// A layer entry's path without `./` or `/` in front or `/` behind.
    static func normalize(_ path: String) -> String {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
