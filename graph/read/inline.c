/* Inline text of a line: markup stripped (Markdown emphasis, links and
 * images, HTML tags and footnote superscripts), punctuation normalized. */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <string.h>

static bool is_word_byte(int c)
{
    return isalnum(c) || c >= 0x80;
}

/* Length of an HTML tag starting at s[0] == '<', or 0 if it is not one. */
static size_t tag_length(const char *s, size_t n)
{
    size_t i = 1;
    if (i < n && s[i] == '/')
        i++;
    if (i >= n || !isalpha((unsigned char)s[i]))
        return 0;
    while (i < n && s[i] != '>' && s[i] != '<')
        i++;
    return i < n && s[i] == '>' ? i + 1 : 0;
}

/* Do the first k bytes of a and b agree, ignoring ASCII case? Both must
 * hold k bytes (or a NUL before them). */
bool rg_doc_equal_ci(const char *a, const char *b, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (!a[i] || tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return true;
}

bool rg_doc_starts_with_ci(const char *s, size_t n, const char *prefix)
{
    /* no strlen: most texts differ from the prefix at once */
    size_t i = 0;
    for (; prefix[i]; i++)
        if (i == n || tolower((unsigned char)s[i]) != prefix[i])
            return false;
    return true;
}

/* One non-ASCII character at s, normalized to its ASCII reading where it
 * has one (curly quotes, dashes, odd spaces); returns its length. Sets
 * *note_mark on a "↩" back-link. */
static size_t unicode_char(rg_buf *out, const char *s, bool *note_mark)
{
    size_t len;
    unsigned cp = rg_utf8_decode((const unsigned char *)s, &len);
    if (cp == 0x21A9)
        *note_mark = true;
    const char *a = rg_ascii_for(cp);
    if (a)
        rg_buf_adds(out, a);
    else
        rg_buf_add(out, s, len);
    return len;
}

/* HTML at s[i] == '<': a footnote superscript dropped with its number, an
 * autolink reduced to its address, any other tag dropped. Returns the
 * bytes used, or 0 when s[i] starts none of them. */
static size_t html_tag(rg_buf *out, const char *s, size_t n, size_t i)
{
    if (rg_doc_starts_with_ci(s + i, n - i, "<sup")) {
        /* A superscript is a footnote marker: drop it with its number. */
        for (size_t k = i; k + 6 <= n; k++)
            if (rg_doc_starts_with_ci(s + k, n - k, "</sup>"))
                return k + 6 - i;
    }
    if (rg_doc_starts_with_ci(s + i, n - i, "<http") || rg_doc_starts_with_ci(s + i, n - i, "<www")) {
        /* an autolink: keep the address, drop the brackets */
        const char *close = memchr(s + i, '>', n - i);
        if (close) {
            rg_buf_add(out, s + i + 1, (size_t)(close - s) - i - 1);
            return (size_t)(close - s) + 1 - i;
        }
    }
    return tag_length(s + i, n - i);
}

/* Markdown markup at s[i]: an escape keeps its character; an image goes
 * whole, a link keeps its text, emphasis and code marks go. Returns the
 * bytes used, or 0 when s[i] is text. */
static size_t markdown_markup(rg_buf *out, const char *s, size_t n, size_t i)
{
    char c = s[i];
    if (c == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
        rg_buf_addc(out, s[i + 1]);
        return 2;
    }
    if (c == '!' && i + 1 < n && s[i + 1] == '[') {
        /* an image: drop it whole, alt text included */
        const char *close = memchr(s + i, ']', n - i);
        if (close && (size_t)(close - s) + 1 < n && close[1] == '(') {
            const char *paren = memchr(close, ')', n - (size_t)(close - s));
            if (paren)
                return (size_t)(paren - s) + 1 - i;
        }
    }
    if (c == ']' && i + 1 < n && s[i + 1] == '(') {
        /* the end of a link's text: drop the address */
        const char *paren = memchr(s + i, ')', n - i);
        if (paren)
            return (size_t)(paren - s) + 1 - i;
    }
    if (c == '[' && memchr(s + i, ']', n - i))
        return 1;
    if (c == '*' || c == '`')
        return 1;
    if (c == '_') {
        /* emphasis only at a word edge: "snake_case" keeps its underscore */
        bool before = i > 0 && is_word_byte((unsigned char)s[i - 1]);
        bool after = i + 1 < n && is_word_byte((unsigned char)s[i + 1]);
        if (!(before && after))
            return 1;
    }
    return 0;
}

/* Append the reading text of s[0..n) to out: punctuation normalized, links
 * reduced to their text, images, footnote superscripts, tags, emphasis and
 * escapes removed. Sets *note_mark when a "↩" back-link is seen. */
void rg_doc_clean_inline(rg_buf *out, const char *s, size_t n, bool markdown, bool tags, bool *note_mark)
{
    /* the ASCII bytes looked at one by one: controls and markup; a run of
     * other ASCII bytes is copied as it is, in one append */
    static const unsigned char special[128] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        ['<'] = 1, ['\\'] = 1, ['!'] = 1, ['['] = 1, [']'] = 1, ['*'] = 1, ['`'] = 1, ['_'] = 1,
    };
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] < 0x80 && !special[(unsigned char)s[run]])
            run++;
        if (run > i) {
            rg_buf_add(out, s + i, run - i);
            i = run;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        size_t used = 0;
        if (c >= 0x80) {
            used = unicode_char(out, s + i, note_mark);
        } else if (c == '\t' || c == '\r' || c == '\v' || c == '\f') {
            rg_buf_addc(out, ' ');
            used = 1;
        } else if (c < 0x20) {
            used = 1; /* other control bytes carry no text */
        } else {
            if (c == '<' && tags)
                used = html_tag(out, s, n, i);
            if (!used && markdown)
                used = markdown_markup(out, s, n, i);
            if (!used) {
                rg_buf_addc(out, (char)c);
                used = 1;
            }
        }
        i += used;
    }
}
