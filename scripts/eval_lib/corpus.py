"""Build the labeled corpus: a polyglot tree (tree/), a git repository with
history (repo/) and labels.json.

Every planted value sits in ordinary code ("filler") written by this module.
Items are always separated by at least two filler lines, so that the +-1
line tolerance of the scorer can never attribute a report to the wrong item.
Filler deliberately avoids credential words (key, token, secret, password,
auth ...) and long random strings, so that a report on a filler line is a
genuine false positive.
"""

import hashlib
import json
import os
import shutil
import subprocess

import credentials
import generators as G

SEED = 20240601
SVCS = ["billing", "orders", "search", "notify", "ingest", "reports", "catalog", "gateway",
        "ledger", "shipping", "profiles", "pricing", "media", "audit", "export", "scheduler"]

LANGS = ["py", "js", "ts", "go", "java", "rb", "swift", "yaml", "json", "toml", "env",
         "properties", "xml", "dockerfile", "tf", "sh", "k8s", "md"]


# ---------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------

def camel(var):
    parts = var.replace(".", "_").lower().split("_")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def pascal(var):
    return "".join(p.capitalize() for p in var.replace(".", "_").lower().split("_"))


def snake(var):
    return var.replace(".", "_").lower()


def render_assign(lang, var, value):
    """Lines of an assignment `var = value` in LANG and the 0-based index of
    the line that holds the value."""
    if lang == "py":
        return ['%s = "%s"' % (var, value)], 0
    if lang == "js":
        return ['const %s = "%s";' % (camel(var), value)], 0
    if lang == "ts":
        return ['export const %s: string = "%s";' % (var, value)], 0
    if lang == "go":
        return ['var %s = "%s"' % (camel(var), value)], 0
    if lang == "java":
        return ['    private static final String %s = "%s";' % (var.replace(".", "_").upper(), value)], 0
    if lang == "rb":
        return ['%s = "%s".freeze' % (var.replace(".", "_").upper(), value)], 0
    if lang == "swift":
        return ['let %s = "%s"' % (camel(var), value)], 0
    if lang == "yaml":
        return ['  %s: "%s"' % (snake(var), value)], 0
    if lang == "json":
        return ['  "%s": "%s"' % (snake(var), value)], 0
    if lang == "toml":
        return ['%s = "%s"' % (snake(var), value)], 0
    if lang == "env":
        return ['%s=%s' % (var, '"%s"' % value if " " in value else value)], 0
    if lang == "properties":
        return ['%s=%s' % (var if "." in var else var.lower().replace("_", "."), value)], 0
    if lang == "xml":
        if any(c in value for c in '&<>"'):
            return ['    <add key="%s"><![CDATA[%s]]></add>' % (pascal(var), value)], 0
        return ['    <add key="%s" value="%s" />' % (pascal(var), value)], 0
    if lang == "dockerfile":
        return ['ENV %s="%s"' % (var, value)], 0
    if lang == "tf":
        return ['  %s = "%s"' % (snake(var), value)], 0
    if lang == "sh":
        return ['export %s="%s"' % (var, value)], 0
    if lang == "k8s":
        return ['            - name: %s' % var, '              value: "%s"' % value], 1
    if lang == "md":
        return ["```bash", 'export %s="%s"' % (var, value), "```"], 1
    raise ValueError(lang)


def render_block(lang, var, block):
    """A multi-line block (PEM) embedded in a host file: (lines, off, end)."""
    if lang == "py":
        lines = ['%s = """%s' % (var, block[0])] + block[1:-1] + [block[-1] + '"""']
        return lines, 0, len(lines) - 1
    if lang == "yaml":
        return ["  %s: |" % snake(var)] + ["    " + b for b in block], 1, len(block)
    if lang == "md":
        return ["```"] + block + ["```"], 1, len(block)
    raise ValueError(lang)


class Filler:
    """Ordinary, credential-free code for each host language."""

    def __init__(self, g):
        self.g = g

    def __call__(self, lang):
        g = self.g
        n, v, k = g.word(), g.choice(["load", "build", "sync", "merge", "count", "format"]), g.randint(2, 90)
        N, NU = n.capitalize(), n.upper()
        t = {
            "py": [["", "def %s_%s(items, limit=%d):" % (v, n, k), '    """Return at most %d %s entries."""' % (k, n),
                    "    return sorted(items)[:limit]", ""],
                   ["# %s handling" % N, "%s_RETRY_COUNT = %d" % (NU, k), ""],
                   ['log_%s = logging.getLogger("%s")' % (n, n), "%s_BATCH = %d" % (NU, k * 10)]],
            "js": [["", "function %s%s(items) {" % (v, N), "  return items.filter((x) => x.%sId !== undefined);" % n, "}", ""],
                   ["// %s settings" % n, "const %sTimeoutMs = %d;" % (n, k * 100)]],
            "ts": [["", "export function %s%s(items: string[]): number {" % (v, N), "  return items.length * %d;" % k, "}", ""],
                   ["// %s limits" % n, "export const %sLimit = %d;" % (n, k)]],
            "go": [["", "func %s%s(items []string) int {" % (v, N), "\treturn len(items) + %d" % k, "}", ""],
                   ["// %sLimit caps the %s batch size." % (n, n), "var %sLimit = %d" % (n, k)]],
            "java": [["", "    public int %s%s(int count) {" % (v, N), "        return count * %d;" % k, "    }", ""],
                     ["    private static final int %s_LIMIT = %d;" % (NU, k), ""]],
            "rb": [["", "def %s_%s(items)" % (v, n), "  items.select { |x| x.%s_id }" % n, "end", ""],
                   ["# %s defaults" % n, "%s_LIMIT = %d" % (NU, k)]],
            "swift": [["", "func %s%s(_ items: [String]) -> Int {" % (v, N), "    return items.count + %d" % k, "}", ""],
                      ["// %s defaults" % n, "let %sLimit = %d" % (n, k)]],
            "yaml": [["  %s_timeout_seconds: %d" % (n, k), "  %s_region: eu-west-1" % n],
                     ["  # %s" % n, "  %s_enabled: true" % n]],
            "json": [['  "%s_timeout_ms": %d' % (n, k * 100), '  "%s_enabled": true' % n],
                     ['  "%s_region": "eu-west-1"' % n, '  "%s_replicas": %d' % (n, k % 7 + 1)]],
            "toml": [["%s_timeout = %d" % (n, k), '%s_region = "eu-west-1"' % n], ["# %s" % n, "%s_enabled = true" % n]],
            "env": [["%s_TIMEOUT=%d" % (NU, k), "LOG_LEVEL=info"], ["# %s service" % n, "%s_ENABLED=true" % NU]],
            "properties": [["%s.timeout.ms=%d" % (n, k * 100), "%s.region=eu-west-1" % n], ["# %s" % n, "%s.enabled=true" % n]],
            "xml": [['    <add key="%sTimeout" value="%d" />' % (N, k), '    <add key="%sEnabled" value="true" />' % N]],
            "dockerfile": [["RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
                            "WORKDIR /srv/%s" % n], ["COPY %s/ /srv/%s/" % (n, n), "EXPOSE %d" % (8000 + k)]],
            "tf": [["  %s_instance_count = %d" % (n, k % 5 + 1), '  %s_region = "eu-west-1"' % n],
                   ["  # %s" % n, "  %s_enabled = true" % n]],
            "sh": [['echo "starting %s job"' % n, 'mkdir -p "/var/lib/%s"' % n], ["# %s step" % n, "sleep %d" % k]],
            "k8s": [["            - name: %s_TIMEOUT" % NU, '              value: "%d"' % k],
                    ["            - name: %s_ENABLED" % NU, '              value: "true"']],
            "md": [["", "The %s service reads its settings at start-up; restart it after a change." % n, ""],
                   ["", "## %s notes" % N, "", "See the %s runbook for details." % n, ""]],
            "css": [[".%s-card {" % n, "  margin: %dpx;" % k, "}"]],
            "html": [['    <div class="%s-panel">' % n, "      <p>%s</p>" % N, "    </div>"]],
        }[lang]
        return list(g.choice(t))


