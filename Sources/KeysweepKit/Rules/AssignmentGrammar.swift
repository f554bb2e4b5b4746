/// The one assignment grammar that rules share: what may stand between a name and its value, and
/// what a generic value looks like.
///
/// A rule pattern names the thing (`(?i:password|passwd)`, `adafruit[\w.-]{0,25}?key`) and writes
/// `{{assign}}` where the assignment goes; generic rules also write `{{value:MIN,MAX}}` for the
/// captured value. The macros are expanded before the pattern is compiled, so the 160-odd rules
/// that need context all recognise the same syntaxes, and a new syntax is added here once instead
/// of in each rule. Deciding whether a captured value is a literal or code is the job of
/// `AssignmentValueShape`, not of the pattern.
enum AssignmentGrammar {
    /// From the end of a name to the start of its value, covering:
    /// shell/.env/INI/TOML/HCL/properties `=`, YAML and JSON `:` (also JSON inside a string
    /// literal, `\"k\":\"v\"`), Makefile `:=` `::=` `?=` `+=`,
    /// PHP `=>` and `.=`, Go `:=` and `var x string =`, typed declarations (`x: String =`, Rust's
    /// `x: &str =`),
    /// keyword arguments, call arguments (`setProperty("K", "v")`, `os.Setenv`), XML elements
    /// (also across a line break), plist `<key>K</key><string>v`, Hadoop's `<name>K</name><value>v`,
    /// `<add key="K" value="v"/>`,
    /// Kubernetes `- name: K` then `value: v`, Terraform `variable "K" {` then `default = v`,
    /// YAML block scalars (`key: |`), fallbacks (`process.env.TOKEN || "v"`, `getenv("K") or "v"`,
    /// `x ?? "v"`), and byte or string wrappers (`[]byte("..")`, `b".."`,
    /// `Buffer.from("..")`) before an optional opening quote.
    static let assignment: String = {
        // `\"name\":\"v\"`: JSON written inside a string literal escapes its quotes.
        // `char pass[] = "v"`, `char key[33] = "v"`: a C array's declared size (a number or a
        // constant, in any rule's case mode: `pass[i]` is an element, not a declaration). A name
        // closed by `)` before `=>` is an arrow function's parameter (`(pass) => sha256(pass)`), and
        // before `:` and a name a function's return type (`$keyPassword): X509Credential`, PHP's,
        // TypeScript's and Kotlin's).
        let closingParenthesis = #"\)(?![ \t]{0,40}=>)(?![ \t]{0,3}:[ \t]{0,3}[?A-Za-z_])"#
        let nameClose = #"(?:\\?["'\x60])?(?:(?-i:\[[0-9A-Z_]{0,16}\])|\]|"# + closingParenthesis + ")?"
        // Rust's borrowed strings too: `const API_KEY: &str =`, `static TOKEN: &'static str =`.
        let typed = #"[ \t]{0,3}:[ \t]{0,3}(?:&(?:'[a-z_]{1,10}[ \t]{1,3})?)?[A-Za-z_][\w.<>?|\[\]]{0,40}[ \t]{0,3}=(?![=~])"#
        let goTyped = #"[ \t]{1,3}(?:string|String|str|&str|\[\]byte|char\s?\*)[ \t]{0,3}=(?![=~])"#
        // Up to 40 blanks either side: maps and hashes aligned in columns (`fbApiKey:            "…"`,
        // `:password       => '…'`).
        let operatorForm = #"[ \t]{0,40}(?:=>|:{1,3}=|[?+.]=|=(?![=~])|:(?=[ \t"'\x60]|\\["']|\r?\n|$))"#
        // A call's next argument and a fallback are literals only when quoted: unquoted they are
        // code (`add_option('--ask-pass', default=False)`, `ask_pass or (auto_prompt and ...)`).
        let quotedNext = #"(?=(?:\[\]byte|Buffer\.from|new[ \t]+String|String|bytes|SecretStr|Secret)\(|[bBrR]?["'\x60])"#
        let fallback = #"[ \t]{0,40}(?:\|\||\?\?|(?<=[ \t)"'])or(?=[ \t]))[ \t]{0,40}"# + quotedNext
        let callArguments = #"["'][ \t]{0,3},[ \t]{0,3}"# + quotedNext
        let xmlElement = #">(?=\s{0,40}[^\s<>]{1,250}\s{0,40}</)(?:[ \t]*\r?\n)?[ \t]{0,20}"#
        // A plist's `<key>K</key><string>v`; Hadoop's (Hive's, HBase's, Spark's) `<name>K</name>`
        // then `<value>v`, and a Jenkins job's password parameter, `<name>K</name>` then
        // `<defaultValue>v`.
        let plist = #"</key>\s{0,40}<string>|</name>\s{0,40}<(?:value|defaultValue)>"#
        // A value named `value` after its key: `<add key="K" value="v"/>`, and a Kubernetes
        // container `env` entry, `- name: DB_PASSWORD` with `value: v` on the next line.
        let xmlAddValue = #"[ \t]{1,5}value[ \t]{0,3}=[ \t]{0,3}|[ \t]*\r?\n[ \t]{0,40}value:[ \t]{0,3}"#
        // A Terraform variable's default, a few attribute lines into its block:
        // `variable "db_password" {` then `default = "v"`.
        let terraformDefault = #"[ \t]{0,3}\{[ \t]*\r?\n(?:[ \t]{0,20}(?:description|type|sensitive|nullable)[ \t]*=[^\r\n]{0,200}\r?\n){0,4}[ \t]{0,20}default[ \t]{0,3}=[ \t]{0,3}"#
        let blockScalar = #"(?:[|>][-+]?[0-9]?[ \t]*\r?\n[ \t]*)?"#
        // A wrapper holds a quoted literal: `String(length=12)` is code, read as a value no further.
        let wrapper = #"(?:(?:\[\]byte|Buffer\.from|new[ \t]+String|String(?:::from)?|bytes|SecretStr|Secret)\([ \t]{0,3}(?=[bBrR]?["'\x60])|[bBrR](?=["']))?"#
        let openQuote = #"(?:"""|'''|'"|\\?["'\x60])?"#  // `'"v"'`: Gradle's buildConfigField
        // Fails at once where a name runs on (`tokenizer`, `token->`), the common case in code,
        // before any of the branches below is tried.
        let guardByte = #"(?=[\s"'\x60\[\]):=,>.?+<|\\])"#
        return "\(guardByte)(?:\(callArguments)|\(nameClose)(?:(?:\(typed)|\(goTyped))[ \t]{0,5}|\(terraformDefault)|\(operatorForm)[ \t]{0,40}\(blockScalar)|\(fallback)|\(xmlElement)|\(plist)|\(xmlAddValue)))"
            + "\(wrapper)\(openQuote)"
    }()

