import Foundation
import TestScratch
import Testing

/// Archives and the members inside them, built by `scripts/build-archive-fixtures` with the real
/// tools (zip, jar, tar, gzip, bzip2, xz, zstd, python3 -m zipfile).
enum ArchiveFixtures {
    static let root: String = {
        let folder = TestScratch.folder + "keysweep-archive-fixtures-" + UUID().uuidString
        do {
            let build = try ToolProcess.run([KeysweepProcess.repositoryRoot + "/scripts/build-archive-fixtures", folder])
            if build.status != 0 { Issue.record("cannot build archive fixtures: \(build.output)") }
        } catch {
            Issue.record("cannot build archive fixtures: \(error)")
        }
        return folder
    }()

    static func path(_ name: String) -> String { root + "/" + name }

    /// The JSON report of `arguments`, run in the fixture folder.
    static func report(_ arguments: [String]) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let outcome = try KeysweepProcess.run(arguments + ["--format", "json", "--no-config", "--no-timing"], in: root)
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
        return (outcome.status, json, outcome.stderr)
    }

    /// The JSON report of `keysweep git` on a new repository whose one commit adds the fixture
    /// `fixture` at `path`.
    static func historyReport(committing fixture: String, at path: String) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let repository = try TreeProvenanceTests.newRepository("archive-history")
        let target = repository + "/" + path
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.path(fixture), toPath: target)
        try TreeProvenanceTests.commitAll(repository, "add \(path)")
        let outcome = try KeysweepProcess.run(["git", repository, "--format", "json", "--no-config", "--no-timing"])
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
        return (outcome.status, json, outcome.stderr)
    }

    /// Every location of every finding: rule, path, line and column.
    static func locations(_ json: [String: Any]) -> [(rule: String, path: String, line: Int, column: Int, location: [String: Any])] {
        (json["findings"] as? [[String: Any]] ?? []).flatMap { finding in
            (finding["locations"] as? [[String: Any]] ?? []).map { location in
                (finding["rule"] as? String ?? "", location["path"] as? String ?? "", location["line"] as? Int ?? 0,
                 location["column"] as? Int ?? 0, location)
            }
        }
    }

    static func scan(_ json: [String: Any]) -> [String: Any] { json["scan"] as? [String: Any] ?? [:] }

    static func warnings(_ json: [String: Any]) -> [(path: String, reason: String, message: String)] {
        (scan(json)["warnings"] as? [[String: String]] ?? []).map { ($0["path"] ?? "", $0["reason"] ?? "", $0["message"] ?? "") }
    }
}

@Suite struct ArchiveTests {
    static let token = "github.pat.classic"

