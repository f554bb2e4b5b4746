/// One named part of a credential made of several: an AWS key id beside its secret key, the user
/// beside a password. Its own secret and locations; the finding's fingerprint covers only the
/// part that identifies it (see `CredentialPartName`).
public struct CredentialPart: Sendable {
    public let name: CredentialPartName
    public let rule: Rule
    public let secret: [UInt8]
    /// Sorted, without duplicates.
    public var locations: [Location]
}
