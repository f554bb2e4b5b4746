import Foundation
import Testing

/// Colour in text reports: on a real terminal by default, never in a pipe or a file, off with
/// `NO_COLOR` or `--color never`, on with `--color always`.
@Suite struct ColourTests {
    static let arguments = ["scan", "fixtures/tree", "--no-timing", "--now", "2026-11-01T00:00:00Z"]

    /// The report as a real terminal receives it: `script` gives the binary a pseudo-terminal
    /// (its output then ends lines with CR LF, which is undone here).
    static func throughTerminal(_ arguments: [String] = arguments, environment: [String: String] = [:]) throws -> String {
        let command = ([KeysweepProcess.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let outcome = try ToolProcess.run(["script", "-qec", command, "/dev/null"], in: KeysweepProcess.repositoryRoot,
                                          environment: environment.merging(["TERM": "xterm-256color"]) { $1 })
        return outcome.output.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func aTerminalGetsTheColouredGoldenReport() throws {
        let coloured = try Self.throughTerminal(environment: ["NO_COLOR": ""])
        let golden = try Golden.compare(coloured, to: "tree.colour.text")
        #expect(golden.actual == golden.expected)
        #expect(coloured.contains("\u{1B}[1;31mCRITICAL\u{1B}[0m"))
    }

    @Test func noColorTurnsItOffOnATerminal() throws {
        let plain = try Self.throughTerminal(environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}["))
        #expect(plain == (try String(contentsOfFile: KeysweepProcess.repositoryRoot + "/fixtures/expected/tree.text", encoding: .utf8)))
    }

    @Test func aPipeGetsNoColourUnlessAsked() throws {
        let piped = try KeysweepProcess.run(Self.arguments + ["--format", "text"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let forced = try KeysweepProcess.run(Self.arguments + ["--format", "text", "--color", "always"])
        #expect(forced.stdout == (try String(contentsOfFile: KeysweepProcess.repositoryRoot + "/fixtures/expected/tree.colour.text", encoding: .utf8)))
        let refused = try KeysweepProcess.run(Self.arguments + ["--color", "sometimes"])
        #expect(refused.status == 2 && refused.stderr.contains("--color takes auto, always or never"), "\(refused.stderr)")
    }

    /// The three reports people read most, each plain (in a pipe) and coloured (on a terminal),
    /// compared whole with their golden files; the coloured ones are what docs/ shows.
    static let goldenScans: [(name: String, arguments: [String])] = [
        ("tree", arguments),
        ("git-history", ["git", GitFixtures.path("history"), "--no-timing", "--now", "2026-11-01T00:00:00Z"]),
        ("staged", ["staged", GitFixtures.path("staged"), "--no-timing", "--now", "2026-11-01T00:00:00Z"]),
    ]

    @Test(arguments: ["tree", "git-history", "staged"])
    func plainAndColouredReportsMatchTheirGoldenFiles(name: String) throws {
        let arguments = try #require(Self.goldenScans.first { $0.name == name }).arguments
        let plain = try KeysweepProcess.run(arguments + ["--format", "text"])
        #expect(plain.status == 1, "\(plain.stderr)")
        let plainGolden = try Golden.compare(plain.stdout, to: "\(name).text")
        #expect(plainGolden.actual == plainGolden.expected)
        let coloured = try Self.throughTerminal(arguments, environment: ["NO_COLOR": ""])
        let colouredGolden = try Golden.compare(coloured, to: "\(name).colour.text")
        #expect(colouredGolden.actual == colouredGolden.expected)
        // Colour only adds escape codes: without them the terminal shows the plain report.
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain.stdout)
        if name == "staged" { #expect(coloured.contains("\u{1B}[1;31mCOMMIT BLOCKED")) }
    }
}
