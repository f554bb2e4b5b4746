import Testing
@testable import KeysweepKit

@Suite struct ValidatorTests {
    @Test func crc32MatchesZlib() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func base62EncodingIsPaddedToSix() {
        #expect(String(decoding: Base62Checksum.encode(0), as: UTF8.self) == "000000")
        #expect(String(decoding: Base62Checksum.encode(61), as: UTF8.self) == "00000z")
        #expect(String(decoding: Base62Checksum.encode(62), as: UTF8.self) == "000010")
    }

    @Test func githubStyleChecksum() {
        let body = "abcdefghijklmnopqrstuvwxyz0123"
        let checksum = String(decoding: Base62Checksum.encode(CRC32.checksum(Array(body.utf8))), as: UTF8.self)
        #expect(Base62Checksum.isValid(Array("ghp_\(body)\(checksum)".utf8)))
        #expect(!Base62Checksum.isValid(Array("ghp_\(body)000000".utf8)))
        #expect(!Base62Checksum.isValid(Array("ghp_abc".utf8)))
    }

    @Test func jwtShape() {
        let valid = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl"
        #expect(JWTShape.isValid(Array(valid.utf8)))
        #expect(!JWTShape.isValid(Array("eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxIn0.c2ln".utf8)), "header without alg")
        #expect(!JWTShape.isValid(Array("eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln".utf8)), "payload is not JSON")
        #expect(!JWTShape.isValid(Array("a.b".utf8)))
    }

