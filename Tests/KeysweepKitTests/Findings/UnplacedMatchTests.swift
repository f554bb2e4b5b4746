import Testing
@testable import KeysweepKit

/// A match in a history blob is placed once per (commit, path) that introduced the blob, each
/// location built there, with its archive member's name kept after the path.
@Suite struct UnplacedMatchTests {
    static let blob = BlobID(hex: "0123456789abcdef0123456789abcdef01234567")
    static let match = BlobMatch(ruleIndex: 3, secret: Array("ghp_secret".utf8), entropy: 4,
                                 start: TextPosition(line: 2, column: 7), end: TextPosition(line: 2, column: 17), lineContext: "line")

    static func commit(_ digit: Character, date: String) -> CommitInfo {
        CommitInfo(id: String(repeating: digit, count: 40), author: "Ada", email: "ada@example.com", date: date)
    }

    @Test func oneLocationPerIntroductionInTheirOrder() throws {
        let blob = try #require(Self.blob)
        let (first, second) = (Self.commit("a", date: "2024-01-01T00:00:00Z"), Self.commit("b", date: "2024-01-02T00:00:00Z"))
        let unplaced = UnplacedMatch(match: Self.match, origin: BlobOrigin(id: blob, path: blob.hex))
        let placed = unplaced.placed(by: [(first, "config/.env"), (second, "deploy/.env"), (second, "copy/.env")])
        #expect(placed.map(\.location.path) == ["config/.env", "deploy/.env", "copy/.env"])
        #expect(placed.map(\.location.commit) == [first, second, second])
        for match in placed {
            #expect(match.location.blobID == blob)
            #expect(match.location.member.isEmpty)
            #expect((match.location.start, match.location.end) == (Self.match.start, Self.match.end))
            #expect(match.location.lineContext == "line")
            #expect(match.secret == Self.match.secret)
        }
    }

    @Test func anArchiveMemberKeepsItsNameAfterEachPath() throws {
        let blob = try #require(Self.blob)
        let member = "!WEB-INF/lib/conf.jar!app.properties"
        let unplaced = UnplacedMatch(match: Self.match, origin: BlobOrigin(id: blob, path: blob.hex, member: member))
        let commit = Self.commit("c", date: "2024-01-03T00:00:00Z")
        let placed = unplaced.placed(by: [(commit, "app.war"), (commit, "dist/app.war")])
        #expect(placed.map(\.location.path) == ["app.war" + member, "dist/app.war" + member])
        #expect(placed.allSatisfy { $0.location.member == member })
    }

    @Test func withoutIntroductionsItStaysWhereTheBlobWasRead() throws {
        let blob = try #require(Self.blob)
        let unplaced = UnplacedMatch(match: Self.match, origin: BlobOrigin(id: blob, path: "src/lib.zip", member: "!a.env"))
        let placed = unplaced.placed(by: [])
        #expect(placed.map(\.location.path) == ["src/lib.zip!a.env"])
        #expect(placed.first?.location.commit == nil)
        #expect(unplaced.placed(at: "elsewhere.zip").location.path == "elsewhere.zip!a.env")
    }

    @Test func aBlobsMatchesAreKeptUnplacedWithTheirMember() throws {
        let blob = try #require(Self.blob)
        var outcome = WorkerOutcome()
        let scan = BlobScan(matches: [Self.match])
        outcome.record(scan, path: blob.hex + "!inner.zip!a.env", size: 10, member: "!inner.zip!a.env",
                       origin: BlobOrigin(id: blob, path: blob.hex))
        outcome.record(scan, path: "file.zip!a.env", size: 10, member: "!a.env")
        #expect(outcome.unplaced.map(\.origin.member) == ["!inner.zip!a.env"])
        #expect(outcome.unplaced.map(\.origin.id) == [blob])
        #expect(outcome.matches.map(\.location.path) == ["file.zip!a.env"])
        #expect(outcome.matches.map(\.location.member) == ["!a.env"])
        #expect(outcome.statistics.filesScanned == 2)
    }
}
