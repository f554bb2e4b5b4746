import Foundation

/// Decides whether the value of a generic `name = value` assignment is plausibly a literal secret.
///
/// Generic rules see every `password = …` in real code; most right-hand sides are references
/// (`os.environ[...]`, `process.env.X`, `$VAR`), identifiers (`user.password`), paths or URLs,
/// or human words. Those are rejected here so the generic rule stays quiet on ordinary code.
enum AssignmentValueFilter {
    /// Words that mark a value as test data or as the name of the thing rather than its value.
    private static let testWords: [[UInt8]] = [
        "test", "dummy", "fake", "sample", "mock", "fixture", "secret", "passw", "token", "credential",
    ].map { Array($0.utf8) }

    private static let fileExtensions = [
        ".pem", ".key", ".json", ".txt", ".yml", ".yaml", ".crt", ".p12", ".pfx", ".jks", ".cfg", ".conf", ".env",
        ".pub", ".asc", ".gpg", ".der", ".cer", ".p8", ".ppk", ".keystore",
        ".png", ".jpg", ".gif", ".svg", ".webp", ".ico",
        // programs and scripts (`Chrome Password Recovery,ChromePass.exe`: Velociraptor's list of tools)
        ".exe", ".dll", ".msi", ".bat", ".cmd", ".ps1", ".sh",
    ]

    /// Whether the value has the shape of a literal secret rather than a reference, an expression,
    /// a path or a word. Decided from the shape of the whole value (`$NAME`, `os.getenv(`,
    /// `a.b.c`, `{cipher}...}`), so a password may contain `$`, `(`, `.` or `%` anywhere.
    static func isPlausibleSecret(_ value: [UInt8]) -> Bool {
        let value = withoutTrailingEscapes(value)
        guard !value.isEmpty else { return false }
        if isForeignText(repairingDoubleEncoding(decodingEscapedLetters(value))) || holdsPublicKey(value)
            || isWordsOnEscapedLines(value) || isFieldDescription(value) || endsInCutCharacterReference(value)
            || isCompoundLabel(value) {
            return false
        }
        if ValueShape.isReferenceOrExpression(value) { return false }
        // `eyJ…` with dots is a JSON Web Token: `jwt.token` judges those, with its own shape checks
        // and its list of documentation tokens, so a context rule does not report one it refused.
        if value.starts(with: Array("eyJ".utf8)), value.contains(UInt8(ascii: ".")) { return false }
        // `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`: a token's header alone (`{"alg":"HS256","typ":"JWT"}`),
        // the same in every token so signed, shown where documentation cuts a token short.
        if isJOSEHeader(value) { return false }
        // `6258:Ahjtskx7_…`: a Telegram bot token's shape with a bot id or a secret of the wrong
        // length is a made-up token, not a secret of unknown kind.
        if isMalformedTelegramBotToken(value) { return false }
        if endsWithMadeUpUUID(value) { return false }
        // C preprocessor token pasting (`MLKEM##x##_private_key`).
        if value.contains(subsequence: Array("##".utf8)) { return false }
        let lowered = value.map(KeywordPrefilter.fold)
        if holdsTestWord(lowered) { return false }
        let text = String(decoding: lowered, as: UTF8.self)
        if ValueShape.isPath(text) && !RandomLetters.holdsWithDigits(value) || ValueShape.isLowercaseRoute(value)
            || ValueShape.isDottedLowercaseName(value) || ValueShape.isWordPath(value) || ValueShape.isImageReference(value)
            || ValueShape.isScopedPackage(value) || ValueShape.isMailAddress(value) {
            return false
        }
        // `unicode/3299.png?v8`: a file's name, with a query that busts a cache.
        let file = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(text)
        if fileExtensions.contains(where: { file.hasSuffix($0) }) { return false }
        if looksLikeIdentifier(value) || ValueShape.isConstantName(value) || ValueShape.isWordIdentifier(value),
           !RandomLetters.holds(value) { return false }
        // Last: decoding base64 costs more than the shape checks above.
        return characterClassCount(value) >= 2 && !encodesTestText(value) && !EncodedSettings.holds(value)
    }

    /// `Hashing:\n` in `"Password Hashing:\n"`: the escapes that end a string's line are not
    /// part of a value, nor a roff font change (`false\f[R]` in a man page), a no-break space or an
    /// escaped quotation mark after it.
    private static func withoutTrailingEscapes(_ value: [UInt8]) -> [UInt8] {
        var value = value
        while value.count >= 2, value[value.count - 2] == UInt8(ascii: "\\"), "nrt".utf8.contains(value[value.count - 1]) {
            value.removeLast(2)
        }
        // `\f[R]`, `\f[]`, `\fP`: roff returning to the regular font after a word set in another.
        if let escape = value.lastIndex(of: UInt8(ascii: "\\")), escape + 1 < value.count, value[escape + 1] == UInt8(ascii: "f"),
           isRoffFontChange(value[(escape + 2)...]) {
            value.removeSubrange(escape...)
        }
        // `ConvertTo-SecureString\u{A0}"…"`: a no-break space (UTF-8 `C2 A0`), which documents
        // pasted from word processors put between words, ends a value as a blank does.
        while value.count >= 2, value[value.count - 2] == 0xC2, value[value.count - 1] == 0xA0 { value.removeLast(2) }
        // `prices.\u201d`: a quotation mark escaped as JSON and JavaScript write it closes a quotation
        // in text, as the mark itself does (a research agent's JSON report).
        while let mark = trailingUnicodeEscape(value), isQuotationMark(mark) { value.removeLast(6) }
        return value
    }

