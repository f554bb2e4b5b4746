"""Match reported locations to labels and render the result tables.

A reported location (path, line, commit) matches a label when:
  * the path is the label's file (relative to the scanned tree / repository);
  * the line is inside [label.line - 1, label.end_line + 1] (multi-line keys:
    any line of the block, plus one line of tolerance either side);
  * for history: the reported commit is one of the commits whose tree holds
    the planted lines at that path (label["commits"]); a location without a
    commit (a worktree hit) matches labels present at HEAD of main.
When several labels qualify, the nearest wins (inside the block first), then
a positive over a negative.  Every reported location counts once, duplicates
included, so a tool that reports one secret three times has 3 locations.

Metrics per tool and target:
  recall         positives with at least one matching location / positives
  precision      locations matching a positive / all reported locations
  per secret     locations matching a positive / positives found
  per credential findings matching a positive / positives found, counted per
                 positive (a credential reported as two findings counts 2);
                 a keysweep finding is one entry of "findings" whatever its
                 locations and parts, a peer's finding is one reported location
  negatives hit  hard negatives with at least one matching location
  unlabeled      locations matching no label (filler lines, other files)
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bench_lib"))
sys.dont_write_bytecode = True   # leave no __pycache__ in scripts/bench_lib

from report import load_report  # noqa: E402  (scripts/bench_lib/report.py)

POSITIVE_CATEGORIES = ["cloud", "source-hosting/CI", "registries", "messaging", "payments", "AI",
                       "observability", "identity/secrets managers", "data", "collaboration",
                       "key material", "generic credentials", "syntax families",
                       "multi-part credentials"]
TOOL_KIND = {"keysweep": "keysweep", "kingfisher": "kingfisher", "gitleaks": "gitleaks",
             "betterleaks": "betterleaks", "detect-secrets": "detect-secrets"}


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------

def parse_detect_secrets(doc):
    """detect-secrets scan: {"results": {filename: [{"type", "line_number",
    "hashed_secret", ...}]}}; one location per (file, line, type)."""
    locs = []
    for filename, found in (doc.get("results") or {}).items():
        for f in found:
            locs.append((f.get("filename", filename), f.get("line_number"), None))
    return len(locs), locs, False


def load_locations(tool, report):
    """[(path as reported, line, commit or None)]."""
    if tool == "detect-secrets":
        with open(report, "rb") as fh:
            return parse_detect_secrets(json.load(fh))[1]
    return [tuple(loc) + (None,) * (3 - len(loc)) for loc in load_report(TOOL_KIND[tool], report)[1]]


def finding_ids(tool, report, count):
    """Which finding each of the COUNT locations of load_locations belongs to:
    keysweep's findings hold many locations; every other tool reports each
    location as its own finding."""
    if tool != "keysweep":
        return list(range(count))
    with open(report, "rb") as fh:
        doc = json.load(fh)
    ids = [i for i, f in enumerate(doc["findings"]) for _ in f.get("locations", [])]
    return ids if len(ids) == count else list(range(count))


def normalize(path, target, cwd):
    """A reported path as a path relative to TARGET (tree or repository)."""
    if path.startswith("file://"):
        path = path[7:]
    tgt = os.path.realpath(target)
    if os.path.isabs(path):
        return os.path.relpath(os.path.realpath(path), tgt)
    joined = os.path.realpath(os.path.join(cwd, path))
    if joined.startswith(tgt + os.sep):
        return os.path.relpath(joined, tgt)
    return os.path.normpath(path)


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------

def _commit_ok(label, commit):
    if "commits" not in label:
        return True
    if not commit:
        return bool(label.get("at_head"))
    return any(c.startswith(commit) or commit.startswith(c) for c in label["commits"])


def match(labels, locs):
    """[(loc, label or None)] for every reported location (paths already
    normalized)."""
    by_path = {}
    for lab in labels:
        by_path.setdefault(lab["path"], []).append(lab)
    out = []
    for loc in locs:
        path, line, commit = loc
        best = None
        if line is not None:
            for lab in by_path.get(path, ()):
                if not (lab["line"] - 1 <= line <= lab["end_line"] + 1) or not _commit_ok(lab, commit):
                    continue
                dist = 0 if lab["line"] <= line <= lab["end_line"] else 1
                key = (dist, not lab["positive"])
                if best is None or key < best[0]:
                    best = (key, lab)
        out.append((loc, best[1] if best else None))
    return out


def score(labels, locs, findings=None):
    """Metrics of one tool on one target.  LABELS: that target's labels;
    FINDINGS: the finding of each location (default: one each)."""
    matched = match(labels, locs)
    findings = findings if findings is not None else list(range(len(locs)))
    findings_of = {}
    for (_loc, lab), fid in zip(matched, findings):
        if lab is not None and lab["positive"]:
            findings_of.setdefault(lab["id"], set()).add(fid)
    pos = [l for l in labels if l["positive"]]
    neg = [l for l in labels if not l["positive"]]
    found, neg_hit = set(), set()
    tp_locs = unlabeled = 0
    for _loc, lab in matched:
        if lab is None:
            unlabeled += 1
        elif lab["positive"]:
            tp_locs += 1
            found.add(lab["id"])
        else:
            neg_hit.add(lab["id"])
    n = len(locs)
    res = {
        "positives": len(pos), "found": len(found),
        "recall": len(found) / len(pos) if pos else None,
        "reported": n, "true_locations": tp_locs,
        "precision": tp_locs / n if n else None,
        "per_secret": tp_locs / len(found) if found else None,
        "per_credential": sum(len(v) for v in findings_of.values()) / len(found) if found else None,
        "negatives": len(neg), "negatives_hit": len(neg_hit),
        "negative_locations": sum(1 for _l, lab in matched if lab is not None and not lab["positive"]),
        "unlabeled": unlabeled,
        "found_ids": sorted(found), "negative_ids": sorted(neg_hit),
        "by_category": {}, "unlabeled_examples": [],
    }
    for lab in labels:
        c = res["by_category"].setdefault(lab["category"], [0, 0])
        c[1] += 1
        c[0] += lab["id"] in (found if lab["positive"] else neg_hit)
    res["unlabeled_examples"] = sorted({"%s:%s" % (l[0], l[1]) for l, lab in matched if lab is None})[:40]
    return res


def score_run(labels_doc, runs, cwd):
    """RUNS from tools.run_all.  Returns {tool: {mode: metrics or status}}."""
    out = {}
    targets = {"tree": labels_doc["tree"], "history": labels_doc["repo"]}
    for tool, modes in runs.items():
        out[tool] = {}
        for mode, rec in modes.items():
            labels = [l for l in labels_doc["labels"] if l["where"] == mode]
            if rec.get("status") != "ok":
                out[tool][mode] = {"status": rec.get("status", "n/a")}
                continue
            try:
                raw = load_locations(tool, rec["report"])
            except (OSError, ValueError, KeyError, TypeError) as e:
                out[tool][mode] = {"status": "unparsable report: %s" % e}
                continue
            locs = [(normalize(p, targets[mode], cwd), l, c) for p, l, c in raw]
            res = score(labels, locs, finding_ids(tool, rec["report"], len(locs)) if tool != "detect-secrets" else None)
            res.update(status="ok", seconds=rec.get("seconds"), argv=rec.get("argv"))
            out[tool][mode] = res
    return out


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

def pct(x):
    return "-" if x is None else "%.1f%%" % (100 * x)


def overall_rows(results):
    head = ["tool", "target", "recall", "precision", "locs/secret", "findings/credential", "negatives hit", "unlabeled FP",
            "reported", "seconds"]
    rows = []
    for tool, modes in results.items():
        for mode in ("tree", "history"):
            r = modes.get(mode, {})
            if r.get("status") != "ok":
                rows.append([tool, mode, r.get("status", "n/a")] + [""] * 7)
                continue
            rows.append([tool, mode, "%s (%d/%d)" % (pct(r["recall"]), r["found"], r["positives"]),
                         pct(r["precision"]), "-" if r["per_secret"] is None else "%.2f" % r["per_secret"],
                         "-" if r.get("per_credential") is None else "%.3f" % r["per_credential"],
                         "%d/%d" % (r["negatives_hit"], r["negatives"]), str(r["unlabeled"]),
                         str(r["reported"]), str(r.get("seconds", ""))])
    return head, rows


def category_rows(results, mode, categories):
    tools = [t for t in results if results[t].get(mode, {}).get("status") == "ok"]
    head = ["category"] + tools
    rows = []
    for cat in categories:
        row, any_ = [cat], False
        for t in tools:
            c = results[t][mode]["by_category"].get(cat)
            if c:
                any_ = True
                row.append("%d/%d" % tuple(c))
            else:
                row.append("-")
        if any_:
            rows.append(row)
    return head, rows


def text_table(head, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    fmt = "  ".join("%%-%ds" % w for w in widths)
    return "\n".join([fmt % tuple(head), fmt % tuple("-" * w for w in widths)] + [fmt % tuple(r) for r in rows])


def md_table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    return "\n".join(out)


def negative_categories(labels):
    return sorted({l["category"] for l in labels if not l["positive"]})


def missed(labels_doc, results, tool="keysweep"):
    """{mode: [(id, kind, category, path, line, note)]} of positives TOOL missed,
    and the negatives it reported."""
    out = {}
    for mode in ("tree", "history"):
        r = results.get(tool, {}).get(mode, {})
        if r.get("status") != "ok":
            continue
        found, negs = set(r["found_ids"]), set(r["negative_ids"])
        labs = [l for l in labels_doc["labels"] if l["where"] == mode]
        out[mode] = {
            "missed": [(l["id"], l["kind"], l["category"], l["path"], l["line"], l.get("note", ""))
                       for l in labs if l["positive"] and l["id"] not in found],
            "negatives_reported": [(l["id"], l["kind"], l["category"], l["path"], l["line"], l.get("note", ""))
                                   for l in labs if not l["positive"] and l["id"] in negs],
        }
    return out


def render(labels_doc, results):
    """(plain text, markdown) reports."""
    labels = labels_doc["labels"]
    pos = [l for l in labels if l["positive"]]
    summary = ("corpus: %d positives (%d tree, %d history) of %d kinds; %d hard negatives (%d tree, %d history)"
               % (len(pos), sum(l["where"] == "tree" for l in pos), sum(l["where"] == "history" for l in pos),
                  len({l["kind"] for l in pos}), len(labels) - len(pos),
                  sum(l["where"] == "tree" and not l["positive"] for l in labels),
                  sum(l["where"] == "history" and not l["positive"] for l in labels)))
    text, md = [summary, ""], ["# Keysweep labeled detection benchmark", "", summary, ""]
    head, rows = overall_rows(results)
    text += ["Overall", text_table(head, rows), ""]
    md += ["## Overall", "", md_table(head, rows), ""]
    for mode in ("tree", "history"):
        h, r = category_rows(results, mode, POSITIVE_CATEGORIES)
        text += ["Recall by category (%s): found/planted" % mode, text_table(h, r), ""]
        md += ["## Recall by category (%s)" % mode, "", "found / planted", "", md_table(h, r), ""]
        h, r = category_rows(results, mode, negative_categories(labels))
        text += ["Hard negatives reported (%s): hit/planted (lower is better)" % mode, text_table(h, r), ""]
        md += ["## Hard negatives reported (%s)" % mode, "", "hit / planted, lower is better", "",
               md_table(h, r), ""]
    m = missed(labels_doc, results)
    for mode, d in m.items():
        text.append("keysweep %s: missed %d positives, reported %d hard negatives"
                    % (mode, len(d["missed"]), len(d["negatives_reported"])))
        md += ["## keysweep misses (%s)" % mode, "", md_table(["id", "kind", "category", "path", "line", "note"],
                                                                d["missed"]), "",
               "## keysweep hard negatives reported (%s)" % mode, "",
               md_table(["id", "kind", "category", "path", "line", "note"], d["negatives_reported"]), ""]
    return "\n".join(text) + "\n", "\n".join(md) + "\n"
