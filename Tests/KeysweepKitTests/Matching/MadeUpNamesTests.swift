import Testing
@testable import KeysweepKit

/// A secret's name says whether it is made up (context `test` or `example`); only the name it is
/// assigned to counts, by whole words.
@Suite struct MadeUpNamesTests {
    private func context(_ prefix: String, _ value: String = "Tz6pW1qLx8NvYc3Rb5Mk2Jd7\"") -> LocationContext? {
        lineContext(of: value, after: prefix, by: MadeUpNames.context(before:in:))
    }

    @Test(arguments: [
        ("const TEST_FAKE_RSA_KEY_0: &str = \"", LocationContext.test),  // bitwarden/server's seeder keys
        ("val testKey: String = \"", .test),
        ("    \"dummy_token\": \"", .test),
        ("mockApiKey = '", .test),
        ("export STRIPE_TEST_SECRET=", .test),
        ("spring.datasource.test.password=", .test),
        ("SAMPLE_API_KEY ?= ", .example),
        ("      placeholder: \"", .example),                // an input's placeholder (Plane's GitLab form)
        ("line one\nprivate static final String FAKE_TOKEN = \"", .test),
    ])
    func aMadeUpNameMarksItsValue(prefix: String, expected: LocationContext) {
        #expect(context(prefix) == expected)
    }

    @Test(arguments: [
        "  - CC_TEST_REPORTER_ID=",                      // CodeClimate's test reporter: a tool's name
        "latestToken = \"",                               // `test` inside a word
        "TESTNET_PRIVATE_KEY=",
        "url = \"https://test.example.com/?token=",       // a host, not a name
        "{\"test\":true,\"api_key\":\"",                  // an earlier key of minified JSON
        "if password == \"",                              // a comparison
        "TEST_DB = 1\nAPI_KEY = \"",                      // a name on another line
        "Database=test;Password=",
    ])
    func otherNamesDoNot(prefix: String) {
        #expect(context(prefix) == nil)
    }
}
