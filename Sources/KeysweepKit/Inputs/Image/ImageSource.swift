#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Archive
import Synchronization

/// A container image (see `ImageLayout`) as a source for the pool: each config (rendered by
/// `ImageConfigText`) and each distinct layer is one item, and a layer's files are archive
/// members (`image.tar!blobs/sha256/HEX!etc/app.env`). A layer's whiteouts are recorded, not
/// scanned.
struct ImageSource: BlobSource {
    enum Item: Sendable {
        case config(shown: String, bytes: [UInt8])
        case layer(ContainerImage.Layer)
    }

    let layout: ImageLayout
    /// Each layer's whiteouts by layer path, filled as the layers are read.
    let whiteouts = Whiteouts()

    final class Whiteouts: Sendable {
        let recorded = Mutex<[String: LayerWhiteouts]>([:])
    }

    func produce(push: @escaping @Sendable ([Item]) -> Void) -> ScanStatistics {
        var seen: Set<String> = []
        for image in layout.images {
            push([.config(shown: layout.displayPath(image.configPath), bytes: image.config)])
            for layer in image.layers where seen.insert(layer.path).inserted { push([.layer(layer)]) }
        }
        return ScanStatistics()
    }

    func scan(_ item: Item, worker: inout ScanWorker) {
        switch item {
        case .config(let shown, let bytes):
            if let text = ImageConfigText.render(bytes) {
                worker.scan(bytes: text, path: shown)
            } else {
                worker.outcome.statistics.skip(.unreadable, path: shown, message: "the image config is not a JSON object")
            }
        case .layer(let layer):
            let recorded = scan(layer, worker: &worker)
            whiteouts.recorded.withLock { $0[layer.path] = recorded }
        }
    }

    /// Scans the files of one layer; returns its whiteouts.
    private func scan(_ layer: ContainerImage.Layer, worker: inout ScanWorker) -> LayerWhiteouts {
        var whiteouts = LayerWhiteouts()
        let shown = layout.displayPath(layer.path)
        let descriptor: Int32
        do {
            descriptor = try SystemCall.openRegularFile(layout.isFolder ? shown : layout.path, what: "image layer")
        } catch {
            worker.outcome.statistics.skip(.unreadable, path: shown, message: error.message)
            return whiteouts
        }
        defer { close(descriptor) }
        let open: () throws(ArchiveError) -> ArchiveReader
        if layout.isFolder {
            open = { () throws(ArchiveError) in try ArchiveReader(fileDescriptor: descriptor) }
        } else {
            let tarball: ArchiveReader?
            do {
                tarball = try Self.seek(layer.path, in: ArchiveReader(fileDescriptor: descriptor))
            } catch {
                worker.outcome.statistics.skip(.damagedArchive, path: layout.path, message: "damaged image: \(error.message)")
                return whiteouts
            }
            guard let tarball else {
                worker.outcome.statistics.skip(.unreadable, path: shown, message: "the layer the manifest names is not in the image")
                return whiteouts
            }
            open = { () throws(ArchiveError) in
                try ArchiveReader(pull: { buffer in (try? tarball.read(into: buffer)) ?? -1 })
            }
        }
        worker.expander.expand(open, path: shown, origin: nil, matcher: worker.matcher, outcome: &worker.outcome,
                               observe: { name in !whiteouts.record(name) })
        return whiteouts
    }

    /// Reads the tarball up to the member `path`; the reader, positioned at its data, or nil.
    private static func seek(_ path: String, in reader: ArchiveReader) throws(ArchiveError) -> ArchiveReader? {
        let wanted = LayerWhiteouts.normalize(path)
        while let entry = try reader.nextEntry() {
            if entry.isRegularFile && LayerWhiteouts.normalize(entry.path) == wanted { return reader }
        }
        return nil
    }
}
