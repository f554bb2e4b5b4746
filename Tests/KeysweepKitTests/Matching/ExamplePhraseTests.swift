import Testing
@testable import KeysweepKit

/// A phrase that gives an example (`for example`, `e.g.`) shortly before a secret on its line
/// makes the location an example; elsewhere it says nothing.
@Suite struct ExamplePhraseTests {
    private func context(_ prefix: String, _ value: String = "VNUZWLNDEVS6OTBVQK7FFTCLA4\"") -> LocationContext? {
        lineContext(of: value, after: prefix, by: ExamplePhrase.context(before:in:))
    }

    @Test(arguments: [
        "context = '\"Secret\" as in the secret MFA token; for example: \"Secret: ",  // GoatCounter's catalog
        "{{/* z18n: for example: \"Secret: ",
        "help=\"the key to sign with (E.g. ",
    ])
    func aPhraseBeforeTheSecretMarksIt(prefix: String) {
        #expect(context(prefix) == .example)
    }

    @Test(arguments: [
        "API_KEY = \"",
        "# e.g. from the dashboard\nAPI_KEY = \"",                                     // another line
        "for example, " + String(repeating: "x", count: 80) + " token = \"",           // too far before
        "var eager = \"",
    ])
    func otherLinesDoNot(prefix: String) {
        #expect(context(prefix) == nil)
    }
}