    /// The character of a `\uXXXX` escape that ends the value.
    private static func trailingUnicodeEscape(_ value: [UInt8]) -> Unicode.Scalar? {
        guard value.count >= 6, value[value.count - 6] == UInt8(ascii: "\\"), value[value.count - 5] == UInt8(ascii: "u"),
              let code = UInt32(String(decoding: value.suffix(4), as: UTF8.self), radix: 16) else { return nil }
        return Unicode.Scalar(code)
    }

    /// `"`, `'` and the marks that open or close a quotation (`\u{201D}`, `\u{00BB}`, `\u{300D}`).
    private static func isQuotationMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\"" || scalar == "'" { return true }
        switch scalar.properties.generalCategory {
        case .initialPunctuation, .finalPunctuation: return true
        case .openPunctuation, .closePunctuation: return (0x300C...0x300F).contains(scalar.value)
        default: return false
        }
    }

    /// `for\nUSERNAME?`: words on lines that a string breaks with `\n`, a message's text (a layout's
    /// `tools:text="Update password for\nUSERNAME?"`), each line letters and perhaps a closing mark.
    private static func isWordsOnEscapedLines(_ value: [UInt8]) -> Bool {
        let lines = String(decoding: value, as: UTF8.self).components(separatedBy: "\\n")
        return lines.count >= 2 && lines.allSatisfy { line in
            let letters = line.utf8.reversed().drop { "?!.:,".utf8.contains($0) }
            return !letters.isEmpty && letters.allSatisfy { ValueShape.isLowercase($0) || ValueShape.isUppercase($0) }
        }
    }

    /// What follows roff's `\f`: one font letter, or a font's name in brackets (empty for the
    /// previous font).
    private static func isRoffFontChange(_ rest: ArraySlice<UInt8>) -> Bool {
        if rest.count == 1 { return rest.allSatisfy(ValueShape.isUppercase) }
        return rest.first == UInt8(ascii: "[") && rest.last == UInt8(ascii: "]") && rest.count <= 5
            && rest.dropFirst().dropLast().allSatisfy(ValueShape.isUppercase)
    }

    /// `Lösenord`, `Contraseña:`, `OAuth-klientnøkkel`, `CLI密码`, `2FA驗證碼`, a sentence of a
    /// translation: the label of a password field as translation files write it
    /// (`Password=Lösenord` in Jenkins' `_sv_SE.properties`). Letters, one at least outside ASCII;
    /// ASCII digits fewer than those letters; no ASCII symbol but a label's `-`, `'`, `:`, `.`, `/`
    /// (`Usuário/Senha`) and blanks; other scripts' punctuation. `w57äöüw4b6huwb6nhu` and
    /// `Grün3!Kx9wQ` are passwords.
    /// The value is read as `Character`s here, not bytes: only Unicode's classes tell a letter of
    /// another script from its punctuation. Bytes that are not UTF-8 are read as ISO-8859-1, the
    /// encoding Java's `.properties` files have by definition (`Contrase\u{F1}a` in a jar's
    /// `config_es.properties`).
    ///
    /// A message in another script is text too, whatever ASCII it holds, when it has that script's
    /// punctuation or a `MessageFormat` argument (`加载密码文件错误：[{0}]`,
    /// `Cookie属性名[{0}]はトークンではないため無効です`: Tomcat's `LocalStrings_zh_CN.properties`):
    /// no password holds `，` or `：`, nor `{0}` among letters of another script. Nor does a
    /// password hold words of Japanese, Chinese or Korean, three of their letters in a row
    /// (`サービスアカウントの認証情報(JSON)`, `\"%1\"のパスワードを編集中`: Wekan's and NodeBB's
    /// translations, with ASCII symbols around the words). A message's named arguments are not
    /// its text (`Évad{seasonNumber}`, Sonarr's Hungarian).
    static func isForeignText(_ value: [UInt8]) -> Bool {
        guard value.contains(where: { $0 >= 0x80 }) else { return false }
        let withoutArguments = removingNamedArguments(value)
        if withoutArguments.count < value.count { return !withoutArguments.isEmpty && isForeignText(withoutArguments) }
        let text = String(validating: value, as: UTF8.self) ?? String(String.UnicodeScalarView(value.map { Unicode.Scalar($0) }))
        var foreignLetters = 0, asciiLetters = 0, digits = 0, foreignPunctuation = false, onlyLabelSymbols = true
        var ideographicRun = 0
        for character in text {
            ideographicRun = character.unicodeScalars.first.map(isIdeographicScriptLetter) == true ? ideographicRun + 1 : 0
            if ideographicRun >= 3 { return true }
            if character.isASCII {
                if character.isNumber { digits += 1; continue }
                if character.isLetter { asciiLetters += 1 }
                // `Zapomniałeś?`: a question that ends a link's label ("Forgot?").
                let endsQuestion = character == "?" && text.last == character
                if !(character.isLetter || " -':./".contains(character) || endsQuestion) { onlyLabelSymbols = false }
            } else if character.isLetter {
                foreignLetters += 1
            } else if character.isPunctuation {
                foreignPunctuation = true
            } else if !character.isWhitespace {
                return false
            }
        }
        // `S3-åtkomstnyckel` (Swedish for "S3 access key"): one digit among a label's many letters;
        // `¿Olvidaste` (Redmine's Spanish): a word after another script's punctuation.
        if onlyLabelSymbols {
            // `¿Generar`: a question opened as Spanish opens it, a word of six letters or more.
            let opensQuestion = text.first == "¿" || text.first == "¡"
            return (foreignLetters >= 1 || foreignPunctuation)
                && (digits < foreignLetters || digits <= 1 && foreignLetters + asciiLetters >= (opensQuestion ? 6 : 8))
        }
        return foreignLetters >= 2 && (foreignPunctuation || holdsMessageArgument(value))
    }

    /// `contraseÃ±as` → `contraseñas`: UTF-8 read as ISO-8859-1 and written as UTF-8 again (Webmin's
    /// Spanish and Turkish translations), undone when every character fits one byte and those
    /// bytes are UTF-8 again. Other values are returned as they are.
    static func repairingDoubleEncoding(_ value: [UInt8]) -> [UInt8] {
        guard value.contains(where: { $0 >= 0xC2 }), let text = String(validating: value, as: UTF8.self),
              text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return value }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        return String(validating: bytes, as: UTF8.self) == nil ? value : bytes
    }

    /// Nouns for a secret or a key in German, Dutch and the Nordic languages, written in ASCII
    /// (`ü` as `ue` or `u`, `ø` as `o`), as compound labels end in them.
    private static let secretNouns: [[UInt8]] = [
        "geheimnis", "schluessel", "schlussel", "sleutel", "nyckel", "nokkel", "noegle", "hemlighet",
        "hemmelighed", "hemmelighet",
    ].map { Array($0.utf8) }

    /// `OAuth2-Clientgeheimnis`, `API-Schluessel`: a translation's label in ASCII, a compound that
    /// ends in a noun for a secret or a key after a word of its own (German, Dutch and the Nordic
    /// languages put the head noun last). Letters, fewer digits, `-` and blanks; the noun alone
    /// (`Geheimnis`) or not last (`geheimnis2024x`) may be a password.
    static func isCompoundLabel(_ value: [UInt8]) -> Bool {
        let lowered = value.map(KeywordPrefilter.fold)
        guard let noun = secretNouns.first(where: { lowered.suffix($0.count).elementsEqual($0) }), value.count >= noun.count + 3,
              value.allSatisfy({ isLabelByte($0) || ValueShape.isDigit($0) }) else { return false }
        let digits = value.count(where: ValueShape.isDigit)
        return digits * 2 < value.count && value.dropLast(noun.count).suffix(3).allSatisfy(isLabelByte)
    }

    /// A letter of a label in ASCII, or the `-` and blank between its words.
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        ValueShape.isLowercase(byte) || ValueShape.isUppercase(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
    }

    /// `script,3,None`, `Administratorpassord,12`: a field's description and then its type and
    /// options, numbers after commas, as Webmin's `config.info` files write them. A word (letters
    /// of any script, `-`) of three letters or more, then one or two digits.
    static func isFieldDescription(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: ","), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].count >= 3, (1...2).contains(parts[1].count), parts[1].allSatisfy(ValueShape.isDigit)
        else { return false }
        return parts[0].allSatisfy { byte in
            ValueShape.isLowercase(byte) || ValueShape.isUppercase(byte) || byte == UInt8(ascii: "-") || byte >= 0x80
        }
    }

    /// `SMTP&#45`: a value cut at the `;` of an HTML character reference (Webmin's German labels,
    /// `SMTP&#45;Passwort`).
    static func endsInCutCharacterReference(_ value: [UInt8]) -> Bool {
        let digits = value.reversed().prefix(while: ValueShape.isDigit).count
        guard (2...5).contains(digits), value.count > digits + 2 else { return false }
        return value[value.count - digits - 2] == UInt8(ascii: "&") && value[value.count - digits - 1] == UInt8(ascii: "#")
    }

    /// `Parol&#259;` → `Parolă`, `Contrase\xF1a` → `Contraseña`: letters outside ASCII written as
    /// HTML's numeric character references (decimal or `&#x…;`, translations written for web pages:
    /// ZoneMinder's Romanian) or as JavaScript's `\xNN` and `\uNNNN` escapes (a bundler's minified
    /// translations: Crater's), as UTF-8. Escapes of ASCII are left as they are.
    static func decodingEscapedLetters(_ value: [UInt8]) -> [UInt8] {
        guard value.contains(subsequence: Array("&#".utf8)) || value.contains(UInt8(ascii: "\\")) else { return value }
        var decoded: [UInt8] = []
        var index = 0
        while index < value.count {
            if let (scalar, length) = escapedLetter(in: value, at: index) {
                decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += length
                continue
            }
            decoded.append(value[index])
            index += 1
        }
        return decoded
    }

    /// The letter outside ASCII that an escape at `index` stands for, and the escape's length.
    private static func escapedLetter(in value: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index + 3 < value.count else { return nil }
        let digits: ArraySlice<UInt8>, radix: Int, length: Int
        switch (value[index], value[index + 1]) {
        case (UInt8(ascii: "&"), UInt8(ascii: "#")):
            guard let end = value[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let hex = index + 2 < end && (value[index + 2] == UInt8(ascii: "x") || value[index + 2] == UInt8(ascii: "X"))
            (digits, radix, length) = (value[(index + (hex ? 3 : 2))..<end], hex ? 16 : 10, end + 1 - index)
        case (UInt8(ascii: "\\"), UInt8(ascii: "x")):
            (digits, radix, length) = (value[(index + 2)..<(index + 4)], 16, 4)
        case (UInt8(ascii: "\\"), UInt8(ascii: "u")):
            guard index + 5 < value.count else { return nil }
            (digits, radix, length) = (value[(index + 2)..<(index + 6)], 16, 6)
        default:
            return nil
        }
        guard radix == 10 || digits.allSatisfy(ValueShape.isHexDigit),
              let code = UInt32(String(decoding: digits, as: UTF8.self), radix: radix), code >= 0x80,
              let scalar = Unicode.Scalar(code) else { return nil }
        return (scalar, length)
    }

    /// Hiragana, Katakana, the CJK ideographs and Hangul syllables: scripts whose words are runs
    /// of such letters.
    private static func isIdeographicScriptLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// `value` without its `{name}` arguments (ICU's MessageFormat, i18next without its second
    /// braces), a name of two words or more in camel or snake case (`{seasonNumber}`, `{user_name}`).
    private static func removingNamedArguments(_ value: [UInt8]) -> [UInt8] {
        guard value.contains(UInt8(ascii: "{")) else { return value }
        var kept: [UInt8] = []
        var index = 0
        while index < value.count {
            if value[index] == UInt8(ascii: "{"), let close = value[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
               isNamedArgument(value[(index + 1)..<close]) {
                index = close + 1
                continue
            }
            kept.append(value[index])
            index += 1
        }
        return kept
    }

    private static func isNamedArgument(_ name: ArraySlice<UInt8>) -> Bool {
        guard let first = name.first, ValueShape.isLowercase(first),
              name.allSatisfy({ ValueShape.isIdentifierByte($0) && !ValueShape.isDigit($0) }) else { return false }
        let joins = zip(name, name.dropFirst()).contains { ValueShape.isLowercase($0) && ValueShape.isUppercase($1) }
        return joins || name.contains(UInt8(ascii: "_"))
    }

    /// `{0}` to `{9}`: an argument of Java's `MessageFormat` (and .NET's `string.Format`).
    private static func holdsMessageArgument(_ value: [UInt8]) -> Bool {
        // `$1` too, as Webmin's translations write an argument (`گذرواژه$1`).
        value.indices.dropLast(2).contains { index in
            value[index] == UInt8(ascii: "{") && ValueShape.isDigit(value[index + 1]) && value[index + 2] == UInt8(ascii: "}")
        } || value.indices.dropLast().contains { value[$0] == UInt8(ascii: "$") && ValueShape.isDigit(value[$0 + 1]) }
    }

    /// Keys that providers make to be published in web pages and apps: PostHog's project key
    /// (`phc_`), Stripe's publishable keys (`pk_live_`, `pk_test_`), Mapbox's public tokens
    /// (`pk.eyJ`), Flutterwave's public key, Mailgun's public validation key, Datadog's client
    /// tokens for browser RUM and logs (`pub` and 32 hex digits). A generic rule's name beside one
    /// (`POSTHOG_KEY=phc_…`, `client_token = "pub…"`) does not make it a secret. Also a P-256 public
    /// key as Web Push writes it (`VapidKey: "BIt4…"`, mautrix' bridges): base64 of an uncompressed
    /// point, 65 bytes that start with `04`.
    static func holdsPublicKey(_ value: [UInt8]) -> Bool {
        publicKeyPrefixes.contains { value.starts(with: $0) } || isDatadogClientToken(value) || isUncompressedPoint(value)
    }

    private static func isUncompressedPoint(_ value: [UInt8]) -> Bool {
        guard value.count == 87 || value.count == 88, value.first == UInt8(ascii: "B"),
              let bytes = LenientBase64.decode(value) else { return false }
        return bytes.count == 65 && bytes[0] == 0x04
    }

    private static func isDatadogClientToken(_ value: [UInt8]) -> Bool {
        value.count == 35 && value.starts(with: Array("pub".utf8))
            && value.dropFirst(3).allSatisfy(ValueShape.isLowercaseHexDigit)
    }

    private static let publicKeyPrefixes: [[UInt8]] = ["phc_", "pk_live_", "pk_test_", "pk.eyJ", "FLWPUBK", "pubkey-"]
        .map { Array($0.utf8) }

    /// Whether `lowered` (case-folded) holds a test word, also spelled with digits and symbols.
    static func holdsTestWord(_ lowered: [UInt8]) -> Bool {
        let spelled = lowered.map(unLeet)
        return testWords.contains { spelled.contains(subsequence: $0) }
    }

    /// `dXNlcm5hbWU6cGFzc3dvcmQ=`, `YS1naXQtdG9rZW4=`, `0x7465737470617373776f7264`: base64 or
    /// `0x` hex of printable text that is a placeholder or holds a test word (`username:password`,
    /// `a-git-token`, `testpassword`), as tests write the encoded form of a made-up credential;
    /// with `orPath`, also a URL or a path (a Kubernetes Secret's `apiAddress`). Random bytes
    /// seldom decode to printable text.
    static func encodesTestText(_ value: [UInt8], orPath: Bool = false) -> Bool {
        guard let text = hexText(value) ?? base64Text(value) else { return false }
        let lowered = text.map(KeywordPrefilter.fold)
        if orPath, ValueShape.isPath(String(decoding: lowered, as: UTF8.self)) { return true }
        return PlaceholderFilter.isPlaceholder(text) || holdsTestWord(lowered)
    }

    /// What base64 `value` encodes, when that is printable text of four bytes or more, less the
    /// line end that `echo text | base64` encodes with it (`SGVsbG8sIHdvcmxkCg==`).
    private static func base64Text(_ value: [UInt8]) -> [UInt8]? {
        guard value.count >= 8, value.count % 4 == 0, let data = Data(base64Encoded: Data(value)) else { return nil }
        var text = Array(data)
        if text.last == UInt8(ascii: "\n") {
            text.removeLast()
            if text.last == UInt8(ascii: "\r") { text.removeLast() }
        }
        guard text.count >= 4, text.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return text
    }

    /// Base64url of a JSON object whose members are a JOSE header's only (`alg`, `typ`, `kid`,
    /// `cty`): a JSON Web Token's first part, which holds no secret.
    static func isJOSEHeader(_ value: [UInt8]) -> Bool {
        guard value.starts(with: Array("eyJ".utf8)), !value.contains(UInt8(ascii: ".")),
              let header = JWTShape.jsonObject(base64URL: value[...]), header["alg"] != nil else { return false }
        return header.keys.allSatisfy { ["alg", "typ", "kid", "cty"].contains($0) }
    }

    /// `0x70617373776f7264`: text written as `0x` and hex (a wallet's password in ethers.js' test
    /// vectors), when it is printable text of four bytes or more; without `0x`, of eight bytes or
    /// more (`7468697320697320612074657374206b6579`, "this is a test key", Inngest's CI signing key).
    private static func hexText(_ value: [UInt8]) -> [UInt8]? {
        let prefixed = value.starts(with: Array("0x".utf8))
        guard value.count >= (prefixed ? 10 : 16), let text = ValueShape.bytes(ofHex: value.dropFirst(prefixed ? 2 : 0)),
              text.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return text
    }

    /// `Fido2Credentials = fido2Credentials`, `apiKey: apiKey`, `ACCESS_TOKEN=access_token`: a
    /// value of identifier characters that ends in the name it is assigned to, or in its plural
    /// (case, `_` and `-` aside), passes a variable on; it is no secret. So does an action's type
    /// (Redux's `SET_COMPONENT_CREDENTIALS = '@canvas/SET_COMPONENT_CREDENTIALS'`), a path of such
    /// segments whose last one is the name. `name` is the matched text before the value, from the
    /// rule's name word (`Credentials = `).
    static func echoesName(_ value: [UInt8], name: [UInt8]) -> Bool {
        let segment = value.lastIndex(of: UInt8(ascii: "/")).map { Array(value[($0 + 1)...]) } ?? value
        let path = value.dropLast(segment.count)
        guard segment.allSatisfy(ValueShape.isIdentifierByte),
              path.allSatisfy({ ValueShape.isIdentifierByte($0) || "@/-".utf8.contains($0) }) else { return false }
        let end = name.lastIndex(where: ValueShape.isIdentifierByte).map { $0 + 1 } ?? 0
        let start = name[..<end].lastIndex { !ValueShape.isIdentifierByte($0) && $0 != UInt8(ascii: "-") }.map { $0 + 1 } ?? 0
        func spelled(_ text: some Sequence<UInt8>) -> [UInt8] {
            text.filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") }.map(KeywordPrefilter.fold)
        }
        let word = spelled(name[start..<end])
        guard !word.isEmpty else { return false }
        // Or its plural: the collection a loop takes the name from (`for (Saml2X509Credential
        // credential : verificationX509Credentials)`).
        let value = spelled(segment)
        return value.reversed().starts(with: word.reversed()) || value.reversed().starts(with: ([UInt8(ascii: "s")] + word.reversed()))
    }

    /// `TransportCreds: transportCredsForS2A,`, `Credentials S3ExpressCredentialsProvider` (a Go
    /// struct's field), `var respCreds ec2RoleCredRespBody`: an unquoted compound identifier
    /// (`isCompoundIdentifier`) in camel case beside a credential's name is a variable or a type
    /// in code. Values with punctuation (`Tr0ub4dor&3`) and without a lowercase letter followed by
    /// a capital (`abcd1234efgh5678`) are left to the other tests.
    ///
    /// A quote at the end of `name` (the matched text before the value) makes the value a string
    /// literal, which still names a type or an option when every letter of it is in a word
    /// (`CamelCaseName`): `__all__ = ['OAuth2AccessToken', 'OAuth2Application']`, `"-Token",
    /// "-V2SocketServerMode"` (an option's dashes are no part of the name).
    static func isCodeName(_ value: [UInt8], name: [UInt8]) -> Bool {
        guard isQuoted(afterName: name) else {
            guard value.allSatisfy(ValueShape.isIdentifierByte) else { return false }
            let camelCase = zip(value, value.dropFirst()).contains { ValueShape.isLowercase($0) && ValueShape.isUppercase($1) }
            return camelCase && isCompoundIdentifier(value)
        }
        let word = Array(value.drop { $0 == UInt8(ascii: "-") })
        return word.count >= 8 && value.count - word.count <= 2 && word.dropFirst().contains(where: ValueShape.isUppercase)
            && CamelCaseName.holds(word)
    }

    /// Whether the value after `name` (the matched text before it) opens with a quote.
    static func isQuoted(afterName name: [UInt8]) -> Bool {
        name.last.map { "\"'`".utf8.contains($0) } ?? false
    }

    /// `LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t…`: base64 of a certificate, a public key or a
    /// revocation list, which a Kubernetes Secret holds beside its keys (`ca.crt`, `tls.crt`) and
    /// which are public. Padded or not; its first bytes are enough.
    static func encodesPublicMaterial(_ value: [UInt8]) -> Bool {
        guard let decoded = LenientBase64.decode(value.prefix(64)) else { return false }
        return publicMarkers.contains { decoded.starts(with: $0) }
    }

    private static let publicMarkers: [[UInt8]] = [
        "-----BEGIN CERTIFICATE", "-----BEGIN PUBLIC KEY", "-----BEGIN RSA PUBLIC KEY", "-----BEGIN X509 CRL",
        "-----BEGIN TRUSTED CERTIFICATE", "ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-",
    ].map { Array($0.utf8) }

    /// Whether the value of a name that ends in `key` is plausibly a literal key.
    ///
    /// Names ending in `key` are everywhere in code (`baseKey: Curve25519PublicKeyImpl`,
    /// `forKey: "retainHTTPMethodAndBodyOn301"`, `zKey = (0==strglob(`), and keys, unlike passwords,
    /// are tokens: base64, hex or base62 with `-_.+/=~`. So on top of `isPlausibleSecret` the value
    /// must be one such token, and not a compound identifier: words of four or more letters joined
    /// with at most one digit-to-letter step (`ASN1ImplicitlyTaggable`, `concurrentHTTP1Connections`),
    /// where a random base62 value of 16 or more bytes has several.
    static func isPlausibleKey(_ value: [UInt8]) -> Bool {
        guard isPlausibleSecret(value) else { return false }
        let tokenPunctuation = Array("-_.+/=~".utf8)
        guard value.allSatisfy({ ValueShape.isIdentifierByte($0) || tokenPunctuation.contains($0) }) else { return false }
        // `StrictHostKeyChecking=no`: an option, name=value; base64 pads only at the end.
        if let equals = value.firstIndex(of: UInt8(ascii: "=")), value[equals...].contains(where: ValueShape.isIdentifierStart) {
            return false
        }
        // `dTfyELRrAICGDwzjHDjuhw==`: base64 padded to its length is no identifier, whatever words
        // its letters happen to spell (OpenMRS' default AES key).
        return isPaddedBase64(value) || !isCompoundIdentifier(value) && !isKebabCaseName(value)
    }

    /// `openobserve-amd64`, `docs-build-cache`: lowercase words joined by `-`, digits only ending a
    /// word: a name (a CI cache's `shared-key`), not a key; `ab3x-yz9k` and random letters are keys.
    private static func isKebabCaseName(_ value: [UInt8]) -> Bool {
        let dash = UInt8(ascii: "-")
        guard value.contains(dash), value.allSatisfy({ ValueShape.isLowercase($0) || ValueShape.isDigit($0) || $0 == dash }),
              !RandomLetters.holds(value) else { return false }
        return ValueShape.isWordIdentifier(value.map { $0 == dash ? UInt8(ascii: "_") : $0 })
    }

    /// Base64 of a length a multiple of four that ends in `=` or `==`.
    private static func isPaddedBase64(_ value: [UInt8]) -> Bool {
        guard value.count % 4 == 0, value.last == UInt8(ascii: "=") else { return false }
        let body = value.reversed().drop { $0 == UInt8(ascii: "=") }
        return value.count - body.count <= 2 && body.allSatisfy(ValueShape.isBase64Digit)
    }

    /// `ASN1ImplicitlyTaggable`, `previousX509PrivateKey`, `absentUInt8EnumArray`: two or more
    /// words of four or more letters (`Word` or a lowercase run) and at most one digit followed
    /// by a letter.
    static func isCompoundIdentifier(_ value: [UInt8]) -> Bool {
        let isLower = ValueShape.isLowercase, isUpper = ValueShape.isUppercase, isDigit = ValueShape.isDigit
        var words = 0, digitThenLetter = 0, index = 0
        while index < value.count {
            let byte = value[index]
            if index > 0, isDigit(value[index - 1]), isLower(byte) || isUpper(byte) { digitThenLetter += 1 }
            guard isLower(byte) || isUpper(byte) else { index += 1; continue }
            // A word: an optional capital, then lowercase letters, four letters or more in all.
            var end = index + 1
            while end < value.count, isLower(value[end]) { end += 1 }
            if end - index >= 4, isLower(value[end - 1]) { words += 1 }
            index = end
        }
        return words >= 2 && digitThenLetter <= 1
    }

    /// Digits, `:A`, then 20 or more of `[A-Za-z0-9_-]` (a Telegram bot id and its secret), but not
    /// the documented layout: a bot id of 5 to 16 digits and `A` with 34 more characters
    /// (`123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11`), which generic rules may still report.
    static func isMalformedTelegramBotToken(_ value: [UInt8]) -> Bool {
        guard let colon = value.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 21 < value.count,
              value[..<colon].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              value[colon + 1] == UInt8(ascii: "A"),
              value[(colon + 2)...].allSatisfy({ ValueShape.isIdentifierByte($0) || $0 == UInt8(ascii: "-") })
        else { return false }
        return !((5...16).contains(colon) && value.count - colon - 2 == 34)
    }

    /// `px-dep-d4c3b2a1-f6e5-h8g7-j1i8-p5o0n5m3l2k1`: a UUID's 8-4-4-4-12 layout at the end of the
    /// value, typed with letters past `f`. Keys in UUID layout (Pixie, Heroku, npm legacy) are hex;
    /// this is someone's placeholder.
    static func endsWithMadeUpUUID(_ value: [UInt8]) -> Bool {
        guard value.count >= 36 else { return false }
        let tail = value.suffix(36)
        if value.count > 36, ValueShape.isIdentifierByte(value[value.count - 37]) { return false }
        var pastF = false
        for (offset, byte) in tail.enumerated() {
            if uuidDashOffsets.contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
                continue
            }
            guard ValueShape.isIdentifierByte(byte), byte != UInt8(ascii: "_") else { return false }
            let lowered = KeywordPrefilter.fold(byte)
            if (UInt8(ascii: "g")...UInt8(ascii: "z")).contains(lowered) { pastF = true }
        }
        return pastF
    }

    /// `p@ssw0rd`, `super$ecret`, `t0k3n`: digits and symbols that stand for letters, undone so
    /// that the test words are found in them too.
    private static func unLeet(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "$"), UInt8(ascii: "5"): UInt8(ascii: "s")
        case UInt8(ascii: "@"), UInt8(ascii: "4"): UInt8(ascii: "a")
        case UInt8(ascii: "0"): UInt8(ascii: "o")
        case UInt8(ascii: "3"): UInt8(ascii: "e")
        case UInt8(ascii: "1"), UInt8(ascii: "!"): UInt8(ascii: "i")
        case UInt8(ascii: "7"): UInt8(ascii: "t")
        default: byte
        }
    }

    /// Git object ids and SHA-1/SHA-256 digests (40 or 64 hex digits) and UUIDs: values that
    /// identify content or records, which API specs and lockfiles put next to words like `token`.
    /// Generic rules reject them; provider rules may not (a Heroku API key is a UUID). Digests and
    /// UUIDs are printed in one case; hex with four or more letters of each case
    /// (`Ca61263Bf9A4DcEECd00EdAAacb4eaEe74e8682f`) is a secret's own alphabet, not a digest
    /// (one stray capital, `acdeFf05…`, is still a digest's shape).
    static func looksLikeDigestOrUUID(_ value: [UInt8]) -> Bool {
        let letters = hexLetters(value)
        if letters.lower >= 4 && letters.upper >= 4 { return false }
        if value.count == 40 || value.count == 64 { return value.allSatisfy(ValueShape.isHexDigit) }
        return isUUID(value)
    }

    /// Hex digits in a UUID's 8-4-4-4-12 layout.
    static func isUUID(_ value: [UInt8]) -> Bool {
        guard value.count == 36 else { return false }
        return value.enumerated().allSatisfy { index, byte in
            uuidDashOffsets.contains(index) ? byte == UInt8(ascii: "-") : ValueShape.isHexDigit(byte)
        }
    }

    /// Where a UUID's 8-4-4-4-12 layout puts its dashes.
    static let uuidDashOffsets = [8, 13, 18, 23]

    /// How many hex letters `value` holds in lower and in upper case.
    private static func hexLetters(_ value: [UInt8]) -> (lower: Int, upper: Int) {
        (value.filter { (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }.count,
         value.filter { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }.count)
    }

    /// A 40- or 64-digit hex value under a name that starts with `secret`, `credential`, `api`
    /// (`api_key`, `apiKey`), `access_key`, `auth_key` or `private_key`
    /// (`CLIENT_SECRET = "6fb1…"`, `"credentials": "0afa…"`, `GITEA_API_KEY=…`): a secret, not a
    /// digest. GitHub OAuth client secrets, Gitea, Hunter and Cisco Meraki keys are 40 hex
    /// digits; VirusTotal and Sentry keys, `secrets.token_hex(32)` and `openssl rand -hex 32`
    /// are 64. So is one-case hex under `access_token` or `auth_token` as the whole name
    /// (`?access_token=41529cf5…`; GitHub's OAuth tokens were 40 hex digits before they had
    /// prefixes), not `access_token_hash`. Content digests are named for what they hash (`sha`,
    /// `checksum`, `integrity`, `etag`). A name that only says `token` or `key` keeps the digest
    /// rule: API specs and lockfiles put digests beside those words; so does `password`, beside
    /// which 40 or 64 hex digits are a password's SHA-1 or SHA-256 (`'password' => '0beec7b5…'`),
    /// unless the words before it, `qualifier`, say what the key or token is for (`QualifiedHexName`).
    static func isHexSecretNamedSecret(_ value: [UInt8], name: [UInt8], qualifier: [UInt8] = []) -> Bool {
        guard value.count == 40 || value.count == 64 else { return false }
        // `"hashed_secret": "e5e9fa1b…"`: detect-secrets' baseline keeps the SHA-1 of each secret.
        if let last = QualifiedHexName.words(of: qualifier).last, digestWords.contains(last) { return false }
        let words = nameWords(name)
        if hexSecretNames.contains(where: { words.starts(with: $0) }) { return true }
        // `VALET_TOKEN_SECRET=4b88…`, `tokenSecret`: a name whose last word is `secret`.
        let identifier = words.prefix { ValueShape.isIdentifierByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        if identifier.count > 6, identifier.reversed().starts(with: "secret".utf8.reversed()) { return true }
        // Keys are printed in one case: `acdeFf05…` beside `api-key` was edited by hand.
        let letters = hexLetters(value)
        guard letters.lower == 0 || letters.upper == 0 else { return false }
        return hexKeyNames.contains { words.starts(with: $0) }
            || hexTokenNames.contains { words.starts(with: $0) && !nameGoesOn(words, after: $0.count) }
            || QualifiedHexName.saysSecret(name: name, qualifier: qualifier)
    }

    /// Whether the name in `words` goes on after its first `count` bytes (`access_token_hash`).
    private static func nameGoesOn(_ words: ArraySlice<UInt8>, after count: Int) -> Bool {
        let next = words.index(words.startIndex, offsetBy: count)
        return next < words.endIndex && ValueShape.isIdentifierByte(words[next])
    }

    private static let hexSecretNames: [[UInt8]] = ["secret", "credential"].map { Array($0.utf8) }

    /// Words before the name that say the value is a digest of the secret.
    private static let digestWords: Set<[UInt8]> = Set(
        ["hashed", "hash", "digest", "sha1", "sha256", "md5", "checksum"].map { Array($0.utf8) }
    )

    private static let hexKeyNames: [[UInt8]] = [
        "api", "access_key", "accesskey", "access-key", "auth_key", "authkey", "private_key", "privatekey",
    ].map { Array($0.utf8) }

    private static let hexTokenNames: [[UInt8]] = [
        "access_token", "accesstoken", "access-token", "auth_token", "authtoken", "auth-token",
    ].map { Array($0.utf8) }

    /// A generated UUID (version 1 to 8, RFC 9562 variant) under a name that says what a secret
    /// is (`NPM_TOKEN="007e65c7-…"`, `jenkinsToken`, `client_secret`, `api_key`, `password`):
    /// Heroku, npm legacy, Snyk, Opsgenie and many other services issue keys as UUIDs. A name that
    /// only says `key` or `id` keeps the UUID rule, as records and registry entries are keyed by
    /// UUIDs; so does a UUID typed by hand, whose version or variant digit is seldom right
    /// (`12345678-1234-1234-1234-123456789012`).
    static func isGeneratedUUIDNamedSecret(_ value: [UInt8], name: [UInt8]) -> Bool {
        guard value.count == 36, looksLikeDigestOrUUID(value) else { return false }
        let version = value[14], variant = KeywordPrefilter.fold(value[19])
        guard (UInt8(ascii: "1")...UInt8(ascii: "8")).contains(version),
              [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(variant)
        else { return false }
        let words = nameWords(name)
        // `using credential b93ff967-…`: a Jenkins build log names the credential by its id.
        if words.starts(with: Array("credential".utf8)),
           words.drop(while: ValueShape.isIdentifierByte).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            return false
        }
        return uuidSecretNames.contains { words.starts(with: $0) }
    }

    /// The first words of names that say a value is a secret (names start where a generic
    /// rule's name matched: `secret`, `token`, `api_key`, `password`).
    private static let uuidSecretNames: [[UInt8]] = [
        "secret", "token", "api", "access", "auth", "private", "credential", "pass", "pwd",
    ].map { Array($0.utf8) }

    /// `name` case-folded, without what is not part of it: a flag's dashes (`--token=`) and a
    /// setter's verb (`setApiKey(`, `with_token(`).
    private static func nameWords(_ name: [UInt8]) -> ArraySlice<UInt8> {
        let words = ArraySlice(name.drop { $0 == UInt8(ascii: "-") }.map(KeywordPrefilter.fold))
        for verb in setterVerbs where words.starts(with: verb) {
            return words.dropFirst(verb.count).drop { $0 == UInt8(ascii: "_") }
        }
        return words
    }

    private static let setterVerbs: [[UInt8]] = ["set", "with"].map { Array($0.utf8) }

    /// `name`, `self.password`, `config-value`, `creds?.password!`, `Type?`: identifier segments
    /// joined by `.`, `:`, `|`, `-`, `?` or `!`; treated as code, not a secret, when it has a `.`,
    /// `:` or `|` (template filter) separator or no digit at all. Segments in which digits and
    /// letters alternate more than twice (`yzr3wc9sk2.gj8i3tkd2`) are random, not names. Code has
    /// no `?` or `!` between two letters or digits (`!Ref`, `x?.y` and `y!` are code): `un!techwhooah`
    /// is a password.
    static func looksLikeIdentifier(_ value: [UInt8]) -> Bool {
        var hasDigit = false
        var hasSeparator = false
        var segmentStart = true
        var digitThenLetter = 0
        var previousWasDigit = false
        for (index, byte) in value.enumerated() {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            if previousWasDigit && isLetter { digitThenLetter += 1 }
            previousWasDigit = isDigit
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                segmentStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if segmentStart { return false }
                hasDigit = true
            case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "|"):
                hasSeparator = true
                segmentStart = true
            case UInt8(ascii: "?"), UInt8(ascii: "!"):
                // They end Swift optionals as well as passwords (`Summer2024!`): they split
                // segments but do not make a value code.
                let inWord = index > 0 && index + 1 < value.count
                    && ValueShape.isIdentifierByte(value[index - 1]) && ValueShape.isIdentifierByte(value[index + 1])
                guard !inWord else { return false }
                segmentStart = true
            case UInt8(ascii: "-"):
                // Dashes are common inside tokens: they split segments but do not make a value code.
                segmentStart = true
            default:
                return false
            }
        }
        return (hasSeparator && digitThenLetter <= 2) || !hasDigit
    }

    /// How many of lowercase, uppercase, digits and other bytes occur.
    static func characterClassCount(_ value: [UInt8]) -> Int {
        var lower = false, upper = false, digit = false, other = false
        for byte in value {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            default: other = true
            }
        }
        return [lower, upper, digit, other].filter { $0 }.count
    }
}
