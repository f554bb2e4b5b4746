import Foundation
import TestScratch
import Testing

/// Shell completions and the man page, installed by scripts/install-shell-support, and the
/// checked-in man page kept up to date with the commands (scripts/man renders it).
@Suite struct ShellSupportTests {
    @Test func theInstallScriptInstallsCompletionsThatComplete() throws {
        let prefix = TestScratch.folder + "keysweep-prefix-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let install = try ToolProcess.run([KeysweepProcess.repositoryRoot + "/scripts/install-shell-support", prefix, KeysweepProcess.binary])
        #expect(install.status == 0, "\(install.output)")
        for file in ["share/bash-completion/completions/keysweep", "share/zsh/site-functions/_keysweep",
                     "share/fish/vendor_completions.d/keysweep.fish", "share/man/man1/keysweep.1"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(file)")
        }
        // Bash completes subcommands and the options of one, as it would at a prompt.
        let script = prefix + "/share/bash-completion/completions/keysweep"
        func complete(_ line: String) throws -> String {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: " ")
            // Bash calls the function with the command, the word being completed and the one before it.
            let probe = "source '\(script)'; COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE='\(line)'; "
                + "COMP_POINT=${#COMP_LINE}; _keysweep keysweep \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\""
            return try ToolProcess.run(["bash", "-c", probe]).output
        }
        #expect(try complete("keysweep ex").split(separator: "\n") == ["explain"])
        #expect(try complete("keysweep git --wor").split(separator: "\n").contains("--worktree"))
    }

    /// docs/keysweep.1 names every command and option the binary has: run scripts/man when it fails.
    @Test func theManPageIsCurrent() throws {
        let page = try String(contentsOfFile: KeysweepProcess.repositoryRoot + "/docs/keysweep.1", encoding: .utf8)
        for (path, options) in try HelpAndReadmeTests.commands() {
            if let name = path.split(separator: " ").last { #expect(page.contains(".It Em \(name)\n"), "\(path): run scripts/man") }
            for option in options where option.name != "--help" {
                // `.Fl -format`, or `.Fl o , -output` for an option with a short name too.
                let pattern = "(Fl |, )-" + NSRegularExpression.escapedPattern(for: String(option.name.dropFirst(2))) + #"(?![\w-])"#
                #expect(page.range(of: pattern, options: .regularExpression) != nil, "\(path) \(option.name): run scripts/man")
            }
        }
        let rendered = try ToolProcess.run(["man", "-l", KeysweepProcess.repositoryRoot + "/docs/keysweep.1"], environment: ["MANWIDTH": "100", "MANPAGER": "cat"])
        #expect(rendered.status == 0, "\(rendered.output)")
        #expect(rendered.output.contains("keysweep — Find leaked secrets"))
    }
}
