/// Checks HTTP Basic credentials (RFC 7617): base64 of printable `user:password`, padded or not
/// (a legacy `.dockercfg`), where the password is not a placeholder (`username:password`,
/// `user:<token>`, `admin:changeme`) and holds no test word (`test_password`).
enum BasicCredentials {
    static func isValid(_ secret: [UInt8]) -> Bool {
        guard let data = LenientBase64.decode(secret), let colon = data.firstIndex(of: UInt8(ascii: ":")),
              data.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
        let password = Array(data[(colon + 1)...])
        guard password.count >= 4 else { return false }
        let lowered = String(decoding: password, as: UTF8.self).lowercased()
        if ["password", "passwd", "pass", "secret", "changeme", "pwd"].contains(lowered) { return false }
        // `test_user:test_password`, `admin:dummy-pass`: made up for a test or a page.
        return !PlaceholderFilter.isPlaceholder(password) && !AssignmentValueFilter.holdsTestWord(password.map(KeywordPrefilter.fold))
    }
}
