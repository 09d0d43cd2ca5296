/* The report reader's public API (doc.h): a file loaded and checked (size,
 * NUL bytes, UTF-8), read as HTML (html.c) or line by line (markdown.c), or,
 * when it opens with "%PDF-", as a PDF (pdf.c, layout.c),
 * then its front matter marked and its title chosen. */
#include "graph/read/doc.h"

#include "graph/read/doc_internal.h"
#include "graph/base/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *doc_id_for(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *stem = rg_strndup(base, n);
    if (!stem)
        return NULL;
    char *slug = rg_slug(stem);
    free(stem);
    if (!slug)
        return NULL;
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_adds(&b, "report:");
    rg_buf_adds(&b, slug[0] ? slug : "untitled");
    free(slug);
    return rg_buf_steal(&b);
}

static bool has_suffix_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && rg_strcasecmp(s + n - k, suffix) == 0;
}

static long line_of_offset(const char *data, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= off || data[i + 1] != '\n')))
            line++;
    return line;
}

/* A file that opens as a web page does: "<!DOCTYPE html", "<html". */
static bool opens_as_html(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    return rg_doc_starts_with_ci(data + i, len - i, "<!doctype html") || rg_doc_starts_with_ci(data + i, len - i, "<html");
}

/* A .txt file (or one of no known extension) read by what it holds: HTML
 * when it opens as a web page, Markdown when its first bytes show
 * Markdown's structure (rg_doc_sniff_markdown), plain text otherwise. A
 * reading other than plain text is the document's notice. 0, or -1 when
 * out of memory. */
static int choose_by_content(rg_doc_parser *p, const char *data, size_t len)
{
    char note[160];
    rg_doc_signs signs;
    if (opens_as_html(data, len)) {
        p->html = true;
        snprintf(note, sizeof note, "read as HTML (it opens as a web page)");
    } else if (rg_doc_sniff_markdown(data, len, &signs)) {
        p->markdown = true;
        snprintf(note, sizeof note, "read as Markdown (%zu heading%s, %zu list item%s%s)", signs.headings,
                 signs.headings == 1 ? "" : "s", signs.items, signs.items == 1 ? "" : "s",
                 len > RG_DOC_SNIFF_BYTES ? " in its first 64 KiB" : "");
    } else {
        return 0;
    }
    p->doc->notice = rg_strdup(note);
    return p->doc->notice ? 0 : -1;
}

/* A PDF opens with "%PDF-", which readers find within its first KiB. */
static bool opens_as_pdf(const char *data, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (data[i] == '%' && memcmp(data + i, "%PDF-", 5) == 0)
            return true;
    return false;
}

/* A new document and the parser that fills it; -1 when out of memory
 * (then nothing is left to free). */
static int start_parse(rg_doc_parser *p, const char *path, size_t len, rg_error *err)
{
    rg_doc *d = calloc(1, sizeof *d);
    if (!d)
        return rg_error_nomem(err);
    *p = (rg_doc_parser){.doc = d, .path = path, .heading = -1, .lead_in = -1, .err = err};
    for (int k = 0; k < RG_DOC_LIST_LEVELS; k++)
        p->item_lead_in[k] = -1;
    rg_buf_init(&p->text);
    d->bytes = len;
    if (!(d->path = rg_strdup(path)) || !(d->id = doc_id_for(path))) {
        rg_doc_free(d);
        return rg_error_nomem(err);
    }
    return 0;
}

static void end_parse(rg_doc_parser *p)
{
    rg_buf_destroy(&p->text);
    free(p->marks);
}

/* Close the last block, mark the front matter, choose the title: the
 * document is done and goes to *out. -1 when out of memory (then it is
 * freed). */
static int finish_parse(rg_doc_parser *p, rg_doc **out)
{
    rg_doc *d = p->doc;
    int rc = rg_doc_close_block(p);
    end_parse(p);
    if (rc < 0) {
        rg_doc_free(d);
        return rg_error_nomem(p->err);
    }
    /* a PDF's front matter is told by its layout (cover, contents) */
    if (!d->n_pages)
        rg_doc_mark_front_matter(d);
    for (size_t i = 0; i < d->n_blocks && !d->title; i++)
        if (d->blocks[i].kind == RG_BLOCK_HEADING && d->blocks[i].level <= 2 && strlen(d->blocks[i].text) > 3)
            d->title = rg_strdup(d->blocks[i].text);
    if (!d->title)
        d->title = rg_strdup(d->n_blocks ? d->blocks[0].text : "");
    if (!d->title || rg_doc_find_date(d) < 0) {
        rg_doc_free(d);
        return rg_error_nomem(p->err);
    }
    *out = d;
    return 0;
}

/* Assemble the layout t (pdf.c) into a document. */
int rg_doc_parse_layout(const char *path, const rg_pdf_text *t, rg_doc **out, rg_error *err)
{
    *out = NULL;
    rg_doc_parser p;
    if (start_parse(&p, path, t->bytes, err) < 0)
        return -1;
    p.html = true; /* a '<' in a PDF is a character, no tag */
    if (t->bytes == 0) {
        end_parse(&p);
        rg_doc_free(p.doc);
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "no text on any page: run OCR first, for example ocrmypdf");
    }
    if (rg_pdf_assemble(&p, t) < 0) {
        end_parse(&p);
        rg_doc_free(p.doc);
        return rg_error_nomem(err);
    }
    return finish_parse(&p, out);
}

