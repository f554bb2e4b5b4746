#!/usr/bin/env python3
"""Generate the benchmark's planted-secret folder (corpus/dir/_planted).

Every value is FAKE: random strings of the right shape, produced from a
fixed seed (random.Random(42)) so the folder is byte-identical on every run
and every machine.  Only random.choice / randint / random / shuffle are used:
their output for a given seed has been stable across Python 3 releases.

Usage: plant.py OUT_DIR MANIFEST_JSON [--files N]

OUT_DIR gets one sub-folder per "service" (svc-000/.env, svc-001/config.yaml,
...).  MANIFEST_JSON (kept OUTSIDE the scanned tree, otherwise the scanners
would find the secrets a second time in it) records every planted secret and
every look-alike with its path relative to the corpus root, its line range
and its kind, so the bench can tell how many planted secrets each tool found.
"""

import argparse
import base64
import json
import os
import random
import string
import sys
import zlib

SEED = 42
UPPER = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
B32 = string.ascii_uppercase + "234567"
B64 = string.ascii_letters + string.digits + "+/"
GOOGLE = string.ascii_letters + string.digits + "_-"
DIGITS = string.digits

# File kinds, in rotation: (file name, format)
FORMATS = [
    (".env", "env"),
    ("config.yaml", "yaml"),
    ("appsettings.json", "json"),
    ("application.properties", "properties"),
    ("settings.py", "python"),
    ("config.js", "js"),
]

