#!/usr/bin/env python3
"""Helpers for scripts/bench: parse scanner reports, summarise runs, render tables.

Subcommands (all read/write plain files so bash stays the orchestrator):

  check KIND REPORT
      exit 0 if REPORT parses as a KIND report, else print the reason, exit 1.
  table RESULTS_DIR WORKLOAD
      print the plain-text table (and ratios) of one workload.
  markdown RESULTS_DIR OUT_MD
      write every workload's table plus metadata as markdown.
  determinism A.json B.json
      compare two keysweep JSON reports, ignoring scan.duration*; print
      "identical" or a diff.  Exit 0 identical, 1 different, 2 unreadable.
  git-info INFO_JSON MANIFEST history|precommit
      fill a git workload's info.json from its repository manifest (written
      by scripts/build-history-corpus): blob totals, planted manifest, paths
      relative to the repository, description.

Layout of RESULTS_DIR (written by scripts/bench):
  meta.json                      corpus, machine, versions, settings
  WORKLOAD/tools.tsv             tool, status, report kind, report path, command
  WORKLOAD/runs.tsv              tool, run, wall, user, sys, maxrss_kb, rc, other_cpu_s
  WORKLOAD/info.json             target (absolute), target_display, bytes, files, and
                                 optionally count_label, runs, cwd, wall_unit, throughput,
                                 planted_manifest, path_mode, planted_prefix, description
  determinism.txt                output of the determinism check, if run
"""

import difflib
import json
import os
import re
import statistics
import sys

# ---------------------------------------------------------------------------
# Report parsing: each kind -> list of (path, line) per reported location,
# plus the number of findings.
# ---------------------------------------------------------------------------

PATH_KEYS = ("path", "file", "File", "filename")
LINE_KEYS = ("line", "start_line", "startLine", "StartLine", "line_number")


COMMIT_KEYS = ("commit", "Commit", "sha")


def _loc_of(d, commit=None):
    """(path, line, commit) from a dict that has one of the usual key
    spellings; commit is None when the location has none (a folder scan)."""
    path = next((d[k] for k in PATH_KEYS if isinstance(d.get(k), str)), None)
    line = next((d[k] for k in LINE_KEYS if isinstance(d.get(k), int)), None)
    if commit is None:
        commit = next((d[k] for k in COMMIT_KEYS if isinstance(d.get(k), str) and d[k]), None)
    if path is None:
        return None
    return path, line, commit


def parse_keysweep(doc, with_parts=False):
    """keysweep: {"findings": [{"fingerprint", "rule", "locations": [...]}]}.

    Location spelling is not frozen yet, so accept path/file + line/start_line,
    possibly nested one level (e.g. {"location": {...}})."""
    findings = doc["findings"]
    locs = []
    for f in findings:
        raw = f.get("locations")
        if raw is None:
            raw = [f.get("location", f)]
        # A credential of several parts is one finding; the bench's planted count also takes its
        # parts' locations (an AWS key id found with its secret key is a part, not a finding).
        # scripts/eval counts findings per credential, so it leaves them out.
        if with_parts:
            raw = list(raw) + [loc for part in f.get("parts") or [] for loc in part.get("locations") or []]
        for loc in raw:
            if not isinstance(loc, dict):
                continue
            got = _loc_of(loc)
            if got is None:
                for v in loc.values():
                    if isinstance(v, dict) and _loc_of(v):
                        got = _loc_of(v)
                        break
            if got:
                locs.append(got)
    has_locations = any("locations" in f for f in findings)
    return len(findings), locs, has_locations


def parse_kingfisher(doc):
    """kingfisher --format json: {"findings": [{"rule": {...}, "finding": {"path", "line", ...}}],
    "metadata": {...}, "audit": {...}}.  One location per finding (it
    de-duplicates unless --no-dedup)."""
    findings = doc["findings"]
    locs = []
    for f in findings:
        fd = f.get("finding", {})
        commit = None
        try:
            commit = fd["git_metadata"]["commit"]["id"]
        except (KeyError, TypeError):
            pass
        got = _loc_of(fd, commit)
        if got:
            locs.append(got)
    return len(findings), locs, False


