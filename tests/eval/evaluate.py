#!/usr/bin/env python3
"""Extraction measured on every annotated document, by two scorers.

    python3 tests/eval/evaluate.py RELGRAPH GOLD_DIR [CORPUS_DIR]

For each annotation GOLD_DIR/*.json, the document it names is read from
CORPUS_DIR (default: GOLD_DIR/../corpus), or, where that is absent, from the
copy tests/eval/documents.tsv names. Each document is built alone
(`relgraph build`) and scored twice: by `relgraph eval` and, when
GOLD_DIR/score.py is there (the reference scorer), by it. Prints tp/fp/fn
and F1 of entities, recommendations and involvement per document, micro
totals per genre (documents.tsv; "report" when unlisted) and over all, and
says where the two scorers disagree. A document that cannot be found is
said on stderr and left out. Exit 0, or 1 when nothing could be scored.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
MEASURES = ("entities", "recommendations", "involvement")


def documents_table():
    table = {}
    with open(os.path.join(HERE, "documents.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            doc, genre, copy = line.rstrip("\n").split("\t")
            table[doc] = (genre, None if copy == "-" else os.path.join(TOP, copy))
    return table


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def by_relgraph(relgraph, gold, text):
    """tp/fp/fn per measure from `relgraph eval -q`."""
    out = subprocess.run([relgraph, "eval", "-q", "--gold", gold, text], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    counts = {}
    for m in MEASURES:
        hit = re.search(r"^\s+%s\s.*\(tp (\d+), fp (\d+), fn (\d+)\)" % m, out.stdout, re.M)
        counts[m] = tuple(int(x) for x in hit.groups())
    return counts


def by_reference(relgraph, scorer, gold, text, work):
    """tp/fp/fn per measure from the reference scorer, on the graph of text."""
    graph = os.path.join(work, "graph.json")
    subprocess.run([relgraph, "build", "-j", "1", "-o", graph, text], check=True, capture_output=True)
    out = subprocess.run([sys.executable, scorer, gold, graph, "--json"], check=True, capture_output=True, text=True)
    s = json.loads(out.stdout)
    e, r, i = s["entities"], s["recommendations"], s["involvement"]
    return {
        "entities": (e["tp"], e["fp"], e["gold"] - e["tp"]),
        "recommendations": (r["tp"], r["predicted"] - r["tp"], r["gold"] - r["tp"]),
        "involvement": (i["tp"], i["fp"], i["fn"]),
    }


def row(name, counts):
    cells = []
    for m in MEASURES:
        tp, fp, fn = counts[m]
        cells.append("%3d/%3d/%3d %.3f" % (tp, fp, fn, f1(tp, fp, fn)))
    return "%-48s %s" % (name, "   ".join(cells))


def add(total, counts):
    for m in MEASURES:
        total[m] = tuple(a + b for a, b in zip(total.get(m, (0, 0, 0)), counts[m]))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    relgraph, gold_dir = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) == 4 else os.path.join(gold_dir, "..", "corpus")
    scorer = os.path.join(gold_dir, "score.py")
    if not os.path.exists(scorer):
        print("eval: no reference scorer at %s: relgraph eval alone" % scorer, file=sys.stderr)
        scorer = None
    table = documents_table()
    scorers = {"relgraph eval": {}, "score.py": {}}
    per_doc = []
    with tempfile.TemporaryDirectory() as work:
        for name in sorted(os.listdir(gold_dir)):
            if not name.endswith(".json"):
                continue
            gold = os.path.join(gold_dir, name)
            doc = json.load(open(gold, encoding="utf-8"))["document"]
            genre, copy = table.get(doc, ("report", None))
            text = os.path.join(corpus, doc)
            if not os.path.exists(text):
                text = copy
            if not text or not os.path.exists(text):
                print("eval: %s: its document %s is not found: left out" % (name, doc), file=sys.stderr)
                continue
            mine = by_relgraph(relgraph, gold, text)
            ref = by_reference(relgraph, scorer, gold, text, work) if scorer else None
            per_doc.append((doc, genre, mine, ref))
    if not per_doc:
        print("eval: no document could be scored", file=sys.stderr)
        return 1
    header = "%-48s %s" % ("tp/fp/fn F1", "   ".join("%-15s" % m for m in MEASURES))
    for label, pick in (("relgraph eval", 2), ("score.py", 3)):
        if pick == 3 and not scorer:
            continue
        print("== %s\n%s" % (label, header))
        genres, total = {}, {}
        for doc, genre, mine, ref in per_doc:
            counts = (mine, ref)[pick - 2]
            print(row("%s (%s)" % (doc, genre), counts))
            add(genres.setdefault(genre, {}), counts)
            add(total, counts)
        for genre in sorted(genres):
            print(row("genre: %s" % genre, genres[genre]))
        print(row("total", total))
    if scorer:
        disagree = [(doc, m, mine[m], ref[m]) for doc, _, mine, ref in per_doc for m in MEASURES if mine[m] != ref[m]]
        print("== the scorers disagree on %d of %d counts" % (len(disagree), 3 * len(per_doc)))
        for doc, m, a, b in disagree:
            print("  %s %s: relgraph eval %d/%d/%d, score.py %d/%d/%d" % ((doc, m) + a + b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