SECRET_KINDS = ["aws", "github", "slack", "stripe", "google", "pem", "postgres", "jwt"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def b64url(self, raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def rbytes(self, n):
        return bytes(self.r.randint(0, 255) for _ in range(n))

    # --- secrets of the right shape -------------------------------------
    def aws_key_id(self):
        return "AKIA" + self.s(B32, 16)

    def aws_secret(self):
        return self.s(B64, 40)

    def github(self):
        # Real GitHub tokens end in a base62 CRC32 of their 30 random characters.
        body = self.s(ALNUM, 30)
        value, digits = zlib.crc32(body.encode()), ""
        base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        while True:
            digits = base62[value % 62] + digits
            value //= 62
            if value == 0:
                break
        return "ghp_" + body + digits.rjust(6, "0")

    def slack(self):
        return "xoxb-%s-%s-%s" % (
            self.s(DIGITS, self.r.randint(10, 13)),
            self.s(DIGITS, self.r.randint(10, 13)),
            self.s(ALNUM, 24),
        )

    def stripe(self):
        return "sk_live_" + self.s(ALNUM, self.r.randint(24, 99))

    def google(self):
        return "AIza" + self.s(GOOGLE, 35)

    def pem_lines(self):
        """A PKCS#1 RSAPrivateKey with the right structure (SEQUENCE of nine INTEGERs, a 1024- or
        2048-bit modulus) and random numbers: it parses as a key, as a leaked one would, but is no
        key pair. Scanners that check the body (Keysweep does) see what they would see in the wild."""
        bits = self.r.choice([1024, 2048])

        def integer(nbits):
            value = self.r.getrandbits(nbits) | (1 << (nbits - 1)) | 1
            raw = value.to_bytes((nbits + 7) // 8, "big")
            if raw[0] & 0x80:
                raw = b"\x00" + raw
            return der(0x02, raw)

        def der(tag, content):
            n = len(content)
            if n < 0x80:
                length = bytes([n])
            else:
                size = (n.bit_length() + 7) // 8
                length = bytes([0x80 | size]) + n.to_bytes(size, "big")
            return bytes([tag]) + length + content

        fields = (der(0x02, b"\x00") + integer(bits) + der(0x02, b"\x01\x00\x01") + integer(bits)
                  + integer(bits // 2) + integer(bits // 2) + integer(bits // 2) + integer(bits // 2) + integer(bits // 2))
        text = base64.b64encode(der(0x30, fields)).decode()
        return (["-----BEGIN RSA PRIVATE KEY-----"] + [text[i:i + 64] for i in range(0, len(text), 64)]
                + ["-----END RSA PRIVATE KEY-----"])

    def postgres(self):
        user = self.r.choice(["app", "admin", "svc_orders", "report", "django", "billing"])
        pw = self.s(ALNUM, self.r.randint(12, 24))
        host = "%s-%s.%s" % (self.r.choice(["db", "pg", "postgres"]), self.s(string.ascii_lowercase + DIGITS, 6),
                             self.r.choice(["internal", "svc.cluster.local", "prod.local"]))
        db = self.r.choice(["orders", "app", "billing", "analytics", "users"])
        return "postgres://%s:%s@%s:5432/%s" % (user, pw, host, db)

    def jwt(self):
        header = self.b64url(b'{"alg":"HS256","typ":"JWT"}')
        payload = {
            "sub": str(self.r.randint(100000, 999999999)),
            "name": self.r.choice(["Ada Lovelace", "Grace Hopper", "Alan Turing", "Barbara Liskov"]),
            "iat": self.r.randint(1500000000, 1800000000),
            "role": self.r.choice(["admin", "user", "service"]),
        }
        body = self.b64url(json.dumps(payload, separators=(",", ":")).encode())
        sig = self.b64url(self.rbytes(32))
        return "%s.%s.%s" % (header, body, sig)


# Look-alikes that are NOT secrets: placeholders, documentation examples,
# variable references.  (key name, value, kind)
DECOYS = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "aws-example"),
    ("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-example-secret"),
    ("GITHUB_TOKEN", "ghp_" + "x" * 36, "github-placeholder"),
    ("GITHUB_TOKEN", "${GITHUB_TOKEN}", "env-reference"),
    ("STRIPE_SECRET_KEY", "sk_live_" + "X" * 24, "stripe-placeholder"),
    ("SLACK_BOT_TOKEN", "xoxb-your-bot-token-here", "slack-placeholder"),
    ("GOOGLE_API_KEY", "<your-google-api-key>", "google-placeholder"),
    ("DATABASE_URL", "postgres://user:${DB_PASSWORD}@localhost:5432/app", "postgres-reference"),
    ("DATABASE_URL", "postgres://user:password@localhost:5432/db", "postgres-doc-example"),
    ("API_TOKEN", "changeme", "placeholder"),
]

FILLER = [
    ("PORT", lambda g: str(g.r.randint(1024, 65000))),
    ("LOG_LEVEL", lambda g: g.r.choice(["debug", "info", "warn", "error"])),
    ("SERVICE_NAME", lambda g: g.r.choice(["orders", "billing", "gateway", "search", "mailer"])),
    ("FEATURE_NEW_CHECKOUT", lambda g: g.r.choice(["true", "false"])),
    ("CACHE_TTL_SECONDS", lambda g: str(g.r.randint(10, 86400))),
    ("REGION", lambda g: g.r.choice(["us-east-1", "eu-west-1", "ap-south-1"])),
    ("REQUEST_ID", lambda g: "%08x-%04x" % (g.r.randint(0, 2**32 - 1), g.r.randint(0, 2**16 - 1))),
    ("BUILD_SHA", lambda g: g.s("0123456789abcdef", 40)),
    ("TIMEOUT_MS", lambda g: str(g.r.randint(100, 30000))),
]


def secret_entries(g, kind):
    """Return a list of (key, value_or_lines, kind) for one planted kind.

    AWS yields two entries (key id and secret key), PEM a list of lines."""
    if kind == "aws":
        return [("AWS_ACCESS_KEY_ID", g.aws_key_id(), "aws-access-key-id"),
                ("aws_secret_access_key", g.aws_secret(), "aws-secret-access-key")]
    if kind == "github":
        return [("GITHUB_TOKEN", g.github(), "github-pat")]
    if kind == "slack":
        return [("SLACK_BOT_TOKEN", g.slack(), "slack-bot-token")]
    if kind == "stripe":
        return [("STRIPE_SECRET_KEY", g.stripe(), "stripe-live-key")]
    if kind == "google":
        return [("GOOGLE_API_KEY", g.google(), "google-api-key")]
    if kind == "pem":
        return [("private_key", g.pem_lines(), "rsa-private-key")]
    if kind == "postgres":
        return [("DATABASE_URL", g.postgres(), "postgres-url")]
    if kind == "jwt":
        return [("AUTH_TOKEN", g.jwt(), "jwt")]
    raise ValueError(kind)


def render(fmt, items):
    """Render (key, value, role) items as lines of one config format.

    Returns (lines, spans) where spans[i] = (first_line, last_line), 1-based,
    for items[i].  value is a str, or a list of lines for a PEM block."""
    lines, spans = [], []
    header = {
        "env": ["# service environment", ""],
        "yaml": ["# service configuration", "service:"],
        "json": ["{"],
        "properties": ["# application properties", ""],
        "python": ['"""Service settings."""', "import os", ""],
        "js": ["// service configuration", "module.exports = {"],
    }[fmt]
    lines.extend(header)
    for idx, (key, value, _role) in enumerate(items):
        first = len(lines) + 1
        last_item = idx == len(items) - 1
        if isinstance(value, list):  # PEM block
            if fmt == "env":
                lines.append('PRIVATE_KEY="' + value[0])
                lines.extend(value[1:-1])
                lines.append(value[-1] + '"')
            elif fmt == "yaml":
                lines.append("  %s: |" % key)
                lines.extend("    " + v for v in value)
            elif fmt == "json":
                # service-account style: the whole block on one line, \n-escaped
                lines.append('  "%s": %s%s' % (key, json.dumps("\n".join(value) + "\n"), "" if last_item else ","))
            elif fmt == "python":
                lines.append('PRIVATE_KEY = """' + value[0])
                lines.extend(value[1:-1])
                lines.append(value[-1] + '"""')
            elif fmt == "js":
                lines.append("  privateKey: `" + value[0])
                lines.extend(value[1:-1])
                lines.append(value[-1] + "`" + ("" if last_item else ","))
            else:  # properties: backslash continuation lines, each \n-escaped
                lines.append("private.key=" + value[0] + "\\n\\")
                lines.extend("    " + v + "\\n\\" for v in value[1:-1])
                lines.append("    " + value[-1])
        else:
            if fmt == "env":
                sep = " = " if key == "aws_secret_access_key" else "="
                lines.append("%s%s%s" % (key, sep, value))
            elif fmt == "yaml":
                lines.append("  %s: %s" % (key.lower(), json.dumps(value) if value.startswith("$") or value.startswith("<") else value))
            elif fmt == "json":
                lines.append('  "%s": %s%s' % (key, json.dumps(value), "" if last_item else ","))
            elif fmt == "properties":
                if key == "aws_secret_access_key":
                    lines.append("aws_secret_access_key = " + value)
                else:
                    lines.append("%s=%s" % (key.lower().replace("_", "."), value))
            elif fmt == "python":
                if value.startswith("${"):
                    lines.append('%s = os.environ.get("%s", "%s")' % (key, key, value))
                else:
                    lines.append('%s = "%s"' % (key, value))
            elif fmt == "js":
                js_key = key if key == "aws_secret_access_key" else key.lower()
                lines.append("  %s: '%s'%s" % (js_key, value, "" if last_item else ","))
        spans.append((first, len(lines)))
    footer = {"env": [], "yaml": [], "json": ["}"], "properties": [], "python": [], "js": ["};"]}[fmt]
    lines.extend(footer)
    return lines, spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("manifest")
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--prefix", default="_planted",
                    help="path of OUT_DIR relative to the corpus root, for the manifest")
    args = ap.parse_args()

    g = Gen(SEED)
    secrets, decoys = [], []
    os.makedirs(args.out_dir, exist_ok=True)
    for i in range(args.files):
        fname, fmt = FORMATS[i % len(FORMATS)]
        # groups of (key, value, (role, kind)) items; a group stays together
        # (an AWS key id is followed by its secret key line)
        groups = []
        for key, fn in g.r.sample(FILLER, g.r.randint(2, 5)):
            groups.append([(key, fn(g), ("filler", None))])
        has_pem = False
        for _ in range(g.r.randint(1, 3)):
            kind = g.r.choice(SECRET_KINDS)
            if kind == "pem" and has_pem:
                kind = "github"  # at most one PEM block per file
            has_pem = has_pem or kind == "pem"
            groups.append([(key, value, ("secret", k)) for key, value, k in secret_entries(g, kind)])
        if g.r.random() < 0.45:
            key, value, k = g.r.choice(DECOYS)
            groups.append([(key, value, ("decoy", k))])
        g.r.shuffle(groups)
        items, used = [], set()
        for key, value, role in (it for grp in groups for it in grp):
            n = 2
            base = key
            while key in used:  # a second token of the same kind: GITHUB_TOKEN_2
                key = "%s_%d" % (base, n)
                n += 1
            used.add(key)
            items.append((key, value, role))
        lines, spans = render(fmt, items)
        rel_dir = "svc-%03d" % i
        os.makedirs(os.path.join(args.out_dir, rel_dir), exist_ok=True)
        path = os.path.join(args.out_dir, rel_dir, fname)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")
        rel = "%s/%s/%s" % (args.prefix, rel_dir, fname)
        for (key, value, (role, kind)), (first, last) in zip(items, spans):
            if role == "filler":
                continue
            entry = {"path": rel, "line": first, "end_line": last, "kind": kind,
                     "value": value if isinstance(value, str) else "\n".join(value)}
            (secrets if role == "secret" else decoys).append(entry)

    by_kind = {}
    for s in secrets:
        by_kind[s["kind"]] = by_kind.get(s["kind"], 0) + 1
    manifest = {
        "seed": SEED,
        "files": args.files,
        "secrets": len(secrets),
        "decoys": len(decoys),
        "by_kind": dict(sorted(by_kind.items())),
        "planted": secrets,
        "lookalikes": decoys,
    }
    with open(args.manifest, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
    print("planted %d secrets and %d look-alikes in %d files" % (len(secrets), len(decoys), args.files))


if __name__ == "__main__":
    sys.exit(main())
