"""Secret and look-alike generators for the labeled detection benchmark.

Every generator is written from the provider's published token format
(prefix, alphabet, length, checksum) -- NOT from keysweep's rule examples, so
that the benchmark measures the rules instead of echoing them.  All random
choices come from one seeded `random.Random`, so a given seed always yields
the same values.  Key material (PEM, OpenSSH, PGP) is produced by
openssl/ssh-keygen/gpg at build time (`KeyMaterial`), cached in the work dir.

A *kind* is described by `Kind(name, category, var, gen, ...)`:
  gen(g) -> value string (the secret itself, single line), and the kind is
  planted as an assignment `var = value` rendered in the host file's
  language; or, for `block` kinds, gen(g) returns a list of lines (a PEM
  block) that is embedded verbatim (dedicated file, Python string, YAML
  block scalar).
"""

import base64
import hashlib
import json
import os
import random
import shutil
import string
import subprocess
import sys
import tempfile
import zlib

DIGITS = string.digits
HEX = "0123456789abcdef"
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
ALPHA = UPPER + LOWER
ALNUM = DIGITS + UPPER + LOWER
ALNUM_UPPER = DIGITS + UPPER
B64 = UPPER + LOWER + DIGITS + "+/"
B64URL = UPPER + LOWER + DIGITS + "-_"
BASE32 = UPPER + "234567"

# GitHub / npm checksum alphabet: digits, then upper, then lower case.


# GitHub's token checksum (also used by npm_ tokens): the CRC32 of the 30 random characters in
# base62, most significant digit first, left-padded with '0' to 6 characters. One implementation,
# shared with the benchmark corpus.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench_lib"))
from gitcorpus import base62_crc32  # noqa: E402


def grafana_token(secret: str) -> str:
    """Grafana service account token: `glsa_<32>_` then the CRC32 (IEEE) of `glsa_<32>` as the
    hex of its four bytes, least significant first (Grafana's satokengen)."""
    body = "glsa_" + secret
    return body + "_" + (zlib.crc32(body.encode()) & 0xFFFFFFFF).to_bytes(4, "little").hex()


# --- bech32 (BIP-173), for age secret keys and nostr nsec ------------------

BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def bech32_encode(hrp: str, data: bytes) -> str:
    """bech32 (not bech32m) of 8-bit DATA: regroup into 5-bit words, append
    the 6-word checksum computed over the expanded lower-case HRP."""
    acc, bits, words = 0, 0, []
    for b in data:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            words.append((acc >> bits) & 31)
    if bits:
        words.append((acc << (5 - bits)) & 31)
    hrp = hrp.lower()
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    poly = _bech32_polymod(expanded + words + [0] * 6) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[w] for w in words + checksum)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class Gen:
    """Seeded random helpers."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hex(self, n):
        return self.s(HEX, n)

    def digits(self, n):
        return self.s("123456789", 1) + self.s(DIGITS, n - 1)

    def bytes(self, n):
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def uuid(self):
        h = self.hex(32)
        h = h[:12] + "4" + h[13:16] + self.r.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def choice(self, seq):
        return self.r.choice(seq)

    def randint(self, a, b):
        return self.r.randint(a, b)

    def word(self):
        return self.r.choice(WORDS)

    def password(self, n=None):
        """A human-chosen-looking strong password: mixed case, digits and a
        few symbols that need no quoting in any of the host languages."""
        n = n or self.r.randint(14, 22)
        while True:
            p = self.s(ALNUM + "!#%*-_.@+", n)
            if (any(c in DIGITS for c in p) and any(c in UPPER for c in p)
                    and any(c in LOWER for c in p) and p[0] in ALPHA):
                return p

    def user(self):
        return self.r.choice(["app", "svc_orders", "deploy", "reporting", "etl_user",
                              "admin", "billing", "webapp", "analytics", "worker"])

    def host(self, suffix="internal.acme-corp.net"):
        return "%s-%s.%s" % (self.r.choice(["db", "pg", "data", "core", "main"]),
                             self.r.choice(["prod", "eu1", "us2", "primary"]), suffix)


WORDS = ["order", "invoice", "customer", "widget", "report", "shipment", "ledger",
         "catalog", "cart", "payment", "refund", "profile", "review", "rating", "search",
         "index", "queue", "worker", "batch", "export", "import", "metric", "event",
         "channel", "message", "thread", "upload", "image", "thumbnail", "schedule",
         "calendar", "region", "store", "vendor", "product", "coupon", "discount",
         "inventory", "warehouse", "route", "driver", "vehicle", "ticket", "comment"]


# ---------------------------------------------------------------------------
# Key material (real, generated locally; fake by construction)
# ---------------------------------------------------------------------------

class KeyMaterial:
    """Generates PEM/OpenSSH/PGP key material with the system tools, once,
    into DIR (reused by later builds so that reruns give the same corpus)."""

    def __init__(self, directory):
        self.dir = directory
        os.makedirs(directory, exist_ok=True)

    def _cached(self, name, make):
        path = os.path.join(self.dir, name)
        if not os.path.exists(path):
            make(path)
        with open(path) as fh:
            return fh.read()

    @staticmethod
    def _run(*argv, **kw):
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, **kw)

    def openssl_key(self, name, algo_args, traditional=False, encrypt=False):
        def make(path):
            tmp = path + ".tmp"
            self._run("openssl", "genpkey", *algo_args, "-out", tmp)
            if traditional:       # PKCS#1 / SEC1 / DSA "BEGIN RSA PRIVATE KEY" etc.
                self._run("openssl", "pkey", "-in", tmp, "-traditional", "-out", path)
            elif encrypt:         # PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY"
                self._run("openssl", "pkcs8", "-topk8", "-in", tmp, "-v2", "aes-256-cbc",
                          "-passout", "pass:correct-horse-battery", "-out", path)
            else:
                os.replace(tmp, path)
            if os.path.exists(tmp):
                os.remove(tmp)
        return self._cached(name, make)

    def public_of(self, name, private_name):
        def make(path):
            self._run("openssl", "pkey", "-in", os.path.join(self.dir, private_name),
                      "-pubout", "-out", path)
        return self._cached(name, make)

    def rsa_public_pkcs1(self, name, private_name):
        def make(path):
            self._run("openssl", "rsa", "-in", os.path.join(self.dir, private_name),
                      "-RSAPublicKey_out", "-out", path)
        return self._cached(name, make)

    def certificate(self, name, private_name, cn, csr=False):
        def make(path):
            args = ["openssl", "req", "-new", "-key", os.path.join(self.dir, private_name),
                    "-subj", "/CN=%s/O=Acme Corp" % cn, "-out", path]
            if not csr:
                args[2:2] = ["-x509", "-days", "3650"]
            self._run(*args)
        return self._cached(name, make)

    def ssh_key(self, name, key_type, passphrase="", comment="deploy@acme"):
        def make(path):
            args = ["ssh-keygen", "-q", "-t", key_type, "-N", passphrase, "-C", comment, "-f", path]
            if key_type == "rsa":
                args[4:4] = ["-b", "2048"]
            self._run(*args)
        return self._cached(name, make)

    def ssh_public(self, name, key_type):
        self.ssh_key(name, key_type)
        with open(os.path.join(self.dir, name + ".pub")) as fh:
            return fh.read().strip()

    def pgp(self, name, secret=True):
        """ASCII-armoured PGP key (gpg, ed25519, no passphrase) in a private
        GNUPGHOME; falls back to None when gpg is unusable."""
        def make(path):
            # gpg-agent's socket lives in GNUPGHOME, and a socket's path has at most 107 bytes: a
            # home under a deep work folder made gpg fail, the PGP kinds vanish and every later
            # draw move (the corpus depended on the length of its folder's path). A short home in
            # /tmp, removed after, keeps the corpus the same wherever it is built.
            home = tempfile.mkdtemp(prefix="gnupg-", dir="/tmp" if os.path.isdir("/tmp") else None)
            env = dict(os.environ, GNUPGHOME=home)
            try:
                self._run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                          "--quick-gen-key", "Release Bot <release@acme.example>", "ed25519",
                          "sign", "never", env=env, timeout=60)
                for what, out in (("--export-secret-keys", path + ".sec"), ("--export", path + ".pub")):
                    data = subprocess.run(["gpg", "--batch", "--pinentry-mode", "loopback",
                                           "--passphrase", "", "--armor", what],
                                          env=env, check=True, capture_output=True, timeout=60).stdout
                    with open(out, "wb") as fh:
                        fh.write(data)
                os.replace(path + ".sec", path)
            finally:
                subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                shutil.rmtree(home, ignore_errors=True)
        try:
            self._cached(name, make)
        except (subprocess.SubprocessError, OSError):
            return None
        p = os.path.join(self.dir, name if secret else name + ".pub")
        return open(p).read() if os.path.exists(p) else None


# ---------------------------------------------------------------------------
# Kinds
# ---------------------------------------------------------------------------

class Kind:
    def __init__(self, name, category, var, gen, block=False, langs=None, note=""):
        self.name, self.category, self.var, self.gen = name, category, var, gen
        self.block = block      # gen returns lines (multi-line PEM-like block)
        self.langs = langs      # restrict host languages (None: any)
        self.note = note


def _json_b64(obj):
    return b64(json.dumps(obj, separators=(",", ":")).encode())


def github_token(g, prefix):
    # 30 random base62 characters + 6-character base62 CRC32 of those 30.
    body = g.s(ALNUM, 30)
    return prefix + body + base62_crc32(body)


def jwt(g, alg="HS256", payload=None, sig_bytes=32):
    header = {"alg": alg, "typ": "JWT"}
    payload = payload or {"sub": g.uuid(), "iss": "https://login.acme-corp.net",
                          "iat": 1700000000 + g.randint(0, 10**7)}
    payload.setdefault("exp", payload.get("iat", 1700000000) + 86400 * 365)
    return "%s.%s.%s" % (b64url(json.dumps(header, separators=(",", ":")).encode()),
                         b64url(json.dumps(payload, separators=(",", ":")).encode()),
                         b64url(g.bytes(sig_bytes)))


def pypi_token(g, location="pypi.org"):
    """PyPI API token: "pypi-" + unpadded base64url of a macaroon in the v2
    binary format: version byte 2; field 1 (location) "pypi.org"; field 2
    (identifier, a UUID string); end of section (0); one first-party caveat
    (field 2, the JSON restriction) and its end (0); end of caveats (0);
    field 6 (signature, 32 bytes).  Field = type byte, varint length, data.
    Hence every token starts "pypi-AgEIcHlwaS5vcmc" (test.pypi.org:
    "pypi-AgENdGVzdC5weXBpLm9yZw")."""
    def field(t, data):
        return bytes([t, len(data)]) + data          # all lengths < 128: 1-byte varint
    caveat = json.dumps({"version": 1, "permissions": g.choice(["user", {"projects": ["acme-%s" % g.word()]}])},
                        separators=(",", ":")).encode()
    raw = (b"\x02" + field(1, location.encode()) + field(2, g.uuid().encode()) + b"\x00"
           + field(2, caveat) + b"\x00" + b"\x00" + field(6, g.bytes(32)))
    return "pypi-" + b64url(raw)


def pem_lines(text):
    return [ln for ln in text.strip().splitlines()]


def conn_password(g):
    return g.s(ALNUM, g.randint(16, 24))


def positive_kinds(keys: KeyMaterial):
    """All positive kinds.  Categories follow the report's grouping."""
    K = []

    def add(name, category, var, gen, **kw):
        K.append(Kind(name, category, var, gen, **kw))

    # ---------------- cloud -------------------------------------------------
    c = "cloud"
    add("aws_access_key_id", c, "AWS_ACCESS_KEY_ID", lambda g: "AKIA" + g.s(BASE32, 16))
    add("aws_secret_access_key", c, "AWS_SECRET_ACCESS_KEY", lambda g: g.s(ALNUM + "+/", 40))
    add("aws_session_token", c, "AWS_SESSION_TOKEN",
        lambda g: "IQoJb3JpZ2luX2VjE" + g.s(B64, 340) + "==")
    add("aws_temporary_key_id", c, "AWS_ACCESS_KEY_ID", lambda g: "ASIA" + g.s(BASE32, 16))
    add("google_api_key", c, "GOOGLE_API_KEY", lambda g: "AIza" + g.s(ALNUM + "-_", 35))
    add("gcp_oauth_client_secret", c, "GOOGLE_CLIENT_SECRET", lambda g: "GOCSPX-" + g.s(ALNUM + "-_", 28))
    add("google_oauth_access_token", c, "GOOGLE_ACCESS_TOKEN",
        lambda g: "ya29.a0" + g.s(ALNUM + "-_", 160))
    add("google_oauth_refresh_token", c, "GOOGLE_REFRESH_TOKEN",
        lambda g: "1//0" + g.s(ALNUM, 2) + g.s(ALNUM + "-_", 98))
    add("azure_storage_connection_string", c, "AZURE_STORAGE_CONNECTION_STRING",
        lambda g: "DefaultEndpointsProtocol=https;AccountName=acme%s;AccountKey=%s;EndpointSuffix=core.windows.net"
        % (g.s(LOWER + DIGITS, 8), b64(g.bytes(64))))
    add("azure_storage_account_key", c, "AZURE_STORAGE_KEY", lambda g: b64(g.bytes(64)))
    add("azure_sas_url", c, "AZURE_BLOB_SAS_URL",
        lambda g: "https://acme%s.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rwdlac"
        "&se=2026-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=%s"
        % (g.s(LOWER + DIGITS, 6), b64(g.bytes(32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")))
    # Entra ID (Azure AD) client secret: 3 chars, a digit, "Q~", 34 chars.
    add("azure_ad_client_secret", c, "AZURE_CLIENT_SECRET",
        lambda g: g.s(ALNUM, 3) + g.s(DIGITS, 1) + "Q~" + g.s(ALNUM + "_.~-", 34))
    add("azure_cosmosdb_connection_string", c, "COSMOS_CONNECTION_STRING",
        lambda g: "AccountEndpoint=https://acme-%s.documents.azure.com:443/;AccountKey=%s;"
        % (g.s(LOWER, 6), b64(g.bytes(64))))
    add("azure_service_bus_connection_string", c, "SERVICEBUS_CONNECTION_STRING",
        lambda g: "Endpoint=sb://acme-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
        "SharedAccessKey=%s" % (g.s(LOWER, 6), b64(g.bytes(32))))
    # ACR admin password / AI Search admin key: 52 chars with a fixed
    # signature at offset 42 ("+ACR" / "AzSe").
    add("azure_acr_password", c, "ACR_PASSWORD", lambda g: g.s(ALNUM + "+/", 42) + "+ACR" + g.s(ALNUM, 6))
    add("azure_search_admin_key", c, "AZURE_SEARCH_ADMIN_KEY", lambda g: g.s(ALNUM, 42) + "AzSe" + g.s(ALNUM, 6))
    add("azure_app_config_connection_string", c, "APPCONFIG_CONNECTION_STRING",
        lambda g: "Endpoint=https://acme-%s.azconfig.io;Id=%s-l0-s0:%s;Secret=%s"
        % (g.s(LOWER, 5), g.s(ALNUM, 4), g.s(ALNUM, 20), b64(g.bytes(32))))
    add("digitalocean_pat", c, "DIGITALOCEAN_TOKEN", lambda g: "dop_v1_" + g.hex(64))
    add("digitalocean_oauth", c, "DO_OAUTH_TOKEN", lambda g: "doo_v1_" + g.hex(64))
    add("digitalocean_refresh", c, "DO_REFRESH_TOKEN", lambda g: "dor_v1_" + g.hex(64))
    add("heroku_api_key", c, "HEROKU_API_KEY", lambda g: "HRKU-AA" + g.s(ALNUM + "-_", 58))
    add("heroku_api_key_legacy", c, "HEROKU_API_KEY", lambda g: g.uuid())
    add("vercel_token", c, "VERCEL_TOKEN", lambda g: g.s(ALNUM, 24))
    add("netlify_pat", c, "NETLIFY_AUTH_TOKEN", lambda g: "nfp_" + g.s(ALNUM, 36))
    add("cloudflare_api_token", c, "CLOUDFLARE_API_TOKEN", lambda g: g.s(ALNUM + "-_", 40))
    add("cloudflare_global_api_key", c, "CLOUDFLARE_API_KEY", lambda g: g.hex(37))
    add("cloudflare_origin_ca_key", c, "CF_ORIGIN_CA_KEY", lambda g: "v1.0-" + g.hex(24) + "-" + g.hex(146))
    add("flyio_macaroon", c, "FLY_API_TOKEN", lambda g: "FlyV1 fm2_" + g.s(B64, 260) + "==")
    add("flyio_legacy_token", c, "FLY_ACCESS_TOKEN", lambda g: "fo1_" + g.s(ALNUM + "-_", 43))
    add("alibaba_access_key_id", c, "ALIBABA_CLOUD_ACCESS_KEY_ID", lambda g: "LTAI" + g.s(ALNUM, 20))
    add("alibaba_access_key_secret", c, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", lambda g: g.s(ALNUM, 30))
    add("tencent_secret_id", c, "TENCENTCLOUD_SECRET_ID", lambda g: "AKID" + g.s(ALNUM, 32))
    add("ibm_cloud_api_key", c, "IBMCLOUD_API_KEY", lambda g: g.s(ALNUM + "-_", 44))
    add("linode_token", c, "LINODE_TOKEN", lambda g: g.hex(64))
    add("scaleway_secret_key", c, "SCW_SECRET_KEY", lambda g: g.uuid())
    add("hetzner_cloud_token", c, "HCLOUD_TOKEN", lambda g: g.s(ALNUM, 64))
    add("vultr_api_key", c, "VULTR_API_KEY", lambda g: g.s(ALNUM_UPPER, 36))
    add("yandex_api_key", c, "YC_API_KEY", lambda g: "AQVN" + g.s(ALNUM + "-_", 36))
    add("render_api_key", c, "RENDER_API_KEY", lambda g: "rnd_" + g.s(ALNUM, 32))
    add("terraform_cloud_token", c, "TFE_TOKEN",
        lambda g: g.s(ALNUM, 14) + ".atlasv1." + g.s(ALNUM + "-_=", 67))
    add("pulumi_access_token", c, "PULUMI_ACCESS_TOKEN", lambda g: "pul-" + g.hex(40))

    # ---------------- source hosting / CI -----------------------------------
    c = "source-hosting/CI"
    for p, var in (("ghp_", "GITHUB_TOKEN"), ("gho_", "GH_OAUTH_TOKEN"), ("ghu_", "GH_USER_TOKEN"),
                   ("ghs_", "GH_APP_INSTALLATION_TOKEN"), ("ghr_", "GH_REFRESH_TOKEN")):
        add("github_" + p.rstrip("_"), c, var, (lambda p: lambda g: github_token(g, p))(p),
            note="valid CRC32 checksum")
    add("github_fine_grained_pat", c, "GH_PAT", lambda g: "github_pat_" + g.s(ALNUM, 22) + "_" + g.s(ALNUM, 59))
    add("gitlab_pat", c, "GITLAB_TOKEN", lambda g: "glpat-" + g.s(ALNUM + "-_", 20))
    add("gitlab_deploy_token", c, "GITLAB_DEPLOY_TOKEN", lambda g: "gldt-" + g.s(ALNUM + "-_", 20))
    add("gitlab_runner_token", c, "CI_RUNNER_TOKEN", lambda g: "glrt-" + g.s(ALNUM + "-_", 20))
    add("gitlab_pipeline_trigger", c, "GITLAB_TRIGGER_TOKEN", lambda g: "glptt-" + g.hex(40))
    add("gitlab_runner_registration", c, "RUNNER_REGISTRATION_TOKEN", lambda g: "GR1348941" + g.s(ALNUM + "-_", 20))
    add("gitlab_ci_build_token", c, "GITLAB_CI_JOB_TOKEN", lambda g: "glcbt-" + g.hex(2) + "_" + g.s(ALNUM + "-_", 20))
    add("gitlab_incoming_mail_token", c, "GITLAB_INCOMING_EMAIL_TOKEN", lambda g: "glimt-" + g.s(ALNUM, 25))
    add("gitlab_agent_token", c, "GITLAB_AGENT_TOKEN", lambda g: "glagent-" + g.s(ALNUM + "-_", 50))
    add("gitlab_oauth_app_secret", c, "GITLAB_OAUTH_SECRET", lambda g: "gloas-" + g.hex(64))
    add("gitlab_scim_token", c, "GITLAB_SCIM_TOKEN", lambda g: "glsoat-" + g.s(ALNUM + "-_", 20))
    add("gitlab_feature_flag_token", c, "UNLEASH_INSTANCE_ID", lambda g: "glffct-" + g.s(ALNUM + "-_", 20))
    add("gitlab_feed_token", c, "GITLAB_FEED_TOKEN", lambda g: "glft-" + g.s(ALNUM + "-_", 20))
    add("bitbucket_app_password", c, "BITBUCKET_APP_PASSWORD", lambda g: "ATBB" + g.s(ALNUM, 32))
    add("circleci_personal_token", c, "CIRCLECI_TOKEN", lambda g: "CCIPAT_" + g.s(ALNUM, 22) + "_" + g.hex(40))
    add("circleci_project_token", c, "CIRCLE_PROJECT_TOKEN", lambda g: "CCIPRJ_" + g.s(ALNUM, 22) + "_" + g.hex(40))
    add("circleci_legacy_token", c, "CIRCLE_TOKEN", lambda g: g.hex(40))
    add("buildkite_api_token", c, "BUILDKITE_API_TOKEN", lambda g: "bkua_" + g.hex(40))
    add("jenkins_api_token", c, "JENKINS_API_TOKEN", lambda g: "11" + g.hex(32))
    add("travis_token", c, "TRAVIS_API_TOKEN", lambda g: g.s(ALNUM, 22))
    add("sonarqube_user_token", c, "SONAR_TOKEN", lambda g: "squ_" + g.hex(40))
    add("sonarqube_project_token", c, "SONAR_PROJECT_TOKEN", lambda g: "sqp_" + g.hex(40))
    add("sonarqube_analysis_token", c, "SONAR_ANALYSIS_TOKEN", lambda g: "sqa_" + g.hex(40))
    add("sourcegraph_token", c, "SRC_ACCESS_TOKEN", lambda g: "sgp_" + g.hex(16) + "_" + g.hex(40))
    add("octopus_api_key", c, "OCTOPUS_API_KEY", lambda g: "API-" + g.s(ALNUM_UPPER, 26))
    add("harness_pat", c, "HARNESS_API_KEY", lambda g: "pat." + g.s(ALNUM + "-_", 22) + "." + g.hex(24) + "." + g.s(ALNUM, 20))
    # Azure DevOps PAT (2024 format): 84 chars, "JQQJ99" at 52, "AZDO" at 76.
    add("azure_devops_pat", c, "AZURE_DEVOPS_PAT",
        lambda g: g.s(ALNUM, 52) + "JQQJ99" + g.s(ALNUM, 18) + "AZDO" + g.s(ALNUM, 4))
    add("azure_devops_pat_legacy", c, "AZURE_DEVOPS_EXT_PAT", lambda g: g.s("abcdefghijklmnopqrstuvwxyz234567", 52))
    add("codecov_token", c, "CODECOV_TOKEN", lambda g: g.uuid())
    add("gitea_token", c, "GITEA_TOKEN", lambda g: g.hex(40))
    add("snyk_token", c, "SNYK_TOKEN", lambda g: g.uuid())

    # ---------------- registries --------------------------------------------
    c = "registries"
    add("npm_token", c, "NPM_TOKEN", lambda g: github_token(g, "npm_"), note="valid CRC32 checksum")
    # PyPI API tokens are macaroons whose serialisation starts with the
    # location "pypi.org": base64 "AgEIcHlwaS5vcmc".
    add("pypi_token", c, "PYPI_API_TOKEN", lambda g: pypi_token(g))
    add("testpypi_token", c, "TEST_PYPI_API_TOKEN", lambda g: pypi_token(g, "test.pypi.org"))
    add("rubygems_api_key", c, "GEM_HOST_API_KEY", lambda g: "rubygems_" + g.hex(48))
    add("nuget_api_key", c, "NUGET_API_KEY", lambda g: "oy2" + g.s(LOWER + DIGITS, 43))
    add("dockerhub_pat", c, "DOCKERHUB_TOKEN", lambda g: "dckr_pat_" + g.s(ALNUM + "-_", 27))
    add("dockerhub_org_token", c, "DOCKER_ORG_TOKEN", lambda g: "dckr_oat_" + g.s(ALNUM + "-_", 32))
    add("jfrog_api_key", c, "ARTIFACTORY_API_KEY", lambda g: "AKCp8" + g.s(ALNUM, 68))
    # JFrog identity token: base64 of "reftkn:01:..." -> "cmVmdGtuOjAxOj".
    add("jfrog_identity_token", c, "JFROG_ACCESS_TOKEN",
        lambda g: b64(b"reftkn:01:" + str(g.randint(10**9, 10**10)).encode() + b":" + g.s(ALNUM, 27).encode()).rstrip("="))
    add("crates_io_token", c, "CARGO_REGISTRY_TOKEN", lambda g: "cio" + g.s(ALNUM, 32))
    add("clojars_token", c, "CLOJARS_PASSWORD", lambda g: "CLOJARS_" + g.hex(60))
    add("docker_config_auth", c, None, None, block=True)      # special (see corpus)
    add("npmrc_auth_token", c, None, None, block=True)
    add("pypirc_password", c, None, None, block=True)
    add("maven_settings_password", c, None, None, block=True)

    # ---------------- messaging ---------------------------------------------
    c = "messaging"
    add("slack_bot_token", c, "SLACK_BOT_TOKEN",
        lambda g: "xoxb-%s-%s-%s" % (g.digits(12), g.digits(13), g.s(ALNUM, 24)))
    add("slack_user_token", c, "SLACK_USER_TOKEN",
        lambda g: "xoxp-%s-%s-%s-%s" % (g.digits(12), g.digits(12), g.digits(13), g.hex(32)))
    add("slack_app_token", c, "SLACK_APP_TOKEN",
        lambda g: "xapp-1-A%s-%s-%s" % (g.s(ALNUM_UPPER, 10), g.digits(13), g.hex(64)))
    add("slack_config_token", c, "SLACK_CONFIG_TOKEN", lambda g: "xoxe.xoxp-1-" + g.s(ALNUM, 150))
    add("slack_refresh_token", c, "SLACK_REFRESH_TOKEN", lambda g: "xoxe-1-" + g.s(ALNUM, 140))
    add("slack_webhook", c, "SLACK_WEBHOOK_URL",
        lambda g: "https://hooks.slack.com/services/T%s/B%s/%s" % (g.s(ALNUM_UPPER, 9), g.s(ALNUM_UPPER, 10), g.s(ALNUM, 24)))
    add("slack_workflow_webhook", c, "SLACK_WORKFLOW_URL",
        lambda g: "https://hooks.slack.com/triggers/T%s/%s/%s" % (g.s(ALNUM_UPPER, 9), g.digits(13), g.hex(32)))

    def discord_bot(g):
        # user id (snowflake) in base64, timestamp, HMAC.
        uid = b64(str(g.randint(10**17, 2 * 10**17)).encode()).rstrip("=")
        return "%s.%s.%s" % (uid, g.s(ALNUM + "-_", 6), g.s(ALNUM + "-_", 38))
    add("discord_bot_token", c, "DISCORD_BOT_TOKEN", discord_bot)
    add("discord_webhook", c, "DISCORD_WEBHOOK_URL",
        lambda g: "https://discord.com/api/webhooks/%s/%s" % (g.digits(19), g.s(ALNUM + "-_", 68)))
    add("telegram_bot_token", c, "TELEGRAM_BOT_TOKEN",
        lambda g: "%s:AA%s" % (g.digits(10), g.s(ALNUM + "-_", 33)))
    add("teams_webhook", c, "TEAMS_WEBHOOK_URL",
        lambda g: "https://acmecorp.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s"
        % (g.uuid(), g.uuid(), g.hex(32), g.uuid()))
    add("teams_workflow_webhook", c, "TEAMS_FLOW_URL",
        lambda g: "https://prod-%02d.westeurope.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
        "?api-version=2016-06-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=%s"
        % (g.randint(10, 99), g.hex(32), g.s(ALNUM + "-_", 43)))
    add("twilio_api_key", c, None, None, block=True)          # SK... + secret pair
    add("twilio_auth_token", c, None, None, block=True)       # AC... + auth token pair
    add("sendgrid_api_key", c, "SENDGRID_API_KEY",
        lambda g: "SG.%s.%s" % (g.s(ALNUM + "-_", 22), g.s(ALNUM + "-_", 43)))
    add("mailgun_api_key_legacy", c, "MAILGUN_API_KEY", lambda g: "key-" + g.hex(32))
    add("mailgun_api_key", c, "MAILGUN_PRIVATE_KEY", lambda g: "%s-%s-%s" % (g.hex(32), g.hex(8), g.hex(8)))
    add("mailchimp_api_key", c, "MAILCHIMP_API_KEY", lambda g: g.hex(32) + "-us" + str(g.randint(2, 21)))
    add("mandrill_api_key", c, "MANDRILL_API_KEY", lambda g: "md-" + g.s(ALNUM + "-_", 22))
    add("postmark_server_token", c, "POSTMARK_SERVER_TOKEN", lambda g: g.uuid())
    add("brevo_api_key", c, "BREVO_API_KEY", lambda g: "xkeysib-" + g.hex(64) + "-" + g.s(ALNUM, 16))
    add("brevo_smtp_key", c, "BREVO_SMTP_KEY", lambda g: "xsmtpsib-" + g.hex(64) + "-" + g.s(ALNUM, 16))
    add("intercom_access_token", c, "INTERCOM_ACCESS_TOKEN",
        lambda g: b64(("tok:%s:1:0" % g.uuid()).encode()))
    add("google_chat_webhook", c, "GCHAT_WEBHOOK_URL",
        lambda g: "https://chat.googleapis.com/v1/spaces/AAAA%s/messages?key=AIza%s&token=%s"
        % (g.s(ALNUM, 7), g.s(ALNUM + "-_", 35), g.s(ALNUM + "-_", 43) + "%3D"))

    # ---------------- payments ----------------------------------------------
    c = "payments"
    add("stripe_secret_key", c, "STRIPE_SECRET_KEY", lambda g: "sk_live_51" + g.s(ALNUM, 97))
    add("stripe_restricted_key", c, "STRIPE_RESTRICTED_KEY", lambda g: "rk_live_51" + g.s(ALNUM, 97))
    add("stripe_webhook_secret", c, "STRIPE_WEBHOOK_SECRET", lambda g: "whsec_" + g.s(ALNUM, 32))
    add("square_access_token", c, "SQUARE_ACCESS_TOKEN", lambda g: "EAAA" + g.s(ALNUM + "-_", 60))
    add("square_oauth_secret", c, "SQUARE_APPLICATION_SECRET", lambda g: "sq0csp-" + g.s(ALNUM + "-_", 43))
    add("square_legacy_token", c, "SQUARE_TOKEN", lambda g: "sq0atp-" + g.s(ALNUM + "-_", 22))
    for p, var in (("shpat_", "SHOPIFY_ACCESS_TOKEN"), ("shpss_", "SHOPIFY_SHARED_SECRET"),
                   ("shpca_", "SHOPIFY_CUSTOM_APP_TOKEN"), ("shppa_", "SHOPIFY_PRIVATE_APP_PASSWORD")):
        add("shopify_" + p.rstrip("_"), c, var, (lambda p: lambda g: p + g.hex(32))(p))
    add("braintree_access_token", c, "BRAINTREE_ACCESS_TOKEN",
        lambda g: "access_token$production$%s$%s" % (g.s(LOWER + DIGITS, 16), g.hex(32)))
    add("paystack_secret_key", c, "PAYSTACK_SECRET_KEY", lambda g: "sk_live_" + g.hex(40))
    add("flutterwave_secret_key", c, "FLW_SECRET_KEY", lambda g: "FLWSECK-" + g.hex(32) + "-X")
    add("gocardless_token", c, "GOCARDLESS_ACCESS_TOKEN", lambda g: "live_" + g.s(ALNUM + "-_", 40))
    add("plaid_access_token", c, "PLAID_ACCESS_TOKEN", lambda g: "access-production-" + g.uuid())
    add("paypal_client_secret", c, "PAYPAL_CLIENT_SECRET", lambda g: "E" + g.s(ALNUM + "-_", 79))
    add("razorpay_key_secret", c, "RAZORPAY_KEY_SECRET", lambda g: g.s(ALNUM, 24))

    # ---------------- AI ----------------------------------------------------
    c = "AI"
    # OpenAI keys embed "T3BlbkFJ" (base64 of "OpenAI") in the middle.
    add("openai_project_key", c, "OPENAI_API_KEY",
        lambda g: "sk-proj-" + g.s(ALNUM + "-_", 74) + "T3BlbkFJ" + g.s(ALNUM + "-_", 74))
    add("openai_service_account_key", c, "OPENAI_API_KEY",
        lambda g: "sk-svcacct-" + g.s(ALNUM + "-_", 74) + "T3BlbkFJ" + g.s(ALNUM + "-_", 74))
    add("openai_admin_key", c, "OPENAI_ADMIN_KEY",
        lambda g: "sk-admin-" + g.s(ALNUM + "-_", 58) + "T3BlbkFJ" + g.s(ALNUM + "-_", 58))
    add("openai_legacy_key", c, "OPENAI_KEY", lambda g: "sk-" + g.s(ALNUM, 20) + "T3BlbkFJ" + g.s(ALNUM, 20))
    add("anthropic_api_key", c, "ANTHROPIC_API_KEY", lambda g: "sk-ant-api03-" + g.s(ALNUM + "-_", 93) + "AA")
    add("anthropic_admin_key", c, "ANTHROPIC_ADMIN_KEY", lambda g: "sk-ant-admin01-" + g.s(ALNUM + "-_", 93) + "AA")
    add("huggingface_token", c, "HF_TOKEN", lambda g: "hf_" + g.s(ALPHA, 34))
    add("huggingface_org_token", c, "HUGGINGFACE_ORG_TOKEN", lambda g: "api_org_" + g.s(ALPHA, 34))
    add("cohere_api_key", c, "COHERE_API_KEY", lambda g: g.s(ALNUM, 40))
    add("replicate_token", c, "REPLICATE_API_TOKEN", lambda g: "r8_" + g.s(ALNUM, 37))
    add("groq_api_key", c, "GROQ_API_KEY", lambda g: "gsk_" + g.s(ALNUM, 52))
    add("mistral_api_key", c, "MISTRAL_API_KEY", lambda g: g.s(ALNUM, 32))
    add("perplexity_api_key", c, "PERPLEXITY_API_KEY", lambda g: "pplx-" + g.s(ALNUM, 48))
    add("xai_api_key", c, "XAI_API_KEY", lambda g: "xai-" + g.s(ALNUM, 80))
    add("langsmith_pat", c, "LANGSMITH_API_KEY", lambda g: "lsv2_pt_" + g.hex(32) + "_" + g.hex(10))
    add("langsmith_service_key", c, "LANGCHAIN_API_KEY", lambda g: "lsv2_sk_" + g.hex(32) + "_" + g.hex(10))
    add("pinecone_api_key", c, "PINECONE_API_KEY", lambda g: "pcsk_" + g.s(ALNUM, 5) + "_" + g.s(ALNUM, 63))
    add("openrouter_api_key", c, "OPENROUTER_API_KEY", lambda g: "sk-or-v1-" + g.hex(64))
    add("wandb_api_key", c, "WANDB_API_KEY", lambda g: g.hex(40))
    add("azure_openai_key", c, "AZURE_OPENAI_API_KEY", lambda g: g.hex(32))
    add("nvidia_api_key", c, "NVIDIA_API_KEY", lambda g: "nvapi-" + g.s(ALNUM + "-_", 64))

    # ---------------- observability -----------------------------------------
    c = "observability"
    add("datadog_api_key", c, "DD_API_KEY", lambda g: g.hex(32))
    add("datadog_app_key", c, "DD_APP_KEY", lambda g: g.hex(40))
    add("newrelic_user_key", c, "NEW_RELIC_API_KEY", lambda g: "NRAK-" + g.s(ALNUM_UPPER, 27))
    add("newrelic_insert_key", c, "NEW_RELIC_INSERT_KEY", lambda g: "NRII-" + g.s(ALNUM + "-_", 32))
    add("newrelic_license_key", c, "NEW_RELIC_LICENSE_KEY", lambda g: g.hex(36) + "NRAL")

    def sentry_org(g):
        payload = {"iat": 1700000000 + g.randint(0, 10**7), "url": "https://sentry.io",
                   "region_url": "https://us.sentry.io", "org": "acme-%s" % g.word()}
        return "sntrys_" + _json_b64(payload).rstrip("=") + "_" + g.s(ALNUM + "+/", 43)
    add("sentry_org_token", c, "SENTRY_AUTH_TOKEN", sentry_org)
    add("sentry_user_token", c, "SENTRY_USER_TOKEN", lambda g: "sntryu_" + g.hex(64))

    def grafana_cloud(g):
        payload = {"o": str(g.randint(10**5, 10**6)), "n": "stack-%d-hm-read" % g.randint(100000, 999999),
                   "k": g.s(ALNUM, 24), "m": {"r": g.choice(["prod-us-east-0", "prod-eu-west-2"])}}
        return "glc_" + _json_b64(payload)
    add("grafana_cloud_token", c, "GRAFANA_CLOUD_TOKEN", grafana_cloud)
    add("grafana_service_account_token", c, "GRAFANA_SA_TOKEN", lambda g: grafana_token(g.s(ALNUM, 32)))
    add("grafana_api_key_legacy", c, "GRAFANA_API_KEY",
        lambda g: _json_b64({"k": g.s(ALNUM, 32), "n": "ci-%s" % g.word(), "id": g.randint(1, 9)}))
    add("dynatrace_token", c, "DT_API_TOKEN",
        lambda g: "dt0c01." + g.s(ALNUM_UPPER, 24) + "." + g.s(ALNUM_UPPER, 64))
    add("pagerduty_token", c, "PAGERDUTY_TOKEN", lambda g: "u+" + g.s(ALNUM + "-_", 18))
    add("honeycomb_ingest_key", c, "HONEYCOMB_API_KEY", lambda g: "hcaik_01" + g.s(LOWER + DIGITS, 56))
    add("splunk_hec_token", c, "SPLUNK_HEC_TOKEN", lambda g: g.uuid())
    add("rollbar_token", c, "ROLLBAR_ACCESS_TOKEN", lambda g: g.hex(32))
    add("honeybadger_pat", c, "HONEYBADGER_PERSONAL_TOKEN", lambda g: "hbp_" + g.s(ALNUM, 36))
    add("axiom_token", c, "AXIOM_TOKEN", lambda g: "xaat-" + g.uuid())
    add("posthog_personal_key", c, "POSTHOG_PERSONAL_API_KEY", lambda g: "phx_" + g.s(ALNUM, 47))
    add("bugsnag_api_key", c, "BUGSNAG_API_KEY", lambda g: g.hex(32))

    # ---------------- identity / secrets managers ---------------------------
    c = "identity/secrets managers"
    add("okta_api_token", c, "OKTA_API_TOKEN", lambda g: "00" + g.s(ALNUM + "-_", 40))
    add("auth0_client_secret", c, "AUTH0_CLIENT_SECRET", lambda g: g.s(ALNUM + "-_", 64))

    def onepassword_sa(g):
        payload = {"signInAddress": "acme.1password.com",
                   "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000,
                                "salt": b64url(g.bytes(16))},
                   "email": "%s@1passwordserviceaccounts.com" % g.s(LOWER + DIGITS, 13),
                   "srpX": g.hex(64),
                   "muk": {"alg": "A256GCM", "ext": True, "k": b64url(g.bytes(32)),
                           "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"},
                   "secretKey": "A3-%s-%s-%s-%s-%s-%s" % (g.s(ALNUM_UPPER, 6), g.s(ALNUM_UPPER, 6),
                                                          g.s(ALNUM_UPPER, 5), g.s(ALNUM_UPPER, 5),
                                                          g.s(ALNUM_UPPER, 5), g.s(ALNUM_UPPER, 5)),
                   "throttleSecret": {"seed": g.hex(64), "uuid": g.s(ALNUM_UPPER, 26)},
                   "deviceUuid": g.s(LOWER + DIGITS, 26)}
        return "ops_" + b64url(json.dumps(payload, separators=(",", ":")).encode())
    add("onepassword_service_account", c, "OP_SERVICE_ACCOUNT_TOKEN", onepassword_sa)
    add("onepassword_secret_key", c, "OP_SECRET_KEY",
        lambda g: "A3-%s-%s-%s-%s-%s-%s" % (g.s(ALNUM_UPPER, 6), g.s(ALNUM_UPPER, 6), g.s(ALNUM_UPPER, 5),
                                            g.s(ALNUM_UPPER, 5), g.s(ALNUM_UPPER, 5), g.s(ALNUM_UPPER, 5)))
    add("doppler_personal_token", c, "DOPPLER_TOKEN", lambda g: "dp.pt." + g.s(ALNUM, 43))
    add("doppler_service_token", c, "DOPPLER_SERVICE_TOKEN", lambda g: "dp.st.prd." + g.s(ALNUM, 43))
    add("doppler_cli_token", c, "DOPPLER_CLI_TOKEN", lambda g: "dp.ct." + g.s(ALNUM, 43))
    add("doppler_scim_token", c, "DOPPLER_SCIM_TOKEN", lambda g: "dp.scim." + g.s(ALNUM, 43))
    # Vault >= 1.10 service tokens: "hvs." + base64url protobuf starting "CAES".
    add("vault_service_token", c, "VAULT_TOKEN", lambda g: "hvs.CAESI" + g.s(ALNUM + "-_", 86))
    add("vault_service_token_short", c, "VAULT_TOKEN", lambda g: "hvs." + g.s(ALNUM, 24))
    add("vault_batch_token", c, "VAULT_BATCH_TOKEN", lambda g: "hvb.AAAAAQ" + g.s(ALNUM + "-_", 130))
    add("vault_legacy_token", c, "VAULT_TOKEN", lambda g: "s." + g.s(ALNUM, 24))
    add("jwt_hs256", c, "SESSION_JWT", lambda g: jwt(g, "HS256"))
    add("jwt_rs256", c, "ID_TOKEN", lambda g: jwt(g, "RS256", sig_bytes=256))
    add("supabase_service_role_jwt", c, "SUPABASE_SERVICE_ROLE_KEY",
        lambda g: jwt(g, "HS256", {"iss": "supabase", "ref": g.s(LOWER, 20), "role": "service_role",
                                   "iat": 1700000000 + g.randint(0, 10**6)}))
    add("keycloak_client_secret", c, "KEYCLOAK_CLIENT_SECRET", lambda g: g.s(ALNUM, 32))
    add("kubeconfig_token", c, None, None, block=True)

    # ---------------- data --------------------------------------------------
    c = "data"
    add("mongodb_srv_uri", c, "MONGODB_URI",
        lambda g: "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority"
        % (g.user(), conn_password(g), g.s(LOWER + DIGITS, 5), g.word()))
    add("mongodb_uri", c, "MONGO_URL",
        lambda g: "mongodb://%s:%s@%s:27017/%s?authSource=admin" % (g.user(), conn_password(g), g.host(), g.word()))
    add("postgres_uri", c, "DATABASE_URL",
        lambda g: "postgresql://%s:%s@%s:5432/%s" % (g.user(), conn_password(g), g.host(), g.word()))
    add("mysql_uri", c, "MYSQL_URL",
        lambda g: "mysql://%s:%s@%s:3306/%s" % (g.user(), conn_password(g), g.host(), g.word()))
    add("redis_uri", c, "REDIS_URL", lambda g: "redis://default:%s@%s:6379/0" % (conn_password(g), g.host()))
    add("rediss_uri", c, "CACHE_URL", lambda g: "rediss://:%s@%s:6380" % (conn_password(g), g.host("cache.windows.net")))
    add("amqp_uri", c, "BROKER_URL", lambda g: "amqp://%s:%s@%s:5672/%s" % (g.user(), conn_password(g), g.host(), g.word()))
    add("sqlserver_connection_string", c, "SQL_CONNECTION_STRING",
        lambda g: "Server=tcp:acme-%s.database.windows.net,1433;Initial Catalog=%s;User ID=%s;Password=%s;Encrypt=True;"
        % (g.s(LOWER, 6), g.word(), g.user(), conn_password(g)))
    add("jdbc_postgres_password", c, "JDBC_URL",
        lambda g: "jdbc:postgresql://%s:5432/%s?user=%s&password=%s" % (g.host(), g.word(), g.user(), conn_password(g)))
    add("jdbc_mysql_password", c, "JDBC_URL",
        lambda g: "jdbc:mysql://%s:3306/%s?user=%s&password=%s&useSSL=true" % (g.host(), g.word(), g.user(), conn_password(g)))
    add("jdbc_sqlserver_password", c, "JDBC_URL",
        lambda g: "jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=%s;" % (g.host(), g.word(), g.user(), conn_password(g)))
    add("jdbc_oracle_password", c, "ORACLE_URL",
        lambda g: "jdbc:oracle:thin:%s/%s@%s:1521/ORCLPDB1" % (g.user(), conn_password(g), g.host()))
    add("snowflake_uri", c, "SNOWFLAKE_URL",
        lambda g: "snowflake://%s:%s@acme-%s/analytics/public?warehouse=compute_wh" % (g.user(), conn_password(g), g.s(LOWER, 7)))
    add("neo4j_uri", c, "NEO4J_URI", lambda g: "neo4j+s://neo4j:%s@%s.databases.neo4j.io" % (conn_password(g), g.hex(8)))
    add("clickhouse_uri", c, "CLICKHOUSE_URL", lambda g: "https://%s:%s@%s:8443" % (g.user(), conn_password(g), g.host()))
    add("elasticsearch_uri", c, "ELASTICSEARCH_URL", lambda g: "https://elastic:%s@%s:9200" % (conn_password(g), g.host()))
    add("url_basic_auth", c, "UPSTREAM_URL", lambda g: "https://%s:%s@%s/v2/" % (g.user(), conn_password(g), g.host("acme-corp.io")))
    add("ftp_uri", c, "FTP_URL", lambda g: "ftp://%s:%s@files.acme-corp.net/outbound" % (g.user(), conn_password(g)))
    add("smtp_uri", c, "EMAIL_URL", lambda g: "smtp://%s:%s@smtp.acme-corp.net:587" % (g.user(), conn_password(g)))
    add("databricks_token", c, "DATABRICKS_TOKEN", lambda g: "dapi" + g.hex(32))
    add("supabase_pat", c, "SUPABASE_ACCESS_TOKEN", lambda g: "sbp_" + g.hex(40))
    add("planetscale_password", c, "PLANETSCALE_PASSWORD", lambda g: "pscale_pw_" + g.s(ALNUM + "-_", 43))
    add("planetscale_token", c, "PLANETSCALE_SERVICE_TOKEN", lambda g: "pscale_tkn_" + g.s(ALNUM + "-_", 43))
    add("planetscale_oauth", c, "PLANETSCALE_OAUTH_TOKEN", lambda g: "pscale_oauth_" + g.s(ALNUM + "-_", 43))
    add("influxdb_token", c, "INFLUX_TOKEN", lambda g: b64(g.bytes(64)).rstrip("=") + "==")
    add("algolia_admin_key", c, "ALGOLIA_ADMIN_API_KEY", lambda g: g.hex(32))
    add("pgpass_entry", c, None, None, block=True)

    # ---------------- collaboration -----------------------------------------
    c = "collaboration"
    add("atlassian_api_token", c, "JIRA_API_TOKEN",
        lambda g: "ATATT3xFfGF0" + g.s(ALNUM + "-_", 171) + "=" + g.hex(8).upper())
    add("notion_secret", c, "NOTION_TOKEN", lambda g: "secret_" + g.s(ALNUM, 43))
    add("notion_ntn_token", c, "NOTION_API_KEY", lambda g: "ntn_" + g.digits(11) + g.s(ALNUM, 35))
    add("linear_api_key", c, "LINEAR_API_KEY", lambda g: "lin_api_" + g.s(ALNUM, 40))
    add("linear_oauth_token", c, "LINEAR_OAUTH_TOKEN", lambda g: "lin_oauth_" + g.hex(64))
    add("airtable_pat", c, "AIRTABLE_API_KEY", lambda g: "pat" + g.s(ALNUM, 14) + "." + g.hex(64))
    add("asana_pat", c, "ASANA_ACCESS_TOKEN", lambda g: "2/%s/%s:%s" % (g.digits(16), g.digits(16), g.hex(32)))
    add("hubspot_pat", c, "HUBSPOT_ACCESS_TOKEN", lambda g: "pat-na1-" + g.uuid())
    add("hubspot_pat_eu", c, "HUBSPOT_TOKEN", lambda g: "pat-eu1-" + g.uuid())
    add("figma_pat", c, "FIGMA_TOKEN", lambda g: "figd_" + g.s(ALNUM + "-_", 40))
    add("dropbox_token", c, "DROPBOX_ACCESS_TOKEN", lambda g: "sl." + g.s(ALNUM + "-_", 135))
    add("clickup_token", c, "CLICKUP_API_TOKEN", lambda g: "pk_%s_%s" % (g.digits(8), g.s(ALNUM_UPPER, 32)))
    add("typeform_token", c, "TYPEFORM_TOKEN", lambda g: "tfp_" + g.s(ALNUM, 44) + "_" + g.s(ALNUM, 14))
    add("contentful_pat", c, "CONTENTFUL_MANAGEMENT_TOKEN", lambda g: "CFPAT-" + g.s(ALNUM + "-_", 43))
    add("postman_api_key", c, "POSTMAN_API_KEY", lambda g: "PMAK-" + g.hex(24) + "-" + g.hex(34))
    add("launchdarkly_api_key", c, "LAUNCHDARKLY_ACCESS_TOKEN", lambda g: "api-" + g.uuid())
    add("mapbox_secret_token", c, "MAPBOX_SECRET_TOKEN",
        lambda g: "sk." + _json_b64({"u": "acme-%s" % g.word(), "a": g.s(LOWER + DIGITS, 25)}).rstrip("=")
        + "." + g.s(ALNUM + "-_", 22))
    add("twitter_bearer_token", c, "TWITTER_BEARER_TOKEN", lambda g: "A" * 22 + g.s(ALNUM + "%", 90))
    add("trello_token", c, "TRELLO_TOKEN", lambda g: "ATTA" + g.hex(64) + g.hex(8).upper())
    add("frameio_token", c, "FRAMEIO_TOKEN", lambda g: "fio-u-" + g.s(ALNUM + "-_", 64))
    add("zendesk_api_token", c, "ZENDESK_API_TOKEN", lambda g: g.s(ALNUM, 40))

    # ---------------- key material ------------------------------------------
    c = "key material"
    km = keys
    add("rsa_private_key_pkcs1", c, "DEPLOY_KEY", lambda g: pem_lines(
        km.openssl_key("rsa_pkcs1_%d.pem" % g.randint(0, 2), ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"], traditional=True)),
        block=True)
    add("ec_private_key_sec1", c, "SIGNING_KEY", lambda g: pem_lines(
        km.openssl_key("ec_sec1_%d.pem" % g.randint(0, 2), ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], traditional=True)),
        block=True)
    add("pkcs8_private_key_rsa", c, "TLS_KEY", lambda g: pem_lines(
        km.openssl_key("rsa_pkcs8_%d.pem" % g.randint(0, 2), ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])),
        block=True)
    add("pkcs8_private_key_ed25519", c, "ED25519_KEY", lambda g: pem_lines(
        km.openssl_key("ed25519_pkcs8_%d.pem" % g.randint(0, 2), ["-algorithm", "ED25519"])), block=True)
    add("pkcs8_encrypted_private_key", c, "ENCRYPTED_KEY", lambda g: pem_lines(
        km.openssl_key("ec_pkcs8_enc_%d.pem" % g.randint(0, 2), ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
                       encrypt=True)), block=True)
    add("dsa_private_key", c, "DSA_KEY", lambda g: pem_lines(
        km.openssl_key("dsa_%d.pem" % g.randint(0, 1), ["-paramfile", km.dsa_params()], traditional=True)),
        block=True)
    add("openssh_private_key_ed25519", c, "SSH_PRIVATE_KEY", lambda g: pem_lines(
        km.ssh_key("id_ed25519_%d" % g.randint(0, 2), "ed25519")), block=True)
    add("openssh_private_key_rsa", c, "SSH_PRIVATE_KEY", lambda g: pem_lines(
        km.ssh_key("id_rsa_%d" % g.randint(0, 1), "rsa")), block=True)
    add("openssh_private_key_encrypted", c, "SSH_PRIVATE_KEY", lambda g: pem_lines(
        km.ssh_key("id_ecdsa_enc_%d" % g.randint(0, 1), "ecdsa", passphrase="correct-horse-battery")), block=True)
    add("pgp_private_key", c, "GPG_PRIVATE_KEY", lambda g: pgp_or_fake(g, km), block=True)
    add("putty_ppk", c, None, lambda g: putty_ppk(g), block=True)
    add("age_secret_key", c, "SOPS_AGE_KEY",
        lambda g: bech32_encode("AGE-SECRET-KEY-", g.bytes(32)).upper())
    add("nostr_nsec", c, "NOSTR_PRIVATE_KEY", lambda g: bech32_encode("nsec", g.bytes(32)))
    add("wireguard_private_key", c, None, None, block=True)
    add("gcp_service_account_json", "cloud", None, None, block=True)

    # ---------------- generic credentials -----------------------------------
    c = "generic credentials"
    for lang in ("py", "js", "ts", "go", "java", "rb", "swift", "yaml", "json", "toml", "env",
                 "properties", "xml", "dockerfile", "tf", "sh", "k8s"):
        add("generic_password_" + lang, c, "DB_PASSWORD", lambda g: g.password(), langs=[lang])
    add("django_secret_key", c, "SECRET_KEY",
        lambda g: "django-insecure-" + g.s(LOWER + DIGITS + "!@#%^*(-_=+)", 50), langs=["py"])
    add("flask_secret_key", c, "SECRET_KEY", lambda g: g.hex(48), langs=["py", "env"])
    add("rails_secret_key_base", c, "SECRET_KEY_BASE", lambda g: g.hex(128), langs=["rb", "yaml", "env"])
    add("generic_api_key", c, "API_KEY", lambda g: g.s(ALNUM, 32))
    add("generic_client_secret", c, "CLIENT_SECRET", lambda g: g.s(ALNUM + "-_", 40))
    add("generic_access_token", c, "ACCESS_TOKEN", lambda g: g.s(ALNUM, 48))
    add("generic_encryption_key", c, "ENCRYPTION_KEY", lambda g: b64(g.bytes(32)))
    add("basic_auth_header", c, None, None, block=True)
    add("bearer_token_curl", c, None, None, block=True)
    add("netrc_password", c, None, None, block=True)
    add("git_credentials", c, None, None, block=True)
    add("spring_datasource_password", c, "spring.datasource.password", lambda g: g.password(), langs=["properties"])
    add("compose_postgres_password", c, None, None, block=True)
    add("k8s_secret_stringdata", c, None, None, block=True)
    add("k8s_secret_data_b64", c, None, None, block=True)
    add("ini_password", c, None, None, block=True)
    return K


def dsa_params_mixin():
    def dsa_params(self):
        path = os.path.join(self.dir, "dsa_params.pem")
        if not os.path.exists(path):
            self._run("openssl", "genpkey", "-genparam", "-algorithm", "DSA",
                      "-pkeyopt", "dsa_paramgen_bits:2048", "-out", path)
        return path
    KeyMaterial.dsa_params = dsa_params


dsa_params_mixin()


def pgp_or_fake(g, km):
    text = km.pgp("pgp_release.asc")
    if text:
        return pem_lines(text)
    # Fallback: armour of random bytes with a CRC-24 line (fake, right shape).
    body = b64(g.bytes(900))
    return (["-----BEGIN PGP PRIVATE KEY BLOCK-----", ""] + [body[i:i + 64] for i in range(0, len(body), 64)]
            + ["=" + b64(g.bytes(3)), "-----END PGP PRIVATE KEY BLOCK-----"])


def putty_ppk(g):
    """PuTTY key file v3, unencrypted ed25519: the public blob is the SSH
    wire encoding (string "ssh-ed25519", string pubkey); the private blob is
    string(seed).  The MAC is random (fake key, right shape)."""
    def sshstr(b):
        return len(b).to_bytes(4, "big") + b
    pub = b64(sshstr(b"ssh-ed25519") + sshstr(g.bytes(32)))
    priv = b64(sshstr(g.bytes(32)))
    return ["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none",
            "Comment: ed25519-key-20240312", "Public-Lines: 2", pub[:64], pub[64:],
            "Private-Lines: 1", priv, "Private-MAC: " + g.hex(64)]


# ---------------------------------------------------------------------------
# Special positive kinds: a whole small file, or a fixed multi-line snippet.
# Each returns a dict: file (dedicated path, relative) or lang (embedded in a
# host file of that language), lines, off/end (0-based first and last line
# of the secret inside `lines`), value (the secret itself).
# ---------------------------------------------------------------------------

def special(name, g, keys):
    pw = g.password()
    if name == "docker_config_auth":
        auth = b64(("%s:%s" % (g.user(), pw)).encode())
        lines = ['{', '  "auths": {', '    "registry.acme-corp.io": {', '      "auth": "%s"' % auth,
                 '    }', '  },', '  "credsStore": ""', '}']
        return dict(file="deploy/docker/config.json", lines=lines, off=3, end=3, value=auth)
    if name == "npmrc_auth_token":
        tok = github_token(g, "npm_")
        lines = ["registry=https://registry.npmjs.org/", "//registry.npmjs.org/:_authToken=" + tok,
                 "save-exact=true", "fund=false"]
        return dict(file="web/.npmrc", lines=lines, off=1, end=1, value=tok)
    if name == "pypirc_password":
        tok = pypi_token(g)
        lines = ["[distutils]", "index-servers =", "    pypi", "", "[pypi]", "username = __token__",
                 "password = " + tok]
        return dict(file="tools/release/.pypirc", lines=lines, off=6, end=6, value=tok)
    if name == "maven_settings_password":
        lines = ['<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">', "  <servers>", "    <server>",
                 "      <id>acme-releases</id>", "      <username>deploy</username>",
                 "      <password>%s</password>" % pw, "    </server>", "  </servers>", "</settings>"]
        return dict(file="backend/.mvn/settings.xml", lines=lines, off=5, end=5, value=pw)
    if name == "twilio_api_key":
        sid, secret = "SK" + g.hex(32), g.s(ALNUM, 32)
        return dict(lang="env", lines=["TWILIO_API_KEY=" + sid, "TWILIO_API_SECRET=" + secret],
                    off=0, end=1, value=secret)
    if name == "twilio_auth_token":
        sid, tok = "AC" + g.hex(32), g.hex(32)
        return dict(lang="py", lines=['TWILIO_ACCOUNT_SID = "%s"' % sid, 'TWILIO_AUTH_TOKEN = "%s"' % tok],
                    off=0, end=1, value=tok)
    if name == "kubeconfig_token":
        tok = g.s(LOWER + DIGITS, 6) + "." + g.s(LOWER + DIGITS, 16)     # bootstrap-token shape
        sa = jwt(g, "RS256", {"iss": "kubernetes/serviceaccount",
                              "kubernetes.io/serviceaccount/namespace": "ci",
                              "sub": "system:serviceaccount:ci:deployer"}, sig_bytes=256)
        tok = sa
        lines = ["apiVersion: v1", "kind: Config", "clusters:", "- cluster:",
                 "    server: https://k8s.acme-corp.net:6443", "  name: prod", "contexts:",
                 "- context:", "    cluster: prod", "    user: deployer", "  name: prod",
                 "current-context: prod", "users:", "- name: deployer", "  user:", "    token: " + tok]
        return dict(file="deploy/kubeconfig-ci.yaml", lines=lines, off=15, end=15, value=tok)
    if name == "pgpass_entry":
        line = "%s:5432:%s:%s:%s" % (g.host(), g.word(), g.user(), pw)
        return dict(file="ops/.pgpass", lines=["# hostname:port:database:username:password", line],
                    off=1, end=1, value=pw)
    if name == "wireguard_private_key":
        k = b64(g.bytes(32))
        # (the peer's public key lives in ops/vpn/peer.pub, a labelled negative)
        lines = ["[Interface]", "Address = 10.8.0.2/24", "PrivateKey = " + k, "DNS = 10.8.0.1", "",
                 "[Peer]", "Endpoint = vpn.acme-corp.net:51820", "AllowedIPs = 10.8.0.0/16"]
        return dict(file="ops/vpn/wg0.conf", lines=lines, off=2, end=2, value=k)
    if name == "gcp_service_account_json":
        pem = keys.openssl_key("rsa_pkcs8_%d.pem" % g.randint(0, 2),
                               ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
        proj = "acme-%s-%d" % (g.word(), g.randint(100000, 999999))
        doc_lines = [
            '{', '  "type": "service_account",', '  "project_id": "%s",' % proj,
            '  "private_key_id": "%s",' % g.hex(40),
            '  "private_key": %s,' % json.dumps(pem),
            '  "client_email": "deployer@%s.iam.gserviceaccount.com",' % proj,
            '  "client_id": "%s",' % g.digits(21),
            '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
            '  "token_uri": "https://oauth2.googleapis.com/token",',
            '  "universe_domain": "googleapis.com"', '}']
        return dict(file="deploy/gcp/%s-sa.json" % g.word(), lines=doc_lines, off=3, end=4,
                    value=pem)
    if name == "basic_auth_header":
        cred = b64(("%s:%s" % (g.user(), pw)).encode())
        return dict(lang="sh", lines=['curl -fsS -H "Authorization: Basic %s" \\' % cred,
                                      '  https://api.acme-corp.net/v1/exports'], off=0, end=0, value=cred)
    if name == "bearer_token_curl":
        tok = g.s(ALNUM, 40)
        return dict(lang="sh", lines=['curl -fsS -H "Authorization: Bearer %s" \\' % tok,
                                      '  https://api.acme-corp.net/v1/reports'], off=0, end=0, value=tok)
    if name == "netrc_password":
        return dict(file="ops/.netrc", lines=["machine api.acme-corp.net", "  login deploy",
                                              "  password " + pw], off=2, end=2, value=pw)
    if name == "git_credentials":
        u = "https://%s:%s@git.acme-corp.net" % (g.user(), pw)
        return dict(file="ops/.git-credentials", lines=[u], off=0, end=0, value=pw)
    if name == "compose_postgres_password":
        lines = ["services:", "  db:", "    image: postgres:16", "    environment:",
                 "      POSTGRES_USER: app", "      POSTGRES_PASSWORD: " + pw, "    ports:",
                 '      - "5432:5432"']
        return dict(file="docker-compose.%s.yml" % g.word(), lines=lines, off=5, end=5, value=pw)
    if name == "k8s_secret_stringdata":
        # `kind: Secret` right after the data: rules that match the whole
        # manifest then start within one line of the value.
        lines = ["apiVersion: v1", "metadata:", "  name: %s-db" % g.word(),
                 "type: Opaque", "stringData:", "  username: app", "  password: " + pw, "kind: Secret"]
        return dict(file="k8s/secrets/%s-db.yaml" % g.word(), lines=lines, off=6, end=6, value=pw)
    if name == "k8s_secret_data_b64":
        enc = b64(pw.encode())
        lines = ["apiVersion: v1", "metadata:", "  name: %s-api" % g.word(),
                 "type: Opaque", "data:", "  api-password: " + enc, "kind: Secret"]
        return dict(file="k8s/secrets/%s-api.yaml" % g.word(), lines=lines, off=5, end=5, value=enc)
    if name == "ini_password":
        lines = ["[client]", "user = reporting", "password = " + pw, "host = %s" % g.host(), "port = 3306"]
        return dict(file="ops/mysql/my.cnf", lines=lines, off=2, end=2, value=pw)
    raise KeyError(name)


# ---------------------------------------------------------------------------
# Hard negatives.  Each generator returns (var, literal) for an assignment,
# or a dict like `special` (lang or file, lines, off, end, value).
# ---------------------------------------------------------------------------

DOC_EXAMPLES = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
    ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("AWS_ACCESS_KEY_ID", "AKIAI44QH8DHBEXAMPLE"),
    ("AWS_SECRET_ACCESS_KEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
    ("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE"),
    ("STRIPE_API_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
    ("STRIPE_PUBLISHABLE_KEY", "pk_test_TYooMQauvdEDq54NiTphI7jx"),
    ("SLACK_BOT_TOKEN", "xoxb-not-a-real-token-this-will-not-work"),
    ("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    ("AZURE_STORAGE_CONNECTION_STRING",
     "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"),
    ("TWILIO_ACCOUNT_SID", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    ("ID_TOKEN", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
    ("GOOGLE_MAPS_API_KEY", "YOUR_API_KEY"),
    ("DATABASE_URL", "postgres://USER:PASSWORD@HOST:5432/DATABASE"),
]

PLACEHOLDERS = [
    ("API_TOKEN", "${TOKEN}"), ("DB_PASSWORD", "{{ .Values.db.password }}"), ("API_KEY", "<your-key>"),
    ("CLIENT_SECRET", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), ("ADMIN_PASSWORD", "changeme"),
    ("OPENAI_API_KEY", "sk-..."), ("GITHUB_TOKEN", "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    ("STRIPE_SECRET_KEY", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"), ("SECRET_KEY", "REPLACE_ME"),
    ("DB_PASSWORD", "<PASSWORD>"), ("API_KEY", "********"), ("AUTH_TOKEN", "%(auth_token)s"),
    ("PASSWORD", "your_password_here"), ("SLACK_TOKEN", "xoxb-your-token"),
    ("WEBHOOK_SECRET", "{{ webhook_secret }}"), ("ACCESS_KEY", "<REDACTED>"),
    ("DB_PASSWORD", "password"), ("SENDGRID_API_KEY", "SG.xxxxxxxx.yyyyyyyy"),
    ("MONGO_URL", "mongodb://<username>:<password>@localhost:27017"), ("TOKEN", "__TOKEN__"),
]

TRUNCATED_KEYS = [
    ["-----BEGIN RSA PRIVATE KEY-----", "MIIE...", "-----END RSA PRIVATE KEY-----"],
    ["-----BEGIN PRIVATE KEY-----", "<redacted>", "-----END PRIVATE KEY-----"],
    ["-----BEGIN OPENSSH PRIVATE KEY-----", "...", "-----END OPENSSH PRIVATE KEY-----"],
    ["-----BEGIN EC PRIVATE KEY-----", "(paste your key here)", "-----END EC PRIVATE KEY-----"],
    ["-----BEGIN RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA...snip...", "-----END RSA PRIVATE KEY-----"],
    ["-----BEGIN PGP PRIVATE KEY BLOCK-----", "", "<your exported key>", "-----END PGP PRIVATE KEY BLOCK-----"],
    ["-----BEGIN ENCRYPTED PRIVATE KEY-----", "[...]", "-----END ENCRYPTED PRIVATE KEY-----"],
]


def bad_checksum_token(g, prefix):
    """Right shape, wrong CRC: the last 6 characters are not the base62
    CRC32 of the first 30 (re-drawn until they differ)."""
    body = g.s(ALNUM, 30)
    good = base62_crc32(body)
    while True:
        bad = g.s(ALNUM, 6)
        if bad != good:
            return prefix + body + bad


def png_data_uri(g, n):
    # A PNG signature + IHDR start, then random bytes: base64 "iVBORw0KGgo...".
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + g.bytes(n)
    return "data:image/png;base64," + b64(raw)


def minified_line(g, n=2500):
    """One long line of minified-looking JavaScript (no credentials)."""
    parts = []
    ids = [g.s(LOWER, 1) + g.s(ALNUM, g.randint(0, 2)) for _ in range(30)]
    while sum(map(len, parts)) < n:
        a, b, c = g.choice(ids), g.choice(ids), g.choice(ids)
        parts.append(g.choice([
            "function %s(%s,%s){return %s.call(this,%s)||%d}" % (a, b, c, b, c, g.randint(0, 999)),
            "var %s=%s(%d),%s=%s.n(%s);" % (a, b, g.randint(100, 99999), c, b, a),
            "%s.exports=function(%s){return\"%s\"+%s.toString(16)};" % (a, b, g.choice(WORDS), b),
            "if(!%s[%s])throw new Error(\"%s not found\");" % (a, b, g.choice(WORDS)),
            "%s[\"%s\"]=%s.map(function(%s){return %s.%s});" % (a, g.hex(8), b, c, c, g.choice(WORDS)),
            "}catch(%s){%s(%s)}" % (a, b, a),
            "const %s={id:%d,name:\"%s\",hash:\"%s\"};" % (a, g.randint(1, 9999), g.choice(WORDS), g.hex(20)),
        ]))
    return "".join(parts)
