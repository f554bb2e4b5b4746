import Testing
@testable import KeysweepKit

/// A blob id holds a SHA-1 or a SHA-256 id as git spells it, and nothing else.
@Suite struct BlobIDTests {
    static let sha1 = "0123456789abcdef0123456789abcdef01234567"
    static let sha256 = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

    @Test(arguments: [sha1, sha256])
    func hexRoundTrips(_ hex: String) throws {
        let id = try #require(BlobID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.byteCount == hex.count / 2)
        #expect(BlobID(hex: Array(hex.utf8)[...]) == id, "git's output, as bytes, parses alike")
        #expect(id.withUnsafeBytes { BlobID($0) } == id)
    }

    @Test(arguments: [
        "",
        String(sha1.dropLast()),  // 39 digits
        sha1 + "0",  // 41
        String(sha256.dropLast()),  // 63
        sha256 + "0",  // 65
        sha1.uppercased(),  // git spells ids in lowercase
        "g" + sha1.dropFirst(),
        " " + sha1.dropFirst(),
        String(sha1.dropLast()) + "\n",
    ])
    func invalidHexIsRefused(_ hex: String) {
        #expect(BlobID(hex: hex) == nil)
        #expect(BlobID(hex: Array(hex.utf8)) == nil)
    }

    @Test func aSHA1IDIsThePackStoresObjectID() throws {
        let id = try #require(BlobID(hex: Self.sha1))
        let objectID = try #require(id.objectID)
        #expect(objectID.hex == Self.sha1)
        #expect(BlobID(objectID) == id)
        #expect(ObjectID(hex: Self.sha1) == objectID)
        #expect(try #require(BlobID(hex: Self.sha256)).objectID == nil, "the pack store holds no SHA-256 id")
        #expect(ObjectID(hex: Self.sha256) == nil)
    }

    @Test func aSHA256IDIsNotTheSHA1IDItsFirstBytesSpell() throws {
        // The same 20 bytes, then zeros: only the length tells them apart.
        let short = try #require(BlobID(hex: Self.sha1))
        let long = try #require(BlobID(hex: Self.sha1 + String(repeating: "0", count: 24)))
        #expect(short != long)
        #expect(Set([short, long]).count == 2)
    }

    @Test func idsSortAsTheirHex() throws {
        let hexes = ["ff" + String(repeating: "0", count: 38), String(repeating: "0", count: 39) + "1",
                     String(repeating: "0", count: 38) + "10", "0123456789abcdef0123456789abcdef01234568", Self.sha1]
        let ids = try hexes.map { try #require(BlobID(hex: $0)) }
        #expect(ids.sorted().map(\.hex) == hexes.sorted())
    }

    @Test func theNullIDIsNull() throws {
        #expect(try #require(BlobID(hex: String(repeating: "0", count: 40))).isNull)
        #expect(try #require(BlobID(hex: String(repeating: "0", count: 64))).isNull)
        #expect(try !#require(BlobID(hex: Self.sha1)).isNull)
    }
}
