import PCRE2
import Testing
@testable import KeysweepKit

/// CODEOWNERS as GitHub and GitLab read it.
@Suite struct CodeOwnersTests {
    private let scratch = MatchScratch()

    private let github = CodeOwners(text: """
    # default
    *                @acme/platform
    *.pem            @acme/security
    /deploy/         @acme/sre
    docs/*           @acme/docs
    apps/            @acme/apps
    /build/logs/     @acme/build
    /vendor/legacy   
    """, source: ".github/CODEOWNERS")

    @Test(arguments: [
        ("README.md", ["@acme/platform"]),
        ("tls/server.pem", ["@acme/security"]),
        ("deploy/prod/.env", ["@acme/sre"]),
        ("deploy/key.pem", ["@acme/sre"]),
        ("docs/guide.md", ["@acme/docs"]),
        ("docs/api/reference.md", ["@acme/platform"]),
        ("src/apps/web/config.js", ["@acme/apps"]),
        ("build/logs/today.log", ["@acme/build"]),
        ("vendor/legacy/secret.txt", []),
    ])
    func githubLastMatchWins(path: String, owners: [String]) {
        #expect(github.owners(of: path, scratch: scratch) == owners)
    }

    @Test func gitlabSectionsCombineAndInheritDefaultOwners() {
        let gitlab = CodeOwners(text: """
        [Backend] @search/backend
        *.py
        ^[Operations][2] @search/ops
        /deploy/
        /deploy/staging/ @search/staging-ops
        """, source: "CODEOWNERS")
        #expect(gitlab.owners(of: "services/indexer/settings.py", scratch: scratch) == ["@search/backend"])
        #expect(gitlab.owners(of: "deploy/run.py", scratch: scratch) == ["@search/backend", "@search/ops"])
        #expect(gitlab.owners(of: "deploy/staging/values.yaml", scratch: scratch) == ["@search/staging-ops"])
        #expect(gitlab.owners(of: "README.md", scratch: scratch) == [])
    }
}