    /// The token sits on line 3, column 14 of conf/app.properties in each archive.
    @Test(arguments: [
        ("formats/app.zip", "conf/app.properties"), ("formats/app.jar", "conf/app.properties"),
        ("formats/app.whl", "conf/app.properties"), ("formats/report.docx", "conf/app.properties"),
        ("formats/app.tar", "conf/app.properties"), ("formats/app.tar.gz", "conf/app.properties"),
        ("formats/app.tgz", "conf/app.properties"), ("formats/app.tar.bz2", "conf/app.properties"),
        ("formats/app.tar.xz", "conf/app.properties"), ("formats/app.tar.zst", "conf/app.properties"),
        ("formats/app.properties.gz", "app.properties"), ("formats/app.properties.bz2", "app.properties"),
        ("formats/app.properties.xz", "app.properties"), ("formats/app.properties.zst", "app.properties"),
        ("formats/renamed.bin", "conf/app.properties"),
    ])
    func plantedSecretIsFoundInEachFormatAtItsMemberPathAndLine(archive: String, member: String) throws {
        let (status, json, stderr) = try ArchiveFixtures.report(["scan", archive])
        #expect(status == 1, "\(stderr)")
        let found = ArchiveFixtures.locations(json)
        #expect(found.map(\.rule) == [Self.token])
        #expect(found.first?.path == "\(archive)!\(member)")
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 14)
    }

    @Test func archiveDepthZeroLeavesArchivesClosed() throws {
        let (status, json, _) = try ArchiveFixtures.report(["scan", "formats/app.zip", "formats/app.tgz", "--archive-depth", "0"])
        #expect(status == 0)
        #expect(ArchiveFixtures.locations(json).isEmpty)
        #expect(ArchiveFixtures.scan(json)["skipped"] as? [String: Int] == ["binary": 2])
    }

    @Test func nestedToDepthThreeIsFound() throws {
        let (status, json, _) = try ArchiveFixtures.report(["scan", "nested/chain/l7.zip"])
        #expect(status == 1)
        #expect(ArchiveFixtures.locations(json).map(\.path) == ["nested/chain/l7.zip!l8.zip!l9.zip!secret.properties"])
    }

    @Test func warAndJarInsideItAreNamedMemberByMember() throws {
        let (_, json, _) = try ArchiveFixtures.report(["scan", "nested/app.war"])
        let found = ArchiveFixtures.locations(json)
        #expect(found.map(\.path) == ["nested/app.war!WEB-INF/lib/conf.jar!conf/app.properties"])
        #expect(found.first?.line == 3)
    }

    @Test func depthNineIsStoppedAtEightWithAWarning() throws {
        let (status, json, stderr) = try ArchiveFixtures.report(["scan", "nested/chain/l1.zip"])
        #expect(status == 0)
        #expect(ArchiveFixtures.locations(json).isEmpty)
        let ninth = "nested/chain/l1.zip!l2.zip!l3.zip!l4.zip!l5.zip!l6.zip!l7.zip!l8.zip!l9.zip"
        #expect(ArchiveFixtures.warnings(json).map(\.path) == [ninth])
        #expect(ArchiveFixtures.warnings(json).first?.reason == "archive-limit")
        #expect(stderr.contains("\(ninth): archive nested deeper than 8: not opened (see --archive-depth)"))
        // One level more and the secret is found.
        let deeper = try ArchiveFixtures.report(["scan", "nested/chain/l1.zip", "--archive-depth", "9"])
        #expect(ArchiveFixtures.locations(deeper.json).map(\.path) == [ninth + "!secret.properties"])
    }

    /// Ten members of 1 GiB of zeros in about 10 MB: each is left at its ratio limit, the scan ends
    /// normally. (Its time and memory are measured with /usr/bin/time -v for the README; the
    /// bound here only tells a stopped bomb from 10 GiB inflated, which takes tens of seconds.)
    @Test func zipBombIsStoppedAtItsRatioLimit() throws {
        let start = ContinuousClock.now
        let (status, json, stderr) = try ArchiveFixtures.report(["scan", "bomb/bomb.zip"])
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(status == 0, "\(stderr)")
        let warnings = ArchiveFixtures.warnings(json)
        #expect(warnings.count == 10)
        #expect(warnings.allSatisfy { $0.reason == "archive-limit" && $0.message.hasPrefix("expands more than 100:1") })
        #expect(warnings.map(\.path) == (0..<10).map { "bomb/bomb.zip!zeros-\($0).txt" })
        #expect(ArchiveFixtures.scan(json)["bytes"] as? Int == 0)
    }

    @Test func pathTraversalNamesAreShownAsGivenAndNothingIsWrittenOrReadOutside() throws {
        let parent = (ArchiveFixtures.root as NSString).deletingLastPathComponent
        let before = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains("escape") }
        let (status, json, _) = try ArchiveFixtures.report(["scan", "hostile/evil.tar", "hostile/evil.zip"])
        #expect(status == 1)
        #expect(ArchiveFixtures.locations(json).map(\.path) == [
            "hostile/evil.tar!../../escape.env", "hostile/evil.tar!/tmp/keysweep-absolute.env", "hostile/evil.zip!../../../zip-escape.env",
        ])
        // The symbolic link to /etc/passwd is not followed: three files, the three members.
        #expect(ArchiveFixtures.scan(json)["files"] as? Int == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains("escape") } == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/keysweep-absolute.env"))
    }

    @Test func damagedArchivesAreCountedWarningsAndEncryptedMembersCountedSkips() throws {
        let (status, json, stderr) = try ArchiveFixtures.report(["scan", "hostile/truncated.tgz", "hostile/truncated.zip",
                                                                 "hostile/encrypted.zip", "formats/app.zip"])
        #expect(status == 1, "the rest of the scan goes on: \(stderr)")
        #expect(ArchiveFixtures.locations(json).map(\.path) == ["formats/app.zip!conf/app.properties"])
        #expect(ArchiveFixtures.scan(json)["skipped"] as? [String: Int] == ["damaged-archive": 2, "encrypted": 1])
        #expect(ArchiveFixtures.warnings(json).map(\.path) == ["hostile/truncated.tgz", "hostile/truncated.zip"])
    }

    @Test func anArchiveInHistoryIsScannedWithTheBlobsProvenance() throws {
        let (status, json, _) = try ArchiveFixtures.report(["git", "history"])
        #expect(status == 1)
        let found = ArchiveFixtures.locations(json)
        #expect(found.map(\.path) == ["lib.zip!conf/app.properties"])
        #expect(found.first?.line == 3)
        #expect(found.first?.location["date"] as? String == "2024-01-02T10:00:00+01:00")
    }

    /// A damaged archive in history is named in the warnings by the path that added it, not by
    /// the id its blob was read under (the store is read before any path is known), and a
    /// member's name stays after it.
    @Test func aWarningAboutABlobInHistoryNamesItsPath() throws {
        let (status, json, stderr) = try ArchiveFixtures.historyReport(committing: "hostile/truncated.zip", at: "vendor/libs/broken.zip")
        #expect(status == 0, "\(stderr)")
        #expect(ArchiveFixtures.warnings(json).map(\.path) == ["vendor/libs/broken.zip"])
        #expect(stderr.contains("vendor/libs/broken.zip"), "\(stderr)")
    }

    /// The content of a lone compressed file in history is named after the path that added it,
    /// as in a folder (`app.properties.gz!app.properties`), not after the id its blob was read under.
    @Test func aCompressedFileInHistoryNamesItsContentAfterItsPath() throws {
        let (status, json, stderr) = try ArchiveFixtures.historyReport(committing: "formats/app.properties.gz", at: "deploy/app.properties.gz")
        #expect(status == 1, "\(stderr)")
        #expect(ArchiveFixtures.locations(json).map(\.path) == ["deploy/app.properties.gz!app.properties"])
        let folder = try ArchiveFixtures.report(["scan", "formats/app.properties.gz"])
        #expect(ArchiveFixtures.locations(folder.json).map(\.path) == ["formats/app.properties.gz!app.properties"])
    }

    @Test func aStagedArchiveIsScannedWhole() throws {
        let (status, json, _) = try ArchiveFixtures.report(["staged", "history"])
        #expect(status == 1)
        #expect(ArchiveFixtures.locations(json).map(\.path) == ["staged.jar!conf/app.properties"])
    }

    @Test func aBaselineHidesMembersAsItHidesFiles() throws {
        let baseline = ArchiveFixtures.path("members.baseline.json")
        let create = try KeysweepProcess.run(["baseline", "create", "nested/app.war", "formats/app.tgz", "--no-config", "-o", baseline],
                                             in: ArchiveFixtures.root)
        #expect(create.status == 0, "\(create.stderr)")
        let (status, json, _) = try ArchiveFixtures.report(["scan", "nested/app.war", "formats/app.tgz", "--baseline", baseline])
        #expect(status == 0)
        #expect(ArchiveFixtures.locations(json).isEmpty)
    }

    @Test func sarifOfArchiveFindingsNestsArtifactsAndIsSchemaValid() throws {
        let outcome = try KeysweepProcess.run(["scan", "nested/app.war", "hostile/evil.tar", "--format", "sarif", "--no-config"],
                                              in: ArchiveFixtures.root)
        #expect(outcome.status == 1)
        let file = ArchiveFixtures.path("archives.sarif")
        try Data(outcome.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let check = try ToolProcess.run([SARIFTests.python, KeysweepProcess.repositoryRoot + "/scripts/validate-json", SARIFTests.sarifSchema, file])
        #expect(check.status == 0, "\(check.output)")
        let run = try #require(((try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        let uris = artifacts.map { ($0["location"] as? [String: Any])?["uri"] as? String ?? "" }
        let innermost = try #require(uris.firstIndex(of: "nested/app.war!WEB-INF/lib/conf.jar!conf/app.properties"))
        let jar = try #require(artifacts[innermost]["parentIndex"] as? Int)
        #expect(uris[jar] == "nested/app.war!WEB-INF/lib/conf.jar")
        let war = try #require(artifacts[jar]["parentIndex"] as? Int)
        #expect(uris[war] == "nested/app.war")
        #expect(artifacts[war]["parentIndex"] == nil)
        // A member named ../../escape.env stays inside its archive's URI.
        #expect(uris.contains("hostile/evil.tar!../../escape.env"))
    }
}
