"""A library of small reports for the engine tests, made at test time.

make_library(DIR, N) writes N reports (every fifth one plain text, the rest
Markdown, two with a space in their name), each a dated title and a few
sections of paragraphs drawn, by a fixed seed, from the two reports of
data/reports/, with a sentence or two naming invented bodies, and
DIR/../catalog.json naming those bodies: a few hundred reports build in a
second or two, and the same arguments give the same files.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = [os.path.join(HERE, "..", "..", "data", "reports", name)
           for name in ("renew-elevate-modernize-2020.md", "peninsula-plus-2023.txt")]

# bodies no built-in catalog knows: only catalog.json makes them entities
CATALOG = [
    {"name": "Velder Agency for Maritime Cooperation", "type": "agency", "aliases": ["VAMC"]},
    {"name": "Ministry of Kastrel Affairs", "type": "agency", "aliases": ["MKA"]},
    {"name": "Norvane Institute", "type": "actor", "kind": "organization", "aliases": ["NVI"]},
    {"name": "Auren Semiconductor Fund", "type": "program", "kind": "fund", "aliases": ["ASF"]},
    {"name": "Partner with Talvik Act", "type": "program", "kind": "act"},
    {"name": "Oskaran Dialogue", "type": "program", "kind": "dialogue"},
]
SENTENCES = [
    "The {a} should work with the {b} to expand the {p}.",
    "The {a} and the {b} should jointly fund the {p} through 2030.",
    "The {b} should ask the {a} to report each year on the {p}.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def paragraphs():
    """The paragraphs of the source reports long enough to say something."""
    found = []
    for path in SOURCES:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for block in text.split("\n\n" if path.endswith(".md") else "\n"):
            block = block.strip()
            if len(block) >= 200 and not block.startswith(("#", "|", "!")):
                found.append(block)
    return found


def report(rng, index, pool, markdown):
    agencies = [e["name"] for e in CATALOG if e["type"] != "program"]
    programs = [e["name"] for e in CATALOG if e["type"] == "program"]
    date = "%s %d, %d" % (rng.choice(MONTHS), rng.randint(1, 28), rng.randint(2015, 2024))
    title = "Report %03d on the alliance" % index
    lines = [("# " if markdown else "") + title, "", date, ""]
    for s in range(rng.randint(2, 3)):
        lines += [("## " if markdown else "") + "Section %d" % (s + 1), ""]
        for _ in range(rng.randint(1, 3)):
            lines += [rng.choice(pool), ""]
        a, b = rng.sample(agencies, 2)
        lines += [rng.choice(SENTENCES).format(a=a, b=b, p=rng.choice(programs)), ""]
    return "\n".join(lines)


def make_library(reports_dir, count, seed=19):
    """Write count reports into reports_dir (created) and the catalog that
    names their invented bodies; return the catalog's path."""
    os.makedirs(reports_dir, exist_ok=True)
    rng = random.Random(seed)
    pool = paragraphs()
    for i in range(1, count + 1):
        markdown = i % 5 != 0
        name = "report %03d" % i if i in (7, 70) else "report-%03d" % i
        path = os.path.join(reports_dir, name + (".md" if markdown else ".txt"))
        with open(path, "w", encoding="utf-8") as f:
            f.write(report(rng, i, pool, markdown))
    catalog = os.path.join(os.path.dirname(os.path.abspath(reports_dir)), "catalog.json")
    with open(catalog, "w", encoding="utf-8") as f:
        json.dump(CATALOG, f, indent=1)
        f.write("\n")
    return catalog
