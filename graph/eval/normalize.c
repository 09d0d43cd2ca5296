#include "graph/eval/normalize.h"

#include "graph/base/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* One code point of s, or U+FFFD for a byte that starts no valid sequence
 * (graph and gold strings are validated when read; this keeps a bad one
 * from reading past its end). */
static unsigned next_code_point(const unsigned char *s, size_t *len)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : s[0] < 0xF5 ? 4 : 0;
    for (size_t k = 1; k < n; k++)
        if ((s[k] & 0xC0) != 0x80) /* also stops at the closing NUL */
            n = 0;
    if (n == 0 || rg_utf8_invalid_at((const char *)s, n) >= 0) {
        *len = 1;
        return 0xFFFD;
    }
    return rg_utf8_decode(s, len);
}

typedef struct norm_range {
    unsigned first, last;
} norm_range;

typedef struct norm_shift {
    norm_range run;
    unsigned step; /* 1: every code point of the run, 2: every other, 0: its first alone */
    int delta;
} norm_shift;

typedef struct norm_expand {
    unsigned cp;
    const char *utf8;
} norm_expand;

#include "graph/eval/norm_tables.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* In a table of n entries of size bytes, each starting with a norm_range,
 * sorted and disjoint: the entry whose range holds cp, or NULL. */
static const void *entry_holding(const void *table, size_t n, size_t size, unsigned cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const norm_range *r = (const void *)((const char *)table + mid * size);
        if (cp < r->first)
            hi = mid;
        else if (cp > r->last)
            lo = mid + 1;
        else
            return r;
    }
    return NULL;
}

static bool is_word(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    return entry_holding(norm_word, COUNT(norm_word), sizeof *norm_word, cp) != NULL;
}

static int by_expand_cp(const void *key, const void *entry)
{
    unsigned cp = *(const unsigned *)key, other = ((const norm_expand *)entry)->cp;
    return (cp > other) - (cp < other);
}

/* What score.py's NFKC, quote and dash replacements and lowercase make of
 * one code point (norm_tables.h): at most 4 code points into out. */
static size_t scorer_form(unsigned cp, unsigned out[4])
{
    if (cp < 0x80) {
        out[0] = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
        return 1;
    }
    const norm_expand *x = bsearch(&cp, norm_expands, COUNT(norm_expands), sizeof *norm_expands, by_expand_cp);
    if (x) {
        size_t n = 0;
        for (const unsigned char *p = (const unsigned char *)x->utf8; *p && n < 4; n++) {
            size_t len;
            out[n] = rg_utf8_decode(p, &len);
            p += len;
        }
        return n;
    }
    const norm_shift *s = entry_holding(norm_shifts, COUNT(norm_shifts), sizeof *norm_shifts, cp);
    bool shifted = s && (s->step ? (cp - s->run.first) % s->step == 0 : cp == s->run.first);
    out[0] = shifted ? (unsigned)((int)cp + s->delta) : cp;
    return 1;
}

/* The text as code points after NFKC, the quote and dash replacements and
 * lowercase, with whether each is a word character. */
typedef struct cps {
    unsigned *cp;
    bool *word;
    size_t n;
} cps;

static int decode(const char *s, cps *c)
{
    size_t bytes = strlen(s);
    /* no code point becomes more than twice as many as its UTF-8 bytes
     * (checked by make_norm_tables.py) */
    c->cp = malloc((2 * bytes + 1) * sizeof *c->cp);
    c->word = malloc((2 * bytes + 1) * sizeof *c->word);
    c->n = 0;
    if (!c->cp || !c->word)
        return -1;
    for (size_t i = 0; i < bytes;) {
        size_t len;
        unsigned form[4];
        size_t n = scorer_form(next_code_point((const unsigned char *)s + i, &len), form);
        i += len;
        for (size_t k = 0; k < n; k++) {
            c->word[c->n] = is_word(form[k]);
            c->cp[c->n++] = form[k];
        }
    }
    return 0;
}

static bool ascii_lower(const cps *c, size_t i)
{
    return i < c->n && c->cp[i] >= 'a' && c->cp[i] <= 'z';
}

/* A word boundary before position i (Python's \b there, with a word
 * character on one side known). */
static bool boundary_before(const cps *c, size_t i)
{
    return i == 0 || i >= c->n || !c->word[i - 1];
}

/* Remove the code points drop[] marks. */
static void compact(cps *c, const bool *drop)
{
    size_t to = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (drop[i])
            continue;
        c->cp[to] = c->cp[i];
        c->word[to++] = c->word[i];
    }
    c->n = to;
}

/* (?<=\b[a-z])\.(?=[a-z]\b): "u.s." -> "us.", every match looked for in
 * the text as it was. score.py's next rule, \b([a-z])\.([a-z])\. ->
 * \1\2, finds nothing this one has left, so it has no counterpart. */
static void drop_abbreviation_dots(cps *c, bool *drop)
{
    for (size_t i = 0; i < c->n; i++)
        drop[i] = c->cp[i] == '.' && i >= 1 && ascii_lower(c, i - 1) && boundary_before(c, i - 1) &&
                  ascii_lower(c, i + 1) && (i + 2 >= c->n || !c->word[i + 2]);
    compact(c, drop);
}

/* 's\b -> "", left to right. */
static void drop_possessives(cps *c, bool *drop)
{
    memset(drop, 0, c->n * sizeof *drop);
    for (size_t i = 0; i + 1 < c->n; i++) {
        if (c->cp[i] == '\'' && c->cp[i + 1] == 's' && (i + 2 >= c->n || !c->word[i + 2])) {
            drop[i] = drop[i + 1] = true;
            i++;
        }
    }
    compact(c, drop);
}

/* Everything but word characters, '&', '+' and '-' as one space between
 * words, none at the ends, then a leading "the " dropped; as UTF-8. */
static char *encode_words(const cps *c)
{
    rg_buf b;
    rg_buf_init(&b);
    bool space = false;
    for (size_t i = 0; i < c->n; i++) {
        unsigned cp = c->cp[i];
        if (!c->word[i] && cp != '&' && cp != '+' && cp != '-') {
            space = b.len > 0;
            continue;
        }
        if (space)
            rg_buf_addc(&b, ' ');
        space = false;
        char utf8[4];
        rg_buf_add(&b, utf8, rg_utf8_encode(cp, utf8));
    }
    char *out = rg_buf_steal(&b);
    if (out && strncmp(out, "the ", 4) == 0)
        memmove(out, out + 4, strlen(out + 4) + 1);
    return out;
}

char *rg_eval_normalize(const char *s)
{
    cps c = {NULL, NULL, 0};
    char *out = NULL;
    bool *drop = NULL;
    if (decode(s ? s : "", &c) == 0 && (drop = malloc((c.n + 1) * sizeof *drop)) != NULL) {
        drop_abbreviation_dots(&c, drop);
        drop_possessives(&c, drop);
        out = encode_words(&c);
    }
    free(drop);
    free(c.cp);
    free(c.word);
    return out;
}

size_t rg_eval_prefix(const char *s, size_t n)
{
    size_t at = 0;
    for (size_t seen = 0; s[at]; at++) {
        if (((unsigned char)s[at] & 0xC0) != 0x80 && seen++ == n)
            break;
    }
    return at;
}

size_t rg_eval_code_points(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t i = 0; i < bytes; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}
