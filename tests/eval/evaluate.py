#!/usr/bin/env python3
"""Extraction measured on every annotated document, by two scorers.

    python3 tests/eval/evaluate.py [--require-agreement] RELGRAPH GOLD_DIR [CORPUS_DIR]

For each annotation GOLD_DIR/*.json, the document it names is read from
CORPUS_DIR (default: GOLD_DIR/../corpus), or, where that is absent, from the
copy tests/eval/documents.tsv names. Each document is built alone
(`relgraph build`) and scored twice: by `relgraph eval` and, when
GOLD_DIR/score.py is there (the reference scorer), by it. Prints tp/fp/fn
and F1 of entities, recommendations and involvement per document, micro
totals per genre (documents.tsv; "report" when unlisted) and over all, and
says where the two scorers disagree. A document that cannot be found is
said on stderr and left out. Exit 0, or 1 when nothing could be scored.

--require-agreement makes it the test of make check: no tables, one line
when the two scorers agree on every count of every document; exit 1 when
they disagree (listed on stderr) or a document is not found, and 77
(skipped, said on stderr) when there is no reference scorer.
"""
import concurrent.futures
import contextlib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import tempfile

SKIPPED = 77  # the exit status of a test that could not run (as automake's)

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


def build(relgraph, text, graph):
    subprocess.run([relgraph, "build", "-j", "1", "-o", graph, text], check=True, capture_output=True)


def reference_scorer(path):
    """score.py as a module: its main() run here, not in a new interpreter
    for each document (Python's start-up is most of the time)."""
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def by_reference(scorer, gold, graph):
    """tp/fp/fn per measure from the reference scorer's command line
    (score.py GOLD GRAPH --json), on the graph file of one document."""
    argv, out = sys.argv, io.StringIO()
    try:
        sys.argv = [scorer.__file__, gold, graph, "--json"]
        with contextlib.redirect_stdout(out):
            scorer.main()
    finally:
        sys.argv = argv
    s = json.loads(out.getvalue())
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


def documents(gold_dir, corpus):
    """(gold file, document name, genre, text path or None) for each
    annotation of gold_dir."""
    table = documents_table()
    found = []
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        gold = os.path.join(gold_dir, name)
        doc = json.load(open(gold, encoding="utf-8"))["document"]
        genre, copy = table.get(doc, ("report", None))
        text = os.path.join(corpus, doc)
        if not os.path.exists(text):
            text = copy if copy and os.path.exists(copy) else None
        found.append((gold, doc, genre, text))
    return found


def score_all(relgraph, scorer, found, work):
    """(doc, genre, relgraph eval's counts, score.py's or None) per
    document; the builds run side by side, the scorer after them."""
    def run(k):
        gold, _, _, text = found[k]
        graph = os.path.join(work, "%d.json" % k)
        if scorer:
            build(relgraph, text, graph)
        return by_relgraph(relgraph, gold, text), graph
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(run, range(len(found))))
    return [(doc, genre, mine, by_reference(scorer, gold, graph) if scorer else None)
            for (gold, doc, genre, _), (mine, graph) in zip(found, results)]


def print_tables(per_doc, scorer):
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


def main():
    args = sys.argv[1:]
    require = "--require-agreement" in args
    args = [a for a in args if a != "--require-agreement"]
    if len(args) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    relgraph, gold_dir = args[0], args[1]
    corpus = args[2] if len(args) == 3 else os.path.join(gold_dir, "..", "corpus")
    scorer_path = os.path.join(gold_dir, "score.py")
    if not os.path.exists(scorer_path):
        if require:
            print("eval: skipped: no reference scorer at %s (../shared/gold is not beside this clone): "
                  "relgraph eval's agreement with it is not tested" % scorer_path, file=sys.stderr)
            return SKIPPED
        print("eval: no reference scorer at %s: relgraph eval alone" % scorer_path, file=sys.stderr)
    scorer = reference_scorer(scorer_path) if os.path.exists(scorer_path) else None
    found = documents(gold_dir, corpus)
    for gold, doc, _, text in found:
        if not text:
            print("eval: %s: its document %s is not found: left out" % (os.path.basename(gold), doc), file=sys.stderr)
    missing = sum(1 for f in found if not f[3])
    with tempfile.TemporaryDirectory() as work:
        per_doc = score_all(relgraph, scorer, [f for f in found if f[3]], work)
    if not per_doc:
        print("eval: no document could be scored", file=sys.stderr)
        return 1
    if not require:
        print_tables(per_doc, scorer)
    if not scorer:
        return 0
    disagree = [(doc, m, mine[m], ref[m]) for doc, _, mine, ref in per_doc for m in MEASURES if mine[m] != ref[m]]
    out = sys.stderr if require and disagree else sys.stdout
    if require and not disagree:
        print("eval: relgraph eval and score.py agree on all %d counts (tp/fp/fn) of %d documents"
              % (3 * len(per_doc), len(per_doc)))
    else:
        print("== the scorers disagree on %d of %d counts" % (len(disagree), 3 * len(per_doc)), file=out)
    for doc, m, a, b in disagree:
        print("  %s %s: relgraph eval %d/%d/%d, score.py %d/%d/%d" % ((doc, m) + a + b), file=out)
    return 1 if require and (disagree or missing) else 0


if __name__ == "__main__":
    sys.exit(main())
