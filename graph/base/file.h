/* rg_file: whole files in, and the paths that name them.
 *
 * Every reader of a file (reports, the catalog, graph files) takes its
 * bytes in one piece; this is the one place that opens, reads and says why
 * it could not, and the one place that tells a report (text, or PDF)
 * from the formats relgraph cannot read (Word, images, ...).
 *
 * Ownership: rg_file_read fills a caller-owned rg_buf (rg_buf_destroy it,
 * on failure too); rg_file_join returns a string the caller frees.
 */
#ifndef RG_FILE_H
#define RG_FILE_H

#include "graph/base/error.h"
#include "graph/base/text.h"

#include <stdbool.h>
#include <stddef.h>

/* Read the file at path into out (initialized by the caller). Reading
 * stops once more than max bytes are in (0: no limit), so that a caller
 * can refuse a file too large without holding all of it. Returns 0, or -1
 * with err set: RG_ERR_IO "cannot open: REASON" or "cannot read: REASON",
 * or out of memory. O(size of the file). */
int rg_file_read(const char *path, size_t max, rg_buf *out, rg_error *err);

/* "a/b"; NULL when out of memory. */
char *rg_file_join(const char *a, const char *b);

/* Is path a directory (following links)? */
bool rg_file_is_dir(const char *path);

/* Is name (a file's name, with or without its directory) one a report
 * has: .md, .markdown, .txt, .text, .html or .htm, any case? */
bool rg_file_report_name(const char *name);

/* What a file is when it is no text report: the one place that tells
 * formats apart; a PDF is read by graph/read/pdf.c, the others not at all. */
typedef enum rg_format_kind {
    RG_FORMAT_NONE,     /* none known: read as a report (text) */
    RG_FORMAT_PDF,      /* a PDF document */
    RG_FORMAT_DOCUMENT, /* a word processor's, spreadsheet's, slides' or e-book's file */
    RG_FORMAT_IMAGE,
    RG_FORMAT_JSON,     /* by its name only: a graph file, a catalog, ... */
    RG_FORMAT_OTHER,    /* an archive, a program, a database */
} rg_format_kind;

typedef struct rg_file_format {
    rg_format_kind kind;
    const char *name; /* "PDF", "Word", "PNG image", ...; NULL for NONE */
    bool by_content;  /* told by the first bytes, not by the name */
} rg_file_format;

/* The bytes rg_file_format_of reads from the start of a file. */
enum { RG_FILE_SNIFF_BYTES = 8192 };

/* The format of a file named name whose first len bytes are head: by
 * its magic bytes first (%PDF-, a ZIP holding word/, ...), else by its
 * extension (.pdf, .docx, .png, ...). */
rg_file_format rg_file_format_sniff(const char *name, const unsigned char *head, size_t len);

/* The format of the file at path (reading its first RG_FILE_SNIFF_BYTES
 * bytes). A file that cannot be read is told by its name alone: its
 * reader says why it cannot read it. */
rg_file_format rg_file_format_of(const char *path);

/* Does relgraph read a file of format f as a report (text, or PDF)? */
bool rg_file_format_readable(rg_file_format f);

#endif
