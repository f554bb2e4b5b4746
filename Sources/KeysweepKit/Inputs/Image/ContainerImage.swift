/// One image of a `docker save` tarball or an OCI image layout: its config and its layers,
/// lowest first, as the manifest lists them.
struct ContainerImage: Sendable {
    struct Layer: Sendable, Hashable {
        /// Where the layer's tar is, in the tarball or below the layout folder.
        let path: String
        /// `sha256:…`: the manifest's digest, or the config's diff id where the manifest names a
        /// path only (the legacy `docker save` layout).
        let digest: String
    }

    /// Where the config is, in the tarball or below the folder.
    let configPath: String
    let config: [UInt8]
    let layers: [Layer]
}
