"""Second part of the labelled corpus: secrets written in every syntax family
of issue 15 (item 1), and credentials made of several parts (item 3).

Written from the providers' and tools' documentation (AWS shared credentials
file and environment variables, Twilio's account SID and auth token, Entra ID
service principals as `az ad sp create-for-rbac` prints them, Django, Spring,
Rails and libpq settings, RFC 7617 Basic authentication, docker-compose,
Dockerfile, Make, PHP, Go, Kotlin, C#, curl and JetBrains/VS Code `.http`
files), never from Keysweep's rules, so that it tests them unseen.

Every file here is dedicated to this part and lives under paths the first
part does not use; its labels come after the first part's, so the first
part's ids do not move. A credential of several parts is ONE label whose
lines span every part: a tool that reports each part on its own has several
locations for one credential, which the "locs/secret" column shows.

Item values come from their own seeded generator (seed + 2): the same seed
always gives the same bytes.
"""

import generators as G
from generators import ALNUM, DIGITS, HEX, LOWER, UPPER, b64

# What a password generator emits (1Password, Bitwarden, pwgen -sy): letters,
# digits and ASCII punctuation. Each syntax removes what it cannot hold raw.
PUNCTUATION = "!#%&()*+,-./:;<=>?@[]^_{|}~"
AWS_SECRET = ALNUM + "+/"
BASE32 = UPPER + "234567"


def strong_password(g, exclude=""):
    """16-28 characters with at least three punctuation marks, starting with a
    letter and ending with a letter or digit (so that it never reads as a
    `<placeholder>` or `{template}`), none of EXCLUDE."""
    marks = [c for c in PUNCTUATION if c not in exclude]
    alphabet = ALNUM + "".join(marks)
    while True:
        n = g.randint(16, 28)
        body = g.s(alphabet, n - 2)
        p = g.s(UPPER + LOWER, 1) + body + g.s(ALNUM, 1)
        if (sum(c in marks for c in p) >= 3 and any(c in DIGITS for c in p)
                and any(c in UPPER for c in p) and any(c in LOWER for c in p)
                and "{{" not in p and "${" not in p and "%(" not in p):
            return p


def api_token(g, n=40):
    return g.s(ALNUM, n)


def aws_key_id(g, prefix="AKIA"):
    return prefix + g.s(BASE32, 16)


def aws_secret(g):
    return g.s(AWS_SECRET, 40)


def aws_session_token(g):
    # STS session tokens are base64 of a binary structure; the common v2
    # serialisation starts "IQoJb3JpZ2luX2Vj" ("\x21\n\torigin_ec"), the
    # older one "FwoGZXIvYXdz" ("\x17\n\x06er/aws").
    head = g.choice(["IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE"])
    return head + g.s(ALNUM + "+/", 302 + 4 * g.randint(0, 20)) + "="


def twilio_sid(g, prefix="AC"):
    return prefix + g.hex(32)


def entra_secret(g):
    # Entra ID client secret: 3 characters, a version digit, "Q~", 34 more.
    return g.s(ALNUM, 3) + g.choice("78") + "Q~" + g.s(ALNUM + "_.~-", 34)


class Section:
    """One file of this part: lines, and labels by line span."""

    def __init__(self, path):
        self.path, self.lines, self.hits = path, [], []

    def text(self, *lines):
        self.lines += list(lines)

    def item(self, lines, off, end, kind, category, positive, value, note=""):
        """Planted LINES; OFF..END (0-based, inside LINES) hold the secret or
        every part of the credential. Two blank lines keep items apart."""
        if self.lines and self.hits:
            self.lines += ["", ""]
        start = len(self.lines)
        self.lines += lines
        self.hits.append(dict(off=start + off, end=start + end, kind=kind, category=category,
                              positive=positive, value=value, note=note))


SYNTAX = "syntax families"
MULTI = "multi-part credentials"


