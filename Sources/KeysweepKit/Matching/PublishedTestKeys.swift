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
        // jwt.io's default token.
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ].map { Array($0.utf8) })

    public static func contains(_ secret: [UInt8]) -> Bool { values.contains(secret) }
}
