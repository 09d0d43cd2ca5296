#include "graph/rules/match.h"

#include "graph/base/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A form: the original spelling of a pattern and the values it stands for.
 * Forms that fold to the same lowercase text share a trie state and are
 * chained through next. */
typedef struct form {
    char *text;
    bool exact; /* one word: compare case-sensitively */
    size_t *values;
    size_t n_values;
    uint32_t next; /* next form of the same state, or 0 */
} form;

/* An edge of the trie in eight bytes: a scan probes one per byte of a
 * candidate name, mostly out of the cache, so the table is kept small and
 * a step reads nothing else (the child's TERMINAL bit says whether a form
 * ends there). */
typedef struct edge {
    uint32_t key;   /* state << 8 | byte */
    uint32_t child; /* 0 = empty slot (state 0 is the root, never a target) */
} edge;

#define TERMINAL 0x80000000u
#define STATE(child) ((child) & ~TERMINAL)
enum { MAX_STATES = 1 << 24 }; /* what a key holds */

/* The first words of the patterns, as a Bloom filter of two bits a word:
 * most words of a text begin no name, and a word the filter rules out
 * costs no walk down the trie (a probe per byte into a table of
 * megabytes).
 * 2^18 bits (32 KB) stay in the cache; with the tens of thousands of
 * first words of a big catalog, a few words in a hundred get through
 * needlessly. */
enum { FILTER_BITS = 18 };

struct rg_matcher {
    uint64_t filter[(1u << FILTER_BITS) / 64];
    /* The bytes a match can open with, case as in the text: a pattern that
     * opens with a capital matches no text that opens in lower case (see
     * accept), so the lower-case words of a sentence, most of them, are
     * passed over without a hash. */
    uint64_t opens[4];
    edge *edges;
    size_t cap; /* power of two */
    size_t n_edges;
    uint32_t n_states;
    uint32_t *terminal; /* per state: first form + 1, or 0 */
    size_t cap_states;
    uint32_t root[256]; /* the root's children (with TERMINAL), looked up without hashing */
    form *forms; /* forms[0] unused */
    uint32_t n_forms;
    uint32_t cap_forms;
};

static int new_state(rg_matcher *m, uint32_t *out);

rg_matcher *rg_matcher_new(void)
{
    rg_matcher *m = calloc(1, sizeof *m);
    uint32_t root;
    if (!m || new_state(m, &root) < 0) {
        free(m);
        return NULL;
    }
    m->n_forms = 1; /* form 0 means "none" */
    return m;
}

void rg_matcher_free(rg_matcher *m)
{
    if (!m)
        return;
    for (uint32_t i = 1; i < m->n_forms; i++) {
        free(m->forms[i].text);
        free(m->forms[i].values);
    }
    free(m->forms);
    free(m->edges);
    free(m->terminal);
    free(m);
}

static size_t edge_slot(const edge *edges, size_t cap, uint32_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    size_t i = (size_t)h & (cap - 1);
    while (edges[i].child && edges[i].key != key)
        i = (i + 1) & (cap - 1);
    return i;
}

static uint32_t edge_key(uint32_t state, unsigned char byte)
{
    return state << 8 | byte;
}

/* The child of state by byte, with its TERMINAL bit, or 0. */
static uint32_t step(const rg_matcher *m, uint32_t state, unsigned char byte)
{
    if (!m->cap)
        return 0;
    return m->edges[edge_slot(m->edges, m->cap, edge_key(state, byte))].child;
}

static int grow_edges(rg_matcher *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    edge *edges = calloc(cap, sizeof *edges);
    if (!edges)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->edges[i].child)
            edges[edge_slot(edges, cap, m->edges[i].key)] = m->edges[i];
    free(m->edges);
    m->edges = edges;
    m->cap = cap;
    return 0;
}

static int new_state(rg_matcher *m, uint32_t *out)
{
    if (m->n_states == MAX_STATES)
        return -1;
    if (m->n_states == m->cap_states) {
        size_t cap = m->cap_states ? m->cap_states * 2 : 1024;
        uint32_t *t = realloc(m->terminal, cap * sizeof *t);
        if (!t)
            return -1;
        memset(t + m->cap_states, 0, (cap - m->cap_states) * sizeof *t);
        m->terminal = t;
        m->cap_states = cap;
    }
    *out = m->n_states++;
    return 0;
}

