/* Markdown and plain text, line by line: each line classified (heading,
 * list item, table row, rule, text) and fed to the blocks. */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <string.h>

static bool looks_like_date(const char *s, size_t n)
{
    static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"};
    for (size_t i = 0; i < COUNT(months); i++)
        if (rg_doc_starts_with_ci(s, n, months[i]))
            return memchr(s, ',', n) || (n > 0 && isdigit((unsigned char)s[n - 1]));
    return false;
}

/* A plain-text line that reads as a heading: short, capitalized, and with
 * no sentence punctuation at its end; a dateline is not one, nor a line
 * with a clause's verb ("Recommendation 1: The Secretary of State should
 * act", a sentence that lost its period). */
static bool plain_heading(const char *s, size_t n)
{
    if (looks_like_date(s, n) || rg_doc_has_clause_verb(s, n))
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
static int blank_line(rg_doc_parser *p)
{
    if (p->markdown && p->open && (p->cur.kind == RG_BLOCK_PARAGRAPH || p->cur.kind == RG_BLOCK_ITEM) &&
        mid_sentence(&p->text)) {
        p->broken = true;
        return 0;
    }
    return rg_doc_close_block(p);
}

/* The line t[0..m) after a blank that broke a block mid-sentence: the block
 * goes on when the line continues the sentence (it opens in lowercase, or
 * the block stopped on a word that cannot end one: "... that includes" +
 * "South Korea, Japan, ..."); otherwise it is closed. */
static int after_break(rg_doc_parser *p, const char *t, size_t m)
{
    p->broken = false;
    bool stopped_on_word = ends_with_function_word(&p->text);
    bool plain = isalnum((unsigned char)t[0]) && !(isdigit((unsigned char)t[0]) && memchr(t, '.', m < 4 ? m : 4));
    if (!(islower((unsigned char)t[0]) || (stopped_on_word && plain)))
        return rg_doc_close_block(p);
    return 0;
}

/* An ATX heading ("## Title ##"): 1 when t[0..m) was one and is consumed,
 * 0 when it is not one, -1 on error. */
static int atx_heading(rg_doc_parser *p, const char *t, size_t m, long line)
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
    if (rg_doc_open_block(p, RG_BLOCK_HEADING, (int)level, line) < 0 || rg_doc_add_text(p, t + k, e - k, line) < 0)
        return -1;
    return rg_doc_close_block(p) < 0 ? -1 : 1;
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

/* A lowercase roman numeral of one to four letters ("i", "iv", "xii")? */
static bool roman(const char *t, size_t n)
{
    if (n == 0 || n > 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("ivx", t[i]))
            return false;
    return true;
}

/* "(1) ", "(A) ", "(a) ", "(iv) ": the markers of a bill's or a
 * statute's lists; one letter, or a roman numeral, so that a line that
 * opens with an acronym ("(DIU) is ...") stays text. */
static size_t paren_marker(const char *t, size_t m)
{
    size_t k = 1;
    while (k < m && k <= 4 && isalnum((unsigned char)t[k]))
        k++;
    if (k == 1 || k >= m || t[k] != ')' || (k + 1 < m && t[k + 1] != ' '))
        return 0;
    size_t n = k - 1;
    const char *in = t + 1;
    /* "(c) 2020 ...": a copyright line, read as such by the zones */
    if (n == 1 && (in[0] == 'c' || in[0] == 'C') && k + 2 < m && isdigit((unsigned char)t[k + 2]))
        return 0;
    bool digits = true;
    for (size_t i = 0; i < n; i++)
        digits &= isdigit((unsigned char)in[i]) != 0;
    if ((digits && n <= 3) || (n == 1 && isalpha((unsigned char)in[0])) || roman(in, n))
        return k + 1;
    return 0;
}

/* The nesting of a statute's list by its marker, as bills write it with
 * no indentation: subsection "(a)", paragraph "(1)", subparagraph "(A)",
 * clause "(i)". in is past the "(". */
static int statute_level(const char *in)
{
    if (isdigit((unsigned char)in[0]))
        return 1;
    if (isupper((unsigned char)in[0]))
        return 2;
    size_t n = strcspn(in, ")");
    return roman(in, n) ? 3 : 0;
}

/* A setext underline: three or more '=' or '-' alone on their line ("- -
 * -" is a break only). The heading level it gives (1 for '=', 2 for '-'),
 * or 0. */
static int setext_underline(const char *t, size_t m)
{
    if (m < 3 || (t[0] != '=' && t[0] != '-'))
        return 0;
    for (size_t k = 1; k < m; k++)
        if (t[k] != t[0])
            return 0;
    return t[0] == '=' ? 1 : 2;
}

/* Does the open block read as the title over a setext underline? One line
 * of paragraph right above it ("---" after a blank line finds no block
 * open: it is a break) that does not end as a sentence or a clause does: a
 * sentence with a rule under it stays a sentence. */
static bool setext_title(const rg_doc_parser *p)
{
    if (!p->open || p->cur.kind != RG_BLOCK_PARAGRAPH || p->n_marks != 1)
        return false;
    size_t n = p->text.len;
    while (n > 0 && p->text.data[n - 1] == ' ')
        n--;
    return n > 0 && n <= 200 && !strchr(".,;:", p->text.data[n - 1]);
}

/* The length of a list item's marker at t: "- x", "* x", "+ x", "• x",
 * "1. x", "1) x", "(a) x", "iv. x", "a) x", a lone "-" too; 0 when the
 * line is no list item. */
static size_t list_marker(const char *t, size_t m)
{
    if (t[0] == '(')
        return paren_marker(t, m);
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
    /* "iv. " or "iv) ": a roman numeral */
    size_t r = 0;
    while (r < m && r < 5 && strchr("ivx", t[r]))
        r++;
    if (r > 0 && roman(t, r) && r + 1 < m && (t[r] == '.' || t[r] == ')') && t[r + 1] == ' ')
        return r + 1;
    /* "a) ", "B) ": one letter closed by a parenthesis; "A. " is not one,
     * it is an initial ("J. Smith wrote ...") */
    if (m >= 3 && isalpha((unsigned char)t[0]) && t[1] == ')' && t[2] == ' ')
        return 2;
    return 0;
}

/* A table row "| a | b |" becomes one block "a; b"; the |---|---|
 * separator carries no text. */
static int table_row(rg_doc_parser *p, const char *t, size_t m, long line)
{
    bool separator = true;
    for (size_t k = 0; k < m; k++)
        if (!strchr("|-: ", t[k]))
            separator = false;
    if (separator)
        return rg_doc_close_block(p);
    if (rg_doc_open_block(p, RG_BLOCK_ROW, 0, line) < 0)
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
    int rc = cells.failed ? -1 : rg_doc_add_text(p, cells.data ? cells.data : "", cells.len, line);
    rg_buf_destroy(&cells);
    return rc < 0 ? -1 : rg_doc_close_block(p);
}

/* The end of an HTML comment in s[0..n): the offset just past "-->", or
 * RG_NONE. */
static size_t comment_end(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
            return i + 3;
    return RG_NONE;
}

/* An HTML comment in Markdown or plain text ("<!-- source: ... -->", an
 * editor's note) is not part of the document: no prose opens a line with
 * "<!--", a file converted from markup does. A line that opens one ends
 * the block before it, and the comment is skipped to its "-->", on this
 * line or a later one. Returns true when the line is all comment; else
 * *s, *n are what follows the comment. (HTML's comments go with its tags,
 * in html.c.) */
static bool skip_comment(rg_doc_parser *p, const char **s, size_t *n)
{
    if (p->html)
        return false;
    size_t at = 0;
    if (!p->in_comment) {
        while (at < *n && (*s)[at] == ' ')
            at++;
        if (*n - at < 4 || memcmp(*s + at, "<!--", 4) != 0)
            return false;
        p->in_comment = true;
        at += 4;
    }
    size_t end = comment_end(*s + at, *n - at);
    if (end == RG_NONE)
        return true;
    p->in_comment = false;
    *s += at + end;
    *n -= at + end;
    for (size_t i = 0; i < *n; i++)
        if ((*s)[i] != ' ' && (*s)[i] != '\t')
            return false;
    return true;
}

/* ---- Markdown by its content ---- */

/* A line wholly in bold, "**Title**" or "__Title__": a heading in all but
 * name. */
static bool bold_line(const char *t, size_t m)
{
    return m > 4 && (t[0] == '*' || t[0] == '_') && t[1] == t[0] && t[m - 1] == t[0] && t[m - 2] == t[0] &&
           t[2] != ' ';
}

static bool has_markup(const char *t, size_t m)
{
    if (m >= 4 && memcmp(t, "<!--", 4) == 0)
        return true;
    if (t[0] == '|' && memchr(t, '-', m))
        return true; /* a table row, or its rule */
    for (size_t k = 0; k + 1 < m; k++)
        if ((t[k] == ']' && t[k + 1] == '(') || (t[k] == '<' && rg_doc_starts_with_ci(t + k, m - k, "<sup")))
            return true;
    return false;
}

/* The line s[0..n) without its indentation (its width in *indent) and
 * its trailing blanks: the text and its length *m. */
static const char *trim_line(const char *s, size_t n, size_t *indent, size_t *m)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t len = n - i;
    while (len > 0 && (s[i + len - 1] == ' ' || s[i + len - 1] == '\t'))
        len--;
    *indent = i;
    *m = len;
    return s + i;
}

