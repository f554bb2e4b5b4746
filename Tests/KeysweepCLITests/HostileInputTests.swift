import Digest
import Foundation
import Testing

/// The hostile-input campaign of issue 17, rebuilt: damaged and malicious repositories, dumps,
/// reports and rules. Each ends with exit 0, 1 or 2 and a message that names the thing (never a
/// signal, a hang, or a byte of scanned content in a message).
@Suite struct HostileInputTests {
    static let github = PackedHistoryTests.github

    /// A scratch folder of its own for one test.
    static func folder(_ name: String) throws -> String {
        let path = GitFixtures.path("hostile-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Exit 0, 1 or 2: a trap would give a signal (and Foundation's Process reports 128 + signal
    /// or the signal number).
    static func expectOrderlyExit(_ outcome: KeysweepProcess.Outcome, _ allowed: Set<Int32> = [0, 1, 2]) {
        #expect(allowed.contains(outcome.status), "exit \(outcome.status): \(outcome.stderr)")
    }

    /// No run of 8 or more characters of `secret` in `text`.
    static func expectNoPart(of secret: String, in text: String) {
        let characters = Array(secret)
        for start in 0...(characters.count - 8) {
            #expect(!text.contains(String(characters[start..<(start + 8)])), "a part of the secret leaked: \(text)")
        }
    }

    /// A fast-export stream of one blob holding the token, committed by `author`.
    static func fastExport(author: String = "Ada <ada@example.com> 1704103200 +0100", messageSize: String = "6") -> String {
        let content = "TOKEN=\(github)\n"
        return "blob\nmark :1\ndata \(content.utf8.count)\n\(content)\n"
            + "commit refs/heads/main\nmark :2\nauthor \(author)\ncommitter \(author)\ndata \(messageSize)\nfirst\n"
            + "M 100644 :1 app.env\n\n"
    }

    // MARK: dumps

    @Test(arguments: ["+1900", "+2400", "+99", "-9999", "+0100", "zz"])
    func authorTimeZonesOfAnySizeDoNotCrash(offset: String) throws {
        let dump = try Self.folder("zone") + "/dump"
        try Self.write(Array(Self.fastExport(author: "Ada <ada@example.com> 1704103200 \(offset)").utf8), to: dump)
        let outcome = try KeysweepProcess.run(["dump", dump, "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        if offset == "+0100" { #expect(outcome.stdout.contains("2024-01-01T11:00:00+01:00")) }
    }

    @Test(arguments: ["-1", "-5", "x", "99999999999999999999"])
    func aNegativeOrUnreadableDataSizeIsDamage(size: String) throws {
        let dump = try Self.folder("data") + "/dump"
        try Self.write(Array(Self.fastExport(messageSize: size).utf8), to: dump)
        let outcome = try KeysweepProcess.run(["dump", dump, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("'data <size>' for the message of commit :2"), "\(outcome.stderr)")
    }

    @Test func aBlobDataSizeOfMinusOneIsDamageNotACrash() throws {
        let dump = try Self.folder("blob") + "/dump"
        try Self.write(Array("blob\nmark :1\ndata -1\n".utf8), to: dump)
        let outcome = try KeysweepProcess.run(["dump", dump])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("expected 'data <size>' for blob :1"), "\(outcome.stderr)")
    }

    @Test func aDamagedFastExportLineIsNotQuoted() throws {
        let dump = try Self.folder("quote") + "/dump"
        // A line that is no command, holding a token, and then raw bytes.
        try Self.write(Array("blob\nmark :1\ndata 3\nabc\nGITHUB=\(Self.github)\n".utf8) + [0x1B, 0x5B, 0x32, 0x4A, 0xFF, 0x0A], to: dump)
        let outcome = try KeysweepProcess.run(["dump", dump])
        #expect(outcome.status == 2)
        Self.expectNoPart(of: Self.github, in: outcome.stderr)
        #expect(outcome.stderr.unicodeScalars.allSatisfy { $0.isASCII && ($0.value >= 0x20 || $0 == "\n") }, "\(outcome.stderr)")
    }

    @Test(arguments: [
        ("0123456789abcdef0123456789abcdef01234567 BLOB 4\nabcd\n", "object header '<id> <blob|tree|commit|tag> <size>'"),
        ("0123456789abcdef0123456789abcdef01234567 blob 4\nabcd\n0123abc blob 4\nabcd\n", "starting with a full object id"),
        ("0123456789abcdef0123456789abcdef01234567 blob -4\nabcd\n", "a decimal size"),
        ("0123456789abcdef0123456789abcdef01234567 blob 999999999999999999\nabcd\n", "bytes of object"),
        ("0123456789abcdef0123456789abcdef01234567 blob 9223372036854775807\nabcd\n", "a decimal size"),
    ])
    func catFileHeadersAreChecked(dump text: String, message: String) throws {
        let dump = try Self.folder("catfile") + "/dump"
        try Self.write(Array(text.utf8), to: dump)
        let outcome = try KeysweepProcess.run(["dump", dump, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    /// Every dump the fuzzer found crashing (fixtures/fuzz/crashes/dump) now ends in order.
    @Test func fuzzerReproducersExitInOrder() throws {
        let folder = KeysweepProcess.repositoryRoot + "/fixtures/fuzz/crashes/dump"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let outcome = try KeysweepProcess.run(["dump", folder + "/" + name, "--format", "json"])
            Self.expectOrderlyExit(outcome)
        }
    }

    @Test func aFolderIsNotADump() throws {
        let outcome = try KeysweepProcess.run(["dump", try Self.folder("folder")])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("it is a folder, not a file"), "\(outcome.stderr)")
    }

    @Test func endlessStreamsStopAtTheirLimit() throws {
        let dump = try KeysweepProcess.run(["dump", "/dev/zero", "--format", "json"])
        #expect(dump.status == 2)
        #expect(dump.stderr.contains("expected a line of at most"), "\(dump.stderr)")
        let standardInput = try KeysweepProcess.run(["scan", "-", "--format", "json", "--max-file-size", "1048576"], stdinFile: "/dev/zero")
        #expect(standardInput.status == 0, "\(standardInput.stderr)")
        #expect(standardInput.stdout.contains("\"too-large\" : 1"))
    }

    @Test func aFIFOWithNoWriterIsAnEmptyDumpNotAHang() throws {
        let fifo = try Self.folder("fifo") + "/dump"
        #expect(mkfifo(fifo, 0o600) == 0)
        let outcome = try KeysweepProcess.run(["dump", fifo, "--format", "json"])
        Self.expectOrderlyExit(outcome, [0])
    }

    // MARK: repositories

    /// A repository of the delta fixture, repacked into one pack (no loose objects left).
    static func packedRepository() throws -> (repository: String, pack: String) {
        let repository = try PackedHistoryTests.makeRepository()
        #expect(try PackedHistoryTests.git(["-C", repository, "repack", "-q", "-a", "-d"]) == 0)
        #expect(try PackedHistoryTests.git(["-C", repository, "prune-packed"]) == 0)
        let folder = repository + "/.git/objects/pack"
        let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".pack") })
        return (repository, folder + "/" + pack.dropLast(5))
    }

    static func scanHistory(_ repository: String) throws -> KeysweepProcess.Outcome {
        try KeysweepProcess.run(["git", repository, "--format", "json", "--no-timing"])
    }

    @Test(arguments: ["empty", "short", "magic", "version", "missing", "fifo"])
    func anUnreadablePackIndexIsAnError(damage: String) throws {
        let (repository, pack) = try Self.packedRepository()
        let index = pack + ".idx"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: index)))
        try FileManager.default.removeItem(atPath: index)
        switch damage {
        case "empty": try Self.write([], to: index)
        case "short": try Self.write(Array(bytes.prefix(600)), to: index)
        case "magic": bytes[1] = 0x00; try Self.write(bytes, to: index)
        case "version": bytes[7] = 3; try Self.write(bytes, to: index)
        case "fifo": #expect(mkfifo(index, 0o600) == 0)
        default: break
        }
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2, "\(damage): \(outcome.stderr)")
        #expect(outcome.stderr.contains(pack.split(separator: "/").last.map(String.init) ?? "pack-"), "\(outcome.stderr)")
    }

    @Test func aPackFolderThatIsAFileIsAnError() throws {
        let repository = try PackedHistoryTests.makeRepository()
        let folder = repository + "/.git/objects/pack"
        try FileManager.default.removeItem(atPath: folder)
        try Self.write([], to: folder)
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot read the pack folder '\(folder)': not a folder"), "\(outcome.stderr)")
    }

    @Test func swappedIndexOffsetsAreFoundByTheirCRC() throws {
        let (repository, pack) = try Self.packedRepository()
        let index = pack + ".idx"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: index)))
        let count = Int(bytes[8 + 255 * 4]) << 24 | Int(bytes[8 + 255 * 4 + 1]) << 16 | Int(bytes[8 + 255 * 4 + 2]) << 8 | Int(bytes[8 + 255 * 4 + 3])
        let offsets = 8 + 256 * 4 + count * 24
        // Swap the offsets of the first two objects, and make the index's own checksum right again.
        for byte in 0..<4 { bytes.swapAt(offsets + byte, offsets + 4 + byte) }
        bytes.replaceSubrange((bytes.count - 20)..., with: SHA1.hash(bytes.dropLast(20)))
        try Self.write(bytes, to: index)
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("do not match the CRC-32 its index records"), "\(outcome.stderr)")
    }

    @Test func aPackWhoseChecksumIsWrongIsAnError() throws {
        let (repository, pack) = try Self.packedRepository()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: pack + ".pack"))
        let end = try handle.seekToEnd()
        try handle.seek(toOffset: end - 1)
        try handle.write(contentsOf: Data([0x00]))
        try handle.close()
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("its checksum is not the one its index records"), "\(outcome.stderr)")
    }

    /// Writes a loose object file holding `content` (zlib, as git writes it) under the id `id`.
    static func writeLooseObject(_ content: [UInt8], id: String, in repository: String) throws {
        let folder = repository + "/.git/objects/" + id.prefix(2)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = "import sys, zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read()))"
        let input = folder + "/input"
        try write(content, to: input)
        let output = try ToolProcess.run(["sh", "-c", "python3 -c '\(script)' < '\(input)' > '\(folder)/\(id.dropFirst(2))'"])
        #expect(output.status == 0, "\(output.output)")
        try FileManager.default.removeItem(atPath: input)
    }

    @Test func aRetypedLooseObjectIsFoundByItsID() throws {
        let repository = try PackedHistoryTests.makeRepository()
        // The real blob of settings.py, relabelled as a tree under the same id.
        let id = try ToolProcess.run(["git", "-C", repository, "rev-parse", "HEAD:settings.py"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let content = try ToolProcess.run(["git", "-C", repository, "cat-file", "blob", id]).output
        try FileManager.default.removeItem(atPath: repository + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2))
        try Self.writeLooseObject(Array("tree \(content.utf8.count)\0\(content)".utf8), id: id, in: repository)
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("damaged loose object") && outcome.stderr.contains("does not hash to its id"), "\(outcome.stderr)")
    }

    @Test(arguments: ["9223372036854775807", "1152921504606846976", "1"])
    func aLooseObjectWhoseSizeLiesIsAnError(declared: String) throws {
        let repository = try PackedHistoryTests.makeRepository()
        try Self.writeLooseObject(Array("blob \(declared)\0twenty bytes of text".utf8), id: String(repeating: "ab", count: 20), in: repository)
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("its header does not give its type and its 20 bytes"), "\(outcome.stderr)")
    }

    @Test func aLooseObjectThatInflatesPastTheLimitIsSkippedNotBuffered() throws {
        let repository = try PackedHistoryTests.makeRepository()
        // Declared one byte; inflates to 64 MiB of zeros (a 64 KiB file).
        try Self.writeLooseObject(Array("blob 1\0".utf8) + [UInt8](repeating: 0, count: 64 << 20),
                                  id: String(repeating: "cd", count: 20), in: repository)
        let outcome = try KeysweepProcess.run(["git", repository, "--format", "json", "--no-timing", "--max-file-size", "1048576"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"too-large\" : 1"))
    }

    @Test func aFIFOInPlaceOfALooseObjectIsAnError() throws {
        let repository = try PackedHistoryTests.makeRepository()
        let id = try ToolProcess.run(["git", "-C", repository, "rev-parse", "HEAD:settings.py"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = repository + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2)
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let outcome = try Self.scanHistory(repository)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot read loose object '\(path)': not a regular file"), "\(outcome.stderr)")
    }

    // MARK: trees, reports, configs

    @Test func aFileWhoseNameIsNotUTF8IsRead() throws {
        let folder = try Self.folder("names")
        let name = Array("bad".utf8) + [0xFF, 0xFE] + Array(".env".utf8)
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) }
        }
        #expect(descriptor >= 0)
        let line = Array("GITHUB_TOKEN=\(Self.github)\n".utf8)
        _ = line.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "json", "--no-timing"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("bad\u{FFFD}\u{FFFD}.env"))
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }

    @Test func aFileNameCannotDriveTheTerminal() throws {
        let folder = try Self.folder("escape")
        try "GITHUB_TOKEN=\(Self.github)\n".write(toFile: folder + "/a\u{1B}[2Jb.env", atomically: true, encoding: .utf8)
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "text", "--no-timing"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("\u{1B}"))
        #expect(outcome.stdout.contains("a\\u{1B}[2Jb.env"), "\(outcome.stdout)")
    }

    @Test func mergedCountsThatWouldOverflowSaturate() throws {
        let folder = try Self.folder("merge")
        let scan = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        #expect(scan.status == 1)
        let huge = scan.stdout.replacingOccurrences(of: #""bytes" : \d+"#, with: "\"bytes\" : 9223372036854775807", options: .regularExpression)
            .replacingOccurrences(of: #""files" : \d+"#, with: "\"files\" : 9223372036854775807", options: .regularExpression)
        try huge.write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try huge.write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        let outcome = try KeysweepProcess.run(["merge", folder + "/a.json", folder + "/b.json", "--format", "json", "--now", "2026-11-01T00:00:00Z"])
        Self.expectOrderlyExit(outcome)
        #expect(outcome.stdout.contains("\"files\" : 9223372036854775807"), "\(outcome.stderr)")
    }

    @Test func aReportDateAtTheEndOfIntIsRejectedNotACrash() throws {
        let folder = try Self.folder("date")
        let scan = try KeysweepProcess.run(["scan", "fixtures/tree", "--format", "json", "--no-timing", "--now", "2026-11-01T00:00:00Z"])
        let edited = scan.stdout.replacingOccurrences(of: #""date" : "[^"]*""#, with: "\"date\" : \"@-9223372036854775808\"", options: .regularExpression)
            .replacingOccurrences(of: #""expires_at" : "[^"]*""#, with: "\"expires_at\" : \"@-9223372036854775808\"", options: .regularExpression)
        try edited.write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        let outcome = try KeysweepProcess.run(["merge", folder + "/a.json", "--format", "json", "--now", "2026-11-01T00:00:00Z"])
        Self.expectOrderlyExit(outcome)
        let clock = try KeysweepProcess.run(["scan", "fixtures/tree", "--now", "@-9223372036854775808"])
        #expect(clock.status == 2, "\(clock.stderr)")
    }

    @Test func aScannedRepositoryCannotRaiseTheFileSizeLimit() throws {
        let folder = try Self.folder("config")
        try "max_file_size: 99999999999\n".write(toFile: folder + "/.keysweep.yml", atomically: true, encoding: .utf8)
        let padding = String(repeating: "x = 1\n", count: 300)
        try (padding + "GITHUB_TOKEN=\(Self.github)\n").write(toFile: folder + "/app.env", atomically: true, encoding: .utf8)
        let outcome = try KeysweepProcess.run(["scan", folder, "--format", "json", "--max-file-size", "1000"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"too-large\" : 1"))
    }
}