    @Test(arguments: [
        ("Xk9#mQ2vLp7w", true),
        ("9f3kQ7mZ2xW8vB4nT6yR1pL5", true),
        ("$DB_PASSWORD", false),
        ("os.environ.get", false),
        ("process.env.API_KEY", false),
        ("user.password", false),
        ("SomeIdentifier", false),
        ("/etc/ssl/private/key", false),
        ("https://example.org/x", false),
        ("server.pem", false),
        ("lowercaseonlyvalue", false),
        ("123456789012", false),
        ("self.sharedSecret!", false),
        ("NIOSSLPrivateKeySource?", false),
        ("document.loc?.startToken", false),
        ("MLKEM##x##_private_key", false),
        ("access-token-123", false),
        ("testpassword123", false),
        ("Summer2024!", true),
        ("un!techwhooah", true),                           // `!` between letters: no optional
        ("!Ref", false),                                   // a YAML tag, a negation
        ("$env:__DOTNET_RUNTIME_FEED_KEY", false),         // PowerShell's environment drive
        ("$script:NuGetEndpointCredentials[$key]", false), // a script-scoped PowerShell variable
        ("$AWS_ACCESS_KEY_ID/$CredentialScope", false),    // a shell string built around variables (acme.sh)
        ("$ZM_Key&$qstr", false),
        ("$dir/private/cakey.pem#", false),                // OpenSSL's config, a comment against the path
        ("$Gx7q/2Vn9LmZ4T", true),                         // no name of words after `$`: a password
        ("$argon2id$v=19$m=65536", true),                  // crypt's `$id$`: not a variable of words
        ("sms_provider=ovh", false),                       // a form's rule for showing a field (Modoboa)
        ("prompt=True,", false),                           // a keyword argument cut at its comma (Click)
        ("ready!(rx.poll_unpin(cx)", false),               // a Rust macro (Vector)
        ("open_gauge.open(|count|", false),                // a Rust closure as the argument
        ("impart.HTTPError{http.StatusBadRequest", false), // a Go composite literal cut at its comma (WriteFreely)
        ("sha256(pass).toString().slice(0", false),        // a method called on a call's result (Dashy)
        ("+campaign.stats.submitted_data+", false),        // joined between two strings (Gophish, minified)
        ("Tr0ub4(dor).Zq9(x", true),                       // a name with digits, then no method in words
        ("+Tr0ub4dor+", true),                             // a word between `+`: a password
        ("'+PMA_messages.strGenerate+'", false),           // joined inside quotes of the other kind (phpMyAdmin)
        ("'+Tr0ub4dor+'", true),
        ("+s),{code:t.errorCode}))}e(null,a)}):e(null)}})},{", false), // joined, then the call closes (AWS' SDK)
        ("+Tr0ub4),x", true),                              // a name with digits after `+`: a password
        ("@medusajs/medusa/api-key", false),               // an npm package by its scope (Medusa)
        ("@types/node", false),
        ("@Xk9Qm/Tz6Wq", true),                            // capitals and digits: no npm package
        ("GHSA-h4mf-4v27-hggj", false),                    // an advisory's id (rclone's changelog)
        ("CVE-2024-3094", false),
        ("GHSA-h4mf-4v27-hggJ", true),                     // a capital: not GitHub's alphabet
        ("--address=127.0.0.1:0", false),                  // the command's next option (Kopia's tests)
        ("--insecure", false),
        ("--Xk9mQ2vLp7w", true),
        ("20/m/ip,5/m/key", false),                        // rate limits (django-allauth)
        ("local:/path/to/folder", false),                  // a path on a named remote (rclone)
        ("percona-server-server-5.7/root-pass", false),    // a debconf question (Salt's MySQL formula)
        ("ab3x9/kq2zw7mp", true),                          // digits inside words: drawn at random
        ("Tz6:/Qw3", true),
        (".*/ZM_DB_PASS=$dbc_dbpass/", false),             // a sed command's replacement (ZoneMinder)
        ("\\).*/\\1$DATABASE_PASS/g", false),              // the same after a captured group (Zabbix)
        ("@SBINDDIR@/shutdown", false),                    // a path under a configure variable
        ("prefix_len+strlen(key)+1", false),               // a sum of names and a call (Mosquitto)
        ("Pass+word1", true),                              // no call: a password
        ("rootPath+credFileInput.val()", false),           // a member's method called (Node-RED)
        ("?SN_RC2_NOT_AUTHORIZE", false),                  // an Erlang macro (EMQX)
        ("contraseÃ±as", false),                           // a translation written twice as UTF-8 (Webmin)
        ("ParolayÄ±", false),
        ("گذرواژه$1", false),                              // with a message argument (Webmin's Persian)
        ("script,3,None", false),                          // a field's description, type, options (Webmin)
        ("Administratörslösenord,0", false),
        ("Tz6qW3,12", true),
        ("SMTP&#45", false),                               // cut at a character reference's `;`
        ("¿Generar", false),                               // a Spanish question's first word
        ("¿Tz6qW3", true),
        ("this.#selfSigningKey", false),                   // a class's private field (Trigger.dev)
        ("7468697320697320612074657374206b6579", false),   // hex of "this is a test key" (Inngest's CI)
        ("u),s.items.push(i)}else{", false),               // minified JavaScript (Scalar's bundle)
        ("dle,this.pos!=e){", false),
        ("Tz6){qW3vK9", true),                             // `){` inside: a generated password
        ("{dynamiccontent=\"", false),                     // a template tag opened (Mautic)
        ("CRYPTO/DECRYPT", false),                         // a translation's key in capitals (SnappyMail)
        ("TZ6Q/W3VK", true),
        ("webCrypto$1.exportKey(", false),                 // a bundler's renamed binding, called
        ("false,$timeout=0,$response_timeout=30,$curl_option", false), // PHP parameters' defaults (NuSOAP)
        ("Tz6,$q=W3,vK9", true),
        ("Leantime\\\\Domain\\\\Api\\\\Controllers\\\\ApiKey", false), // a class in a JSON class map
        ("Tz6q\\\\W3vK\\9mB2", true),
        ("?Tz6qW3vK9mB2", true),
        ("markup.heading.1.markdown", false),              // a TextMate scope (Monaco's themes)
        ("tq8vk3.mz7xw2.9", true),                         // digits inside the words: drawn at random
        ("Parol&#259;", false),                            // a translation with a character reference
        ("Tz6&#259;Qw3!x9", true),
        ("@{systemd:initial}", false),                     // a secret store's reference (Telegraf)
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", false),   // a token's header alone
        ("eyJhbGciOiJIUzI1NiIsInN1YiI6IngifQ", true),      // a member no header has: no header alone
        ("false\\f[R]", false),                          // roff's font change after a word (rclone's man page)
        ("prices.\\u201d", false),                         // a JSON-escaped quotation mark closes the text
        ("Xq7rT.9vLm\\u201d", true),
        ("fixture-access-key/", false),                    // a test fixture's value (OpenAI's Bedrock check)
        ("SX3yqnrknORAZ1QQWB21Nk7IINoYkSGO7fG8LNnCt1pc/FJDLQey9Cz/wVe7DTRo", true), // base64 with two `/`: no path
        ("Documents/MyProject2024/SourceCode/Main.swift", false),
        ("for\\nUSERNAME?", false),                        // words on lines of a message (DuckDuckGo's layout)
        ("Xk9\\nmQ2vLp7w", true),
        ("alice-$timestamp", false),                       // a word and a template's variable (DuckDuckGo)
        ("Tz6$qW3vK9", true),
        ("shortcutItem.userInfo?[", false),                // Swift's optional subscript (Mastodon)
        ("flux:$DOCKER_PAT", false),                       // a user, then the variable with its password
        ("flux:Xk9$mQ2vLp7w", true),
        ("fes.zalando.org/FES_CPU", false),                // a name under a DNS prefix (an annotation key)
        ("md:dlt_data_3?dbinstance_inactivity_ttl=0s", false),  // a MotherDuck database, no token (dlt's docs)
        ("res.1.unwrap()", false),                         // a Rust tuple's element, then a method (OpenObserve)
        ("Xk9.1.Tr0ub4", true),
        ("++patternWindowTotalGeneration", false),         // a counter incremented (OpenObserve's Vue)
        ("++Xk9mQ2vLp7w", true),
        ("(Invoke-WebRequest", false),                    // PowerShell: `$ImdsToken = (Invoke-WebRequest -Uri …` (Boundary)
        ("(Xk9m-Qv2Lp7w", true),
        ("{!(accType", false),                            // Svelte: `hideCurrentPassword={!(accType === …` (Rauthy)
        ("sb_#{random_string()}", false),                 // Elixir interpolation inside the value (Supabase Realtime)
        ("Joken.generate_and_sign!(%{}", false),          // an Elixir call whose first argument is a map literal
        ("Tr0ub4(%{x", true),
        ("user-${id}-key", false),
        ("\\/home\\/user\\/Documents\\/code", false),       // a path whose slashes JSON escapes (Atuin's tests)
        ("dev@payloadcms.com", false),                     // a mail address: the account (Payload's docs)
        ("Tz6@qW3vK9.Mb", true),
        ("uname).first", false),                           // a method called on the call's result (Postal)
        ("credential_resource_ids.map(&@credentials)", false), // Ruby's block from an instance variable
        ("Recovery:**", false),                            // a Markdown heading in bold (Sentry's docs)
        ("pub4e3754cc2598cb86ed788ff3a5a7f86d", false),    // Datadog's browser client token: public (Vector's site)
        ("pub4e3754cc2598cb86ed788ff3a5a7f86dX", true),
        ("SALT-PROJECT-GPG-PUBKEY-2023.pub", false),       // a key file's name (Salt's bootstrap)
        ("ConvertTo-SecureString\u{A0}", false),           // a cmdlet before a no-break space (Azure's samples)
        ("Usuário/Senha", false),                          // a translation's label (OpenMRS' Portuguese)
        ("vQmTzKpLrWxNbYcHdJfGsA==", true),                // 16 random bytes in base64, letters only (OpenMRS' AES key)
        ("description=", false),                           // a name and its own assignment
        ("builder.mutation<", false),                      // type arguments cut at their line break (Flagsmith)
        ("Xk9.mQ2v<", true),
        ("Grün/3Kx9wQ!", true),
        ("Xk9#mQ2v**", true),
        ("Xk9!(mQ2vLp7w", true),
        ("default=None,", false),
        ("Tz6=Qw3v,", true),
        ("{SearchData?.id", false),                        // a JSX expression cut at its blank
        ("{request_kwargs['", false),                      // an f-string's field cut at its quote
        ("db_pass=Tz6!qW3v", true),
        ("creds!.password", false),
        ("required|confirmed|min:6", false),               // Laravel's validation rules
        ("Modules\\ApiKey", false),                        // a PHP namespace
        ("Api\\ApiV1Controller@getApp", false),            // a Laravel route's controller and method
        ("ApiController@verifyCredentials", false),
        ("Welcome@home2024", true),                       // no controller before the `@`
        ("2fa_backup_codes", false),                      // a column's name
        ("9qAPbSLI_NRk", true),                           // a number, then no lowercase word
        ("required|notIn:[\"", false),                     // a rule list cut at a quote
        ("'.str_replace('", false),                       // PHP joining code to a string
        ("(?<!:):[a-zA-Z_][a-zA-Z0-9_]*", false),         // a regular expression
        ("7Kq[x(9vL2\\mZ", true),                          // a password's brackets and backslash
        ("confirmation</label", false),                   // a label's text before its closing tag
        ("DefaultMyqlColumn<{", false),                   // a type's generic arguments
        ("ɵparseCookieValue(cookieString", false),        // an Angular private name's call
        ("web_requests#handle_request", false),           // a Rails route's controller and action
        ("sunny#beach7Q", true),
        ("br,input,link,meta,!doctype,basefont", false),  // a list of tag names
        ("Xk9,mQ2v,Lp7w,Zt4q", true),
        ("Xk9mQ2v<7Lp", true),
        ("Pass$RANDOM$RANDOM", false),                    // drawn by the shell at run time
        ("Kq7</9vL2mZ", true),                            // no tag's name after `</`
        ("aB3x-Yz9k_Qm4Lp8", true),
        ("value|lowerFirst", false),
        ("Tr0ub4(dor)&3x", true),       // punctuation inside a password is not code
        ("q7W!zR2m.pK9%x", true),
        ("getPassword()", false),
        ("%DB_PASSWORD%", false),
        ("p@55w0rd2024Z", false),       // a test word spelled with digits and symbols
        ("$this->password", false),
        ("(char*)&buffer", false),
        ("eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBQkNERTEyMzQ1Iiwi", false),  // a JWT cut short
        ("!!string_list_lookup(fields_to_store", false),  // C's double negation of a call
        (".$connection[", false),                         // PHP joining a variable to a string
        ("active_record_encryption.#{key}", false),       // Ruby interpolation
        ("Xk9mQ2#{vLp7w", true),                          // `#{` with no name closed: a password
        ("active_storage/disk#update", false),            // a Rails route
        ("apples/oranges", false),
        ("qWxZvBnMaSdF/gHjKlPoIuY", true),                // base64 without digits is no route
        ("dXNlcm5hbWU6cGFzc3dvcmQ=", false),               // base64("username:password")
        ("YS1naXQtdG9rZW4=", false),                       // base64("a-git-token")
        ("YS1naXQtdG9rZW4K", false),                       // base64("a-git-token\n"), as `echo | base64` writes
        ("WnE4ZjJrTG05eFI0Cg==", true),                    // base64 of a random-looking value and a newline
        ("c2s3Qm1aNFhwUTl3TDJ2Ug==", true),                // base64 of a random-looking value
        ("&v1alpha1.RepoCreds{}", false),                  // Go composite literals (Argo CD)
        ("jwtCredentials{", false),
        ("AzureWorkloadIdentityCreds{store:", false),
        ("AzureWorkloadIdentityCreds{store,", false),
        ("AzureWorkloadIdentityCreds{store", false),     // cut at its `,`
        ("Tr0ub4{dor", true),
        ("[]*v1alpha1.RepoCreds{", false),
        ("Tr0ub4{dor}&3x", true),                          // braces inside a password are not code
        ("mbxs{zFS*)x6a9)N", true),
        ("AuthNProvider{valuer.NewString(", false),         // a package's constructor as the first value (SigNoz)
        ("mbxs{zFS.x6a(", true),                          // digits in the call: a password
        ("#snmp_priv_passphrase", false),                 // a jQuery selector of an element's id (Cacti)
        ("substr($pass||\"\",0,129)", false),             // a logical or in a call's argument (Perl)
        ("Tr0ub4(x||y)", true),                          // a name with digits: a password
        ("#Snmp_priv9", true),
        ("Contrase\\xF1a", false),                        // Spanish for "password", minified with an escape (Crater)
        ("L\\u00f6senord", false),                        // Swedish, the same
        ("Kq\\xF1z8#Rv2m", true),                         // an escape among a password's symbols
        // base64 of settings: names, a UUID, a URL (Squidex's embed token)
        ("eyJhIjoic3F1aWRleC13ZWJzaXRlIiwicyI6ImJsb2ciLCJpIjoiZmQxZDkzNjYtNDY3ZS00MmFiLWE5MzYtYmNmNDk3NjIxYjk4IiwidSI6Imh0dHBzOi8vbG9jYWxob3N0OjUwMDEvIn0=", false),
        ("eyJ1cmwiOiJodHRwczovL2FwaS5hY21lLWNvcnAuaW8iLCJhcGlLZXkiOiJSOXFUMnZYN21MNGtaOHBXM25CNiJ9", true), // a member named `apiKey`
        ("eyJ1cmwiOiJodHRwczovL2FwaS5hY21lLWNvcnAuaW8iLCJ4IjoiUjlxVDJ2WDdtTDRrWjhwVzNuQjYifQ==", true), // a random string under any name
        ("[]string{fmt.Sprintf(credentialTemplate", false),  // minio's tests: a slice literal
        ("+r.Form.Get(xhttp.AmzCredential)", false),       // joined to the string before it
        ("%s/%s/us-east-1/s3/aws4_request", false),        // a format string
        ("management.endpoint.%s.access", false),         // a property name filled in by code (Spring Boot)
        ("cache.{0}.ttl", false),
        ("Xk9.%s.Lp7wQ2mT", true),                         // not a name's lowercase words
        ("accessKeyID/credScope", false),                  // names joined by `/`
        ("this.$gettext(", false),                        // a Vue component's method, cut at its argument (PhotoPrism)
        ("Ab.$xyz1Q9", true),
        ("%sX9kQ2vLp7w", true),
        ("+Xk9mQ2vLp7w", true),
        ("Lösenord", false),                               // Jenkins' translations of "Password"
        ("Contraseña", false),
        ("Kullanıcı", false),
        ("Grün3!Kx9wQ", true),                             // letters outside ASCII in a password
        ("加载密码文件错误：[{0}]", false),                    // Tomcat's zh_CN messages: that script's punctuation
        ("Cookie属性名[{0}]はトークンではないため無効です", false),  // a MessageFormat argument among Japanese
        ("密码Xk9{0}!", false),
        ("Grün{0}Kx9w!", true),                            // one letter of another script: a password
        ("Пароль#2024xK", true),
        ("Hashing:\\n", false),                           // `"Password Hashing:\n"`
        ("((UserAdapter)delegate", false),                 // a cast inside a bracket (Keycloak)
        ("$uriChunks[\\count($uriChunks)", false),          // PHP's global namespace (Appwrite)
        ("\\json_encode($merged)", false),
        ("#/components/schemas/updateSettingsFlow", false),  // a JSON pointer (Ory Kratos)
        ("tc.credentials.(*AdminIdentityImportCredentials", false),  // a Go type assertion
        ("CredentialsWebAuthn{cred1}", false),
        ("Summer{time}Xk9q", true),
        ("identity.CredentialsWebAuthn{*credential", false),
        ("{Identifiers:", false),
        ("presence).", false),                             // Spree
        ("described_class.create!(user:", false),
        ("ephemeral_key_response&.params&.dig(", false),   // Ruby's safe navigation
        ("::OpenTelemetry::Context.attach(", false),
        ("{$_DVWA[", false),                               // PHP interpolation (DVWA)
        ("$encrypted$", false),                            // AWX's sentinel for a hidden value
        ("{form.watch(", false),                           // JSX (Formbricks, Documenso)
        ("{row.original}>", false),
        ("(signedValue:", false),                          // a TypeScript parameter
        ("(authorizationHeader", false),
        ("$.Values.servingEngineSpec.vllmApiKey", false),  // a Helm template's reference
        ("id=database_url,src=<(printf", false),           // docker build --secret options
        ("phc_9CipPajQC22mSkk2wxe2TXsUA0Ysyupe8dt5", false),  // PostHog's public project key
        ("(Xk9mQ2vLp7w", true),
        ("aws_instance:Credentials({", false),             // Lua method calls (APISIX)
        ("jwt:sign(self.private_key", false),
        ("deploy:Xk9mQ2vLp7w", true),                      // a user and a password
        ("%Authentication.Credential{type:", false),       // an Elixir struct (Firezone)
        ("LazyLock::new(||", false),                       // a Rust closure (Vaultwarden)
        ("%Xk9{mQ2vLp7w", true),
        ("{Xk9.mQ2v}&3x", true),
        ("teams/\\d+/credentials/", false),                // a route's regular expression (awxkit)
        ("CLI密码", false),                                 // Harbor's translations
        ("Contraseña:", false),                            // Mealie's and Outline's translations
        ("OAuth-klientnøkkel", false),
        ("OAuth2-Clientgeheimnis", false),                 // SFTPGo's German, a compound in ASCII
        ("Zugangs-Schluessel", false),
        ("Geheimnis-Xk9mQ2", true),                        // the noun first: a password
        ("_XRegExp$exec2[0]", false),                      // Babel's temporary, then an index (xregexp)
        ("uid='{$mybb->user['uid']}'", false),             // PHP's interpolation (MyBB)
        ("Xk9{$mQ2vLp7w", true),
        ("tag.description|split(", false),                 // a Twig filter (iTop's doc templates)
        ("MyS3Credentials", false),                        // a stored secret's name (Velociraptor's VQL)
        ("BOmdIb_FZmZw5ATtbLvwIJ4qnubynfxcYZb7TmsGd4qCEWJMDNcdyPDhLvkF4HuRZ02y1X-JXzf2gLswHKNifCA", false),  // a VAPID public key
        ("Recovery,ChromePass.exe", false),                // a program's file name
        ("[d]=database=", false),                          // a shell associative array's element (YunoHost)
        ("^|(.{3,})$", false),                             // an anchored pattern (YunoHost's password policy)
        ("currentDevice.APIKey=", false),                  // a log message's label (Cosmos)
        ("MailUsername+", false),                          // a name joined to a string (Domoticz)
        ("_this.$(", false),                               // jQuery's `$` as a member (Rockstor)
        ("Xk9mQ2vLp+", true),
        ("[Xk9]mQ2vLp7w", true),
        ("Xk9mQ2v|Lp7w", true),
        ("Şifre2024", true),                               // a password with one letter outside ASCII
        ("令牌长度在8到128之间且需包含至少一个大写字符，一个小写字符和一个数字。", false),
        ("w57äöüw4b6huwb6nhu", true),                      // a password with letters outside ASCII
        ("密码Xk9!mQ2v", true),
        ("Tr0ub4)", true),
        ("{Xk9:mQ2vLp7w", true),
        ("($parts['", false),
        ("(event.target", false),                          // TypeScript (paperless-ngx)
        ("\\\",\\\"first_name\\\":\\\"User\\\"", false),  // JSON-escaped text in a HAR file
        ("Uint8Array", false),                             // a parameter's type (ethers.js' `.d.ts`)
        ("[UInt8]", false),
        ("&[u8]", false),
        ("Summer2024Winter", true),
        ("npm:^1.1.16", false),                            // a dependency's version in a yarn.lock
        ("0x7465737470617373776f7264", false),             // hex of "testpassword" (ethers.js' test vectors)
        ("0x4c0883a69102937d6231471b5dbb6204", true),
        (":#{ENV.fetch(", false),                          // Ruby interpolation cut at a quote (Dependabot)
        ("P#{ass9Xk", true),
        ("{access_key_id}/20160623/{region_name}/{service_name}/aws4_request", false),  // an f-string (LocalStack)
        ("Xk{9mQ}2v{Lp7w}x", true),
        ("arn:aws:iam::000000000000:role/myapi-authorizer-role", false),
        ("*relying-party-credentials", false),             // a YAML alias (Spring Security's docs)
        (":$(airflow_encode_url", false),                  // a shell substitution after `:` (Bitnami's charts)
        (":Xk9$(mQ2v", true),
        ("*kR2-mQ9x", true),
        ("changethis", false),                             // FastAPI's template
        ("[credential.user_id", false),                    // an array literal's first member (Huginn)
        ("[config.api_key", false),
        ("[Xk9.mQ2vLp7w", true),
        ("#gcs-credentials", false),                       // a CSS selector (Wekan)
        ("#kR2-mQ9x", true),
        ("[{required:", false),                            // an array of form rules (Vue, lenve/vhr)
        ("[{Xk9:mQ2v", true),
        ("getpass.getpass(\\\"🔑", false),              // a prompt in a notebook's JSON (Google's samples)
        ("getpass.getpass('Password", false),
        ("Tr0ub4(\"x~^|#", true),
        (":crypto.strong_rand_bytes(32)", false),         // Elixir calling Erlang (hex.pm)
        (":Xk9.mQ2v(Lp7w", true),
        ("&Bcrypt.hash_pwd_salt/1", false),               // an Elixir capture
        ("&Xk9.mQ2v/1", true),
        ("(_document$querySelect4", false),               // Babel's temporaries (Invoice Ninja)
        ("(Xk9$mQ2vLp7w", true),
        ("SecureRandom.uuid}.to_json", false),            // a method on a literal (Lago)
        ("Xk9.mQ2v}.Lp7w!x", true),
        ("required_unless:mail_driver,log", false),       // one Laravel rule
        ("clickhouse/clickhouse-server:25.12-alpine", false),  // a container image
        ("bitnami/redis:7.2", false),
        ("Xk9/mQ2v:Lp7w", true),
        ("!$canEditValue", false),                        // a negated variable (Coolify's Blade views)
        ("!$Xk9mQ2v", true),
        ("os.environ/OPENAI_API_KEY", false),             // LiteLLM's reference (Coolify's templates)
        ("textToSpeech?.[selectedProvider]?.credentialId", false),  // optional chaining (Flowise)
        ("handler?.(event)", false),
        ("$1$SomeSalt$", false),                          // crypt's scheme and salt, no hash (Ansible's examples)
        ("(base64String:", false),                        // a typed parameter (Logto's arrow function)
        ("$6$rounds=5000$Xk9mQ2vL$", false),
        ("$1$Xk9mQ2$vLp7w", true),
        ("OBJ_pkcs9,7L", false),                           // OpenSSL's obj_mac.h (vendored Node headers)
        ("Xk9_mQ2v,7L", true),
        ("Xk9mQ2v,7Lp", true),
        ("access_key=$AWS_ACCESS_KEY_ID", false),          // the next option of a command
        ("Xk9=$mQ2vLp7w", true),
        ("__WEBPACK_EXTERNAL_MODULE_swagger_client_es_resolver_strategies_generic_08dd5200__", false),
        ("__Xk9_mQ2v_Lp7w_Tz6q_Wm4r__", true),
        ("(!empty($_data['", false),                       // PHP (mailcow)
        ("self::$_base32[ord($rnd[$i])", false),
        ("tok.replace(/^\\$\\{?([^}]*)\\}?$/", false),      // a regular expression argument (npm)
        ("StpUtil::login(&quot;user_id_10001", false),    // code in HTML (Sa-Token's docs)
        ("unicode/3299.png?v8", false),                    // an image and a cache-busting query (docsify)
        ("Xk9/mQ2v.png7?v8", true),
        ("Models\\ApiKey::class", false),                   // a PHP class constant (Pterodactyl)
        ("Xk9\\mQ2v::class", true),
        ("Encryption\\Crypt\\aesctr::decrypt(base64_decode($post_user_info[1])", false),  // a namespaced static call (TeamPass)
        ("Xk9\\mQ2v\\q7::x(", true),                     // digits in the namespace: a password
        ("asn1.ObjectIdentifier{1", false),                // a Go composite literal of numbers (smallstep)
        ("mq7.Xk9vB{1", true),
        ("next-fa-glyph()", false),                        // a Sass function called (KeeWeb)
        ("Manager/CN=*", false),                           // an X.509 subject's attributes
        ("'+p(typeof(l=null!=(l=h(n,", false),           // a string joined to an expression (a compiled template)
        ("'+Xk9#mQ2v~Lp", true),
        ("',state:t}),O=i;break;case", false),           // text between two strings (minified JavaScript)
        ("Zapomniałeś?", false),                           // a translated label's question (Baserow's Polish)
        ("\\App\\Http\\Middleware", false),               // a fully qualified PHP namespace (Lychee)
        ("\\Xk9q\\Mv2wLp", true),
        ("this.$strings.HeaderUpdateApiKey", false),       // Vue's `$` members (audiobookshelf)
        ("vm.$store.state.apiKey", false),
        ("Xk9m.$Qv2wL7", true),
        ("[-!#$%&'*+.^_`|~0-9a-zA-Z]+", false),            // a regular expression's class (h11's token)
        ("%GL_LINE_SMOOTH", false),                        // a constant's name (GeSHi's thinBasic keywords)
        ("useState<{", false),                             // a hook called with type arguments (OpenReplay)
        ("xk9Qv2mL<{", true),
        ("(projectKey?:", false),                          // an optional parameter (TypeScript)
        ("!!@options.withCredentials", false),             // a member made a boolean (Dropzone's CoffeeScript)
        ("{\"Servers\":[{\"ManualAddress\":\"", false),     // JSON text joined to values (Organizr)
        ("SensitiveData:S3Object/CustomIdentifier", false), // an AWS API model's enumeration
        ("Xk9mQv:Lp7wRt/Zq2nBv", true),
        ("%Xk9_mQ2v", true),
        ("target=calibreweb-watch_files", false),          // an option set to words (Calibre-Web)
        ("target=Xk9mQ2v#Lp7w", true),
        ("Oublié\u{202F}?", false),
        ("Grün3?Kx9wQ", true),
        ("1.1498280840005464", false),                   // a test's duration (pytest's `.test_durations`)
        ("8.404100026382366e-05", false),
        ("8.404100026382366e-05x", true),
        ("recovery**.", false),                           // the end of a bold phrase (TeamPass' docs)
        ("0002_squashed_initial", false),                // a Django migration's name (Grafana OnCall)
        ("enabled=true", false),                         // an option set to a boolean (Checkov's test comments)
        ("(oauth2Config", false),                        // an arrow function's parameter (Bruno)
        ("{retrieve_marker(coordinator)", false),       // a set comprehension's call (Qdrant's tests)
        ("{Tr0ub4(dor)", true),
        ("this.#getChannelCredentials({", false),        // a private method called (Bruno)
        ("enabled=Xk9#mQ", true),
        ("2024_Xk9mQ2vLp7", true),
        ("child.children![0].text", false),              // TypeScript's non-null assertion (SilverBullet)
    ])
    func assignmentValues(value: String, plausible: Bool) {
        #expect(AssignmentValueFilter.isPlausibleSecret(Array(value.utf8)) == plausible)
    }

