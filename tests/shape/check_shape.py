#!/usr/bin/env python3
"""The house keeps its shape: fail on a function over 100 lines, a call
cycle between modules, or a stage that reaches up into a later one.

    python3 tests/shape/check_shape.py BUILD_DIR [ALLOW_FILE]

BUILD_DIR holds the object files of a build (build/release, or
build/sanitize under SANITIZE=1): a module is one source file, and module A
uses module B when a symbol A.o leaves undefined is defined in B.o (nm).
Function lengths come from Universal Ctags (line: and end: of every
function in graph/, export/ and cli/). Includes are read from the sources.

Stages, first to last (a folder may use its own and earlier stages, never a
later one nor another folder of the same rank):
    graph/base < graph/read < graph/rules < graph/model
    < {graph/analyze, graph/eval} < export < graph/pipeline < cli

Known violations are listed in tests/shape/allow.txt, one a line, in the
form this script prints them. The check fails on a violation that is not
listed, and on a listed one that no longer happens, so that the list only
shrinks. Prints one closing line, "shape: ok ..." or "shape: N failed".
"""
import os
import re
import subprocess
import sys

MAX_LINES = 100
STAGES = {
    "graph/base": 0,
    "graph/read": 1,
    "graph/rules": 2,
    "graph/model": 3,
    "graph/analyze": 4,
    "graph/eval": 4,
    "export": 5,
    "graph/pipeline": 6,
    "cli": 7,
}
# Generated tables exempt from the length limit (none today): "FILE:FUNCTION".
GENERATED = set()

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def folder(path):
    """The stage folder of a repository path: graph/X or the top folder."""
    parts = path.split("/")
    if parts[0] == "graph" and len(parts) > 2:
        return "/".join(parts[:2])
    return parts[0] if len(parts) > 1 else None


def sources():
    out = []
    for root in ("graph", "export", "cli"):
        for d, _, files in os.walk(os.path.join(TOP, root)):
            for f in files:
                if f.endswith((".c", ".h")):
                    out.append(os.path.relpath(os.path.join(d, f), TOP))
    return sorted(out)


def long_functions(files):
    """Violations 'long FILE:FUNCTION' with their messages."""
    cmd = ["ctags", "--languages=C", "--langmap=C:.c.h", "--fields=+ne",
           "--c-kinds=f", "-o", "-"] + files
    try:
        text = subprocess.run(cmd, cwd=TOP, check=True, capture_output=True,
                              text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("shape: cannot run Universal Ctags (apt-get install universal-ctags): %s" % e)
    found = {}
    for line in text.splitlines():
        fields = line.split("\t")
        start = re.search(r"\tline:(\d+)", line)
        end = re.search(r"\tend:(\d+)", line)
        if len(fields) < 2 or not start or not end:
            continue
        name, path = fields[0], fields[1]
        n = int(end.group(1)) - int(start.group(1)) + 1
        key = "long %s:%s" % (path, name)
        if n > MAX_LINES and "%s:%s" % (path, name) not in GENERATED:
            found[key] = "%s: function %s is %d lines long (at most %d)" % (
                path, name, n, MAX_LINES)
    return found, text.count("\n")


def symbols(build, files):
    """{module: (defined set, undefined set)} from nm on BUILD/MODULE.o."""
    mods = {}
    for path in files:
        if not path.endswith(".c"):
            continue
        mod = path[:-2]
        obj = os.path.join(build, mod + ".o")
        if not os.path.exists(obj):
            sys.exit("shape: no object file %s: build first (make tests)" % obj)
        out = subprocess.run(["nm", "-P", "-g", obj], check=True,
                             capture_output=True, text=True).stdout
        defined, undefined = set(), set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue
            (undefined if parts[1] in ("U", "w", "v") else defined).add(parts[0])
        mods[mod] = (defined, undefined)
    return mods


def module_graph(mods):
    """{a: {b: [symbols]}}: module a uses these symbols of module b."""
    owner = {}
    for mod, (defined, _) in mods.items():
        for s in defined:
            owner.setdefault(s, mod)
    edges = {m: {} for m in mods}
    for mod, (_, undefined) in mods.items():
        for s in sorted(undefined):
            b = owner.get(s)
            if b is not None and b != mod:
                edges[mod].setdefault(b, []).append(s)
    return edges


def components(edges):
    """Strongly connected components (Tarjan, iterative)."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(sorted(comp))
    return out


def cycles(edges):
    found = {}
    for comp in components(edges):
        if len(comp) < 2:
            continue
        ties = []
        for a in comp:
            for b in comp:
                if b in edges[a]:
                    ties.append("%s uses %s of %s" % (a, ", ".join(edges[a][b]), b))
        found["cycle " + " ".join(comp)] = "call cycle between modules %s: %s" % (
            ", ".join(comp), "; ".join(ties))
    return found


def reaches_wrong_way(a, b):
    """Whether folder a may not use folder b: b is later, or a sibling."""
    if a == b or a not in STAGES or b not in STAGES:
        return False
    return STAGES[b] >= STAGES[a]


def stages(files, edges):
    found = {}
    for path in files:
        if folder(path) not in STAGES:
            found["stage " + path] = "%s: folder %s has no place in the stage order (add it to %s)" % (
                path, folder(path), os.path.relpath(__file__, TOP))
    for path in files:
        with open(os.path.join(TOP, path), encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                if not m or "/" not in m.group(1):
                    continue
                target = m.group(1)
                if reaches_wrong_way(folder(path), folder(target)):
                    found["include %s %s" % (path, target)] = (
                        "%s:%d: includes %s: %s may not reach into %s (stage order: %s)"
                        % (path, n, target, folder(path), folder(target), order_text()))
    for a, uses in edges.items():
        for b, syms in uses.items():
            if reaches_wrong_way(folder(a), folder(b)):
                found["uses %s %s" % (a, b)] = (
                    "module %s uses %s of %s: %s may not reach into %s (stage order: %s)"
                    % (a, ", ".join(syms), b, folder(a), folder(b), order_text()))
    return found


def order_text():
    ranks = {}
    for f, r in STAGES.items():
        ranks.setdefault(r, []).append(f)
    return " < ".join("{%s}" % ", ".join(v) if len(v) > 1 else v[0]
                      for _, v in sorted(ranks.items()))


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: check_shape.py BUILD_DIR [ALLOW_FILE]")
    build = sys.argv[1]
    allow_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(TOP, "tests", "shape", "allow.txt")
    files = sources()
    found, nfunc = long_functions(files)
    mods = symbols(build, files)
    edges = module_graph(mods)
    found.update(cycles(edges))
    found.update(stages(files, edges))

    allowed = []
    if os.path.exists(allow_path):
        with open(allow_path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    allowed.append(" ".join(line.split()))
    failed = 0
    for key in sorted(found):
        if key not in allowed:
            print("shape: FAIL %s\n    (%s)" % (found[key], key))
            failed += 1
    for key in allowed:
        if key not in found:
            print("shape: FAIL %s: listed in %s but no longer happens: remove the line"
                  % (key, os.path.relpath(allow_path, TOP)))
            failed += 1
    if failed:
        print("shape: %d failed" % failed)
        return 1
    print("shape: ok: %d functions, %d modules, no new cycle or stage reaching up (%d known violations allowed)"
          % (nfunc, len(mods), len(allowed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
