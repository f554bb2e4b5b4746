import Foundation
import Testing

/// History read straight from pack files (`PackedObjectStore`) reports exactly what history read
/// by `git cat-file` reports, whatever mix of packs, deltas and loose objects holds it.
@Suite struct PackedHistoryTests {
    /// Fake secrets of the right shape (the GitHub token carries a valid checksum).
    static let github = "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"
    static let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"

    /// A repository of eight commits that each change one line of a 300-line config, so that a
    /// repack stores most versions as deltas; the token is in it from the second commit on, and
    /// a copy of the fifth version holds the Stripe key. Its objects are loose.
    static func makeRepository() throws -> String {
        let repository = GitFixtures.path("deltas-\(UUID().uuidString)")
        #expect(try git(["init", "-q", "-b", "main", repository]) == 0)
        for version in 0..<8 {
            var lines = (0..<300).map { "setting_\($0) = \($0 * 7 + version * ($0 % 5 == 0 ? 1 : 0))" }
            if version >= 1 { lines[150] = "GITHUB_TOKEN = \"\(github)\"" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: repository + "/settings.py", atomically: true, encoding: .utf8)
            if version == 4 {
                lines[40] = "STRIPE_KEY = \"\(stripe)\""
                try (lines.joined(separator: "\n") + "\n").write(toFile: repository + "/settings.prod.py", atomically: true, encoding: .utf8)
            }
            let date = "2024-02-0\(version + 1)T10:00:00+00:00"
            #expect(try git(["-C", repository, "add", "-A"]) == 0)
            #expect(try git(["-C", repository, "commit", "-q", "-m", "version \(version)"], date: date) == 0)
        }
        return repository
    }

