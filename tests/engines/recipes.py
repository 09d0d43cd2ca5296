"""The README's recipes, as the reader sees them.

A fenced block right after a line "<!-- recipe: NAME -->" is recipe NAME;
the block named "settings" exports the variables the others read. The
tests run a recipe's text as it stands, with the variables set to their
own values, so the text a reader copies is the text that ran.
"""
import re

MARK = re.compile(r"^<!-- recipe: ([a-z0-9-]+) -->\s*$")
FENCE = re.compile(r"^```")
# $NAME and ${NAME...}, not ${#NAME} (a length) nor $1, $@, $(...)
READ = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
SET_HERE = re.compile(r"(?:^|[\s;(&|])(?:mapfile -t |read -r )?([A-Za-z_][A-Za-z0-9_]*)(?:=|\s*<)")
EXPORT = re.compile(r"^export ([A-Z_][A-Z0-9_]*)=")
# what the job's environment holds without the reader setting it
GIVEN = re.compile(r"^(SLURM_[A-Z_]+|PATH|HOME)$")


class RecipeError(Exception):
    pass


def blocks(readme_path):
    """{name: the block's text} for every marked block of the README."""
    with open(readme_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    found = {}
    for i, line in enumerate(lines):
        m = MARK.match(line)
        if not m:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or not FENCE.match(lines[j]):
            raise RecipeError("%s:%d: no fenced block after '%s'" % (readme_path, i + 1, line))
        k = j + 1
        while k < len(lines) and not FENCE.match(lines[k]):
            k += 1
        if k >= len(lines):
            raise RecipeError("%s:%d: the block never closes" % (readme_path, j + 1))
        if m.group(1) in found:
            raise RecipeError("%s:%d: a second recipe '%s'" % (readme_path, i + 1, m.group(1)))
        found[m.group(1)] = "\n".join(lines[j + 1:k]) + "\n"
    return found


def code(text):
    """The block's lines without their comments (a '#' after a blank)."""
    out = []
    for line in text.split("\n"):
        out.append(re.sub(r"(^|\s)#(?![!{]).*$", "", line) if not line.startswith("#!") else "")
    return "\n".join(out)


def read_variables(text):
    """The variables a recipe reads and does not set itself."""
    body = code(text)
    read = set(READ.findall(re.sub(r"\$\{#", "${", body)))
    set_here = set(SET_HERE.findall(body))
    return {v for v in read - set_here if not GIVEN.match(v)}


def settings(text):
    """The variables the settings block exports, in order."""
    return [m.group(1) for m in map(EXPORT.match, text.split("\n")) if m]


def check_documented(found):
    """Every variable a recipe reads is exported by the settings block, and
    every exported one is read by a recipe; a RecipeError says which."""
    if "settings" not in found:
        raise RecipeError("no settings block")
    exported = set(settings(found["settings"]))
    read_any = set()
    for name, text in sorted(found.items()):
        if name == "settings":
            continue
        read = read_variables(text)
        read_any |= read
        missing = sorted(read - exported)
        if missing:
            raise RecipeError("recipe %s reads %s, which the settings block does not export"
                              % (name, ", ".join(missing)))
    unused = sorted(exported - read_any)
    if unused:
        raise RecipeError("the settings block exports %s, which no recipe reads" % ", ".join(unused))
    return sorted(exported)
