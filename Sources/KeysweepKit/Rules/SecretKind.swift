/// What kind of credential a rule finds.
public enum SecretKind: String, Codable, Sendable, CaseIterable {
    case apiKey = "api-key"
    case accessToken = "access-token"
    case oauthClientSecret = "oauth-client-secret"
    case privateKey = "private-key"
    case password
    case connectionString = "connection-string"
    case webhookURL = "webhook-url"
    case certificate
    /// A file of keys or passwords under a password: PKCS#12, a Java KeyStore, a KeePass database.
    case keyStore = "key-store"
    /// A symmetric key that decrypts files kept beside it (Rails' `config/master.key`).
    case encryptionKey = "encryption-key"
}
