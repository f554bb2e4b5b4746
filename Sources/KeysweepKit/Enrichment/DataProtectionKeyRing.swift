/// The dates that an ASP.NET Core Data Protection key ring file (`key-<id>.xml`) gives its master
/// key: `<creationDate>` and `<expirationDate>` (ISO 8601 in UTC, with fractions of a second), so
/// that the report says when the key stops protecting new data (90 days after its creation by
/// default; it still opens what it protected).
struct DataProtectionKeyRing {
    /// The rule that finds the master key.
    static let ruleID = "microsoft.aspnet.data-protection-key"

    let created: Timestamp?
    let expires: Timestamp?

    init(xml: [UInt8]) {
        created = Self.date(named: "creationDate", in: xml)
        expires = Self.date(named: "expirationDate", in: xml)
    }

    /// The text of the first `<name>` element, when it is a date.
    private static func date(named name: String, in xml: [UInt8]) -> Timestamp? {
        guard let start = xml.firstRange(of: Array("<\(name)>".utf8)),
              let end = xml[start.upperBound...].prefix(64).firstRange(of: Array("</\(name)>".utf8)) else { return nil }
        return Timestamp(iso8601: String(decoding: xml[start.upperBound..<end.lowerBound], as: UTF8.self))
    }
}
