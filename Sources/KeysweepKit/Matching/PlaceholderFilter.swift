/// Recognises values that only look like secrets: documentation placeholders, template variables,
/// masked or elided values (`****`, `sk_live_…(32)`, `abc...xyz`), a repeated character or unit
/// (`abcd1234abcd1234…`), a keyboard run such as `12345678` or the home row's letters mashed, a
/// field's name after `some` or `my` (`some_pass`, `mytoken`), or words that name the field or ask
/// for a value (`mariadb-password`, `SET_A_PASSWORD_HERE_123`).
/// Runs are listed both ways (`12345678` and `87654321`, `a1b2c3` and `c3b2a1`): documentation
/// counts down as often as up (`px-dep-d4c3b2a1-f6e5-h8g7-...`).
///
/// Applied to every rule's secret, because a scanner that reports `AKIAIOSFODNN7EXAMPLE` or
/// `${GITHUB_TOKEN}` trains people to ignore it.
enum PlaceholderFilter {
    private static let markers: [[UInt8]] = [
        "example", "xxxx", "changeme", "change_me", "change-me", "changethis", "replaceme", "replace_me", "replace-me", "replace-with", "replace_with",
        "placeholder", "place_holder", "your_", "your-", "yourkey", "<your", "redacted", "foobar", "${", "{{", "****",
        "12345678", "abcdefg", "abcdef1", "abc123def", "def456", "a1b2c3", "1a2b3c", "87654321", "c3b2a1", "\u{2026}", "...",
        // RFC 4122's example UUID (`123e4567-e89b-12d3-a456-426614174000`), documentation's stand-in
        // for any UUID-shaped key, with or without its dashes.
        "123e4567-e89b", "123e4567e89b",
        // Crowdin's in-context pseudo-language writes each string as its id, `crwdns934:0crwdne934:0`
        // (the `aa-ER` and `en-UD` translation folders of Snipe-IT and Cachet).
        "crwdns",
        // The programmer's sample text, which examples encode where a key goes (Tekton's
        // `ssh-privatekey: SGVsbG8sIHdvcmxkCg==`).
        "hello, world", "hello world",
        // A value that states what the real one must be (APISIX's docs: `key-length-should-be-32-chars123`,
        // `must-be-at-least-32-characters`).
        "should-be", "should_be", "must-be", "must_be", "at-least", "at_least",
        // A value that says it is none (ntfy's docs: `Abd13Kf+sfAk2DzifjafldkThisIsNotARealKeyOMG.`).
        "notareal", "not-a-real", "not_a_real",
        // "Your" as Chinese and Japanese documentation writes it before a name (`您的_API_KEY`,
        // GPT Researcher's Chinese README).
        "您的", "你的", "あなたの",
    ].map { Array($0.utf8) }

    /// Entropy (bits a byte) from which a value was drawn at random, not written by hand.
    static let generatedEntropy = 5.0

    static func isPlaceholder(_ secret: [UInt8]) -> Bool {
        guard let first = secret.first else { return true }
        if secret.allSatisfy({ $0 == first }) { return true }
        // Folded once: every candidate of every rule comes through here.
        let lowered = secret.map(KeywordPrefilter.fold)
        if isRepeatedUnit(lowered: lowered) || hasRepeatedGroups(secret) || isWrittenTwice(secret)
            || endsWithRepeatedGroup(lowered: lowered) || isHomeRowMash(lowered: lowered)
            || holdsKeyboardRow(lowered: lowered) || holdsSteppingPairs(lowered: lowered) {
            return true
        }
        // `<your-token>`: an angle-bracketed name; a lone `<` or `>` is punctuation of a password,
        // and so are both in a value drawn from many symbols (a WordPress salt has 5 bits or more
        // a byte, a name or a template tag in brackets 4.5 at most).
        if let open = secret.firstIndex(of: UInt8(ascii: "<")), secret[open...].contains(UInt8(ascii: ">")),
           Entropy.shannon(secret) < Self.generatedEntropy { return true }
        return markers.contains { lowered.contains(subsequence: $0) } || startsWithNamedStandIn(lowered) || namesItsField(lowered)
            || isAnonymousLoginPassword(lowered) || isBracketedName(secret) || conventionalPasswords.contains(lowered)
            || emptyInputDigests.contains(lowered)
    }