/* Count one line's signs; *prev_text says whether the line before was
 * text a setext underline could stand under, and is set for the next. */
static void count_signs(const char *s, size_t n, rg_doc_signs *signs, bool *prev_text)
{
    size_t indent, m;
    const char *t = trim_line(s, n, &indent, &m);
    bool text = false;
    if (m == 0) {
        signs->blanks++;
    } else if (t[0] == '#') {
        size_t level = 0;
        while (level < m && t[level] == '#')
            level++;
        signs->headings += level <= 6 && level + 1 < m && t[level] == ' ';
    } else if (setext_underline(t, m)) {
        signs->headings += *prev_text;
    } else if (bold_line(t, m)) {
        signs->headings++;
    } else if (list_marker(t, m) && list_marker(t, m) < m) {
        signs->items++;
    } else {
        signs->markup += has_markup(t, m);
        text = true;
    }
    *prev_text = text;
}

bool rg_doc_sniff_markdown(const char *data, size_t len, rg_doc_signs *signs)
{
    *signs = (rg_doc_signs){0};
    if (len > RG_DOC_SNIFF_BYTES)
        len = RG_DOC_SNIFF_BYTES; /* the last line may be cut: it counts as text */
    bool prev_text = false;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && data[i] != '\n' && data[i] != '\r')
            continue;
        if (i == len && start == len)
            break; /* no line after the last line end */
        count_signs(data + start, i - start, signs, &prev_text);
        if (i + 1 < len && data[i] == '\r' && data[i + 1] == '\n')
            i++;
        start = i + 1;
    }
    return signs->headings >= 2 && signs->headings + signs->items + signs->markup >= 4 && signs->blanks >= 2;
}

