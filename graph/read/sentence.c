/* Sentences: a block's text cut where a sentence ends, each with the line
 * of the file it starts on. */
#include "graph/read/doc_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Words after which a period does not end a sentence. */
static const char *const abbreviations[] = {
    "Adm", "Amb", "Apr", "Aug", "Capt", "Cdr", "Co", "Col", "Corp", "Dec", "Dept", "Dr",
    "Feb", "Fig", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd",
    "Maj", "Mar", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Nov", "Oct", "Op", "Prof", "Pub",
    "Rep", "Ret", "Rev", "Sec", "Secs", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Stat", "Vol", "al",
    "approx", "cf", "ed", "eds", "e.g", "i.e", "p", "pp", "vs",
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
        if (rg_spells(w, len, list[i]))
            return true;
    return false;
}

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
    if (w == 0 && strspn(t, "IVXL") == len)
        return false; /* a block's roman number: "II. The allies ..." */
    if (memchr(t + w, '.', len)) {
        /* "U.S.", "U.N.", "D.C.": an end only before a typical first word */
        size_t e = next;
        while (isalpha((unsigned char)t[e]))
            e++;
        return in_list(sentence_starters, COUNT(sentence_starters), t + next, e - next);
    }
    return true;
}

/* The end of a short parenthesis at t[at] == '(' that holds no sentence
 * ("(Recommendation 1)", "(see figure 2)"), just past its ')'; 0 when
 * there is none. After a sentence's end it labels that sentence: an audit
 * report's "... throughout implementation. (Recommendation 1)" is one
 * recommendation, its label included. */
static size_t label_end(const char *t, size_t n, size_t at)
{
    if (at >= n || t[at] != '(')
        return 0;
    for (size_t k = at + 1; k < n && k - at <= 40; k++) {
        if (t[k] == ')')
            return k > at + 1 ? k + 1 : 0;
        if (strchr(".!?()", t[k]))
            return 0;
    }
    return 0;
}

static int add_sentence(rg_doc_parser *p, size_t block, const char *s, size_t n, long line)
{
    while (n > 0 && s[0] == ' ')
        s++, n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0)
        return 0;
    rg_doc *d = p->doc;
    if (rg_reserve((void **)&d->sentences, &p->cap_sentences, d->n_sentences, sizeof *d->sentences) < 0)
        return -1;
    char *copy = rg_strndup(s, n);
    if (!copy)
        return -1;
    d->sentences[d->n_sentences++] = (rg_sentence){copy, line, block};
    return 0;
}

static long line_at(const rg_doc_parser *p, size_t off)
{
    long line = p->marks[0].line;
    for (size_t k = 0; k < p->n_marks && p->marks[k].off <= off; k++)
        line = p->marks[k].line;
    return line;
}

/* Cut a block's text into sentences. Headings stay whole. */
int rg_doc_split_sentences(rg_doc_parser *p, size_t block)
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
        size_t label = label_end(t, n, j + 1);
        if (label) {
            /* the label goes with the sentence it follows; what comes
             * after it starts the next one, if anything does */
            if (label >= n || t[label] != ' ' || label + 1 >= n || !isupper((unsigned char)t[label + 1])) {
                i = label - 1;
                continue;
            }
            j = label;
        }
        if (add_sentence(p, block, t + start, j - start, line_at(p, start)) < 0)
            return -1;
        start = j + 1;
        i = j;
    }
    return add_sentence(p, block, t + start, n - start, line_at(p, start));
}