    /// `5e6f7a8b9c0d…`, `9a8b7c6d…`, `c3d4e5f6`: four pairs or more of a digit and a letter, each
    /// pair one step on from the last (digits up or down, letters up, `f` to `a` in hex), as made-up
    /// hex tokens are typed (Trigger.dev's Typeform webhook samples).
    static func holdsSteppingPairs(lowered: [UInt8]) -> Bool {
        guard lowered.count >= 8 else { return false }
        for start in 0...(lowered.count - 8) {
            let digitFirst = ValueShape.isDigit(lowered[start])
            var (pairs, direction) = (1, 0)
            var index = start
            while index + 3 < lowered.count {
                let (digit, letter) = digitFirst ? (lowered[index], lowered[index + 1]) : (lowered[index + 1], lowered[index])
                let next = index + 2
                let (nextDigit, nextLetter) = digitFirst ? (lowered[next], lowered[next + 1]) : (lowered[next + 1], lowered[next])
                guard [digit, nextDigit].allSatisfy(ValueShape.isDigit), [letter, nextLetter].allSatisfy(ValueShape.isLowercase),
                      nextLetter == letter + 1 || letter == UInt8(ascii: "f") && nextLetter == UInt8(ascii: "a") else { break }
                let step = (Int(nextDigit) - Int(digit) + 10) % 10
                guard step == 1 || step == 9, direction == 0 || direction == step else { break }
                direction = step
                pairs += 1
                if pairs >= 4 { return true }
                index += 2
            }
        }
        return false
    }

