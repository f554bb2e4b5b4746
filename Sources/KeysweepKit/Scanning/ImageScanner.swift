#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Archive
import Synchronization

/// Scans a container image, a `docker save` / `podman save` tarball or an OCI image layout
/// folder, on the `ScanPool`: each config (rendered by `ImageConfigText`) and each layer is one
/// work item, and a layer's files are archive members (`image.tar!blobs/sha256/HEX!etc/app.env`).
///
/// Whiteouts are recorded as the layers are read; afterwards each location learns its layer's
/// digest and, when a higher layer deletes its file, that layer's (`deletedInLayer`): a deleted
/// file still ships in the lower layer, to anyone who pulls the image.
public struct ImageScanner: Sendable {
    public let ruleSet: RuleSet
    public let options: ScanOptions

    public init(ruleSet: RuleSet, options: ScanOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    enum Work: Sendable {
        case config(shown: String, bytes: [UInt8])
        case layer(ContainerImage.Layer)
    }

    public func scan(path: String) throws(KeysweepError) -> ScanResult {
        let clock = ContinuousClock.now
        let layout = try ImageLayout(path: path)
        var work: [Work] = []
        var seen: Set<String> = []
        for image in layout.images {
            work.append(.config(shown: layout.displayPath(image.configPath), bytes: image.config))
            for layer in image.layers where seen.insert(layer.path).inserted { work.append(.layer(layer)) }
        }
        let whiteouts = Mutex<[String: LayerWhiteouts]>([:])
        var layerOptions = options
        // A layer is an archive of its own: depth counts from the files in it.
        layerOptions.archives.depth = max(1, options.archives.depth)
        let pool = ScanPool<Work>(ruleSet: ruleSet, options: layerOptions)
        let items = work
        let (outcome, _) = pool.run(produce: { push in
            for item in items { push([item]) }
            return ScanStatistics()
        }, process: { item, worker in
            switch item {
            case .config(let shown, let bytes):
                if let text = ImageConfigText.render(bytes) {
                    worker.scan(bytes: text, path: shown)
                } else {
                    worker.outcome.statistics.skip(.unreadable, path: shown, message: "the image config is not a JSON object")
                }
            case .layer(let layer):
                let recorded = Self.scan(layer, of: layout, worker: &worker)
                whiteouts.withLock { $0[layer.path] = recorded }
            }
        })
        var statistics = outcome.statistics
        statistics.threads = options.threads
        statistics.normalize()
        statistics.durationMilliseconds = DirectoryScanner.milliseconds(since: clock)
        let matches = Self.locate(outcome.matches, in: layout, whiteouts: whiteouts.withLock { $0 })
        return ScanResult(matches: matches, statistics: statistics)
    }

    /// Scans the files of one layer; returns its whiteouts, which are not scanned.
    private static func scan(_ layer: ContainerImage.Layer, of layout: ImageLayout, worker: inout ScanWorker) -> LayerWhiteouts {
        var whiteouts = LayerWhiteouts()
        let shown = layout.displayPath(layer.path)
        let outer = layout.isFolder ? shown : layout.path
        let descriptor: Int32
        do {
            descriptor = try SystemCall.openRegularFile(outer, what: "image layer")
        } catch {
            worker.outcome.statistics.skip(.unreadable, path: shown, message: error.message)
            return whiteouts
        }
        defer { close(descriptor) }
        let open: () throws(ArchiveError) -> ArchiveReader
        var tarball: ArchiveReader?
        if layout.isFolder {
            open = { () throws(ArchiveError) in try ArchiveReader(fileDescriptor: descriptor) }
        } else {
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
        worker.expander.expand(open, path: shown, blobID: nil, matcher: worker.matcher, outcome: &worker.outcome,
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

    /// Gives each location in a layer the layer's digest and, if a higher layer of its image
    /// deletes the file, that layer's digest.
    static func locate(_ matches: [Match], in layout: ImageLayout, whiteouts: [String: LayerWhiteouts]) -> [Match] {
        var placed: [(prefix: String, layers: [ContainerImage.Layer], index: Int)] = []
        var known: Set<String> = []
        for image in layout.images {
            for (index, layer) in image.layers.enumerated() where known.insert(layer.path).inserted {
                placed.append((layout.displayPath(layer.path) + "!", image.layers, index))
            }
        }
        return matches.map { match in
            var located = match
            // In a tarball, the layer or config is itself a member: `image.tar!blobs/sha256/HEX!…`.
            if !layout.isFolder && match.location.path.hasPrefix(layout.path + "!") {
                located.location.member = String(match.location.path.dropFirst(layout.path.count))
            }
            guard let place = placed.first(where: { match.location.path.hasPrefix($0.prefix) }) else { return located }
            let inner = match.location.path.dropFirst(place.prefix.count)
            let file = String(inner.prefix { $0 != "!" })
            located.location.layer = place.layers[place.index].digest
            located.location.deletedInLayer = place.layers[(place.index + 1)...].first { whiteouts[$0.path]?.hides(file) ?? false }?.digest
            return located
        }
    }
}
