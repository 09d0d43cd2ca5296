#!/usr/bin/env python3
"""Write the small PDFs the tests read, byte for byte the same on every run:

    python3 tests/pdf/make_pdfs.py DIR

  report.pdf     a four-page report as an audit office prints one: a cover,
                 an abbreviations table, running footers with page numbers,
                 side headings in the left margin, a footnote with its raised
                 marker, a word hyphenated across lines, a paragraph that runs
                 on to the next page, numbered recommendations
  layout.pdf     a page of three columns, and a page where a sidebar in a
                 smaller type stands beside a paragraph that runs on below it
  no-text.pdf    a page of lines and no text (a scan without OCR)
  encrypted.pdf  a report locked with a password
  bomb.pdf       one page that draws a form nine levels deep, each level the
                 one below ten times: a billion words of text from 2 KB, more
                 than poppler can lay out within relgraph's limits of time
                 and memory (a PDF that hangs or exhausts the reader)
  deep.pdf       one page that draws a form 99 levels deep, each level the
                 one below once: poppler's recursion overflows a stack of
                 120 KiB (ulimit -s 120), and the reader crashes

The PDFs are written by hand (PDF 1.4, the standard Helvetica fonts, no
compression), so the tests need no PDF writer beyond Python.
"""
import os
import sys

PAGE_W, PAGE_H = 612, 792
FONTS = {"R": "Helvetica", "B": "Helvetica-Bold"}


def esc(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def line(x, top, size, text, font="R", note=None):
    """A line of text at x, its top `top` points from the page's top; note
    is a footnote number set small and raised after the text."""
    y = PAGE_H - top - size
    ops = "BT /%s %g Tf %g %g Td (%s) Tj" % (font, size, x, y, esc(text))
    if note:
        ops += " /R %g Tf %g Ts (%s) Tj 0 Ts" % (size * 0.55, size * 0.4, note)
    return ops + " ET"


def footnote(x, top, number, text):
    y = PAGE_H - top - 9
    return "BT /R 5 Tf 4 Ts %g %g Td (%s) Tj 0 Ts /R 9 Tf (%s) Tj ET" % (x, y, number, esc(" " + text))


def footer(n):
    return [line(216, 760, 8, "Page %d" % n, "B"), line(460, 760, 8, "GAO-00-000 Test Report", "B")]


def body(top, lines, x=216, gap=13):
    return [line(x, top + i * gap, 11, t) for i, t in enumerate(lines)]


COVER = [
    line(216, 40, 12, "United States Government Accountability Office", "B"),
    line(36, 60, 36, "GAO"),
    line(216, 240, 30, "ENERGY SECURITY"),
    line(216, 280, 24, "A Strategy Is Needed"),
    line(36, 740, 12, "GAO-00-000", "B"),
]

ABBREVIATIONS = [
    line(216, 100, 11, "Abbreviations", "B"),
    line(216, 125, 11, "DOE"), line(288, 125, 11, "Department of Energy"),
    line(216, 138, 11, "IEA"), line(288, 138, 11, "International Energy Agency"),
    line(216, 151, 11, "USGS"), line(288, 151, 11, "United States Geological Survey"),
    line(216, 200, 9, "This is a work of the U.S. government and is not subject to copyright protection."),
] + footer(1)

LETTER = [
    line(36, 100, 17, "Results in Brief"),
] + body(100, [
    "The Department of Energy and the United States Geological Survey share",
    "the work of estimating how much oil remains. Their staff told us that negoti-",
    "ations with the International Energy Agency on shared data are slow, and",
    "that cost-effective options exist to improve them.",
]) + [
    line(216, 152, 11, "DOE has no strategy for a peak in oil production.", note="1"),
] + body(180, [
    "Officials at the Department of the Interior said that the estimates of",
    "the world's reserves, which several agencies use for their projections of",
]) + [footnote(216, 700, "1", "Officials of DOE told us this in interviews in 2006.")] + footer(2)

RECOMMENDATIONS = body(100, [
    "supply and demand, could be made more precise with better information.",
]) + [
    line(36, 140, 17, "Recommendations for"),
    line(36, 160, 17, "Executive Action"),
] + body(140, [
    "We recommend that the Secretary of Energy take the following two actions:",
]) + body(166, [
    "1. The Secretary of Energy should establish a strategy, with the",
    "Department of the Interior, for addressing a peak in oil production.",
], gap=13) + body(198, [
    "2. The Secretary of Energy should report to Congress each year on the",
    "cost of alternative fuels.",
]) + [line(36, 240, 17, "Agency Comments")] + body(240, [
    "DOE generally agreed with our recommendations.",
]) + footer(3)


THREE_COLUMNS = [line(36, 60, 17, "Three Columns", "B")] + [
    line(36 + 190 * c, 120 + 13 * i, 10, text)
    for c, column in enumerate([
        ["The Department of Energy", "should publish its oil", "supply estimates each", "year."],
        ["The Department of the", "Interior should share its", "data on federal lands with", "the Department of Energy."],
        ["The International Energy", "Agency should invite the", "Department of Energy to its", "meetings on oil supply."],
    ])
    for i, text in enumerate(column)
] + footer(1)

SIDEBAR = [line(72, 60, 17, "A Sidebar", "B")] + body(120, [
    "The Department of Energy has studied the supply",
    "of oil in the world for many years, and it has",
    "found that the estimates of the reserves that",
    "remain in the ground and in the oil sands of",
], x=72) + [
    line(400, 120 + 13 * i, 8, text)
    for i, text in enumerate(["Oil sands are deposits of bitumen", "mixed with sand and clay, which are",
                              "mined in Canada and in Venezuela", "by the companies that own them."])
] + body(172, [
    "Canada differ widely between the agencies that make them, so the Department",
    "should share its data with the Energy Information Administration.",
], x=72) + footer(2)


def pdf(pages, encrypted=False):
    """The bytes of a PDF of these pages (each a list of content operators)."""
    objects = []  # (number, bytes)

    def add(body_bytes):
        objects.append(body_bytes)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font_ids = {k: add(("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % v).encode())
                for k, v in FONTS.items()}
    resources = "<< /Font << %s >> >>" % " ".join("/%s %d 0 R" % (k, n) for k, n in font_ids.items())
    kids = []
    for ops in pages:
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
                         % (pages_obj, PAGE_W, PAGE_H, resources, content)).encode()))
    objects[catalog - 1] = ("<< /Type /Catalog /Pages %d 0 R >>" % pages_obj).encode()
    objects[pages_obj - 1] = ("<< /Type /Pages /Kids [%s] /Count %d >>"
                              % (" ".join("%d 0 R" % k for k in kids), len(kids))).encode()
    info = add(b"<< /Title (GAO-00-000 Energy Security: A Strategy Is Needed) /Producer (tests/pdf/make_pdfs.py) >>")
    encrypt = None
    if encrypted:
        # the standard security handler, its checks for a password we do not give
        encrypt = add(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"4f" * 32 + b"> /U <" + b"55" * 32 + b"> /P -44 >>")
    return serialize(objects, catalog, info, encrypt)


