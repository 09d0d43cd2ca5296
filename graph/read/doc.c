#include "graph/read/doc.h"

#include "graph/base/text.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where each input line starts inside a block's text, so that a sentence
 * found anywhere in a joined paragraph knows its line. */
typedef struct mark {
    size_t off;
    long line;
} mark;

typedef struct parser {
    rg_doc *doc;
    const char *path;
    bool markdown;
    bool html; /* text already freed of its tags: a '<' is a character */
    size_t cap_blocks, cap_sentences;
    /* the block being built */
    bool open;
    rg_block cur;
    rg_buf text;
    mark *marks;
    size_t n_marks, cap_marks;
    bool cur_note_mark; /* a "↩" back-link: the block is an endnote */
    bool broken;        /* a blank line after a block that stops mid-sentence */
    bool cur_emphasized;
    /* zones */
    rg_zone section_zone; /* zone set by the current heading */
    bool in_notes;        /* inside a run of endnotes */
    bool in_tail;         /* past the end of the report proper */
    long heading;         /* current heading block, or -1 */
    long lead_in;         /* paragraph introducing the current list, or -1 */
    rg_error *err;
    bool nomem;
} parser;

/* ---- Unicode normalization and inline markup ---- */

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
static bool rg_strcasecmp_n(const char *a, const char *b, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (!a[i] || tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return true;
}

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)s[i]) != prefix[i])
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
    if (starts_with_ci(s + i, n - i, "<sup")) {
        /* A superscript is a footnote marker: drop it with its number. */
        for (size_t k = i; k + 6 <= n; k++)
            if (starts_with_ci(s + k, n - k, "</sup>"))
                return k + 6 - i;
    }
    if (starts_with_ci(s + i, n - i, "<http") || starts_with_ci(s + i, n - i, "<www")) {
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
static void clean_inline(rg_buf *out, const char *s, size_t n, bool markdown, bool tags, bool *note_mark)
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

/* Collapse runs of spaces to one and trim both ends, in place. */
static void squeeze_spaces(rg_buf *b)
{
    size_t w = 0;
    bool space = true; /* drops leading spaces */
    for (size_t r = 0; r < b->len; r++) {
        char c = b->data[r];
        if (c == ' ') {
            if (!space)
                b->data[w++] = ' ';
            space = true;
        } else {
            b->data[w++] = c;
            space = false;
        }
    }
    while (w > 0 && b->data[w - 1] == ' ')
        w--;
    b->len = w;
    if (b->data)
        b->data[w] = '\0';
}

/* ---- Sentences ---- */

/* Words after which a period does not end a sentence. */
static const char *const abbreviations[] = {
    "Adm", "Amb", "Apr", "Aug", "Capt", "Cdr", "Co", "Col", "Corp", "Dec", "Dept", "Dr",
    "Feb", "Fig", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd",
    "Maj", "Mar", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Nov", "Oct", "Op", "Prof",
    "Rep", "Ret", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Vol", "al", "approx",
    "cf", "ed", "eds", "e.g", "i.e", "p", "pp", "vs",
};

/* Words that start a sentence after a dotted abbreviation such as "U.S.":
 * "... with the U.S. The alliance ..." is two sentences, "U.S. Forces" one. */
static const char *const sentence_starters[] = {
    "A", "After", "An", "And", "As", "At", "But", "By", "For", "He", "However", "If",
    "In", "It", "Its", "Moreover", "On", "Seoul", "She", "Such", "That", "The", "Their",
    "There", "These", "They", "This", "Those", "To", "Washington", "We", "When", "While", "Yet",
};

static bool in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return true;
    return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Does the '.' at t[i] end a sentence? t[i+1..] is already known to be
 * space followed by a plausible sentence start at t[next]. */
static bool period_ends_sentence(const char *t, size_t i, size_t next)
{
    size_t w = i;
    while (w > 0 && (isalpha((unsigned char)t[w - 1]) || t[w - 1] == '.'))
        w--;
    size_t len = i - w;
    if (len == 0)
        return true; /* after a digit, quote or bracket */
    if (len == 1 && isupper((unsigned char)t[w]))
        return false; /* an initial: "Joseph R. Biden" */
    if (in_list(abbreviations, COUNT(abbreviations), t + w, len))
        return false;
    if (memchr(t + w, '.', len)) {
        /* "U.S.", "U.N.", "D.C.": an end only before a typical first word */
        size_t e = next;
        while (isalpha((unsigned char)t[e]))
            e++;
        return in_list(sentence_starters, COUNT(sentence_starters), t + next, e - next);
    }
    return true;
}

static int add_sentence(parser *p, size_t block, const char *s, size_t n, long line)
{
    while (n > 0 && s[0] == ' ')
        s++, n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0)
        return 0;
    rg_doc *d = p->doc;
    if (d->n_sentences == p->cap_sentences) {
        size_t cap = p->cap_sentences ? p->cap_sentences * 2 : 64;
        rg_sentence *ns = realloc(d->sentences, cap * sizeof *ns);
        if (!ns)
            return -1;
        d->sentences = ns;
        p->cap_sentences = cap;
    }
    char *copy = rg_strndup(s, n);
    if (!copy)
        return -1;
    d->sentences[d->n_sentences++] = (rg_sentence){copy, line, block};
    return 0;
}

