import Foundation
import Testing
@testable import KeysweepKit

/// `FileReader.looksBinary`, which decides for files, staged changes and history blobs.
@Suite struct BinaryDetectionTests {
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { FileReader.looksBinary($0) }
    }

    static let text = Array(String(repeating: "let value = compute(input) // a line of code\n", count: 40).utf8)

    /// Issue 18: git's test (any NUL in 8 KiB) hid the token after one stray NUL.
    @Test func textWithAStrayNULNearItsStartIsText() {
        #expect(!Self.looksBinary(Array("# notes\n".utf8) + [0] + Self.text))
        #expect(!Self.looksBinary(Self.text + [0, 0, 0] + Self.text))
    }

    @Test(arguments: [
        ("many NULs", [UInt8](repeating: 0, count: 16) + Array("DB_PASSWORD=Xk9".utf8)),
        ("NUL and control bytes", [0, 1, 2] + Array("DB_PASSWORD=Xk9#mQ2vLp7w".utf8)),
        ("UTF-16 text", Array("password = hunter2".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.text),
        ("ELF", [0x7F, 0x45, 0x4C, 0x46] + Self.text),
        ("gzip", [0x1F, 0x8B, 0x08] + Self.text),
        ("ZIP", [0x50, 0x4B, 0x03, 0x04] + Self.text),
        ("random bytes", (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 2654435761) >> 13) }),
    ] as [(String, [UInt8])])
    func binaryFormatsAreStillBinary(name: String, bytes: [UInt8]) {
        #expect(Self.looksBinary(bytes), "\(name)")
    }

    @Test func textWithTerminalColoursIsText() {
        #expect(!Self.looksBinary(Array("\u{1B}[31mred\u{1B}[0m\ttab\r\n".utf8) + Self.text))
    }

    @Test func onlyTheFirst8KiBDecide() {
        #expect(!Self.looksBinary(Self.text + [UInt8](repeating: 0x41, count: 8192) + [UInt8](repeating: 0, count: 64)))
    }
}
