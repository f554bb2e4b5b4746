#!/usr/bin/env python3
"""Generate the benchmark's git repositories from the extracted corpus.

  gitcorpus.py history   SRC_DIR REPO MANIFEST [--commits N]
  gitcorpus.py precommit SRC_DIR REPO MANIFEST [--files N]

SRC_DIR is the corpus' dir/ (OWNER/NAME/... package trees; dir/_planted is
left out: those secrets belong to the `dir` workload).  REPO must not exist.
MANIFEST (written OUTSIDE the repository, or the scanners would find the
planted values in it too) records every planted FAKE secret and look-alike
with its path in the repository, its line range and its kind, in the layout
of plant.py's manifest, so scripts/bench can count planted secrets found.

Everything is a pure function of SRC_DIR and the arguments: fixed seeds
(random.Random, only choice/randint/random/randrange/sample/shuffle), fixed
authors and dates, files walked in sorted order.  The commits and blobs are
therefore identical on every build (`git repack` may lay the pack out
differently, the objects are the same).

history
    A bare repository (branch main) written with `git fast-import` (no working
    tree).  Commit k adds the next 3-10 files of the corpus (packages in
    sorted order, files sorted within a package) and modifies 0-3 earlier text
    files (a line changed, inserted or deleted), so files have several
    versions.  Every PLANT_EVERY (100) main commits a config file with 1-3 FAKE secrets
    (GitHub ghp_ with a valid CRC32 checksum, AWS key id + secret key, Slack
    xoxb-, Stripe sk_live_, PEM private key, postgres URL with a password) is
    added under config/SVC-NNN/ (a path used once: each planted secret has a
    single version, so path + line identify it); every other one on main is
    deleted again 10-60 commits later (it then exists only in history).
    Side refs, when N >= 60 (their commits count towards N):
      feature/payments   4 commits off main, never merged (one plants a secret)
      topic/docs         3 commits, merged into main by a merge commit (one plants)
      release/1.x        2 hotfix commits (modified files) off main
      archive/spike      annotated tag on a 2-commit chain whose branch is
                         deleted: reachable only from the tag (one plants)
      v0.K.0             annotated tags every 500 main commits
    When the corpus runs out of files, later commits only modify files, 3-11
    each, so that the default 20,000 commits hold over 1 GB of blobs.
    Commit k is dated 2020-01-01T00:00:00Z + 4 h * k (author = committer, one
    of 5 fixed identities), message "edit k".  The pack is then rebuilt with
    `git repack -a -d` (one pack with deltas, as a clone would have).

precommit
    A non-bare repository holding the first N files of the corpus, committed
    in 4 commits, checked out, then a staged change: one modified Swift file
    with a FAKE GitHub token added, one modified Markdown file and one new
    Swift file (both clean).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import zlib

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plant  # noqa: E402  (generators and config renderers of the dir corpus)

SEED = 20200101
EPOCH = 1577836800          # 2020-01-01T00:00:00Z
STEP = 4 * 3600             # seconds between commits
PLANT_EVERY = 100
TAG_EVERY = 500
NEW_FILES = (3, 10)         # new corpus files per commit
MODIFIED_FILES = (0, 3)     # earlier files modified per commit
MODIFIED_AFTER_RUN_OUT = (3, 11)   # ... once every corpus file is in (about commit 3,300)
MAX_EDITABLE = 64 * 1024    # only text files up to this size get modified
HISTORY_KINDS = ["github", "aws", "slack", "stripe", "pem", "postgres"]

AUTHORS = [
    ("Ada Lovelace", "ada@example.com"),
    ("Grace Hopper", "grace@example.org"),
    ("Alan Turing", "alan@example.net"),
    ("Barbara Liskov", "barbara@example.com"),
    ("Ken Builder", "ken@example.org"),
]

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def base62_crc32(payload: str) -> str:
    value = zlib.crc32(payload.encode()) & 0xFFFFFFFF
    digits = ""
    while True:
        digits = BASE62[value % 62] + digits
        value //= 62
        if value == 0:
            break
    return digits.rjust(6, "0")


class Gen(plant.Gen):
    """plant.py's generators, with GitHub tokens that pass the checksum
    (30 random base62 characters + base62 CRC32 of them, 6 characters)."""

    def github(self):
        body = self.s(plant.ALNUM, 30)
        return "ghp_" + body + base62_crc32(body)


# ---------------------------------------------------------------------------
# Source files
# ---------------------------------------------------------------------------

def source_files(src):
    """[(repo path bytes, absolute path, mode)] of the regular files under
    SRC (except _planted/), packages in sorted order, files sorted inside."""
    out = []
    for top in sorted(os.listdir(src)):
        if top == "_planted":
            continue
        base = os.path.join(src, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for f in sorted(filenames):
                p = os.path.join(dirpath, f)
                if os.path.islink(p) or not os.path.isfile(p):
                    continue
                mode = "100755" if os.stat(p).st_mode & 0o111 else "100644"
                out.append((os.fsencode(os.path.relpath(p, src)), p, mode))
    return out


def editable(data):
    """Text small enough to edit line by line."""
    if len(data) > MAX_EDITABLE or b"\0" in data or b"\n" not in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def quote_path(p: bytes) -> bytes:
    if p.startswith(b'"') or any(c in p for c in (b"\n", b"\\", b'"')):
        return b'"' + p.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n") + b'"'
    return p


# ---------------------------------------------------------------------------
# fast-import stream writer
# ---------------------------------------------------------------------------

class Stream:
    def __init__(self, repo, marks_file):
        self.proc = subprocess.Popen(
            ["git", "-C", repo, "fast-import", "--quiet", "--done", "--date-format=raw",
             "--export-marks=" + marks_file],
            stdin=subprocess.PIPE)
        self.out = self.proc.stdin
        self.mark = 0
        self.blobs = 0
        self.blob_bytes = 0

    def next_mark(self):
        self.mark += 1
        return self.mark

    def blob(self, data: bytes) -> int:
        m = self.next_mark()
        self.out.write(b"blob\nmark :%d\ndata %d\n" % (m, len(data)))
        self.out.write(data)
        self.out.write(b"\n")
        self.blobs += 1
        self.blob_bytes += len(data)
        return m

    def commit(self, ref, author, when, message, parent=None, merge=None, changes=()):
        """changes: ("M", mode, blob mark, path) or ("D", path)."""
        m = self.next_mark()
        name, email = author
        ident = ("%s <%s> %d +0000" % (name, email, when)).encode()
        msg = message.encode()
        w = self.out.write
        w(b"commit %s\nmark :%d\n" % (ref.encode(), m))
        w(b"author " + ident + b"\ncommitter " + ident + b"\n")
        w(b"data %d\n%s\n" % (len(msg), msg))
        if parent is not None:
            w(b"from :%d\n" % parent)
        if merge is not None:
            w(b"merge :%d\n" % merge)
        for ch in changes:
            if ch[0] == "M":
                w(b"M %s :%d %s\n" % (ch[1].encode(), ch[2], quote_path(ch[3])))
            else:
                w(b"D %s\n" % quote_path(ch[1]))
        w(b"\n")
        return m

    def tag(self, name, target, author, when, message):
        ident = ("%s <%s> %d +0000" % (author[0], author[1], when)).encode()
        msg = message.encode()
        self.out.write(b"tag %s\nfrom :%d\ntagger %s\ndata %d\n%s\n"
                       % (name.encode(), target, ident, len(msg), msg))

    def reset(self, ref, target):
        self.out.write(b"reset %s\nfrom :%d\n\n" % (ref.encode(), target))

    def finish(self):
        self.out.write(b"done\n")
        self.out.close()
        rc = self.proc.wait()
        if rc != 0:
            raise SystemExit("git fast-import failed with exit code %d" % rc)


def read_marks(path):
    marks = {}
    with open(path) as fh:
        for line in fh:
            m, sha = line.split()
            marks[int(m[1:])] = sha
    return marks


def git(repo, *args, capture=False):
    if capture:
        return subprocess.run(["git", "-C", repo, *args], check=True, stdout=subprocess.PIPE).stdout.decode()
    subprocess.run(["git", "-C", repo, *args], check=True)


def object_stats(repo):
    """commits, blobs, blob bytes, trees, pack KiB of REPO (all objects)."""
    counts = {"commit": 0, "tree": 0, "blob": 0, "tag": 0}
    blob_bytes = 0
    out = git(repo, "cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectsize)", capture=True)
    for line in out.splitlines():
        typ, size = line.split()
        counts[typ] = counts.get(typ, 0) + 1
        if typ == "blob":
            blob_bytes += int(size)
    co = dict(l.split(": ", 1) for l in git(repo, "count-objects", "-v", capture=True).splitlines())
    return {
        "commits_reachable": int(git(repo, "rev-list", "--all", "--count", capture=True)),
        "objects": counts,
        "blobs": counts["blob"],
        "blob_bytes": blob_bytes,
        "size_pack_kib": int(co.get("size-pack", 0)),
        "packs": int(co.get("packs", 0)),
        "loose_objects": int(co.get("count", 0)),
    }


# ---------------------------------------------------------------------------
# Planted config files
# ---------------------------------------------------------------------------

def planted_config(g, index):
    """One config file with filler, 1-3 FAKE secrets and maybe a look-alike,
    as in plant.py.  Returns (file name, content bytes, items) where items are
    (role, kind, value, first line, last line)."""
    fname, fmt = plant.FORMATS[index % len(plant.FORMATS)]
    groups = []
    for key, fn in g.r.sample(plant.FILLER, g.r.randint(2, 4)):
        groups.append([(key, fn(g), ("filler", None))])
    has_pem = False
    for _ in range(g.r.randint(1, 3)):
        kind = g.r.choice(HISTORY_KINDS)
        if kind == "pem" and has_pem:
            kind = "github"
        has_pem = has_pem or kind == "pem"
        groups.append([(k, v, ("secret", kd)) for k, v, kd in plant.secret_entries(g, kind)])
    if g.r.random() < 0.45:
        key, value, k = g.r.choice(plant.DECOYS)
        groups.append([(key, value, ("decoy", k))])
    g.r.shuffle(groups)
    items, used = [], set()
    for key, value, role in (it for grp in groups for it in grp):
        n, base = 2, key
        while key in used:
            key = "%s_%d" % (base, n)
            n += 1
        used.add(key)
        items.append((key, value, role))
    lines, spans = plant.render(fmt, items)
    out = []
    for (key, value, (role, kind)), (first, last) in zip(items, spans):
        if role != "filler":
            out.append((role, kind, value if isinstance(value, str) else "\n".join(value), first, last))
    return fname, ("\n".join(lines) + "\n").encode(), out


# ---------------------------------------------------------------------------
# history
# ---------------------------------------------------------------------------

class History:
    def __init__(self, src, repo, commits):
        self.r = random.Random(SEED)
        self.g = Gen(SEED + 1)          # secrets: own stream, so edits do not shift them
        self.files = source_files(src)
        self.cursor = 0
        self.target = commits
        self.count = 0                  # commits written
        self.marks_file = repo.rstrip("/") + ".marks"
        self.stream = Stream(repo, self.marks_file)
        self.commit_marks = {}          # commit number -> fast-import mark
        self.main_numbers = {}          # main commit number -> commit number
        self.main_tip = None
        self.tree = {}                  # main's tree: path -> (mode, blob mark)
        self.texts = {}                 # editable files on main: path -> content
        self.editable = []              # their paths, in order of addition (may repeat after deletion)
        self.planted = []               # manifest entries (commit marks resolved later)
        self.lookalikes = []
        self.plants = 0
        self.main_plants = 0
        self.deletions = {}             # main commit number -> [paths]
        self.ran_out_at = None
        self.modified_versions = 0
        self.side = []                  # notes on side refs

    # -- helpers -------------------------------------------------------------
    def when(self):
        return EPOCH + self.count * STEP

    def author(self):
        return self.r.choice(AUTHORS)

    def take_new(self, n):
        """Up to n new corpus files as changes ("M", mode, mark, path)."""
        out = []
        while len(out) < n and self.cursor < len(self.files):
            path, absolute, mode = self.files[self.cursor]
            self.cursor += 1
            with open(absolute, "rb") as fh:
                data = fh.read()
            out.append(("M", mode, self.stream.blob(data), path, data))
        if self.cursor >= len(self.files) and self.ran_out_at is None:
            self.ran_out_at = self.count + 1
        return out

    def edit(self, data, number):
        lines = data.split(b"\n")
        j = self.r.randrange(len(lines))
        op = self.r.random()
        if op < 0.6:
            lines[j] = lines[j] + b" (edit %d)" % number
        elif op < 0.85 or len(lines) < 3:
            lines.insert(j, b"edit %d: %s" % (number, " ".join(
                self.r.choice(["update", "fix", "docs", "refactor", "cleanup", "note"]) for _ in range(3)).encode()))
        else:
            del lines[j]
        return b"\n".join(lines)

    def take_modified(self, n, number, exclude):
        out = []
        for _ in range(n):
            if not self.editable:
                break
            path = self.r.choice(self.editable)
            if path not in self.texts or path in exclude:
                continue
            data = self.edit(self.texts[path], number)
            mode = self.tree[path][0]
            out.append(("M", mode, self.stream.blob(data), path, data))
            exclude.add(path)
            self.modified_versions += 1
        return out

    def plant(self, path_prefix, where):
        """A planted config file: returns its change; records manifest entries
        (their commit is the commit about to be written: self.count + 1)."""
        idx = self.plants
        self.plants += 1
        fname, data, items = planted_config(self.g, idx)
        path = "config/%s-%03d/%s" % (path_prefix, idx, fname)
        mark = self.stream.blob(data)
        for role, kind, value, first, last in items:
            entry = {"path": path, "line": first, "end_line": last, "kind": kind, "value": value,
                     "commit_number": self.count + 1, "ref": where, "plant": idx}
            (self.planted if role == "secret" else self.lookalikes).append(entry)
        return ("M", "100644", mark, path.encode(), data), path

    def apply_main(self, changes):
        for ch in changes:
            if ch[0] == "M":
                path, data = ch[3], ch[4]
                self.tree[path] = (ch[1], ch[2])
                if editable(data) and not path.startswith(b"config/"):
                    if path not in self.texts:
                        self.editable.append(path)
                    self.texts[path] = data
            else:
                self.tree.pop(ch[1], None)
                self.texts.pop(ch[1], None)

    def write(self, ref, changes, parent=None, merge=None, message=None):
        self.count += 1
        m = self.stream.commit(ref, self.author(), self.when(), message or "edit %d" % self.count,
                               parent=parent, merge=merge,
                               changes=[c[:4] if c[0] == "M" else c for c in changes])
        self.commit_marks[self.count] = m
        return m

    # -- commits -------------------------------------------------------------
    def main_commit(self, main_number):
        number = self.count + 1
        changes = self.take_new(self.r.randint(*NEW_FILES))
        touched = {c[3] for c in changes}
        modified = MODIFIED_FILES if self.ran_out_at is None else MODIFIED_AFTER_RUN_OUT
        changes += self.take_modified(self.r.randint(*modified), number, touched)
        if main_number % PLANT_EVERY == PLANT_EVERY // 2:
            ch, path = self.plant("svc", "main")
            changes.append(ch)
            self.main_plants += 1
            if self.main_plants % 2 == 0:    # every other plant on main is deleted later
                later = main_number + self.r.randint(10, 60)
                self.deletions.setdefault(later, []).append(path)
                for e in self.planted + self.lookalikes:
                    if e["path"] == path:
                        e["delete_main_number"] = later
        for path in self.deletions.pop(main_number, []):
            changes.append(("D", path.encode()))
        if not changes:
            # nothing left to add or edit: a one-line change file keeps the commit non-empty
            data = b"edit %d\n" % number
            changes = [("M", "100644", self.stream.blob(data), b"CHANGES", data)]
        self.main_tip = self.write("refs/heads/main", changes, parent=None)
        self.main_numbers[main_number] = self.count
        self.apply_main(changes)

    def side_branch(self, ref, n, plant_at=None, new=(2, 5), modify=False, where=None):
        """n commits on REF off main's tip; returns (tip mark, changes of the branch)."""
        parent = self.main_tip
        branch_tree = []
        for k in range(n):
            number = self.count + 1
            changes = self.take_new(self.r.randint(*new)) if new else []
            if modify:
                changes += self.take_modified(self.r.randint(1, 3), number, {c[3] for c in changes})
            if plant_at == k:
                ch, _ = self.plant(ref.split("/")[-1], where or ref)
                changes.append(ch)
            if not changes:
                data = b"edit %d\n" % number
                changes = [("M", "100644", self.stream.blob(data), b"CHANGES-" + ref.split("/")[-1].encode(), data)]
            parent = self.write("refs/heads/" + ref, changes, parent=parent)
            branch_tree += changes
        return parent, branch_tree

    def build(self):
        n = self.target
        # where side refs start (main commit numbers), only when there is room
        side_at = {}
        if n >= 60:
            side_at = {int(n * 0.3): "feature", int(n * 0.5): "topic", int(n * 0.7): "spike", int(n * 0.8): "release"}
        merge_at = None
        topic_tip = topic_changes = None
        main_number = 0
        tags = 0
        while self.count < n:
            main_number += 1
            if main_number == merge_at:
                deleted = [("D", p.encode()) for p in self.deletions.pop(main_number, [])]
                self.main_tip = self.write("refs/heads/main", topic_changes + deleted, merge=topic_tip,
                                           message="Merge branch 'topic/docs'")
                self.main_numbers[main_number] = self.count
                self.apply_main(topic_changes + deleted)
                continue
            self.main_commit(main_number)
            if main_number % TAG_EVERY == 0:
                tags += 1
                self.stream.tag("v0.%d.0" % tags, self.main_tip, self.author(), self.when(),
                                "Release 0.%d.0" % tags)
            kind = side_at.get(main_number)
            budget = n - self.count
            if kind == "feature" and budget >= 4:
                tip, _ = self.side_branch("feature/payments", 4, plant_at=1)
                self.side.append("feature/payments: 4 commits off main commit %d, not merged" % main_number)
            elif kind == "topic" and budget >= 6:
                topic_tip, topic_changes = self.side_branch("topic/docs", 3, plant_at=0)
                merge_at = main_number + 3
                self.side.append("topic/docs: 3 commits off main commit %d, merged at main commit %d"
                                 % (main_number, merge_at))
            elif kind == "spike" and budget >= 2:
                tip, _ = self.side_branch("tmp/spike", 2, plant_at=1, where="tag archive/spike")
                self.stream.tag("archive/spike", tip, self.author(), self.when(), "Archive the spike")
                self.side.append("archive/spike: annotated tag on 2 commits off main commit %d whose branch is deleted"
                                 % main_number)
            elif kind == "release" and budget >= 2:
                self.side_branch("release/1.x", 2, new=None, modify=True)
                self.side.append("release/1.x: 2 hotfix commits (modified files) off main commit %d" % main_number)
        self.stream.finish()
        return main_number