static long line_at(const parser *p, size_t off)
{
    long line = p->marks[0].line;
    for (size_t k = 0; k < p->n_marks && p->marks[k].off <= off; k++)
        line = p->marks[k].line;
    return line;
}

/* Cut a block's text into sentences. Headings stay whole. */
static int split_sentences(parser *p, size_t block)
{
    const rg_block *b = &p->doc->blocks[block];
    const char *t = b->text;
    size_t n = strlen(t);
    if (b->kind == RG_BLOCK_HEADING)
        return add_sentence(p, block, t, n, b->line);
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c != '.' && c != '?' && c != '!')
            continue;
        size_t j = i + 1;
        while (j < n && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == ']'))
            j++;
        if (j >= n || t[j] != ' ')
            continue;
        size_t next = j + 1;
        while (next < n && (t[next] == '"' || t[next] == '\'' || t[next] == '('))
            next++;
        if (next >= n || !(isupper((unsigned char)t[next]) || isdigit((unsigned char)t[next])))
            continue;
        if (c == '.' && !period_ends_sentence(t, i, next))
            continue;
        if (add_sentence(p, block, t + start, j - start, line_at(p, start)) < 0)
            return -1;
        start = j + 1;
    }
    return add_sentence(p, block, t + start, n - start, line_at(p, start));
}

/* Footnote numbers glued to the end of a sentence in plain text
 * ("... in 2023.1 This year ...", "... the region.12 But") are removed:
 * a period or quote after a word or a year, then 1-3 digits, then a space
 * and a capital letter or the end of the block. */
static void strip_glued_footnotes(rg_buf *b)
{
    size_t w = 0;
    for (size_t r = 0; r < b->len;) {
        char c = b->data[r];
        b->data[w++] = c;
        r++;
        if ((c != '.' && c != '"' && c != ',') || w < 2)
            continue;
        char before = b->data[w - 2];
        bool year = w >= 5 && isdigit((unsigned char)b->data[w - 2]) && isdigit((unsigned char)b->data[w - 3]) &&
                    isdigit((unsigned char)b->data[w - 4]) && isdigit((unsigned char)b->data[w - 5]) &&
                    (w == 5 || !isdigit((unsigned char)b->data[w - 6]));
        if (!(isalpha((unsigned char)before) || before == '"' || before == ')' || before == '%' || year))
            continue;
        size_t d = r;
        while (d < b->len && d - r < 4 && isdigit((unsigned char)b->data[d]))
            d++;
        size_t digits = d - r;
        if (digits == 0 || digits > 3)
            continue;
        bool end = d == b->len;
        bool next_cap = d + 1 < b->len && b->data[d] == ' ' && isupper((unsigned char)b->data[d + 1]);
        if (end || next_cap)
            r = d;
    }
    b->len = w;
    if (b->data)
        b->data[w] = '\0';
}

/* A photo caption ends with its credit: "(AFP via Getty Images)",
 * "(Kim Yang-Bae-pool/Getty Images)". The credit names no one the report
 * speaks of: it is removed. */