/* Classify and consume one raw line (without its line end). */
int rg_doc_parse_line(rg_doc_parser *p, const char *s, size_t n, long line)
{
    bool was_in_comment = p->in_comment;
    if (skip_comment(p, &s, &n)) {
        /* a comment interrupts a paragraph, as any HTML block does */
        return was_in_comment ? 0 : rg_doc_close_block(p);
    }
    size_t indent, m;
    const char *t = trim_line(s, n, &indent, &m);
    if (m == 0)
        return blank_line(p);
    if (p->broken && after_break(p, t, m) < 0)
        return -1;
    if (t[0] == '#') {
        int rc = atx_heading(p, t, m, line);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
    }
    int underline = setext_underline(t, m);
    if (underline) {
        /* "Title" over "=====" or "-----" is a heading; any other run of
         * them is a break (a plain-text file's rule carries no text) */
        if (p->markdown && setext_title(p)) {
            p->cur.kind = RG_BLOCK_HEADING;
            p->cur.level = underline;
        }
        return rg_doc_close_block(p);
    }
    if (thematic_break(t, m))
        return rg_doc_close_block(p);
    size_t marker = list_marker(t, m);
    if (marker) {
        int level = t[0] == '(' ? statute_level(t + 1) : (int)(indent / 2);
        if (rg_doc_open_block(p, RG_BLOCK_ITEM, level, line) < 0)
            return -1;
        size_t k = marker;
        while (k < m && t[k] == ' ')
            k++;
        if (k < m && rg_doc_add_text(p, t + k, m - k, line) < 0)
            return -1;
        return 0;
    }
    if (t[0] == '|')
        return table_row(p, t, m, line);
    if (!p->markdown) {
        /* Plain text: one line, one paragraph, unless it reads as a heading. */
        rg_block_kind kind = plain_heading(t, m) ? RG_BLOCK_HEADING : RG_BLOCK_PARAGRAPH;
        if (rg_doc_open_block(p, kind, kind == RG_BLOCK_HEADING ? 2 : 0, line) < 0 || rg_doc_add_text(p, t, m, line) < 0)
            return -1;
        return rg_doc_close_block(p);
    }
    /* Markdown: a text line continues the open paragraph or item. */
    if (!p->open && rg_doc_open_block(p, RG_BLOCK_PARAGRAPH, 0, line) < 0)
        return -1;
    return rg_doc_add_text(p, t, m, line);
}