/* ASCII case folding and word bytes by arithmetic, not <ctype.h>: the scan
 * asks both of every byte of every sentence. */
static inline unsigned char fold(unsigned char c)
{
    return (unsigned)(c - 'A') < 26 ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* A letter, a digit or a byte of a UTF-8 sequence. */
static inline bool is_word_char(unsigned char c)
{
    return rg_byte_is(c, RG_BYTE_ALNUM | RG_BYTE_UTF8);
}

/* The hash of the word at s[0..n) (folded), and where it ends: the run of
 * word bytes that starts at s[0]. */
static inline uint64_t word_hash(const char *s, size_t n, size_t *end)
{
    uint64_t h = 0;
    size_t k = 0;
    while (k < n && is_word_char((unsigned char)s[k]))
        h = h * 31 + fold((unsigned char)s[k++]);
    *end = k;
    return (h + k) * 0x9E3779B97F4A7C15ULL;
}

static inline bool filter_has(const uint64_t *filter, uint64_t h)
{
    uint64_t a = h >> (64 - FILTER_BITS), b = (h >> 20) & ((1u << FILTER_BITS) - 1);
    return (filter[a / 64] >> (a % 64) & 1) && (filter[b / 64] >> (b % 64) & 1);
}

static inline bool opens_with(const rg_matcher *m, unsigned char c)
{
    return m->opens[c / 64] >> (c % 64) & 1;
}

static void set_opens(rg_matcher *m, unsigned char c)
{
    m->opens[c / 64] |= 1ULL << (c % 64);
}

static void filter_add(uint64_t *filter, uint64_t h)
{
    uint64_t a = h >> (64 - FILTER_BITS), b = (h >> 20) & ((1u << FILTER_BITS) - 1);
    filter[a / 64] |= 1ULL << (a % 64);
    filter[b / 64] |= 1ULL << (b % 64);
}

static int add_value(form *f, size_t value)
{
    for (size_t i = 0; i < f->n_values; i++)
        if (f->values[i] == value)
            return 0;
    size_t *v = realloc(f->values, (f->n_values + 1) * sizeof *v);
    if (!v)
        return -1;
    v[f->n_values++] = value;
    f->values = v;
    return 0;
}

/* A pattern as the readers write text: curly quotes straight ("People’s"
 * is "People's"). Caller frees; NULL when out of memory. */
static char *straight_quotes(const char *pattern)
{
    char *out = rg_strdup(pattern);
    size_t w = 0;
    for (size_t i = 0; out && pattern[i]; i++) {
        const unsigned char *p = (const unsigned char *)pattern + i;
        if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9C || p[2] == 0x9D)) {
            out[w++] = p[2] <= 0x99 ? '\'' : '"';
            i += 2;
        } else {
            out[w++] = pattern[i];
        }
    }
    if (out)
        out[w] = '\0';
    return out;
}

static int add_form(rg_matcher *m, const char *pattern, size_t value)
{
    size_t n = strlen(pattern);
    if (n == 0)
        return 0;
    uint32_t state = 0, from = 0; /* the form's state, and the one before it */
    unsigned char b = 0;
    for (size_t i = 0; i < n; i++) {
        b = fold((unsigned char)pattern[i]);
        uint32_t next = step(m, state, b);
        if (!next) {
            if ((m->n_edges + 1) * 4 > m->cap * 3 && grow_edges(m) < 0)
                return -1;
            if (new_state(m, &next) < 0)
                return -1;
            size_t slot = edge_slot(m->edges, m->cap, edge_key(state, b));
            m->edges[slot] = (edge){edge_key(state, b), next};
            m->n_edges++;
            if (state == 0)
                m->root[b] = next;
        }
        from = state;
        state = STATE(next);
    }
    size_t end;
    filter_add(m->filter, word_hash(pattern, n, &end));
    unsigned char first = (unsigned char)pattern[0];
    set_opens(m, first);
    if ((unsigned)(first - 'a') < 26 && strchr(pattern, ' '))
        set_opens(m, (unsigned char)(first - ('a' - 'A')));
    /* the same spelling already there: add the value to it */
    for (uint32_t f = m->terminal[state]; f; f = m->forms[f].next) {
        if (strcmp(m->forms[f].text, pattern) == 0)
            return add_value(&m->forms[f], value);
    }
    if (m->n_forms >= m->cap_forms) {
        uint32_t cap = m->cap_forms ? m->cap_forms * 2 : 256;
        form *nf = realloc(m->forms, cap * sizeof *nf);
        if (!nf)
            return -1;
        m->forms = nf;
        m->cap_forms = cap;
    }
    form f = {.text = rg_strdup(pattern), .exact = strchr(pattern, ' ') == NULL};
    if (!f.text || add_value(&f, value) < 0) {
        free(f.text);
        return -1;
    }
    f.next = m->terminal[state];
    m->forms[m->n_forms] = f;
    m->terminal[state] = m->n_forms++;
    /* the edge into the form's state (and the root's copy of it) says
     * that a form ends there */
    m->edges[edge_slot(m->edges, m->cap, edge_key(from, b))].child |= TERMINAL;
    if (from == 0)
        m->root[b] |= TERMINAL;
    return 0;
}