static void strip_credit(rg_buf *b)
{
    if (b->len < 4 || b->data[b->len - 1] != ')')
        return;
    char *open = strrchr(b->data, '(');
    if (!open)
        return;
    static const char *const marks[] = {"images", "photo", " via ", "/", "afp", "reuters", "getty", "pool"};
    bool credit = false;
    for (size_t i = 0; i < COUNT(marks) && !credit; i++) {
        size_t k = strlen(marks[i]);
        for (const char *q = open; *q && !credit; q++)
            credit = starts_with_ci(q, strlen(q), marks[i]) && k;
    }
    if (!credit || (size_t)(b->data + b->len - open) > 80)
        return;
    b->len = (size_t)(open - b->data);
    while (b->len > 0 && b->data[b->len - 1] == ' ')
        b->len--;
    b->data[b->len] = '\0';
}

/* ---- Zones ---- */

static bool matches_any(const char *text, const char *const *prefixes, size_t n)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < n; i++)
        if (starts_with_ci(text, len, prefixes[i]))
            return true;
    return false;
}

static const char *const front_headings[] = {
    "about the", "about this", "about our", "acknowledg", "table of contents", "contents",
    "authors", "author ", "biograph", "photo credit", "disclaimer", "cover photo",
};
static const char *const notes_headings[] = {
    "notes", "endnotes", "footnotes", "references", "bibliography", "sources", "works cited", "citations",
};
static const char *const tail_lines[] = {
    "download the full report", "download the report", "more from", "related content",
    "read more", "share this", "sign up", "subscribe", "(c) ", "(c)2", "\xc2\xa9", "copyright", "all rights reserved",
};
static const char *const opening_headings[] = {
    "foreword", "preface", "executive summary", "summary", "introduction", "overview", "abstract", "key findings",
};

static bool looks_like_citation(const char *text)
{
    return strstr(text, "http://") || strstr(text, "https://") || strstr(text, "www.") ||
           strstr(text, "doi:") || starts_with_ci(text, strlen(text), "ibid");
}

static rg_zone zone_of(parser *p, const rg_block *b, bool note_mark)
{
    if (p->in_tail || matches_any(b->text, tail_lines, COUNT(tail_lines))) {
        p->in_tail = true;
        return RG_ZONE_TAIL;
    }
    if (b->kind == RG_BLOCK_HEADING) {
        p->in_notes = false;
        if (matches_any(b->text, notes_headings, COUNT(notes_headings)))
            p->section_zone = RG_ZONE_NOTES;
        else if (matches_any(b->text, front_headings, COUNT(front_headings)))
            p->section_zone = RG_ZONE_FRONT;
        else
            p->section_zone = RG_ZONE_BODY;
        return p->section_zone;
    }
    if (p->section_zone != RG_ZONE_BODY)
        return p->section_zone;
    if (b->kind == RG_BLOCK_ITEM && (note_mark || looks_like_citation(b->text)))
        p->in_notes = true;
    return p->in_notes ? RG_ZONE_NOTES : RG_ZONE_BODY;
}

/* ---- Blocks ---- */

static int add_mark(parser *p, long line)
{
    if (p->n_marks == p->cap_marks) {
        size_t cap = p->cap_marks ? p->cap_marks * 2 : 8;
        mark *m = realloc(p->marks, cap * sizeof *m);
        if (!m)
            return -1;
        p->marks = m;
        p->cap_marks = cap;
    }
    p->marks[p->n_marks++] = (mark){p->text.len, line};
    return 0;
}

static int close_block(parser *p)
{
    if (!p->open)
        return 0;
    p->open = false;
    squeeze_spaces(&p->text);
    strip_credit(&p->text);
    if (!p->markdown)
        strip_glued_footnotes(&p->text);
    if (p->text.failed)
        return -1;
    if (p->text.len == 0) {
        rg_buf_reset(&p->text);
        return 0;
    }
    rg_doc *d = p->doc;
    if (d->n_blocks == p->cap_blocks) {
        size_t cap = p->cap_blocks ? p->cap_blocks * 2 : 64;
        rg_block *nb = realloc(d->blocks, cap * sizeof *nb);
        if (!nb)
            return -1;
        d->blocks = nb;
        p->cap_blocks = cap;
    }
    rg_block b = p->cur;
    if (!(b.text = rg_strndup(p->text.data, p->text.len)))
        return -1;
    b.emphasized = p->cur_emphasized;
    b.zone = zone_of(p, &b, p->cur_note_mark);
    size_t index = d->n_blocks;
    if (b.kind == RG_BLOCK_HEADING) {
        /* an emphasized heading ("### *Work together to ...*") is a
         * statement within the section, not a section of its own */
        b.heading = p->heading;
        if (!b.emphasized)
            p->heading = (long)index;
        p->lead_in = -1;
    } else {
        b.heading = p->heading;
    }
    if (b.kind == RG_BLOCK_ITEM) {
        b.lead_in = p->lead_in;
    } else {
        b.lead_in = -1;
        /* a paragraph ending in ':' introduces the list that follows it */
        p->lead_in = (b.kind == RG_BLOCK_PARAGRAPH && b.text[strlen(b.text) - 1] == ':') ? (long)index : -1;
    }
    d->blocks[d->n_blocks++] = b;
    rg_buf_reset(&p->text);
    return split_sentences(p, index);
}

