#!/usr/bin/env python3
"""Measure `relgraph compare` against a hand-made key (../shared/compare).

    score_key.py RELGRAPH KEY.json CORPUS_DIR            agreement at the defaults
    score_key.py RELGRAPH KEY.json CORPUS_DIR --sweep    every threshold on a grid
    score_key.py RELGRAPH KEY CORPUS KEY CORPUS ... --sweep
                                                  the grid against several keys, ranked
                                                  by the mean over the keys
    score_key.py ... --min-f1 X --min-labels Y           fail below these (a test)

The key names each later recommendation by line and opening text, its label
(carried, reworded, new) and the earlier lines it continues (plus lines that
are acceptable too). relgraph's recommendations are aligned to the key's by
line and opening words; a key entry relgraph did not extract counts against
recall. Figures:
- pairs: a later recommendation relgraph labels carried or reworded, paired
  with an earlier one on a line the key accepts; precision over relgraph's
  pairs (aligned to the key), recall over the key's carried and reworded;
- labels: relgraph's label equals the key's, over the aligned entries (a
  key `new` with acceptable lines, given as reworded to one of them, counts
  as agreeing, as the key's README allows);
- dropped: earlier recommendations both call dropped (by line and text).
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile


def similar(a, b):
    n = min(len(a), len(b), 60)
    return difflib.SequenceMatcher(None, a[:n].lower(), b[:n].lower()).ratio()


def align(key_entries, recs, line_of, text_of):
    """key index -> rec (same line, most similar opening, >= 0.6), one to one."""
    out, used = {}, set()
    for k, e in enumerate(key_entries):
        best, score = None, 0.6
        for r in recs:
            if r['id'] in used or r['line'] != line_of(e):
                continue
            s = similar(text_of(e), r['text'])
            if s >= score:
                best, score = r, s
        if best:
            out[k] = best
            used.add(best['id'])
    return out


def run(relgraph, graph, earlier, later, thresholds=None):
    args = [relgraph, 'compare', '-q', '--json', '-g', graph, earlier, later]
    if thresholds:
        args += ['--thresholds', ','.join(str(t) for t in thresholds)]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def measure(key, result):
    recs = [m['b'] | {'m': m} for m in result['recommendations']]
    aligned = align(key['matches'], recs, lambda e: e['later_line'], lambda e: e['later_text'])
    pairs_pred = pairs_right = key_pairs = labels_right = 0
    for k, e in enumerate(key['matches']):
        ok_lines = set(e['earlier_lines']) | set(e.get('also_acceptable', []))
        if e['label'] != 'new':
            key_pairs += 1
        r = aligned.get(k)
        if not r:
            continue
        m = r['m']
        a_line = m['closest_a']['line'] if m['closest_a'] else None
        right_pair = m['label'] != 'new' and a_line in ok_lines
        if m['label'] != 'new':
            pairs_pred += 1
            pairs_right += right_pair
        if m['label'] == e['label'] or (e['label'] == 'new' and m['label'] == 'reworded' and right_pair):
            labels_right += 1
    dropped = align(key['dropped_earlier'], result['dropped'], lambda e: e['line'], lambda e: e['text'])
    return {
        'key_later': len(key['matches']), 'aligned': len(aligned),
        'pair_precision': pairs_right / pairs_pred if pairs_pred else 0.0,
        'pair_recall': pairs_right / key_pairs if key_pairs else 0.0,
        'label_accuracy': labels_right / len(aligned) if aligned else 0.0,
        'dropped_recall': len(dropped) / len(key['dropped_earlier']) if key['dropped_earlier'] else 1.0,
        'dropped_precision': len(dropped) / len(result['dropped']) if result['dropped'] else 1.0,
    }


def f1(m):
    p, r = m['pair_precision'], m['pair_recall']
    return 2 * p * r / (p + r) if p + r else 0.0


def show(name, m):
    print(f"{name}: {m['aligned']} of the key's {m['key_later']} later recommendations extracted; "
          f"pairs P {m['pair_precision']:.2f} R {m['pair_recall']:.2f} F1 {f1(m):.2f}; "
          f"labels {m['label_accuracy']:.2f}; dropped P {m['dropped_precision']:.2f} R {m['dropped_recall']:.2f}")


GRID = [(w / 10, c / 20, r / 20) for w in range(0, 11) for c in range(6, 20) for r in range(1, 12)]


def sweep(relgraph, keys):
    """Every point of GRID against each key: the 15 best by the mean, over the
    keys, of (pair F1 + label accuracy) / 2, each key's figures beside."""
    rows = []
    for t in GRID:
        per_key = [measure(key, run(relgraph, graph, key['earlier'], key['later'], t)) for key, graph in keys]
        means = [(f1(m) + m['label_accuracy']) / 2 for m in per_key]
        rows.append((sum(means) / len(means), t, per_key))
    rows.sort(key=lambda row: (-row[0], row[1]))
    for mean, (w, c, r), per_key in rows[:15]:
        figures = '  '.join('F1 %.3f labels %.3f' % (f1(m), m['label_accuracy']) for m in per_key)
        print('mean %.3f  at W %.1f C %.2f R %.2f   %s' % (mean, w, c, r, figures))
    return 0


def main():
    relgraph = sys.argv[1]
    pairs, rest = [], sys.argv[2:]
    while len(rest) >= 2 and not rest[0].startswith('--'):
        pairs.append((rest[0], rest[1]))
        rest = rest[2:]
    with tempfile.TemporaryDirectory() as tmp:
        keys = []
        for n, (key_path, corpus) in enumerate(pairs):
            key = json.load(open(key_path))
            graph = os.path.join(tmp, 'g%d.json' % n)
            files = [os.path.join(corpus, key['earlier']), os.path.join(corpus, key['later'])]
            subprocess.run([relgraph, 'build', '-q', '-j', '1', '-o', graph] + files, check=True)
            keys.append((key, graph))
        if '--sweep' in rest:
            return sweep(relgraph, keys)
        floors = dict(zip(rest[0::2], rest[1::2]))
        status = 0
        for (key, graph), (key_path, _) in zip(keys, pairs):
            m = measure(key, run(relgraph, graph, key['earlier'], key['later']))
            show(os.path.basename(key_path), m)
            if f1(m) < float(floors.get('--min-f1', 0)) or m['label_accuracy'] < float(floors.get('--min-labels', 0)):
                print('below the floor', floors)
                status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
