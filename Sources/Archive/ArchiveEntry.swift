/// One entry of an archive, as its header describes it. Nothing here is trusted: the name is
/// shown as given (`../x`, `/etc/x`) and never used as a file-system path; the size is a claim.
public struct ArchiveEntry: Sendable {
    /// The member's name in the archive, bytes that are not UTF-8 replaced.
    public let path: String
    public let isRegularFile: Bool
    /// Whether its data is encrypted (zip), which libarchive cannot read without the password.
    public let isEncrypted: Bool
    /// The size the header claims, if it claims one.
    public let declaredSize: Int?
}