static int open_block(parser *p, rg_block_kind kind, int level, long line)
{
    if (close_block(p) < 0)
        return -1;
    p->open = true;
    p->cur = (rg_block){.kind = kind, .level = level, .line = line, .heading = -1, .lead_in = -1};
    p->n_marks = 0;
    p->cur_note_mark = false;
    p->cur_emphasized = false;
    return 0;
}

/* Append one line's inline text to the open block. */
static int add_text(parser *p, const char *s, size_t n, long line)
{
    /* a word hyphenated across lines: "negoti-" + "ations" */
    size_t len = p->text.len;
    bool hyphen = len >= 2 && p->text.data[len - 1] == '-' && isalpha((unsigned char)p->text.data[len - 2]) &&
                  n > 0 && islower((unsigned char)s[0]);
    if (hyphen)
        p->text.data[--p->text.len] = '\0';
    else if (p->text.len > 0)
        rg_buf_addc(&p->text, ' ');
    if (add_mark(p, line) < 0)
        return -1;
    /* A block wholly in emphasis ("*Continue to ...*<sup>67</sup>") is a
     * heading-like statement; remember it before the markup goes. */
    if (p->markdown && n > 2 && (s[0] == '*' || s[0] == '_')) {
        size_t end = n;
        for (bool changed = true; changed;) {
            changed = false;
            while (end > 0 && strchr(" .:;", s[end - 1])) {
                end--;
                changed = true;
            }
            /* a footnote marker after the emphasis: "*Continue ...*<sup>67</sup>" */
            if (end >= 6 && starts_with_ci(s + end - 6, 6, "</sup>")) {
                size_t k = end - 6;
                while (k > 0 && !starts_with_ci(s + k, end - k, "<sup"))
                    k--;
                end = k;
                changed = true;
            }
        }
        if (end > 2 && (s[end - 1] == '*' || s[end - 1] == '_'))
            p->cur_emphasized = true;
    }
    clean_inline(&p->text, s, n, p->markdown, !p->html, &p->cur_note_mark);
    return p->text.failed ? -1 : 0;
}

static bool looks_like_date(const char *s, size_t n)
{
    static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"};
    for (size_t i = 0; i < COUNT(months); i++)
        if (starts_with_ci(s, n, months[i]))
            return memchr(s, ',', n) || (n > 0 && isdigit((unsigned char)s[n - 1]));
    return false;
}

/* A plain-text line that reads as a heading: short, capitalized, and with
 * no sentence punctuation at its end; a dateline is not one. */
static bool plain_heading(const char *s, size_t n)
{
    if (looks_like_date(s, n))
        return false;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0 || n > 160 || !(isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
        return false;
    if (strchr(".,;:?!\"'", s[n - 1]) || (n >= 3 && (unsigned char)s[n - 1] >= 0x80))
        return false;
    int words = 1, capitals = 0, long_words = 0;
    bool word_start = true;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            words++;
            word_start = true;
            continue;
        }
        if (word_start) {
            size_t k = i;
            while (k < n && s[k] != ' ')
                k++;
            if (k - i >= 4) {
                long_words++;
                capitals += isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]);
            }
        }
        word_start = false;
    }
    return words <= 16 && capitals * 2 >= long_words;
}

/* Does the text stop on a word no sentence ends with: an article, a
 * preposition, a conjunction, "includes"? */
