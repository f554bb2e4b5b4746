import Archive
import Foundation

/// The images in a `docker save` / `podman save` tarball or an OCI image layout folder, read
/// from their `manifest.json` (Docker) or `index.json` (OCI) with no daemon or registry.
///
/// Paths and digests come from the image and are not trusted: a digest must be `alg:hex` and a
/// path relative with no `..`, so that nothing outside the folder is ever read; the documents
/// read (manifests, indexes, configs) are bounded by `documentLimit`.
struct ImageLayout: Sendable {
    let path: String
    let isFolder: Bool
    let images: [ContainerImage]

    /// The largest manifest, index or config read.
    static let documentLimit = 4 << 20

    init(path: String) throws(KeysweepError) {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else { throw KeysweepError("cannot read image '\(path)': \(String(cString: strerror(errno)))") }
        isFolder = info.st_mode & S_IFMT == S_IFDIR
        let documents = isFolder ? Documents(folder: path) : try Documents(tarball: path)
        images = try Self.images(in: documents, named: path)
    }

    /// Where a layer's or the config's bytes are shown: below the folder, or inside the tarball.
    func displayPath(_ inner: String) -> String {
        isFolder ? (path.hasSuffix("/") ? path + inner : path + "/" + inner) : path + "!" + inner
    }

    private static func images(in documents: Documents, named name: String) throws(KeysweepError) -> [ContainerImage] {
        if let manifest = documents["manifest.json"] {
            return try dockerImages(manifest, documents: documents, name: name)
        }
        if let index = documents["index.json"] {
            var images: [ContainerImage] = []
            try ociImages(index, documents: documents, name: name, depth: 0, into: &images)
            return images
        }
        throw KeysweepError("'\(name)' is not a container image: it holds no manifest.json (docker save, podman save) or index.json "
                            + "(OCI image layout)")
    }

    /// `[{"Config": path, "Layers": [path, ...]}, ...]`, Docker's layout.
    private static func dockerImages(_ bytes: [UInt8], documents: Documents, name: String) throws(KeysweepError) -> [ContainerImage] {
        guard let entries = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] else {
            throw KeysweepError("cannot read image '\(name)': manifest.json is not a list of images")
        }
        return try entries.map { entry throws(KeysweepError) in
            guard let configPath = entry["Config"] as? String, let layerPaths = entry["Layers"] as? [String],
                  let config = documents[configPath] else {
                throw KeysweepError("cannot read image '\(name)': an image of manifest.json has no readable Config or no Layers")
            }
            let diffIDs = (try? JSONSerialization.jsonObject(with: Data(config)) as? [String: Any])
                .flatMap { ($0["rootfs"] as? [String: Any])?["diff_ids"] as? [String] } ?? []
            let layers = try layerPaths.enumerated().map { index, layer throws(KeysweepError) in
                guard Documents.isSafe(layer) else { throw KeysweepError("cannot read image '\(name)': unsafe layer path '\(layer)'") }
                return ContainerImage.Layer(path: layer, digest: digest(ofBlobPath: layer) ?? (index < diffIDs.count ? diffIDs[index] : layer))
            }
            return ContainerImage(configPath: configPath, config: config, layers: layers)
        }
    }

    /// An OCI index: its manifests, or nested indexes (multi-platform images), at most 4 deep.
    private static func ociImages(_ bytes: [UInt8], documents: Documents, name: String, depth: Int,
                                  into images: inout [ContainerImage]) throws(KeysweepError) {
        guard depth < 4, let index = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw KeysweepError("cannot read image '\(name)': an index is not a JSON object (or nests too deep)")
        }
        if let layers = index["layers"] as? [[String: Any]] {
            guard let configDigest = (index["config"] as? [String: Any])?["digest"] as? String,
                  let configPath = blobPath(configDigest), let config = documents[configPath] else {
                throw KeysweepError("cannot read image '\(name)': a manifest's config is missing")
            }
            let parsed = try layers.map { layer throws(KeysweepError) in
                guard let digest = layer["digest"] as? String, let path = blobPath(digest) else {
                    throw KeysweepError("cannot read image '\(name)': a layer has no valid digest")
                }
                return ContainerImage.Layer(path: path, digest: digest)
            }
            images.append(ContainerImage(configPath: configPath, config: config, layers: parsed))
            return
        }
        for descriptor in index["manifests"] as? [[String: Any]] ?? [] {
            guard let digest = descriptor["digest"] as? String, let path = blobPath(digest), let manifest = documents[path] else {
                throw KeysweepError("cannot read image '\(name)': a manifest listed in index.json is missing")
            }
            try ociImages(manifest, documents: documents, name: name, depth: depth + 1, into: &images)
        }
    }

    /// `blobs/sha256/HEX` for `sha256:HEX`; nil for anything that is not `alg:hex`.
    static func blobPath(_ digest: String) -> String? {
        let parts = digest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].utf8.allSatisfy({ $0.isLowercaseASCIIAlphanumeric }),
              parts[1].utf8.allSatisfy({ $0.isLowercaseASCIIAlphanumeric }) else { return nil }
        return "blobs/\(parts[0])/\(parts[1])"
    }

    /// `sha256:HEX` for a path `blobs/sha256/HEX`.
    private static func digest(ofBlobPath path: String) -> String? {
        let parts = LayerWhiteouts.normalize(path).split(separator: "/")
        guard parts.count == 3, parts[0] == "blobs" else { return nil }
        return "\(parts[1]):\(parts[2])"
    }
}

/// The small JSON documents of an image, by path: read from the folder when asked, or gathered
/// from the tarball in one pass (a tarball cannot be searched by name).
private struct Documents {
    private let folder: String?
    private var gathered: [String: [UInt8]] = [:]

    init(folder: String) {
        self.folder = folder
    }

    /// Reads every member of the tarball that can be a document: no larger than the limit and
    /// starting with `{` or `[`.
    init(tarball: String) throws(KeysweepError) {
        folder = nil
        let descriptor = try SystemCall.openRegularFile(tarball, what: "image")
        defer { close(descriptor) }
        do throws(ArchiveError) {
            let reader = try ArchiveReader(fileDescriptor: descriptor)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ImageLayout.documentLimit + 1, alignment: 16)
            defer { buffer.deallocate() }
            while let entry = try reader.nextEntry() {
                guard entry.isRegularFile, (entry.declaredSize ?? 0) <= ImageLayout.documentLimit else { continue }
                var count = 0
                while count < buffer.count {
                    let read = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                    if read == 0 { break }
                    count += read
                }
                if count > 0, count <= ImageLayout.documentLimit, buffer[0] == UInt8(ascii: "{") || buffer[0] == UInt8(ascii: "[") {
                    gathered[LayerWhiteouts.normalize(entry.path)] = Array(buffer[..<count])
                }
            }
        } catch {
            throw KeysweepError("cannot read image '\(tarball)': \(error.message)")
        }
    }

    subscript(path: String) -> [UInt8]? {
        guard Self.isSafe(path) else { return nil }
        guard let folder else { return gathered[LayerWhiteouts.normalize(path)] }
        return (try? SystemCall.readRegularFile(folder + "/" + path, what: "image document", limit: ImageLayout.documentLimit)) ?? nil
    }

    /// A relative path with no `..` component: it cannot name anything outside the image.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}

private extension UInt8 {
    var isLowercaseASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
