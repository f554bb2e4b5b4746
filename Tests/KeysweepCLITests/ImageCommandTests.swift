import Foundation
import Testing

/// `keysweep image` on an image built by hand in `scripts/build-archive-fixtures`: layer tarballs,
/// a config, an OCI `index.json` and manifest, and Docker's `manifest.json` in the tarball.
@Suite struct ImageCommandTests {
    /// The two layers' digests, lowest first.
    static func layers() throws -> [String] {
        try String(contentsOfFile: ArchiveFixtures.path("layers.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Where a layer's files are shown: inside the tarball, or below the layout folder.
    static func layerPath(_ image: String, _ digest: String) -> String {
        let blob = "blobs/sha256/" + digest.dropFirst("sha256:".count)
        return image.hasSuffix(".tar") ? "\(image)!\(blob)" : "\(image)/\(blob)"
    }

    @Test(arguments: ["image.tar", "image"])
    func aSecretInALowerLayerDeletedAboveAndOneInENVAreBothFoundAndLocated(image: String) throws {
        let (status, json, stderr) = try ArchiveFixtures.report(["image", image])
        #expect(status == 1, "\(stderr)")
        let layers = try Self.layers()
        let found = ArchiveFixtures.locations(json)
        let token = try #require(found.first { $0.rule == "github.pat.classic" })
        #expect(token.path == Self.layerPath(image, layers[0]) + "!etc/app.env")
        #expect(token.line == 2)
        #expect(token.location["layer"] as? String == layers[0])
        #expect(token.location["deleted_in_layer"] as? String == layers[1])
        let stripe = try #require(found.first { $0.rule == "stripe.secret-key.live" })
        #expect(stripe.path.hasPrefix(image + (image.hasSuffix(".tar") ? "!blobs/sha256/" : "/blobs/sha256/")))
        #expect(stripe.line == 2, "the second ENV line of the rendered config")
        #expect(stripe.location["layer"] == nil)
        // The whiteout itself is not a file: config, etc/app.env, etc/readme.txt, srv/ok.txt.
        #expect(ArchiveFixtures.scan(json)["files"] as? Int == 4)
    }

    @Test func textReportSaysTheDeletedFileStillShips() throws {
        let outcome = try KeysweepProcess.run(["image", "image.tar", "--format", "text", "--no-config", "--color", "never"],
                                              in: ArchiveFixtures.root)
        let layers = try Self.layers()
        #expect(outcome.stdout.contains("layer \(layers[0]), deleted in layer \(layers[1]) (still shipped)"))
    }

    @Test func imageReportsAreValidAgainstTheSchemas() throws {
        for (format, schema) in [("json", SARIFTests.reportSchema), ("sarif", SARIFTests.sarifSchema)] {
            let outcome = try KeysweepProcess.run(["image", "image.tar", "--format", format, "--no-config"], in: ArchiveFixtures.root)
            let file = ArchiveFixtures.path("image-report.\(format)")
            try Data(outcome.stdout.utf8).write(to: URL(fileURLWithPath: file))
            let check = try ToolProcess.run([SARIFTests.python, KeysweepProcess.repositoryRoot + "/scripts/validate-json", schema, file])
            #expect(check.status == 0, "\(format): \(check.output)")
        }
    }

    @Test func aFolderOrTarballThatIsNotAnImageIsAnInputError() throws {
        let outcome = try KeysweepProcess.run(["image", "formats/app.tar", "--no-config"], in: ArchiveFixtures.root)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("'formats/app.tar' is not a container image: it holds no manifest.json"))
    }
}