static bool ends_with_function_word(const rg_buf *b)
{
    static const char *const words[] = {
        "a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "include", "includes",
        "including", "into", "its", "of", "on", "or", "such", "than", "that", "the", "their", "to",
        "which", "who", "whose", "with",
    };
    size_t e = b->len;
    while (e > 0 && b->data[e - 1] == ' ')
        e--;
    size_t s = e;
    while (s > 0 && isalpha((unsigned char)b->data[s - 1]))
        s--;
    for (size_t i = 0; i < COUNT(words); i++)
        if (strlen(words[i]) == e - s && strncmp(b->data + s, words[i], e - s) == 0)
            return true;
    return false;
}

/* Does the block's text stop where no sentence ends? */
static bool mid_sentence(const rg_buf *b)
{
    size_t n = b->len;
    while (n > 0 && b->data[n - 1] == ' ')
        n--;
    return n > 0 && !strchr(".!?:;\")'*>|", b->data[n - 1]) && b->data[n - 1] != '>';
}

/* A blank line closes the open block, unless the block stops mid-sentence
 * in Markdown: converted PDFs break paragraphs there ("... create a
 * new\n\nprogram for ..."), so the block stays open across the blank line
 * until the next line shows whether it goes on. */
static int blank_line(parser *p)
{
    if (p->markdown && p->open && (p->cur.kind == RG_BLOCK_PARAGRAPH || p->cur.kind == RG_BLOCK_ITEM) &&
        mid_sentence(&p->text)) {
        p->broken = true;
        return 0;
    }
    return close_block(p);
}

/* The line t[0..m) after a blank that broke a block mid-sentence: the block
 * goes on when the line continues the sentence (it opens in lowercase, or
 * the block stopped on a word that cannot end one: "... that includes" +
 * "South Korea, Japan, ..."); otherwise it is closed. */
static int after_break(parser *p, const char *t, size_t m)
{
    p->broken = false;
    bool stopped_on_word = ends_with_function_word(&p->text);
    bool plain = isalnum((unsigned char)t[0]) && !(isdigit((unsigned char)t[0]) && memchr(t, '.', m < 4 ? m : 4));
    if (!(islower((unsigned char)t[0]) || (stopped_on_word && plain)))
        return close_block(p);
    return 0;
}

/* An ATX heading ("## Title ##"): 1 when t[0..m) was one and is consumed,
 * 0 when it is not one, -1 on error. */
static int atx_heading(parser *p, const char *t, size_t m, long line)
{
    size_t level = 0;
    while (level < m && t[level] == '#')
        level++;
    if (level == 0 || level > 6 || (level < m && t[level] != ' '))
        return 0;
    size_t k = level;
    while (k < m && t[k] == ' ')
        k++;
    size_t e = m;
    while (e > k && (t[e - 1] == '#' || t[e - 1] == ' '))
        e--; /* closing hashes */
    if (open_block(p, RG_BLOCK_HEADING, (int)level, line) < 0 || add_text(p, t + k, e - k, line) < 0)
        return -1;
    return close_block(p) < 0 ? -1 : 1;
}

/* A thematic break: ---, ***, ___ (spaces between allowed). */
static bool thematic_break(const char *t, size_t m)
{
    if (m < 3 || !(t[0] == '-' || t[0] == '*' || t[0] == '_'))
        return false;
    size_t k = 0;
    while (k < m && (t[k] == t[0] || t[k] == ' '))
        k++;
    return k == m;
}

/* The length of a list item's marker at t: "- x", "* x", "+ x", "• x",
 * "1. x", "1) x", a lone "-" too; 0 when the line is no list item. */
static size_t list_marker(const char *t, size_t m)
{
    if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && (m == 1 || t[1] == ' '))
        return 1;
    if (m >= 3 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80 && (unsigned char)t[2] == 0xA2)
        return 3;
    if (isdigit((unsigned char)t[0])) {
        size_t k = 0;
        while (k < m && k < 3 && isdigit((unsigned char)t[k]))
            k++;
        if (k < m && (t[k] == '.' || t[k] == ')') && (k + 1 == m || t[k + 1] == ' '))
            return k + 1;
    }
    return 0;
}

/* A table row "| a | b |" becomes one block "a; b"; the |---|---|
 * separator carries no text. */
