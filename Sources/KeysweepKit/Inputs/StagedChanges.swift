#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The staged change of a repository, for pre-commit hooks: each staged file's content in the
/// index and the line numbers it adds relative to HEAD (all lines when there is no HEAD yet).
///
/// Whole staged blobs are scanned, so that a private key block that spans added and unchanged
/// lines is still recognised, but only matches that touch an added line are reported. Only the
/// staged blobs are read: the cost does not grow with history.
struct StagedChanges {
    struct File: Sendable {
        let path: String
        let bytes: [UInt8]
        /// 1-based line ranges added in the new file.
        let addedLines: [ClosedRange<Int>]

        func touchesAddedLine(from start: Int, to end: Int) -> Bool {
            addedLines.contains { $0.overlaps(start...end) }
        }
    }

    let files: [File]

    /// The lines the index adds relative to HEAD, as a patch without context.
    static let diffArguments = [
        "diff", "--cached", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", "--full-index",
        "--diff-filter=ACMR", "--src-prefix=a/", "--dst-prefix=b/",
    ]

    init(repository: GitRepository) throws(KeysweepError) {
        let git: GitProcess
        if let prefetched = StagedDiffPrefetch.take(for: repository) {
            git = prefetched
        } else {
            git = try GitProcess(repository: repository.path, arguments: Self.diffArguments)
        }
        let diff = git.output.readToEnd()
        try git.finish()
        var added = Self.addedLines(inPatch: diff)
        // A binary file (an archive, say) has no lines: all of it is new.
        for path in Self.binaryPaths(inPatch: diff) where added[path] == nil { added[path] = [1...Int.max] }
        guard !added.isEmpty else {
            files = []
            return
        }
        let paths = added.keys.sorted()
        // By blob id: a `:path` lookup makes cat-file read the whole index (3 ms on 10,000 files).
        let blobs = Self.stagedBlobIDs(inPatch: diff)
        var contents = Self.looseBlobs(blobs, paths: paths, repository: repository)
        let rest = paths.filter { contents[$0] == nil }
        if !rest.isEmpty {
            let batch = try GitProcess(repository: repository.path, arguments: ["cat-file", "--batch"], feedsInput: true)
            batch.write(Array(rest.map { (blobs[$0] ?? ":" + $0) + "\n" }.joined().utf8))
            batch.closeInput()
            for path in rest {
                guard let header = batch.output.readLine() else { break }
                let fields = header.split(separator: UInt8(ascii: " "))
                guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)),
                      let bytes = batch.output.read(exactly: size), batch.output.skip(1)
                else { continue }
                contents[path] = bytes
            }
            try batch.finish()
        }
        files = paths.compactMap { path in contents[path].map { File(path: path, bytes: $0, addedLines: added[path] ?? []) } }
    }

    /// The staged blobs that are loose objects, as `git add` writes them, read in-process: a
    /// pre-commit hook then starts no `git cat-file` (a process start, 4-10 ms on this machine
    /// kind). A blob that is packed, or an object store with SHA-256 ids, is left to `cat-file`.
    private static func looseBlobs(_ blobs: [String: String], paths: [String], repository: GitRepository) -> [String: [UInt8]] {
        guard repository.objectFormat == "sha1" else { return [:] }
        let reader = LooseObjectReader(objectDirectory: repository.objectDirectory, maxFileSize: 1 << 40)
        var result: [String: [UInt8]] = [:]
        for path in paths {
            guard let id = blobs[path], id.count == 40,
                  access(repository.objectDirectory + "/" + id.prefix(2) + "/" + id.dropFirst(2), F_OK) == 0 else { continue }
            do {
                if case .blob(let bytes) = try reader.read(id) { result[path] = bytes }
            } catch {
                // A damaged loose object: `cat-file` reads it as git does, and reports what git reports.
                continue
            }
        }
        return result
    }

    /// The staged blob id per path, from the `index <old>..<new>` lines of a `--full-index` patch.
    static func stagedBlobIDs(inPatch patch: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        var blob: String?
        for line in patch.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: Array("diff --git ".utf8)) {
                blob = nil
            } else if line.starts(with: Array("index ".utf8)), let dots = line.firstRange(of: Array("..".utf8)) {
                let id = line[dots.upperBound...].prefix { $0 != UInt8(ascii: " ") }
                blob = id.count >= 40 ? String(decoding: id, as: UTF8.self) : nil
            } else if line.starts(with: Array("+++ ".utf8)), let id = blob,
                      let path = GitQuotedPath.decode(Array(line.dropFirst(4)), droppingPrefix: "b/") {
                result[path] = id
            } else if let id = blob, let path = binaryPath(line) {
                result[path] = id
            }
        }
        return result
    }

    /// The new paths of binary files, which a patch names only in `Binary files A and B differ`.
    static func binaryPaths(inPatch patch: [UInt8]) -> [String] {
        patch.split(separator: UInt8(ascii: "\n")).compactMap { binaryPath(Array($0)) }
    }

    /// `b/path` of `Binary files a/x and b/path differ` (or `/dev/null and b/path`). A name that
    /// itself holds " and " is split at its last one, which a staged name rarely holds.
    private static func binaryPath(_ line: some Collection<UInt8>) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("Binary files "), text.hasSuffix(" differ"),
              let separator = text.range(of: " and ", options: .backwards) else { return nil }
        let new = text[separator.upperBound..<text.index(text.endIndex, offsetBy: -" differ".count)]
        return GitQuotedPath.decode(Array(new.utf8), droppingPrefix: "b/")
    }

    /// Added line ranges per path, from a `--unified=0` patch: `+++ b/path` then `@@ -a,b +c,d @@`.
    static func addedLines(inPatch patch: [UInt8]) -> [String: [ClosedRange<Int>]] {
        var result: [String: [ClosedRange<Int>]] = [:]
        var path: String?
        for line in patch.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: Array("+++ ".utf8)) {
                path = GitQuotedPath.decode(Array(line.dropFirst(4)), droppingPrefix: "b/")
            } else if line.starts(with: Array("@@ ".utf8)), let path {
                guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { continue }
                let spec = line[(plus + 1)...].prefix { $0 != UInt8(ascii: " ") }
                let numbers = spec.split(separator: UInt8(ascii: ",")).compactMap { Int(String(decoding: $0, as: UTF8.self)) }
                guard let start = numbers.first else { continue }
                let count = numbers.count > 1 ? numbers[1] : 1
                if count > 0 { result[path, default: []].append(start...(start + count - 1)) }
            }
        }
        return result
    }
}

/// Paths as git prints them in patch headers: C-quoted (`"a\303\251.txt"`) when unusual.
enum GitQuotedPath {
    static func decode(_ raw: [UInt8], droppingPrefix prefix: String) -> String? {
        var bytes = raw
        if bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\""), bytes.count >= 2 {
            bytes = unquote(Array(bytes.dropFirst().dropLast()))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text == "/dev/null" { return nil }
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    private static func unquote(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                out.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next), index + 3 < bytes.count,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                out.append(value)
                index += 4
                continue
            }
            let escapes: [UInt8: UInt8] = [UInt8(ascii: "n"): 10, UInt8(ascii: "t"): 9, UInt8(ascii: "\""): 34, UInt8(ascii: "\\"): 92]
            out.append(escapes[next] ?? next)
            index += 2
        }
        return out
    }
}
