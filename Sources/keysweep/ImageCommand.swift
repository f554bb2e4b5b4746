import ArgumentParser
import KeysweepKit

/// `keysweep image PATH`: scan a saved container image, with no daemon or registry.
struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Scan a container image: a 'docker save' / 'podman save' tarball or an OCI image layout folder.",
        discussion: "Layers are read in order with whiteouts honoured; each finding names the layer digest and the file. A file deleted by a higher layer is reported with deleted_in_layer: it still ships. The config's ENV, LABEL, CMD and history (build arguments) are scanned too."
    )

    @Argument(help: "The image tarball or OCI layout folder.")
    var path: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try common.run(common.request(.image(path)))
    }
}
