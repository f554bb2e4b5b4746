import Foundation
import Testing
@testable import KeysweepKit

@Suite struct ReportWriterTests {
    @Test func replacesARegularFileWholeAndLeavesNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/report.json"
        try folder.write("report.json", "old contents that are longer than the new ones")
        try ReportWriter.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func createsANewFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try ReportWriter.write(Array("{}".utf8), to: folder.path + "/new.json")
        #expect(try String(contentsOfFile: folder.path + "/new.json", encoding: .utf8) == "{}")
    }

    /// gitleaks 8.30 renames its report over the target and turns /dev/null into a regular file.
    @Test func writingToDevNullKeepsItACharacterDevice() throws {
        try ReportWriter.write(Array("report".utf8), to: "/dev/null")
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func aMissingFolderIsAClearError() {
        #expect {
            try ReportWriter.write(Array("x".utf8), to: "/nonexistent-folder/report.json")
        } throws: { error in
            "\(error)".hasPrefix("cannot write report '/nonexistent-folder/report.json': cannot create a temporary file beside it")
        }
    }
}
