/// Values that providers print in their own documentation: real-looking, never live.
///
/// They are no finding: a scanner that reports `AKIAIOSFODNN7EXAMPLE` trains people to ignore it.
/// They are not hidden either: the scan counts them (`suppressed.example`), `--no-suppress` lists
/// them, and a location that holds one has the context `example`.
public enum PublishedTestKeys {
    private static let values: Set<[UInt8]> = Set([
        // AWS IAM and STS documentation.
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "ASIAIOSFODNN7EXAMPLE",
        // Stripe, Slack and SendGrid API references.
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx", "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        "rk_test_4eC39HqLyjWDarjtT1zdp7dc", "xoxb-not-a-real-token-this-will-not-work",
        "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",
        // The Azure Storage emulator (Azurite) account key, the same in every installation.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        // Inputs to the API key format checks in the Firebase SDKs' own tests (firebase-android-sdk's
        // messaging `Utils` tests, firebase-js-sdk's `isValidApiKeyFormat` tests), copied with those
        // SDKs into many trees; gitleaks allow-lists the same values. Public for years: not a leak
        // anyone can act on.
        "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs", "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
        "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU", "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0",
        "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A", "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
        "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4", "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
        "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM", "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ",
        "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g", "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
        "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw", "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
        "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY",
        // The NuGet documentation's sample `ClearTextPassword` values (gitleaks' nuget rule tests
        // call them "known sample").
        "hal+9ooo_da!sY", "33f!!lloppa",
        // GitHub's REST API description: the example response of a GitHub App manifest
        // conversion (`client_secret`, `webhook_secret`), vendored with the OpenAPI document and
        // copied into client libraries' tests (Probot, OpenAPI generators).
        "1726be1638095a19edd134c77bde3aa2ece1e5d8", "e340154128314309424b7c8e90325147d99fdafa",
        // GitHub's OAuth app documentation and REST API description: the example access token
        // (`access_token=e72e16c7…&scope=repo%2Cgist&token_type=bearer`).
        "e72e16c7e42f292c6912e7710c838347ae178b4a",
        // The TOTP secret of Google Authenticator's key-URI documentation
        // (`otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP`) and its common
        // variant, base32 of "Hello!" and four bytes, in authenticators' tests everywhere.
        "JBSWY3DPEHPK3PXP", "NBSWY3DPEHPK3PXQ",
        // jwt.io's default token.
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ].map { Array($0.utf8) })

    public static func contains(_ secret: [UInt8]) -> Bool { values.contains(secret) }
}