def build_history(args):
    repo = os.path.abspath(args.repo)
    subprocess.run(["git", "init", "-q", "--bare", "--template=", "-b", "main", repo], check=True)
    git(repo, "config", "gc.auto", "0")
    h = History(args.src, repo, args.commits)
    main_commits = h.build()
    marks = read_marks(h.marks_file)
    os.remove(h.marks_file)
    git(repo, "update-ref", "-d", "refs/heads/tmp/spike")
    # One pack with deltas, as a clone would have (fast-import deltifies
    # against the previous blob of the stream only).
    print("[history] repacking", file=sys.stderr, flush=True)
    git(repo, "-c", "pack.threads=%d" % max(1, min(2, os.cpu_count() or 1)), "repack", "-a", "-d", "-q")
    git(repo, "pack-refs", "--all")

    sha_of = lambda number: marks[h.commit_marks[number]]
    for e in h.planted + h.lookalikes:
        e["commit"] = sha_of(e.pop("commit_number"))
        d = e.pop("delete_main_number", None)
        if d is not None and d in h.main_numbers:
            e["deleted_in"] = sha_of(h.main_numbers[d])
        e["at_head"] = e["ref"] in ("main", "topic/docs") and "deleted_in" not in e
    stats = object_stats(repo)
    refs = git(repo, "for-each-ref", "--format=%(refname) %(objecttype) %(objectname)", capture=True).splitlines()
    by_kind = {}
    for s in h.planted:
        by_kind[s["kind"]] = by_kind.get(s["kind"], 0) + 1
    manifest = {
        "seed": SEED,
        "commits": h.count,
        "commits_requested": args.commits,
        "main_commits": main_commits,
        "source_files": len(h.files),
        "source_files_used": h.cursor,
        "source_ran_out_at_commit": h.ran_out_at,
        "modified_versions": h.modified_versions,
        "stream_blobs": h.stream.blobs,
        "stream_blob_bytes": h.stream.blob_bytes,
        "stats": stats,
        "refs": refs,
        "side_refs": h.side,
        "files": h.plants,
        "secrets": len(h.planted),
        "decoys": len(h.lookalikes),
        "only_in_history": sum(1 for s in h.planted if not s["at_head"]),
        "by_kind": dict(sorted(by_kind.items())),
        "planted_prefix": "config/",
        "planted": h.planted,
        "lookalikes": h.lookalikes,
    }
    with open(args.manifest, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
    print("[history] %d commits (%d reachable), %d blobs, %d blob bytes, pack %d KiB; "
          "%d planted secrets (%d only in history) + %d look-alikes in %d config files; "
          "%d/%d corpus files used%s"
          % (h.count, stats["commits_reachable"], stats["blobs"], stats["blob_bytes"], stats["size_pack_kib"],
             len(h.planted), manifest["only_in_history"], len(h.lookalikes), h.plants,
             h.cursor, len(h.files),
             "" if h.ran_out_at is None else "; corpus ran out at commit %d, later commits only edit" % h.ran_out_at),
          file=sys.stderr)


# ---------------------------------------------------------------------------
# precommit
# ---------------------------------------------------------------------------

STAGED_HELPER = b"""import Foundation

/// Formats a duration for log lines.
func formatElapsed(_ seconds: Double) -> String {
    if seconds < 1 { return String(format: "%.0f ms", seconds * 1000) }
    return String(format: "%.2f s", seconds)
}
"""

STAGED_NOTE = b"""
## Development notes

Run the test suite before sending a change, and keep the changelog up to date.
"""


def build_precommit(args):
    repo = os.path.abspath(args.repo)
    r = random.Random(SEED + 2)
    g = Gen(SEED + 3)
    files = source_files(args.src)[:args.files]
    subprocess.run(["git", "init", "-q", "--template=", "-b", "main", repo], check=True)
    for k, v in (("gc.auto", "0"), ("user.name", "Bench Developer"), ("user.email", "dev@example.com")):
        git(repo, "config", k, v)
    marks = os.path.join(os.path.dirname(repo), os.path.basename(repo) + ".marks")
    st = Stream(repo, marks)
    chunks = 4
    size = (len(files) + chunks - 1) // chunks
    parent = None
    total = 0
    for c in range(chunks):
        changes = []
        for path, absolute, mode in files[c * size:(c + 1) * size]:
            with open(absolute, "rb") as fh:
                data = fh.read()
            total += len(data)
            changes.append(("M", mode, st.blob(data), path))
        parent = st.commit("refs/heads/main", r.choice(AUTHORS), EPOCH + c * 86400, "import part %d" % (c + 1),
                           parent=parent, changes=changes)
    st.finish()
    os.remove(marks)
    git(repo, "reset", "-q", "--hard", "main")

    # The staged change.
    def first(pred):
        for path, absolute, _ in files:
            p = path.decode("utf-8", "replace")
            if pred(p, absolute):
                return p
        raise SystemExit("precommit: no file fits")

    size_ok = lambda a, lo, hi: lo <= os.path.getsize(a) <= hi
    secret_file = first(lambda p, a: p.endswith(".swift") and size_ok(a, 2000, 20000)
                        and editable(open(a, "rb").read()))
    note_file = first(lambda p, a: p.endswith(".md") and size_ok(a, 500, 50000) and p != secret_file)
    token = g.github()
    full = os.path.join(repo, secret_file)
    lines = open(full, "rb").read().split(b"\n")
    at = min(20, len(lines) // 2)              # 0-based insertion point
    lines[at:at] = [b"// TODO: read this from the keychain before release",
                    b'let deployToken = "%s"' % token.encode()]
    with open(full, "wb") as fh:
        fh.write(b"\n".join(lines))
    with open(os.path.join(repo, note_file), "ab") as fh:
        fh.write(STAGED_NOTE)
    new_file = os.path.join(os.path.dirname(secret_file), "BenchStagedFormatting.swift")
    with open(os.path.join(repo, new_file), "wb") as fh:
        fh.write(STAGED_HELPER)
    git(repo, "add", "--", secret_file, note_file, new_file)
    staged = git(repo, "diff", "--cached", "--name-status", capture=True).splitlines()
    planted = [{"path": secret_file, "line": at + 2, "end_line": at + 2, "kind": "github-pat", "value": token}]
    manifest = {
        "seed": SEED + 3,
        "files": len(files),
        "bytes": total,
        "commits": chunks,
        "staged": staged,
        "secrets": 1,
        "decoys": 0,
        "by_kind": {"github-pat": 1},
        "planted_prefix": None,
        "planted": planted,
        "lookalikes": [],
    }
    with open(args.manifest, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
    print("[precommit] %d files (%d bytes) in %d commits; staged: %s; planted github-pat at %s:%d"
          % (len(files), total, chunks, "; ".join(staged), secret_file, at + 2), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("history")
    h.add_argument("src")
    h.add_argument("repo")
    h.add_argument("manifest")
    h.add_argument("--commits", type=int, default=20000)
    p = sub.add_parser("precommit")
    p.add_argument("src")
    p.add_argument("repo")
    p.add_argument("manifest")
    p.add_argument("--files", type=int, default=10000)
    args = ap.parse_args()
    if args.cmd == "history":
        build_history(args)
    else:
        build_precommit(args)


if __name__ == "__main__":
    sys.exit(main())
