/* What the files of the report reader share (graph/read/): the parser's
 * state and the steps one file hands to another. The reader is layered so
 * that no two of its files call each other:
 *
 *   doc.c       the public API (doc.h): load, check, dispatch, title
 *   html.c      HTML, fed to markdown.c as lines
 *   markdown.c  Markdown and plain text, line by line, into blocks
 *   block.c     blocks: closing, zones, lead-ins; calls sentence.c
 *   sentence.c  a block's sentences
 *   inline.c    a line's inline text: markup stripped, punctuation normalized
 *   pdf.c       a PDF's text and layout, read by poppler in a child process
 *   layout.c    that layout assembled into lines and blocks (calls block.c)
 *
 * Not for use outside graph/read/.
 *
 * Ownership: the parser borrows the rg_doc it fills and the path; it owns
 * its text buffer and marks, which rg_doc_parse frees. Blocks and sentences
 * added to the document belong to the document.
 */
#ifndef RG_DOC_INTERNAL_H
#define RG_DOC_INTERNAL_H

#include "graph/base/error.h"
#include "graph/base/text.h"
#include "graph/read/doc.h"

#include <stdbool.h>
#include <stddef.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Where each input line starts inside a block's text, so that a sentence
 * found anywhere in a joined paragraph knows its line. */
typedef struct rg_doc_mark {
    size_t off;
    long line;
} rg_doc_mark;

/* List nesting levels told apart for lead-ins; deeper ones count as the deepest. */
#define RG_DOC_LIST_LEVELS 8

typedef struct rg_doc_parser {
    rg_doc *doc;
    const char *path;
    bool markdown;
    bool html; /* text already freed of its tags: a '<' is a character */
    size_t cap_blocks, cap_sentences;
    /* the block being built */
    bool open;
    rg_block cur;
    rg_buf text;
    rg_doc_mark *marks;
    size_t n_marks, cap_marks;
    bool cur_note_mark; /* a "↩" back-link: the block is an endnote */
    bool broken;        /* a blank line after a block that stops mid-sentence */
    bool cur_emphasized;
    bool cur_strong; /* the emphasis is bold */
    bool glue;       /* the next line joins the text as it is: no space, the
                        hyphen before it kept ("cost-" + "effective") */
    bool in_comment; /* inside an HTML comment (Markdown, plain text) */
    /* zones */
    rg_zone section_zone; /* zone set by the current heading */
    bool in_notes;        /* inside a run of endnotes */
    bool in_tail;         /* past the end of the report proper */
    long heading;         /* current heading block, or -1 */
    long lead_in;         /* paragraph introducing the current list, or -1 */
    /* the item at each nesting level that introduces the items deeper
     * than it ("(5) include coordination with allies--" before "(A) to
     * leverage ..."), or -1 */
    long item_lead_in[RG_DOC_LIST_LEVELS];
    rg_error *err;
    bool nomem;
} rg_doc_parser;

/* ---- inline.c ---- */

/* Do the first k bytes of a and b agree, ignoring ASCII case? Both must
 * hold k bytes (or a NUL before them). */
bool rg_doc_equal_ci(const char *a, const char *b, size_t k);

/* Does s[0..n) start with prefix (lowercase ASCII), ignoring case? */
bool rg_doc_starts_with_ci(const char *s, size_t n, const char *prefix);

/* Append the reading text of s[0..n) to out: punctuation normalized, links
 * reduced to their text, images, footnote superscripts, tags (when tags),
 * emphasis and escapes (when markdown) removed. Sets *note_mark when a "↩"
 * back-link is seen. A failed allocation is left in out->failed. */
void rg_doc_clean_inline(rg_buf *out, const char *s, size_t n, bool markdown, bool tags, bool *note_mark);

/* ---- sentence.c ---- */

/* Cut block's text into the document's sentences. Headings stay whole.
 * 0, or -1 when out of memory. */
int rg_doc_split_sentences(rg_doc_parser *p, size_t block);

/* ---- block.c ---- */

/* Close the open block, if any: clean its text, give it its zone, section
 * and lead-in, add it and its sentences to the document. An empty block is
 * dropped. 0, or -1 when out of memory. */
int rg_doc_close_block(rg_doc_parser *p);

/* Close the open block and open a new one of this kind starting on line. */
int rg_doc_open_block(rg_doc_parser *p, rg_block_kind kind, int level, long line);

/* Append one line's inline text to the open block. */
int rg_doc_add_text(rg_doc_parser *p, const char *s, size_t n, long line);

/* Does s[0..n) have a word that makes a clause of it, one a heading lacks
 * (a lowercase modal, "is", "are", "has" ...)? */
bool rg_doc_has_clause_verb(const char *s, size_t n);

/* Mark the blocks before an early opening heading as front matter. */
void rg_doc_mark_front_matter(rg_doc *d);

