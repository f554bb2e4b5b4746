import Foundation
import Testing
@testable import KeysweepKit

@Suite struct DirectoryScannerTests {
    static let rules = [
        Rule(id: "t.key", name: "Test key", provider: "Test", kind: .apiKey, severity: .high,
             keywords: ["tok_"], pattern: #"(?<secret>tok_[a-z0-9]{8})"#),
    ]

    private func scan(_ folder: TemporaryFolder, _ options: ScanOptions = ScanOptions(threads: 2), roots: [String]? = nil) throws -> ScanResult {
        let scanner = DirectoryScanner(ruleSet: try RuleSet(Self.rules), options: options)
        return scanner.scan(roots: roots ?? [folder.path])
    }

    @Test func scansNestedFilesAndSkipsGitFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("a/b/c.txt", "tok_abcd1234")
        try folder.write(".git/config", "tok_efgh5678")
        try folder.write("top.env", "x\ntok_ijkl9012")
        let result = try scan(folder)
        #expect(result.matches.map(\.location.path).sorted() == [folder.path + "/a/b/c.txt", folder.path + "/top.env"])
        #expect(result.statistics.filesScanned == 2)
    }

    @Test func skipsBinaryAndLargeFilesAndCountsThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("image.bin", Data([0x00, 0x01]) + Data("tok_abcd1234".utf8))
        try folder.write("big.txt", String(repeating: "x", count: 2000) + "tok_abcd1234")
        let result = try scan(folder, ScanOptions(threads: 1, maxFileSize: 1000))
        #expect(result.matches.isEmpty)
        #expect(result.statistics.skipped == [.binary: 1, .tooLarge: 1])
    }

    @Test func brokenLinksAndLoopsAreWarningsNotCrashes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("real/secret.txt", "tok_abcd1234")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/dangling", withDestinationPath: folder.path + "/missing")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/real/loop", withDestinationPath: folder.path + "/real")
        let notFollowing = try scan(folder)
        #expect(notFollowing.matches.count == 1)
        #expect(notFollowing.statistics.skipped == [.brokenSymlink: 1, .symlink: 1])
        let following = try scan(folder, ScanOptions(threads: 2, followSymlinks: true))
        #expect(following.matches.count == 1)
        #expect(following.statistics.skipped == [.brokenSymlink: 1, .symlinkLoop: 1])
        #expect(following.statistics.warnings.map(\.reason) == [.brokenSymlink, .symlinkLoop])
    }

    /// A FIFO inside a folder is skipped; one named as a root is read as a stream (issue 18), and
    /// with no writer it reads as empty instead of blocking.
    @Test func fifosAreSkippedInFoldersAndReadWhenNamedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(mkfifo(folder.path + "/pipe", 0o644) == 0)
        try folder.write("ok.txt", "tok_abcd1234")
        let result = try scan(folder)
        #expect(result.matches.count == 1)
        #expect(result.statistics.skipped == [.specialFile: 1])
        let direct = try scan(folder, roots: [folder.path + "/pipe"])
        #expect(direct.statistics.skipped == [:])
        #expect(direct.statistics.filesScanned == 1)
        #expect(direct.damage == nil)
    }

    @Test func includeAndExcludeGlobs() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("src/a.env", "tok_abcd1234")
        try folder.write("vendor/b.env", "tok_efgh5678")
        try folder.write("src/c.txt", "tok_ijkl9012")
        let options = ScanOptions(threads: 1, include: [try Glob("*.env")], exclude: [try Glob("vendor")])
        let result = try scan(folder, options)
        #expect(result.matches.map(\.location.path) == [folder.path + "/src/a.env"])
        #expect(result.statistics.skipped == [.excluded: 2])
    }

    @Test func aSingleFileCanBeTheRoot() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("one.txt", "tok_abcd1234")
        let result = try scan(folder, roots: [folder.path + "/one.txt"])
        #expect(result.matches.map(\.location.path) == [folder.path + "/one.txt"])
    }

    @Test func sameMatchesWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for index in 0..<300 { try folder.write("d\(index % 7)/f\(index).txt", "line\ntok_\(10_000_000 + index)\n") }
        let one = try scan(folder, ScanOptions(threads: 1))
        let four = try scan(folder, ScanOptions(threads: 4))
        let rules = Self.rules
        let findingsOne = FindingGrouper.group(one.matches, rules: rules, key: .builtin)
        let findingsFour = FindingGrouper.group(four.matches, rules: rules, key: .builtin)
        #expect(findingsOne.count == 300)
        #expect(findingsOne.map(\.fingerprint) == findingsFour.map(\.fingerprint))
        #expect(findingsOne.map(\.locations) == findingsFour.map(\.locations))
    }

    /// A small staged change runs the patterns in PCRE2's interpreter, not JIT compiled: every
    /// match in the fixtures must be the same either way, where it is and what it holds.
    @Test func interpretedPatternsFindWhatJITCompiledOnesFind() throws {
        let ruleSet = try RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true)
        func matches(compilesJIT: Bool) -> [String] {
            var options = ScanOptions(threads: 2)
            options.compilesJIT = compilesJIT
            return DirectoryScanner(ruleSet: ruleSet, options: options).scan(roots: [RepositoryRoot.file("fixtures")]).matches
                .map { "\($0.ruleIndex) \($0.location.path):\($0.location.start.line):\($0.location.start.column) "
                    + "\($0.location.member) \(String(decoding: $0.secret, as: UTF8.self)) \($0.parts.count) \($0.rejected)" }
                .sorted()
        }
        let jit = matches(compilesJIT: true)
        #expect(jit.count > 150)
        #expect(matches(compilesJIT: false) == jit)
    }
}