static int table_row(parser *p, const char *t, size_t m, long line)
{
    bool separator = true;
    for (size_t k = 0; k < m; k++)
        if (!strchr("|-: ", t[k]))
            separator = false;
    if (separator)
        return close_block(p);
    if (open_block(p, RG_BLOCK_ROW, 0, line) < 0)
        return -1;
    rg_buf cells;
    rg_buf_init(&cells);
    size_t k = 1, begin = 1;
    for (; k <= m; k++) {
        if (k == m || t[k] == '|') {
            if (k > begin) {
                if (cells.len)
                    rg_buf_adds(&cells, "; ");
                rg_buf_add(&cells, t + begin, k - begin);
            }
            begin = k + 1;
        }
    }
    int rc = cells.failed ? -1 : add_text(p, cells.data ? cells.data : "", cells.len, line);
    rg_buf_destroy(&cells);
    return rc < 0 ? -1 : close_block(p);
}

/* Classify and consume one raw line (without its line end). */
static int parse_line(parser *p, const char *s, size_t n, long line)
{
    size_t indent = 0;
    while (indent < n && (s[indent] == ' ' || s[indent] == '\t'))
        indent++;
    const char *t = s + indent;
    size_t m = n - indent;
    while (m > 0 && (t[m - 1] == ' ' || t[m - 1] == '\t'))
        m--;
    if (m == 0)
        return blank_line(p);
    if (p->broken && after_break(p, t, m) < 0)
        return -1;
    if (t[0] == '#') {
        int rc = atx_heading(p, t, m, line);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
    }
    if (thematic_break(t, m))
        return close_block(p);
    size_t marker = list_marker(t, m);
    if (marker) {
        if (open_block(p, RG_BLOCK_ITEM, (int)(indent / 2), line) < 0)
            return -1;
        size_t k = marker;
        while (k < m && t[k] == ' ')
            k++;
        if (k < m && add_text(p, t + k, m - k, line) < 0)
            return -1;
        return 0;
    }
    if (t[0] == '|')
        return table_row(p, t, m, line);
    if (!p->markdown) {
        /* Plain text: one line, one paragraph, unless it reads as a heading. */
        rg_block_kind kind = plain_heading(t, m) ? RG_BLOCK_HEADING : RG_BLOCK_PARAGRAPH;
        if (open_block(p, kind, kind == RG_BLOCK_HEADING ? 2 : 0, line) < 0 || add_text(p, t, m, line) < 0)
            return -1;
        return close_block(p);
    }
    /* Markdown: a text line continues the open paragraph or item. */
    if (!p->open && open_block(p, RG_BLOCK_PARAGRAPH, 0, line) < 0)
        return -1;
    return add_text(p, t, m, line);
}

/* Everything before the first opening heading (Foreword, Executive
 * Summary, Introduction, ...) is front matter, when that heading comes early
 * enough that what precedes it cannot be the report itself. */
static void mark_front_matter(rg_doc *d)
{
    for (size_t i = 0; i < d->n_blocks; i++) {
        const rg_block *b = &d->blocks[i];
        if (b->kind != RG_BLOCK_HEADING || !matches_any(b->text, opening_headings, COUNT(opening_headings)))
            continue;
        if (i * 5 > d->n_blocks * 2)
            return;
        for (size_t k = 0; k < i; k++)
            if (d->blocks[k].zone == RG_ZONE_BODY)
                d->blocks[k].zone = RG_ZONE_FRONT;
        return;
    }
}

/* ---- HTML saved from a browser ---- */

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
    return n >= k && rg_strcasecmp_n(tag, name, k) && (n == k || !isalnum((unsigned char)tag[k]));
}

/* Feed HTML to the parser as the lines of a plain document: each block
 * element (p, div, li, h1-h6, tr, br ...) becomes one line, "# " in front
 * of a heading and "- " of a list item, with the source line it starts on.
 * Scripts, styles and the head are skipped, entities decoded. */
