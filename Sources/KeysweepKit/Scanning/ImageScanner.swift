/// Scans a container image (see `ImageSource`) on the `ScanPool`, then places each location in
/// its layer.
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

    public func scan(path: String) throws(KeysweepError) -> ScanResult {
        let layout = try ImageLayout(path: path)
        var layerOptions = options
        // A layer is an archive opened whatever --archive-depth says; archives in its files nest
        // up to --archive-depth below it.
        layerOptions.archives.depth = options.archives.depth + 1
        let source = ImageSource(layout: layout)
        var result = try ScanPool<ImageSource.Item>(ruleSet: ruleSet, options: layerOptions).scan(source)
        result.matches = Self.locate(result.matches, in: layout, whiteouts: source.whiteouts.recorded.withLock { $0 })
        return result
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
