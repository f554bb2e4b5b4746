/// Decides whether a password of one lowercase word (`goodspec`, `nextcloud`, `whiteduke2`) is
/// plausibly a real one.
///
/// Weak passwords are passwords: `POSTGRES_PASSWORD: nextcloud` in a compose file opens the
/// database it names. But beside `password` configuration and code also write words that are not
/// passwords: a setting's value (`enabled`, `required`, `prompt`), a type (`string`, `number`), a
/// field name (`passphrase`, `credentials`) or a form's message (`invalid`, `incorrect`). Those,
/// and what `ConnectionPassword` refuses (stand-ins, test words, references), are left out.
enum WordPassword {
    private static let notPasswords: Set<[UInt8]> = Set([
        // settings
        "enabled", "disabled", "enable", "disable", "always", "never", "prompt", "prompted", "required",
        "optional", "hidden", "visible", "masked", "unmasked", "default", "defaults", "random", "strong",
        "weak", "plain", "plaintext", "cleartext", "hashed", "encrypted", "native", "bcrypt", "argon",
        "scrypt", "pbkdf", "inherit", "inherited", "automatic", "manual", "generated", "generate",
        "interactive", "keychain", "keyring", "environment", "variable", "unset", "unknown", "ignore",
        "ignored", "allowed", "forbidden", "disallowed", "local", "remote", "system", "internal",
        "external", "static", "dynamic", "literal", "content", "contents", "value", "values",
        // literals a form sends as strings (`$this->getProperty('newpassword') !== 'false'`, MODX)
        "true", "false", "null", "none", "nil",
        // types
        "string", "strings", "number", "integer", "boolean", "object", "varchar", "text", "bytes",
        "nullable", "undefined", "function", "uintptr", "double", "unsigned", "struct", "pointer", "symbol",
        "bigint", "complex", "interface",
        // field names and messages (`password`, `secret` and their kin hold a `fieldParts` part;
        // `example` and `changeme` are the placeholder filter's, applied before any validator)
        "passphrase", "credential", "credentials", "token", "tokens", "confirmation", "confirm", "invalid",
        "incorrect", "mismatch", "nomatch", "missing", "expired", "changed", "change", "update", "updated",
        "reset", "forgot", "forgotten", "login", "logout", "signin", "signup", "submit", "cancel", "anything",
        "whatever", "something", "nothing", "blank", "empty", "irrelevant", "unused",
        // what a password policy asks for, as its error codes name it (Focalboard's
        // `InvalidLowercasePassword = "lowercase"`)
        "lowercase", "uppercase", "numeric", "digits", "symbols", "special", "length",
        // the word `password` in other languages, as translation files write the field's label
        // (`'password' => 'wachtwoord'` in Laravel's `lang/nl/validation.php`)
        "wachtwoord", "wagwoord", "adgangskode", "passord", "parola", "parool", "contrasenya", "contrasena",
        "senha", "kennwort", "salasana", "haslo", "heslo", "jelszo", "geslo", "lozinka", "sifra", "losenord",
        "motdepasse", "katasandi", "matkhau", "kodeord", "pasahitza", "contrasinal", "parole", "pasvorto", "cyfrinair",
    ].map { Array($0.utf8) })

    /// Parts that make a word a field's name or a stand-in, not a password (`nopassword`,
    /// `mypasswd`, `supersecret`).
    private static let fieldParts: [[UInt8]] = ["passw", "pwd", "secret"].map { Array($0.utf8) }

    static func isPlausible(_ value: [UInt8]) -> Bool {
        guard ConnectionPassword.isPlausible(value) else { return false }
        let lowered = value.map(KeywordPrefilter.fold)
        if fieldParts.contains(where: { lowered.contains(subsequence: $0) }) { return false }
        let word = lowered.reversed().drop { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return !notPasswords.contains(Array(word.reversed()))
    }
}