    /// A literal value of `minimum`...`maximum` bytes. The default of a variable
    /// (`${DB_PASSWORD:s3cret}`, `${DB_PASSWORD:-s3cret}`) is the value. Inside quotes it runs to the closing quote
    /// and may hold any byte but that quote and whitespace (`'7`D"}/vYR)T;W\5]E'`, `"a\"b"`).
    /// Unquoted and the rest of its line (`.env`, INI, `.properties`, a YAML block scalar or
    /// `- KEY=value`), it may hold any punctuation a password generator emits, `,;<>()[]{}&`
    /// included, but no escape such as `\n`, no closing tag `</`, no next `&name=`, `;name=` or
    /// `,name=` of a URL, a PKCS#11 URI or a connection string, and it does not end with `,`,
    /// `;`, `:`, a closing bracket or a closing bracket and `.`, which belong to the code or the
    /// sentence around it (`request.resource_owner_key):`, `(in passwd or shadow).`); a ` # comment` may
    /// follow it (shell, `.env`, YAML, INI, TOML, `.properties`). Otherwise, unquoted, it
    /// ends at whitespace, a quote, an escape, `,`, `;`,
    /// `<`, a closing bracket it did not open, a URL's next `&name=` or the end of input; `(`, `.`,
    /// `%`, `$` or `{` do not end it. Each unquoted item is atomic, so a balanced bracket group
    /// (one item towards `minimum`) is never split to reach it. The maximum is a look-behind over
    /// bytes rather than a repeat count, because PCRE2 copies a counted group once per repeat and
    /// 200 copies exceed its pattern size limit.
    static func value(minimum: Int, maximum: Int) -> String {
        let escape = #"\\[^nrtu0\s(]"#  // not `\(`: Swift interpolation ends the literal
        // Unquoted, an escaped quote is where a string inside a string opens or closes
        // (`\'password\' = \'123456\'` in SQL that a literal holds), never part of the value.
        let unquotedEscape = #"\\[^nrtu0\s("'\x60]"#
        // Opened by an escaped quote (`\"k\":\"v\"`): it ends at the escaped quote that closes it.
        let escapedQuoted = #"(?<=\\["'])(?<secret>[^"'\\\s]"# + "{\(minimum),}+)" + #"(?=\\["'])"#
        let doubleQuoted = #"(?<=")(?<secret>(?:[^"\\\s]|"# + escape + ")" + "{\(minimum),}+)" + #"(?=")"#
        let singleQuoted = #"(?<=')(?<secret>(?:[^'\\\s]|"# + escape + ")" + "{\(minimum),}+)" + #"(?=')"#
        let backticked = #"(?<=\x60)(?<secret>[^\x60\s]"# + "{\(minimum),}+)" + #"(?=\x60)"#
        // The default of a variable that may override it, Spring's `${DB_PASSWORD:s3cret}` and the
        // shell's and Compose's `${DB_PASSWORD:-s3cret}`: the committed literal, used wherever the
        // variable is unset (not `:?message` or `:+alternative`, nor a nested reference). Not the
        // Serverless Framework's resolvers either, `${ssm:/path}`, `${doppler:service/KEY}`, which
        // name where a secret is kept.
        let resolvers = "env|ssm|self|opt|sls|cf|s3|file|aws|doppler|vault|param|params|terraform|git|secrets?|sm|cmd"
        let variableDefault = #"\$\{(?!(?:"# + resolvers + #"):)[A-Za-z_][\w.-]{0,80}:-?(?![?+])(?<secret>[^\s"'\x60${}]"#
            + "{\(minimum),}+)" + #"\}"#
        let plain = #"[^\s"'\x60\\<>,;()\[\]{}&]"#
        let unbalancedOpener = #"[(\[{]"#
        // Not `&amp;`, which HTML and XML documentation write for the `&` between parameters, nor
        // a query's `&` that ends a string continued on the next line (`'access_token=v&'`).
        let ampersand = #"&(?!amp;|[A-Za-z_][\w.\[\]-]{0,40}=|["'\x60])"#
        let bracketed = #"\([^\s"'\x60()]{0,100}\)|\[[^\s"'\x60\[\]]{0,100}\]|\{[^\s"'\x60{}]{0,100}\}"#
        // Not right after a quote: a quoted value that does not end at its closing quote is text
        // (`'Zaboravio/la sam lozinku'`, a translation), and its first word no value.
        let unquoted = #"(?<!["'\x60])"#
            + "(?<secret>(?>\(plain)|\(bracketed)|\(unquotedEscape)|\(ampersand)|\(unbalancedOpener)){\(minimum),}+)"
            + #"(?=["'\x60\s,;<\\)\]}&]|$)"#
        let listSeparator = #"[&;,](?!amp;|[A-Za-z_][\w.\[\]-]{0,40}=)"#
        let restOfLine = "(?<secret>(?:[^\\s\"'\\x60\\\\&;,<]|<(?!/)|\(unquotedEscape)|\(listSeparator)){\(minimum),}+)"
            + #"(?<![,;:)\]}])(?<![)\]}][.])(?=(?:[ \t]+#[^\r\n]*|[ \t]*)(?:\r?\n|$))"#
        // The run of bytes the maximum counts stops at `=`, so that a long name joined to its value
        // (`--set imagePullSecret.registry.password=v`) does not count against the value; base64
        // padding at the end (`=`, `==`) does not stop it.
        let run = #"[^\s"'\x60=]"# + "{\(maximum + 1)}"
        return "(?|\(variableDefault)|\(escapedQuoted)|\(doubleQuoted)|\(singleQuoted)|\(backticked)|\(restOfLine)|\(unquoted))"
            + "(?<!\(run))(?<!\(run)=)(?<!\(run)==)"
    }