    static func git(_ arguments: [String], date: String = "2024-02-01T10:00:00+00:00") throws -> Int32 {
        let outcome = try ToolProcess.run(["git", "-c", "user.name=Ada Ops", "-c", "user.email=ada@example.com"] + arguments,
                                          environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                                                        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"])
        if outcome.status != 0 { Issue.record("git \(arguments): \(outcome.output)") }
        return outcome.status
    }

    /// Overwrites `count` bytes at `offset` of the repository's one pack with 0x5A; its file name.
    static func overwrite(_ repository: String, at offset: UInt64, count: Int) throws -> String {
        let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: repository + "/.git/objects/pack")
            .first { $0.hasSuffix(".pack") })
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: repository + "/.git/objects/pack/" + pack))
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: count))
        try handle.close()
        return pack
    }

    static func scan(_ repository: String, threads: Int = 2) throws -> String {
        // JSON, for its statistics too: a blob read twice would count twice.
        let outcome = try KeysweepProcess.run(["git", repository, "--format", "json", "--threads", String(threads),
                                               "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        return outcome.stdout
    }

    @Test func packsDeltasAndLooseObjectsGiveTheSameFindings() throws {
        let repository = try Self.makeRepository()
        let loose = try Self.scan(repository)
        #expect(loose.contains("settings.prod.py") && loose.contains("settings.py"))

        // Every object packed with deep deltas that name their base by id (pack-objects' default),
        // while the loose copies stay: each blob is in both.
        let packer = "git rev-list --objects --all | git pack-objects -q --window=50 --depth=50 .git/objects/pack/pack"
        #expect(try ToolProcess.run(["sh", "-c", packer], in: repository).status == 0)
        let verify = try ToolProcess.run(["sh", "-c", "git verify-pack -v .git/objects/pack/pack-*.idx"], in: repository)
        let blobDeltas = verify.output.split(separator: "\n").filter { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count == 7 && fields[1] == "blob"
        }
        #expect(blobDeltas.count >= 4, "the repack made no blob deltas: \(verify.output)")
        #expect(try Self.scan(repository) == loose)
        #expect(try Self.scan(repository, threads: 1) == loose)

        // A second pack with some of the same objects.
        let subset = "git rev-list --objects HEAD~3 | git pack-objects -q .git/objects/pack/pack"
        #expect(try ToolProcess.run(["sh", "-c", subset], in: repository).status == 0)
        #expect(try Self.scan(repository) == loose)

        // Packs only.
        #expect(try Self.git(["-C", repository, "prune-packed"]) == 0)
        #expect(try Self.scan(repository) == loose)

        // One pack whose deltas give their base as an offset (what repack and gc write).
        #expect(try Self.git(["-C", repository, "repack", "-q", "-a", "-d", "-f", "--window=50", "--depth=50"]) == 0)
        #expect(try Self.scan(repository) == loose)
    }

    /// Keyword hits carried through deltas (`DeltaHits`) give the report of a walk of every blob,
    /// and walk only part of the rebuilt bytes.
    @Test func hitsCarriedThroughDeltasGiveTheReportOfWholeBlobs() throws {
        // A 2,000-line file that each commit changes in one line, so its deltas mostly copy.
        let repository = GitFixtures.path("carried-\(UUID().uuidString)")
        #expect(try Self.git(["init", "-q", "-b", "main", repository]) == 0)
        for version in 0..<8 {
            var lines = (0..<2000).map { "api_setting_\($0) = \"value \($0)\"" }
            lines[version * 200] = "api_setting_changed = \(version)"
            if version >= 3 { lines[1000] = "GITHUB_TOKEN = \"\(Self.github)\"" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: repository + "/settings.py", atomically: true, encoding: .utf8)
            #expect(try Self.git(["-C", repository, "add", "-A"]) == 0)
            #expect(try Self.git(["-C", repository, "commit", "-q", "-m", "version \(version)"], date: "2024-02-0\(version + 1)T10:00:00+00:00") == 0)
        }
        #expect(try Self.git(["-C", repository, "repack", "-q", "-a", "-d", "-f", "--window=50", "--depth=50"]) == 0)
        let arguments = ["git", repository, "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"]
        let carried = try KeysweepProcess.run(arguments + ["-v"])
        let whole = try KeysweepProcess.run(arguments + ["--whole-blobs"])
        #expect(carried.status == 1 && whole.status == 1)
        #expect(carried.stdout == whole.stdout)
        let note = try #require(carried.stderr.split(separator: "\n").first { $0.contains("walked for keywords") }, "\(carried.stderr)")
        let numbers = note.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 2 && numbers[1] * 2 < numbers[0], "\(note)")
    }

    /// Objects in another repository's store (`objects/info/alternates`) are left to git to read.
    @Test func aCloneThatBorrowsObjectsGivesTheSameFindings() throws {
        let repository = try Self.makeRepository()
        #expect(try Self.git(["-C", repository, "gc", "-q"]) == 0)
        let borrower = repository + "-shared"
        #expect(try Self.git(["clone", "-q", "--shared", repository, borrower]) == 0)
        #expect(FileManager.default.fileExists(atPath: borrower + "/.git/objects/info/alternates"))
        #expect(try Self.scan(borrower) == Self.scan(repository))
    }

    /// A damaged blob is left out and named; the rest is scanned, and the report says it is
    /// incomplete (exit 2).
    @Test func aDamagedPackIsAnErrorNamingTheObject() throws {
        let repository = try Self.makeRepository()
        #expect(try Self.git(["-C", repository, "repack", "-q", "-a", "-d", "-f", "--window=0"]) == 0)
        let verify = try ToolProcess.run(["sh", "-c", "git verify-pack -v .git/objects/pack/pack-*.idx"], in: repository)
        // `<id> blob <size> <size in pack> <offset>`: a blob stored whole.
        let entries: [[Substring]] = verify.output.split(separator: "\n").map { $0.split(separator: " ") }
        let blob = try #require(entries.first { fields in
            fields.count == 5 && fields[1] == "blob" && (Int(fields[3]) ?? 0) > 40
        })
        let pack = try Self.overwrite(repository, at: UInt64(blob[4])! + 12, count: 16)
        let report = repository + "/report.json"
        let outcome = try KeysweepProcess.run(["git", repository, "--format", "json", "--output", report])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("keysweep: error: the history is incomplete: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("damaged pack '\(repository)/.git/objects/pack/\(pack)': the object at offset \(blob[4]) (\(blob[0])): "
                                        + "its stored bytes do not match the CRC-32 its index records"), "\(outcome.stderr)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.contains("\"complete\" : false"))
        #expect(written.contains("\(blob[0])"))
    }

    /// Damage only the pack's checksum finds (in a tree no commit names, which no scan reads) is
    /// named after the findings are enriched, where the checksum is awaited; the report is written,
    /// says it is incomplete, and the exit code is 2.
    @Test func damageOnlyThePackChecksumFindsIsNamed() throws {
        let repository = try Self.makeRepository()
        let blob = try ToolProcess.run(["git", "-C", repository, "rev-parse", "HEAD:settings.py"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try ToolProcess.run(["sh", "-c", "printf '100644 blob \(blob)\\tstray.py\\n' | git mktree"], in: repository).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // One pack of every object, the stray tree among them, as a repack that keeps unreachable objects writes.
        let script = "{ git rev-list --objects --all | cut -d' ' -f1; echo \(tree); } | git pack-objects -q --window=0 .git/objects/pack/pack"
            + " && git prune-packed"
        #expect(try ToolProcess.run(["sh", "-c", script], in: repository).status == 0)
        let verify = try ToolProcess.run(["sh", "-c", "git verify-pack -v .git/objects/pack/pack-*.idx"], in: repository)
        let entry = try #require(verify.output.split(separator: "\n").map { $0.split(separator: " ") }.first { $0.first.map(String.init) == tree })
        let pack = try Self.overwrite(repository, at: UInt64(entry[4])! + 4, count: 8)
        let report = repository + "/report.json"
        let outcome = try KeysweepProcess.run(["git", repository, "--format", "json", "--output", report])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("keysweep: error: the history is incomplete: 1 object could not be read: "
                                          + "damaged pack '\(repository)/.git/objects/pack/\(pack)': its content does not match its checksum"),
                "\(outcome.stderr)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.contains("\"complete\" : false"))
        #expect(written.contains(Self.github.prefix(4)), "the findings are still reported")
    }

    /// A repository that lacks an object (a damaged clone, a mirror without its large files) is
    /// scanned wherever it can be read: the missing id is named, the report is written and says it
    /// is incomplete, and the exit code is 2. Loose or packed, all refs or a range.
    @Test(arguments: [false, true], [[String](), ["--range", "HEAD~3..HEAD"]])
    func aMissingBlobIsNamedAndTheRestIsScanned(packed: Bool, range: [String]) throws {
        let repository = try Self.makeRepository()
        try "LEGACY = 1\n".write(toFile: repository + "/legacy.py", atomically: true, encoding: .utf8)
        #expect(try Self.git(["-C", repository, "add", "-A"]) == 0)
        #expect(try Self.git(["-C", repository, "commit", "-q", "-m", "legacy"], date: "2024-03-01T10:00:00+00:00") == 0)
        let lost = try ToolProcess.run(["git", "-C", repository, "rev-parse", "HEAD:legacy.py"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if packed {
            // A pack of every object but the lost one, as a mirror that dropped it would hold.
            let script = "git rev-list --objects --all | cut -d' ' -f1 | grep -v \(lost) | git pack-objects -q .git/objects/pack/pack"
                + " && git prune-packed && rm -f .git/objects/\(lost.prefix(2))/\(lost.dropFirst(2))"
            #expect(try ToolProcess.run(["sh", "-c", script], in: repository).status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: repository + "/.git/objects/pack").contains { $0.hasSuffix(".pack") })
        } else {
            try FileManager.default.removeItem(atPath: repository + "/.git/objects/\(lost.prefix(2))/\(lost.dropFirst(2))")
        }
        let report = repository + "/report.json"
        let outcome = try KeysweepProcess.run(["git", repository] + range + ["--format", "json", "--output", report])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the history is incomplete: 1 object could not be read: object \(lost) is missing"),
                "\(outcome.stderr)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.contains("\"complete\" : false"))
        #expect(written.contains(Self.github.prefix(4)), "the token in the blobs that are there is still found")
    }
}
