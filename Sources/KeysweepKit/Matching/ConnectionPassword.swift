/// Decides whether the password of a connection URL or string (`scheme://user:PASSWORD@host`,
/// `Server=…;Password=…;`) is plausibly a real one.
///
/// Looser than `AssignmentValueFilter`: a weak password (`hunter`, `123456`) in a connection
/// string is still a credential that works somewhere, so one character class is enough. What is
/// left out is what documentation and drivers write there instead of a password: a reference or
/// a format directive (`%s`, `{0}`, `$DB_PASS`), a word that names the field (`password`, `pw`,
/// `remotePassword`), a stand-in (`foo:bar`), a test word, and Oracle's sample schema password
/// `tiger` (`scott/tiger`, in the documentation of most database drivers).
enum ConnectionPassword {
    /// Whole values that stand for a password rather than being one (case aside).
    private static let standIns: Set<[UInt8]> = Set([
        "password", "passwd", "pass", "pwd", "pw", "passwort", "secret", "foo", "bar", "baz", "qux",
        "tiger", "pass123", "password1", "password123",
    ].map { Array($0.utf8) })

    /// Words that mark a value as test data, as for generic assignments.
    private static let testWords: [[UInt8]] = ["test", "dummy", "fake", "sample", "mock"].map { Array($0.utf8) }

    static func isPlausible(_ value: [UInt8]) -> Bool {
        guard value.count >= 2 else { return false }
        if ValueShape.isReferenceOrExpression(value) || isFormatDirective(value) { return false }
        let lowered = withoutOptionalBrackets(value.map(KeywordPrefilter.fold))
        if standIns.contains(lowered) || namesTheField(lowered) { return false }
        return !testWords.contains { lowered.contains(subsequence: $0) }
    }

    /// `password]` of `postgres://[user][:password]@[host]`, `password]]` of
    /// `postgres://[user[:password]]@…`: a URL's syntax in documentation marks the parts one may
    /// leave out with brackets, and the field's name inside them is no password.
    private static func withoutOptionalBrackets(_ lowered: [UInt8]) -> [UInt8] {
        guard lowered.last == UInt8(ascii: "]"), !lowered.contains(UInt8(ascii: "[")) else { return lowered }
        return Array(lowered.reversed().drop { $0 == UInt8(ascii: "]") }.reversed())
    }

    /// Words that end a credential's field name. Fewer than `PlaceholderFilter`'s field names, which
    /// judge values of several words: a password of letters alone may end in `key`, `pass` or `pwd`
    /// (`whiskey`, `compass`).
    private static let fieldWords: [[UInt8]] = ["password", "passwd", "secret", "token", "apikey", "secretkey"]
        .map { Array($0.utf8) }

    /// `AuthToken`, `secretKey`, `remotePassword`, `APIKEY` (`lowered` is case-folded): letters
    /// alone, ending in the name of the field they stand in (Apprise's `twilio://AccountSid:AuthToken@…`).
    /// A product's name is no field's (`supertokens`).
    private static func namesTheField(_ lowered: [UInt8]) -> Bool {
        lowered.allSatisfy(ValueShape.isLowercase) && fieldWords.contains { lowered.suffix($0.count).elementsEqual($0) }
    }

    /// `%s`, `%d`, `%v`, `%1$s`, `%-20s`: one printf conversion, filled in by the code around it.
    static func isFormatDirective(_ value: [UInt8]) -> Bool {
        guard value.count >= 2, value.count <= 8, value.first == UInt8(ascii: "%"), let last = value.last,
              "sdvqrxiu".utf8.contains(last) else { return false }
        return value.dropFirst().dropLast().allSatisfy { "0123456789$-+. #".utf8.contains($0) }
    }
}