def parse_gitleaks(doc):
    """gitleaks 8.x --report-format json: a bare array of
    {"RuleID", "File", "StartLine", "EndLine", "Secret", ...}; one per occurrence."""
    locs = [(f["File"], f.get("StartLine"), f.get("Commit") or None) for f in doc]
    return len(doc), locs, False


def parse_betterleaks(doc):
    """betterleaks 2.x --output x.json: {"schema_version": "1", "findings":
    [{"rule_id", "match": {...}, "location": {"path", "start_line", ...}}], "scan": {...}}.
    Older gitleaks-style arrays are accepted too."""
    if isinstance(doc, list):
        return parse_gitleaks(doc)
    findings = doc["findings"]
    locs = []
    for f in findings:
        commit = (f.get("attributes") or {}).get("git.sha") or None
        got = _loc_of(f.get("location", {}), commit)
        if got:
            locs.append(got)
    return len(findings), locs, False


PARSERS = {
    "keysweep": parse_keysweep,
    "kingfisher": parse_kingfisher,
    "gitleaks": parse_gitleaks,
    "betterleaks": parse_betterleaks,
}


def load_report(kind, path, with_parts=False):
    with open(path, "rb") as fh:
        doc = json.load(fh)
    return parse_keysweep(doc, with_parts) if kind == "keysweep" else PARSERS[kind](doc)