    /// The pattern with `{{assign}}` and `{{value:MIN,MAX}}` expanded; other text is unchanged.
    /// Searched as Swift strings, not with Foundation's `range(of:)`, which copied the growing
    /// pattern at each call: a pre-commit run expands the twenty-odd patterns it compiles.
    static func expand(_ pattern: String) -> String {
        var rest = Substring(pattern)
        var result = ""
        while let open = rest.firstRange(of: "{{") {
            result += rest[..<open.lowerBound]
            if let close = rest[open.upperBound...].firstRange(of: "}}"),
               let expansion = expansion(of: rest[open.upperBound..<close.lowerBound]) {
                result += expansion
                rest = rest[close.upperBound...]
            } else {
                // Not a macro: its first brace is pattern text, and a macro may start at the next.
                result += "{"
                rest = rest[rest.index(after: open.lowerBound)...]
            }
        }
        return result + rest
    }

    /// What the macro between `{{` and `}}` stands for, or nil when it is none of ours.
    private static func expansion(of macro: Substring) -> String? {
        if macro == "assign" { return assignment }
        guard macro.hasPrefix("value:") else { return nil }
        let bounds = macro.dropFirst("value:".count).split(separator: ",").compactMap { Int($0) }
        return bounds.count == 2 ? value(minimum: bounds[0], maximum: bounds[1]) : nil
    }
}
