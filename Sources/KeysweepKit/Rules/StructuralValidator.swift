/// Names of the structural checks a rule may ask for; implemented in `Matching/`.
public enum StructuralValidator: String, Codable, Sendable, CaseIterable {
    /// GitHub- and npm-style tokens whose last 6 characters are a base62 CRC32 of the body.
    case base62CRC32 = "base62-crc32"
    /// A JSON Web Token: header and payload decode to JSON objects, the header names `alg`.
    case jwt
    /// The value side of a generic `key = value` assignment: not a placeholder, reference or identifier.
    case assignmentValue = "assignment-value"
    /// The value of a name that ends in `key`: an assignment value that is also one token (base64,
    /// hex or base62 and `-_.+/=~`), not a compound identifier such as `Curve25519PublicKeyImpl`.
    case keyValue = "key-value"
    /// A PEM or OpenSSH private key block whose body parses as the key its label names.
    case privateKey = "private-key"
    /// Base64 of a private key's DER bytes without PEM armor that parses as PKCS#8, PKCS#1 RSA or
    /// SEC1 EC.
    case derPrivateKey = "der-private-key"
    /// An age secret key: valid bech32 with the `age-secret-key-` prefix and a 32-byte key.
    case ageBech32 = "age-bech32"
    /// A NATS NKey seed: base32 of a seed prefix, a key type, 32 bytes and a CRC-16.
    case natsSeed = "nats-seed"
    /// A PyPI token: `pypi-` then a base64url macaroon whose location is pypi.org.
    case pypiMacaroon = "pypi-macaroon"
    /// HTTP Basic credentials: base64 of printable `user:password`, the password no placeholder.
    case basicAuth = "basic-auth"
    /// Grafana service account tokens: CRC32 of the token body, little-endian hex, as the suffix.
    case grafanaCRC32 = "grafana-crc32"
    /// The password of a connection URL or string: not a reference, a format directive, a word
    /// naming the field or a documentation stand-in (`%s`, `password`, `foo:bar`, `scott:tiger`).
    case connectionPassword = "connection-password"
    /// A base64 value (a Kubernetes Secret's `data`): not the encoding of printable text that is a
    /// placeholder, a test word, a URL or a path (`mypassword`, `tcp://127.0.0.1:5705`).
    case encodedValue = "encoded-value"
    /// A Ceph (cephx) key: base64 of the key type 1, a creation time, the length 16 and the key.
    case cephKey = "ceph-key"
    /// A PKCS#12 bundle, as a file or in base64, whose plain contents show a key bag.
    case pkcs12KeyStore = "pkcs12-key-store"
    /// A PKCS#12 bundle whose every part is encrypted under a password that is not a well-known
    /// one: carried to the passwords the scan finds (see `SealedKeyStoreOpener`), never a finding.
    case pkcs12SealedKeyStore = "pkcs12-sealed-key-store"
    /// A Java KeyStore (JKS or JCEKS), as a file or in base64, with a private or secret key entry.
    case javaKeyStore = "java-key-store"
    /// A KeePass database, as a file or in base64.
    case keePassDatabase = "keepass-database"
    /// A Rails credentials key: 32 hex digits in one case, as `SecureRandom.hex(16)` prints them.
    /// A file of nothing else is matched too, and kept at a key file's path (see `RailsMasterKey`).
    case railsMasterKey = "rails-master-key"
    /// Jenkins' master key: 256 hex digits in lower case. A file of nothing else is matched too,
    /// and kept at a Jenkins home's `secrets/master.key` (see `JenkinsMasterKey`).
    case jenkinsMasterKey = "jenkins-master-key"
    /// A secret stored in a Jenkins home's XML, `{AQAAABAAAA…}` (version 1, a 16-byte IV, whole
    /// AES blocks): carried to the master key that opens its file in place, never reported itself.
    case jenkinsStoredSecret = "jenkins-stored-secret"
    /// A libsodium box key pair in base64 (Symfony's secrets vault decryption key): 64 bytes, the
    /// X25519 private key then its public key, which the private key must give.
    case sodiumBoxKeyPair = "sodium-box-key-pair"
    /// The key of a dotenv-vault `DOTENV_KEY` URI: 64 hex digits, an AES-256 key.
    case dotenvVaultKey = "dotenv-vault-key"
    /// A secp256k1 private key in hex (a dotenvx `DOTENV_PRIVATE_KEY`): 32 bytes, not zero and
    /// below the group order.
    case secp256k1PrivateKey = "secp256k1-private-key"
    /// A Laravel encryption key (`APP_KEY`, `LARAVEL_ENV_ENCRYPTION_KEY`): base64 of 16 or 32
    /// bytes, or 32 random letters and digits (see `LaravelKey`).
    case laravelKey = "laravel-key"
    /// A Laravel `Encrypter` payload, base64 of JSON with `iv` and `value` (see `LaravelPayload`):
    /// carried to the keys that open it, never reported itself.
    case laravelPayload = "laravel-payload"
    /// An Ansible Vault password: a literal, one word or generated (see `SealingPassword`); a
    /// whole password file is matched too, and kept at a password file's path (see
    /// `AnsibleVaultPassword`).
    case ansibleVaultPassword = "ansible-vault-password"
    /// An Ansible Vault text, whole or inline, whose envelope parses (see `AnsibleVaultText`):
    /// carried to the passwords that open it, never reported itself.
    case ansibleVaultText = "ansible-vault-text"
    /// A Jasypt encryptor password (`jasypt.encryptor.password`): a literal, one word or
    /// generated (see `SealingPassword`).
    case jasyptPassword = "jasypt-password"
    /// A Jasypt `ENC(…)` value whose base64 decodes to at least a salt and a block (see
    /// `JasyptValue`): carried to the passwords that open it, never reported itself.
    case jasyptValue = "jasypt-value"
    /// A password that is one lowercase word (`goodspec`, `nextcloud`): as a connection password,
    /// and not a word that configuration and code write beside `password` instead of one
    /// (`enabled`, `string`, `required`).
    case wordPassword = "word-password"
    /// Nacos' token secret key: base64 of 32 bytes or more (see `NacosTokenKey`); its published
    /// default is a finding, not a placeholder.
    case nacosTokenKey = "nacos-token-key"
    /// A Cloudflare Tunnel token: base64 of JSON with the account's tag, the tunnel's UUID and its
    /// secret (see `CloudflareTunnelToken`).
    case cloudflareTunnelToken = "cloudflare-tunnel-token"
    /// An UploadThing v7 token: base64 of JSON with its secret key (`sk_live_` and 64 hex digits)
    /// and its app's id (see `UploadThingToken`).
    case uploadThingToken = "uploadthing-token"

    /// A password that seals texts the scan may find: kept, weak or not, until they are tried,
    /// since what it opens proves it (see `SealingPassword`).
    var isJudgedByWhatItOpens: Bool { self == .ansibleVaultPassword || self == .jasyptPassword }

    /// Whether a rule so validated carries texts to the keys that open them: its matches are never
    /// findings (sealed texts, Jenkins' stored secrets).
    var carries: Bool { SealedFormat.carries(self) || self == .jenkinsStoredSecret || self == .pkcs12SealedKeyStore }

    /// Whether `secret` is a default that a product publishes and ships, which its rule reports
    /// although it reads as a placeholder: whoever read the documentation holds it.
    func isPublishedDefault(_ secret: [UInt8]) -> Bool {
        self == .nacosTokenKey && NacosTokenKey.isPublishedDefault(secret)
    }
}
