"""Self-test of the scoring (stdlib only, < 1 s):

    python3 -m unittest discover -s scripts/eval_lib -p 'test_*.py'

A 3-label fake corpus (two positives, one of them a 5-line key, and one hard
negative) and a fake report of each tool kind; recall, precision and the
other counts are asserted exactly.
"""

import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import score  # noqa: E402

LABELS = [
    dict(id="P1", kind="stripe_secret_key", category="payments", positive=True, path="app/a.py",
         line=3, end_line=3, where="tree"),
    dict(id="P2", kind="rsa_private_key_pkcs1", category="key material", positive=True, path="keys/k.pem",
         line=1, end_line=5, where="tree"),
    dict(id="N1", kind="doc_example", category="neg:doc-example", positive=False, path="conf/b.yaml",
         line=4, end_line=4, where="tree"),
]

# (path relative to the tree, line): a.py:3 hits P1; k.pem:4 is inside P2's
# block; b.yaml:5 is one line below N1 (a negative hit); c.txt:1 is
# unlabeled; a.py:6 is 3 lines away from P1 (unlabeled).
FULL = [("app/a.py", 3), ("keys/k.pem", 4), ("conf/b.yaml", 5), ("c.txt", 1)]
PARTIAL = [("app/a.py", 3), ("app/a.py", 3), ("app/a.py", 6)]


def fake_report(tool, tree, hits):
    """A report of TOOL's format.  Paths: absolute for keysweep and
    kingfisher, relative to the work dir (parent of TREE) for the others,
    as the tools write them."""
    rel = lambda p: os.path.join(os.path.basename(tree), p)  # noqa: E731
    absp = lambda p: os.path.join(tree, p)  # noqa: E731
    if tool == "keysweep":
        return {"findings": [{"fingerprint": str(i), "locations": [{"path": absp(p), "line": l}]}
                             for i, (p, l) in enumerate(hits)]}
    if tool == "kingfisher":
        return {"findings": [{"rule": {"id": "x"}, "finding": {"path": absp(p), "line": l}} for p, l in hits]}
    if tool == "gitleaks":
        return [{"RuleID": "x", "File": rel(p), "StartLine": l, "Commit": ""} for p, l in hits]
    if tool == "betterleaks":
        return {"schema_version": "1", "findings": [{"rule_id": "x", "location": {"path": rel(p), "start_line": l}}
                                                    for p, l in hits]}
    if tool == "detect-secrets":
        res = {}
        for p, l in hits:
            res.setdefault(rel(p), []).append({"type": "x", "filename": rel(p), "line_number": l})
        return {"version": "1.5.0", "results": res}
    raise KeyError(tool)


class ScoreTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.work = self.tmp.name
        self.tree = os.path.join(self.work, "tree")
        os.makedirs(self.tree)

    def tearDown(self):
        self.tmp.cleanup()

    def run_tool(self, tool, hits):
        path = os.path.join(self.work, "%s.json" % tool)
        with open(path, "w") as fh:
            json.dump(fake_report(tool, self.tree, hits), fh)
        doc = {"tree": self.tree, "repo": os.path.join(self.work, "repo"), "labels": LABELS}
        runs = {tool: {"tree": {"status": "ok", "report": path}, "history": {"status": "n/a"}}}
        return score.score_run(doc, runs, cwd=self.work)[tool]

    def test_every_tool_kind_full(self):
        for tool in ["keysweep", "kingfisher", "gitleaks", "betterleaks", "detect-secrets"]:
            with self.subTest(tool=tool):
                r = self.run_tool(tool, FULL)
                self.assertEqual(r["history"], {"status": "n/a"})
                t = r["tree"]
                self.assertEqual((t["found"], t["positives"]), (2, 2))
                self.assertEqual(t["recall"], 1.0)
                self.assertEqual(t["precision"], 0.5)          # 2 of 4 locations on positives
                self.assertEqual(t["per_secret"], 1.0)
                self.assertEqual((t["negatives_hit"], t["negatives"]), (1, 1))
                self.assertEqual(t["unlabeled"], 1)
                self.assertEqual(t["found_ids"], ["P1", "P2"])
                self.assertEqual(t["by_category"]["neg:doc-example"], [1, 1])

    def test_duplicates_and_distance(self):
        for tool in ["keysweep", "gitleaks", "detect-secrets"]:
            with self.subTest(tool=tool):
                t = self.run_tool(tool, PARTIAL)["tree"]
                self.assertEqual(t["recall"], 0.5)             # only P1
                self.assertAlmostEqual(t["precision"], 2 / 3)  # 2 of 3 locations
                self.assertEqual(t["per_secret"], 2.0)         # P1 reported twice
                self.assertEqual(t["negatives_hit"], 0)
                self.assertEqual(t["unlabeled"], 1)            # a.py:6 is too far

    def test_findings_per_credential(self):
        # A credential whose two lines (P2's block) are reported: as two findings, or as one
        # finding holding both locations (a keysweep finding with several locations).
        locs = [("keys/k.pem", 2), ("keys/k.pem", 4), ("app/a.py", 3)]
        locs = [(p, l, None) for p, l in locs]
        self.assertEqual(score.score(LABELS, locs)["per_credential"], 1.5)
        self.assertEqual(score.score(LABELS, locs, findings=[7, 7, 8])["per_credential"], 1.0)
        self.assertEqual(score.score(LABELS, locs, findings=[7, 7, 8])["per_secret"], 1.5)

    def test_history_commits(self):
        labels = [dict(id="H1", kind="k", category="cloud", positive=True, path="a.env", line=2, end_line=2,
                       where="history", commits=["aaaa1111", "bbbb2222"], at_head=False),
                  dict(id="H2", kind="k", category="cloud", positive=True, path="a.env", line=2, end_line=2,
                       where="history", commits=["cccc3333"], at_head=True),
                  dict(id="H3", kind="n", category="neg:placeholder", positive=False, path="b.env", line=9,
                       end_line=9, where="history", commits=["cccc3333"], at_head=True)]
        locs = [("a.env", 2, "bbbb2222ffff"),   # H1 (a commit that still holds it)
                ("a.env", 2, "dddd4444"),       # same place, commit without either value
                ("a.env", 2, None),             # no commit: the worktree -> H2 (at HEAD)
                ("b.env", 8, "cccc3333")]       # H3, one line off
        t = score.score(labels, locs)
        self.assertEqual(t["found_ids"], ["H1", "H2"])
        self.assertEqual(t["recall"], 1.0)
        self.assertEqual(t["precision"], 0.5)
        self.assertEqual((t["negatives_hit"], t["unlabeled"]), (1, 1))


if __name__ == "__main__":
    unittest.main()
