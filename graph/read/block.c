/* Blocks: a heading, paragraph, list item or table row built line by line,
 * closed into the document with its zone (front matter, body, notes, tail),
 * its section heading and its lead-in, then cut into sentences. */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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
    /* a credit is short: a long parenthesis is text */
    if (!open || (size_t)(b->data + b->len - open) > 80)
        return;
    static const char *const marks[] = {"images", "photo", " via ", "/", "afp", "reuters", "getty", "pool"};
    const char *end = b->data + b->len;
    bool credit = false;
    for (size_t i = 0; i < COUNT(marks) && !credit; i++)
        for (const char *q = open; q < end && !credit; q++)
            credit = rg_doc_starts_with_ci(q, (size_t)(end - q), marks[i]);
    if (!credit)
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
        if (rg_doc_starts_with_ci(text, len, prefixes[i]))
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
    "read more", "share this", "sign up", "subscribe", "\xc2\xa9", "copyright", "all rights reserved",
};
static const char *const opening_headings[] = {
    "foreword", "preface", "executive summary", "summary", "introduction", "overview", "abstract", "key findings",
};

static bool looks_like_citation(const char *text)
{
    return strstr(text, "http://") || strstr(text, "https://") || strstr(text, "www.") ||
           strstr(text, "doi:") || rg_doc_starts_with_ci(text, strlen(text), "ibid");
}

/* "(c) 2020 ...": a copyright line. "(C) perpetrating ...", an item of a
 * bill's list, is not: the "(c)" must come before a year. */
static bool copyright_line(const char *text)
{
    if (!rg_doc_starts_with_ci(text, strlen(text), "(c)"))
        return false;
    text += 3;
    while (*text == ' ')
        text++;
    return isdigit((unsigned char)*text);
}

