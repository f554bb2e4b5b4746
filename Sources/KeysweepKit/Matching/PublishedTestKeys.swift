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
        // Slack's OAuth v2 documentation: the bot token of `oauth.v2.access`'s example response,
        // copied into the tests and constants of Slack clients and bots.
        "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
        // Google Chat: the `key=` of every incoming webhook's URL, one public key for all (the
        // webhook's `token=` is its secret, reported with the URL).
        "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
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
        // MinIO's public playground (`play.min.io`), whose access and secret key MinIO's docs,
        // its SDKs' READMEs and their samples print for anyone to try.
        "Q3AM3UQ867SPQQA43P2F", "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG",
        // NetBox's NAPALM settings documentation (`NAPALM_ARGS = {'api_key': …}`), copied into
        // Nautobot's settings schema and NetBox plugins' READMEs.
        "472071a93b60a1bd1fafb401d9f8ef41",
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
        // The accounts that local Ethereum nodes fund at start: Hardhat's and Foundry Anvil's 20
        // (BIP-44 keys m/44'/60'/0'/0/0 to 19 of the documented mnemonic `test test … junk`) and
        // Ganache's 10 in its deterministic mode (`myth like bonus … collect`). Printed by the
        // tools at every start and in their docs; contracts' test suites and tutorials hold them.
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a", "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e", "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
        "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97", "2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
        "f214f2b2cd398c806f84e317254e0f0b801d0643303237d97a22a48e01628897", "701b615bbdfb9de65240bc28bd21bbc0d996645a3dd57e7b12bc2bdf6f192c82",
        "a267530f49f8280200edf313ee7af6b827f2a8bce2897751d06a843f644967b1", "47c99abed3324a2707c28affff1267e45918ec8c3f20b8aa892e8b065d2942dd",
        "c526ee95bf44d8fc405a158bb884d9d1238d99f0612e9f33d006bb0789009aaa", "8166f546bab6da521a8369cab06c5d2b9e46670292d85c875ee9ec20e84ffb61",
        "ea6c44ac03bff858b476bba40716402b03e41b8e97e276d1baec7c37d42484a0", "689af8efa8c651a91ad287602527f3af2fe9f6501a7ac4b061667b5a93e037fd",
        "de9be858da4a475276426320d5e9262ecfc3ba460bfac56360bfa6c4c28b4ee0", "df57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e",
        "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d", "6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1",
        "6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c", "646f1ce2fdad0e6deeeb5c7e8e5543bdde65e86029e2fd9fc169899c440a7913",
        "add53f9a7e588d003326d1cbf9e4a43c061aadd9bc938c843a79e7b4fd2ad743", "395df67f0c2d2d9fe1ad08d1bc8b6627011959b79c53d7dd6a3536a33ab8a4fd",
        "e485d098507f54e7733a205420dfddbe58db035fa577fc294ebd14db90767a52", "a453611d9419d0e56f499079478fd72c37b251a94bfde4d19872c44cf65386e3",
        "829e924fdf021ba3dbbc4225edfece9aca04b929d6e75613329ca6f1d31c0bb4", "b0057716d5917badaf911b193b12b910811c1497b5bada8d7711f758981c3773",
        // The search-only Algolia key of the npm-search index (app `OFCNCOG2CU`) that Yarn's
        // release bundle carries for `yarn add --interactive`: public by design, and committed
        // with every repository that keeps `.yarn/releases/yarn-*.cjs` (gitleaks allow-lists it).
        "6fe4476ee5a1832882e326b506d14126",
        // The OAuth 2.0 and OpenID Connect specifications' examples (RFC 6749, RFC 6750, RFC 7662,
        // OpenID Connect Core): access, refresh and bearer tokens, the authorization code, the
        // client's Basic credentials (`s6BhdRkqt3:gX1fBat3bV`); OAuth servers and clients quote
        // them in code comments and tests (Ory Fosite's introspection handler).
        "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SplxlOBeZQQYbYS6WxSbIA", "mF_9.B5f-4.1JqM",
        "czZCaGRSa3F0MzpnWDFmQmF0M2JW", "s6BhdRkqt3:gX1fBat3bV", "SlAV32hkKG", "8xLOxBtZp8",
        // RFC 7009's revoked token, and OAuth 1.0's (RFC 5849): client and token credentials, the
        // signature of its example request (oauthlib quotes them in its docstrings).
        "45ghiukldjahdnhzdauz", "dpf43f3p2l4k3l03", "kd94hf93k423kf44", "hh5s93j4hdidpola", "hdk48Djdsa",
        "hfdp7dh39dks9884", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00", "0685bd9184jfhq22", "ad180jjd733klru7",
        "9djdj82h48djs9d2", "kkk9d7dh3k39sjv7", "wOJIO9A2W5mFwDgiDvZbTSMK/PY=",
        // jwt.io's default token, and PyJWT's README example (`{"some": "payload"}` signed with
        // `secret`), which pip's and SBOM tools' reports copy with the package's description.
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg",
        // The access and secret key of the S3 user that Ceph's development cluster creates
        // (`vstart.sh`) and its S3 conformance suite expects (ceph/s3-tests' `s3tests.conf.SAMPLE`);
        // S3-compatible stores copy them into their CI (SeaweedFS).
        "0555b35654ad1656d804", "h7GhxuBLTrlhVUyxSPUKUV8r/2EI4ngqJxD7iBdBYLhwluN30JaT3Q==",
        // Google reCAPTCHA v2's test site key and secret (its FAQ: every verification passes),
        // for development and automated tests (PyPI's Warehouse `dev/environment`).
        "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI", "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
        // The client token of Microsoft Edge's Read Aloud voice service, the same in every copy of
        // the browser, which open-source speech clients repeat (`TRUSTED_CLIENT_TOKEN`: edge-tts,
        // NextChat).
        "6A5AA1D4EAFF4E9FB37E23D68491D6F4",
        // The password of the Android SDK's debug key store and of its `androiddebugkey` (the
        // Android documentation's "Sign your debug build"), which CI jobs and Gradle files repeat.
        "android",
        // The token and the deterministic signing keys of the QStash CLI's local development server
        // (the token encodes `{"UserID":"defaultUser","Password":"defaultPassword"}`), which CI
        // jobs set beside `QSTASH_URL: http://127.0.0.1:8080` (Dub's Playwright workflow).
        "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0=",
        "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r", "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs",
        // The example identities of age's manual pages, age(1) and age-keygen(1), which
        // age-keygen's package documentation repeats.
        "AGE-SECRET-KEY-1N9JEPW6DWJ0ZQUDX63F5A03GX8QUW7PXDE39N8UYF82VZ9PC8UFS3M7XA9",
        "AGE-SECRET-KEY-1KTYK6RVLN5TAPE7VF6FQQSKZ9HWWCDSKUGXXNUQDWZ7XXT5YK5LSF3UTKQ",
    ].map { Array($0.utf8) })

    /// Whether `secret` is one of the published values; a hex key may carry its `0x`
    /// (`PRIVATE_KEY=0xac09…`, as Hardhat prints it). A JSON Web Token signed with a published
    /// secret is one too (`PublishedJWTSecrets`), and so is a bcrypt test vector (`BcryptTestVectors`).
    public static func contains(_ secret: [UInt8]) -> Bool {
        if values.contains(secret) || PublishedJWTSecrets.signed(secret) || BcryptTestVectors.holds(secret) { return true }
        guard secret.count > 2, secret[0] == UInt8(ascii: "0"), secret[1] == UInt8(ascii: "x") else { return false }
        return values.contains(Array(secret.dropFirst(2)))
    }
}
