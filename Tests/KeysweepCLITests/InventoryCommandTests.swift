import Foundation
import TestScratch
import Testing

/// `keysweep inventory` and `keysweep merge` as a user runs them, on two fixture services.
@Suite struct InventoryCommandTests {
    static let now = "2026-11-01T00:00:00Z"
    static let services = [GitFixtures.path("inventory/billing"), GitFixtures.path("inventory/search")]

    private func temporaryFile(_ name: String) -> String {
        TestScratch.folder + "keysweep-\(UUID().uuidString)-\(name)"
    }

    private func findings(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["findings"] as? [[String: Any]] ?? []
    }

    @Test(arguments: ["json", "csv"])
    func inventoryMatchesTheGoldenFile(format: String) throws {
        let outcome = try KeysweepProcess.run(["inventory"] + Self.services + ["--format", format, "--now", Self.now, "--no-timing"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let golden = try Golden.compare(outcome.stdout, to: "inventory.\(format)")
        #expect(golden.actual == golden.expected)
    }

    @Test func mergedReportsShowASecretReusedAcrossRepositoriesOnce() throws {
        var reports: [String] = []
        for (service, name) in zip(Self.services, ["billing", "search"]) {
            let path = TestScratch.folder + "keysweep-\(UUID().uuidString)/\(name).json"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let scan = try KeysweepProcess.run(["git", service, "--format", "json", "-o", path, "--now", Self.now])
            #expect(scan.status == 1, "\(scan.stderr)")
            reports.append(path)
        }
        let merge = try KeysweepProcess.run(["merge"] + reports + ["--now", Self.now, "--format", "json"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let github = try findings(merge.stdout).filter { ($0["provider"] as? String) == "GitHub" }
        #expect(github.count == 1)
        let nhi = github.first?["nhi"] as? [String: Any]
        let exposure = nhi?["exposure"] as? [String: Any]
        #expect(exposure?["repositories"] as? [String] == ["billing", "search"])
        #expect((nhi?["risks"] as? [String])?.contains("NHI9") == true)
        let owners = (nhi?["owners"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(owners == ["@acme/billing-api", "@dana", "@search/backend", "Dana Dev <dana@example.com>", "Fay Finder <fay@example.com>"])
    }

    @Test func htmlInventoryRendersInAHeadlessBrowser() throws {
        let html = temporaryFile("inventory.html")
        let outcome = try KeysweepProcess.run(["inventory"] + Self.services + ["-o", html, "--now", Self.now, "--no-timing"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("http://") && !page.contains("<link") && !page.contains("src=\"http"), "the page must work offline")
        let dom = try Chromium.renderedText(of: html)
        for expected in ["Secrets inventory", "as of 2026-11-01T00:00:00Z", "billing, search", "Secrets by provider", "Secrets by age",
                         "NHI9 NHI Reuse", "@acme/sre", "2024-03-01 (expired)", "RSA 1024", "Ed25519 256 encrypted", "temporary"] {
            #expect(dom.contains(expected), "rendered page lacks '\(expected)'")
        }
    }

    @Test func badInputsExitWith2() throws {
        let missing = try KeysweepProcess.run(["inventory", "/nonexistent/keysweep-repo"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read '/nonexistent/keysweep-repo': No such file or directory"))
        let notJSON = temporaryFile("broken.json")
        try Data("{\"version\": 1".utf8).write(to: URL(fileURLWithPath: notJSON))
        let merge = try KeysweepProcess.run(["merge", notJSON])
        #expect(merge.status == 2)
        #expect(merge.stderr.contains("is not a Keysweep JSON report"))
        let clock = try KeysweepProcess.run(["inventory", ".", "--now", "next tuesday"])
        #expect(clock.status == 2)
        #expect(clock.stderr.contains("--now takes an ISO 8601 time"))
    }
}

/// Debian's headless Chromium, to check what a person sees in the HTML report.
enum Chromium {
    static func renderedText(of file: String) throws -> String {
        guard let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ChromiumMissing()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom", "file://" + file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        // The visible text: tags dropped, entities of the page decoded.
        return dom.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed (scripts/setup installs Debian's chromium)" }
    }
}