static rg_zone zone_of(rg_doc_parser *p, const rg_block *b, bool note_mark)
{
    if (p->in_tail || matches_any(b->text, tail_lines, COUNT(tail_lines)) || copyright_line(b->text)) {
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

/* Everything before the first opening heading (Foreword, Executive
 * Summary, Introduction, ...) is front matter, when that heading comes early
 * enough that what precedes it cannot be the report itself. */
void rg_doc_mark_front_matter(rg_doc *d)
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

/* ---- Headings a line of its own makes, without markup ---- */

/* Words a sentence has and a heading lacks: a modal, or a form of "be" or
 * "have", in lowercase ("The Secretary of State should ...", "talks are
 * stalled"). A heading in title case capitalizes them ("What Is at
 * Stake"). */
bool rg_doc_has_clause_verb(const char *s, size_t n)
{
    static const char *const verbs[] = {"should", "must", "shall", "will", "would", "can", "could", "may", "might",
                                        "is", "are", "was", "were", "has", "have", "had", "need", "needs"};
    for (size_t i = 0; i < n;) {
        if (!isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && isalpha((unsigned char)s[e]))
            e++;
        for (size_t k = 0; k < COUNT(verbs); k++)
            if (strlen(verbs[k]) == e - i && memcmp(verbs[k], s + i, e - i) == 0)
                return true;
        i = e;
    }
    return false;
}

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

/* Could s[0..n), the words after a heading's number or label, be its
 * title? A few words, no verb of a clause, no sentence end ('?' may end
 * one: "What Next?"; '.' too when the line is in capitals, as a bill's
 * "SEC. 2. DEFINITIONS."). */
static bool title_words(const char *s, size_t n, bool capitals)
{
    while (n > 0 && s[0] == ' ')
        s++, n--;
    if (n == 0 || !(isupper((unsigned char)s[0]) || s[0] == '"'))
        return false;
    if (strchr(",;:!", s[n - 1]) || (s[n - 1] == '.' && !capitals))
        return false;
    return count_words(s, n) <= 16 && !rg_doc_has_clause_verb(s, n);
}

/* The length of a heading's number at t, its space included: "1 ",
 * "1.2 ", "1.2.3. ", "II. "; 0 when t opens with none. ("1. " opens a
 * list item before a paragraph is made; a single capital "A. " is as
 * often an initial.) *depth is the number's parts. */
static size_t heading_number(const char *t, size_t n, int *depth)
{
    size_t k = 0;
    *depth = 1;
    if (isdigit((unsigned char)t[0])) {
        for (;;) {
            size_t d = k;
            while (k < n && isdigit((unsigned char)t[k]))
                k++;
            if (k - d > 2)
                return 0; /* "2023 Annual Report": a year, not a number */
            if (k + 1 < n && t[k] == '.' && isdigit((unsigned char)t[k + 1]) && *depth < 4) {
                k++;
                (*depth)++;
                continue;
            }
            break;
        }
        if (k < n && t[k] == '.')
            k++;
    } else {
        while (k < n && k < 5 && strchr("IVXL", t[k]))
            k++;
        if (k == 0 || k >= n || t[k] != '.')
            return 0;
        k++;
    }
    return k < n && t[k] == ' ' ? k + 1 : 0;
}

/* The length of a label at t, "Pillar 5", "Part II", "Section 3", "SEC.
 * 2", "Recommendation 1", with what ends it (":", ".", " -", " --"), or
 * 0. *alone is set when a "Recommendation N" or "Finding N" label may
 * only stand alone: one followed by text is the recommendation itself. */
static size_t heading_label(const char *t, size_t n, bool *alone)
{
    static const char *const labels[] = {"pillar ", "part ", "chapter ", "section ", "sec. ", "appendix ", "annex ",
                                         "objective ", "goal ", "priority ", "line of effort ", "recommendation ",
                                         "finding "};
    size_t k = 0;
    for (size_t i = 0; i < COUNT(labels) && !k; i++)
        if (rg_doc_starts_with_ci(t, n, labels[i]) && isupper((unsigned char)t[0]))
            k = strlen(labels[i]);
    if (!k)
        return 0;
    *alone = rg_doc_starts_with_ci(t, n, "recommendation") || rg_doc_starts_with_ci(t, n, "finding");
    size_t id = k;
    while (k < n && k - id < 4 && (isdigit((unsigned char)t[k]) || strchr("IVXivx", t[k])))
        k++;
    if (k == id && k < n && isupper((unsigned char)t[k]))
        k++; /* "Appendix A" */
    if (k == id || (k < n && isalnum((unsigned char)t[k])))
        return 0;
    if (k < n && (t[k] == ':' || t[k] == '.'))
        k++;
    while (k < n && (t[k] == ' ' || t[k] == '-'))
        k++;
    return k;
}

/* The heading level that a paragraph of one line standing alone reads as
 * (a numbered title "1.2 Scope and Methodology", "II. Background"; a line
 * in capitals "RECOMMENDATIONS FOR EXECUTIVE ACTION"; a label "Pillar 5:
 * Japan", "Recommendation 1"), or 0 for text. A sentence is never one: it
 * ends as a sentence does, or has a clause's verb. */
static int label_heading_level(const char *t, size_t n)
{
    if (n == 0 || n > 120)
        return 0;
    bool lowercase = false, digits = false;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        lowercase |= islower((unsigned char)t[i]) != 0;
        digits |= isdigit((unsigned char)t[i]) != 0;
        letters += isupper((unsigned char)t[i]) != 0;
    }
    bool alone = false;
    size_t k = heading_label(t, n, &alone);
    if (k)
        return (k == n || (!alone && title_words(t + k, n - k, !lowercase))) ? 3 : 0;
    int depth;
    k = heading_number(t, n, &depth);
    if (k)
        return title_words(t + k, n - k, !lowercase) ? 2 + depth : 0;
    /* capitals, with no figure ("MARCH 15, 2023" is a dateline) */
    if (!lowercase && !digits && letters >= 4 && isupper((unsigned char)t[0]) && !strchr(".,;:!", t[n - 1]))
        return 3;
    return 0;
}

/* ---- Blocks ---- */

int rg_doc_is_section(const rg_block *b)
{
    return b->kind == RG_BLOCK_HEADING && (!b->emphasized || b->strong);
}

static int add_mark(rg_doc_parser *p, long line)
{
    if (rg_reserve((void **)&p->marks, &p->cap_marks, p->n_marks, sizeof *p->marks) < 0)
        return -1;
    p->marks[p->n_marks++] = (rg_doc_mark){p->text.len, line};
    return 0;
}

/* Does a block's text end as a lead-in to a list: "... policymakers:",
 * "the Task Force shall--" (an em dash, as the reader writes it)? */
static bool introduces_list(const char *t)
{
    size_t n = strlen(t);
    return (n >= 1 && t[n - 1] == ':') || (n >= 2 && t[n - 1] == '-' && t[n - 2] == '-');
}


int rg_doc_close_block(rg_doc_parser *p)
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
    /* a Markdown paragraph of one line that is a title by its words (a
     * plain-text file's lines are judged as they come, in markdown.c) */
    if (p->markdown && p->cur.kind == RG_BLOCK_PARAGRAPH && p->n_marks == 1 && (!p->cur_emphasized || p->cur_strong)) {
        int level = label_heading_level(p->text.data, p->text.len);
        if (level) {
            p->cur.kind = RG_BLOCK_HEADING;
            p->cur.level = level;
        }
    }
    rg_doc *d = p->doc;
    if (rg_reserve((void **)&d->blocks, &p->cap_blocks, d->n_blocks, sizeof *d->blocks) < 0)
        return -1;
    rg_block b = p->cur;
    if (!(b.text = rg_strndup(p->text.data, p->text.len)))
        return -1;
    b.emphasized = p->cur_emphasized;
    b.strong = p->cur_strong;
    b.zone = zone_of(p, &b, p->cur_note_mark);
    size_t index = d->n_blocks;
    if (b.kind == RG_BLOCK_HEADING) {
        /* a heading in italics ("### *Work together to ...*") is a
         * statement within the section, not a section of its own; one in
         * bold ("## **Pillar 5: ...**") is a section title in bold type */
        b.heading = p->heading;
        if (rg_doc_is_section(&b))
            p->heading = (long)index;
        p->lead_in = -1;
    } else {
        b.heading = p->heading;
    }
    /* a paragraph ending in ':' or a dash introduces the list that follows
     * it; so does an item, for the items after it (a bill's "(5) include
     * coordination with allies—" before "(A) to leverage ...") */
    bool opens_list = introduces_list(b.text);
    if (b.kind == RG_BLOCK_ITEM) {
        /* the nearest item above it that opened a list, else the paragraph */
        int level = b.level < RG_DOC_LIST_LEVELS ? b.level : RG_DOC_LIST_LEVELS - 1;
        b.lead_in = p->lead_in;
        for (int k = level - 1; k >= 0; k--)
            if (p->item_lead_in[k] >= 0) {
                b.lead_in = p->item_lead_in[k];
                break;
            }
        for (int k = level; k < RG_DOC_LIST_LEVELS; k++)
            p->item_lead_in[k] = -1;
        if (opens_list)
            p->item_lead_in[level] = (long)index;
    } else {
        b.lead_in = -1;
        p->lead_in = b.kind == RG_BLOCK_PARAGRAPH && opens_list ? (long)index : -1;
        for (int k = 0; k < RG_DOC_LIST_LEVELS; k++)
            p->item_lead_in[k] = -1;
    }
    d->blocks[d->n_blocks++] = b;
    rg_buf_reset(&p->text);
    return rg_doc_split_sentences(p, index);
}