def bytes_scanned(kind, report, stderr_path):
    """What the tool itself says it read, or None.  The tools differ in what
    they skip (binary files, duplicate blobs), so this is shown beside the
    corpus size.  gitleaks only logs it: "scanned ~N bytes (...) in Xs"."""
    try:
        if kind == "gitleaks":
            text = open(stderr_path, errors="replace").read()
            m = re.findall(r"scanned ~(\d+) bytes", text)
            return int(m[-1]) if m else None
        doc = json.load(open(report, "rb"))
        if kind == "keysweep":
            return doc.get("scan", {}).get("bytes")
        if kind == "kingfisher":
            return doc["metadata"]["summary"]["bytes_scanned"]
        if kind == "betterleaks":
            return doc["scan"]["bytes_scanned"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return None


# ---------------------------------------------------------------------------
# Planted-secret recall
# ---------------------------------------------------------------------------

def planted_where(item):
    """Where a planted secret of a git workload lives (None for a folder)."""
    if "at_head" not in item:
        return None
    if item["at_head"]:
        return "at HEAD of main"
    if item.get("deleted_in"):
        return "deleted from main (history only)"
    return "only on %s" % item.get("ref")


def planted_hits(locs, cwd, target, planted_path, path_mode="target", prefix="_planted/"):
    """Count planted secrets / look-alikes that some reported location points at.

    A planted item is hit when a location is in the same file and its line
    falls in the item's [line, end_line] (a PEM block spans several lines).
    path_mode "target": report paths are relative to CWD (a folder scan);
    "repo": they are paths inside the scanned repository (a git scan).
    In a git workload every planted path has a single version, so path and
    line identify it; the commit a tool reports is checked separately
    ("commit_ok": the location names the commit that added the secret)."""
    try:
        planted = json.load(open(planted_path))
    except (OSError, ValueError):
        return None
    by_file = {}
    tgt = os.path.realpath(target)
    for loc in locs:
        path, line = loc[0], loc[1]
        commit = loc[2] if len(loc) > 2 else None
        if path_mode == "archive" and "!" in path:
            # `dir/svc.zip!svc/.env` (or nested `dir/bundle.zip!svc.zip!svc/.env`): the file
            # the archive was made from, `dir/svc/.env`.
            outer, member = path.split("!", 1)[0], path.rsplit("!", 1)[1]
            absolute = os.path.normpath(os.path.join(cwd, outer))
            rel = os.path.normpath(os.path.join(os.path.dirname(os.path.relpath(os.path.realpath(absolute), tgt)), member))
        elif path_mode == "repo" and not os.path.isabs(path):
            rel = os.path.normpath(path)
        else:
            absolute = os.path.normpath(os.path.join(cwd, path))
            rel = os.path.relpath(os.path.realpath(absolute), tgt)
        by_file.setdefault(rel, []).append((line, commit))

    def count(items):
        hit, commit_ok, per_kind, per_where = 0, 0, {}, {}
        for it in items:
            found = [c for l, c in by_file.get(it["path"], ())
                     if l is not None and it["line"] <= l <= it["end_line"]]
            ok = bool(found)
            hit += ok
            commit_ok += ok and it.get("commit") is not None and it["commit"] in found
            k = per_kind.setdefault(it["kind"], [0, 0])
            k[0] += ok
            k[1] += 1
            where = planted_where(it)
            if where:
                w = per_where.setdefault(where, [0, 0])
                w[0] += ok
                w[1] += 1
        return hit, len(items), per_kind, per_where, commit_ok

    s_hit, s_tot, s_kind, s_where, s_commit = count(planted["planted"])
    d_hit, d_tot, d_kind, _, _ = count(planted["lookalikes"])
    planted_files = {it["path"] for it in planted["planted"] + planted["lookalikes"]}
    outside = sum(1 for rel in by_file
                  if rel not in planted_files and not (prefix and rel.startswith(prefix)))
    return {"hit": s_hit, "total": s_tot, "by_kind": s_kind, "by_where": s_where,
            "commit_ok": s_commit, "has_commits": any(it.get("commit") for it in planted["planted"]),
            "lookalike_hit": d_hit, "lookalike_total": d_tot, "lookalike_by_kind": d_kind,
            "files_outside_planted": outside, "prefix": prefix}


# ---------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------

def read_tsv(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path) as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line:
                rows.append(line.split("\t"))
    return rows


def workload_info(results_dir, workload):
    """WORKLOAD/info.json: target (absolute), target_display, bytes, files."""
    return json.load(open(os.path.join(results_dir, workload, "info.json")))


def summarise(results_dir, workload):
    meta = json.load(open(os.path.join(results_dir, "meta.json")))
    wdir = os.path.join(results_dir, workload)
    info = workload_info(results_dir, workload)
    target = info["target"]
    corpus_bytes = info.get("bytes") or 0
    cwd = info.get("cwd") or meta["cwd"]
    planted_manifest = info.get("planted_manifest") or meta["planted_manifest"]
    path_mode = info.get("path_mode", "target")
    prefix = info.get("planted_prefix", "_planted/")
    runs = {}
    for tool, run, wall, user, sys_, rss, rc, other in read_tsv(os.path.join(wdir, "runs.tsv")):
        runs.setdefault(tool, []).append({
            "run": int(run), "wall": float(wall), "cpu": float(user) + float(sys_),
            "rss_kb": int(rss), "rc": int(rc), "other_cpu": float(other)})
    out = []
    for tool, status, kind, report, command in read_tsv(os.path.join(wdir, "tools.tsv")):
        row = {"tool": tool, "status": status, "kind": kind, "report": report, "command": command,
               "runs": runs.get(tool, [])}
        r = row["runs"]
        if r and status == "ok":
            row["wall"] = statistics.median(x["wall"] for x in r)
            row["cpu"] = statistics.median(x["cpu"] for x in r)
            row["rss_mib"] = max(x["rss_kb"] for x in r) / 1024.0
            if info.get("throughput", True):
                row["mbps"] = corpus_bytes / row["wall"] / 1e6 if row["wall"] > 0 else float("inf")
        if status == "ok" and kind in PARSERS and report and os.path.exists(report):
            try:
                n, locs, has_locations = load_report(kind, report, with_parts=True)
                row["findings"] = n
                row["locations"] = len(locs) if has_locations or kind != "keysweep" else None
                row["planted"] = planted_hits(locs, cwd, target, planted_manifest, path_mode, prefix)
                last = max(x["run"] for x in r) if r else 1
                stderr_path = os.path.join(meta.get("logs_dir", os.path.join(meta["cwd"], "logs")), workload, "%s.run%d.err" % (tool, last))
                scanned = bytes_scanned(kind, report, stderr_path)
                row["scanned_mb"] = scanned / 1e6 if isinstance(scanned, (int, float)) else None
            except Exception as exc:  # a report we cannot read is a row error, not a crash
                row["status"] = "error: unreadable report (%s: %s)" % (type(exc).__name__, exc)
        out.append(row)
    return meta, out


def _fmt(v, spec):
    return "-" if v is None else format(v, spec)


def table_rows(rows, unit="s"):
    """unit "ms": wall and CPU in milliseconds (short workloads)."""
    scale, spec = (1000.0, ".1f") if unit == "ms" else (1.0, ".3f")
    header = ["tool", "wall " + unit, "CPU " + unit, "peak RSS MiB", "MB/s", "scanned MB", "findings", "locations",
              "planted hit", "look-alikes hit", "status"]
    lines = []
    for r in rows:
        p = r.get("planted")
        lines.append([
            r["tool"],
            _fmt(None if r.get("wall") is None else r["wall"] * scale, spec),
            _fmt(None if r.get("cpu") is None else r["cpu"] * scale, spec),
            _fmt(r.get("rss_mib"), ".1f"),
            _fmt(r.get("mbps"), ".1f"),
            _fmt(r.get("scanned_mb"), ".1f"),
            _fmt(r.get("findings"), "d"),
            _fmt(r.get("locations"), "d"),
            "%d/%d" % (p["hit"], p["total"]) if p else "-",
            "%d/%d" % (p["lookalike_hit"], p["lookalike_total"]) if p else "-",
            r["status"],
        ])
    return header, lines


def ratios(rows):
    """keysweep's wall vs every other tool, RSS vs kingfisher, wall vs floor."""
    by = {r["tool"]: r for r in rows}
    ks = by.get("keysweep")
    out = []

    def ratio(a, b):
        return None if a is None or b is None or b == 0 else a / b

    ks_wall = ks.get("wall") if ks else None
    for r in rows:
        if r["tool"] == "keysweep":
            continue
        what = "keysweep wall / %s wall" % r["tool"]
        out.append((what, ratio(ks_wall, r.get("wall"))))
    out.append(("keysweep peak RSS / kingfisher peak RSS",
                ratio(ks.get("rss_mib") if ks else None, by.get("kingfisher", {}).get("rss_mib"))))
    return out


def planted_lines(rows):
    """Extra lines for git workloads: planted hits by where the secret lives,
    and how many hits name the commit that added the secret."""
    tools = [r for r in rows if r.get("planted")]
    out = []
    wheres = sorted({w for r in tools for w in r["planted"].get("by_where", {})})
    if wheres:
        out.append("planted secrets found, by where they live (hit/total):")
        for w in wheres:
            out.append("  %-36s %s" % (w, "  ".join(
                "%s %d/%d" % ((r["tool"],) + tuple(r["planted"]["by_where"].get(w, [0, 0]))) for r in tools)))
    if any(r["planted"].get("has_commits") for r in tools):
        out.append("planted hits whose location names the commit that added the secret: " + "  ".join(
            "%s %d/%d" % (r["tool"], r["planted"]["commit_ok"], r["planted"]["hit"]) for r in tools))
    return out


def render_text(meta, workload, rows):
    wl = workload_info(meta["results_dir"], workload)
    header, lines = table_rows(rows, wl.get("wall_unit", "s"))
    widths = [max(len(h), *(len(l[i]) for l in lines)) if lines else len(h) for i, h in enumerate(header)]
    s = ["", "== workload %s: %s (%s bytes, %s %s), %s run(s) per tool, medians ==" % (
        workload, wl.get("target_display", ""), wl.get("bytes"), wl.get("files"), wl.get("count_label", "files"),
        wl.get("runs", meta["runs"]))]
    if wl.get("description"):
        s.append(wl["description"])
    fmt_row = lambda cells: "  ".join(c.ljust(w) if i in (0, len(header) - 1) else c.rjust(w)
                                      for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    s.append(fmt_row(header))
    s.append(fmt_row(["-" * w for w in widths]))
    for l in lines:
        s.append(fmt_row(l))
    s.append("ratios (< 1 means keysweep is faster / smaller):")
    for what, v in ratios(rows):
        s.append("  %-45s %s" % (what, "n/a" if v is None else "%.3f" % v))
    s.extend(planted_lines(rows))
    s.extend(contention_notes(rows))
    return "\n".join(s)


def contention_notes(rows):
    """Warn when other processes kept a CPU busy during a tool's runs: on a
    shared 2-core machine that inflates wall time (and hides parallelism)."""
    notes = []
    for r in rows:
        busy = [x for x in r["runs"] if x["wall"] > 0.5 and x["other_cpu"] > 0.2 * x["wall"]]
        if busy:
            worst = max(busy, key=lambda x: x["other_cpu"] / x["wall"])
            notes.append("note: %s: %d of %d run(s) shared the machine (other processes used up to %.1f CPU-s "
                         "during a %.1f s run); its wall time is inflated" % (
                             r["tool"], len(busy), len(r["runs"]), worst["other_cpu"], worst["wall"]))
    return notes


def render_markdown(results_dir, out_md):
    meta = json.load(open(os.path.join(results_dir, "meta.json")))
    md = ["# Keysweep benchmark results", ""]
    md.append("- date: %s" % meta.get("date"))
    md.append("- machine: %s, %s CPUs, %s; load average at start: %s" % (
        meta.get("cpu_model"), meta.get("nproc"), meta.get("mem"), meta.get("load_at_start")))
    md.append("- runs per tool: %s, unless a workload says more (median wall and CPU; peak RSS is the max over runs; MB/s = corpus bytes / median wall / 10^6; "
              "scanned MB = what the tool says it read, from its last run: tools skip binary files or identical blobs differently)" % meta["runs"])
    c = meta.get("corpus", {})
    pl = c.get("planted", {})
    md.append("- corpus: `%s`: %s packages, %s files, %s bytes; planted: %s fake secrets + %s look-alikes in %s files (seed %s)" % (
        meta.get("corpus_root"), len(c.get("packages", [])), c.get("files"), c.get("bytes"),
        pl.get("secrets"), pl.get("decoys"), pl.get("files"), pl.get("seed")))
    md.append("- versions: " + ", ".join("%s %s" % kv for kv in sorted(meta.get("versions", {}).items())))
    md.append("")
    for workload in meta.get("workload_order", []):
        if not os.path.isdir(os.path.join(results_dir, workload)):
            continue
        _, rows = summarise(results_dir, workload)
        wl = workload_info(results_dir, workload)
        md.append("## Workload `%s`" % workload)
        md.append("")
        md.append("Target `%s`: %s bytes, %s %s; %s run(s) per tool." % (
            wl.get("target_display"), wl.get("bytes"), wl.get("files"), wl.get("count_label", "files"),
            wl.get("runs", meta["runs"])))
        if wl.get("description"):
            md.append("")
            md.append(wl["description"])
        md.append("")
        header, lines = table_rows(rows, wl.get("wall_unit", "s"))
        md.append("| " + " | ".join(header) + " |")
        md.append("|" + "|".join("---" if i in (0, len(header) - 1) else "---:" for i in range(len(header))) + "|")
        for l in lines:
            md.append("| " + " | ".join(x.replace("|", "\\|") for x in l) + " |")
        md.append("")
        md.append("| ratio | value |")
        md.append("|---|---:|")
        for what, v in ratios(rows):
            md.append("| %s | %s |" % (what, "n/a" if v is None else "%.3f" % v))
        md.append("")
        for note in contention_notes(rows):
            md.append("- " + note)
        md.append("")
        md.append("Planted secrets found, per kind (hit/total):")
        md.append("")
        kinds = sorted({k for r in rows if r.get("planted") for k in r["planted"]["by_kind"]})
        tools = [r for r in rows if r.get("planted")]
        if tools:
            md.append("| kind | " + " | ".join(r["tool"] for r in tools) + " |")
            md.append("|---|" + "|".join("---:" for _ in tools) + "|")
            for k in kinds:
                md.append("| %s | %s |" % (k, " | ".join(
                    "%d/%d" % tuple(r["planted"]["by_kind"].get(k, [0, 0])) for r in tools)))
            lk = sorted({k for r in tools for k in r["planted"]["lookalike_by_kind"]})
            for k in lk:
                md.append("| look-alike: %s | %s |" % (k, " | ".join(
                    "%d/%d" % tuple(r["planted"]["lookalike_by_kind"].get(k, [0, 0])) for r in tools)))
            wheres = sorted({w for r in tools for w in r["planted"].get("by_where", {})})
            for w in wheres:
                md.append("| where: %s | %s |" % (w, " | ".join(
                    "%d/%d" % tuple(r["planted"]["by_where"].get(w, [0, 0])) for r in tools)))
            if any(r["planted"].get("has_commits") for r in tools):
                md.append("| hits naming the commit that added the secret | %s |" % " | ".join(
                    "%d/%d" % (r["planted"]["commit_ok"], r["planted"]["hit"]) for r in tools))
            prefix = tools[0]["planted"].get("prefix")
            md.append("| files with findings outside %s | %s |" % (
                ("`%s`" % prefix) if prefix else "the planted files", " | ".join(
                    str(r["planted"]["files_outside_planted"]) for r in tools)))
        md.append("")
        md.append("Per run (wall s / CPU s / max RSS MiB / exit code / other CPU s = busy CPU of the rest of the machine during the run):")
        md.append("")
        for r in rows:
            runs = ", ".join("%.3f/%.3f/%.1f/%d/%.2f" % (x["wall"], x["cpu"], x["rss_kb"] / 1024.0, x["rc"], x["other_cpu"])
                             for x in r["runs"]) or "-"
            md.append("- %s: %s" % (r["tool"], runs))
        md.append("")
        md.append("Commands (run from `%s`):" % (wl.get("cwd") or meta.get("cwd")))
        md.append("")
        for r in rows:
            md.append("- %s: `%s`" % (r["tool"], r["command"] or "-"))
        md.append("")
    det = os.path.join(results_dir, "determinism.txt")
    if os.path.exists(det):
        md.append("## Determinism (`--threads 1` vs `--threads N`)")
        md.append("")
        md.append("```")
        md.append(open(det).read().rstrip("\n"))
        md.append("```")
        md.append("")
    with open(out_md, "w") as fh:
        fh.write("\n".join(md))


# ---------------------------------------------------------------------------
# Determinism
# ---------------------------------------------------------------------------

def strip_durations(doc):
    """Drop scan.duration* and scan.now (the clock reading): the only parts allowed to differ
    between runs."""
    scan = doc.get("scan") if isinstance(doc, dict) else None
    if isinstance(scan, dict):
        for k in [k for k in scan if k.startswith("duration") or k == "now"]:
            del scan[k]
    return doc


def determinism(a, b):
    try:
        ra, rb = open(a, "rb").read(), open(b, "rb").read()
        da, db = json.loads(ra), json.loads(rb)
    except (OSError, ValueError) as exc:
        print("error: cannot read reports: %s" % exc)
        return 2
    raw_same = ra == rb
    # Serialise in document order (no sort_keys): key order must match too.
    ta = json.dumps(strip_durations(da), indent=1, ensure_ascii=False).splitlines()
    tb = json.dumps(strip_durations(db), indent=1, ensure_ascii=False).splitlines()
    if ta == tb:
        # Also check the bytes: blank out duration values in the raw text.
        blank = lambda raw: re.sub(rb'("duration[^"]*"\s*:\s*)[-+0-9.eE]+', rb"\g<1>0", raw)
        if raw_same:
            print("identical (byte for byte)")
        elif blank(ra) == blank(rb):
            print("identical (byte for byte apart from the scan.duration* values)")
        else:
            print("identical content apart from scan.duration*, but the bytes differ elsewhere (formatting)")
        return 0
    diff = list(difflib.unified_diff(ta, tb, os.path.basename(a), os.path.basename(b), lineterm="", n=2))
    print("DIFFERENT: %d diff lines (first 80 shown)" % len(diff))
    print("\n".join(diff[:80]))
    return 1


def git_info(info_path, manifest_path, kind):
    """Fill a git workload's info.json from its repository manifest."""
    info = json.load(open(info_path))
    m = json.load(open(manifest_path))
    info["planted_manifest"] = manifest_path
    info["path_mode"] = "repo"
    info["planted_prefix"] = m.get("planted_prefix")
    if kind == "history":
        st = m["stats"]
        info["bytes"] = st["blob_bytes"]
        info["files"] = st["blobs"]
        info["count_label"] = "blobs"
        refs = [r.split()[0].replace("refs/heads/", "").replace("refs/tags/", "tag ") for r in m.get("refs", [])]
        info["description"] = (
            "Bare repository: %d commits (%d on main), %d blobs of %d bytes in total (pack %.1f MiB), "
            "%d trees; %d of the corpus' %d files, %d modified versions%s. Refs: %s. "
            "Planted: %d FAKE secrets in %d config files, %d of them only in history "
            "(deleted from main, or only on an unmerged branch or behind a tag), + %d look-alikes. "
            "MB/s = total blob bytes / wall." % (
                m["commits"], m["main_commits"], st["blobs"], st["blob_bytes"], st["size_pack_kib"] / 1024.0,
                st["objects"].get("tree", 0), m["source_files_used"], m["source_files"], m["modified_versions"],
                "" if not m.get("source_ran_out_at_commit") else
                " (the corpus ran out at commit %d: later commits only edit)" % m["source_ran_out_at_commit"],
                ", ".join(refs), m["secrets"], m["files"], m["only_in_history"], m["decoys"]))
    else:
        info["bytes"] = m["bytes"]
        info["files"] = m["files"]
        info["wall_unit"] = "ms"
        info["throughput"] = False
        p = m["planted"][0]
        info["description"] = (
            "Non-bare repository: %d files (%d bytes) in %d commits, plus a staged change: %s. "
            "Planted: one FAKE %s at %s:%d. Wall and CPU in milliseconds; no MB/s (the staged change is tiny)." % (
                m["files"], m["bytes"], m["commits"], "; ".join(x.replace("\t", " ") for x in m["staged"]),
                p["kind"], p["path"], p["line"]))
    json.dump(info, open(info_path, "w"))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = argv[1]
    if cmd == "check":
        kind, path = argv[2], argv[3]
        try:
            n, locs, _ = load_report(kind, path)
        except Exception as exc:
            print("unreadable %s report (%s: %s)" % (kind, type(exc).__name__, exc))
            return 1
        return 0
    if cmd == "table":
        meta, rows = summarise(argv[2], argv[3])
        print(render_text(meta, argv[3], rows))
        return 0
    if cmd == "markdown":
        render_markdown(argv[2], argv[3])
        return 0
    if cmd == "determinism":
        return determinism(argv[2], argv[3])
    if cmd == "git-info":
        git_info(argv[2], argv[3], argv[4])
        return 0
    print("unknown command %s" % cmd, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