    @Test(arguments: [
        ("e72e48e1b8b6a8c4fb4a3f6d3a7b49c1f6d8e2a0", true),                          // git object id
        ("25f9a7c0e3b14d6f8a2c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f", true),  // SHA-256
        ("8C1F2D3E-4B5A-4C6D-9E8F-7A6B5C4D3E2F", true),                              // UUID
        ("8c1f2d3e4b5a4c6d9e8f7a6b5c4d3e2f", false),                                 // 32 hex: many API keys
        ("8c1f2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2g", false),
        ("Ca61263Bf9A4DcEECd00EdAAacb4eaEe74e8682f", false),                          // mixed case: not printed by a hash
        ("acdeFf05b1a6d4c890237bf08c5e6e8d2b4d0f2e", true),                           // one stray capital
    ])
    func digestsAndUUIDsAreRecognised(value: String, recognised: Bool) {
        #expect(AssignmentValueFilter.looksLikeDigestOrUUID(Array(value.utf8)) == recognised)
    }

    /// A 40- or 64-digit hex value is a secret, not a digest, under a name that says `secret` or
    /// `api_key`; under `token` or `key` alone it keeps a digest's benefit of the doubt.
    @Test(arguments: [
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "SECRET = \"", true),
        ("0afae57f3ccfd9d7f5767067bc48b30f719e271ba470488056e37ab35d4b6506", "credentials\" : \"", true),
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "token: ", false),
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "api_key=", true),             // Gitea, Hunter, Meraki keys
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "setApiKey(\"", true),
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "key = \"", false),
        ("acdeFf05b1a6d4c890237bf08c5e6e8d2b4d0f2e", "api-key: ", false),          // a stray capital: edited by hand
        ("0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33", "password' => '", false),     // SHA-1 of a password
        ("8c1f2d3e-4b5a-4c6d-9e8f-7a6b5c4d3e2f", "secret=", false),  // a UUID stays an identifier
        ("3a9c0e7f5b1d4a2c8e6f0b3d5a7c9e1f2b4d6a8c0e2f4b6d8a0c2e4f6b8d0a2c", "access_token=", true),
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "auth_token\": \"", true),       // `"auth_token": "`, from the name on
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "access_token_sha1: ", false),  // the token's digest
        ("4b886819ebe1e908077c6cae96311b48a8416bd60cc91c03060e15bdf6b30d1f", "TOKEN_SECRET=", true),  // its last word
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "tokenSecret: \"", true),
        ("6fb1cff7690db9ac066cadbbde8e3c078efdabcf", "token_secret_hash: ", false),
    ])
    func hexNamedSecretIsASecret(value: String, name: String, secret: Bool) {
        #expect(AssignmentValueFilter.isHexSecretNamedSecret(Array(value.utf8), name: Array(name.utf8)) == secret)
    }

    /// detect-secrets' baseline (`"hashed_secret": "e5e9fa1b…"`) keeps each secret's SHA-1.
    @Test(arguments: [("hashed_", false), ("secret_hash_", false), ("client_", true)])
    func aDigestWordBeforeTheNameMakesADigest(qualifier: String, secret: Bool) {
        let value = Array("e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4".utf8)
        let name = Array("secret\": \"".utf8)
        #expect(AssignmentValueFilter.isHexSecretNamedSecret(value, name: name, qualifier: Array(qualifier.utf8)) == secret)
    }

    /// The words before a bare `key` or `token` decide: a key that encrypts or signs and a token
    /// of a named service are secrets; a token that pages or identifies a device, a key of
    /// anything else and a made-up name keep the digest rule.
    @Test(arguments: [
        ("ENCRYPTION_", "KEY=", true),
        ("hmac_", "key = '", true),
        ("signing", "Key: \"", true),
        ("YNAB_", "TOKEN=", true),
        ("zenrows", "Token = \"", true),
        ("ZENROWS_API_", "TOKEN=", true),
        ("", "token: ", false),                  // the bare word
        ("revision_", "key: ", false),           // a key that names a version
        ("page", "Token: \"", false),
        ("device", "Token = \"", false),        // an APNs device id is 64 hex
        ("FAKE_", "TOKEN=", false),
        ("github_", "token_sha1: ", false),      // the token's digest
    ])
    func qualifiedHexNameDecides(qualifier: String, name: String, secret: Bool) {
        let (name, qualifier) = (Array(name.utf8), Array(qualifier.utf8))
        let value = Array("6fb1cff7690db9ac066cadbbde8e3c078efdabcf".utf8)
        #expect(AssignmentValueFilter.isHexSecretNamedSecret(value, name: name, qualifier: qualifier) == secret)
        // Hex edited by hand, in two cases, is no generated key.
        let mixed = Array("6fb1CFF7690db9ac066cadbbde8e3c078efdabcf".utf8)
        #expect(!AssignmentValueFilter.isHexSecretNamedSecret(mixed, name: name, qualifier: qualifier))
    }

    /// A translation's label in ISO-8859-1, as Java's `.properties` files are written, is text like
    /// its UTF-8 form; bytes that are neither letters nor text stay a value.
    @Test func latin1LabelsAreForeignText() {
        #expect(AssignmentValueFilter.isForeignText(Array("Contrase".utf8) + [0xF1, UInt8(ascii: "a")]))
        #expect(AssignmentValueFilter.isForeignText(Array("Ung".utf8) + [0xFC] + Array("ltige".utf8)))
        #expect(!AssignmentValueFilter.isForeignText(Array("Xk9".utf8) + [0xF1] + Array("m2#vL7q!".utf8)))
    }

    /// Labels and messages of translations, in a script of its own or with a digit in a word.
    @Test(arguments: [
        ("S3-åtkomstnyckel", true),                       // Swedish: one digit in a long label
        ("¿Olvidaste", true),                             // Spanish: a word after `¿`
        ("¡Xk9mQ2vLp7", false),
        ("サービスアカウントの認証情報(JSON)", true),        // Japanese words around ASCII
        ("\\\"%1\\\"のパスワードを編集中", true),
        ("비밀번호", true),
        ("密码Xk9!mQ2v", false),                           // one word of two letters in a password
        ("Müller7", false),                               // a short word and a digit: a password too
        ("w57äöüw4b6huwb6nhu", false),
        ("Grün3!Kx9wQ", false),
        ("Évad{seasonNumber}", true),                     // a named argument (Sonarr's Hungarian)
        ("Évad{x9Q}", false),
        ("Kx9{seasonNumber}", false),
    ])
    func translationsAreForeignText(value: String, text: Bool) {
        #expect(AssignmentValueFilter.isForeignText(Array(value.utf8)) == text)
    }

    /// Letters without a digit are a name unless they read as drawn at random.
    @Test(arguments: [
        ("SSVmFDNCFfOHKXQAEckx", true),
        ("wjXKCFzOWEPRqhTmmbWtVQ", true),
        ("getUserNameFromDatabaseRecord", false),
        ("XMLHTTPRequestJSONParser", false),
        ("HTTPSConnectionPoolManager", false),
        ("wjXKCFzOWEPRqhT", false),              // under 16 letters
        ("wjXKCFzOWEPRqhTm-bWtVQ", false),       // not letters alone
    ])
    func randomLettersAreToldFromNames(value: String, random: Bool) {
        #expect(RandomLetters.holds(Array(value.utf8)) == random)
    }

    /// A quoted string of camel-case words around one number names a type, an operation or an
    /// option; tokens drawn at random, passwords' years and names without a number are not such.
    @Test(arguments: [
        ("OAuth2Application", "'OAuth2AccessToken', '", true),
        ("-V2SocketServerMode", "\"-Token\", \"", true),
        ("usersOauth2WordpressAppid", "operationToken: \"", true),
        ("tbsmDOpsHwdgIqYl2NltGRTKzjIzvEmT", "secret: \"", false),  // a Keycloak client secret
        ("Summer2024Winter", "token = \"", false),                  // four digits: a year
        ("OAuthApplication", "token = \"", false),                  // no number: an identifier's test
        ("TorysTotallyTubular456", "VAULT_TOKEN = '", false),       // a passphrase's number at the end (CloudGoat)
        ("HmacSignatureSha256", "token = \"", true),                // a size at the end: a name
        ("transportCredsForS2A", "TransportCreds: ", true),          // unquoted: code
    ])
    func camelCaseNamesAreCode(value: String, name: String, code: Bool) {
        #expect(AssignmentValueFilter.isCodeName(Array(value.utf8), name: Array(name.utf8)) == code)
    }

    /// A generated UUID is a secret under a name that says so; under `key` or `id`, or typed by
    /// hand (wrong version or variant digit), it stays an identifier.
    @Test(arguments: [
        ("dbaa410c-baf8-474b-a9ad-d8353770ebbb", "Token = \"", true),
        ("007E65C7-635D-4D54-8294-F360CB8E2E3F", "TOKEN=", true),
        ("9e9e44cc-a042-196b-b901-d5e1f9ee7502", "secret: ", true),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "password=", true),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "--token=", true),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "setApiKey(\"", true),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "with_token(\"", true),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "key = \"", false),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "id: ", false),
        ("9e9e44cc-a042-496b-b901-d5e1f9ee7502", "settings = ", false),
        ("12345678-1234-1234-1234-123456789012", "token=", false),          // version 1, variant 1: by hand
        ("9e9e44cc-a042-996b-b901-d5e1f9ee7502", "token=", false),          // no version 9
        ("9e9e44cc-a042-496b-7901-d5e1f9ee7502", "token=", false),          // NCS variant
        ("9e9e44cca042496bb901d5e1f9ee7502", "token=", false),              // no dashes: 32 hex, not a UUID
    ])
    func generatedUUIDNamedSecretIsASecret(value: String, name: String, secret: Bool) {
        #expect(AssignmentValueFilter.isGeneratedUUIDNamedSecret(Array(value.utf8), name: Array(name.utf8)) == secret)
    }

    @Test(arguments: [
        ("AKIAIOSFODNN7EXAMPLE", true),
        ("xoxb-xxxxxxxxxxxx", true),
        ("${GITHUB_TOKEN}", true),
        ("{{ .Values.token }}", true),
        ("<your-token>", true),
        ("<%= ENV['DATABASE_PASSWORD'] %>", true),
        ("Q$:B]zZjN-AdT<>h7V1.vm+k^|}2wVZf]Xw#QEZ[-pSohv+Kj0W-Z|:|g$-+E8:8", false),  // a WordPress salt: drawn, not written
        ("aaaaaaaaaaaaaaaa", true),
        ("sk_live_12345678abcd", true),
        ("ghp_R4nd0mL00k1ngT0k3nV4lu3", false),
        ("sk_live_\u{2026}(32)", true),               // a redacted report's own secret
        ("px-api-a1b2c3d4-e5f6-g7h8", true),
        ("px-dep-d4c3b2a1-f6e5-h8g7-j1i8", true),  // the same run counted down
        ("abcd1234abcd1234abcd1234abcd1234", true),  // one unit over and over
        ("Asdf1234asdf1234asdf1234asdf1234", true),  // case aside
        ("deadbeefdeadbeefdeadbeef", true),
        ("5179f75c4209d75c79f4d5f420d9a75c", false),  // random hex repeats no unit
        ("xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d", true),  // one group three times
        ("xoxp-2145-9877-6021-4ddbc191d40ee098cbaae6f3523ada2d", false),
        ("123e4567-e89b-12d3-a456-426614174000", true),  // RFC 4122's example UUID
        ("123e4567e89b12d3a456426614174000abcde000", true),
        ("some_pass", true),                          // `some` or `my` and the field's name
        ("somepw", true),
        ("someuser%3BPORT%3D50001", true),
        ("my-api-key-here", true),
        ("MyPassword", true),
        ("somewhere9Xk2Lq7", false),
        ("mYx9Lq2Wv7Kp3Rt8", false),
        ("__omit_place_holder__%s", true),            // Ansible's omit token, filled in by the code
        ("replace-me-with-a-random-string", true),      // umami's env.sample
        ("foobarbaz", true),
        ("abc123def456", true),                       // documentation's stand-in (Spree, Documenso)
        ("Abc12345", false),                          // a weak password, but a password
        ("asdfasdfasdf", true),                       // a short unit three times (bitwarden/server's tests)
        ("abcabcab", false),                          // not three whole units
        ("slkfjhadlfakjhdslfkjahsdlf", true),         // the home row mashed (rclone's Jottacloud tests)
        ("slkfjhadlfakjhdslfkjahsdlq", false),        // a letter off the home row
        ("abcdef123456", true),                       // the alphabet and digits counted up (django-allauth)
        ("akab-mnbvcxzlkjhgfdsapoiuytrewq1234567", true), // the keyboard's rows backwards (lego's docs)
        ("Zxcvbnm", false),                           // short: a weak password people use
        ("SET_A_PASSWORD_HERE_123", true),            // asks for a value (bitwarden/server's CI)
        ("insert-token-here", true),
        ("mariadb-password", true),                   // names its own field
        ("admin_secret", true),
        ("Here4Tz9xQ2mK7pL", false),                  // `here` inside a word
        ("Tz6!qW3vK9mB2xN-key", false),               // punctuation a name does not hold
        ("aabbccddeeff00112233", true),               // every character written twice (argo-cd's tests)
        ("aabbccddeeff0011223", false),               // an odd length is no pairs
        ("aabbccddeeff0012", false),                  // one pair broken
        ("[PASSWORD]", true),                         // a template's field (PowerShell's NuGet template)
        ("{feed_name}", true),
        ("[Xk9mQ2vLp7w]", false),                     // both cases: drawn at random
        ("busybox@", true),                           // an anonymous FTP login's password
        ("crwdns1631:0crwdne1631:0", true),           // Crowdin's in-context string id
        ("Summer2024@", false),
        ("48E92789-57A3-466A-9959-1A1A1A1A1A1A", true), // a UUID's last group typed by hand (Solidus)
        ("9f5c17d2-957e-4dda-ae24-000000000000", true),
        ("9f5c17d2-957e-4dda-ae24-811274ed88e5", false),
        ("sk_live_1A1A1A1", false),                   // seven bytes: too short a group to tell
        ("x-oauth-basic", true),                      // GitHub's fixed password beside a token
        ("x-oauth-basic-Tz6!q", false),
        ("abcd1234-abcd-1234-abcd-1234abcd1234", true), // a unit repeated across a UUID's dashes (Checkov)
        ("advanced-api-key-45678", true),             // its field's name, then a number (Bruno's fixtures)
        ("dev-api-key-123", true),
        ("dev-api-keys-123", false),
        ("abcd1234-abcd-1234-abcd-1234abcd1235", false),
        ("oauth2", true),                             // Composer's marker beside a GitLab token
        ("custom-headers", true),
        ("anonymous", true),                          // FTP's anonymous login
        ("anonymous7", false),
        ("infected", true),                           // the password of malware samples' archives
        ("<API_KEY_GENERATED_IN_THE_WEB_UI", true),     // its bracket left open (acme.sh's TrueNAS hook)
        ("<Xk9mQ2vLp7wT4nB6", false),
        ("<graphql", true),                           // `<graphql token>` cut at its blank (Buildkite)
        ("---invisible---", true),                    // a form's sentinel for a hidden password (HumHub)
        ("**hidden**", true),
        ("--Xk9mQ2vLp7--", false),
        ("--invisible---", false),
        ("Hello, world!", true),                      // sample text (Tekton's encoded example key)
        ("1a2b3c4d5e6f7g8h9i0j", true),               // counted up (Mail-in-a-Box's API docs)
        ("5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", true),   // pairs stepping on (Trigger.dev's samples)
        ("9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", true),
        ("6f3e8a1c9d2b47a0b6e5f1a2c3d4e5f6", true),
        ("6f3e8a1c9d2b47a0b6e5f1a2c3d7e9f1", false),
        ("key-length-should-be-32-chars123", true),   // states what the key must be (APISIX's docs)
        ("Must_Be_At_Least_32_Characters", true),
        ("d41d8cd98f00b204e9800998ecf8427e", true),     // MD5 of nothing
        ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true), // SHA-256 of nothing
        ("d41d8cd98f00b204e9800998ecf8427f", false),
        ("REPLACE-WITH-AZURE-STORAGE-ACCOUNT-KEY", true),  // asks for a value (Percona's backup secret)
        ("您的_API_KEY", true),                         // "your" in Chinese documentation (GPT Researcher)
        ("Abd13Kf+sfAk2DzifjafldkThisIsNotARealKeyOMG.", true),  // says it is no key (ntfy's docs)
    ])
    func placeholders(value: String, isPlaceholder: Bool) {
        #expect(PlaceholderFilter.isPlaceholder(Array(value.utf8)) == isPlaceholder)
    }

    @Test(arguments: [
        ("hunter2", true),           // weak, but a password that works somewhere
        ("123456", true),
        ("tiger^5HHH", true),
        ("GhnHJ00~yOKAPBoU", true),
        ("%s", false),               // filled in by the code around it
        ("%1$s", false),
        ("%-20s", false),
        ("{0}", false),
        ("$DB_PASS", false),
        ("password", false),         // the field's name, no value
        ("PWD", false),
        ("pw", false),
        ("bar", false),              // `foo:bar`
        ("tiger", false),            // Oracle's sample schema, `scott/tiger`
        ("AuthToken", false),        // letters naming the field (Apprise's `twilio://AccountSid:AuthToken@…`)
        ("remotePassword", false),
        ("whiskey", true),
        ("password]", false),        // `postgres://[user][:password]@[host]`: a URL's syntax (Medusa's docs)
        ("password]]", false),       // `postgres://[user[:password]]@…` (Telegraf's docs)
        ("Tz6!qW3v]", true),
        ("supertokens", true),                // a product's name
        ("Toto12345", true),
        ("test_password", false),
        ("x", false),
    ])
    func connectionPasswords(value: String, plausible: Bool) {
        #expect(ConnectionPassword.isPlausible(Array(value.utf8)) == plausible)
    }

    /// Providers' documentation values are published test keys (context `example`), not placeholders.
    @Test(arguments: ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                      "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c", "1726be1638095a19edd134c77bde3aa2ece1e5d8",
                      "2YotnFZFEjr1zCsicMWpAA", "mF_9.B5f-4.1JqM", "czZCaGRSa3F0MzpnWDFmQmF0M2JW",  // RFC 6749, 7662
                      "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",  // reCAPTCHA's test secret
                      "h7GhxuBLTrlhVUyxSPUKUV8r/2EI4ngqJxD7iBdBYLhwluN30JaT3Q==",  // Ceph's development S3 user
                      "6A5AA1D4EAFF4E9FB37E23D68491D6F4",  // Edge's Read Aloud client token
                      "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r",  // QStash's development server
                      "472071a93b60a1bd1fafb401d9f8ef41",  // NetBox's NAPALM_ARGS example
                      "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG",  // MinIO's public playground
                      "android",  // the Android SDK's debug key store
                      "AGE-SECRET-KEY-1N9JEPW6DWJ0ZQUDX63F5A03GX8QUW7PXDE39N8UYF82VZ9PC8UFS3M7XA9"])  // age-keygen(1)
    func documentationValuesArePublishedTestKeys(value: String) {
        #expect(PublishedTestKeys.contains(Array(value.utf8)))
        #expect(!PublishedTestKeys.contains(Array(value.dropLast().utf8)))
    }

    /// crypt_blowfish's test vectors are told by their salts: one character over and over, the
    /// alphabet in order, or a salt of its table. A salt drawn at random is no test vector.
    @Test(arguments: [
        ("$2a$05$CCCCCCCCCCCCCCCCCCCCC.1ispnLB00sHYZi.KzN4B1cmvb1hu8XF", true),
        ("$2x$05$XXXXXXXXXXXXXXXXXXXXXO1ispnLB00sHYZi.KzN4B1cmvb1hu8XF", true),
        ("$2y$05$abcdefghijklmnopqrstuu1ispnLB00sHYZi.KzN4B1cmvb1hu8XF", true),
        ("$2b$05$/OK.fbVrR/bpIqNJ5ianF.1ispnLB00sHYZi.KzN4B1cmvb1hu8XF", true),
        ("$2b$10$hvVWVRhKha/urSftrWEkDZ1ispnLB00sHYZi.KzN4B1cmvb1hu8XF", false),
        ("$2b$05$/OK.fbVrR/bpIqNJ5ianF.1ispnLB00sHYZi.KzN4B1cmvb1hu8X", false),  // a byte short
    ])
    func bcryptTestVectorsArePublished(hash: String, published: Bool) {
        #expect(PublishedTestKeys.contains(Array(hash.utf8)) == published)
    }

    /// A token signed with jwt.io's or Supabase's published secret is published; one signed with
    /// any other secret is not, whatever its header and payload.
    @Test func tokensSignedWithAPublishedSecretArePublished() {
        let signed = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrZXlzd2VlcC1maXh0dXJlIiwibmFtZSI6IkphbmUgUm9lIn0"
        #expect(PublishedTestKeys.contains(Array("\(signed).fxrvelkpQj5yHTIJqj36KyTxVnuRGWJ-WZuVRBZuLRo".utf8)))
        #expect(!PublishedTestKeys.contains(Array("\(signed).C1LLfPWwI5oZ0qvlGtRzDTRcoB6HMqyNCEB-Tm15qSo".utf8)))
        let hs512 = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrZXlzd2VlcC1maXh0dXJlIiwibmFtZSI6IkphbmUgUm9lIn0."
            + "Ag5NylHYoiZ4F1VbQq-WxNe9NjM-RS9eaRBK4KYWtOjLF1B3UO4g9ln1-owVpNVWuWePWwWUhhUrLtZf5TXH1A"
        #expect(PublishedTestKeys.contains(Array(hs512.utf8)))
        #expect(!PublishedTestKeys.contains(Array(hs512.dropLast(2).utf8)))
    }

    @Test func entropy() {
        #expect(Entropy.shannon(Array("aaaa".utf8)) == 0)
        #expect(Entropy.shannon(Array("abcd".utf8)) == 2)
        #expect(Entropy.shannon([UInt8]()) == 0)
    }

    /// Generic rules hold long hex values to the hex threshold, everything else to their own.
    @Test func hexValuesHaveTheirOwnGenericThreshold() {
        #expect(Entropy.genericThreshold(3.5, for: Array("b3188f2f73a340fb39a7f743dc74b78f".utf8)) == Entropy.hexMinimum)
        #expect(Entropy.genericThreshold(3.5, for: Array("fd3ddab708ffd4b71f079272".utf8)) == Entropy.hexMinimum)
        #expect(Entropy.genericThreshold(3.5, for: Array("b3188f2f73a340fb39a".utf8)) == 3.5)  // 19 digits
        #expect(Entropy.genericThreshold(3.5, for: Array("b3188f2f73a340fb39a7f743dc74b78g".utf8)) == 3.5)
        #expect(Entropy.genericThreshold(3.5, for: Array("99999999999999999999999999999999".utf8)) == 3.5)
        // A UUID's dashes do not widen its alphabet; dashes elsewhere do.
        #expect(Entropy.genericThreshold(3.5, for: Array("90f84933-3896-4075-9f28-8f576f577a80".utf8)) == Entropy.hexMinimum)
        #expect(Entropy.genericThreshold(3.5, for: Array("90f84933-38964-075-9f28-8f576f577a80".utf8)) == 3.5)
    }
}