static int parse_html(parser *p, const char *data, size_t len)
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
                while (j < len && !(data[j] == '<' && j + cn <= len && rg_strcasecmp_n(data + j, close, cn)))
                    line += data[j++] == '\n';
                i = j;
                break;
            }
            bool block = false;
            for (size_t k = 0; k < COUNT(blocks) && !block; k++)
                block = tag_is(tag, tn, blocks[k]);
            if (!block)
                continue;
            if (seg.len) {
                rg_buf line_text;
                rg_buf_init(&line_text);
                rg_buf_adds(&line_text, prefix);
                rg_buf_add(&line_text, seg.data, seg.len);
                rc = line_text.failed ? -1 : parse_line(p, line_text.data, line_text.len, seg_line);
                rg_buf_destroy(&line_text);
                if (rc == 0)
                    rc = parse_line(p, "", 0, seg_line);
            }
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
        rc = seg.failed ? -1 : parse_line(p, seg.data, seg.len, seg_line);
    }
    rc = rc == 0 && seg.failed ? -1 : rc;
    rg_buf_destroy(&seg);
    return rc;
}

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

int rg_doc_parse(const char *path, const char *data, size_t len, rg_doc **out, rg_error *err)
{
    *out = NULL;
    if (len == 0)
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "empty report");
    if ((long)len > RG_DOC_MAX_BYTES)
        return rg_error_set(err, RG_ERR_INPUT, path, 0, "report larger than %ld MiB", RG_DOC_MAX_BYTES >> 20);
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

    rg_doc *d = calloc(1, sizeof *d);
    if (!d)
        return rg_error_nomem(err);
    parser p = {.doc = d, .path = path, .heading = -1, .lead_in = -1, .err = err};
    rg_buf_init(&p.text);
    p.markdown = has_suffix_ci(path, ".md") || has_suffix_ci(path, ".markdown") || has_suffix_ci(path, ".mdown");
    p.html = has_suffix_ci(path, ".html") || has_suffix_ci(path, ".htm");
    d->bytes = len;
    if (!(d->path = rg_strdup(path)) || !(d->id = doc_id_for(path)))
        goto nomem;

    if (p.html) {
        if (parse_html(&p, data, len) < 0)
            goto nomem;
        goto parsed;
    }
    long line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && data[i] != '\n' && data[i] != '\r')
            continue;
        if ((long)(i - start) > RG_DOC_MAX_LINE) {
            rg_buf_destroy(&p.text);
            free(p.marks);
            rg_doc_free(d);
            return rg_error_set(err, RG_ERR_INPUT, path, line, "line longer than %ld MiB (the limit)",
                                RG_DOC_MAX_LINE >> 20);
        }
        if (parse_line(&p, data + start, i - start, line) < 0)
            goto nomem;
        if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
        start = i + 1;
        line++;
    }
parsed:
    if (close_block(&p) < 0)
        goto nomem;
    mark_front_matter(d);
    for (size_t i = 0; i < d->n_blocks && !d->title; i++)
        if (d->blocks[i].kind == RG_BLOCK_HEADING && d->blocks[i].level <= 2 && strlen(d->blocks[i].text) > 3)
            d->title = rg_strdup(d->blocks[i].text);
    if (!d->title)
        d->title = rg_strdup(d->n_blocks ? d->blocks[0].text : "");
    if (!d->title)
        goto nomem;
    rg_buf_destroy(&p.text);
    free(p.marks);
    *out = d;
    return 0;
nomem:
    rg_buf_destroy(&p.text);
    free(p.marks);
    rg_doc_free(d);
    return rg_error_nomem(err);
}

int rg_doc_load(const char *path, rg_doc **out, rg_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    rg_buf b;
    rg_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        rg_buf_add(&b, chunk, n);
        if ((long)b.len > RG_DOC_MAX_BYTES)
            break;
    }
    int read_error = ferror(f);
    int saved = errno;
    fclose(f);
    if (read_error) {
        rg_buf_destroy(&b);
        return rg_error_set(err, RG_ERR_IO, path, 0, "cannot read: %s", strerror(saved));
    }
    if (b.failed) {
        rg_buf_destroy(&b);
        return rg_error_nomem(err);
    }
    int rc = rg_doc_parse(path, b.data ? b.data : "", b.len, out, err);
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
    free(d);
}

const char *rg_doc_section(const rg_doc *doc, size_t block)
{
    const rg_block *b = &doc->blocks[block];
    if (b->kind == RG_BLOCK_HEADING && !b->emphasized)
        return b->text;
    return b->heading >= 0 ? doc->blocks[b->heading].text : "";
}