int rg_matcher_add(rg_matcher *m, const char *pattern, size_t value)
{
    if (!strstr(pattern, "\xe2\x80"))
        return add_form(m, pattern, value);
    char *straight = straight_quotes(pattern);
    int rc = straight ? add_form(m, straight, value) : -1;
    free(straight);
    return rc;
}

/* The first form of a state that the text at s[0..n) satisfies: a word
 * with its case, a phrase with any case but for a capital that opens it
 * ("a free and open Indo-Pacific" is a description, not the "Free and
 * Open Indo-Pacific" strategy; "Defense innovation unit" is the unit). */
static const form *accept(const rg_matcher *m, uint32_t state, const char *s, size_t n)
{
    for (uint32_t f = m->terminal[state]; f; f = m->forms[f].next) {
        const form *fm = &m->forms[f];
        if (fm->exact ? memcmp(fm->text, s, n) == 0
                      : !((unsigned)(fm->text[0] - 'A') < 26 && (unsigned)(s[0] - 'a') < 26))
            return fm;
    }
    return NULL;
}

/* The end of the run of word bytes that starts at text[i]. */
static inline size_t word_end_from(const char *text, size_t n, size_t i)
{
    while (i < n && is_word_char((unsigned char)text[i]))
        i++;
    return i;
}

int rg_matcher_scan(const rg_matcher *m, const char *text, size_t n,
                    int (*fn)(const rg_match *match, void *ctx), void *ctx)
{
    /* i is always where a match may begin: a word's start or a byte
     * outside words (a match ends on a word boundary, and a word no match
     * begins at is passed over whole) */
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)text[i];
        bool word = is_word_char(c);
        if (word) {
            /* most words begin no pattern: the first byte, as it is,
             * rules out most, the filter of first words most others */
            size_t word_end;
            if (!opens_with(m, c) || !filter_has(m->filter, word_hash(text + i, n - i, &word_end))) {
                i = word_end_from(text, n, i + 1);
                continue;
            }
        }
        uint32_t next = m->root[fold(c)];
        if (!next) {
            i = word ? word_end_from(text, n, i + 1) : i + 1;
            continue;
        }
        const form *best = NULL;
        size_t best_len = 0;
        for (size_t k = i; k < n; k++) {
            if (k > i && !(next = step(m, STATE(next), fold((unsigned char)text[k]))))
                break;
            if (!(next & TERMINAL))
                continue;
            size_t len = k + 1 - i;
            /* a match ends on a word boundary: "Korea" never inside "Korean" */
            bool ends = k + 1 == n || !is_word_char((unsigned char)text[k + 1]) ||
                        !is_word_char((unsigned char)text[k]);
            if (!ends)
                continue;
            const form *f = accept(m, STATE(next), text + i, len);
            if (f) {
                best = f;
                best_len = len;
            }
        }
        if (best) {
            rg_match match = {i, best_len, best->values, best->n_values};
            int rc = fn(&match, ctx);
            if (rc)
                return rc;
            i += best_len;
        } else {
            i = word ? word_end_from(text, n, i + 1) : i + 1;
        }
    }
    return 0;
}
