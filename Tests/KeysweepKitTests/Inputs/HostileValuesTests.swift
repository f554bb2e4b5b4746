import Foundation
import TestScratch
import Testing
@testable import KeysweepKit

/// Values read from strangers' dumps, reports and rules that once trapped or exhausted memory.
@Suite struct HostileValuesTests {
    @Test(arguments: [Int.min, Int.max, -62_167_219_201, 253_402_300_800])
    func timestampsAreClampedToFourDigitYears(seconds: Int) {
        let timestamp = Timestamp(seconds: seconds)
        #expect(timestamp.description == (seconds < 0 ? "0000-01-01T00:00:00Z" : "9999-12-31T23:59:59Z"))
        #expect(timestamp.days(until: Timestamp(seconds: 0)) != 0)
    }

    @Test(arguments: ["@-9223372036854775808", "@9223372036854775807", "@99999999999999999999"])
    func epochTextOutsideTheYearsIsNotATimestamp(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test(arguments: [
        ("1704103200 +0100", "2024-01-01T11:00:00+01:00"),
        ("1704103200 -0530", "2024-01-01T04:30:00-05:30"),
        ("1704103200 +1900", "2024-01-02T05:00:00+19:00"),
        ("1704103200 +2400", "2024-01-02T10:00:00+24:00"),
        ("1704103200 +8000", "2024-01-04T18:00:00+80:00"),
        ("1704103200 -9959", "2023-12-28T06:01:00-99:59"),
        ("1704103200 +99", ""), ("1704103200 +0199", ""), ("1704103200 ++100", ""),
        ("99999999999999999999 +0000", ""), ("-9223372036854775808 +0000", ""),
    ])
    func authorDatesOfAnyOffset(identity: String, date: String) {
        let parsed = ObjectDumpSource.parseIdentity("Ada <ada@example.com> " + identity)
        #expect(parsed.0 == "Ada" && parsed.1 == "ada@example.com")
        #expect(parsed.2 == date)
    }

    @Test func mergedCountsSaturate() {
        #expect(ReportMerger.sum(.max, 1) == .max)
        #expect(ReportMerger.sum(.max, .max) == .max)
        #expect(ReportMerger.sum(-5, 3) == 3)
        #expect(ReportMerger.sum(2, 3) == 5)
    }

    @Test func aConfigLowersTheFileSizeLimitButNeverRaisesIt() {
        #expect(ScanSession.maxFileSize(commandLine: nil, config: .max) == ScanRequest.defaultMaxFileSize)
        #expect(ScanSession.maxFileSize(commandLine: 1000, config: 99_999) == 1000)
        #expect(ScanSession.maxFileSize(commandLine: 1000, config: 500) == 500)
        #expect(ScanSession.maxFileSize(commandLine: nil, config: nil) == ScanRequest.defaultMaxFileSize)
    }

    @Test func manyLongKeywordsAreCutToTheTableBudget() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789!#%&*+,-./:;<=>?@^_|~".utf8)
        let keywords = (0..<10_000).map { _ in [(0..<200).map { _ in alphabet.randomElement(using: &generator)! }] }
        let classCount = alphabet.count + 1
        let cut = KeywordPrefilter.shortened(keywords, classCount: classCount)
        let states = cut.joined().reduce(1) { $0 + $1.count }
        #expect(states * classCount <= KeywordPrefilter.tableBudget)
        #expect(zip(cut.joined(), keywords.joined()).allSatisfy { $1.starts(with: $0) && !$0.isEmpty })
        // The builtin rules' keywords are short: none is cut below `longestKept`.
        let builtin = RuleLoader.builtinRules(withExamples: false).map { $0.keywords.map { Array($0.utf8) } }
        #expect(KeywordPrefilter.shortened(builtin, classCount: 256) == builtin.map { $0.map { Array($0.prefix(KeywordPrefilter.longestKept)) } })
    }

    @Test func streamReadsRefuseNegativeCountsAndStopLongLines() throws {
        let path = TestScratch.folder + "keysweep-stream-\(UUID().uuidString)"
        try Data(repeating: UInt8(ascii: "x"), count: 5000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let reader = ByteStreamReader(fileDescriptor: descriptor, bufferSize: 1024, lineLimit: 4096)
        #expect(reader.read(exactly: -1) == nil)
        #expect(!reader.skip(-1))
        #expect(reader.readLine() == nil)
        #expect(reader.lineWasTooLong)
    }
}