def syntax_sections(g):
    """Item 1 of the issue: one or more planted secrets per syntax family."""
    out = []

    def pos(section, lines, off, kind, value, note, end=None):
        section.item(lines, off, off if end is None else end, kind, SYNTAX, True, value, note)

    def neg(section, lines, off, kind, note, end=None):
        section.item(lines, off, off if end is None else end, kind, "neg:syntax-reference", False,
                     "\n".join(lines[off:(off if end is None else end) + 1]), note)

    # shell, .env, export
    s = Section("ops/syntax/deploy.env")
    s.text("# deploy environment", "LOG_FORMAT=json")
    p = strong_password(g, "\"'$`\\ #")
    pos(s, ["SMTP_PASSWORD=" + p], 0, "env_unquoted_punctuation", p, ".env, unquoted, punctuation")
    p = strong_password(g, "\"$`\\")
    pos(s, ['REDIS_PASSWORD="%s"' % p], 0, "env_double_quoted", p, ".env, double-quoted")
    p = strong_password(g, "'")
    pos(s, ["export ADMIN_PASSWORD='%s'" % p], 0, "shell_export_single_quoted", p, "export, single-quoted")
    neg(s, ['export ADMIN_PASSWORD="${ADMIN_PASSWORD:?set it}"'], 0, "env_reference", "shell parameter expansion")
    out.append(s)

    # YAML block scalars and list items
    s = Section("config/syntax/service.yaml")
    s.text("service:", "  replicas: 2")
    p = strong_password(g, "")
    pos(s, ["  database_password: |", "    " + p], 1, "yaml_block_scalar", p, "YAML literal block scalar")
    p = strong_password(g, "")
    pos(s, ["  smtp_password: >-", "    " + p], 1, "yaml_folded_scalar", p, "YAML folded block scalar")
    p = strong_password(g, "'\"#")
    pos(s, ["  env:", "    - API_PASSWORD=" + p], 1, "yaml_list_item_assignment", p, "YAML list item KEY=value")
    p = strong_password(g, "'")
    pos(s, ["  ldap_bind_password: '%s'" % p.replace("'", "''")], 0, "yaml_single_quoted", p, "YAML single-quoted")
    neg(s, ["  ldap_bind_password: !env_var LDAP_BIND_PASSWORD"], 0, "yaml_tag_reference", "YAML tag naming a variable")
    out.append(s)

    # JSON with escapes
    s = Section("config/syntax/appsettings.json")
    s.text("{", '  "Logging": {"Level": "Information"},')
    raw = strong_password(g, "\\") [:10] + '"' + g.s(ALNUM, 4) + "\\" + g.s(ALNUM, 6) + "/x9"
    esc = raw.replace("\\", "\\\\").replace('"', '\\"').replace("/", "\\/")
    pos(s, ['  "DbPassword": "%s",' % esc], 0, "json_escaped", raw, "JSON string with \\\" \\\\ \\/ escapes")
    tok = api_token(g, 36)
    pos(s, ['  "service": {"apiToken": "%s"},' % tok], 0, "json_nested_inline", tok, "JSON nested object on one line")
    s.text('  "Version": "1.0"', "}")
    out.append(s)

    # TOML, INI, Java .properties with dotted keys
    s = Section("config/syntax/worker.toml")
    s.text("[worker]", "threads = 4")
    p = strong_password(g, "\"\\")
    pos(s, ["[database]", 'password = "%s"' % p], 1, "toml_table_key", p, "TOML key in a table")
    p = strong_password(g, "'")
    pos(s, ["queue.password = '%s'" % p], 0, "toml_dotted_literal", p, "TOML dotted key, literal string")
    out.append(s)
    s = Section("config/syntax/odbc.ini")
    s.text("[reporting]", "Driver = PostgreSQL")
    p = strong_password(g, ";#\"' ")
    pos(s, ["Password = " + p], 0, "ini_value", p, "INI value with punctuation")
    out.append(s)
    s = Section("backend/src/main/resources/syntax-mail.properties")
    s.text("mail.smtp.host=smtp.acme-corp.net", "mail.smtp.port=587")
    p = strong_password(g, "\\#! ")
    pos(s, ["mail.smtp.password=" + p], 0, "properties_dotted", p, "Java properties, dotted key")
    p = strong_password(g, "\\#! :=")
    pos(s, ["app.security.jwt.signing-secret : " + p], 0, "properties_colon", p, "Java properties, ':' separator")
    neg(s, ["mail.smtp.password=${MAIL_PASSWORD}"], 0, "properties_reference", "Spring placeholder")
    out.append(s)

    # HCL / Terraform
    s = Section("infra/syntax/main.tf")
    s.text('resource "aws_db_instance" "reports" {', '  engine = "postgres"')
    p = strong_password(g, "\"\\$%")
    pos(s, ['  password = "%s"' % p], 0, "hcl_attribute", p, "Terraform attribute")
    s.text("}", "", 'provider "github" {')
    tok = G.github_token(g, "ghp_")
    pos(s, ['  token = "%s"' % tok], 0, "hcl_provider_token", tok, "Terraform provider block")
    s.text("}")
    neg(s, ['  master_password = random_password.db.result'], 0, "hcl_reference", "Terraform reference")
    out.append(s)

    # XML: <key> followed by a value element (plist), <add key value/>, elements
    s = Section("ios/syntax/Secrets.plist")
    s.text('<?xml version="1.0" encoding="UTF-8"?>', '<plist version="1.0">', "<dict>")
    tok = api_token(g, 40)
    pos(s, ["  <key>APIToken</key>", "  <string>%s</string>" % tok], 1, "plist_key_string", tok, "plist <key> then <string>")
    s.text("</dict>", "</plist>")
    out.append(s)
    s = Section("dotnet/Syntax/Web.config")
    s.text('<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <appSettings>")
    p = strong_password(g, "<>&\"'")
    pos(s, ['    <add key="SmtpPassword" value="%s" />' % p], 0, "xml_add_key_value", p, "<add key value/>")
    s.text("  </appSettings>", "  <mail>")
    p = strong_password(g, "<>&\"'")
    pos(s, ["    <password>%s</password>" % p], 0, "xml_element", p, "XML element")
    s.text("  </mail>", "</configuration>")
    out.append(s)

    # Dockerfile ENV / ARG, docker-compose environment and command
    s = Section("docker/syntax/Dockerfile")
    s.text("FROM node:20-alpine", "WORKDIR /app")
    tok = G.github_token(g, "npm_")
    pos(s, ["ARG NPM_TOKEN=" + tok], 0, "dockerfile_arg_default", tok, "Dockerfile ARG with default")
    p = strong_password(g, "\"'$\\ `")
    pos(s, ["ENV DB_PASSWORD " + p], 0, "dockerfile_env_space", p, "Dockerfile ENV key value (space form)")
    s.text('CMD ["node", "server.js"]')
    out.append(s)
    s = Section("docker/syntax/docker-compose.yml")
    s.text("services:", "  cache:", "    image: redis:7")
    p = strong_password(g, "\"'$\\ ,[]{}#")
    pos(s, ['    command: ["redis-server", "--requirepass", "%s"]' % p], 0, "compose_command_array", p,
        "compose command: array with --requirepass")
    s.text("  db:", "    image: mysql:8")
    p = strong_password(g, "\"'$\\ #")
    pos(s, ["    environment:", "      - MYSQL_ROOT_PASSWORD=" + p], 1, "compose_environment_list", p,
        "compose environment: list item")
    neg(s, ["      - MYSQL_PASSWORD=${MYSQL_PASSWORD}"], 0, "compose_reference", "compose variable")
    out.append(s)

    # Makefile assignments
    s = Section("ops/syntax/release.mk")
    s.text(".PHONY: release", "VERSION := 1.4.2")
    for op, kind in (("=", "make_recursive"), (":=", "make_simple"), ("::=", "make_posix"),
                     ("?=", "make_conditional"), ("+=", "make_append")):
        tok = api_token(g, g.randint(32, 44))
        pos(s, ["DEPLOY_TOKEN %s %s" % (op, tok)], 0, kind, tok, "Makefile '%s'" % op)
    neg(s, ["DEPLOY_TOKEN ?= $(shell cat .deploy-token)"], 0, "make_reference", "Makefile shell call")
    out.append(s)

    # PHP
    s = Section("web/syntax/config/database.php")
    s.text("<?php", "", "return [")
    p = strong_password(g, "'\\")
    pos(s, ["    'password' => '%s'," % p], 0, "php_array_arrow", p, "PHP array =>")
    s.text("];", "")
    tok = api_token(g, 32)
    pos(s, ['$apiKey = "%s";' % tok[:16], '$apiKey .= "%s";' % tok[16:]], 1, "php_concat_assign", tok[16:],
        "PHP .= (second half)")
    neg(s, ["    'password' => env('DB_PASSWORD'),"], 0, "php_reference", "Laravel env()")
    out.append(s)

    # Go
    s = Section("cmd/syntax/clients.go")
    s.text("package clients", "")
    p = strong_password(g, "\"\\`")
    pos(s, ['\tdbPassword := "%s"' % p], 0, "go_short_declaration", p, "Go :=")
    p = strong_password(g, "\"\\`")
    pos(s, ['var smtpPassword string = "%s"' % p], 0, "go_typed_var", p, "Go var x string =")
    tok = api_token(g, 40)
    pos(s, ['\tos.Setenv("ACME_API_TOKEN", "%s")' % tok], 0, "go_setenv", tok, "os.Setenv")
    tok = api_token(g, 32)
    pos(s, ['var signingKey = []byte("%s")' % tok], 0, "go_byte_slice", tok, "[]byte(\"...\")")
    neg(s, ['\tos.Setenv("ACME_API_TOKEN", os.Getenv("CI_ACME_TOKEN"))'], 0, "go_reference", "os.Getenv")
    out.append(s)

    # typed declarations: Swift, Kotlin, TypeScript, C#, Java
    s = Section("mobile/syntax/Keys.kt")
    s.text("package com.acme.keys", "")
    p = strong_password(g, "\"\\$")
    pos(s, ['    val keystorePassword: String = "%s"' % p], 0, "kotlin_typed_val", p, "Kotlin val x: String =")
    neg(s, ["    val apiKey: String = BuildConfig.ACME_API_KEY"], 0, "kotlin_reference", "BuildConfig field")
    out.append(s)
    s = Section("ios/syntax/Keys.swift")
    s.text("import Foundation", "")
    tok = api_token(g, 40)
    pos(s, ['    static let apiToken: String = "%s"' % tok], 0, "swift_typed_let", tok, "Swift let x: String =")
    out.append(s)
    s = Section("web/syntax/keys.ts")
    s.text("// generated by the release job", "")
    p = strong_password(g, "'\\`$")
    pos(s, ["export const adminPassword: string = '%s';" % p], 0, "typescript_typed_const", p, "TypeScript const x: string =")
    p = strong_password(g, "'\\`$")
    pos(s, ["  private readonly clientSecret: string = '%s';" % p], 0, "typescript_class_field", p,
        "TypeScript class field")
    out.append(s)
    s = Section("dotnet/Syntax/Settings.cs")
    s.text("namespace Acme.Settings;", "", "public static class Settings", "{")
    p = strong_password(g, "\"\\{}")
    pos(s, ['    public const string ServicePassword = "%s";' % p], 0, "csharp_const_string", p, "C# const string")
    tok = api_token(g, 40)
    pos(s, ['    private static readonly string apiKey = "%s";' % tok], 0, "csharp_readonly_string", tok,
        "C# static readonly string")
    s.text("}")
    out.append(s)
    s = Section("backend/src/main/java/com/acme/syntax/Mail.java")
    s.text("package com.acme.syntax;", "", "final class Mail {", "    void configure(java.util.Properties props) {")
    p = strong_password(g, "\"\\")
    pos(s, ['        String password = "%s";' % p], 0, "java_local_string", p, "Java local String")
    p = strong_password(g, "\"\\")
    pos(s, ['        props.setProperty("mail.smtp.password", "%s");' % p], 0, "java_set_property", p,
        "setProperty(\"K\", \"v\")")
    tok = api_token(g, 36)
    pos(s, ['        headers.put("X-Api-Key", "%s");' % tok], 0, "java_map_put", tok, "put(\"K\", \"v\")")
    neg(s, ['        props.setProperty("mail.smtp.password", System.getenv("MAIL_PASSWORD"));'], 0,
        "java_reference", "System.getenv")
    s.text("    }", "}")
    out.append(s)

    # Python and Ruby keyword arguments, byte literals, setenv
    s = Section("services/syntax/clients.py")
    s.text("import os", "import psycopg", "")
    p = strong_password(g, "\"\\'")
    pos(s, ['conn = psycopg.connect(host="db-prod.internal", user="app", password="%s")' % p], 0,
        "python_keyword_argument", p, "Python keyword argument")
    tok = api_token(g, 32)
    pos(s, ['HMAC_KEY = b"%s"' % tok], 0, "python_bytes_literal", tok, "b\"...\"")
    tok = api_token(g, 40)
    pos(s, ['os.environ.setdefault("ACME_API_TOKEN", "%s")' % tok], 0, "python_environ_setdefault", tok,
        "os.environ.setdefault")
    neg(s, ['conn = psycopg.connect(host="db-prod.internal", user="app", password=os.environ["PGPASSWORD"])'], 0,
        "python_reference", "os.environ")
    out.append(s)
    s = Section("app/syntax/mailer.rb")
    s.text("require 'net/smtp'", "")
    p = strong_password(g, "\"\\#'")
    pos(s, ['Net::SMTP.start("smtp.acme-corp.net", 587, user: "mailer", secret: "%s", authtype: :login)' % p], 0,
        "ruby_keyword_argument", p, "Ruby keyword argument")
    out.append(s)
    s = Section("web/syntax/sign.js")
    s.text("'use strict';", "")
    tok = api_token(g, 32)
    pos(s, ["const signingKey = Buffer.from('%s');" % tok], 0, "node_buffer_from", tok, "Buffer.from(\"...\")")
    out.append(s)
    s = Section("native/syntax/bootstrap.c")
    s.text("#include <stdlib.h>", "")
    tok = api_token(g, 40)
    pos(s, ['    setenv("ACME_API_TOKEN", "%s", 1);' % tok], 0, "c_setenv", tok, "setenv(3)")
    out.append(s)

    # command-line flags
    s = Section("scripts/syntax/maintenance.sh")
    s.text("#!/usr/bin/env bash", "set -euo pipefail")
    p = strong_password(g, "'")
    pos(s, ["psql-admin --host db-prod.internal --password '%s' --dbname reports" % p], 0, "cli_password_space", p,
        "--password X")
    tok = api_token(g, 40)
    pos(s, ["acme-cli deploy --token=%s --region eu-west-1" % tok], 0, "cli_token_equals", tok, "--token=X")
    p = strong_password(g, "'")
    pos(s, ["mysql -h db-prod.internal -u reporting -p'%s' reports < nightly.sql" % p], 0, "cli_mysql_p", p,
        "mysql -pX")
    p = strong_password(g, "'")
    pos(s, ["redis-cli -h cache.internal --requirepass '%s' ping" % p], 0, "cli_requirepass", p, "--requirepass X")
    neg(s, ['psql-admin --host db-prod.internal --password "$PGPASSWORD" --dbname reports'], 0, "cli_reference",
        "flag with a variable")
    out.append(s)

    # Authorization headers: curl and .http files
    s = Section("scripts/syntax/smoke.sh")
    s.text("#!/bin/sh", "")
    tok = api_token(g, 48)
    pos(s, ["curl -sS https://api.acme-corp.net/v2/health -H 'Authorization: Token %s'" % tok], 0,
        "curl_authorization_token", tok, "curl -H Authorization: Token")
    out.append(s)
    s = Section("api/syntax/orders.http")
    s.text("### list orders", "GET https://api.acme-corp.net/v1/orders")
    tok = api_token(g, 44)
    pos(s, ["Authorization: Bearer " + tok], 0, "http_file_bearer", tok, ".http file Authorization: Bearer")
    s.text("Accept: application/json")
    neg(s, ["### list refunds", "GET https://api.acme-corp.net/v1/refunds", "Authorization: Bearer {{token}}"], 2,
        "http_file_variable", ".http file variable")
    out.append(s)
    return out


def multi_part_sections(g):
    """Item 3: credentials of several parts, each ONE label over every part."""
    out = []

    def cred(section, lines, off, end, kind, parts, note):
        section.item(lines, off, end, kind, MULTI, True, "\n".join(parts), note)

    def neg(section, lines, off, end, kind, note):
        section.item(lines, off, end, kind, "neg:credential-ids-only", False, "\n".join(lines[off:end + 1]), note)

    # AWS: shared credentials file, environment, boto3, Terraform.
    s = Section("ops/aws/credentials")
    i, k, t = aws_key_id(g, "ASIA"), aws_secret(g), aws_session_token(g)
    cred(s, ["[deploy]", "aws_access_key_id = " + i, "aws_secret_access_key = " + k, "aws_session_token = " + t],
         1, 3, "aws_id_secret_session", [i, k, t], "~/.aws/credentials profile with a session token")
    i, k = aws_key_id(g), aws_secret(g)
    cred(s, ["[reporting]", "aws_access_key_id=" + i, "aws_secret_access_key=" + k, "region=eu-west-1"],
         1, 2, "aws_id_secret", [i, k], "~/.aws/credentials profile")
    neg(s, ["[docs]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"], 1, 2, "aws_doc_pair",
        "the AWS documentation's example pair")
    out.append(s)
    s = Section("deploy/aws/ci.env")
    i, k = aws_key_id(g), aws_secret(g)
    cred(s, ["export AWS_ACCESS_KEY_ID=" + i, "export AWS_SECRET_ACCESS_KEY=" + k, "export AWS_DEFAULT_REGION=us-east-1"],
         0, 1, "aws_id_secret", [i, k], "environment variables")
    out.append(s)
    s = Section("services/aws/uploader.py")
    s.text("import boto3", "")
    i, k = aws_key_id(g), aws_secret(g)
    cred(s, ['s3 = boto3.client(', '    "s3",', '    aws_access_key_id="%s",' % i,
             '    aws_secret_access_key="%s",' % k, ")"], 2, 3, "aws_id_secret", [i, k], "boto3 keyword arguments")
    out.append(s)
    s = Section("infra/aws/provider.tf")
    i, k = aws_key_id(g), aws_secret(g)
    cred(s, ['provider "aws" {', '  region     = "eu-west-1"', '  access_key = "%s"' % i, '  secret_key = "%s"' % k, "}"],
         2, 3, "aws_id_secret", [i, k], "Terraform provider")
    out.append(s)

    # Twilio: account SID + auth token; API key SID + secret.
    s = Section("services/notify/twilio.env")
    sid, tok = twilio_sid(g), g.hex(32)
    cred(s, ["TWILIO_ACCOUNT_SID=" + sid, "TWILIO_AUTH_TOKEN=" + tok], 0, 1, "twilio_sid_auth_token", [sid, tok],
         "account SID and auth token")
    out.append(s)
    s = Section("services/notify/sms.py")
    s.text("from twilio.rest import Client", "")
    sid, tok = twilio_sid(g), g.hex(32)
    cred(s, ['account_sid = "%s"' % sid, 'auth_token = "%s"' % tok, "client = Client(account_sid, auth_token)"],
         0, 1, "twilio_sid_auth_token", [sid, tok], "Twilio quickstart shape")
    out.append(s)
    s = Section("web/notify/twilio.js")
    sid, key, sec = twilio_sid(g), twilio_sid(g, "SK"), g.s(ALNUM, 32)
    cred(s, ["const accountSid = '%s';" % sid, "const apiKey = '%s';" % key, "const apiSecret = '%s';" % sec],
         0, 2, "twilio_api_key_secret", [sid, key, sec], "API key SID and secret with the account SID")
    out.append(s)

    # Azure / Entra ID service principal.
    s = Section("deploy/azure/sp.env")
    ten, cid, sec = g.uuid(), g.uuid(), entra_secret(g)
    cred(s, ["AZURE_TENANT_ID=" + ten, "AZURE_CLIENT_ID=" + cid, "AZURE_CLIENT_SECRET=" + sec], 0, 2,
         "azure_tenant_client_secret", [ten, cid, sec], "EnvironmentCredential variables")
    neg(s, ["AZURE_TENANT_ID=" + g.uuid(), "AZURE_CLIENT_ID=" + g.uuid()], 0, 1, "azure_ids_only",
        "tenant and client id, no secret (workload identity)")
    out.append(s)
    s = Section("deploy/azure/sp-rbac.json")
    ten, cid, sec = g.uuid(), g.uuid(), entra_secret(g)
    cred(s, ["{", '  "appId": "%s",' % cid, '  "displayName": "acme-ci",', '  "password": "%s",' % sec,
             '  "tenant": "%s"' % ten, "}"], 1, 4, "azure_tenant_client_secret", [ten, cid, sec],
         "az ad sp create-for-rbac output")
    out.append(s)
    s = Section("infra/azure/provider.tf")
    ten, cid, sec = g.uuid(), g.uuid(), entra_secret(g)
    cred(s, ['provider "azurerm" {', "  features {}", '  tenant_id     = "%s"' % ten, '  client_id     = "%s"' % cid,
             '  client_secret = "%s"' % sec, "}"], 2, 4, "azure_tenant_client_secret", [ten, cid, sec],
         "Terraform azurerm provider")
    out.append(s)

    # Database host, user and password as separate settings.
    s = Section("services/reports/settings_db.py")
    host, user, pw = g.host(), g.user(), strong_password(g, "'\\")
    cred(s, ["DATABASES = {", "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',",
             "        'HOST': '%s'," % host, "        'USER': '%s'," % user, "        'PASSWORD': '%s'," % pw,
             "    }", "}"], 3, 5, "db_host_user_password", [host, user, pw], "Django DATABASES")
    out.append(s)
    s = Section("backend/src/main/resources/application-reports.properties")
    host, user, pw = g.host(), g.user(), strong_password(g, "\\#! ")
    cred(s, ["spring.datasource.url=jdbc:postgresql://%s:5432/reports" % host, "spring.datasource.username=" + user,
             "spring.datasource.password=" + pw], 0, 2, "db_host_user_password", [host, user, pw], "Spring datasource")
    neg(s, ["spring.datasource.url=jdbc:postgresql://%s:5432/audit" % g.host(), "spring.datasource.username=auditor"],
        0, 1, "db_host_user_only", "datasource without a password")
    out.append(s)
    s = Section("config/database.yml")
    host, user, pw = g.host(), g.user(), strong_password(g, "\"\\#'")
    cred(s, ["production:", "  adapter: postgresql", "  host: " + host, "  username: " + user,
             '  password: "%s"' % pw], 2, 4, "db_host_user_password", [host, user, pw], "Rails database.yml")
    out.append(s)
    s = Section("deploy/reports/pg.env")
    host, user, pw = g.host(), g.user(), strong_password(g, "\"'$`\\ #")
    cred(s, ["PGHOST=" + host, "PGUSER=" + user, "PGPASSWORD=" + pw, "PGDATABASE=reports"], 0, 2,
         "db_host_user_password", [host, user, pw], "libpq environment")
    out.append(s)

    # Basic authentication: user and password.
    s = Section("scripts/basic/export.sh")
    user, pw = g.user(), strong_password(g, "'")
    cred(s, ["curl -fsS -u '%s:%s' https://api.acme-corp.net/v1/export" % (user, pw)], 0, 0, "basic_user_password",
         [user, pw], "curl -u user:password")
    out.append(s)
    s = Section("services/basic/client.py")
    s.text("import requests", "")
    user, pw = g.user(), strong_password(g, "\"\\")
    cred(s, ['resp = requests.get(URL, auth=("%s", "%s"))' % (user, pw)], 0, 0, "basic_user_password", [user, pw],
         "requests auth tuple")
    user, pw = g.user(), strong_password(g, "\"\\")
    cred(s, ['session.auth = HTTPBasicAuth("%s", "%s")' % (user, pw)], 0, 0, "basic_user_password", [user, pw],
         "HTTPBasicAuth")
    out.append(s)
    s = Section("api/basic/reports.http")
    user, pw = g.user(), strong_password(g, "")
    enc = b64(("%s:%s" % (user, pw)).encode())
    cred(s, ["GET https://api.acme-corp.net/v1/reports", "Authorization: Basic " + enc], 1, 1, "basic_header_http_file",
         [enc], ".http file Basic header")
    out.append(s)
    return out


def later_sections(g):
    """Syntaxes and credentials of issue 15 that parts one and two did not plant yet, from their
    own generator (seed + 3) and labelled after part two, so that earlier ids and values stay put:
    sshpass's `-p password` (sshpass(1)), docker-compose `environment:` as a mapping and a
    Dockerfile `ENV key=value` (Compose and Dockerfile references), and the AWS CLI's environment
    variables with a session token (AWS CLI user guide, "Environment variables")."""
    out = []

    def pos(section, lines, off, kind, value, note, category=SYNTAX, end=None):
        section.item(lines, off, off if end is None else end, kind, category, True, value, note)

    def neg(section, lines, off, kind, note):
        section.item(lines, off, off, kind, "neg:syntax-reference", False, lines[off], note)

    s = Section("scripts/syntax/mirror.sh")
    s.text("#!/bin/sh", "set -eu")
    p = strong_password(g, "'")
    pos(s, ["sshpass -p '%s' rsync -az dist/ deploy@mirror.acme-corp.net:/srv/www/" % p], 0, "cli_short_p_space", p,
        "sshpass -p X")
    neg(s, ['sshpass -p "$MIRROR_PASSWORD" rsync -az dist/ deploy@mirror.acme-corp.net:/srv/www/'], 0,
        "cli_short_p_reference", "sshpass -p with a variable")
    out.append(s)
    s = Section("docker/syntax/compose.mapping.yml")
    s.text("services:", "  db:", "    image: postgres:16")
    p = strong_password(g, "\"'$\\ #:{}[],&*!|>%@`")
    pos(s, ["    environment:", "      POSTGRES_PASSWORD: " + p], 1, "compose_environment_mapping", p,
        "compose environment: mapping")
    neg(s, ["      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password"], 0, "compose_secret_file",
        "compose: the password's file, not the password")
    out.append(s)
    s = Section("docker/syntax/api.Dockerfile")
    s.text("FROM python:3.12-slim", "WORKDIR /srv")
    tok = api_token(g, 40)
    pos(s, ["ENV ACME_API_TOKEN=" + tok], 0, "dockerfile_env_equals", tok, "Dockerfile ENV key=value")
    neg(s, ["ENV ACME_API_TOKEN=${ACME_API_TOKEN}"], 0, "dockerfile_env_reference", "Dockerfile ENV from a build arg")
    s.text('CMD ["gunicorn", "app:app"]')
    out.append(s)
    s = Section("deploy/aws/session.env")
    i, k, t = aws_key_id(g, "ASIA"), aws_secret(g), aws_session_token(g)
    pos(s, ["AWS_ACCESS_KEY_ID=" + i, "AWS_SECRET_ACCESS_KEY=" + k, "AWS_SESSION_TOKEN=" + t], 0,
        "aws_id_secret_session", "\n".join([i, k, t]), "environment variables with a session token", MULTI, end=2)
    out.append(s)
    return out


def sections(g):
    return syntax_sections(g) + multi_part_sections(g)
