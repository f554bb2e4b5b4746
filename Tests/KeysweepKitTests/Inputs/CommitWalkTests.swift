import Foundation
import Testing
@testable import KeysweepKit

/// `CommitWalk` lists all refs' commits as `git rev-list --all` does, or gives way to git.
@Suite struct CommitWalkTests {
    /// Runs git in `folder` with fixed identities; `date` is both the author's and the committer's.
    @discardableResult
    static func git(_ folder: String, _ arguments: [String], date: String = "1700000000 +0000",
                    author: String = "Ada Lovelace", input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=\(author)", "-c", "user.email=ada@example.com"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        process.environment = environment
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw KeysweepError("git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func commit(_ folder: String, _ file: String, date: String, author: String = "Ada Lovelace") throws {
        try Data(UUID().uuidString.utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
        try git(folder, ["add", file], date: date)
        try git(folder, ["commit", "-q", "-m", file], date: date, author: author)
    }

    /// A history with what orders and names commits: branches and merges, commits of one date
    /// (ties), offsets east and west of UTC, an annotated tag of a tag, a tag of a tree, a
    /// detached HEAD, a non-ASCII author, and a commit in Latin-1 with an ASCII author.
    static func makeHistory(in folder: String) throws {
        try git(folder, ["init", "-q", "-b", "main"])
        try commit(folder, "a", date: "1700000000 +0000")
        try git(folder, ["branch", "side"])
        try commit(folder, "b", date: "1700000100 -0430", author: "Zoë Ünal")
        try commit(folder, "c", date: "1700000100 +0545")
        try git(folder, ["checkout", "-q", "side"])
        try commit(folder, "d", date: "1700000100 +0000")
        try commit(folder, "e", date: "1699999000 -0000")
        try git(folder, ["-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "--allow-empty", "-m", "latin"], date: "1700000100 +0100")
        try git(folder, ["checkout", "-q", "main"])
        try git(folder, ["merge", "-q", "--no-ff", "-m", "merge side", "side"], date: "1700000200 +0200")
        try git(folder, ["tag", "-a", "-m", "v1", "v1", "side"], date: "1700000300 +0000")
        try git(folder, ["tag", "-a", "-m", "v1 again", "v1-again", "v1"], date: "1700000300 +0000")
        try git(folder, ["tag", "tree-tag", "HEAD^{tree}"])
        try git(folder, ["checkout", "-q", "--detach", "HEAD~1"])
        try commit(folder, "f", date: "1700000100 +0000")
        try git(folder, ["checkout", "-q", "-b", "old", "HEAD~1"])
        try commit(folder, "g", date: "1600000000 +1400")
        try git(folder, ["checkout", "-q", "--detach", "main"])
        try commit(folder, "h", date: "1700000150 -1200")
    }

    /// The listings' every field, for comparing.
    static func fields(_ listing: CommitListing) -> [String] {
        listing.commits.indices.map { place in
            let commit = listing.commits[place]
            let info = listing.info(at: place)
            let parents = ([commit.firstParent].compactMap { $0 } + listing.otherParents(at: place)).map(\.hex)
            return [commit.id.hex, commit.tree.hex, parents.joined(separator: ","), String(commit.isMerge),
                    info.author, info.email, info.date].joined(separator: " | ")
        }
    }

    static func expectSameListing(_ path: String) throws {
        let repository = try GitRepository(path: path)
        let store = try #require(try PackedObjectStore(repository: repository, inPackOrder: false))
        var walked = 0
        #expect(CommitWalk.all(in: repository, store: store) { _, _ in walked += 1 }, "the walk reads \(path)")
        let fromGit = try CommitListing(repository: repository, revisions: .all)
        let listing = try CommitListing.of(.all, in: repository, store: store)
        #expect(walked == fromGit.commits.count)
        #expect(fields(listing) == fields(fromGit))
    }

    @Test func theWalkListsWhatGitRevListListsLooseAndPacked() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Self.makeHistory(in: folder.path)
        try Self.expectSameListing(folder.path)
        try Self.git(folder.path, ["gc", "-q"])
        try Self.expectSameListing(folder.path)
    }

    /// With `KEYSWEEP_WALK_REPOSITORIES` (paths separated by `:`), real histories are compared too.
    @Test func theWalkListsWhatGitListsInTheRepositoriesGiven() throws {
        let paths = ProcessInfo.processInfo.environment["KEYSWEEP_WALK_REPOSITORIES"]?.split(separator: ":").map(String.init) ?? []
        for path in paths { try Self.expectSameListing(path) }
    }

    @Test func replacementsGraftsAndOddAuthorsAreLeftToGit() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Self.makeHistory(in: folder.path)
        let repository = try GitRepository(path: folder.path)
        func walks() throws -> Bool {
            let store = try #require(try PackedObjectStore(repository: repository, inPackOrder: false))
            return CommitWalk.all(in: repository, store: store) { _, _ in }
        }
        #expect(try walks())
        // A commit whose author line git reads its own way (no space before the email).
        let tree = try Self.git(folder.path, ["rev-parse", "HEAD^{tree}"])
        let odd = "tree \(tree)\nauthor Ada<ada@example.com> 1700000000 +0000\ncommitter Ada <ada@example.com> 1700000000 +0000\n\nodd\n"
        let oddID = try Self.git(folder.path, ["hash-object", "-t", "commit", "-w", "--stdin"], input: odd)
        try Self.git(folder.path, ["branch", "odd", oddID])
        #expect(try !walks())
        try Self.expectGitListingUsed(folder.path)
        try Self.git(folder.path, ["branch", "-D", "odd"])
        #expect(try walks())
        try Self.git(folder.path, ["replace", "--graft", "HEAD", "main~2"])
        #expect(try !walks())
        try Self.git(folder.path, ["replace", "-d", try Self.git(folder.path, ["rev-parse", "HEAD"])])
        #expect(try walks())
        try Data("\(try Self.git(folder.path, ["rev-parse", "main"]))\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path + "/.git/info/grafts"))
        #expect(try !walks())
    }

    static func expectGitListingUsed(_ path: String) throws {
        let repository = try GitRepository(path: path)
        let store = try #require(try PackedObjectStore(repository: repository, inPackOrder: false))
        let listing = try CommitListing.of(.all, in: repository, store: store)
        #expect(fields(listing) == fields(try CommitListing(repository: repository, revisions: .all)))
    }

    @Test(arguments: [
        (UInt64(0), 0, "1970-01-01T00:00:00+00:00"),
        (UInt64(0), -100, "1969-12-31T23:00:00-01:00"),
        (UInt64(1_700_000_000), 545, "2023-11-15T03:58:20+05:45"),
        (UInt64(1_700_000_000), -430, "2023-11-14T17:43:20-04:30"),
        (UInt64(951_782_400), 0, "2000-02-29T00:00:00+00:00"),
        (UInt64(4_107_542_400), 1400, "2100-03-01T14:00:00+14:00"),
        (UInt64(1_700_000_000), 99, "2023-11-14T23:52:20+00:99"),
    ] as [(UInt64, Int, String)])
    func datesAreWrittenAsGitsStrictISO8601(date: UInt64, offset: Int, expected: String) {
        #expect(ParsedCommit.iso8601(date, offset: offset) == expected)
    }
}
