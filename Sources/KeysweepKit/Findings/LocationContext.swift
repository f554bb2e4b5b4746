/// What kind of material a location is in, judged from its path (and, for `example`, from
/// providers' published test keys): test code, test fixtures, documentation, examples, or source.
///
/// Context lowers a finding's severity (test and documentation material only: at most `low`) and
/// can be filtered with `--exclude-context`; it never hides a finding on its own (DESIGN: "Context
/// of a location"). The first that applies wins: fixture, test, example, docs.
public enum LocationContext: String, Codable, Sendable, CaseIterable, Comparable {
    case source, test, fixture, docs, example

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The context of `path` (relative or absolute, `/`-separated; an archive member's chain
    /// from its last member outward), holding `secret`.
    public static func of(path: String, secret: [UInt8]) -> LocationContext {
        of(secret: secret) ?? of(path: path)
    }

    /// `example` for a provider's published test key, wherever it is; nil for any other secret.
    static func of(secret: [UInt8]) -> LocationContext? {
        PublishedTestKeys.contains(secret) ? .example : nil
    }

    /// The context `path` alone gives. For an archive member (`a.zip!b/c.xml`) the member's own
    /// path decides, else the archive's, and so on outward: a zip among a project's test
    /// resources holds test material whatever its members are called.
    static func of(path: String) -> LocationContext {
        for element in path.split(separator: "!").reversed() {
            let context = of(member: String(element))
            if context != .source { return context }
        }
        return .source
    }

    private static func of(member: String) -> LocationContext {
        let original = member.split(separator: "/").map(String.init)
        let components = original.map { $0.lowercased() }
        guard let name = components.last, let originalName = original.last else { return .source }
        let folders = Set(components.dropLast())
        let fixtureFolder = !folders.isDisjoint(with: fixtureFolders)
            || folders.contains(where: { Self.name($0, holdsWordIn: fixtureFolderWords) })
        if fixtureFolder || isFixtureFile(name) || isModelFactory(components) {
            return .fixture
        }
        if folders.contains(where: isTestFolder) || isTestFile(originalName)
            || original.dropLast().contains(where: isTestSourceSet)
            || isDebugKeyStore(name) {
            return .test
        }
        if !folders.isDisjoint(with: exampleFolders) || exampleSuffixes.contains(where: { name.hasSuffix($0) }) || isExampleFile(name) {
            return .example
        }
        if folders.contains(where: isDocsFolder) || docsSuffixes.contains(where: { name.hasSuffix($0) })
            || name.hasPrefix("readme") || name.hasPrefix("changelog") || isManual(name) || isManPage(name)
            || isAPISpecification(name) || isPackageDescription(name, in: components) {
            return .docs
        }
        return .source
    }

    /// `testcases`, `test-vectors`: the inputs and expected outputs a library's tests read
    /// (ethers.js keeps thousands of wallets' keys in `testcases/*.json.gz`); `testFixtures`: Gradle's
    /// source set of fixtures that other modules' tests share (Spring Boot's test keys and stores);
    /// `_testdata`: Go's `testdata` kept out of the go tool's reach by its `_`.
    private static let fixtureFolders: Set<String> = ["fixtures", "fixture", "__fixtures__", "testdata", "test-data",
                                                      "test_data", "__mocks__", "mocks", "__snapshots__", "snapshots", ".snapshots",
                                                      "testcases", "test-cases", "test_cases", "testvectors", "test-vectors", "test_vectors",
                                                      "testfixtures", "_testdata"]
    /// `headlamp_testdata`, `api-fixtures`: a folder named for test data by one of its words.
    private static let fixtureFolderWords = fixtureWords.union(["testdata"])
    /// `t`: Perl's and git's test folder; `cypress` and `playwright`: end-to-end tests of those
    /// frameworks (Vaultwarden's `playwright/test.env`); `itest`: Spring's integration tests;
    /// `smoke-test`: Spring Boot's smoke-test applications; `_unit-test`: Sentry self-hosted's;
    /// `unittest`: Aimeos' test data (`setup/unittest/data`);
    /// `fake`, `fakes`: Go's test doubles beside the package they stand in for (client-go's
    /// `kubernetes/fake`, External Secrets' providers); `conformance`, `certification`: a conformance
    /// suite's tests and the logs of its runs (Ory Hydra's OpenID certification logs, tokens that a
    /// test server issued); `testserver`, `testenv`: the servers and settings tests run against
    /// (rclone's `fstest/testserver/init.d`); `fstest`, `httptest`, `iotest`: Go's helper packages
    /// for tests, named after the package they test; `testrig`: the models and servers a test
    /// suite is set up with (GoToSocial's).
    private static let testFolders: Set<String> = ["t", "test", "tests", "spec", "specs", "__tests__", "testing", "androidtest",
                                                   "unittest", "unittests", "unit-test", "unit-tests", "unit_test", "unit_tests",
                                                   "_unit-test",
                                                   "integrationtests", "e2e", "cypress", "playwright", "testhelpers", "testutil", "testutils",
                                                   "benchmark", "benchmarks", "benches", "integration-test", "integration-tests",
                                                   "integration_test", "integration_tests", "itest", "itests",
                                                   "smoke-test", "smoke-tests", "smoketest", "smoketests", "fake", "fakes",
                                                   "conformance", "certification", "testserver", "testservers", "testenv",
                                                   "fstest", "httptest", "iotest", "testrig"]
    /// `tests`, `spec`, `e2e`; `test_resources`, `test-files`, `api-tests`: a folder named for tests,
    /// or by one of its words, between `.`, `-` and `_` (Authelia's `test_resources/`, Woodpecker's
    /// migration `test-files/`).
    static func isTestFolder(_ lowered: String) -> Bool {
        testFolders.contains(lowered) || name(lowered, holdsWordIn: testWords)
    }

    private static let testWords: Set<String> = ["test", "tests", "testing"]

    private static let testStems: Set<String> = ["test", "testing"]

    /// Words that name a stand-in for something real, anywhere in a file's name.
    private static let standInWords: Set<String> = ["mock", "mocks", "fake", "fakes", "dummy"]

    /// Android's debug signing store: made by the build tools under the published password
    /// `android` to sign debug builds, which app stores refuse; React Native's template commits one
    /// (`debug.keystore`), and apps keep theirs under names that say so (Bitwarden's
    /// `debug-bwa.keystore`, `app-debug.jks`).
    static func isDebugKeyStore(_ lowered: String) -> Bool {
        (lowered.hasSuffix(".keystore") || lowered.hasSuffix(".jks")) && name(lowered, holdsWordIn: ["debug"])
    }
    private static let exampleFolders: Set<String> = ["example", "examples", "sample", "samples", "demo", "demos"]
    /// `.env.dist`, `.env-dist` (Kitsune's), `config_dist.php`: a file the real one is copied from.
    private static let exampleSuffixes = [".example", ".sample", ".dist", "-dist", "_dist", ".template", ".tmpl"]
    private static let docsFolders: Set<String> = ["docs", "doc", "documentation", "man"]
    private static let docsSuffixes = [".md", ".markdown", ".rst", ".adoc", ".asciidoc"]

    /// `docs`, `man`; `api-docs`, `docs-assets`, `user_docs`, `sa-token-doc`: a folder named for
    /// documentation, or by one of its words, between `.`, `-` and `_` (Koel's OpenAPI examples in
    /// `api-docs/`, Sa-Token's site in `sa-token-doc/`).
    static func isDocsFolder(_ lowered: String) -> Bool {
        docsFolders.contains(lowered) || name(lowered, holdsWordIn: docsWords)
    }

    private static let docsWords: Set<String> = ["docs", "doc", "documentation"]

    /// `PlexAPI-4.16.1.dist-info/METADATA`, `PKG-INFO`: a Python package's description, its README
    /// with a header, vendored with the package (Bazarr's `libs/`).
    static func isPackageDescription(_ lowered: String, in components: [String]) -> Bool {
        lowered == "pkg-info" || lowered == "metadata" && components.dropLast().last?.hasSuffix(".dist-info") == true
    }

    /// `MANUAL.html`, `manual.txt`: a project's manual built into one file (rclone's, beside its
    /// `README`; `MANUAL.md` is documentation by its suffix already).
    static func isManual(_ lowered: String) -> Bool {
        ["manual.html", "manual.htm", "manual.txt", "manual.pdf"].contains(lowered)
    }

    /// `config.example.yml`, `settings_sample.json`, `ssl-tls-ca-key-cert-example.h`: a file whose
    /// name says it shows how the real one looks (a word of the name, between `.`, `-` and `_`);
    /// also a dotenv example with its words run together (Maxun's `ENVEXAMPLE`).
    static func isExampleFile(_ lowered: String) -> Bool {
        name(lowered, holdsWordIn: exampleWords) || dotenvExamples.contains(lowered)
    }

    private static let dotenvExamples: Set<String> = ["envexample", ".envexample", "envsample", ".envsample"]

    private static let exampleWords: Set<String> = ["example", "examples", "sample", "samples"]

    /// `auth_session_fixtures.go`, `fixtures.json`, `user-fixture.yml`: a file whose name says it
    /// holds fixtures, beside the code it serves (PhotoPrism's Go entities and their sessions' tokens).
    static func isFixtureFile(_ lowered: String) -> Bool { name(lowered, holdsWordIn: fixtureWords) }

    private static let fixtureWords: Set<String> = ["fixture", "fixtures"]

    /// `database/factories/UserFactory.php` (Laravel), `app/factories.py` (factory_boy),
    /// `user_factories.rb` (factory_bot): the made-up records that tests and seeders build, with
    /// their users' passwords (Laravel's default factory hashes `password`). Java's and C#'s
    /// `factories` packages are code, so the folder counts only under `database`.
    static func isModelFactory(_ lowered: [String]) -> Bool {
        guard let name = lowered.last else { return false }
        if lowered.count >= 3, lowered[lowered.count - 3] == "database", lowered[lowered.count - 2] == "factories" { return true }
        return (name.hasSuffix(".py") || name.hasSuffix(".rb")) && self.name(name, holdsWordIn: factoryWords)
    }

    private static let factoryWords: Set<String> = ["factories"]

    /// `openapi.yaml`, `swagger.json`, `petstore.openapi.yml`: an API's specification, whose
    /// `example` values document requests and responses (Supabase Auth's `refresh_token:` in one);
    /// also the template it is rendered from (StackStorm's `openapi.yaml.j2`).
    static func isAPISpecification(_ lowered: String) -> Bool {
        let specification = templateSuffixes.first(where: lowered.hasSuffix).map { String(lowered.dropLast($0.count)) } ?? lowered
        return [".yaml", ".yml", ".json"].contains(where: specification.hasSuffix)
            && name(specification, holdsWordIn: apiSpecificationWords)
    }

    private static let apiSpecificationWords: Set<String> = ["openapi", "swagger"]
    private static let templateSuffixes = [".j2", ".jinja", ".jinja2", ".tpl", ".erb", ".mustache"]

    /// Whether a word of the file name `lowered`, between `.`, `-` and `_`, is one of `words`.
    private static func name(_ lowered: String, holdsWordIn words: Set<String>) -> Bool {
        lowered.split(whereSeparator: { ".-_".contains($0) }).contains { words.contains(String($0)) }
    }

    /// `synapse_port_db.1`, `hash_password.1.html`: a manual page in roff (its section, 1 to 9, as
    /// the extension) or rendered to HTML.
    /// The page's name ends in a letter (`v1.2` and `libssl.so.1` are no pages).
    static func isManPage(_ name: String) -> Bool {
        let parts = name.split(separator: ".")
        let rendered = parts.count == 3 && parts[2] == "html"
        guard parts.count == 2 || rendered, let last = parts[0].last, last.isLetter else { return false }
        let section = parts[1]
        return section.count == 1 && ("1"..."9").contains(section)
    }

    /// Kotlin Multiplatform and Gradle test source sets: `jvmTest`, `commonTest`,
    /// `integrationTest`, `androidHostTest` (a lowercase letter, then `Test` or `Tests` ending the
    /// name; `Latest` and `contest` are no test).
    static func isTestSourceSet(_ folder: String) -> Bool {
        for suffix in ["Test", "Tests"] where folder.hasSuffix(suffix) && folder.count > suffix.count {
            let before = folder.dropLast(suffix.count).last!
            if before.isLowercase || before.isNumber { return true }
        }
        return false
    }

    /// Test files by the conventions of the common test runners: `test_x.py`, `tests.py`, `x_test.go`,
    /// `x.test.ts`, `x.spec.js`, `x_spec.rb`, Perl's `x.t`, and `XTest.java`, `XTests.swift` (case matters:
    /// `Latest.java` is no test).
    static func isTestFile(_ name: String) -> Bool {
        let lowered = name.lowercased()
        let stem = lowered.split(separator: ".").first.map(String.init) ?? lowered
        if stem.hasPrefix("test_") || stem.hasSuffix("_test") || stem.hasSuffix("_spec") || stem.hasSuffix("_tests") { return true }
        // `config/test.exs`, `config/settings/test.yml`, `config/environments/test.rb`: the test
        // environment's settings (Phoenix, Rails); `mock.ts`, `fakes.go`, `mock-google-services.json`:
        // a test's stand-ins beside the code (Logto's connectors, Firebase's quickstarts); any file
        // so named but a document (`TESTING.md`).
        if testStems.contains(stem) || Self.name(lowered, holdsWordIn: standInWords),
           !docsSuffixes.contains(where: lowered.hasSuffix) {
            return true
        }
        // Django's and many Python packages' `tests.py`; Rust's `tests.rs`, the file of a module's
        // `#[cfg(test)] mod tests;` (Vector's sinks); PHPUnit's configuration, whose `<env>` and
        // `<server>` values are the test environment's (Laravel's `APP_KEY`).
        if ["tests.py", "test.py", "tests.rs", "phpunit.xml", "phpunit.xml.dist", "phpunit.dist.xml"].contains(lowered) {
            return true
        }
        // `Summary.story.tsx`, `Button.stories.ts`: a Storybook story, a component shown with
        // made-up props (Unleash's API token dialogs).
        if lowered.contains(".stories.") || lowered.contains(".story.") { return true }
        // `.env.test`, `config.testing`, `test.env`: a test environment's settings.
        if lowered.contains(".test.") || lowered.contains(".spec.") || lowered.hasSuffix(".t") || lowered.hasSuffix(".test")
            || lowered.hasSuffix(".testing") || ["test.env", "testing.env"].contains(lowered) { return true }
        // `impersonating_customers.feature`: a Gherkin scenario, which Cucumber and Behat run as an
        // acceptance test (Sylius' `features/`).
        if lowered.hasSuffix(".feature") { return true }
        let original = name.split(separator: ".").first.map(String.init) ?? name
        return original.count > 5 && (original.hasSuffix("Test") || original.hasSuffix("Tests"))
    }
}
