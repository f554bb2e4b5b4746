import Foundation
import Testing

/// The README and `--help` describe the same commands and options, with the same defaults: both
/// are read from the argument parser's own description (`--experimental-dump-help`).
@Suite struct HelpAndReadmeTests {
    struct Option {
        let command: String
        let name: String
        let defaultValue: String?
    }

    static func commands() throws -> [(path: String, options: [Option])] {
        let dump = try KeysweepProcess.run(["--experimental-dump-help"])
        let root = try #require((try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])?["command"] as? [String: Any])
        var found: [(String, [Option])] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let name = path.joined(separator: " ")
            let options = (command["arguments"] as? [[String: Any]] ?? []).flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }.map {
                    Option(command: name, name: "--" + ($0["name"] as? String ?? ""), defaultValue: argument["defaultValue"] as? String)
                }
            }
            found.append((name, options))
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                walk(sub, path + [sub["commandName"] as? String ?? ""])
            }
        }
        walk(root, [])
        return found
    }

    static let readme: String = (try? String(contentsOfFile: KeysweepProcess.repositoryRoot + "/README.md", encoding: .utf8)) ?? ""

    @Test func everyCommandAndOptionIsInTheReadme() throws {
        for (path, options) in try Self.commands() {
            if !path.isEmpty { #expect(Self.readme.contains("keysweep \(path)"), "\(path)") }
            for option in options where !["--help", "--version"].contains(option.name) {
                #expect(Self.readme.range(of: option.name + #"(?![\w-])"#, options: .regularExpression) != nil, "\(path) \(option.name)")
            }
        }
    }

    /// Where the README's list of options states a default, it is the parser's.
    @Test func theReadmeStatesTheParsersDefaults() throws {
        let lines = Self.readme.split(separator: "\n").map(String.init).filter { $0.hasPrefix("    --") }
        var checked = 0
        // The list documents the options of every scan.
        for option in try Self.commands().filter({ ["scan", "git"].contains($0.path) }).flatMap(\.options) {
            guard let value = option.defaultValue, let line = lines.first(where: { $0.hasPrefix("    \(option.name) ") }),
                  let range = line.range(of: #"default[: ]+[^ ,;)]+"#, options: .regularExpression) else { continue }
            let stated = line[range].replacingOccurrences(of: #"default[: ]+"#, with: "", options: .regularExpression)
            #expect(stated == value, "\(option.command) \(option.name): README says \(stated), help \(value)")
            checked += 1
        }
        #expect(checked >= 2)
    }
}