int rg_doc_open_block(rg_doc_parser *p, rg_block_kind kind, int level, long line)
{
    if (rg_doc_close_block(p) < 0)
        return -1;
    p->open = true;
    p->cur = (rg_block){.kind = kind, .level = level, .line = line, .heading = -1, .lead_in = -1};
    p->n_marks = 0;
    p->cur_note_mark = false;
    p->cur_emphasized = false;
    p->cur_strong = false;
    return 0;
}

/* Append one line's inline text to the open block. */
int rg_doc_add_text(rg_doc_parser *p, const char *s, size_t n, long line)
{
    /* a word hyphenated across lines: "negoti-" + "ations" */
    size_t len = p->text.len;
    bool glue = p->glue;
    p->glue = false;
    bool hyphen = !glue && len >= 2 && p->text.data[len - 1] == '-' && isalpha((unsigned char)p->text.data[len - 2]) &&
                  n > 0 && islower((unsigned char)s[0]);
    if (hyphen)
        p->text.data[--p->text.len] = '\0';
    else if (p->text.len > 0 && !glue)
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
            if (end >= 6 && rg_doc_starts_with_ci(s + end - 6, 6, "</sup>")) {
                size_t k = end - 6;
                while (k > 0 && !rg_doc_starts_with_ci(s + k, end - k, "<sup"))
                    k--;
                end = k;
                changed = true;
            }
        }
        if (end > 2 && (s[end - 1] == '*' || s[end - 1] == '_')) {
            p->cur_emphasized = true;
            p->cur_strong = end > 4 && s[1] == s[0] && s[end - 1] == s[0] && s[end - 2] == s[0];
        }
    }
    rg_doc_clean_inline(&p->text, s, n, p->markdown, !p->html, &p->cur_note_mark);
    return p->text.failed ? -1 : 0;
}