/* A PDF: read by poppler in a child process (pdf.c), then assembled. */
static int parse_pdf(const char *path, const char *data, size_t len, rg_doc **out, rg_error *err)
{
    rg_doc_parser p;
    if (start_parse(&p, path, len, err) < 0)
        return -1;
    rg_pdf_text t = {0};
    int rc = rg_pdf_read(&p, data, len, &t);
    end_parse(&p);
    rg_doc_free(p.doc);
    if (rc == 0)
        rc = rg_doc_parse_layout(path, &t, out, err);
    rg_pdf_text_free(&t);
    return rc;
}

int rg_doc_parse(const char *path, const char *data, size_t len, rg_doc **out, rg_error *err)
{
    *out = NULL;
    if (len == 0)
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "empty report");
    if ((long)len > RG_DOC_MAX_BYTES)
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "report larger than %ld MiB", RG_DOC_MAX_BYTES >> 20);
    if (opens_as_pdf(data, len))
        return parse_pdf(path, data, len, out, err);
    if (has_suffix_ci(path, ".pdf"))
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "not a PDF: it does not open with %%PDF-%s",
                            opens_as_html(data, len) ? " (a web page saved as .pdf?)" : "");
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        size_t off = (size_t)(nul - data);
        return rg_error_set(err, RG_ERR_INPUT, path, line_of_offset(data, off),
                            "binary data (NUL byte at byte %zu), not a text report", off);
    }
    long bad = rg_utf8_invalid_at(data, len);
    if (bad >= 0)
        return rg_error_set(err, RG_ERR_INPUT, path, line_of_offset(data, (size_t)bad),
                            "not valid UTF-8 at byte %ld", bad);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }

    rg_doc_parser p;
    if (start_parse(&p, path, len, err) < 0)
        return -1;
    p.markdown = has_suffix_ci(path, ".md") || has_suffix_ci(path, ".markdown") || has_suffix_ci(path, ".mdown");
    p.html = has_suffix_ci(path, ".html") || has_suffix_ci(path, ".htm");
    if (!p.markdown && !p.html && choose_by_content(&p, data, len) < 0)
        goto nomem;
    if (p.html) {
        if (rg_doc_parse_html(&p, data, len) < 0)
            goto nomem;
        return finish_parse(&p, out);
    }
    long line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && data[i] != '\n' && data[i] != '\r')
            continue;
        if ((long)(i - start) > RG_DOC_MAX_LINE) {
            end_parse(&p);
            rg_doc_free(p.doc);
            return rg_error_set(err, RG_ERR_INPUT, path, line, "line longer than %ld MiB (the limit)",
                                RG_DOC_MAX_LINE >> 20);
        }
        if (rg_doc_parse_line(&p, data + start, i - start, line) < 0)
            goto nomem;
        if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
        start = i + 1;
        line++;
    }
    return finish_parse(&p, out);
nomem:
    end_parse(&p);
    rg_doc_free(p.doc);
    return rg_error_nomem(err);
}

int rg_doc_load(const char *path, rg_doc **out, rg_error *err)
{
    *out = NULL;
    rg_buf b;
    rg_buf_init(&b);
    int rc = rg_file_read(path, RG_DOC_MAX_BYTES, &b, err);
    if (rc == 0)
        rc = rg_doc_parse(path, b.data ? b.data : "", b.len, out, err);
    rg_buf_destroy(&b);
    return rc;
}

void rg_doc_free(rg_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_blocks; i++)
        free(d->blocks[i].text);
    for (size_t i = 0; i < d->n_sentences; i++)
        free(d->sentences[i].text);
    free(d->blocks);
    free(d->sentences);
    free(d->id);
    free(d->path);
    free(d->title);
    free(d->date);
    free(d->notice);
    free(d->page_first_line);
    free(d);
}

long rg_doc_page(const rg_doc *doc, long line, long *page_line)
{
    if (page_line)
        *page_line = 0;
    if (!doc->n_pages || line < 1)
        return 0;
    /* the last page that starts at or before line */
    size_t lo = 0, hi = doc->n_pages;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->page_first_line[mid] <= line)
            lo = mid;
        else
            hi = mid;
    }
    if (doc->page_first_line[lo] > line)
        return 0;
    if (page_line)
        *page_line = line - doc->page_first_line[lo] + 1;
    return (long)lo + 1;
}

void rg_doc_set_verbose(int on)
{
    rg_pdf_verbose = on != 0;
}

const char *rg_doc_section(const rg_doc *doc, size_t block)
{
    const rg_block *b = &doc->blocks[block];
    if (rg_doc_is_section(b))
        return b->text;
    return b->heading >= 0 ? doc->blocks[b->heading].text : "";
}