def serialize(objects, catalog, info, encrypt=None):
    """Objects 1..n (bytes each) as a PDF file with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, data in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + data + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = "<< /Size %d /Root %d 0 R /Info %d 0 R" % (len(objects) + 1, catalog, info)
    if encrypt:
        trailer += " /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" % encrypt
    out += ("trailer\n" + trailer + " >>\nstartxref\n%d\n%%%%EOF\n" % xref).encode()
    return bytes(out)


def bomb(depth=9, fanout=10):
    """A page whose form draws the form below it fanout times, depth levels
    down to one that shows a word: fanout ** depth words."""
    objects = [None, None, ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>").encode()]
    font = 3
    below = None
    for level in range(depth + 1):
        if below is None:
            ops, res = "BT /R 11 Tf 72 700 Td (oil ) Tj ET", "<< /Font << /R %d 0 R >> >>" % font
        else:
            ops, res = " ".join(["/X Do"] * fanout), "<< /XObject << /X %d 0 R >> >>" % below
        objects.append(("<< /Type /XObject /Subtype /Form /BBox [0 0 %d %d] /Resources %s /Length %d >>\n"
                        "stream\n%s\nendstream" % (PAGE_W, PAGE_H, res, len(ops), ops)).encode())
        below = len(objects)
    ops = "/X Do"
    objects.append(("<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops)).encode())
    content = len(objects)
    objects.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /X %d 0 R >> >>"
                    " /Contents %d 0 R >>" % (PAGE_W, PAGE_H, below, content)).encode())
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = ("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % len(objects)).encode()
    objects.append(b"<< /Producer (tests/pdf/make_pdfs.py) >>")
    return serialize(objects, 1, len(objects))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    files = {
        "report.pdf": pdf([COVER, ABBREVIATIONS, LETTER, RECOMMENDATIONS]),
        "layout.pdf": pdf([THREE_COLUMNS, SIDEBAR]),
        "no-text.pdf": pdf([["0 0 m 300 300 l S", "100 100 200 200 re f"]]),
        "encrypted.pdf": pdf([LETTER], encrypted=True),
        "bomb.pdf": bomb(),
        "deep.pdf": bomb(depth=99, fanout=1),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