HEADERS = {
    "py": (["import logging", "import os", "", ""], []),
    "js": (["'use strict';", "", ""], ["", "module.exports = {};"]),
    "ts": (["import { readFileSync } from 'fs';", "", ""], []),
    "go": (["package config", "", 'import "fmt"', "", "var _ = fmt.Sprintf", ""], []),
    "java": (["package com.acme.config;", "", "public final class %(Name)s {", ""], ["}"]),
    "rb": (["# frozen_string_literal: true", "", "require \"json\"", ""], []),
    "swift": (["import Foundation", "", ""], []),
    "yaml": (["# %(name)s settings", "%(name)s:"], []),
    "json": (["{"], ["}"]),
    "toml": (["[%(name)s]"], []),
    "env": (["# %(name)s environment"], []),
    "properties": (["# %(name)s configuration"], []),
    "xml": (['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <appSettings>"],
            ["  </appSettings>", "</configuration>"]),
    "dockerfile": (["FROM python:3.12-slim", "LABEL org.opencontainers.image.title=\"%(name)s\""],
                   ['CMD ["python", "-m", "%(name)s"]']),
    "tf": (['provider "aws" {', '  region = "eu-west-1"', "}", "", "locals {"],
           ["}", "", 'resource "aws_s3_bucket" "%(name)s" {', '  bucket = "acme-%(name)s-artifacts"', "}"]),
    "sh": (["#!/usr/bin/env bash", "set -euo pipefail", ""], []),
    "k8s": (["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: %(name)s", "spec:", "  replicas: 2",
             "  selector:", "    matchLabels:", "      app: %(name)s", "  template:", "    metadata:", "      labels:",
             "        app: %(name)s", "    spec:", "      containers:", "        - name: %(name)s",
             "          image: ghcr.io/acme/%(name)s:1.4.2", "          env:"],
            ["          ports:", "            - containerPort: 8080"]),
    "md": (["# %(Name)s", "", "Configuration notes for the %(name)s service.", ""], []),
    "css": ([":root {", "  --accent: #3366ff;", "}"], []),
    "html": (["<!doctype html>", "<html>", "  <body>"], ["  </body>", "</html>"]),
}


def host_path(lang, i):
    svc = SVCS[i % len(SVCS)]
    j = i // len(SVCS)
    name = ["settings", "clients", "config", "jobs", "defaults", "wiring"][j % 6] + ("" if j < 6 else str(j))
    return {
        "py": "services/%s/%s.py" % (svc, name),
        "js": "web/src/%s/%s.js" % (svc, name),
        "ts": "web/src/%s/%s.ts" % (svc, name),
        "go": "cmd/%s/%s.go" % (svc, name),
        "java": "backend/src/main/java/com/acme/%s/%s.java" % (svc, name.capitalize()),
        "rb": "app/%s/%s.rb" % (svc, name),
        "swift": "ios/Sources/%s/%s.swift" % (svc.capitalize(), name.capitalize()),
        "yaml": "config/%s/%s.yaml" % (svc, name),
        "json": "config/%s/%s.json" % (svc, name),
        "toml": "config/%s/%s.toml" % (svc, name),
        "env": "deploy/%s/%s.env" % (svc, name) if j else "services/%s/.env" % svc,
        "properties": "backend/src/main/resources/%s-%s.properties" % (svc, name),
        "xml": "dotnet/%s/%s.config" % (svc.capitalize(), name.capitalize()),
        "dockerfile": "docker/%s/Dockerfile%s" % (svc, "" if j == 0 else "." + name),
        "tf": "infra/%s/%s.tf" % (svc, name),
        "sh": "scripts/%s-%s.sh" % (svc, name),
        "k8s": "k8s/%s/%s-deployment.yaml" % (svc, name),
        "md": "docs/%s/%s.md" % (svc, name),
        "css": "web/static/%s-%s.css" % (svc, name),
        "html": "web/templates/%s-%s.html" % (svc, name),
    }[lang]


class Host:
    """One source file receiving planted items among filler."""

    def __init__(self, lang, path):
        self.lang, self.path, self.items = lang, path, []

    def render(self, filler):
        name = os.path.splitext(os.path.basename(self.path))[0].lstrip(".") or "app"
        name = name.split("-")[0].lower()
        fmt = {"name": name, "Name": name.capitalize()}
        head, foot = HEADERS[self.lang]
        lines = [h % fmt for h in head]
        placed = []
        entry_lines = []                 # JSON: lines that are entries (need commas)
        for item in self.items:
            chunk = filler(self.lang)
            entry_lines += range(len(lines), len(lines) + len(chunk)) if self.lang == "json" else []
            lines += chunk
            if self.lang == "json":
                entry_lines += range(len(lines), len(lines) + len(item["lines"]))
            placed.append((item, len(lines)))
            lines += item["lines"]
        chunk = filler(self.lang)
        if self.lang == "json":
            entry_lines += range(len(lines), len(lines) + len(chunk))
        lines += chunk
        if self.lang == "json":          # commas after every entry but the last
            for idx in entry_lines[:-1]:
                lines[idx] += ","
        lines += [f % fmt for f in foot]
        return lines, placed


# ---------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------

def item_from_assign(kind, category, positive, lang, var, value, note=""):
    lines, off = render_assign(lang, var, value)
    return dict(kind=kind, category=category, positive=positive, lang=lang, lines=lines,
                off=off, end=off, value=value, note=note)


def item_from_special(kind, category, positive, d, note=""):
    return dict(kind=kind, category=category, positive=positive, lang=d.get("lang"), file=d.get("file"),
                lines=d["lines"], off=d["off"], end=d["end"], value=d["value"], note=note)


def compatible(lang, value):
    if "$" in value and lang in ("sh", "dockerfile", "env", "md", "k8s"):
        return False          # would be (or look like) a shell expansion
    if "%" in value and lang == "properties":
        return True
    return True


PEM_FILES = {
    "rsa_private_key_pkcs1": "deploy/keys/%s-rsa.pem",
    "ec_private_key_sec1": "deploy/keys/%s-ec.key",
    "pkcs8_private_key_rsa": "config/tls/%s.key",
    "pkcs8_private_key_ed25519": "config/tls/%s-ed25519.pem",
    "pkcs8_encrypted_private_key": "config/tls/%s-encrypted.pem",
    "dsa_private_key": "legacy/keys/%s-dsa.pem",
    "openssh_private_key_ed25519": "ops/ssh/%s_id_ed25519",
    "openssh_private_key_rsa": "ops/ssh/%s_id_rsa",
    "openssh_private_key_encrypted": "ops/ssh/%s_id_ecdsa",
    "pgp_private_key": "tools/release/%s-signing.asc",
    "putty_ppk": "ops/putty/%s.ppk",
}


def positive_items(g, keys, kinds, copies_target):
    """Instances of every kind (at least one each), more copies of the
    assignment kinds until COPIES_TARGET items exist."""
    items = []
    rot = [0]

    def pick_lang(kind, value):
        allowed = [l for l in (kind.langs or LANGS) if compatible(l, value)]
        lang = allowed[rot[0] % len(allowed)]
        rot[0] += 1
        return lang

    def one(kind, copy):
        if kind.gen is None:                                  # special snippet / file
            return item_from_special(kind.name, kind.category, True, G.special(kind.name, g, keys))
        if kind.block:
            block = kind.gen(g)
            if copy == 0 or kind.name in ("pgp_private_key", "putty_ppk"):
                path = PEM_FILES[kind.name] % g.choice(SVCS)
                return dict(kind=kind.name, category=kind.category, positive=True, file=path, lang=None,
                            lines=list(block),
                            off=0, end=len(block) - 1, value="\n".join(block), note="dedicated file")
            lang = ["py", "yaml", "md"][copy % 3]
            lines, off, end = render_block(lang, kind.var, block)
            return dict(kind=kind.name, category=kind.category, positive=True, lang=lang, lines=lines,
                        off=off, end=end, value="\n".join(block), note="embedded PEM block")
        value = kind.gen(g)
        return item_from_assign(kind.name, kind.category, True, pick_lang(kind, value), kind.var, value, kind.note)

    for kind in kinds:
        items.append(one(kind, 0))
    copy = 1
    while len(items) < copies_target:
        for kind in kinds:
            if len(items) >= copies_target:
                break
            if kind.gen is None or kind.name in ("pgp_private_key", "putty_ppk"):
                continue
            if kind.langs and len(kind.langs) == 1:
                continue
            items.append(one(kind, copy))
        copy += 1
    return items


ENV_REFS = [
    ("py", ['DB_PASSWORD = os.environ["DB_PASSWORD"]']),
    ("py", ['STRIPE_API_KEY = os.getenv("STRIPE_API_KEY")']),
    ("py", ["password = config.password"]),
    ("py", ["client_secret = settings.OAUTH_CLIENT_SECRET"]),
    ("js", ["const githubToken = process.env.GITHUB_TOKEN;"]),
    ("js", ["const apiKey = process.env['OPENAI_API_KEY'] || '';"]),
    ("ts", ["export const dbPassword: string = process.env.DB_PASSWORD ?? '';"]),
    ("go", ['var dbPassword = os.Getenv("DB_PASSWORD")']),
    ("go", ['var slackToken = os.Getenv("SLACK_BOT_TOKEN")']),
    ("java", ['    private static final String SECRET = System.getenv("APP_SECRET");']),
    ("java", ["    private final String password = props.getProperty(\"db.password\");"]),
    ("rb", ['API_KEY = ENV.fetch("API_KEY")']),
    ("rb", ["DB_PASSWORD = Rails.application.credentials.db_password"]),
    ("swift", ['let apiKey = ProcessInfo.processInfo.environment["API_KEY"] ?? ""']),
    ("yaml", ["  password: ${DB_PASSWORD}"]),
    ("yaml", ["  npm_token: ${{ secrets.NPM_TOKEN }}"]),
    ("toml", ['password = "${DB_PASSWORD}"']),
    ("env", ["DATABASE_PASSWORD=${POSTGRES_PASSWORD}"]),
    ("properties", ["spring.datasource.password=${DB_PASSWORD}"]),
    ("xml", ['    <add key="ApiKey" value="%API_KEY%" />']),
    ("dockerfile", ["ARG NPM_TOKEN"]),
    ("tf", ["  password = var.db_password"]),
    ("tf", ["  api_key = data.aws_ssm_parameter.api_key.value"]),
    ("sh", ['export PGPASSWORD="$DB_PASSWORD"']),
    ("sh", ['curl -H "Authorization: Bearer ${GITHUB_TOKEN}" https://api.github.com/user']),
    ("k8s", ["            - name: DB_PASSWORD", "              valueFrom:", "                secretKeyRef:",
             "                  name: db-credentials", "                  key: password"]),
]

GIT_IDS = [
    ("yaml", "  checkout_action: actions/checkout@%s", 40), ("yaml", "  setup_node_action: actions/setup-node@%s  # v4", 40),
    ("yaml", "  rev: %s", 40), ("md", "Fixed by commit %s in the 2.3 branch.", 40),
    ("md", "- %s Bump dependencies", 40), ("sh", "git checkout %s", 40), ("sh", 'git rev-parse --verify %s^{commit}', 40),
    ("py", 'PINNED_COMMIT = "%s"', 40), ("json", '  "gitHead": "%s"', 40), ("dockerfile", "ARG GIT_COMMIT=%s", 40),
    ("tf", '  source_ref = "%s"', 40), ("toml", 'rev = "%s"', 40), ("go", 'var buildCommit = "%s"', 40),
    ("js", "const BUILD_SHA = '%s';", 40), ("rb", 'REVISION = "%s"', 40), ("env", "SOURCE_COMMIT=%s", 40),
    ("properties", "build.commit=%s", 40), ("k8s", "            - name: GIT_SHA", 0),
    ("yaml", "  tree: %s", 40), ("md", "Reverts %s.", 40), ("java", '    private static final String COMMIT = "%s";', 40),
    ("swift", 'let buildRevision = "%s"', 40), ("ts", "export const revision = '%s';", 40), ("xml", '    <add key="Revision" value="%s" />', 40),
]

UUID_NAMES = ["REQUEST_ID", "CORRELATION_ID", "ORDER_ID", "DEVICE_ID", "TRACE_ID", "SCHEMA_ID", "FIXTURE_UUID",
              "WORKSPACE_ID", "TENANT_ID", "PROJECT_GUID", "DASHBOARD_UID", "TEMPLATE_ID"]

DIGEST_LINES = [
    ("dockerfile", "FROM python:3.11-slim@sha256:%s AS build"), ("k8s", '              value: "ghcr.io/acme/worker@sha256:%s"'),
    ("rb", '  sha256 "%s"'), ("py", '    sha256 = "%s",'), ("sh", 'echo "%s  terraform.zip" | sha256sum -c -'),
    ("json", '  "sha256": "%s"'), ("md", "SHA-256 of the release tarball: `%s`"), ("yaml", "  digest: sha256:%s"),
    ("toml", 'checksum = "%s"'), ("go", 'var wantDigest = "%s"'), ("js", "const EXPECTED_DIGEST = 'sha256:%s';"),
    ("tf", '  source_code_hash = "%s"'), ("env", "IMAGE_DIGEST=sha256:%s"), ("properties", "artifact.sha256=%s"),
    ("java", '    static final String DIGEST = "%s";'), ("swift", 'let archiveDigest = "%s"'),
]

TEST_VECTORS = [
    ("py", 'NONCE = base64.b64decode("%s")', "b64", 12), ("py", 'SALT = bytes.fromhex("%s")', "hex", 16),
    ("py", 'IV = "%s"', "hex", 16), ("py", 'EXPECTED_CIPHERTEXT = "%s"', "b64", 48),
    ("go", 'var testNonce = "%s"', "b64", 12), ("go", 'var testSalt = "%s"', "hex", 32),
    ("js", "const iv = Buffer.from('%s', 'hex');", "hex", 16), ("js", "const tag = '%s';", "b64", 16),
    ("json", '  "nonce": "%s"', "b64", 24), ("json", '  "ciphertext": "%s"', "b64", 64),
    ("ts", "const salt = '%s';", "b64", 16), ("rb", 'IV = ["%s"].pack("H*")', "hex", 16),
    ("java", '    private static final String SAMPLE_SALT = "%s";', "b64", 16),
    ("swift", 'let nonceBytes = Data(base64Encoded: "%s")!', "b64", 12),
    ("yaml", '  nonce: "%s"', "b64", 24), ("toml", 'salt = "%s"', "hex", 16),
    ("py", 'random_payload = base64.b64decode("%s")', "b64", 96), ("go", 'var expectedMAC = "%s"', "hex", 32),
    ("js", "const seedBytes = '%s';", "b64", 32), ("json", '  "iv": "%s"', "hex", 16),
    ("py", 'PLAINTEXT_DIGEST = "%s"', "hex", 32), ("yaml", '  sample_digest: "%s"', "hex", 32),
]


def negative_items(g, keys):
    """Hard negatives, by category (each at least 15)."""
    out = []

    def neg(kind, cat, lang, lines, off=0, end=None, value=None, note=""):
        out.append(dict(kind=kind, category=cat, positive=False, lang=lang, lines=lines, off=off,
                        end=off if end is None else end, value=value or lines[off].strip(), note=note))

    def neg_assign(kind, cat, lang, var, value, note=""):
        lines, off = render_assign(lang, var, value)
        neg(kind, cat, lang, lines, off, value=value, note=note)

    rot = 0
    langs_cycle = ["py", "yaml", "env", "js", "json", "go", "md", "toml", "properties", "java", "sh", "rb",
                   "tf", "ts", "swift", "xml", "k8s", "dockerfile"]

    def next_lang(value=""):
        nonlocal rot
        while True:
            lang = langs_cycle[rot % len(langs_cycle)]
            rot += 1
            if "$" not in value or lang not in ("sh", "dockerfile", "env"):
                return lang

    for var, value in G.DOC_EXAMPLES + G.DOC_EXAMPLES:
        neg_assign("doc_example", "neg:doc-example", next_lang(value), var, value, "provider documentation example")
    for var, value in G.PLACEHOLDERS + G.PLACEHOLDERS[:6]:
        neg_assign("placeholder", "neg:placeholder", next_lang(value), var, value, "placeholder / template")
    for lang, lines in ENV_REFS:
        neg("env_reference", "neg:variable-reference", lang, lines, 0, len(lines) - 1 if lang != "k8s" else 4,
            value=" ".join(l.strip() for l in lines))
    for lang, pat, n in GIT_IDS:
        if n == 0:
            sha = g.hex(40)
            neg("git_object_id", "neg:git-object-id", lang, [pat, '              value: "%s"' % sha], 1, value=sha)
        else:
            sha = g.hex(n)
            neg("git_object_id", "neg:git-object-id", lang, [pat % sha], value=sha)
    for i in range(24):
        name = UUID_NAMES[i % len(UUID_NAMES)]
        neg_assign("uuid", "neg:uuid", next_lang(), name, g.uuid())
    for lang, pat in DIGEST_LINES + DIGEST_LINES[:8]:
        d = g.hex(64)
        if lang == "k8s":
            neg("sha256_digest", "neg:sha256-digest", lang, ["            - name: WORKER_IMAGE", pat % d], 1, value=d)
        else:
            neg("sha256_digest", "neg:sha256-digest", lang, [pat % d], value=d)
    for i in range(24):
        prefix = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_"][i % 6]
        var = {"npm_": "NPM_TOKEN"}.get(prefix, "GITHUB_TOKEN")
        neg_assign("github_bad_checksum", "neg:bad-checksum", next_lang(), var, G.bad_checksum_token(g, prefix),
                   "right shape, wrong CRC32")
    for i, block in enumerate(G.TRUNCATED_KEYS * 3):
        lang = ["md", "py", "yaml"][i % 3]
        lines, off, end = render_block(lang, "EXAMPLE_KEY", block)
        neg("truncated_private_key", "neg:truncated-key", lang, lines, off, end, value="\n".join(block))
    for lang, line in [("py", 'PEM_HEADER = "-----BEGIN RSA PRIVATE KEY-----"'),
                       ("go", 'var opensshHeader = []byte("-----BEGIN OPENSSH PRIVATE KEY-----")'),
                       ("js", "if (text.startsWith('-----BEGIN PRIVATE KEY-----')) { return parsePkcs8(text); }")]:
        neg("truncated_private_key", "neg:truncated-key", lang, [line])
    for i, (lang, pat, enc, n) in enumerate(TEST_VECTORS):
        raw = g.bytes(n)
        v = G.b64(raw) if enc == "b64" else raw.hex()
        neg("test_vector", "neg:test-vector", lang, [pat % v], value=v, note="random bytes named nonce/salt/iv")
    for i in range(20):
        lang = ["css", "html", "js", "md", "py"][i % 5]
        uri = G.png_data_uri(g, g.randint(120, 900))
        line = {"css": '  background-image: url("%s");' % uri,
                "html": '    <img alt="logo" src="%s" />' % uri,
                "js": "const placeholderImage = '%s';" % uri,
                "md": "![badge](%s)" % uri,
                "py": 'FAVICON = "%s"' % uri}[lang]
        if lang == "css":
            neg("data_uri", "neg:data-uri", lang, [".icon-%d {" % i, line, "}"], 1, value=uri)
        else:
            neg("data_uri", "neg:data-uri", lang, [line], value=uri)
    return out


def public_key_items(g, keys):
    """Public keys and certificates (negatives), mostly whole files."""
    out = []

    def add(path, lines, off, end, note, lang=None):
        out.append(dict(kind="public_key_cert", category="neg:public-key", positive=False, file=path, lang=lang,
                        lines=lines, off=off, end=end, value="\n".join(lines[off:end + 1]), note=note))

    rsa = "rsa_pkcs8_0.pem"
    keys.openssl_key(rsa, ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
    ec = "ec_sec1_0.pem"
    keys.openssl_key(ec, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], traditional=True)
    pub = G.pem_lines(keys.public_of("rsa0.pub.pem", rsa))
    add("config/tls/jwt-verify.pub.pem", pub, 0, len(pub) - 1, "PEM public key")
    pub1 = G.pem_lines(keys.rsa_public_pkcs1("rsa0.pkcs1.pub.pem", rsa))
    add("config/tls/legacy-verify.pem", pub1, 0, len(pub1) - 1, "PKCS#1 RSA public key")
    ecpub = G.pem_lines(keys.public_of("ec0.pub.pem", ec))
    add("config/tls/webhook-verify.pem", ecpub, 0, len(ecpub) - 1, "EC public key")
    for i, (cn, key) in enumerate([("api.acme-corp.net", ec), ("internal-ca", rsa), ("grpc.acme-corp.net", ec)]):
        cert = G.pem_lines(keys.certificate("cert%d.pem" % i, key, cn))
        add("config/tls/%s.crt" % cn.split(".")[0], cert, 0, len(cert) - 1, "self-signed certificate")
    csr = G.pem_lines(keys.certificate("csr0.pem", ec, "billing.acme-corp.net", csr=True))
    add("config/tls/billing.csr", csr, 0, len(csr) - 1, "certificate request")
    ssh = [keys.ssh_public("id_ed25519_0", "ed25519"), keys.ssh_public("id_rsa_0", "rsa"),
           keys.ssh_public("id_ed25519_1", "ed25519"), keys.ssh_public("id_ed25519_2", "ed25519")]
    lines = []
    for s in ssh:
        lines += [s, ""]
    for i, s in enumerate(ssh):
        out.append(dict(kind="public_key_cert", category="neg:public-key", positive=False, multi="ops/ssh/authorized_keys",
                        lines=lines, off=2 * i, end=2 * i, value=s, note="ssh public key", file=None, lang=None))
    kh = []
    for i, host in enumerate(["github.com", "git.acme-corp.net", "bastion.acme-corp.net"]):
        kh += ["%s %s" % (host, " ".join(ssh[i % len(ssh)].split()[:2])), ""]
    for i in range(3):
        out.append(dict(kind="public_key_cert", category="neg:public-key", positive=False, multi="ops/ssh/known_hosts",
                        lines=kh, off=2 * i, end=2 * i, value=kh[2 * i], note="known_hosts entry", file=None, lang=None))
    pgp = keys.pgp("pgp_release.asc", secret=False)
    if pgp:
        pl = G.pem_lines(pgp)
        add("tools/release/signing-key.pub.asc", pl, 0, len(pl) - 1, "PGP public key")
    age_pub = G.bech32_encode("age", g.bytes(32))
    add("deploy/sops/.sops.yaml", ["creation_rules:", "  - path_regex: secrets/.*\\.yaml$", "    age: " + age_pub],
        2, 2, "age public key (recipient)")
    jwk = json.dumps({"kty": "RSA", "kid": g.hex(16), "use": "sig", "alg": "RS256",
                      "n": G.b64url(g.bytes(256)), "e": "AQAB"})
    add("web/public/.well-known/jwks.json", ['{"keys": [', "  " + jwk, "]}"], 1, 1, "JWK public key")
    add("ops/vpn/peer.pub", ["PublicKey = " + G.b64(g.bytes(32))], 0, 0, "WireGuard public key")
    # Embedded public material in code/config hosts.
    for lang in ("py", "yaml", "md"):
        lines, off, end = render_block(lang, "JWT_PUBLIC_KEY", pub)
        out.append(dict(kind="public_key_cert", category="neg:public-key", positive=False, lang=lang,
                        lines=lines, off=off, end=end, value="\n".join(pub), note="embedded public key"))
    for lang in ("yaml", "py"):
        cert = G.pem_lines(keys.certificate("cert0.pem", ec, "api.acme-corp.net"))
        lines, off, end = render_block(lang, "CA_BUNDLE", cert)
        out.append(dict(kind="public_key_cert", category="neg:public-key", positive=False, lang=lang,
                        lines=lines, off=off, end=end, value="\n".join(cert), note="embedded certificate"))
    for lang in ("py", "env", "yaml"):
        s = keys.ssh_public("id_ed25519_1", "ed25519")
        lines, off = render_assign(lang, "DEPLOY_PUBLIC_KEY", s)
        out.append(dict(kind="public_key_cert", category="neg:public-key", positive=False, lang=lang,
                        lines=lines, off=off, end=off, value=s, note="ssh public key in config"))
    return out


def lockfile_files(g):
    """Lockfiles/manifests: every hash line is a labelled negative.
    Returns [(path, lines, [(off, value, note)])]."""
    files = []
    pkgs = ["left-pad", "lodash", "chalk", "debug", "ms", "semver", "uuid", "yargs", "commander", "express"]

    def ver():
        return "%d.%d.%d" % (g.randint(0, 9), g.randint(0, 30), g.randint(0, 20))

    lines, hits = ['{', '  "name": "acme-web",', '  "lockfileVersion": 3,', '  "packages": {'], []
    for i, p in enumerate(pkgs[:6]):
        v, integ = ver(), "sha512-" + G.b64(g.bytes(64))
        lines += ['    "node_modules/%s": {' % p, '      "version": "%s",' % v,
                  '      "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",' % (p, p, v)]
        hits.append((len(lines), integ, "package-lock integrity"))
        lines += ['      "integrity": "%s"' % integ, "    }" + ("," if i < 5 else "")]
    lines += ["  }", "}"]
    files.append(("web/package-lock.json", lines, hits))

    lines, hits = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", ""], []
    for p in pkgs[4:9]:
        v, integ = ver(), "sha512-" + G.b64(g.bytes(64))
        lines += ['%s@^%s:' % (p, v), '  version "%s"' % v]
        hits.append((len(lines), g.hex(40), "yarn.lock resolved#sha1"))
        lines += ['  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (p, p, v, hits[-1][1])]
        hits.append((len(lines) + 0, integ, "yarn.lock integrity"))
        lines += ["  integrity " + integ, ""]
    # keep items 2 lines apart: drop every second yarn hit pair's sha1 (adjacent lines)
    hits = [h for h in hits if h[2] == "yarn.lock integrity"]
    for off, v, n in list(hits):
        pass
    files.append(("web/yarn.lock", lines, hits))

    lines, hits = [], []
    for m in ["github.com/google/uuid", "golang.org/x/sync", "github.com/spf13/cobra", "gopkg.in/yaml.v3"]:
        v = "v" + ver()
        h = "h1:" + G.b64(g.bytes(32))
        hits.append((len(lines), h, "go.sum h1"))
        lines += ["%s %s %s" % (m, v, h), "%s %s/go.mod h1:%s" % (m, v, G.b64(g.bytes(32)))]
    # go.sum lines are adjacent; label every line so that nothing is unlabeled
    hits = [(i, lines[i].split()[-1], "go.sum h1") for i in range(len(lines))]
    files.append(("cmd/go.sum", lines, hits))

    lines, hits = ["# This file is automatically @generated by Cargo.", "version = 3", ""], []
    for p in ["serde", "anyhow", "tokio", "regex"]:
        c = g.hex(64)
        lines += ["[[package]]", 'name = "%s"' % p, 'version = "%s"' % ver(),
                  'source = "registry+https://github.com/rust-lang/crates.io-index"']
        hits.append((len(lines), c, "Cargo.lock checksum"))
        lines += ['checksum = "%s"' % c, ""]
    files.append(("tools/rs/Cargo.lock", lines, hits))

    lines, hits = [], []
    for p in ["requests", "urllib3", "certifi"]:
        lines += ["[[package]]", 'name = "%s"' % p, 'version = "%s"' % ver(), "files = ["]
        for k in range(2):
            h = "sha256:" + g.hex(64)
            hits.append((len(lines), h, "poetry.lock hash"))
            lines += ['    {file = "%s-%d.whl", hash = "%s"},' % (p, k, h)]
        lines += ["]", ""]
    # adjacent hash lines: both labelled
    files.append(("services/billing/poetry.lock", lines, hits))

    lines, hits = ["# pip-compile --generate-hashes", ""], []
    for p in ["flask", "jinja2", "itsdangerous"]:
        h = g.hex(64)
        lines += ["%s==%s \\" % (p, ver())]
        hits.append((len(lines), h, "requirements --hash"))
        lines += ["    --hash=sha256:%s" % h, ""]
    files.append(("services/orders/requirements.txt", lines, hits))

    lines, hits = ['# This file is maintained automatically by "terraform init".', ""], []
    for p in ["hashicorp/aws", "hashicorp/random"]:
        lines += ['provider "registry.terraform.io/%s" {' % p, '  version = "%s"' % ver(), "  hashes = ["]
        for k in range(2):
            h = ("h1:" + G.b64(g.bytes(32))) if k == 0 else ("zh:" + g.hex(64))
            hits.append((len(lines), h, ".terraform.lock.hcl hash"))
            lines += ['    "%s",' % h]
        lines += ["  ]", "}", ""]
    files.append(("infra/billing/.terraform.lock.hcl", lines, hits))

    lines, hits = ['{', '  "_meta": {'], []
    h = g.hex(64)
    hits.append((len(lines), h, "Pipfile.lock meta hash"))
    lines += ['    "hash": {"sha256": "%s"}' % h, '  },', '  "default": {']
    for i, p in enumerate(["click", "markupsafe"]):
        h = "sha256:" + g.hex(64)
        lines += ['    "%s": {' % p]
        hits.append((len(lines), h, "Pipfile.lock hash"))
        lines += ['      "hashes": ["%s"],' % h, '      "version": "==%s"' % ver(), "    }" + ("," if i == 0 else "")]
    lines += ["  }", "}"]
    files.append(("services/search/Pipfile.lock", lines, hits))

    lines, hits = ["lockfileVersion: '9.0'", "", "packages:", ""], []
    for p in ["zod", "ky", "nanoid"]:
        integ = "sha512-" + G.b64(g.bytes(64))
        lines += ["  %s@%s:" % (p, ver())]
        hits.append((len(lines), integ, "pnpm-lock integrity"))
        lines += ["    resolution: {integrity: %s}" % integ, ""]
    files.append(("web/pnpm-lock.yaml", lines, hits))
    return files


def minified_files(g):
    files = []
    for f in range(4):
        lines, hits = ["/*! acme-ui v%d.%d.%d | MIT */" % (f + 1, 4, 2)], []
        for i in range(5):
            ln = G.minified_line(g, 2000 + 300 * i)
            hits.append((len(lines), ln[:40], "minified JS line"))
            lines.append(ln)
        files.append(("web/static/vendor/acme-ui-%d.min.js" % f, lines, hits))
    return files


# ---------------------------------------------------------------------------
# The tree
# ---------------------------------------------------------------------------

def sha(v):
    return hashlib.sha256(v.encode()).hexdigest()


def write_lines(root, rel, lines):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")


def unique_path(path, used):
    if path not in used:
        used.add(path)
        return path
    d, b = os.path.split(path)
    n = 2
    while True:
        cand = os.path.join(d + "-%d" % n, b)
        if cand not in used:
            used.add(cand)
            return cand
        n += 1


def place(items, g):
    """Distribute embedded items over host files; returns (hosts, dedicated)."""
    hosts, dedicated, counters = {}, [], {}
    per_host = 5
    for it in items:
        if it.get("file") or it.get("multi"):
            dedicated.append(it)
            continue
        lang = it["lang"]
        open_hosts = hosts.setdefault(lang, [])
        if not open_hosts or len(open_hosts[-1].items) >= per_host:
            i = counters.get(lang, 0)
            counters[lang] = i + 1
            open_hosts.append(Host(lang, host_path(lang, i)))
        open_hosts[-1].items.append(it)
    return hosts, dedicated


def build_tree(root, g, keys, kinds, n_pos):
    pos = positive_items(g, keys, kinds, n_pos)
    negs = negative_items(g, keys) + public_key_items(g, keys)
    items = pos + negs
    # Interleave positives and negatives deterministically so files mix them.
    g.r.shuffle(items)
    hosts, dedicated = place(items, g)
    filler = Filler(g)
    labels, used = [], set()
    for lang in sorted(hosts):
        for h in hosts[lang]:
            lines, placed = h.render(filler)
            used.add(h.path)
            write_lines(root, h.path, lines)
            for it, start in placed:
                labels.append(label(it, h.path, start))
    multi = {}
    for it in dedicated:
        if it.get("multi"):
            multi.setdefault(it["multi"], []).append(it)
            continue
        path = unique_path(it["file"], used)
        write_lines(root, path, it["lines"])
        labels.append(label(it, path, 0))
    for path, its in multi.items():
        used.add(path)
        write_lines(root, path, its[0]["lines"])
        for it in its:
            labels.append(label(it, path, 0))
    for path, lines, hits in lockfile_files(g) + minified_files(g):
        used.add(path)
        write_lines(root, path, lines)
        cat = "neg:minified-js" if path.endswith(".min.js") else "neg:lockfile-hash"
        for off, value, note in hits:
            labels.append(dict(kind="minified_js" if cat == "neg:minified-js" else "lockfile_hash", category=cat,
                               positive=False, path=path, line=off + 1, end_line=off + 1,
                               value_sha256=sha(value), where="tree", note=note))
    # Part two (scripts/eval_lib/credentials.py): syntax families and credentials of several
    # parts, from its own generator, labelled after part one so that part one's ids stay put.
    # Part three: what part two had not planted yet, from a third generator, labelled last.
    for section in credentials.sections(G.Gen(SEED + 2)) + credentials.later_sections(G.Gen(SEED + 3)):
        path = unique_path(section.path, used)
        write_lines(root, path, section.lines)
        for hit in section.hits:
            labels.append(dict(kind=hit["kind"], category=hit["category"], positive=hit["positive"], path=path,
                               line=hit["off"] + 1, end_line=hit["end"] + 1, value_sha256=sha(hit["value"]),
                               where="tree", note=hit["note"]))
    # A few clean files for realism (README, Makefile, .gitignore).
    write_lines(root, "README.md", ["# Acme platform", "", "Monorepo of the Acme services.", "",
                                    "Run `make test` before pushing."])
    write_lines(root, "Makefile", [".PHONY: test", "test:", "\tpytest -q services", "\tgo test ./cmd/..."])
    write_lines(root, ".gitignore", ["*.pyc", "node_modules/", ".terraform/", "dist/"])
    for i, l in enumerate(labels):
        l["id"] = ("P%04d" if l["positive"] else "N%04d") % (i + 1)
    return labels


def label(it, path, start):
    return dict(kind=it["kind"], category=it["category"], positive=it["positive"], path=path,
                line=start + it["off"] + 1, end_line=start + it["end"] + 1, value_sha256=sha(it["value"]),
                where="tree", note=it.get("note", ""))


# ---------------------------------------------------------------------------
# The history
# ---------------------------------------------------------------------------

EPOCH = 1704067200        # 2024-01-01T00:00:00Z
AUTHORS = [("Ada Lovelace", "ada@acme.example"), ("Grace Hopper", "grace@acme.example"),
           ("Ken Thompson", "ken@acme.example")]
HIST_LANGS = ["py", "env", "yaml", "sh", "properties", "toml", "rb"]
HIST_FILES = {"py": "app/settings.py", "env": "deploy/staging.env", "yaml": "config/app.yaml",
              "sh": "scripts/deploy.sh", "properties": "src/main/resources/application.properties",
              "toml": "config/worker.toml", "rb": "config/initializers/services.rb"}
REMOVED_WITH = {"py": '{V} = os.environ["{V}"]', "env": "{V}=${{{V}}}", "yaml": "  {v}: ${{{V}}}",
                "sh": 'export {V}="${{{V}}}"', "properties": "{d}=${{{V}}}", "toml": '{v} = "${{{V}}}"',
                "rb": '{V} = ENV.fetch("{V}")'}


class History:
    """Builds repo/ commit by commit from an in-memory model of the files,
    so that each label knows every commit in which it is present."""

    def __init__(self, repo, g):
        self.repo, self.g = repo, g
        self.state = {}              # path -> list of lines (current branch)
        self.snapshots = []          # (sha, branch, {path: tuple(lines)})
        self.n = 0
        self.labels = []             # label dicts with "block" (exact lines) for presence checks
        self.filler = Filler(g)

    def git(self, *args, capture=False):
        when = "%d +0000" % (EPOCH + self.n * 6 * 3600)
        name, email = AUTHORS[self.n % len(AUTHORS)]
        env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name,
                   GIT_COMMITTER_EMAIL=email, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        r = subprocess.run(["git", "-C", self.repo] + list(args), env=env, check=True,
                           capture_output=True, text=True)
        return r.stdout.strip() if capture else None

    def commit(self, message, branch):
        for path in list(os.listdir(self.repo)):
            if path != ".git":
                p = os.path.join(self.repo, path)
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
        for path, lines in self.state.items():
            write_lines(self.repo, path, lines)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        self.n += 1
        sha_ = self.git("rev-parse", "HEAD", capture=True)
        self.snapshots.append((sha_, branch, {p: tuple(l) for p, l in self.state.items()}))
        return sha_

    def append(self, path, it):
        lines = self.state[path]
        lines += self.filler(HIST_LANG_OF[path])
        start = len(lines)
        lines += it["lines"]
        lines += self.filler(HIST_LANG_OF[path])
        lab = dict(kind=it["kind"], category=it["category"], positive=it["positive"], path=path,
                   line=start + it["off"] + 1, end_line=start + it["end"] + 1, value_sha256=sha(it["value"]),
                   where="history", note=it.get("note", ""),
                   block=tuple(it["lines"][it["off"]:it["end"] + 1]))
        self.labels.append(lab)
        return lab

    def replace_line(self, lab, new_line):
        self.state[lab["path"]][lab["line"] - 1] = new_line


HIST_LANG_OF = {v: k for k, v in HIST_FILES.items()}


def build_history(repo, g, kinds):
    os.makedirs(repo)
    h = History(repo, g)
    h.git("init", "-q", "-b", "main")
    assign = [k for k in kinds if k.gen is not None and not k.block and not k.langs]
    g.r.shuffle(assign)
    pool = iter(assign * 3)

    def new_item(lang, note):
        k = next(pool)
        v = k.gen(g)
        while not compatible(lang, v):
            k = next(pool)
            v = k.gen(g)
        return item_from_assign(k.name, k.category, True, lang, k.var, v, note), k

    for lang, path in HIST_FILES.items():
        h.state[path] = [x % {"name": "app", "Name": "App"} for x in HEADERS[lang][0]] + h.filler(lang)
    h.commit("Initial skeleton", "main")

    kept, removed, rotated = [], [], []
    # 8 commits adding four secrets each (kept / removed / rotated / kept).
    for c in range(8):
        for j in range(4):
            lang = HIST_LANGS[(c * 4 + j) % len(HIST_LANGS)]
            role = ["kept", "removed", "rotated", "kept"][j]
            it, k = new_item(lang, {"kept": "added, still at HEAD", "removed": "added, later removed",
                                    "rotated": "rotated later (old value)"}[role])
            lab = h.append(HIST_FILES[lang], it)
            {"kept": kept, "removed": removed, "rotated": rotated}[role].append((lab, k, lang))
        # one hard negative per commit
        var, value = G.PLACEHOLDERS[c] if c % 2 else G.DOC_EXAMPLES[c % 6]
        lang = HIST_LANGS[(c + 3) % len(HIST_LANGS)]
        it = item_from_assign("placeholder" if c % 2 else "doc_example",
                              "neg:placeholder" if c % 2 else "neg:doc-example", False, lang, var, value)
        if compatible(lang, value):
            h.append(HIST_FILES[lang], it)
        h.commit("Configure %s integration" % g.word(), "main")
    # a PEM key added as a file, deleted two commits later
    block = kinds_by_name(kinds)["openssh_private_key_ed25519"].gen(g)
    h.state["deploy/id_ed25519"] = list(block)
    h.labels.append(dict(kind="openssh_private_key_ed25519", category="key material", positive=True,
                         path="deploy/id_ed25519", line=1, end_line=len(block), value_sha256=sha("\n".join(block)),
                         where="history", note="key file added then deleted", block=tuple(block)))
    h.commit("Add deploy key", "main")
    # Removal: each removed secret replaced by an environment reference (same line count).
    for lab, k, lang in removed:
        ref = REMOVED_WITH[lang].format(V=k.var, v=snake(k.var), d=k.var.lower().replace("_", "."))
        h.replace_line(lab, ref)
        h.labels.append(dict(kind="env_reference", category="neg:variable-reference", positive=False,
                             path=lab["path"], line=lab["line"], end_line=lab["line"], value_sha256=sha(ref),
                             where="history", note="replacement of a removed secret", block=(ref,)))
    h.commit("Move credentials to the environment", "main")
    del h.state["deploy/id_ed25519"]
    h.commit("Remove deploy key from the repository", "main")
    # Rotation: old value replaced by a new one of the same kind on the same line.
    for lab, k, lang in rotated:
        v = k.gen(g)
        lines, off = render_assign(lang, k.var, v)
        h.replace_line(lab, lines[off])
        h.labels.append(dict(kind=k.name, category=k.category, positive=True, path=lab["path"],
                             line=lab["line"], end_line=lab["line"], value_sha256=sha(v), where="history",
                             note="rotated (new value)", block=(lines[off],)))
    h.commit("Rotate credentials", "main")
    for c in range(2):
        for lang in HIST_LANGS[:3]:
            h.state[HIST_FILES[lang]] += h.filler(lang)
        h.commit("Tidy %s settings" % g.word(), "main")
    main_head = h.snapshots[-1][0]
    # Side branch from the 4th commit, never merged.
    base = h.snapshots[4]
    h.git("checkout", "-q", "-b", "feature/%s-import" % g.word(), base[0])
    h.state = {p: list(l) for p, l in base[2].items()}
    for c in range(4):
        for j in range(4):
            lang = HIST_LANGS[(c * 4 + j + 2) % len(HIST_LANGS)]
            it, k = new_item(lang, "only on an unmerged side branch")
            h.append(HIST_FILES[lang], it)
        h.commit("WIP %s import" % g.word(), "side")
    h.git("checkout", "-q", "main")
    # Presence: every commit whose snapshot has the label's exact lines.
    for lab in h.labels:
        block = lab.pop("block")
        commits = [s for s, _b, snap in h.snapshots
                   if lab["path"] in snap and tuple(snap[lab["path"]][lab["line"] - 1:lab["end_line"]]) == block]
        lab["commits"] = commits
        lab["commit"] = commits[0] if commits else None
        lab["at_head"] = main_head in commits
    labels = [l for l in h.labels if l["commits"]]
    for i, l in enumerate(labels):
        l["id"] = ("HP%03d" if l["positive"] else "HN%03d") % (i + 1)
    return labels


def kinds_by_name(kinds):
    return {k.name: k for k in kinds}


# ---------------------------------------------------------------------------

def build(work, seed=SEED, n_pos=340):
    g = G.Gen(seed)
    keys = G.KeyMaterial(os.path.join(work, "keymat"))
    kinds = G.positive_kinds(keys)
    tree, repo = os.path.join(work, "tree"), os.path.join(work, "repo")
    for d in (tree, repo):
        if os.path.exists(d):
            shutil.rmtree(d)
    tree_labels = build_tree(tree, g, keys, kinds, n_pos)
    hist_labels = build_history(repo, G.Gen(seed + 1), kinds)
    labels = tree_labels + hist_labels
    doc = {"seed": seed, "tree": tree, "repo": repo,
           "kinds": sorted({l["kind"] for l in labels if l["positive"]}),
           "labels": labels}
    with open(os.path.join(work, "labels.json"), "w") as fh:
        json.dump(doc, fh, indent=1)
    return doc
