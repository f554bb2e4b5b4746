import Testing
@testable import KeysweepKit

/// Test material is marked, not hidden (issue 15, item 4): each location's context from its path
/// and from providers' published test keys.
@Suite struct LocationContextTests {
    @Test(arguments: [
        ("app/settings.py", LocationContext.source),
        ("tests/test_client.py", .test),
        ("pkg/client_test.go", .test),
        ("web/src/api.spec.ts", .test),
        ("src/test/java/com/acme/ClientTest.java", .test),
        ("Sources/App/Latest.java", .source),
        ("Tests/AppTests/ParserTests.swift", .test),
        ("Benchmarks/Benchmarks/NIOSSLBenchmarks/Shared.swift", .test),  // benchmark key material
        ("benches/parse.rs", .test),
        ("t/t5563-simple-http-auth.sh", .test),  // git's and Perl's test folder
        ("lib/Net/t/smtp.t", .test),
        ("src/t.c", .source),
        ("okhttp/src/jvmTest/kotlin/okhttp3/RecordingAuthenticator.kt", .test),  // a test source set
        ("lib/src/commonTest/kotlin/Parser.kt", .test),
        ("app/Latest/Config.kt", .source),
        ("cypress/docker-compose.yml", .test),
        ("ldap/src/integration-test/resources/users.ldif", .test),
        ("itest/web/src/main/resources/test-server.ldif", .test),
        ("pkg/testhelpers/session.go", .test),
        ("jwcrypto/tests.py", .test),
        (".env.test", .test),
        ("debian/synapse_port_db.1", .docs),           // manual pages (Synapse)
        ("debian/hash_password.1.html", .docs),
        ("lib/v1.2", .source),                          // a test environment's settings (Outline)                  // Django's and many packages' test module
        ("identity/.snapshots/TestHandler.json", .fixture),
        ("tests/fixtures/config.env", .fixture),
        ("internal/testdata/creds.json", .fixture),
        ("testcases/accounts.json.gz!accounts.json", .fixture),
        ("crypto/test-vectors/ed25519.json", .fixture),
        ("internal/entity/auth_session_fixtures.go", .fixture),  // fixtures beside the code (PhotoPrism)
        ("db/fixtures.json", .fixture),
        ("database/factories/UserFactory.php", .fixture),  // Laravel's model factories
        ("packages/Webkul/User/src/Database/Factories/AdminFactory.php", .fixture),
        ("modoboa/admin/factories.py", .fixture),  // factory_boy
        ("src/main/java/org/acme/factories/DataSourceFactory.java", .source),  // a package of code
        ("src/fixturesupport/loader.go", .source),
        ("android/app/debug.keystore", .test),           // Android's debug signing store
        ("module/web-server/src/testFixtures/resources/test.p12", .fixture),  // Gradle's test fixtures (Spring Boot)
        ("smoke-test/saml2-service-provider/src/main/resources/saml/privatekey.txt", .test),
        ("playwright/test.env", .test),  // Vaultwarden's end-to-end tests
        ("hack/test.env", .test),  // Supabase Auth's test environment
        ("config/latest.env", .source),
        ("openapi.yaml", .docs),  // an API's specification and its examples
        ("api/petstore.swagger.json", .docs),
        ("st2common/openapi.yaml.j2", .docs),      // the template the specification is rendered from
        ("templates/config.yaml.j2", .source),
        ("src/openapigen.json", .source),
        ("_unit-test/migrate-pgbouncer-test.sh", .test),  // Sentry self-hosted's
        ("setup/unittest/data/service.php", .test),      // Aimeos' test data
        ("phpunit.xml", .test),  // PHPUnit's configuration: its `<env>` values are the tests' (Laravel's APP_KEY)
        ("backend/phpunit.xml.dist", .test),
        ("src/phpunitxml.php", .source),
        ("config/master.key", .source),
        ("src/main/playwrights.ts", .source),
        ("docs/setup.md", .docs),
        ("api-docs/api.yaml", .docs),                  // a folder named for documentation by a word
        ("sa-token-doc/sso/readme.js", .docs),         // `doc` as a word of the folder's name (Sa-Token)
        ("internal/configuration/test_resources/config.yml", .test),  // named for tests by a word
        ("server/migration/test-files/postgres.sql", .test),
        ("providers/v1/chef/fake/fake.go", .test),      // Go's test doubles (External Secrets)
        ("runtime/template/v2/_testdata/root-ca.key", .fixture),  // Go's testdata, hidden from the go tool
        ("backend/cmd/headlamp_testdata/kubeconfig", .fixture),   // test data named by one of its words
        ("src/fakeroot/config.yml", .source),
        ("config/settings/test.yml", .test),           // the test environment's settings (Rails)
        ("src/flagd-ui/config/test.exs", .test),       // Phoenix's
        ("config/latest.yml", .source),
        ("TESTING.md", .docs),
        ("packages/connectors/connector-alipay-web/src/mock.ts", .test),  // a test's stand-ins (Logto)
        ("src/mockingbird.ts", .source),
        ("internal/certification/CIT.F.T.T.s/OP-request_uri-Unsigned.txt", .test),  // OpenID certification logs (Hydra)
        ("conformance/oauth2/results.json", .test),
        ("contest/entries.yml", .source),
        ("latest-release/app.env", .source),
        ("docs-assets/app/.env", .docs),
        ("dockerfiles/app.env", .source),               // no word `docs`
        ("libs/PlexAPI-4.16.1.dist-info/METADATA", .docs),  // a vendored Python package's description (Bazarr)
        ("vendor/requests-2.31.0/PKG-INFO", .docs),
        ("src/app/METADATA", .source),
        ("README.md", .docs),
        ("examples/quickstart/app.py", .example),
        (".env.example", .example),
        ("config/database.example.yml", .example),
        ("libraries/ESP8266WiFi/src/ssl-tls-ca-key-cert-example.h", .example),
        ("settings_sample.py", .example),
        ("ENVEXAMPLE", .example),                               // Maxun's dotenv example
        (".env-dist", .example),                                // Kitsune's
        ("src/sinks/http/tests.rs", .test),                     // a Rust module's unit tests (Vector)
        ("keystores/debug-bwa.keystore", .test),                // an Android debug signing store (Bitwarden)
        ("keystores/release.keystore", .source),
        ("MANUAL.txt", .docs),                                  // rclone's manual in one file
        ("cmd/manual.go", .source),
        ("fstest/testserver/init.d/TestFTPProftpd", .test),     // rclone's test servers
        ("testrig/testmodels.go", .test),                       // GoToSocial's test rig
        ("src/latest/config.yml", .source),
        ("features/admin/impersonating_customers.feature", .test),  // a Gherkin scenario (Sylius)
        ("mock-google-services.json", .test),                   // Firebase's quickstarts
        ("guides/mock-server.md", .docs),                       // a document, whatever its name
        ("frontend/src/dialog/TokenExplanation.story.tsx", .test),  // a Storybook story (Unleash)
        ("src/components/Button.stories.ts", .test),
        ("src/mockingbird.swift", .source),
        ("src/envexamples.go", .source),
        ("src/resampler.c", .source),
        ("dist/app.war!WEB-INF/classes/application.properties", .source),
        ("test/src/test/resources/legacy.zip!users/admin/config.xml", .test),  // Jenkins' test resources
        ("dist/app.war!WEB-INF/test/settings.xml", .test),
    ])
    func contextFromThePath(path: String, context: LocationContext) {
        #expect(LocationContext.of(path: path, secret: Array("q8Zr2LmX7vB4nT1w".utf8)) == context)
    }