/* Set d->date (and date_from, date_line) from a dateline or a heading
 * near the top (date.c); left NULL when there is none. -1 when out of
 * memory. */
int rg_doc_find_date(rg_doc *d);

/* ---- markdown.c ---- */

/* How many bytes of a file its format is judged on: enough for a report's
 * front matter and first sections, little next to reading the file. */
#define RG_DOC_SNIFF_BYTES (64 * 1024)

/* The Markdown structure found in a file's first bytes. */
typedef struct rg_doc_signs {
    size_t headings; /* "# Title", "Title" over "====" or "----", a line wholly in bold */
    size_t items;    /* list items ("- x", "1. x", "(a) x") */
    size_t markup;   /* lines with a link "[x](y)", a "<sup>", a comment, a table rule */
    size_t blanks;   /* blank lines */
} rg_doc_signs;

/* Is data[0..len) Markdown by its content (looked at up to
 * RG_DOC_SNIFF_BYTES)? Two headings or more, four signs in all, and blank
 * lines between blocks: list items alone are as common in plain text, and
 * a text of one paragraph per line, without blank lines, would be read as
 * one paragraph. Fills *signs. */
bool rg_doc_sniff_markdown(const char *data, size_t len, rg_doc_signs *signs);

/* Classify and consume one raw line (without its line end). 0, or -1 when
 * out of memory. */
int rg_doc_parse_line(rg_doc_parser *p, const char *s, size_t n, long line);

/* ---- html.c ---- */

/* Feed HTML to the line reader, one line per block element. 0, or -1 when
 * out of memory or over a limit (then p->err is set). */
int rg_doc_parse_html(rg_doc_parser *p, const char *data, size_t len);

/* ---- pdf.c, layout.c ---- */

/* What poppler tells of one run of text on a line (pdf.c builds them from
 * its characters and their boxes): a line of a column, or a piece of one
 * (a bullet, a number in a table of contents). */
#define RG_PDF_BOLD 1u   /* a bold face: "Bold", "Black", "Heavy" in the font's name */
#define RG_PDF_ITALIC 2u /* "Italic", "Oblique" */
#define RG_PDF_NOTE 4u   /* opens with a number set small and raised: a footnote */

typedef struct rg_pdf_frag {
    int page;             /* 1-based */
    float x0, y0, x1, y1; /* its box, in points from the page's top left */
    float size;           /* the font size most of its characters have */
    unsigned flags;
    int font;             /* index of its font's family in rg_pdf_text.fonts */
    char *text;           /* UTF-8, footnote markers removed */
} rg_pdf_frag;

typedef struct rg_pdf_page {
    float width, height;
} rg_pdf_page;

/* A PDF's text, page by page: what the child process sends back. */
typedef struct rg_pdf_text {
    rg_pdf_page *pages;
    size_t n_pages, cap_pages;
    rg_pdf_frag *frags; /* in page order, each page's in poppler's order */
    size_t n_frags, cap_frags;
    char **fonts; /* font family names ("Century", "Helvetica") */
    size_t n_fonts, cap_fonts;
    size_t bytes; /* of text in all */
    char *title;  /* the title the PDF's metadata gives, or NULL */
} rg_pdf_text;

/* Add a page (width and height in points); 0, or -1 when out of memory. */
int rg_pdf_add_page(rg_pdf_text *t, float width, float height);

/* Add a fragment of text[0..n) to the last page, in font (a font name; its
 * family is what counts). 0, or -1 when out of memory. */
int rg_pdf_add_frag(rg_pdf_text *t, const rg_pdf_frag *f, const char *font, const char *text, size_t n);

void rg_pdf_text_free(rg_pdf_text *t);

/* Read the PDF data[0..len) with poppler in a child process, within
 * memory and time limits, into *t. 0, or -1 with p->err set (the error
 * names the file): encrypted, damaged, poppler crashed or took too long,
 * no text on any page, over the limits. */
int rg_pdf_read(rg_doc_parser *p, const char *data, size_t len, rg_pdf_text *t);

/* Assemble the layout into the document's blocks: running headers and
 * footers dropped, columns read in order, lines joined into paragraphs,
 * items and headings, footnotes, contents, cover and figures set apart, an
 * abbreviations table kept as definitions; each line given its page. 0,
 * or -1 when out of memory. */
int rg_pdf_assemble(rg_doc_parser *p, const rg_pdf_text *t);

/* The document the layout t makes (doc.c): what rg_doc_parse does with a
 * PDF once poppler has read it, for tests and fuzzing without poppler. */
int rg_doc_parse_layout(const char *path, const rg_pdf_text *t, rg_doc **out, rg_error *err);

/* Show poppler's own warnings (stderr of the child) when on. */
extern bool rg_pdf_verbose;

#endif
