import Testing
@testable import KeysweepKit

/// False positives found on other scanners' negative examples and in real histories, each kept
/// out by what it stands for (a token cut short, a made-up shape, a documentation block), with
/// the builtin rules together, as a scan runs them.
@Suite struct ExternalNegativesTests {
    static let ruleSet: RuleSet? = try? RuleSet(RuleLoader.builtinRules(withExamples: false), lazily: true)

    private func matches(_ text: String) throws -> [BlobMatch] {
        let matcher = Matcher(ruleSet: try #require(Self.ruleSet))
        return Array(text.utf8).withUnsafeBytes { matcher.scan($0) }.matches
    }

    @Test(arguments: [
        #"nonMatchingToken := "sm_pat_g8re5580i6""#,  // a SettleMint marker and 10 characters
        #"nonMatchingToken := "sm_sat_z2w1ja8tfr""#,
    ])
    func aTypeMarkerWithAShortTailIsNoGenericSecret(text: String) throws {
        #expect(try matches(text).isEmpty)
    }

    @Test func aLongValueWithATypeMarkerStaysWithTheGenericRules() throws {
        // gitleaks' generated lowercase Dynatrace tokens: the specific rule wants upper case.
        #expect(try matches(#"dynatraceToken="dt0c01.x09qq8xng9b4032em4ujlvxt.5xjbqt6zcejrkvlwe6crp724vzr2mays5spq3of8f9ztaogeiqqvwnfcllp8xt4q""#).count == 1)
    }

    @Test(arguments: [
        #"telegram_api_token = "6258:Ahjtskx7_r3hdr53dmig706nmjvp9qq05ma""#,
        #"telegram_api_token = "87355362369595124:Ay1t_f2mzgw8tlhnddnlltj7dpy5v3acb39""#,
        #"telegram_api_token = "telegram_api_token = "82354380:Agtj2eiry2ea8fqr-r2z3eis4wfr54gsre9-some-other-thing"""#,
    ])
    func aMalformedTelegramBotTokenIsNoGenericSecret(text: String) throws {
        #expect(try matches(text).isEmpty)
    }

    @Test func aTelegramTokenOfTheDocumentedLayoutIsStillReported() throws {
        #expect(try matches(#"telegramToken="03114578:A17gciy2x4puyx4uai8ysle6u08_emwnzbh""#).count == 1)
    }

    @Test func nuGetsDocumentationPasswordIsAnExample() throws {
        #expect(try matches(#"<add key="ClearTextPassword" value="hal+9ooo_da!sY" />"#).isEmpty)
        #expect(PublishedTestKeys.contains(Array("hal+9ooo_da!sY".utf8)))
    }

    @Test func anAnsibleExamplesBlockGivesItsContext() throws {
        let module = """
        DOCUMENTATION = r'''
        module: azure_rm_storageaccount
        '''

        EXAMPLES = r'''
        - name: Create a storage account
          azure_rm_storageaccount:
            storage_key: "Xk9mQ2vLp7wT4nB6yR1pL5cHq8Zr2LmX7vB4nT1w"
        '''

        def main():
            storage_key = "Hq7vR2xLm9pTq8Zr2LmX7vB4nT1wXk9mQ2vLp7w"
        """
        let found = try matches(module)
        #expect(found.count == 2)
        #expect(found.first { $0.start.line == 8 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 12 }?.blockContext == nil)
        var location = Location(path: "plugins/modules/azure_rm_storageaccount.py", start: TextPosition(line: 8, column: 1),
                                end: TextPosition(line: 8, column: 9))
        location.blockContext = .example
        #expect(ContextJudge(roots: []).located(location, secret: []).context == .example)
        location.path = "tests/unit/test_storage.py"
        #expect(ContextJudge(roots: []).located(location, secret: []).context == .test, "the path decides first")
    }

    /// A TOML multi-line string under `Example` shows commands with made-up keys (lego's provider
    /// descriptions); a key set outside it is not in one.
    @Test func aTOMLExampleBlockIsAnExample() throws {
        let description = """
        Name = "Acme DNS"
        Example = '''
        ACME_DNS_API_KEY=Tq8vK3mZ7xW2pN5rL9yB4cD6 \\
        lego run --dns acmedns -d '*.example.com'
        '''

        Default_API_KEY = "Hq7vR2xLm9pTq8Zr2LmX7vB4"
        """
        let found = try matches(description)
        #expect(found.count == 2)
        #expect(found.first { $0.start.line == 3 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 7 }?.blockContext == nil)
    }

    /// A docstring (at a module's top or after a `def` or `class` line) is documentation; a string
    /// assigned in code is not (SQLAlchemy's dialect docstrings hold `scott:tiger^5HHH`).
    @Test func aPythonDocstringIsDocumentation() throws {
        let module = """
        #!/usr/bin/env python
        r\"\"\"
        engine = create_engine("mssql+pyodbc://scott:Rq7vL2xWm9pT@mssql2017:1433/test")
        \"\"\"

        def connect(url):
            \"\"\"Connects, e.g. connect("postgresql://app:Hx4kQ9wZp2Lm@db.acme.dev/app").\"\"\"
            return url

        help = \"\"\"
        postgresql://ops:Vb8nT3yKq6Rw@db.acme.dev/ops
        \"\"\"
        """
        let found = try matches(module)
        #expect(found.count == 3)
        #expect(found.first { $0.start.line == 3 }?.blockContext == .docs)
        #expect(found.first { $0.start.line == 7 }?.blockContext == .docs)
        #expect(found.first { $0.start.line == 11 }?.blockContext == nil)
    }

    /// An interactive session (`>>> ` and the output up to a blank line) is an example, in a
    /// string that is no docstring too (SQLAlchemy's old `sqlsoup` module); code after it is not.
    @Test func aDoctestSessionIsAnExample() throws {
        let module = """
        from sqlalchemy import *

        \"\"\"
        >>> users = soup.users.select()
        >>> users
        [Class_Users(name='Ann', password='Rq7vL2xWm9pT')]

        \"\"\"
        password = "Hx4kQ9wZp2Lm"
        """
        let found = try matches(module)
        #expect(found.count == 2)
        #expect(found.first { $0.start.line == 6 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 9 }?.blockContext == nil)
    }

    /// Comment lines that show code with its results (`# => user`) are an example; a secret
    /// commented out, with no result shown, stays in the source (Rails' `authenticate` docs).
    @Test func aCommentShowingResultsIsAnExample() throws {
        let source = """
        # Returns +self+ if the password is correct.
        #
        #   user = User.new(name: 'david', password: 'mUc3m00RsqyRe')
        #   user.authenticate_password('mUc3m00RsqyRe') # => user
        def authenticate(password)
        end
        # password = "Tz6pW1qLx8Nv"
        """
        let found = try matches(source)
        #expect(found.count == 2)
        #expect(found.first { $0.start.line == 3 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 7 }?.blockContext == nil)
    }


    /// A comment line that says it gives an example (`e.g.`, `for example`) is one; a key
    /// commented out on the next line is not (Vault's `Put` docs in a vendored client).
    @Test func aCommentGivingAnExampleIsOne() throws {
        let source = """
        // Put writes a secret, e.g. {"password": "Hq7vR2xLm9pT"}.
        // password = "Tz6pW1qLx8Nv"
        func put() {}
        // For Example: token = "Vb8nT3yKq6RwLm2x"
        """
        let found = try matches(source)
        #expect(found.count == 3)
        #expect(found.first { $0.start.line == 1 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 2 }?.blockContext == nil)
        #expect(found.first { $0.start.line == 4 }?.blockContext == .example, "any case")
    }
    /// OpenAPI's `@ExampleObject(` shows a response: its arguments, up to the parenthesis that
    /// closes them, are an example, on its line or on the lines below (Rundeck's webhook
    /// controller); the code after them is not.
    @Test func anOpenAPIExampleObjectIsAnExample() throws {
        let source = """
        @ApiResponse(content = @Content(examples = @ExampleObject('''{
            "authToken": "Z1vnbhShhQF3B0dQq7UhJTZMnGS92TBl", "note": "a ) in a string"
        }''')))
        @ExampleObject(name = "hook", value = "{\\"authToken\\": \\"p9ttreh05Zd222g5yBXocEMXmCJ1skOX\\"}")
        examples = [
            @ExampleObject(
                name = 'webhook-list',
                value = '''[{"authToken": "Tq8vK3mZ7xW2pN5rL9yB4cD6Hq7vR2xL"}]'''
            )
        ]
        def authToken = "Hq7vR2xLm9pTq8Zr2LmX7vB4nT1wXk9m"
        """
        let found = try matches(source)
        #expect(found.count == 4)
        #expect(found.first { $0.start.line == 2 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 4 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 8 }?.blockContext == .example)
        #expect(found.first { $0.start.line == 11 }?.blockContext == nil)
    }

    /// An `@ExampleObject(` left open ends its example after a bounded stretch, so that a file of
    /// such lines is read once.
    @Test func anExampleObjectLeftOpenIsBounded() throws {
        let opening = String(repeating: "@ExampleObject(\n", count: 2_000)
        let source = opening + String(repeating: "x = 1\n", count: 4_000) + "api_token = \"Hq7vR2xLm9pTq8Zr2LmX7vB4nT1wXk9m\"\n"
        let found = try matches(source)
        #expect(found.count == 1)
        #expect(found.first?.blockContext == nil)
    }

    /// A blob that lists digests (a lockfile of checksums) gives no generic finding for the few of
    /// its keys that name a password or a token; one such line in a config file still does.
    @Test func aListOfDigestsIsData() throws {
        let hex = { (seed: Int) in String((0..<32).map { Array("0123456789abcdef")[($0 * 7 + seed * 13) % 16] }) }
        var lines = ["version: 1", "checksums:"]
        for index in 0..<40 { lines.append("  auth/page_\(index)/label: \(hex(index))") }
        lines.append("  auth/forgot-password/reset/new_password: 9f3517439fa1f2ef2a46ac6859c182da")
        #expect(try matches(lines.joined(separator: "\n")).isEmpty)
        #expect(try matches("new_password: 9f3517439fa1f2ef2a46ac6859c182da\n").count == 1)
    }

    /// A Rust `#[cfg(test)]` module is test code, up to the brace that closes it; braces in its
    /// strings and comments do not count, and what follows it is source again.
    @Test func aRustTestModuleIsTestCode() throws {
        let source = """
        let api_key = "Tz6pW1qLx8NvYc3Rb5Mk2Jd7";
        #[cfg(test)]
        mod tests {
            // a brace in a comment: {
            const FORMAT: &str = "{}{";
            let api_key = "Hx4kQ9wZp2LmVb8nT3yKq6Rw";
        }
        let auth_token = "Rq7vL2xWm9pTq8Zr2LmXk4Jd";
        """
        let found = try matches(source)
        #expect(found.count == 3)
        #expect(found.first { $0.start.line == 1 }?.blockContext == nil)
        #expect(found.first { $0.start.line == 6 }?.blockContext == .test)
        #expect(found.first { $0.start.line == 8 }?.blockContext == nil)
    }

    /// A doc comment (`/** … */`, a run of `///` lines) is documentation; a block comment that
    /// is no doc comment (`/* … */`) and a glob holding `/**` are not.
    @Test func aDocCommentIsDocumentation() throws {
        let source = """
        /**
         * Signs requests, e.g. `Signer(secret = "Rq7vL2xWm9pTq8Zr2LmX")`.
         */
        class Signer(secret: String)
        /* val password = "Hx4kQ9wZp2Lm" */
        /// let client = Client(password: "Vb8nT3yKq6Rw")
        /// - Parameter password: the user's password
        func connect() {}
        let include = "src/**/*.kt"
        let apiKey = "Tz6pW1qLx8NvYc3Rb5Mk2Jd7"
        """
        let found = try matches(source)
        #expect(found.count == 4)
        #expect(found.first { $0.start.line == 2 }?.blockContext == .docs)
        #expect(found.first { $0.start.line == 5 }?.blockContext == nil)
        #expect(found.first { $0.start.line == 6 }?.blockContext == .docs)
        #expect(found.first { $0.start.line == 10 }?.blockContext == nil)
    }

    /// Helm values and operator resources name the Kubernetes Secret that holds a credential
    /// (Percona's `credentialsSecret: my-cluster-name-backup-s3`); a value that is no object name,
    /// or a name that says nothing of a Secret object, is still read as the secret.
    @Test(arguments: [
        ("  existingSecret: s3-credentials", false),
        ("  existingSecret: \"postgresql-auth\"", false),
        ("  credentialsSecret: my-cluster-name-backup-s3", false),
        ("  tlsSecret: ingress.tls-cert", false),
        ("  existingSecret: Zq8f2kLm9xR4tY7w", true),        // no object name: upper case
        ("  clientSecret: s3-backups-x7k2", true),          // `client` says what the secret is for
        ("  credentialsSecret: zq8f2klm9xr4ty7w", true),    // one word: no name of two
    ])
    func aSecretObjectsNameIsNoSecret(line: String, reported: Bool) throws {
        #expect(try !matches("backup:\n" + line + "\n").isEmpty == reported)
    }

    /// An environment list's entries: the string after one that assigns a password is the next
    /// entry, not the password (Boundary's `dockertest` options); a call's arguments stay a pair.
    @Test func theNextEntryOfAnEnvironmentListIsNoPassword() throws {
        #expect(try matches(#"Env: []string{"POSTGRES_PASSWORD=password", "POSTGRES_DB=boundary"},"#).isEmpty)
        #expect(try matches(#"props.setProperty("password", "Xk9mQ2vLp7wZr4");"#).count == 1)
    }

    /// A translation tool's state: every message's key beside a digest cut to 16 hex digits
    /// (OpenObserve's `.translation_state.json`), `password` and `token` among the keys.
    @Test func aListingOfShortDigestsIsNoSecret() throws {
        var lines = ["{"]
        for index in 0..<40 {
            let digest = String(UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15, radix: 16).leftPadded(to: 16)
            let name = ["password", "copyToken", "newPassword", "apiKey"][index % 4] + "\(index)"
            lines.append("  \"\(name)\": \"\(digest)\",")
        }
        lines.append("}")
        #expect(try matches(lines.joined(separator: "\n")).isEmpty)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
