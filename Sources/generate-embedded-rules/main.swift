import Foundation
import KeysweepKit

// Regenerates Sources/KeysweepKit/Rules/EmbeddedRules.generated.swift from rules/*.yml.
// Usage: swift run generate-embedded-rules [REPO_ROOT]   (default: the current folder)

let root = CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath
let rulesFolder = root + "/rules"
let output = root + "/Sources/KeysweepKit/Rules/EmbeddedRules.generated.swift"
do {
    let rules = try RuleLoader.rules(at: rulesFolder)
    let source = try EmbeddedRulesRenderer.render(rules)
    try ReportWriter.write(Array(source.utf8), to: output)
    print("wrote \(rules.count) rules to \(output)")
} catch {
    FileHandle.standardError.write(Data("generate-embedded-rules: \(error)\n".utf8))
    exit(2)
}
