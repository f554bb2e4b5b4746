/// Shapes of assignment values that are not literal secrets: references to something else
/// (`$NAME`, `${x}`, `%NAME%`, `%(name)s`, `{name}`, `@name@`), expressions (`os.getenv(`,
/// `config[`, `$this->password`, `ENC(...)`), paths and constant names.
///
/// Each test looks at the value as a whole (how it starts, how it ends, what its segments are),
/// never at whether one punctuation byte occurs, because generated passwords carry `$`, `(`, `.`,
/// `%` and `{` anywhere.
enum ValueShape {
    static func isReferenceOrExpression(_ value: [UInt8]) -> Bool {
        // `getPassword()!`, `keys[alg]!;`: what ends an expression statement does not change its shape.
        var value = value
        while let end = value.last, value.count > 1, "!?;".utf8.contains(end) { value.removeLast() }
        guard !value.isEmpty else { return false }
        return isWrappedOrTemplated(value) || isNameOrCall(value) || isRuleList(value) || isNamespacePath(value)
    }

    /// Forms told by how the value starts and ends: templates, casts, comments, bracketed or
    /// negated expressions, and text between two strings.
    private static func isWrappedOrTemplated(_ value: [UInt8]) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        if isLanguageForm(value) || isDataForm(value) { return true }
        // `prog,link`, `read,write`: words in a list (a comparison's operand, a mode), not a password.
        if value.contains(UInt8(ascii: ",")),
           value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).allSatisfy({ word in
               word.count >= 2 && word.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
           }) {
            return true
        }
        // `{Identifiers:`, `{Config: x}`: a struct or object literal's first field; `{form.watch(`,
        // `{row.original}>`: a JSX expression.
        if first == UInt8(ascii: "{"), value.count > 2, isIdentifierStart(value[1]) {
            let name = value.dropFirst().prefix(while: isIdentifierByte)
            if name.count >= 3, value.dropFirst(1 + name.count).first == UInt8(ascii: ":"), isWordIdentifier(Array(name)) { return true }
            let inner = Array(value.dropFirst())
            let path = identifierPath(in: inner)
            // `{retrieve_marker(coordinator)`: a Python set comprehension's call, named in words.
            if path.separators == 0, path.length >= 4, path.length < inner.count, inner[path.length] == UInt8(ascii: "("),
               !inner[..<path.length].contains(where: isDigit), isNameOrCall(inner) {
                return true
            }
            if path.separators > 0, path.length < inner.count {
                if inner[path.length] == UInt8(ascii: "(") { return isNameOrCall(inner) }
                if inner[path.length] == UInt8(ascii: "}"), inner[(path.length + 1)...].allSatisfy({ ">),;/".utf8.contains($0) }) { return true }
            }
            // `{SearchData?.id as string}` cut at its blank, `{request_kwargs['pageToken']}` cut
            // at its quote: a JSX expression, a Python f-string's field, named in words.
            let words = inner[..<path.length].split { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") }
            if words.allSatisfy({ isWordIdentifier(Array($0)) }),
               path.length == inner.count ? path.separators > 0 : inner[path.length] == UInt8(ascii: "[") {
                return true
            }
        }
        // `#snmp_priv_passphrase`, `#password-confirm`: a CSS selector of an element's id (jQuery's
        // `$('#…')`, Cacti's), two lowercase words or more joined by `_` or `-`.
        if first == UInt8(ascii: "#"), value.count > 5, joinsLowercaseWords(value.dropFirst(), by: "_-") { return true }
        // `++patternWindowTotalGeneration`: a counter incremented before it is read, named in words.
        if value.count > 5, value.starts(with: Array("++".utf8)), isWordIdentifier(Array(value.dropFirst(2))) { return true }
        // `!!@options.withCredentials`: a member made a boolean (CoffeeScript, JavaScript).
        if value.starts(with: Array("!!".utf8)), value.count > 4, isNameOrCall(Array(value.dropFirst(2))) { return true }
        // `{"Servers":[{"ManualAddress":"`: JSON text that code joins to values, cut where one goes in.
        if value.starts(with: Array("{\"".utf8)), let colon = value.firstIndex(of: UInt8(ascii: ":")), colon > 3,
           value[colon - 1] == UInt8(ascii: "\""), isWordIdentifier(Array(value[2..<(colon - 1)])) {
            return true
        }
        // `SensitiveData:S3Object/CustomIdentifier`: type names in camel case joined by `:` and `/` (an
        // AWS API model's enumeration).
        if isTypeNamePath(value) { return true }
        // `!$canEditValue`: a variable negated (Blade, PHP), named in words.
        if first == UInt8(ascii: "!"), value.count > 3, value[1] == UInt8(ascii: "$"),
           isWordIdentifier(Array(value.dropFirst(2))) {
            return true
        }
        // `(signedValue:`, `(base64String:`: a typed parameter list (TypeScript's arrow function,
        // Kotlin's lambda types) cut at the blank after the parameter's name, whatever the name;
        // `(authorizationHeader`: a call's argument cut there, a name of words.
        if first == UInt8(ascii: "("), value.count > 3, isIdentifierStart(value[1]) {
            let name = Array(value.dropFirst().prefix(while: isIdentifierByte))
            let rest = value.dropFirst(1 + name.count)
            // `(projectKey?:`: an optional parameter (TypeScript), cut there too.
            if rest.elementsEqual(":".utf8) || rest.elementsEqual("?:".utf8) { return true }
            // `(oauth2Config`: an arrow function's first parameter, cut at its comma.
            if name.count >= 4, isWordIdentifier(name) || CamelCaseName.holds(name), rest.isEmpty { return true }
        }
        // `(Invoke-WebRequest`: a PowerShell cmdlet's output, a verb and a noun in capitals.
        if first == UInt8(ascii: "("), isCmdletName(value.dropFirst()) { return true }
        // `{!(accType === 'password'`: a Svelte or JSX expression, negated or bracketed.
        if first == UInt8(ascii: "{"), value.count > 3, "!(".utf8.contains(value[1]),
           isReferenceOrExpression(Array(value.dropFirst())) {
            return true
        }
        // `[{required: true, …}]`: an array of object literals, cut at the first field's value
        // (a form's validation rules in Vue).
        if first == UInt8(ascii: "["), value.count > 4, value[1] == UInt8(ascii: "{"),
           isWrappedOrTemplated(Array(value.dropFirst())) {
            return true
        }
        // `[credential.user_id, …]`: an array literal's first element, a member of an object, cut
        // at the comma (Huginn).
        if first == UInt8(ascii: "["), value.count > 4 {
            let members = value.dropFirst().split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            if members.count >= 2, members.allSatisfy({ $0.count >= 2 && isWordIdentifier(Array($0)) }) { return true }
        }
        // `",rememberMeLabel:"`: text between two strings, taken for a quoted value;
        // `',state:t}),O=i;break;case`: the same after a string that is one quote (minified code).
        let opening = value.count > 2 && "'\"".utf8.contains(first) ? value[1] : first
        if ",;)]}".utf8.contains(opening) { return true }
        // `!!(blockStyle & 4)`: JavaScript's double negation of a bracketed expression.
        if value.count > 3, value.starts(with: Array("!!(".utf8)), isIdentifierStart(value[3]) { return true }
        // `[.block(value:`, `(ALWAYS(db`, `!isEmpty(x)`, `!!lookup(x`, `((UserAdapter)delegate`,
        // `(!empty($_data['`: an expression inside a bracket or negated.
        if "([!".utf8.contains(first), value.count > 2,
           value[1] == UInt8(ascii: ".") || isIdentifierStart(value[1]) || "!(".utf8.contains(first) && value[1] == first
               || first == UInt8(ascii: "(") && value[1] == UInt8(ascii: "!")
               || first == UInt8(ascii: "!") && value[1] == UInt8(ascii: "("),
           isReferenceOrExpression(Array(value.dropFirst())) {
            return true
        }
        // `($parts['user']`, `(event.target as HTMLInputElement)`: a variable or a member opening
        // a bracketed expression, cut where the value ends.
        if first == UInt8(ascii: "("), value.count > 2, value[1] == UInt8(ascii: "$") || isIdentifierStart(value[1]) {
            let inner = Array(value.dropFirst())
            let path = identifierPath(in: inner)
            if path.length == inner.count, path.sigil || path.separators > 0 { return true }
            if path.length > 1, path.length < inner.count, path.sigil, inner[path.length] == UInt8(ascii: "[") { return true }
        }
        // `(char*)&buffer`: a cast.
        if first == UInt8(ascii: "("), let close = value.firstIndex(of: UInt8(ascii: ")")), close > 1,
           value[1..<close].allSatisfy({ isIdentifierByte($0) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: " ") }) {
            return true
        }
        switch (first, last) {
        case (UInt8(ascii: "{"), UInt8(ascii: "}")), (UInt8(ascii: "["), UInt8(ascii: "]")), (UInt8(ascii: "("), UInt8(ascii: ")")),
             (UInt8(ascii: "%"), UInt8(ascii: "%")), (UInt8(ascii: "@"), UInt8(ascii: "@")):
            return true  // `{name}`, `{cipher}..=}`, `[a, b]`, `(expr)`, `%NAME%`, `@name@`
        default: break
        }
        // `Recovery:**`: the rest of a Markdown heading in bold (`**Password Recovery:**`), a word;
        // `recovery**.`: the end of a bold phrase in a sentence.
        let bold = value.last.map { ".,;".utf8.contains($0) } == true ? value.dropLast() : value[...]
        if bold.count > 4, bold.suffix(2).elementsEqual("**".utf8) {
            let text = bold.dropLast(2)
            let word = text.last == UInt8(ascii: ":") ? text.dropLast() : text
            if word.count >= 3, word.allSatisfy({ isLowercase($0) || isUppercase($0) }) { return true }
        }
        // `:$(airflow_encode_url "$REDIS_PASSWORD")`, `:${PASSWORD}`: a user-less `user:password`
        // whose password the shell or a template fills in.
        if first == UInt8(ascii: ":"), value.count > 3,
           ["${", "$(", "#{", "{{"].contains(where: { value.dropFirst().starts(with: Array($0.utf8)) }) {
            return true
        }
        return ["${", "$(", "%(", "%{", "#{", "{cipher}"].contains { value.starts(with: Array($0.utf8)) }
    }

    /// `0.15301249899857794`, `8.404100026382366e-05`: digits, a point, six digits or more, perhaps
    /// an exponent.
    private static func isDecimalFraction(_ value: [UInt8]) -> Bool {
        let whole = value.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count < value.count, value[whole.count] == UInt8(ascii: ".") else { return false }
        let rest = value.dropFirst(whole.count + 1)
        let fraction = rest.prefix(while: isDigit)
        let exponent = rest.dropFirst(fraction.count)
        guard fraction.count >= 6 else { return false }
        guard let marker = exponent.first else { return true }
        let sign = exponent.dropFirst().first.map { "+-".utf8.contains($0) } == true ? 1 : 0
        let digits = exponent.dropFirst(1 + sign)
        return "eE".utf8.contains(marker) && (1...3).contains(digits.count) && digits.allSatisfy(isDigit)
    }

    /// `required|confirmed|min:6`, `required|uuid|string|max:255`: a validation rule list (Laravel's),
    /// rule names of words joined by `|` (`notIn` too), each with its arguments after `:`
    /// (`required|notIn:["`, cut where the string is joined to code).
    static func isRuleList(_ value: [UInt8]) -> Bool {
        let rules = value.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        // `required_unless:mail_driver,log`: one rule, named by Laravel, with its arguments.
        if rules.count == 1, let colon = value.firstIndex(of: UInt8(ascii: ":")), colon + 1 < value.count,
           laravelRulesWithArguments.contains(Array(value[..<colon])) {
            return true
        }
        return rules.count >= 2 && rules.allSatisfy { rule in
            guard let first = rule.first, isLowercase(first) else { return false }
            let name = rule.prefix { isLowercase($0) || isUppercase($0) || $0 == UInt8(ascii: "_") }
            return name.count >= 3 && (name.count == rule.count || rule[rule.startIndex + name.count] == UInt8(ascii: ":"))
        }
    }

    /// Laravel's validation rules that take arguments after `:` and name other fields in them.
    private static let laravelRulesWithArguments: Set<[UInt8]> = Set([
        "required_if", "required_unless", "required_with", "required_with_all", "required_without", "required_without_all",
        "required_if_accepted", "exclude_if", "exclude_unless", "exclude_with", "exclude_without", "prohibited_if",
        "prohibited_unless", "missing_if", "missing_unless", "present_if", "present_unless", "same", "different", "confirmed",
    ].map { Array($0.utf8) })

    /// `Modules\ApiKey`, `App\Http\Controllers`: a PHP namespace, capitalised names joined by `\`;
    /// also a Laravel route's action, a controller and its method joined by `@`
    /// (`Api\ApiV1Controller@verifyCredentials`, `ApiController@verifyCredentials`). A name with
    /// neither `\` nor `Controller` before the `@` may be a password (`Welcome@home`).
    static func isNamespacePath(_ value: [UInt8]) -> Bool {
        var path = value[...]
        // `Models\ApiKey::class`: PHP's constant that names a class.
        if path.count > 7, path.suffix(7).elementsEqual("::class".utf8) { path = path.dropLast(7) }
        if let at = path.firstIndex(of: UInt8(ascii: "@")) {
            let method = path[(at + 1)...]
            guard let first = method.first, isLowercase(first), method.allSatisfy(isIdentifierByte) else { return false }
            path = path[..<at]
            if !path.contains(UInt8(ascii: "\\")) {
                return path.count > 10 && path.suffix(10).elementsEqual("Controller".utf8) && isName(path)
            }
        }
        let names = unescapedBackslashes(path).split(separator: UInt8(ascii: "\\"), omittingEmptySubsequences: false)
        return names.count >= 2 && names.allSatisfy(isName)
    }

    /// What minified code writes and passwords do not: a block opened after `else`, a function literal.
    private static let minifiedCode = ["}else{", ";else{", "function(", "=>{"].map { Array($0.utf8) }

    /// How many times `,$name=` occurs: a PHP parameter with its default after another.
    private static func parameterDefaults(in value: [UInt8]) -> Int {
        var (count, index) = (0, 0)
        while index + 3 < value.count {
            defer { index += 1 }
            guard value[index] == UInt8(ascii: ","), value[index + 1] == UInt8(ascii: "$"), isIdentifierStart(value[index + 2])
            else { continue }
            let name = value[(index + 2)...].prefix(while: isIdentifierByte)
            if index + 2 + name.count < value.count, value[index + 2 + name.count] == UInt8(ascii: "=") { count += 1 }
        }
        return count
    }

    /// `Leantime\Domain\ApiKey` as a JSON string writes it, `Leantime\\Domain\\ApiKey` (Composer's class
    /// maps): each pair of backslashes made one, when every backslash is in a pair.
    private static func unescapedBackslashes(_ path: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let backslash = UInt8(ascii: "\\")
        guard path.contains(backslash) else { return path }
        var result: [UInt8] = []
        var index = path.startIndex
        while index < path.endIndex {
            if path[index] == backslash {
                guard index + 1 < path.endIndex, path[index + 1] == backslash else { return path }
                index += 1
            }
            result.append(path[index])
            index += 1
        }
        return result[...]
    }

    /// `ApiKey`, `Http`: a capitalised name of letters, digits and `_`, with a lowercase letter.
    private static func isName(_ name: ArraySlice<UInt8>) -> Bool {
        guard let first = name.first, isUppercase(first), name.count >= 2 else { return false }
        return name.allSatisfy(isIdentifierByte) && name.contains(where: isLowercase)
    }

    /// PowerShell's scope modifiers and the variable drives read like them (`$env:`).
    private static let powerShellScopes: Set<[UInt8]> = Set(
        ["env", "global", "script", "local", "private", "using", "variable", "function"].map { Array($0.utf8) }
    )

    /// Forms of one language: Swift's implicit members, Perl's references, PHP's global names,
    /// interpolation and joins, Ruby's top-level names and interpolation, Go's slice literals,
    /// PowerShell's type members and scoped variables.
    private static func isLanguageForm(_ value: [UInt8]) -> Bool {
        guard let first = value.first else { return false }
        // `.init(key)`, `.block(value:`: a Swift implicit member; `*/&x`: the end of a C comment.
        if first == UInt8(ascii: "."), value.count > 1, isIdentifierStart(value[1]) { return true }
        if value.starts(with: Array("*/".utf8)) { return true }
        // `prompt=True,`, `default=None,`: a keyword argument cut at its comma (Click's
        // `@click.option("--es-password", default=None, …)`, read as a flag and its value).
        if value.count > 3, value.last == UInt8(ascii: ","), let equals = value.firstIndex(of: UInt8(ascii: "=")), equals > 0 {
            let argument = Array(value[(equals + 1)..<(value.count - 1)])
            if isWordIdentifier(Array(value[..<equals])), !argument.isEmpty,
               isWordIdentifier(argument) || argument.allSatisfy(isDigit) { return true }
        }
        // `[d]=database=`: the next element of a shell associative array (`local -A args=([u]=user=
        // [p]=password= [d]=database=)`, YunoHost's helpers), a key in brackets and `=`.
        if first == UInt8(ascii: "["), let close = value.firstIndex(of: UInt8(ascii: "]")), close >= 2,
           close + 1 < value.count, value[close + 1] == UInt8(ascii: "="),
           value[1..<close].allSatisfy({ isIdentifierByte($0) }) {
            return true
        }
        // `u),s.items.push(i)}else{`, `e,this.x?function(e,t){`, `this.pos!=e){`: minified JavaScript,
        // cut where a block opens after a branch, a function's parameters or, at the value's end, a
        // condition (Scalar's bundle in Keila).
        if minifiedCode.contains(where: { value.contains(subsequence: $0) }) { return true }
        if value.count > 4, value.suffix(2).elementsEqual("){".utf8) { return true }
        // `{dynamiccontent="`: a template tag opened with its first attribute, cut at the quote
        // (Mautic's builder).
        if value.count > 4, first == UInt8(ascii: "{"), value.last == UInt8(ascii: "\""),
           value.dropLast().last == UInt8(ascii: "="),
           value.dropFirst().dropLast(2).allSatisfy({ isLowercase($0) || $0 == UInt8(ascii: "_") }) {
            return true
        }
        // `this.#selfSigningKey`, `this.#getChannelCredentials({`: a JavaScript class's private field
        // (Trigger.dev's API client) or method (Bruno's gRPC client).
        if value.count > 7, value.starts(with: Array("this.#".utf8)), isIdentifierStart(value[6]),
           value.dropFirst(6).allSatisfy(isIdentifierByte) || isNameOrCall(Array("this.".utf8) + value.dropFirst(6)) {
            return true
        }
        // `false,$timeout=0,$response_timeout=30,$curl_option`: a PHP function's parameters and their
        // defaults, read from the first default on (NuSOAP's `$proxypassword=false,` in SuiteCRM).
        if parameterDefaults(in: value) >= 2 { return true }
        // `<%=ServletResources.getAccessKey(`, `<?= $key`: a JSP, ERB or PHP tag that prints an
        // expression, cut where the value ends.
        if value.count > 2, value.starts(with: Array("<%".utf8)) || value.starts(with: Array("<?".utf8)) { return true }
        // `next-fa-glyph()`, `map-get($icons, key)`: a CSS or Sass function called, two lowercase
        // words or more joined by `-`, then its arguments.
        if let open = value.firstIndex(of: UInt8(ascii: "(")), open > 3, joinsLowercaseWords(value[..<open], by: "-"),
           readsAsArguments(value[(open + 1)...], skippingStrings: true) {
            return true
        }
        // `'+p(typeof(l=…`, `"+ user.pass`: a string closed and joined to an expression (HTML that
        // compiled templates build in JavaScript, Handlebars' in KeeWeb's bundle).
        if value.count > 3, "'\"".utf8.contains(first), value[1] == UInt8(ascii: "+") {
            let expression = Array(value.dropFirst(2).drop(while: isBlank))
            if !expression.isEmpty, isReferenceOrExpression(expression) { return true }
        }
        // `\App\Http\Middleware`: a fully qualified PHP namespace, capitalised words without digits.
        if first == UInt8(ascii: "\\"), isFullyQualifiedNamespace(value.dropFirst()) { return true }
        // `%GL_LINE_SMOOTH`: a constant's name after `%` (thinBasic's equates, a Windows variable).
        if first == UInt8(ascii: "%"), value.count > 4, isUppercase(value[1]), value.contains(UInt8(ascii: "_")),
           value.dropFirst().allSatisfy({ isUppercase($0) || isDigit($0) || "_%".utf8.contains($0) }) {
            return true
        }
        // `\&PASS_pop3`, `\%config`: a Perl reference to a sub, a hash, an array or a scalar.
        if first == UInt8(ascii: "\\"), value.count > 2, "&$@%".utf8.contains(value[1]), isIdentifierStart(value[2]) { return true }
        // `::OpenTelemetry::Context.attach(`: a Ruby or C++ name from the top namespace.
        if value.count > 3, value.starts(with: Array("::".utf8)), isIdentifierStart(value[2]), isReferenceOrExpression(Array(value.dropFirst(2))) {
            return true
        }
        // `%Credential{type:`, `%Authentication.Credential{id:`: an Elixir struct.
        if first == UInt8(ascii: "%"), value.count > 2, isUppercase(value[1]) {
            let path = identifierPath(in: Array(value.dropFirst()))
            let name = value[1..<(path.length + 1)]
            if path.length + 1 < value.count, value[path.length + 1] == UInt8(ascii: "{"),
               !name.contains(where: isDigit) { return true }
        }
        // `os.environ/OPENAI_API_KEY`: LiteLLM's reference to an environment variable.
        let environ = Array("os.environ/".utf8)
        if value.count > environ.count, value.starts(with: environ), value.dropFirst(environ.count).allSatisfy(isIdentifierByte) {
            return true
        }
        // `:crypto.strong_rand_bytes(32)`: Elixir calling an Erlang module, named by an atom.
        if first == UInt8(ascii: ":"), value.count > 3, isLowercase(value[1]) {
            let call = Array(value.dropFirst())
            let path = identifierPath(in: call)
            if path.separators > 0, path.length < call.count, call[path.length] == UInt8(ascii: "("), isNameOrCall(call) {
                return true
            }
        }
        // `&Bcrypt.hash_pwd_salt/1`: an Elixir function captured by its module, name and arity.
        if first == UInt8(ascii: "&"), value.count > 3, isUppercase(value[1]) {
            let path = identifierPath(in: value)
            let arity = value[path.length...]
            let names = value[1..<path.length].split(separator: UInt8(ascii: "."))
            if path.separators > 0, arity.count >= 2, arity.first == UInt8(ascii: "/"), arity.dropFirst().allSatisfy(isDigit),
               names.allSatisfy({ isWordIdentifier(Array($0)) }) { return true }
        }
        // `(_document$querySelect4`: a JavaScript name with `$` inside, as Babel names its
        // temporaries, opening a bracketed expression.
        if first == UInt8(ascii: "("), value.count > 4, value[1] == UInt8(ascii: "_") {
            let name = value.dropFirst()
            let words = name.split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false)
            // A temporary's number ends the last word (`querySelect4`).
            let named = words.map { word in Array(word.reversed().drop(while: isDigit).reversed()) }
            if words.count >= 2, named.allSatisfy({ !$0.isEmpty && isWordIdentifier($0) }) { return true }
        }
        // `$env:FEED_KEY`, `$script:Credentials[$key]`: a PowerShell variable of a scope or a drive.
        if first == UInt8(ascii: "$"), let colon = value.firstIndex(of: UInt8(ascii: ":")), colon + 1 < value.count,
           powerShellScopes.contains(value[1..<colon].map(KeywordPrefilter.fold)), isIdentifierStart(value[colon + 1]) {
            return true
        }
        // `$AWS_ACCESS_KEY_ID/$CredentialScope`, `$ZM_Key&$qstr`, `$dir/private/cakey.pem`: a
        // variable named in words, then what a string builds around it (shell, Perl, PHP,
        // OpenSSL's config). Not a crypt hash (`$argon2id$`, `$apr1$`: no word name, or `$` next).
        if first == UInt8(ascii: "$"), value.count > 3 {
            let name = Array(value.dropFirst().prefix(while: isIdentifierByte))
            let next = value.dropFirst(1 + name.count).first
            if name.count >= 2, isWordIdentifier(name), let next, "/&\\\"?#.".utf8.contains(next) { return true }
        }
        // `{$_DVWA['db_password']}`: PHP interpolating a variable into a string.
        if value.count > 2, value.starts(with: Array("{$".utf8)), isIdentifierStart(value[2]) { return true }
        // `\json_encode($merged)`, `\Foo\Bar::baz(`: a PHP name from the global namespace.
        if first == UInt8(ascii: "\\"), value.count > 2, isIdentifierStart(value[1]),
           isReferenceOrExpression(Array(value.dropFirst()).map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: ".") : $0 }) {
            return true
        }
        // `[]*v1alpha1.RepoCreds{`, `[]string{fmt.Sprintf(…`: a Go slice's composite literal,
        // whatever its elements are.
        if value.starts(with: Array("[]".utf8)) {
            let element = Array(value.dropFirst(2).drop { $0 == UInt8(ascii: "*") })
            if let start = element.first, isIdentifierStart(start) {
                let path = identifierPath(in: element)
                if path.length < element.count, element[path.length] == UInt8(ascii: "{") { return true }
                if isNameOrCall(element) { return true }
            }
        }
        // `**(**uintptr)(p)`, `*(*int32)(unsafe.Pointer(p))`: Go (and C) reading through a pointer
        // converted to another type's (code that ccgo transpiles from C is full of them).
        if first == UInt8(ascii: "*") {
            let afterStars = value.drop { $0 == UInt8(ascii: "*") }
            if afterStars.first == UInt8(ascii: "("), afterStars.dropFirst().first == UInt8(ascii: "*") {
                let type = afterStars.dropFirst().drop { $0 == UInt8(ascii: "*") }
                let name = type.prefix { isIdentifierByte($0) || $0 == UInt8(ascii: ".") }
                if let head = name.first, isIdentifierStart(head), type.dropFirst(name.count).first == UInt8(ascii: ")") {
                    return true
                }
            }
        }
        // `'.str_replace('`, `'.$user->email.'`: a quote, then `.` and a name or a variable: PHP
        // joining code to the string that the quote closed (an installer writing `.env` lines).
        if "'\"".utf8.contains(first), value.count > 2, value[1] == UInt8(ascii: "."),
           isIdentifierStart(value[2]) || value[2] == UInt8(ascii: "$") {
            return true
        }
        // `ɵparseCookieValue(cookieString`, `ɵɵdefineInjectable(`: Angular's private names, which
        // start with `ɵ` (U+0275) in every Angular bundle and source map.
        let angularMark: [UInt8] = [0xC9, 0xB5]
        if value.starts(with: angularMark) {
            let name = Array(value.dropFirst(value.starts(with: angularMark + angularMark) ? 4 : 2))
            if let start = name.first, isIdentifierStart(start), isReferenceOrExpression(name) { return true }
        }
        // `.$connection['password']`: PHP joining a variable to the string before it.
        if first == UInt8(ascii: "."), value.count > 2, value[1] == UInt8(ascii: "$"), isIdentifierStart(value[2]) { return true }
        // `encryption.#{key}`: Ruby interpolation anywhere in the value.
        if holdsInterpolation(value) { return true }
        // `(password: Uint8Array, salt: …)`, `password: [UInt8]`, `key: &[u8]`: a parameter's
        // type, a name with a width in it, where a value's place is in a declaration.
        if isNumericTypeName(value.drop { "[&".utf8.contains($0) }.prefix { !"[]?".utf8.contains($0) }) { return true }
        // `&relying-party-credentials`, `*relying-party-credentials`: a YAML anchor or alias named
        // in lowercase words joined by `-` (`*kR2-mQ9x` is a password); `#gcs-credentials`: a CSS
        // selector of an element's id (Wekan).
        if "&*#".utf8.contains(first), value.count > 3, isLowercase(value[1]), value.contains(UInt8(ascii: "-")),
           value.dropFirst().allSatisfy({ isLowercase($0) || isDigit($0) || "-_.".utf8.contains($0) }) {
            return true
        }
        // `[*ApiKey::API_SCOPES, :mfa]`: an array literal that opens with a splatted name (Ruby,
        // Python's `[*names`), cut where the value ends (RubyGems.org's permitted parameters).
        if first == UInt8(ascii: "["), value.count > 3, value[1] == UInt8(ascii: "*"), isIdentifierStart(value[2]),
           isNameOrCall(Array(value.dropFirst())) {
            return true
        }
        // `[System.Text.Encoding]::UTF8`, `[Ansible.LsaUtil]::RetrievePrivateData(`: a PowerShell type's member.
        if first == UInt8(ascii: "["), let close = value.firstIndex(of: UInt8(ascii: "]")), close > 1,
           value[close...].starts(with: Array("]::".utf8)),
           value[1..<close].allSatisfy({ isIdentifierByte($0) || $0 == UInt8(ascii: ".") }) {
            return true
        }
        return false
    }

    /// How tools that commit values encrypted mark the ciphertext.
    private static let ciphertextMarkers: [[UInt8]] = ["encrypted:", "{cipher}", "vault:v1:", "vault:v2:", "<enc-v1>"].map { Array($0.utf8) }

    /// Forms of data formats and of strings being built: sentinels, route patterns, JSON pointers,
    /// JSON-escaped text, format strings, a concatenation's right-hand side.
    private static func isDataForm(_ value: [UInt8]) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        // `$encrypted$`, `$secret$`: a sentinel that stands for a hidden value (AWX's API).
        if value.count > 3, first == UInt8(ascii: "$"), last == UInt8(ascii: "$"),
           value.dropFirst().dropLast().allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }) {
            return true
        }
        // `$1$SomeSalt$`, `$6$rounds=5000$salt$`: crypt(3)'s setting, a scheme and a salt without
        // the hash that would follow them (Ansible's `crypt.crypt("…", "$1$SomeSalt$")`).
        if isCryptSetting(value) { return true }
        // `credentials/\d+/`, `\w+/\d+/credentials/`: a route's regular expression.
        if isRoutePattern(value) || isRegularExpression(value) || isControllerAction(value) || isWordList(value) { return true }
        // `$.Values.servingEngineSpec.apiKey`: a Helm template's or a JSONPath's reference.
        if value.count > 2, value.starts(with: Array("$.".utf8)), isIdentifierStart(value[2]) { return true }
        // `id=database_url,src=<(printf`: a flag's options, `name=value` joined by `,`.
        if isOptionList(value) { return true }
        // `Manager/CN=*`, `/O=Acme/CN=localhost`: an X.509 subject as OpenSSL's `-subj` writes it,
        // attributes after `/` (a script's `SUBJECT="…/OU=Keeweb Password Manager/CN=*"`).
        if ["/CN=", "/OU=", "/O="].contains(where: { value.contains(subsequence: Array($0.utf8)) }) { return true }
        // `1.1498280840005464`, `8.404100026382366e-05`: a measured number (pytest's recorded test
        // durations, keyed by the test's name), six decimals or more.
        if isDecimalFraction(value) { return true }
        // `arn:aws:iam::000000000000:role/x`: an Amazon Resource Name, which names a resource.
        if ["arn:aws:", "arn:aws-cn:", "arn:aws-us-gov:"].contains(where: { value.starts(with: Array($0.utf8)) }) { return true }
        if holdsFormatFields(value) { return true }
        // `npm:^1.1.16`, `workspace:^`: a dependency's version as Yarn and pnpm write it
        // (`"@inquirer/password": "npm:^1.1.16"` in a `yarn.lock`).
        if ["npm:", "workspace:", "patch:", "portal:", "link:"].contains(where: { value.starts(with: Array($0.utf8)) }) { return true }
        // `encrypted:BDqw…` (dotenvx), `{cipher}AQB…` (Spring Cloud Config), `vault:v1:…` (Vault's
        // transit engine), `<enc-v1>…` (Harbor): a value committed encrypted, by design; the key
        // that opens it is the secret.
        if ciphertextMarkers.contains(where: { value.count > $0.count + 8 && value.starts(with: $0) }) { return true }
        // `1.2.840.113549.1.9.7`, `10.0.0.12`, `1.4.2`: an object identifier, an address or a
        // version, numbers joined by dots.
        if isDottedNumbers(value) { return true }
        // `GHSA-h4mf-4v27-hggj`, `CVE-2024-3094`: an advisory's id (rclone's changelog:
        // "leaking credentials GHSA-…").
        if isAdvisoryID(value) { return true }
        // `--address=127.0.0.1:0`, `--insecure`: the command's next option, taken for the value of
        // the one before it (`"--random-server-control-password", "--address=…"`, Kopia's tests).
        if isCommandOption(value) { return true }
        // `20/m/ip,5/m/key`, `10/m/user`: rate limits, a number per unit of time and what is counted
        // (django-allauth's `ACCOUNT_RATE_LIMITS`).
        if isRateList(value) { return true }
        // `.*/ZM_DB_PASS=$dbc_dbpass/`: the end of a sed command's pattern and its replacement
        // (`sed "s/^ *ZM_DB_PASS=.*/ZM_DB_PASS=$dbc_dbpass/"`, ZoneMinder's packaging).
        // `\).*/\1$DATABASE_PASS/g`: the same after a group that the pattern captured (Zabbix's image).
        let afterGroup = value.starts(with: Array("\\)".utf8)) ? value.dropFirst(2) : value[...]
        if afterGroup.starts(with: Array(".*/".utf8)) || afterGroup.starts(with: Array(".+/".utf8)) { return true }
        // `@SBINDDIR@/shutdown`: a path under a folder that configure fills in (autoconf's and
        // CMake's `@NAME@`).
        if first == UInt8(ascii: "@"), let close = value.dropFirst().firstIndex(of: UInt8(ascii: "@")), close > 2,
           close + 1 < value.count, value[close + 1] == UInt8(ascii: "/"),
           value[1..<close].allSatisfy({ isUppercase($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) {
            return true
        }
        // `@{systemd:initial}`, `@{vault:db_password}`: Telegraf's reference to a secret store's
        // key, resolved when the configuration is read.
        if value.count > 4, value.starts(with: Array("@{".utf8)), last == UInt8(ascii: "}"),
           value.dropFirst(2).dropLast().allSatisfy({ isIdentifierByte($0) || ":.-".utf8.contains($0) }) {
            return true
        }
        // `?SN_RC2_NOT_AUTHORIZE`, `?DEFAULT_PASSWORD`: an Erlang macro, named in capitals (EMQX).
        if value.count > 4, value.first == UInt8(ascii: "?"), isConstantName(Array(value.dropFirst())) { return true }
        // `prefix_len+strlen(key)+1`: a sum of names, calls and small numbers (Mosquitto's C).
        if isSumWithCall(value) { return true }
        // `smithy.api#httpApiKeyAuth`, `java.util.Map#get`: a member after the dotted name of its
        // namespace or type (Smithy's shape ids, Javadoc's references), without digits. Not
        // `development#product` (a JWT secret in a real config).
        if let hash = value.firstIndex(of: UInt8(ascii: "#")), hash > 0, !value.contains(where: isDigit) {
            let owner = Array(value[..<hash]), member = value[(hash + 1)...]
            let path = identifierPath(in: owner)
            if path.length == owner.count, path.separators > 0, member.count >= 3, member.allSatisfy(isIdentifierByte) {
                return true
            }
        }
        // `confirmation</label`: text of a markup element, cut at its closing tag.
        if let close = value.firstRange(of: Array("</".utf8)), close.upperBound < value.count,
           isLowercase(value[close.upperBound]) { return true }
        // `Pass$RANDOM$RANDOM`: a password the shell draws at run time, not a committed one.
        if ["$RANDOM", "$SRANDOM"].contains(where: { value.contains(subsequence: Array($0.utf8)) }) { return true }
        // `alice-$timestamp`: a word and a variable that a string template (Kotlin's, the shell's)
        // fills in, told from a password with `$` in it (`Tz6$qW3v`) by the lowercase names.
        if let dollar = value.lastIndex(of: UInt8(ascii: "$")), dollar >= 3, dollar + 4 <= value.count,
           value[..<dollar].dropLast().allSatisfy(isLowercase), "-_.:".utf8.contains(value[dollar - 1]),
           value[(dollar + 1)...].allSatisfy(isLowercase) {
            return true
        }
        // `#/components/schemas/x`: a JSON pointer (`$ref`), naming another part of the document.
        if value.starts(with: Array("#/".utf8)) { return true }
        // `\",\"first_name\":\"User\"`: JSON-escaped text between two strings, taken for a value.
        if first == UInt8(ascii: "\\"), value.count > 2, value[1] == UInt8(ascii: "\""), ",;:)]}".utf8.contains(value[2]) {
            return true
        }
        // `"Credential="+r.Form.Get(x)`: what a string is joined with, cut after its `+`.
        if first == UInt8(ascii: "+"), value.count > 2, isReferenceOrExpression(Array(value.dropFirst().drop { $0 == UInt8(ascii: " ") })) {
            return true
        }
        // `"Error fetching MFA token: "+s),{code:…`: a name joined to the string, then the call or
        // the list it is in closes (AWS' minified SDK for JavaScript).
        if first == UInt8(ascii: "+") {
            let joined = Array(value.dropFirst().drop(while: isBlank))
            let path = identifierPath(in: joined)
            if path.length > 0, path.length < joined.count, ");,]}".utf8.contains(joined[path.length]),
               !joined[..<path.length].contains(where: isDigit) {
                return true
            }
        }
        // `"+campaign.stats.submitted_data+"`: what is joined between two strings, read from a
        // name (`"Submitted Credentials: "+campaign.stats.submitted_data+"<br>"`, minified).
        // A quote of the other kind may close and open the joined strings: `value="'+PMA_messages.strGenerate+'"`
        // (phpMyAdmin's minified JavaScript building an attribute).
        let unquoted = value.count > 2 && "'\"".utf8.contains(first) && last == first ? Array(value.dropFirst().dropLast()) : value
        if unquoted.first == UInt8(ascii: "+"), unquoted.last == UInt8(ascii: "+"), unquoted.count > 4 {
            let joined = Array(unquoted.dropFirst().dropLast().drop(while: isBlank).reversed().drop(while: isBlank).reversed())
            let path = identifierPath(in: joined)
            let readsName = path.length == joined.count && (path.separators > 0 || path.sigil)
            if readsName || isReferenceOrExpression(joined) { return true }
        }
        // `%s/%s/us-east-1/s3/aws4_request`: a format string that the code fills in, opening with
        // a conversion.
        if first == UInt8(ascii: "%"), value.count > 2, "sdvq".utf8.contains(value[1]), !isIdentifierByte(value[2]) { return true }
        // `OBJ_pkcs9,7L`: an object identifier as OpenSSL's `obj_mac.h` defines it, a parent's
        // macro and the arc numbers below it.
        let arcs = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        if arcs.count >= 2, isConstantOrMacroName(arcs[0]), arcs.dropFirst().allSatisfy({ arc in
            let digits = arc.prefix(while: isDigit)
            return !digits.isEmpty && ["", "L", "UL"].contains(String(decoding: arc.dropFirst(digits.count), as: UTF8.self))
        }) { return true }
        // `access_key=$AWS_ACCESS_KEY_ID`: the next `name=value` option of a command, whose value
        // is a reference, taken for the value of the name before it.
        if let equals = value.firstIndex(of: UInt8(ascii: "=")), equals > 1, equals + 1 < value.count,
           isWordIdentifier(Array(value[..<equals])), isReferenceOrExpression(Array(value[(equals + 1)...])) {
            return true
        }
        // `flux:$DOCKER_PAT`: a user and `:`, then a variable that holds the password (`--creds`).
        if let colon = value.firstIndex(of: UInt8(ascii: ":")), colon >= 2, colon + 2 < value.count,
           value[colon + 1] == UInt8(ascii: "$"),
           value[..<colon].allSatisfy({ isLowercase($0) || isDigit($0) || "-_.".utf8.contains($0) }),
           isReferenceOrExpression(Array(value[(colon + 1)...])) {
            return true
        }
        // `fes.zalando.org/FES_CPU`, `app.kubernetes.io/name`: a name under a DNS prefix, as
        // Kubernetes' annotation and label keys are written.
        if isDomainPrefixedName(value) { return true }
        // `__WEBPACK_EXTERNAL_MODULE_swagger_client_es_resolver_strategies_generic_08dd5200__`:
        // an identifier of many words that a bundler builds from a module's path and its hash.
        if value.starts(with: Array("__".utf8)), value.allSatisfy(isIdentifierByte) {
            let words = value.split(separator: UInt8(ascii: "_"))
            let plain = words.filter { $0.count >= 2 && $0.allSatisfy { isLowercase($0) || isUppercase($0) } }
            if words.count >= 5, plain.count + 1 >= words.count { return true }
        }
        return isNameTemplate(value) || isTokenClassTemplate(value) || isNumberedScope(value)
    }

    /// `prefix_len+strlen(key)+1`, `rootPath+credFileInput.val()`: two or more terms joined by `+`,
    /// each a name, a number of up to three digits or a call of names, one a call at least
    /// (`Pass+word1` is a password).
    static func isSumWithCall(_ value: [UInt8]) -> Bool {
        let terms = value.split(separator: UInt8(ascii: "+"), omittingEmptySubsequences: false)
        guard terms.count >= 2 else { return false }
        var calls = 0
        for term in terms {
            if (1...3).contains(term.count), term.allSatisfy(isDigit) { continue }
            guard let first = term.first, isIdentifierStart(first) else { return false }
            // `credFileInput.val()`: a method of a member is called as well (Node-RED's editor).
            let name = term.prefix { isIdentifierByte($0) || $0 == UInt8(ascii: ".") }
            guard name.last != UInt8(ascii: ".") else { return false }
            if name.count == term.count { continue }
            let arguments = term.dropFirst(name.count)
            guard arguments.first == UInt8(ascii: "("), arguments.last == UInt8(ascii: ")"),
                  arguments.dropFirst().dropLast().allSatisfy({ isIdentifierByte($0) || ", ".utf8.contains($0) })
            else { return false }
            calls += 1
        }
        return calls > 0
    }

    /// `GHSA-xxxx-xxxx-xxxx` (GitHub's advisories: three groups of four in its lowercase base32
    /// alphabet) and `CVE-YYYY-N…`.
    static func isAdvisoryID(_ value: [UInt8]) -> Bool {
        if value.starts(with: Array("GHSA-".utf8)) {
            let groups = value.dropFirst(5).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            return groups.count == 3 && groups.allSatisfy { $0.count == 4 && $0.allSatisfy { isLowercase($0) || isDigit($0) } }
        }
        guard value.starts(with: Array("CVE-".utf8)) else { return false }
        let parts = value.dropFirst(4).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && (4...7).contains(parts[1].count)
            && parts.allSatisfy { $0.allSatisfy(isDigit) }
    }

    /// `--address=127.0.0.1:0`, `--insecure`, `--ask-password`: a long option, `--` and lowercase
    /// words joined by `-`, alone or with its `=` value.
    static func isCommandOption(_ value: [UInt8]) -> Bool {
        guard value.count > 3, value.starts(with: Array("--".utf8)), isLowercase(value[2]) else { return false }
        let name = value.dropFirst(2).prefix { isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        return name.count >= 3 && (2 + name.count == value.count || value[2 + name.count] == UInt8(ascii: "="))
    }

    /// `20/m/ip,5/m/key`, `5/min`, `100/hour`: rate limits joined by `,`, each a number, `/`, a unit
    /// of time in letters and optionally `/` and what is counted.
    static func isRateList(_ value: [UInt8]) -> Bool {
        let rates = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        return rates.allSatisfy { rate in
            let parts = rate.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            return (2...3).contains(parts.count) && !parts[0].isEmpty && parts[0].allSatisfy(isDigit)
                && timeUnits.contains(Array(parts[1]))
                && parts.dropFirst(2).allSatisfy { !$0.isEmpty && $0.allSatisfy(isLowercase) }
        }
    }

    private static let timeUnits: Set<[UInt8]> = Set(["s", "sec", "second", "m", "min", "minute", "h", "hour", "d", "day"]
        .map { Array($0.utf8) })

    /// `OBJ_pkcs9`, `NID_X509`: a C macro's name, a capitalised prefix and `_`, then letters,
    /// digits and `_`.
    private static func isConstantOrMacroName(_ name: ArraySlice<UInt8>) -> Bool {
        let prefix = name.prefix(while: isUppercase)
        return prefix.count >= 2 && name.dropFirst(prefix.count).first == UInt8(ascii: "_") && name.count > prefix.count + 1
            && name.allSatisfy(isIdentifierByte)
    }

    /// `web_requests#handle_request`, `admin/users#reset_password`: a Rails route's controller and
    /// action, lowercase snake-case names joined by `#` (with a `_` in them: `sunny#beach` may be
    /// a password).
    static func isControllerAction(_ value: [UInt8]) -> Bool {
        let sides = value.split(separator: UInt8(ascii: "#"), omittingEmptySubsequences: false)
        guard sides.count == 2, value.contains(UInt8(ascii: "_")) else { return false }
        return sides.allSatisfy { side in
            guard let first = side.first, isLowercase(first) else { return false }
            return side.allSatisfy { isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "/") }
        }
    }

    /// `br,input,link,meta,!doctype,basefont`: lowercase words joined by `,` (tag names, options),
    /// four or more, three in four of them words alone.
    static func isWordList(_ value: [UInt8]) -> Bool {
        let items = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard items.count >= 4 else { return false }
        let words = items.filter { item in
            let word = item.drop { $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }
            return (1...20).contains(word.count) && word.allSatisfy(isLowercase)
        }
        return words.count * 4 >= items.count * 3
    }

    /// `(?<!:):[a-zA-Z_][a-zA-Z0-9_]*` (Doctrine's named parameter): a regular expression, told by a
    /// group's `(?` syntax, a character class of a range (`[a-z`, `[A-Z`, `[0-9`) or a repeated
    /// class escape (`\d+`, `\w{`); a password generator's `[`, `(` or `\` are not followed so.
    /// Also a pattern anchored at both ends around a repeated any-character (`^|(.{3,})$`, a
    /// password policy's in YunoHost).
    static func isRegularExpression(_ value: [UInt8]) -> Bool {
        if value.first == UInt8(ascii: "^"), value.last == UInt8(ascii: "$"),
           anchoredRepetitions.contains(where: { value.contains(subsequence: $0) }) {
            return true
        }
        return regularExpressionMarkers.contains { value.contains(subsequence: $0) }
    }

    private static let anchoredRepetitions: [[UInt8]] = [".{", ".*", ".+"].map { Array($0.utf8) }

    private static let regularExpressionMarkers: [[UInt8]] = [
        "(?:", "(?<", "(?=", "(?!", "[a-z", "[A-Z", "[0-9", "\\d+", "\\d*", "\\d{", "\\w+", "\\w*", "\\w{", "\\s+", "\\s*",
        // Ranges that end a class or follow one another (`[-!#$%&'*+.^_`|~0-9a-zA-Z]+`, h11's token).
        "a-z]", "A-Z]", "0-9]", "a-zA-Z", "A-Za-z", "0-9a-z", "0-9A-Z", "a-z0-9", "A-Z0-9",
    ].map { Array($0.utf8) }

    /// `markup.heading.1`, `support.class.actionscript.2`: a TextMate scope that numbers its last
    /// part (Ace's and Monaco's modes, vendored with web consoles): two lowercase words or more,
    /// joined by dots, then one or two digits.
    static func isNumberedScope(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 3, let number = parts.last, (1...2).contains(number.count), number.allSatisfy(isDigit) else {
            return false
        }
        return parts.dropLast().allSatisfy { word in
            word.count >= 2 && word.allSatisfy { isLowercase($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        }
    }

    /// `string.$S2.delim`, `keyword.tag-$1`, `comment.keyword.$2`: a token class that a syntax
    /// highlighter's grammar fills in from what it matched (Monaco's Monarch grammars, bundled
    /// minified in web consoles): lowercase words joined by dots, one part at least a
    /// back-reference (`$0` to `$9`, Monarch's state arguments `$S0` to `$S9`), alone or after a
    /// word and `-`.
    static func isTokenClassTemplate(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        var references = 0
        for part in parts {
            var word = part
            if let dollar = part.firstIndex(of: UInt8(ascii: "$")) {
                let reference = Array(part[(dollar + 1)...])
                let numbered = reference.count == 1 && isDigit(reference[0])
                let stateArgument = reference.count == 2 && reference[0] == UInt8(ascii: "S") && isDigit(reference[1])
                guard numbered || stateArgument else { return false }
                word = part[..<dollar]
                if let last = word.last {
                    guard last == UInt8(ascii: "-") else { return false }
                    word = word.dropLast()
                }
                references += 1
            } else if word.isEmpty {
                return false
            }
            guard word.allSatisfy({ isLowercase($0) || isDigit($0) || "_-".utf8.contains($0) }) else { return false }
        }
        return references >= 1
    }

    /// Three or more runs of digits joined by single dots.
    static func isDottedNumbers(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count >= 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
    }

    /// `management.endpoint.%s.access`, `cache.{}.ttl`: a dotted property name with a conversion
    /// for one of its parts, which code fills in (Spring Boot's `"….%s.access".formatted(id)`):
    /// three parts or more, each a lowercase word or `%s`, `%d`, `{}`, `{0}` to `{9}`.
    static func isNameTemplate(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        var conversions = 0
        for part in parts {
            if ["%s", "%d", "{}"].contains(where: { part.elementsEqual($0.utf8) })
                || part.count == 3 && part.first == UInt8(ascii: "{") && isDigit(part[part.startIndex + 1]) && part.last == UInt8(ascii: "}") {
                conversions += 1
                continue
            }
            guard let head = part.first, isLowercase(head),
                  part.allSatisfy({ isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else { return false }
        }
        return conversions >= 1
    }

    /// `Uint8Array`, `BigInt64Array`, `Float32Array`, `UInt8`, `Int64`, `u8`, `usize`: the names
    /// of number types and typed arrays in JavaScript, Swift, Go and Rust, the ones with digits
    /// that the identifier checks cannot tell from a password like `Summer2024Winter`.
    static func isNumericTypeName(_ name: some Collection<UInt8>) -> Bool {
        numericTypeNames.contains(Array(name))
    }

    private static let numericTypeNames: Set<[UInt8]> = {
        var names: Set<String> = ["usize", "isize", "f32", "f64", "Float16Array", "Float32Array", "Float64Array",
                                  "Uint8ClampedArray", "Float32", "Float64", "float32", "float64"]
        for width in ["8", "16", "32", "64", "128"] {
            for base in ["Int", "Uint", "UInt", "BigInt", "BigUint", "int", "uint", "u", "i"] {
                names.insert(base + width)
                names.insert(base + width + "Array")
            }
        }
        return Set(names.map { Array($0.utf8) })
    }()

    /// `#{name}`, `#{config[:key]}`, `sb_#{random_string()}`: Ruby (and Elixir, CoffeeScript)
    /// interpolation of a name, an index or a call; `user-${id}-key`, JavaScript's of a name;
    /// `{$user['uid']}`, PHP's.
    /// Also an interpolation the value ends inside, a call cut at its quoted argument
    /// (`:#{ENV.fetch(` from `":#{ENV.fetch('TOKEN', nil)}"`).
    private static func holdsInterpolation(_ value: [UInt8]) -> Bool {
        var index = 0
        while index + 3 < value.count {
            if value[index] == UInt8(ascii: "$"), value[index + 1] == UInt8(ascii: "{"), isIdentifierStart(value[index + 2]),
               let close = value[(index + 2)...].firstIndex(of: UInt8(ascii: "}")),
               value[(index + 2)..<close].allSatisfy({ isIdentifierByte($0) || $0 == UInt8(ascii: ".") }) {
                return true
            }
            // `uid='{$mybb->user['uid']}'`: PHP's interpolation of a variable, its member or its element.
            if value[index] == UInt8(ascii: "{"), value[index + 1] == UInt8(ascii: "$"), isIdentifierStart(value[index + 2]) {
                let after = index + 2 + value[(index + 2)...].prefix(while: isIdentifierByte).count
                if after + 1 < value.count, value[after] == UInt8(ascii: "}") || value[after] == UInt8(ascii: "[")
                    || value[after] == UInt8(ascii: "-") && value[after + 1] == UInt8(ascii: ">") {
                    return true
                }
            }
            if value[index] == UInt8(ascii: "#"), value[index + 1] == UInt8(ascii: "{"), isIdentifierStart(value[index + 2]) || value[index + 2] == UInt8(ascii: "@") {
                guard let close = value[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                    return isNameOrCall(Array(value[(index + 2)...]))
                }
                let inner = value[(index + 2)..<close]
                if inner.allSatisfy({ isIdentifierByte($0) || "@.:[]\"'()".utf8.contains($0) }) { return true }
            }
            index += 1
        }
        return false
    }

    /// `{access_key_id}/20160623/{region_name}/…`: a format string (Python's `str.format` and
    /// f-strings, C#'s interpolation) with two or more named fields; one (`Summer{time}Xk9q`)
    /// may be part of a password.
    static func holdsFormatFields(_ value: [UInt8]) -> Bool {
        var fields = 0
        var index = 0
        while index < value.count {
            if value[index] == UInt8(ascii: "{"), let close = value[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
               close - index > 3, isIdentifierStart(value[index + 1]),
               value[(index + 1)..<close].allSatisfy({ isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) {
                fields += 1
                index = close
            }
            index += 1
        }
        return fields >= 2
    }

    /// Forms told by a leading name: `$NAME`, `$this->password`, `a::B`, and calls, indexes or
    /// composite literals such as `getPassword()`, `os.getenv(`, `ENV[`, `ENC[AES256_GCM,...]`,
    /// `&v1alpha1.RepoCreds{}`, `jwtCredentials{` (Go, Rust).
    private static func isNameOrCall(_ value: [UInt8]) -> Bool {
        if let member = staticMemberAfterNamespace(value) { return isNameOrCall(member) }
        let path = identifierPath(in: value)
        guard path.length > 0, let last = value.last else { return false }
        if path.length == value.count {
            // `$NAME`, `@password`, `&anchor`, `*alias`, `$this->password`, `a::B`: a name, not a value;
            // `this.$strings.HeaderUpdateApiKey`: a member read from `this`, or through a `$` member (Vue's)
            // in a path without digits.
            return path.sigil || path.separators > 0
                && (!path.onlyDots || value.starts(with: Array("this.".utf8))
                    || value.contains(subsequence: Array(".$".utf8)) && !value.contains(where: isDigit))
        }
        var next = value[path.length]
        // `colon2+1`: a name and a small offset, C's pointer arithmetic (`char *pwd = colon2+1;`).
        if next == UInt8(ascii: "+"), path.length >= 3, (2...3).contains(value.count - path.length),
           value[(path.length + 1)...].allSatisfy(isDigit) { return true }
        if next == UInt8(ascii: "{") { return opensFields(value[(path.length + 1)...], after: value[..<path.length]) }
        // Most branches below take only a name without digits: `Tr0ub4` before a bracket is a password's.
        lazy var nameHasDigits = value[..<path.length].contains(where: isDigit)
        // `DefaultMyqlColumn<{`, `Map<String,`: a capitalised type's generic arguments (TypeScript's
        // `refresh_token: DefaultMyqlColumn<{` in Auth.js' Drizzle adapter).
        // `useState<{`: a function called with type arguments, a lowercase name of words (React's hooks).
        if next == UInt8(ascii: "<"), let first = value.first, path.separators == 0, path.length >= 3,
           value[..<path.length].contains(where: isLowercase),
           isUppercase(first) || isLowercase(first) && value[..<path.length].contains(where: isUppercase)
            && isWordIdentifier(Array(value[..<path.length])) {
            let argument = path.length + 1 < value.count ? value[path.length + 1] : nil
            if argument.map({ "{[(".utf8.contains($0) || isIdentifierStart($0) }) ?? true { return true }
        }
        // `builder.mutation<`: a method called with type arguments, cut at the line break after `<`
        // (Redux Toolkit's endpoints in Flagsmith), a member named in words.
        if next == UInt8(ascii: "<"), path.separators > 0, path.onlyDots, path.length + 1 == value.count,
           !nameHasDigits {
            return true
        }
        let following = path.length + 1 < value.count ? value[path.length + 1] : 0
        // `tc.credentials.(*AdminIdentityImportCredentials)`: a Go type assertion.
        if next == UInt8(ascii: "."), following == UInt8(ascii: "("), path.separators > 0 || path.sigil { return true }
        // `textToSpeech?.[selectedProvider]?.credentialId`, `handler?.(event)`: optional chaining
        // (JavaScript, C#) after a name without digits.
        if next == UInt8(ascii: "?"), following == UInt8(ascii: "."), path.length + 2 < value.count,
           "[(".utf8.contains(value[path.length + 2]) || isIdentifierStart(value[path.length + 2]),
           !nameHasDigits {
            return true
        }
        // `MailUsername+`: a name joined to the string that follows, cut at that string's quote
        // (`szUserPassword=MailUsername+":"+MailPassword`, Domoticz).
        if next == UInt8(ascii: "+"), path.length + 1 == value.count, path.length >= 3, !path.sigil,
           !nameHasDigits {
            return true
        }
        // `_this.$(`: jQuery's `$` called as a member (`_this.$('#password').val()`, Rockstor's views).
        if next == UInt8(ascii: "."), value[(path.length + 1)...].starts(with: "$(".utf8),
           !nameHasDigits {
            return true
        }
        // `currentDevice.APIKey=`: a member's name and `=`, the label a log message prints before its value.
        if next == UInt8(ascii: "="), path.length + 1 == value.count, path.separators > 0, path.onlyDots,
           !nameHasDigits {
            return true
        }
        // `tag.description|split(`, `user.name|upper`: a Twig or Jinja filter applied to a member read.
        if next == UInt8(ascii: "|"), path.separators > 0, path.onlyDots, !nameHasDigits {
            let filter = value[(path.length + 1)...].prefix { isLowercase($0) || $0 == UInt8(ascii: "_") }
            let end = path.length + 1 + filter.count
            if filter.count >= 3, end == value.count || "(|".utf8.contains(value[end]) { return true }
        }
        // `shortcutItem.userInfo?[`: Swift's optional subscript after a member without digits
        // (`userInfo?["accessToken"]`, Mastodon's scene delegate).
        if next == UInt8(ascii: "?"), following == UInt8(ascii: "["), path.separators > 0 || path.sigil,
           !nameHasDigits {
            return true
        }
        var opening = path.length
        // `aws_instance:Credentials({`, `jwt:sign(key`: a Lua method call (a bare `user:pass` is a
        // credential, not a name).
        if next == UInt8(ascii: ":"), isIdentifierStart(following) {
            let method = value[(path.length + 1)...].prefix(while: isIdentifierByte)
            let after = path.length + 1 + method.count
            if after < value.count, value[after] == UInt8(ascii: "(") {
                opening = after
                next = value[after]
            }
        }
        // `described_class.create!(user:`, `valid?(x)`: a Ruby method whose name ends in `!` or `?`;
        // `ready!(rx.poll_unpin(cx)`, `vec![`: a Rust macro, named in lowercase words.
        let rustMacro = next == UInt8(ascii: "!") && path.separators == 0 && !path.sigil && path.length >= 3
            && value[..<path.length].allSatisfy { isLowercase($0) || $0 == UInt8(ascii: "_") }
        // `child.children![0].text`: TypeScript's non-null assertion, then an index.
        let assertedIndex = next == UInt8(ascii: "!") && following == UInt8(ascii: "[") && path.separators > 0
        let indexed = (rustMacro || assertedIndex) && following == UInt8(ascii: "[")
        if "!?".utf8.contains(next), following == UInt8(ascii: "(") || indexed, path.separators > 0 || rustMacro {
            opening += 1
            next = following
        }
        // `int32(x`, `uint64(n)`: a conversion to a number type is a call, digits and all.
        let wordName = !value[..<opening].contains(where: isDigit) || isNumericTypeName(value[..<opening])
        // `presence).`, `value);`: the end of an expression, a name and what closes around it; then
        // perhaps a method called on what the call returns (`uname).first`, Postal's
        // `Server.where(token: uname).first`).
        if next == UInt8(ascii: ")"), wordName, path.length >= 3 {
            let after = value[path.length...].drop { ")]".utf8.contains($0) }
            if after.allSatisfy({ ").;,]".utf8.contains($0) }) { return true }
            let method = Array(after.dropFirst())
            if after.first == UInt8(ascii: "."), isMemberName(method) || isWordIdentifier(method) || isNameOrCall(method) {
                return true
            }
        }
        // `SecureRandom.uuid}.to_json`: a member read where a literal closes, and a method called
        // on the literal (Lago's seeds).
        if "})]".utf8.contains(next), wordName, path.separators > 0 || path.sigil {
            let after = value[path.length...].drop { "})]".utf8.contains($0) }
            let method = Array(after.dropFirst())
            if after.allSatisfy({ ";,".utf8.contains($0) })
                || after.first == UInt8(ascii: ".") && (isWordIdentifier(method) || isNameOrCall(method)) {
                return true
            }
        }
        guard next == UInt8(ascii: "(") || next == UInt8(ascii: "[") else { return false }
        // What follows the bracket must read as arguments or an index (`db`, `"K"`, `i + 1`,
        // `x.y`): `Zz9vFN43PA[I95y~([B|nU` or `QvcU(1w0IE<;;FdZN` is a generated password.
        // `LazyLock::new(|| {`, `open_gauge.open(|count|`: a Rust closure as the argument.
        if next == UInt8(ascii: "("), isClosureStart(value[(opening + 1)...]) { return true }
        guard readsAsArguments(value[(opening + 1)...], skippingStrings: wordName || path.separators > 0) else { return false }
        // A bracket opened after a name and not closed in the value: a call cut at its first
        // argument separator (`sqlite3DbSpanDup(db, ...`).
        let closer = next == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        guard let closing = value[opening...].firstIndex(of: closer) else { return true }
        // `sha256(pass).toString().slice(0`: a method called on what the call returns.
        if isMethodCall(value[(closing + 1)...]) { return true }
        // A name with digits before a bracket (`Tr0ub4(dor)&3x`) is a password unless the value
        // also ends with a bracket.
        let closes = [UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]")].contains(last)
        return closes || wordName || path.separators > 0
    }

    /// `snmp_priv_passphrase`, `next-fa-glyph`: two lowercase words or more, of two letters or more,
    /// joined by one of `separators`.
    private static func joinsLowercaseWords(_ name: ArraySlice<UInt8>, by separators: String) -> Bool {
        let words = name.split(omittingEmptySubsequences: false) { separators.utf8.contains($0) }
        return words.count >= 2 && words.allSatisfy { $0.count >= 2 && $0.allSatisfy(isLowercase) }
    }

    /// `Encryption\Crypt\aesctr::decrypt(…` → `aesctr::decrypt(…`: a PHP class named with its
    /// namespace (names without digits, each followed by `\`, perhaps after a leading `\`), read from
    /// the class on when a static member (`::`) follows it. Nil for anything else.
    private static func staticMemberAfterNamespace(_ value: [UInt8]) -> [UInt8]? {
        let backslash = UInt8(ascii: "\\")
        var start = value.first == backslash ? 1 : 0
        var namespaces = 0
        while start < value.count, isIdentifierStart(value[start]) {
            let name = value[start...].prefix(while: isIdentifierByte)
            let end = start + name.count
            guard end < value.count, value[end] == backslash, !name.contains(where: isDigit) else { break }
            namespaces += 1
            start = end + 1
        }
        guard namespaces > 0, start < value.count else { return nil }
        let member = Array(value[start...])
        let className = member.prefix(while: isIdentifierByte)
        return member.dropFirst(className.count).starts(with: Array("::".utf8)) && !className.isEmpty ? member : nil
    }

    /// Three or more names in upper camel case (two capitals or more, at most one digit: `S3Object`;
    /// words of three lowercase letters or more after their capital) joined by `:` or `/`.
    private static func isTypeNamePath(_ value: [UInt8]) -> Bool {
        guard value.first.map(isUppercase) == true else { return false }
        let names = value.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }
        return names.count >= 3 && names.allSatisfy { name in
            let lowercaseRuns = name.split { !isLowercase($0) }
            return name.first.map(isUppercase) == true && name.filter(isUppercase).count >= 2 && name.filter(isDigit).count <= 1
                && !lowercaseRuns.isEmpty && lowercaseRuns.allSatisfy { $0.count >= 3 }
                && isWordIdentifier(name.filter { !isDigit($0) })
        }
    }

    /// `App\Http\Middleware`: two or more capitalised names without digits, joined by `\`.
    private static func isFullyQualifiedNamespace(_ value: ArraySlice<UInt8>) -> Bool {
        let names = value.split(separator: UInt8(ascii: "\\"), omittingEmptySubsequences: false)
        return names.count >= 2 && names.allSatisfy { name in
            name.first.map(isUppercase) == true
                && name.allSatisfy { isLowercase($0) || isUppercase($0) || $0 == UInt8(ascii: "_") }
        }
    }

    /// `Invoke-WebRequest`, `ConvertTo-SecureString`: a PowerShell cmdlet's name, an approved verb's
    /// shape (a capital, then letters) and a noun of words, joined by one `-`.
    private static func isCmdletName(_ name: ArraySlice<UInt8>) -> Bool {
        let parts = name.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 2, let verb = parts.first, let noun = parts.last, verb.count >= 3, noun.count >= 3,
              let v = verb.first, let n = noun.first, isUppercase(v), isUppercase(n) else { return false }
        return verb.allSatisfy { isLowercase($0) || isUppercase($0) } && isWordIdentifier(Array(noun))
            && verb.dropFirst().contains(where: isLowercase)
    }

    /// `first`, `valid?`, `to_s!`: a member's name of three letters or more, without digits, perhaps
    /// ending as Ruby's predicates and mutating methods do.
    private static func isMemberName(_ name: [UInt8]) -> Bool {
        let letters = name.last.map { "?!".utf8.contains($0) } == true ? name.dropLast() : name[...]
        return letters.count >= 3 && letters.allSatisfy { isLowercase($0) || isUppercase($0) || $0 == UInt8(ascii: "_") }
    }

    /// `.toString()`, `.slice(0`: a method called, a dot and a name in words, then `(`.
    private static func isMethodCall(_ rest: ArraySlice<UInt8>) -> Bool {
        guard rest.first == UInt8(ascii: "."), let start = rest.dropFirst().first, isIdentifierStart(start) else { return false }
        let name = rest.dropFirst().prefix(while: isIdentifierByte)
        return name.count >= 3 && !name.contains(where: isDigit) && rest.dropFirst(1 + name.count).first == UInt8(ascii: "(")
    }

    /// `||`, `|count|`, `|(key, value)|`, `|&x|`: a Rust closure's parameters, between bars.
    private static func isClosureStart(_ rest: ArraySlice<UInt8>) -> Bool {
        guard rest.first == UInt8(ascii: "|") else { return false }
        let parameters = rest.dropFirst().prefix { $0 != UInt8(ascii: "|") }
        guard parameters.count < rest.count - 1 else { return false }
        return parameters.allSatisfy { isIdentifierByte($0) || "&,:() ".utf8.contains($0) }
            && (parameters.isEmpty || parameters.contains(where: isLowercase))
    }

    /// The text after a composite literal's `{` (Go, Rust) and the type's name before it: nothing
    /// (the value was cut there), `}`, a field's name and `:` (`{Name: …`, `{store:`), a first
    /// value and `,` (`{store, mock}`), a nested literal's `&` (`{&google.…`), or a name up to
    /// where the value was cut after a type's name without digits (`Creds{store`), or a dotted
    /// name so cut after a dotted type's name (`impart.HTTPError{http.StatusBadRequest`), or a
    /// number so cut after a package's type (`asn1.ObjectIdentifier{1`).
    /// `mbxs{zFS*)x6a9)N` and `Tr0ub4{dor}&3x` are passwords.
    private static func opensFields(_ rest: ArraySlice<UInt8>, after type: ArraySlice<UInt8>) -> Bool {
        let wordType = !type.contains(where: isDigit)
        var rest = rest
        // `CredentialsWebAuthn{*credential`: a pointer's target as the first value.
        if wordType, rest.first == UInt8(ascii: "*") { rest = rest.dropFirst() }
        guard let first = rest.first else { return true }
        if first == UInt8(ascii: "}") || first == UInt8(ascii: "&") { return true }
        // `asn1.ObjectIdentifier{1, 2, 840, …}`: numbers as the first value, cut at its `,`, after a
        // package's exported type (a capitalised name of words after the last dot).
        if isDigit(first), rest.allSatisfy(isDigit), let dot = type.lastIndex(of: UInt8(ascii: ".")) {
            let name = type[(dot + 1)...]
            if let initial = name.first, isUppercase(initial), name.count >= 3, isWordIdentifier(Array(name)) { return true }
        }
        guard isIdentifierStart(first) else { return false }
        let name = rest.prefix(while: isIdentifierByte)
        guard let after = rest.dropFirst(name.count).first else { return wordType }
        // `impart.HTTPError{http.StatusInternalServerError`: a first value read from a package or a
        // type, a dotted name up to where the value was cut at its `,`, after a dotted type's name.
        if after == UInt8(ascii: "."), wordType, identifierPath(in: Array(type)).separators > 0 {
            let member = identifierPath(in: Array(rest))
            if member.length == rest.count, member.onlyDots { return true }
        }
        // `AuthNProvider{valuer.NewString(`: a first value that a package's function returns, cut at
        // its argument; a call of a dotted name of words (no digits, three letters a segment).
        if after == UInt8(ascii: "."), wordType, type.count >= 4 {
            let call = Array(rest)
            let member = identifierPath(in: call)
            let segments = call[..<member.length].split(separator: UInt8(ascii: "."))
            if member.onlyDots, member.length < call.count, call[member.length] == UInt8(ascii: "("),
               segments.allSatisfy({ $0.count >= 3 && !$0.contains(where: isDigit) }), isNameOrCall(call) {
                return true
            }
        }
        // `CredentialsWebAuthn{cred1}`: one value that ends the literal and the value, after a
        // type's name without digits (`some{strange}pw` goes on: a password).
        let closesLiteral = after == UInt8(ascii: "}") && rest.dropFirst(name.count + 1).allSatisfy { ",;)]".utf8.contains($0) }
        return after == UInt8(ascii: ":") || after == UInt8(ascii: ",") || wordType && closesLiteral
    }

    /// The text after a call's or an index's opening bracket, up to its closing bracket: code
    /// arguments hold names, numbers, quotes, blanks, nested brackets and `.,:_->*&$+/=!?`, not
    /// the `~^|#@%;<` that password generators scatter. After a function's name (words, or a
    /// path such as `getpass.getpass`) a string argument holds any text (`"🔑 Password: "`), so
    /// what is between its quotes is not judged.
    private static func readsAsArguments(_ rest: ArraySlice<UInt8>, skippingStrings: Bool) -> Bool {
        // `StpUtil::login(&quot;user_id`: code shown in HTML writes its quotes as entities.
        let rest = skippingStrings ? htmlQuotesDecoded(rest) : rest
        var quote: UInt8?
        var escaped = false
        for (offset, byte) in rest.enumerated() {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == open {
                    quote = nil
                }
                continue
            }
            // A string, or a regular expression literal as the first argument
            // (`tok.replace(/^\$\{?([^}]*)\}?$/`).
            let opensString = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "/") && offset == 0
            if skippingStrings, opensString {
                quote = byte
                continue
            }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { return true }
            // `\count($x)`: PHP's global namespace before a function's name; `map(&@credentials)`:
            // Ruby's block from an instance variable.
            if isIdentifierByte(byte) || " .,:_->*&$@+/=!?([{}\"'\\".utf8.contains(byte) { continue }
            // `Joken.generate_and_sign!(%{}, %{}, signer)`: an Elixir map literal as an argument of a
            // call named in words or members (`Tr0ub4(%{x` stays a password).
            if skippingStrings, byte == UInt8(ascii: "%"), rest.dropFirst(offset + 1).first == UInt8(ascii: "{") { continue }
            // `substr($pass||"",0,129)`: a logical or (`||`) in an argument of a call named in words.
            if skippingStrings, byte == UInt8(ascii: "|"), rest.dropFirst(offset).starts(with: Array("||".utf8))
                || offset > 0 && rest.dropFirst(offset - 1).starts(with: Array("||".utf8)) {
                continue
            }
            return false
        }
        return true
    }

    /// The bytes with HTML's `&quot;` and `&#39;` written as the quotes they stand for.
    private static func htmlQuotesDecoded(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var decoded: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let entity = htmlQuotes.first(where: { bytes[index...].starts(with: $0.entity) }) {
                decoded.append(entity.quote)
                index += entity.entity.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded[...]
    }

    private static let htmlQuotes: [(entity: [UInt8], quote: UInt8)] = [
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
    ]

    /// `/etc/x`, `./x`, `~/x`, `C:\x`, a URL, or lowercase word segments such as `secret/data/db`.
    static func isPath(_ lowered: String) -> Bool {
        // `\/home\/user\/code`: a path in JSON that escapes its slashes (a shell history's export).
        if lowered.contains("\\/") {
            return isPath(lowered.split(separator: "\\/", omittingEmptySubsequences: false).joined(separator: "/"))
        }
        for prefix in ["/", "./", "../", "~/", "\\\\"] where lowered.hasPrefix(prefix) { return true }
        if lowered.contains("://") { return true }
        let bytes = Array(lowered.utf8)
        if bytes.count > 2, bytes[1] == UInt8(ascii: ":"), bytes[2] == UInt8(ascii: "\\") { return true }
        // `local:/path/to/folder`, `backup-host:/srv/data`: a path on a named remote (rclone's,
        // scp's), a name and `:`, then two segments or more from the root.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon >= 2, colon + 2 < bytes.count,
           bytes[colon + 1] == UInt8(ascii: "/"), isPathSegment(bytes[..<colon]) {
            let segments = bytes[(colon + 2)...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            if segments.count >= 2, segments.allSatisfy(isPathSegment) { return true }
        }
        if isOpaqueURIWithoutSecret(bytes) { return true }
        let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.count >= 3 && segments.allSatisfy(isPathSegment)
    }

    /// `md:dlt_data_3?dbinstance_inactivity_ttl=0s`, `sqlite:app.db?mode=ro`: a URI without `//`
    /// (a scheme of letters, a name, a query) whose parameters' names say nothing of a secret; a
    /// token in the query (`md:?motherduck_token=…`) keeps the value a secret.
    private static func isOpaqueURIWithoutSecret(_ lowered: [UInt8]) -> Bool {
        guard let colon = lowered.firstIndex(of: UInt8(ascii: ":")), (2...12).contains(colon),
              lowered[..<colon].allSatisfy(isLowercase),
              let question = lowered[colon...].firstIndex(of: UInt8(ascii: "?")), question > colon + 1,
              isPathSegment(lowered[(colon + 1)..<question]) else { return false }
        let parameters = lowered[(question + 1)...].split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false)
        return parameters.allSatisfy { parameter in
            let parts = parameter.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, isPathSegment(parts[0]), isPathSegment(parts[1]) else { return false }
            return !namesSecret(String(decoding: parts[0], as: UTF8.self))
        }
    }

    /// Whether a lowercase name (a query parameter's, a JSON member's) holds a word that says its
    /// value is a secret: `motherduck_token`, `apiKey`, `client_credentials`, `sig`.
    static func namesSecret(_ lowered: String) -> Bool {
        secretNameParts.contains { lowered.contains($0) }
    }

    private static let secretNameParts = ["secret", "token", "pass", "pwd", "key", "auth", "cred", "private", "sig"]

    /// A path's segment as `isPath` reads it: identifier bytes, `-` and `.`, one at least.
    private static func isPathSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        !segment.isEmpty && segment.allSatisfy { isIdentifierByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// `@medusajs/medusa/api-key`, `@types/node`: an npm package named with its scope, lowercase
    /// letters and `-` as npm requires, a word of three letters or more in each part (`@xk9/mq2v`
    /// is a password).
    static func isScopedPackage(_ value: [UInt8]) -> Bool {
        guard value.first == UInt8(ascii: "@") else { return false }
        let segments = value.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.count >= 2 && segments.allSatisfy { segment in
            longestLowercaseRun(segment) >= 3 && segment.allSatisfy { isLowercase($0) || "-.".utf8.contains($0) }
        }
    }

    /// `fes.zalando.org/FES_CPU`: a lowercase DNS name of two labels or more ending in letters, `/`,
    /// and a name of letters, digits, `_`, `-` and `.` (base64 holds no `.` before its `/`).
    static func isDomainPrefixedName(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 2, let name = parts.last, !name.isEmpty,
              name.allSatisfy({ isIdentifierByte($0) || "-.".utf8.contains($0) }) else { return false }
        return isDomainName(parts[0])
    }

    /// `fes.zalando.org`, `payloadcms.com`: lowercase labels joined by `.`, two or more, the last
    /// of letters only.
    private static func isDomainName(_ name: ArraySlice<UInt8>) -> Bool {
        let labels = name.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(isLowercase) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { isLowercase($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// `dev@payloadcms.com`: a mail address, the account a password belongs to, not the password
    /// (`credentials: dev@payloadcms.com / test`). Lowercase as addresses are written, a domain of
    /// two labels or more ending in letters; `P@ssw0rd.Com` is a password.
    static func isMailAddress(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[0].allSatisfy({ isLowercase($0) || isDigit($0) || "._+-".utf8.contains($0) }) else { return false }
        return isDomainName(parts[1])
    }

    /// `active_storage/disk#update`, `secret/data`: lowercase words (or words in capitals) joined by
    /// `/` (a route, a key path), told from the value as written: generated secrets mix cases or
    /// put digits inside words. Digits count only as numbers of their own between `-`, `.` and `_`
    /// (`percona-server-server-5.7/root-pass`, a debconf question); `ab3x9/kq2z` mixes them in.
    static func isLowercaseRoute(_ value: [UInt8]) -> Bool {
        let segments = value.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }) else { return false }
        // `CRYPTO/DECRYPT`, `OPENPGP/POPUP_VIEW_TITLE`: a translation's key in capitals (SnappyMail).
        let capitals = !value.contains(where: isLowercase)
        func letter(_ byte: UInt8) -> Bool { capitals ? isUppercase(byte) : isLowercase(byte) }
        guard value.allSatisfy({ letter($0) || isDigit($0) || "_-.#/".utf8.contains($0) }) else { return false }
        let parts = value.split(whereSeparator: { "_-.#/".utf8.contains($0) })
        return parts.allSatisfy { $0.allSatisfy(letter) || $0.allSatisfy(isDigit) }
            && parts.contains { $0.allSatisfy(letter) }
    }

    /// `markup.heading.1.markdown`, `entity.name.function.ts`: lowercase words joined by `.`, three
    /// parts or more, digits only as parts of their own: a TextMate scope, a property's or a
    /// message's key (Monaco's themes name each scope `token`). Generated values mix digits in.
    static func isDottedLowercaseName(_ value: [UInt8]) -> Bool {
        let parts = value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let words = parts.filter { part in
            !part.isEmpty && part.allSatisfy { isLowercase($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
        let numbers = parts.filter { !$0.isEmpty && $0.allSatisfy(isDigit) }
        return words.count + numbers.count == parts.count && words.count >= 2
    }

    /// `NID_pkcs9_emailAddress`, `user_id2`, `2fa_secret`: snake-case words in which digits only end a word
    /// (random values put digits inside words: `aB3x_Yz9k_Qm4Lp8`); `description=`: a name
    /// followed by its own assignment. Not base64 that pads 16 bytes (`dTfyELRrAICGDwzjHDjuhw==`,
    /// OpenMRS' default AES key): 24 bytes ending in `==` are no name.
    static func isWordIdentifier(_ value: [UInt8]) -> Bool {
        if value.count % 4 == 0, value.count >= 24, value.suffix(2).elementsEqual("==".utf8),
           value.dropLast(2).last != UInt8(ascii: "=") {
            return false
        }
        var value = value
        while let end = value.last, end == UInt8(ascii: "=") || end == UInt8(ascii: ":") { value.removeLast() }
        // `2fa_backup_codes`, `3d_model`: a first word of lowercase letters after a number of one or
        // two digits (`9qAPbSLI_NRk` is random).
        let leadingNumber = value.prefix(while: isDigit).count
        let firstWord = value.dropFirst(leadingNumber).prefix { $0 != UInt8(ascii: "_") }
        if (1...2).contains(leadingNumber), firstWord.count >= 2, firstWord.allSatisfy(isLowercase),
           leadingNumber + firstWord.count < value.count {
            value.removeFirst(leadingNumber)
        }
        // `0001_initial`, `0003_auto_20221121_1610`: a Django migration's name, four digits from
        // `0`, `_`, then a word of three lowercase letters or more.
        if leadingNumber == 4, value.first == UInt8(ascii: "0"), value.count > 5, value[4] == UInt8(ascii: "_"),
           value.dropFirst(5).prefix(while: isLowercase).count >= 3 {
            value.removeFirst(5)
        }
        guard let first = value.first, isIdentifierStart(first), value.allSatisfy(isIdentifierByte) else { return false }
        var afterDigit = false
        for byte in value {
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if afterDigit && !digit && byte != UInt8(ascii: "_") { return false }
            afterDigit = digit
        }
        return value.contains(UInt8(ascii: "_")) || !value.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `$1$SomeSalt$`, `$5$rounds=5000$Xk9mQ2$`: crypt(3)'s scheme id (digits, or `2a`-style
    /// bcrypt ids), an optional `rounds=N`, and a salt of at most 16 bytes of crypt's alphabet,
    /// between `$` and ending with one: no hash after it.
    static func isCryptSetting(_ value: [UInt8]) -> Bool {
        guard value.count >= 4, value.first == UInt8(ascii: "$"), value.last == UInt8(ascii: "$") else { return false }
        var parts = value.dropFirst().dropLast().split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false)
        guard parts.count >= 2, let scheme = parts.first, (1...2).contains(scheme.count), scheme.first.map(isDigit) == true,
              scheme.allSatisfy({ isDigit($0) || isLowercase($0) }) else { return false }
        parts.removeFirst()
        if parts.count == 2, parts[0].starts(with: Array("rounds=".utf8)), parts[0].dropFirst(7).allSatisfy(isDigit) {
            parts.removeFirst()
        }
        guard parts.count == 1, let salt = parts.first else { return false }
        return (1...16).contains(salt.count)
            && salt.allSatisfy { isIdentifierByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }
    }

    /// `id=database_url,src=/run/x`, `type=secret,id=npm`: two or more `name=value` options joined
    /// by `,`, as Docker's `--secret` and `--mount` take them; or one whose name and value are words.
    static func isOptionList(_ value: [UInt8]) -> Bool {
        // `id=BUNDLE_PACKAGER__DEV`: Docker's `--secret` names a secret by its id alone.
        if value.starts(with: Array("id=".utf8)), value.count > 3, value.dropFirst(3).allSatisfy(isIdentifierByte) { return true }
        // `sms_provider=ovh`: one option, a name of lowercase words set to a lowercase word (Modoboa's
        // rules for when a form shows a field).
        if let equals = value.firstIndex(of: UInt8(ascii: "=")), equals + 2 < value.count {
            let name = value[..<equals], word = value[(equals + 1)...]
            if name.contains(UInt8(ascii: "_")), name.allSatisfy({ isLowercase($0) || $0 == UInt8(ascii: "_") }),
               name.first != UInt8(ascii: "_"), word.allSatisfy(isLowercase) { return true }
            // `enabled=true`: an option of one lowercase word set to a boolean (a test's comment).
            if name.count >= 3, name.allSatisfy(isLowercase), booleans.contains(Array(word)) { return true }
            // `target=calibreweb-watch_files`: a lowercase name set to lowercase words (Calibre-Web's
            // Google Drive channel token).
            if name.count >= 3, name.allSatisfy(isLowercase), joinsLowercaseWords(word, by: "-_") { return true }
        }
        let options = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        return options.count >= 2 && options.prefix(2).allSatisfy { option in
            let name = option.prefix { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }
            return name.count >= 2 && option.dropFirst(name.count).first == UInt8(ascii: "=")
        }
    }

    private static let booleans: Set<[UInt8]> = Set(["true", "false", "yes", "no", "on", "off"].map { Array($0.utf8) })

    /// `credentials/\d+/`, `teams/\d+/credentials/`: lowercase words and the character classes of
    /// a regular expression (`\d+`, `\w+`) joined by `/`, as URL routes are written.
    static func isRoutePattern(_ value: [UInt8]) -> Bool {
        guard value.contains(UInt8(ascii: "/")), value.contains(UInt8(ascii: "\\")) else { return false }
        var trimmed = value
        while trimmed.last == UInt8(ascii: "/") { trimmed.removeLast() }
        let segments = trimmed.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let classes: [[UInt8]] = ["\\d+", "\\w+", "\\d*", "\\w*"].map { Array($0.utf8) }
        return segments.count >= 2 && segments.allSatisfy { segment in
            classes.contains(Array(segment))
                || !segment.isEmpty && segment.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
    }

    /// `accessKeyID/credScope`, `bucket/objectName`: names joined by `/`, a path or a format
    /// written in words. Each segment is a word identifier with a lowercase run of three letters
    /// and at most one capital in three letters; base64 drawn at random (`qWxZvBnMaSdF/gHjK`)
    /// switches case every letter or two.
    static func isWordPath(_ value: [UInt8]) -> Bool {
        let segments = value.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.count >= 2 && segments.allSatisfy { segment in
            let letters = segment.filter { isLowercase($0) || isUppercase($0) }
            let capitals = letters.count - letters.filter(isLowercase).count
            return isWordIdentifier(Array(segment)) && longestLowercaseRun(segment) >= 3 && capitals * 3 <= letters.count
        }
    }

    /// `clickhouse/clickhouse-server:25.12-alpine`, `bitnami/redis:7.2`: a container image named
    /// by its repository (lowercase segments joined by `/`, each with a run of three letters) and
    /// a tag, as `docker run` takes it after the options (`-e PASSWORD=password clickhouse/…`).
    static func isImageReference(_ value: [UInt8]) -> Bool {
        guard let colon = value.lastIndex(of: UInt8(ascii: ":")), colon + 1 < value.count else { return false }
        let tag = value[(colon + 1)...]
        guard tag.count <= 128, tag.allSatisfy({ isIdentifierByte($0) || "-.".utf8.contains($0) }) else { return false }
        let segments = value[..<colon].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.count >= 2 && segments.allSatisfy { segment in
            longestLowercaseRun(segment) >= 3 && segment.allSatisfy { isLowercase($0) || isDigit($0) || "-_.".utf8.contains($0) }
        }
    }

    /// The length of the longest run of lowercase letters in `bytes` (`bucket` in `bucket2`: 6).
    private static func longestLowercaseRun(_ bytes: ArraySlice<UInt8>) -> Int {
        var run = 0, longest = 0
        for byte in bytes {
            run = isLowercase(byte) ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// `DB_PASSWORD`, `API_KEY_V2`: an upper-case constant or environment variable name.
    static func isConstantName(_ value: [UInt8]) -> Bool {
        guard let first = value.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        var underscores = 0
        for byte in value {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "_"): underscores += 1
            default: return false
            }
        }
        return underscores > 0 && !value.contains(subsequence: Array("__".utf8))
    }

    /// The leading `sigil? identifier (separator identifier)*` of a value, with separators `.`,
    /// `?.`, `!.`, `::` and `->`.
    private static func identifierPath(in value: [UInt8]) -> (length: Int, sigil: Bool, separators: Int, onlyDots: Bool) {
        var index = 0
        // `$0` and `$1` (closure and positional parameters) count as names too.
        let sigil = value.count > 1 && "$@&*!".utf8.contains(value[0])
            && (isIdentifierStart(value[1]) || value[0] == UInt8(ascii: "$") && isIdentifierByte(value[1]))
        if sigil { index = 1 }
        var separators = 0
        var onlyDots = true
        var end = 0
        while index < value.count, isIdentifierStart(value[index]) || sigil && index == 1 && isIdentifierByte(value[index]) {
            while index < value.count, isIdentifierByte(value[index]) { index += 1 }
            // `webCrypto$1`: a bundler's renamed binding, a name then `$` and a number (Rollup's).
            if index + 1 < value.count, value[index] == UInt8(ascii: "$"), isDigit(value[index + 1]) {
                index += 1
                while index < value.count, isDigit(value[index]) { index += 1 }
            }
            // `_XRegExp$exec2`, `_ref$`: Babel's temporary for a destructured member, `_` and a name,
            // `$`, then the member's name perhaps.
            if !sigil, value[0] == UInt8(ascii: "_"), index < value.count, value[index] == UInt8(ascii: "$") {
                index += 1
                while index < value.count, isIdentifierByte(value[index]) { index += 1 }
            }
            end = index
            let separator = separatorLength(value, at: index)
            // `this.$gettext(`, `vm.$store`: a JavaScript member whose name starts with `$` (Vue's);
            // `self::$_base32`: a PHP static property.
            let member = separator == 1 && value[index] == UInt8(ascii: ".")
                || separator == 2 && value[index] == UInt8(ascii: ":")
            let dollar = member && index + separator + 1 < value.count
                && value[index + separator] == UInt8(ascii: "$") && isIdentifierStart(value[index + separator + 1]) ? 1 : 0
            guard separator > 0, index + separator + dollar < value.count else { break }
            var segment = index + separator + dollar
            // `res.1.unwrap()`: a tuple's element (Rust, Swift), digits between two dots.
            if separator == 1, value[index] == UInt8(ascii: "."), isDigit(value[segment]) {
                let digits = value[segment...].prefix(while: isDigit).count
                guard segment + digits + 1 < value.count, value[segment + digits] == UInt8(ascii: "."),
                      isIdentifierStart(value[segment + digits + 1]) else { break }
                separators += 1
                segment += digits + 1
            }
            guard isIdentifierStart(value[segment]) else { break }
            if value[index] != UInt8(ascii: ".") { onlyDots = false }
            separators += 1
            index = segment
        }
        return (end, sigil, separators, onlyDots)
    }

    private static func separatorLength(_ value: [UInt8], at index: Int) -> Int {
        guard index < value.count else { return 0 }
        let next = index + 1 < value.count ? value[index + 1] : 0
        switch value[index] {
        case UInt8(ascii: "."): return 1
        case UInt8(ascii: "?"), UInt8(ascii: "!"): return next == UInt8(ascii: ".") ? 2 : 0
        case UInt8(ascii: ":"): return next == UInt8(ascii: ":") ? 2 : 0
        case UInt8(ascii: "-"): return next == UInt8(ascii: ">") ? 2 : 0
        case UInt8(ascii: "&"): return next == UInt8(ascii: ".") ? 2 : 0  // Ruby's safe navigation
        default: return 0
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        isLowercase(byte) || isUppercase(byte) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    /// A space or a tab: what separates words on a line.
    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    static func isLowercase(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    static func isUppercase(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }

    /// The value of a hex digit in either case; nil for any other byte.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `0-9 a-f A-F`.
    static func isHexDigit(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    /// `0-9 a-f`: hex as most tools print it.
    static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// A digit of standard base64, `A-Z a-z 0-9 + /` (its padding `=` is none).
    static func isBase64Digit(_ byte: UInt8) -> Bool {
        isLowercase(byte) || isUppercase(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
    }

    /// The bytes that an even, non-zero number of hex digits write; nil for anything else.
    static func bytes(ofHex hex: some Collection<UInt8>) -> [UInt8]? {
        guard !hex.isEmpty, hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for byte in hex {
            guard let value = hexValue(byte) else { return nil }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }
}
