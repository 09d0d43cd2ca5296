/* HTML saved from a browser, fed to the line reader as the lines of a
 * plain document. */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The character an entity stands for, appended to out; returns the
 * entity's length, or 0 if s does not start one. */
static size_t entity(rg_buf *out, const char *s, size_t n)
{
    static const struct {
        const char *name;
        const char *text;
    } named[] = {
        {"&amp;", "&"},       {"&lt;", "<"},        {"&gt;", ">"},         {"&quot;", "\""},
        {"&apos;", "'"},      {"&nbsp;", " "},      {"&mdash;", "--"},     {"&ndash;", "-"},
        {"&rsquo;", "'"},     {"&lsquo;", "'"},     {"&ldquo;", "\""},     {"&rdquo;", "\""},
        {"&hellip;", "..."},  {"&shy;", ""},
    };
    for (size_t i = 0; i < COUNT(named); i++) {
        size_t k = strlen(named[i].name);
        if (n >= k && strncmp(s, named[i].name, k) == 0) {
            rg_buf_adds(out, named[i].text);
            return k;
        }
    }
    if (n < 4 || s[1] != '#')
        return 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    size_t i = hex ? 3 : 2;
    unsigned long cp = 0;
    while (i < n && i < 12 && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
        cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10));
        i++;
    }
    if (i >= n || s[i] != ';' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    char u[4];
    size_t len = rg_utf8_encode((unsigned)cp, u);
    /* a decoded control character or an odd code point carries no text */
    const char *a = rg_ascii_for((unsigned)cp);
    if (a)
        rg_buf_adds(out, a);
    else if (cp >= 0x20)
        rg_buf_add(out, u, len);
    return i + 1;
}

static bool tag_is(const char *tag, size_t n, const char *name)
{
    size_t k = strlen(name);
    return n >= k && rg_doc_equal_ci(tag, name, k) && (n == k || !isalnum((unsigned char)tag[k]));
}

/* The offset just past the comment that opens at data[i] ("<!--"), its
 * lines counted: a comment may hold '>' and whole tags ("<!--[if IE]><p>
 * ...</p><![endif]-->"), none of it read. One left open runs to the end,
 * as a browser reads it. */
static size_t skip_comment(const char *data, size_t len, size_t i, long *line)
{
    for (size_t k = i + 4; k < len; k++) {
        if (data[k] == '\n' || (data[k] == '\r' && (k + 1 >= len || data[k + 1] != '\n')))
            (*line)++;
        if (k + 3 <= len && data[k] == '-' && data[k + 1] == '-' && data[k + 2] == '>')
            return k + 3;
    }
    return len;
}

/* One block element's text, its prefix ("# ", "- ") before it, fed as a
 * line and closed by a blank one. */
static int feed_segment(rg_doc_parser *p, const char *prefix, const rg_buf *seg, long line)
{
    rg_buf text;
    rg_buf_init(&text);
    rg_buf_adds(&text, prefix);
    rg_buf_add(&text, seg->data, seg->len);
    int rc = text.failed ? -1 : rg_doc_parse_line(p, text.data, text.len, line);
    rg_buf_destroy(&text);
    return rc == 0 ? rg_doc_parse_line(p, "", 0, line) : rc;
}

/* Feed HTML to the rg_doc_parser as the lines of a plain document: each block
 * element (p, div, li, h1-h6, tr, br ...) becomes one line, "# " in front
 * of a heading and "- " of a list item, with the source line it starts on.
 * Scripts, styles and the head are skipped, entities decoded. */
int rg_doc_parse_html(rg_doc_parser *p, const char *data, size_t len)
{
    static const char *const blocks[] = {"p", "div", "br", "li", "tr", "td", "th", "ul", "ol", "table", "section",
                                         "article", "header", "footer", "blockquote", "h1", "h2", "h3", "h4",
                                         "h5", "h6", "dt", "dd", "figcaption", "hr", "main", "aside", "nav", "title"};
    static const char *const skipped[] = {"script", "style", "head", "noscript", "svg", "template"};
    rg_buf seg;
    rg_buf_init(&seg);
    long line = 1, seg_line = 1;
    const char *prefix = "";
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0;) {
        char c = data[i];
        if (c == '<' && len - i >= 4 && memcmp(data + i, "<!--", 4) == 0) {
            i = skip_comment(data, len, i, &line);
            continue;
        }
        if (c == '<') {
            const char *end = memchr(data + i, '>', len - i);
            if (!end)
                break;
            const char *tag = data + i + 1;
            bool closing = *tag == '/';
            if (closing)
                tag++;
            size_t tn = (size_t)(end - tag);
            for (const char *q = data + i; q < end; q++)
                line += *q == '\n';
            i = (size_t)(end - data) + 1;
            for (size_t k = 0; !closing && k < COUNT(skipped); k++) {
                if (!tag_is(tag, tn, skipped[k]))
                    continue;
                /* skip to the closing tag */
                char close[16];
                snprintf(close, sizeof close, "</%s", skipped[k]);
                size_t j = i, cn = strlen(close);
                while (j < len && !(data[j] == '<' && j + cn <= len && rg_doc_equal_ci(data + j, close, cn)))
                    line += data[j++] == '\n';
                i = j;
                break;
            }
            bool block = false;
            for (size_t k = 0; k < COUNT(blocks) && !block; k++)
                block = tag_is(tag, tn, blocks[k]);
            if (!block)
                continue;
            if (seg.len)
                rc = feed_segment(p, prefix, &seg, seg_line);
            rg_buf_reset(&seg);
            seg_line = line;
            prefix = "";
            if (!closing && tn >= 2 && tolower((unsigned char)tag[0]) == 'h' && tag[1] >= '1' && tag[1] <= '6')
                prefix = tag[1] == '1' ? "# " : tag[1] == '2' ? "## " : "### ";
            else if (!closing && tag_is(tag, tn, "li"))
                prefix = "- ";
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            if (c == '\n' || (c == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
                line++;
            if (seg.len)
                rg_buf_addc(&seg, ' ');
            i++;
            continue;
        }
        if (c == ' ' && seg.len == 0) {
            i++;
            continue;
        }
        if (!seg.len)
            seg_line = line;
        if ((long)seg.len > RG_DOC_MAX_LINE) {
            /* the first error wins: the caller's "out of memory" stays unsaid */
            rg_error_set(p->err, RG_ERR_INPUT, p->path, seg_line, "paragraph longer than %ld MiB (the limit)",
                         RG_DOC_MAX_LINE >> 20);
            rc = -1;
            break;
        }
        size_t k = c == '&' ? entity(&seg, data + i, len - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        rg_buf_addc(&seg, c);
        i++;
    }
    if (rc == 0 && seg.len) {
        rg_buf_adds(&seg, "");
        rc = seg.failed ? -1 : rg_doc_parse_line(p, seg.data, seg.len, seg_line);
    }
    rc = rc == 0 && seg.failed ? -1 : rc;
    rg_buf_destroy(&seg);
    return rc;
}