    /// MD5, SHA-1 and SHA-256 of no bytes at all: constants that code compares with (an AWS
    /// signature's empty payload) and documentation shows as a token's shape (acme.sh's
    /// `export DEDYN_TOKEN=d41d8cd98f00b204e9800998ecf8427e`). No one's secret.
    private static let emptyInputDigests: Set<[UInt8]> = Set([
        "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ].map { Array($0.utf8) })

    /// Passwords that a protocol's convention fixes, the same for everyone: GitHub's
    /// `x-oauth-basic`, sent beside a token given as the user name (Yarn's Git fetcher checks for
    /// it); the markers Composer stores as the password beside a GitLab or Bitbucket token
    /// (`oauth2`, `private-token`, `gitlab-ci-token`, `custom-headers`, `bearer`); FTP's
    /// `anonymous`; LDAP's `{crypt}x`, `{crypt}*` and `{crypt}!`, a hash no password matches, which
    /// locks an account.
    private static let conventionalPasswords: Set<[UInt8]> = Set(
        ["x-oauth-basic", "oauth2", "private-token", "gitlab-ci-token", "custom-headers", "bearer", "anonymous",
         "{crypt}x", "{crypt}*", "{crypt}!",
         // the password everyone uses for archives of malware samples, so that no scanner opens
         // them by mistake (TheHive's `attachment.password`, MalwareBazaar's and VirusTotal's zips)
         "infected", "malware"].map { Array($0.utf8) }
    )

    /// `[PASSWORD]`, `{feed_name}`: a field's name in brackets where its value goes, as templates
    /// that a script fills in write it (PowerShell's NuGet credentials template). Letters of one
    /// case: values drawn at random mix them. Also `<NAME_OF_IT` and `<name` with the bracket left open,
    /// and a word fenced by the same run of a symbol at both ends (`---invisible---`, `**hidden**`):
    /// the sentinel a form sends back for a password it did not show (HumHub's mail settings).
    static func isBracketedName(_ secret: [UInt8]) -> Bool {
        if let first = secret.first, "-*_=~#".utf8.contains(first) {
            let fence = secret.prefix { $0 == first }.count
            let word = secret.dropFirst(fence).dropLast(fence)
            if fence >= 2, word.count >= 3, secret.suffix(fence).allSatisfy({ $0 == first }),
               word.allSatisfy({ ValueShape.isLowercase($0) || ValueShape.isUppercase($0) }) {
                return true
            }
        }
        // `<API_KEY_GENERATED_IN_THE_WEB_UI`: a shouted name after an angle bracket left open.
        if secret.count >= 6, secret.first == UInt8(ascii: "<"), secret.contains(UInt8(ascii: "_")),
           secret.dropFirst().allSatisfy({ ValueShape.isUppercase($0) || ValueShape.isDigit($0) || $0 == UInt8(ascii: "_") }) {
            return true
        }
        // `<graphql` of `<graphql token>`: a lowercase name after an angle bracket, cut at the blank
        // between its words (Buildkite's usage text).
        if secret.count >= 4, secret.first == UInt8(ascii: "<"),
           secret.dropFirst().allSatisfy({ ValueShape.isLowercase($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) {
            return true
        }
        guard secret.count >= 4, let first = secret.first, let last = secret.last,
              first == UInt8(ascii: "[") && last == UInt8(ascii: "]") || first == UInt8(ascii: "{") && last == UInt8(ascii: "}")
        else { return false }
        let inner = secret.dropFirst().dropLast()
        guard inner.allSatisfy({ ValueShape.isIdentifierByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }),
              inner.contains(where: { ValueShape.isLowercase($0) || ValueShape.isUppercase($0) }) else { return false }
        return !inner.contains(where: ValueShape.isLowercase) || !inner.contains(where: ValueShape.isUppercase)
    }

    /// `guest@`, `busybox@`: what an anonymous FTP login sends as its password (RFC 1635 asks for
    /// an address, and clients send a name and `@`). BusyBox's `ftpget` writes `busybox@` beside
    /// its `anonymous` user; other scanners' tests list it as no secret.
    static func isAnonymousLoginPassword(_ lowered: [UInt8]) -> Bool {
        lowered.count >= 4 && lowered.last == UInt8(ascii: "@")
            && lowered.dropLast().allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    /// Field names that documentation writes after `some` or `my` in place of a value.
    private static let fieldNames: [[UInt8]] = [
        "password", "passwd", "pass", "pwd", "pw", "username", "user", "hostname", "host", "database", "db", "port",
        "apikey", "api_key", "api-key", "key", "token", "secret", "value",
    ].map { Array($0.utf8) }

    /// `some_pass`, `somepw`, `someuser%3B…`, `my-token`, `mypassword`: `some` or `my`, an optional
    /// `_` or `-`, and the name of the field, where the value belongs (`lowered` is case-folded).
    static func startsWithNamedStandIn(_ lowered: [UInt8]) -> Bool {
        for prefix in ["some", "my"].map({ Array($0.utf8) }) where lowered.starts(with: prefix) {
            var rest = lowered.dropFirst(prefix.count)
            if let first = rest.first, first == UInt8(ascii: "_") || first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            if fieldNames.contains(where: { rest.starts(with: $0) }) { return true }
        }
        return false
    }

    /// `xoxp-1234-1234-1234-…`, `sk-abcd-abcd-abcd-…`: the same group of three bytes or more three
    /// times in a row between `-`, `_`, `.` or `:`. Generated ids and secrets do not repeat a group.
    static func hasRepeatedGroups(_ secret: [UInt8]) -> Bool {
        let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")]
        let groups = secret.split(whereSeparator: { separators.contains($0) })
        guard groups.count >= 3 else { return false }
        for index in 2..<groups.count where groups[index].count >= 3 {
            if groups[index].elementsEqual(groups[index - 1]) && groups[index].elementsEqual(groups[index - 2]) { return true }
        }
        return false
    }

    /// `abcd1234abcd1234…`, `asdf1234asdf1234…`, `deadbeefdeadbeef…`, `asdfasdfasdf` (`lowered`
    /// is case-folded): one unit of 2 to 8 bytes written over and over, to 16 bytes or more or
    /// three times at least; also with the dashes of a UUID's layout between
    /// (`abcd1234-abcd-1234-abcd-1234abcd1234`, Checkov's tests).
    /// A generated secret never repeats itself so; someone filling a field does.
    static func isRepeatedUnit(lowered: [UInt8]) -> Bool {
        guard lowered.count >= 8 else { return false }
        let undashed = lowered.contains(UInt8(ascii: "-")) ? lowered.filter { $0 != UInt8(ascii: "-") } : lowered
        return (2...8).contains { unit in
            (lowered.count >= 16 || lowered.count >= 3 * unit) && repeats(lowered[...], unit: unit)
                || undashed.count >= 16 && undashed.count < lowered.count && repeats(undashed[...], unit: unit)
        }
    }

    /// Whether every byte of `bytes` is the byte `unit` places before it.
    private static func repeats(_ bytes: ArraySlice<UInt8>, unit: Int) -> Bool {
        bytes.indices.dropFirst(unit).allSatisfy { bytes[$0] == bytes[$0 - unit] }
    }

    /// `48e92789-57a3-466a-9959-1a1a1a1a1a1a`, `…-000000000000` (`lowered` is case-folded): a last
    /// group of eight bytes or more after `-` or `_` that is one unit of one or two bytes written over and over (a UUID typed by
    /// hand; a generated one has such a group once in 62^6 draws at best).
    static func endsWithRepeatedGroup(lowered: [UInt8]) -> Bool {
        guard let separator = lowered.lastIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }),
              separator > 0 else { return false }
        let group = lowered[(separator + 1)...]
        return group.count >= 8 && (1...2).contains { repeats(group, unit: $0) }
    }

    /// `slkfjhadlfakjhdslfkjahsdlf…` (`lowered` is case-folded): 12 letters or more of the
    /// keyboard's home row alone, fingers run over it to fill a field (rclone's Jottacloud test
    /// token is the base64 of one). A generated secret uses the whole alphabet.
    static func isHomeRowMash(lowered: [UInt8]) -> Bool {
        lowered.count >= 12 && lowered.allSatisfy { homeRow.contains($0) } && Set(lowered).count >= 4
    }

    private static let homeRow = Set("asdfghjkl".utf8)

    /// `akab-mnbvcxzlkjhgfdsapoiuytrewq1234567` (`lowered` is case-folded): a row of the keyboard
    /// run along, either way, in a value of a token's length (16 bytes or more). A short one is a
    /// weak password people do use (`Zxcvbnm` in a connection string), not a stand-in.
    static func holdsKeyboardRow(lowered: [UInt8]) -> Bool {
        lowered.count >= 16 && keyboardRows.contains { lowered.contains(subsequence: $0) }
    }

    private static let keyboardRows: [[UInt8]] = ["qwertyui", "poiuytre", "asdfghjk", "lkjhgfds", "zxcvbnm", "mnbvcxz"]
        .map { Array($0.utf8) }

    /// `aabbccddeeff00112233`: every character written twice, 16 bytes or more. Counting up the
    /// keyboard in pairs fills a field's length; no generator draws pairs.
    static func isWrittenTwice(_ secret: [UInt8]) -> Bool {
        guard secret.count >= 16, secret.count % 2 == 0 else { return false }
        return stride(from: 0, to: secret.count, by: 2).allSatisfy { secret[$0] == secret[$0 + 1] }
    }

    /// Words, split at `_`, `-`, `.` and blanks, that tell a reader to put a value in:
    /// `SET_A_PASSWORD_HERE_123`, `insert-token-here`, `KEY_GOES_HERE` (a word's trailing digits
    /// aside).
    private static let fillInWords: [[UInt8]] = ["here"].map { Array($0.utf8) }

    /// The names of a credential's fields, which a value made of words ends with when it names the
    /// field instead of filling it (`mariadb-password`, `db_pass`, `admin-secret`), perhaps before
    /// a number (`dev-api-key-123`).
    private static let credentialFieldNames: [[UInt8]] = [
        "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "key",
    ].map { Array($0.utf8) }

    /// `SET_A_PASSWORD_HERE_123`, `mariadb-password`: a value of words joined by `_`, `-` or `.`
    /// that asks to be filled in or names its own field (`lowered` is case-folded).
    static func namesItsField(_ lowered: [UInt8]) -> Bool {
        let separators = Array("_-. ".utf8)
        // Checked before splitting: this runs on every rule's every candidate, keys included.
        guard lowered.count <= 48, lowered.allSatisfy({ ValueShape.isIdentifierByte($0) || separators.contains($0) }) else { return false }
        let words = lowered.split(whereSeparator: { separators.contains($0) })
        guard words.count >= 2 else { return false }
        for word in words {
            var letters = Array(word)
            while let last = letters.last, ValueShape.isDigit(last) { letters.removeLast() }
            if fillInWords.contains(letters) { return true }
        }
        // `dev-api-key-123`, `search-key-789`: a number after the field's name counts the stand-ins.
        let named = words.last(where: { !$0.allSatisfy(ValueShape.isDigit) }).map { Array($0) }
        return named.map { last in credentialFieldNames.contains { last == $0 } } ?? false
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs contiguously in this array.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var start = 0
        while start <= count - needle.count {
            if self[start] == first && self[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
