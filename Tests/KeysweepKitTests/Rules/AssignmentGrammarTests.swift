import Testing
@testable import KeysweepKit

/// One case per syntax family of the assignment grammar, each with a literal the grammar must
/// capture whole and a look-alike from the same family that it must leave alone.
@Suite struct AssignmentGrammarTests {
    private static let rule = Rule(
        id: "test.assignment", name: "assignment", provider: "Test", kind: .password, severity: .medium,
        keywords: ["password", "token"], pattern: "(?i)(?:password|token){{assign}}{{value:8,100}}",
        validator: .assignmentValue)

    private func secrets(in text: String) throws -> [String] {
        let matcher = Matcher(ruleSet: try RuleSet([Self.rule]))
        let scan = Array(text.utf8).withUnsafeBytes { matcher.scan($0) }
        return scan.matches.map { String(decoding: $0.secret, as: UTF8.self) }
    }

    @Test(arguments: [
        ("shell, .env, export", #"export DB_PASSWORD="Vb7(kR2)mQ9%xZ""#, "Vb7(kR2)mQ9%xZ"),
        ("YAML", "db:\n  password: 'hY6.vN3$qT8!wK'\n", "hY6.vN3$qT8!wK"),
        ("YAML block scalar", "password: |\n  Lr8+pW3{zX6#nQ\n", "Lr8+pW3{zX6#nQ"),
        ("YAML list item", "environment:\n  - DB_PASSWORD=Gh3!kP8*zL5~vT\n", "Gh3!kP8*zL5~vT"),
        ("JSON with escapes", #"{"password": "Qz4\"mK8!vT2p"}"#, #"Qz4\"mK8!vT2p"#),
        ("JSON holding a file", #"{"app.ini": "TOKEN=Wm4rT8yK2vQ6\nDEBUG=false"}"#, "Wm4rT8yK2vQ6"),
        ("TOML, INI, properties", "spring.datasource.password = Tr0ub4(dor)&3x\n", "Tr0ub4(dor)&3x"),
        ("TOML literal string", "password = '''Kd8#vQ2mZ7xW'''\n", "Kd8#vQ2mZ7xW"),
        ("HCL", "  admin_password = \"Yp2vL8xQ4m!K\"\n", "Yp2vL8xQ4m!K"),
        ("XML element", "<password>\n    Jm4%tB8^cV2&yN\n</password>", "Jm4%tB8^cV2&yN"),
        ("XML add element", #"<add key="SmtpPassword" value="GSMSr3amDygn8n!" />"#, "GSMSr3amDygn8n!"),
        ("plist", "<key>ApiToken</key>\n<string>Fz9@wK4eR7uH</string>", "Fz9@wK4eR7uH"),
        ("Hadoop property", "<name>javax.jdo.option.ConnectionPassword</name>\n  <value>Hq7vR2xLm9pT</value>", "Hq7vR2xLm9pT"),
        ("Jenkins password parameter", "<name>DEPLOY_PASSWORD</name>\n<defaultValue>Wq7!zR2mK9pL</defaultValue>", "Wq7!zR2mK9pL"),
        ("Rust &str", #"const AUTH_TOKEN: &str = "Tz6pW1qLx8NvYc3Rb5Mk2Jd7";"#, "Tz6pW1qLx8NvYc3Rb5Mk2Jd7"),
        ("Rust &'static str", #"static DB_PASSWORD: &'static str = "Hx4k!Q9wZp2L";"#, "Hx4k!Q9wZp2L"),
        ("Rust String::from", #"let password: String = String::from("Wq7!zR2mK9pLx4");"#, "Wq7!zR2mK9pLx4"),
        ("Dockerfile ENV", "ENV REDIS_PASSWORD=Hq7!vR2x#Lm9\n", "Hq7!vR2x#Lm9"),
        ("Makefile", "DB_PASSWORD ::= Rk7mQ2xW9vB4\nTOKEN += Zt5!pQ8wL3xK\n", "Rk7mQ2xW9vB4"),
        ("PHP", #"$config['db_password'] .= "Gh3!kP8*zL5~vT";"#, "Gh3!kP8*zL5~vT"),
        ("PHP array", #"  'password' => 'Xk9#mQ2vLp7w',"#, "Xk9#mQ2vLp7w"),
        ("Go", #"var apiToken string = "Tq8vK3mZ7xW2""#, "Tq8vK3mZ7xW2"),
        ("Go short declaration", "accessToken := `Rk7mQ2xW9vB4nT6y`", "Rk7mQ2xW9vB4nT6y"),
        ("C array", #"char password[] = "Vq7rT2xLm9pK";"#, "Vq7rT2xLm9pK"),
        ("C array with a size", #"static const char wifi_password[WIFI_PASS_LEN] = "Hq7!vR2x#Lm9";"#, "Hq7!vR2x#Lm9"),
        ("typed declaration", #"let dbPassword: String = "Hq7!vR2x#Lm9pT""#, "Hq7!vR2x#Lm9pT"),
        ("keyword argument", #"connect(host="db", password="Wq7!zR2mK9pLx4")"#, "Wq7!zR2mK9pLx4"),
        ("call arguments", #"os.Setenv("SERVICE_TOKEN", "Yp2vL8xQ4mK9")"#, "Yp2vL8xQ4mK9"),
        ("byte literal", #"token := []byte("Bv5#nW2qL8zT")"#, "Bv5#nW2qL8zT"),
        ("Python bytes", #"token = b"Hv3mT9qK2xW7""#, "Hv3mT9qK2xW7"),
        ("Buffer.from", #"const token = Buffer.from("Mk3!pL8zQ2wR")"#, "Mk3!pL8zQ2wR"),
        ("HTML-escaped query", "postgres://h?user=scott&amp;password=Xk9mQ2vLp7w&amp;database=test", "Xk9mQ2vLp7w"),
        ("Gradle buildConfigField", #"buildConfigField 'String', 'API_TOKEN', '"Jp8!wQ3mT6zK"'"#, "Jp8!wQ3mT6zK"),
        ("fallback", #"const token = process.env.API_TOKEN || 'Qk4#vT9mZ2xL'"#, "Qk4#vT9mZ2xL"),
        ("Python fallback", #"password = os.getenv("DB_PASSWORD") or "Hj5!nR8wK3pZ""#, "Hj5!nR8wK3pZ"),
        ("backslash inside", #"password: S!B\*d$zDsb="#, #"S!B\*d$zDsb="#),
        ("unquoted, the rest of its line", "SMTP_PASSWORD=akqA=Ie,C,6zc&kLG}4=]rz1RH66\nLOG=json\n", "akqA=Ie,C,6zc&kLG}4=]rz1RH66"),
        ("unquoted, then a comment", "DB_PASSWORD=Hq7;vR2x#Lm9pT(k # production\n", "Hq7;vR2x#Lm9pT(k"),
        ("PKCS#11 URI: ;name= ends it", "pkcs11:token=Kd8vQ2mZ7xW4pL;serial=1%3AROOTS;model=1%2E0\n", "Kd8vQ2mZ7xW4pL"),
        ("INI value with brackets", "[db]\nPassword = tg)7K.r(Ps[D?ju~jn114Lv\n", "tg)7K.r(Ps[D?ju~jn114Lv"),
        ("YAML list item with <", "env:\n  - API_PASSWORD=cuwCA80<*wP|zk=.u\n", "cuwCA80<*wP|zk=.u"),
        ("quoted, an unclosed bracket", #"password = "n[Q>-l31<R@c3Mu*Z_2""#, "n[Q>-l31<R@c3Mu*Z_2"),
        ("PHP, a bracket after letters", #"    'password' => 'QvcU(1w0IE<;;FdZN&1ON(?QrG',"#, "QvcU(1w0IE<;;FdZN&1ON(?QrG"),
        ("Kubernetes env entry", "  - name: DB_PASSWORD\n    value: \"bpsyu5.!Tx9#ad\"\n  - name: LOG\n    value: json\n", "bpsyu5.!Tx9#ad"),
        ("query continued on the next line", "  'access_token=Xk9mQ2vLp7wT4nB6&'\n  'token_type=bearer'", "Xk9mQ2vLp7wT4nB6"),
        ("SQL inside a string", #"   \'password\' = \'Xk9#mQ2vLp7w\',"#, "Xk9#mQ2vLp7w"),
        ("any punctuation inside quotes", #"jwt_token: '7`D"}/vYR)T;W\5]EBrf;_&k>qX??]G&3CF'"#, #"7`D"}/vYR)T;W\5]EBrf;_&k>qX??]G&3CF"#),
    ])
    func capturesTheLiteral(family: String, text: String, secret: String) throws {
        #expect(try secrets(in: text).first == secret, "\(family)")
    }

    @Test(arguments: [
        ("shell reference", #"export DB_PASSWORD="${DB_PASSWORD}""#),
        ("Windows variable", "set PASSWORD=%DB_PASSWORD%"),
        ("Python format", "password = %(db_password)s"),
        ("YAML next key", "password:\n  user: admin\n"),
        ("JSON name only", #"{"password": "user.password"}"#),
        ("comparison", #"if password == "Xk9#mQ2vLp7w" {"#),
        ("call", "password = os.getenv(\"DB_PASSWORD\")"),
        ("call cut at its first argument", "password = decrypt3(blob, key)"),
        ("Swift implicit member", "password: .init(rawValue: 1)"),
        ("C cast", "token = (char*)&buffer[offset];"),
        ("index", "password = settings[:db_password]"),
        ("array element", #"password[i] = "Xk9#mQ2vLp7w";"#),
        ("encrypted wrapper", "password: ENC[AES256_GCM,data:W3PiZ6lD6bpfAdI=,iv:2qF98Zk=,type:str]"),
        ("constant name", "password = DB_PASSWORD_V2"),
        ("snake-case name", "token = NID_pkcs9_emailAddress"),
        ("generic type, not XML", "init<SK: PrivateToken>(ciphersuite: Suite)"),
        ("path", "password = /run/secrets/db_password"),
        ("Maven-encrypted", "<password>{DSfdcz7VZbgAAJ0AUbhb9Ox2mw=}</password>"),
        ("word that spells a placeholder", "password = 'super$ecret'"),
        ("URL query continues", "url = \"https://a.dev/x?token=$TOKEN&channel=C4D8D3XMX\""),
        ("fallback to a name", "let token = cachedToken || freshToken"),
        ("Swift interpolation", #"let token = "\(random.next())-\(random.next())""#),
        ("between two strings", #"passwordLabel:"Password:",rememberMeLabel2:"Remember me:""#),
        ("expression ending a line", "  password: process.env.DB_PASSWORD,\n"),
        ("call ending a line", "password=readSecret(vault,name);\n"),
        ("closing tag ending a line", "<key>password</key><string>$(DB_PASSWORD)</string>\n"),
        ("Python call ending a block", "    token=request.resource_owner_key):\n"),
        ("prose", "override an user with the same name (in passwd or shadow).\n"),
        ("connection string", "Server=db.acme.dev;Password=Xk9;Database=app;User Id=sa\n"),
        ("closure parameter", "where: { $0.isToken || $0!.totalNodes > 1 }"),
        ("wrapper around code", "Column('password', String(length=12345678), table=user)"),
        ("SQL inside a string, short", #"   \'password\' = \'123456\'"#),  // Flink DDL in a seed (Dinky)
    ])
    func leavesNonLiteralsAlone(family: String, text: String) throws {
        #expect(try secrets(in: text).isEmpty, "\(family)")
    }

    @Test func expandsOnlyTheMacros() {
        #expect(AssignmentGrammar.expand(#"a{2}(?<secret>b{1,3})"#) == #"a{2}(?<secret>b{1,3})"#)
        #expect(!AssignmentGrammar.expand("x{{assign}}{{value:8,100}}").contains("{{"))
    }
}
