/* rg_doc: one report, loaded and cut into the pieces an analyst reads.
 *
 * A report (Markdown, plain text, HTML saved from a browser, or PDF; the format
 * told by the file's extension, or, for a .txt file or one without a known
 * extension, by its content) is checked for UTF-8, its punctuation normalized (curly quotes, dashes, odd spaces),
 * its markup stripped, and its structure kept: headings as sections,
 * paragraphs, list items and table rows as blocks, and sentences, each with
 * the 1-based line of the file it starts on.
 *
 * Blocks carry a zone: front matter (author biographies, acknowledgments,
 * table of contents), endnotes and citation lists, and trailing web
 * boilerplate ("Download the Full Report", "More from ...") are kept but set
 * apart, so the reading rules (graph/rules) read only the body.
 *
 * Ownership: rg_doc_load and rg_doc_parse return a new rg_doc the caller
 * frees with rg_doc_free; every string inside belongs to the rg_doc.
 */
#ifndef RG_DOC_H
#define RG_DOC_H

#include "graph/base/error.h"

#include <stdbool.h>
#include <stddef.h>

/* Documented limits: larger inputs are refused with a clear error. A line
 * of more than 1 MiB is no line of prose (a report is read line by line,
 * and its sentences analysed whole). */
#define RG_DOC_MAX_BYTES (256L * 1024 * 1024)
#define RG_DOC_MAX_LINE (1L * 1024 * 1024)

/* A PDF (told by its first bytes, "%PDF-") is read by poppler in a child
 * process under these limits: pages, seconds of CPU and of waiting, and
 * MiB of address space (or the process's own lower limits). Past one, or
 * when poppler crashes, the child ends and the file fails with a clear
 * error; relgraph itself is unharmed. */
#define RG_PDF_MAX_PAGES 10000
#define RG_PDF_SECONDS 120
#define RG_PDF_MEMORY_MB 2048

typedef enum rg_block_kind {
    RG_BLOCK_HEADING,
    RG_BLOCK_PARAGRAPH,
    RG_BLOCK_ITEM, /* a list item */
    RG_BLOCK_ROW,  /* a table row */
} rg_block_kind;

typedef enum rg_zone {
    RG_ZONE_BODY,
    RG_ZONE_FRONT, /* biographies, acknowledgments, contents, program blurbs */
    RG_ZONE_NOTES, /* endnotes, references */
    RG_ZONE_TAIL,  /* web-page boilerplate after the report */
} rg_zone;

typedef struct rg_block {
    rg_block_kind kind;
    rg_zone zone;
    int level;        /* heading level 1-6, list nesting depth from 0 */
    long line;        /* first line of the block */
    char *text;       /* normalized, markup stripped */
    long heading;     /* index of the section heading this block is under, or -1 */
    long lead_in;     /* for items: index of the paragraph introducing the list, or -1 */
    int emphasized;   /* 1 when the whole block was set in italics or bold */
    int strong;       /* 1 when that emphasis is bold ("## **Pillar 5: ...**") */
} rg_block;

typedef struct rg_sentence {
    char *text;
    long line;    /* line of the file the sentence starts on */
    size_t block; /* index into blocks */
} rg_sentence;

typedef struct rg_doc {
    char *id;    /* "report:" + slug of the file name without extension */
    char *path;  /* as given */
    char *title; /* first heading or first line */
    char *notice; /* a reading the file name does not announce, said to
                     the analyst ("read as Markdown ..."), or NULL */
    size_t bytes;
    char *date;            /* ISO 8601 as precise as the text ("2020-11"), or NULL */
    const char *date_from; /* where it was read: "a dateline", "a heading" */
    long date_line;        /* and on which line */
    rg_block *blocks;
    size_t n_blocks;
    rg_sentence *sentences;
    size_t n_sentences;
    /* A PDF's pages: `line` counts the lines of text extracted from it,
     * page after page, and page k + 1 starts at line page_first_line[k]
     * (a page with no text starts where the next one does). NULL and 0 for
     * other formats. rg_doc_page reads it. */
    long *page_first_line;
    size_t n_pages;
} rg_doc;

/* Read and parse the file at path. Errors: cannot open or read (RG_ERR_IO),
 * empty, binary, not UTF-8 (with byte offset and line), over the size limit
 * (RG_ERR_INPUT). */
int rg_doc_load(const char *path, rg_doc **out, rg_error *err);

/* Parse len bytes already in memory; path names them in ids and errors. */
int rg_doc_parse(const char *path, const char *data, size_t len, rg_doc **out, rg_error *err);

void rg_doc_free(rg_doc *doc);

/* Whether s is a date and nothing else ("March 15, 2023", "15 March
 * 2023", "2023-04-26", "November 2020", "Date: 2021-09-24"): its ISO 8601
 * form, as precise as s, into out[size]. */
bool rg_doc_date_parse(const char *s, char *out, size_t size);

/* The page (1-based) that line of doc is on, and in *page_line (may be
 * NULL) its line on that page (1-based, counting the extracted lines of
 * that page); 0 for a document that is no PDF, or a line out of range. */
long rg_doc_page(const rg_doc *doc, long line, long *page_line);

/* Let poppler's own warnings through to stderr (off by default: a PDF's
 * minor faults are poppler's to mend, not the analyst's to read). */
void rg_doc_set_verbose(int on);

/* The section title of a block: its heading's text, or "" at the top.
 * Emphasized headings ("### *Work together to ...*") are statements within
 * a section: their blocks belong to the heading above them. */
/* Is the block a section title: a heading not set in italics (a heading
 * wholly in italics states something within its section)? */
int rg_doc_is_section(const rg_block *b);

const char *rg_doc_section(const rg_doc *doc, size_t block);

#endif
