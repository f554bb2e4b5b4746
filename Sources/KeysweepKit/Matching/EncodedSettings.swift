/// `ewogICJ1IjogImh0dHBzOi8vbG9jYWxob3N0OjUwMDEiLAog…`: base64 of a JSON object of settings, not of
/// a secret (Squidex's embed token: `{"u": "https://localhost:5001", "a": "test", "s": "test",
/// "i": "24ed11ba-…"}`, a URL, an app's and a schema's names and a content id).
///
/// No member's name holds a secret word, and every string in it, in nested objects and arrays
/// too, is a URL without credentials or query, a UUID, or what `AssignmentValueFilter` takes for
/// no secret (a name, a word, a test value). A service account's key, a registry's `auths` or
/// a token's claims with a random string in them stay secrets.
enum EncodedSettings {
    /// How deep objects and arrays may nest, and how many strings and members are judged.
    private static let depthLimit = 4, memberLimit = 64

    static func holds(_ value: [UInt8]) -> Bool {
        // Base64 of `{` starts with `e`; the object is checked only when the value can be one.
        guard value.count >= 16, value.first == UInt8(ascii: "e"), let object = JWTShape.jsonObject(base64URL: value[...]),
              !object.isEmpty else { return false }
        var budget = memberLimit
        return holdsOnlySettings(object, depth: 0, budget: &budget)
    }

    private static func holdsOnlySettings(_ node: Any, depth: Int, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0, depth <= depthLimit else { return false }
        switch node {
        case let object as [String: Any]:
            return object.allSatisfy { name, member in
                !ValueShape.namesSecret(name.lowercased()) && holdsOnlySettings(member, depth: depth + 1, budget: &budget)
            }
        case let array as [Any]:
            return array.allSatisfy { holdsOnlySettings($0, depth: depth + 1, budget: &budget) }
        case let text as String:
            return isSettingText(Array(text.utf8))
        default:
            return true  // numbers, booleans and null
        }
    }

    private static func isSettingText(_ text: [UInt8]) -> Bool {
        guard !text.isEmpty else { return true }
        let lowered = String(decoding: text.map(KeywordPrefilter.fold), as: UTF8.self)
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
            return !lowered.contains("@") && !lowered.contains("?")
        }
        return AssignmentValueFilter.isUUID(text) || !AssignmentValueFilter.isPlausibleSecret(text)
    }
}