    @Test func aPublishedTestKeyIsAnExampleWherever() {
        #expect(LocationContext.of(path: "app/settings.py", secret: Array("AKIAIOSFODNN7EXAMPLE".utf8)) == .example)
    }

    @Test func theScanRootIsNotPartOfTheLayout() {
        let location = Location(path: "fixtures/tree/app/config.env", start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 9))
        let secret = Array("q8Zr2LmX7vB4nT1w".utf8)
        #expect(ContextJudge(roots: ["fixtures/tree"]).located(location, secret: secret).context == .source)
        #expect(ContextJudge(roots: ["."]).located(location, secret: secret).context == .fixture)
    }

    @Test func findingsOnlyInTestMaterialAreAtMostLow() throws {
        let rule = Rule(id: "acme.key", name: "k", provider: "Acme", kind: .apiKey, severity: .critical, keywords: ["x"], pattern: "(?<secret>x)")
        let match = { (path: String) in
            Match(BlobMatch(ruleIndex: 0, secret: Array("q8Zr2LmX7vB4nT1w".utf8), entropy: 3.5, start: TextPosition(line: 1, column: 1),
                            end: TextPosition(line: 1, column: 17), lineContext: ""), path: path)
        }
        let testOnly = FindingGrouper.group([match("tests/a.py"), match("docs/b.md")], rules: [rule], key: .builtin)
        #expect(testOnly.first?.severity == .low)
        let mixed = FindingGrouper.group([match("tests/a.py"), match("app/b.py")], rules: [rule], key: .builtin)
        #expect(mixed.first?.severity == .critical)
        var statistics = ScanStatistics()
        let kept = ContextFilter(excluded: [.test, .docs]).apply(to: testOnly + mixed, statistics: &statistics)
        #expect(kept.count == 1)
        #expect(kept.first?.locations.map(\.path) == ["app/b.py"])
        #expect(statistics.suppressed["context"] == 1)
    }
}
