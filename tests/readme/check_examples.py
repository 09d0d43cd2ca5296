#!/usr/bin/env python3
"""The README's examples are what the binary prints.

A fenced block of README.md whose first line is "$ ./relgraph ..."
(continued over lines ending in a backslash) is an example: the lines after
the command, up to the next "$ " line or the block's end, are what it
prints, stdout and stderr together, as a terminal shows them. A line "..."
(indented or not) stands for any number of lines left out. Every example
runs, in the README's order, in a scratch directory of its block's own
that holds data/ and tests/ (links to the checkout's) and out/, one for all
blocks, so that an example can use what an earlier block wrote to out/
while a graph.json written in one block is not read by the next;
../shared is linked beside them when the checkout has it, and an example
that needs it is skipped otherwise, said on stderr. "$ relgraph ..." (no
"./") shows a command on files of the reader's own and is not run.

    check_examples.py RELGRAPH README.md            # compare; exit 1 on a difference
    check_examples.py RELGRAPH README.md --update   # rewrite the shown output

With --update the lines before the first "..." and after the last one are
taken from the real output (as many as were shown), and lines between
two "..." are kept; a block without "..." is rewritten whole.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```")
COMMAND = re.compile(r"^\$ \./relgraph( |$)")


def examples(lines):
    """Each command of each example block: (index of the block's fence,
    index of its first shown line, index past its last, the command, the
    shown lines)."""
    i = 0
    while i < len(lines):
        if not FENCE.match(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not FENCE.match(lines[j]):
            j += 1
        k = i + 1
        while k < j and COMMAND.match(lines[k]):
            command = lines[k][2:]
            while command.endswith("\\") and k + 1 < j:
                k += 1
                command = command[:-1].rstrip() + " " + lines[k].strip()
            start = end = k + 1
            while end < j and not lines[end].startswith("$ "):
                end += 1
            yield i, start, end, command, lines[start:end]
            k = end
        i = j + 1


def elided(line):
    return line.strip() == "..."


def matches(shown, out):
    """Do the shown lines match the output, "..." standing for any lines?"""
    def at(s, o):
        if s == len(shown):
            return o == len(out)
        if elided(shown[s]):
            return any(at(s + 1, k) for k in range(o, len(out) + 1))
        return o < len(out) and shown[s] == out[o] and at(s + 1, o + 1)
    return at(0, 0)


def updated(shown, out):
    cuts = [i for i, l in enumerate(shown) if elided(l)]
    if not cuts:
        return out
    first, last = cuts[0], cuts[-1]
    tail = len(shown) - 1 - last
    return out[:first] + shown[first : last + 1] + (out[len(out) - tail :] if tail else [])


def run(relgraph, work, command):
    argv = shlex.split(command)
    argv[0] = relgraph
    p = subprocess.run(argv, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=dict(os.environ, LC_ALL="C", COLUMNS="100",
                                RELGRAPH_DATA=os.path.join(work, "data"),
                                RELGRAPH_CACHE_DIR=os.path.join(work, "..", ".cache")))
    text = p.stdout.decode("utf-8", "replace")
    return [l.rstrip() for l in text.rstrip("\n").split("\n")] if text else []


def block_directory(scratch, top, block):
    """The scratch directory of the block that opens at line block."""
    work = os.path.join(scratch, f"block{block}")
    if not os.path.isdir(work):
        os.makedirs(work)
        for name in ("data", "tests"):
            os.symlink(os.path.join(top, name), os.path.join(work, name))
        os.symlink(os.path.join(scratch, "out"), os.path.join(work, "out"))
    return work


def main():
    relgraph, readme = os.path.abspath(sys.argv[1]), sys.argv[2]
    update = "--update" in sys.argv[3:]
    top = os.path.dirname(os.path.abspath(readme))
    shared = os.path.join(os.path.dirname(top), "shared")
    lines = open(readme, encoding="utf-8").read().split("\n")
    failed = checked = skipped = 0
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "out"))
        if os.path.isdir(shared):
            os.symlink(shared, os.path.join(scratch, "shared"))
        edits = []
        for block, body, end, command, shown in examples(lines):
            work = block_directory(scratch, top, block)
            if "../shared" in command and not os.path.isdir(shared):
                print(f"readme: skipped (no ../shared beside the checkout): $ {command}", file=sys.stderr)
                skipped += 1
                continue
            out = run(relgraph, work, command)
            checked += 1
            if matches(shown, out):
                continue
            if update:
                edits.append((body, end, updated(shown, out)))
                continue
            failed += 1
            print(f"readme: line {body}: $ {command}\n  README shows:", file=sys.stderr)
            print("\n".join("    " + l for l in shown), file=sys.stderr)
            print("  relgraph prints:", file=sys.stderr)
            print("\n".join("    " + l for l in out), file=sys.stderr)
        for body, end, new in reversed(edits):
            lines[body:end] = new
        if edits:
            tmp = readme + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            os.replace(tmp, readme)
            print(f"readme: rewrote {len(edits)} examples of {readme}", file=sys.stderr)
    print(f"readme: {checked - failed} of {checked} examples as shown, {skipped} skipped")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
