/* Text helpers shared by every module: a growable byte buffer, a sorted set
 * of strings, slugs for node ids, and UTF-8 checks.
 *
 * Ownership: rg_buf and rg_strset are embedded structs (_init/_destroy);
 * their strings are owned by them. Returned char * are caller-frees.
 */
#ifndef RG_TEXT_H
#define RG_TEXT_H

#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* A growable NUL-terminated buffer. Allocation failure is sticky: once an
 * append fails, `failed` is set and later appends do nothing, so a caller
 * can build a whole string and check once at the end. */
typedef struct rg_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} rg_buf;

void rg_buf_init(rg_buf *b);
void rg_buf_destroy(rg_buf *b);
void rg_buf_reset(rg_buf *b);
void rg_buf_add_grow(rg_buf *b, const char *s, size_t n);
void rg_buf_adds(rg_buf *b, const char *s);
/* An integer in decimal, by hand: writers put millions of them, and
 * printf costs a thousand instructions and a few kilobytes of code each. */
void rg_buf_add_int(rg_buf *b, long long v);

/* What the scanners ask of a byte, by table: they look at every byte of
 * every sentence, where <ctype.h> costs a call and a chain of comparisons
 * a few branches. RG_BYTE_UTF8: any byte of a multibyte UTF-8 sequence
 * (from 0x80). */
enum { RG_BYTE_DIGIT = 1, RG_BYTE_UPPER = 2, RG_BYTE_LOWER = 4, RG_BYTE_UTF8 = 8 };
enum { RG_BYTE_ALNUM = RG_BYTE_DIGIT | RG_BYTE_UPPER | RG_BYTE_LOWER };
extern const unsigned char rg_byte_class[256];

static inline bool rg_byte_is(unsigned char c, unsigned classes)
{
    return rg_byte_class[c] & classes;
}

/* n bytes; inline where they fit, since writers append a few bytes at a
 * time. */
static inline void rg_buf_add(rg_buf *b, const char *s, size_t n)
{
    if (!b->failed && n < b->cap - b->len) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        rg_buf_add_grow(b, s, n);
    }
}

/* One byte; inline, since text is cleaned and written a byte at a time. */
static inline void rg_buf_addc(rg_buf *b, char c)
{
    if (!b->failed && b->len + 2 <= b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        rg_buf_add_grow(b, &c, 1);
    }
}
/* Hand the contents to the caller (NULL if an append failed) and reset. */
char *rg_buf_steal(rg_buf *b);

/* Grow the array *items of *cap elements of `size` bytes to hold n in all
 * (rg_grow_to), or one more than its len (rg_reserve: doubling). 0, or -1
 * when out of memory; the array is unchanged then. */
int rg_grow_to(void **items, size_t *cap, size_t n, size_t size);
int rg_reserve(void **items, size_t *cap, size_t len, size_t size);

/* A sorted set of distinct strings; order is strcmp order. */
typedef struct rg_strset {
    char **items;
    size_t len;
    size_t cap;
} rg_strset;

void rg_strset_init(rg_strset *s);
void rg_strset_destroy(rg_strset *s);
/* Insert a copy of str if absent. Returns 0, or -1 when out of memory. */
int rg_strset_add(rg_strset *s, const char *str);
/* The same for str[0..n), which holds no NUL: nothing is allocated when
 * it is there already. */
int rg_strset_addn(rg_strset *s, const char *str, size_t n);
bool rg_strset_has(const rg_strset *s, const char *str);
/* Add every string of src to dst. */
int rg_strset_union(rg_strset *dst, const rg_strset *src);

/* Counts by string key, in key order: mentions of an entity per report. */
typedef struct rg_tally {
    char **keys;
    long *counts;
    size_t len;
    size_t cap;
} rg_tally;

void rg_tally_init(rg_tally *t);
void rg_tally_destroy(rg_tally *t);
/* a + b, held at LONG_MAX or LONG_MIN rather than overflowing: counts come
 * from files, and a hostile file may hold any number. */
long rg_count_add(long a, long b);

/* Add n to key's count (creating it), saturating. 0, or -1 when out of
 * memory. */
int rg_tally_add(rg_tally *t, const char *key, long n);
/* Add every count of src to dst. */
int rg_tally_merge(rg_tally *dst, const rg_tally *src);

/* A copy of s (or of its first n bytes), or NULL when out of memory. */
char *rg_strdup(const char *s);
char *rg_strndup(const char *s, size_t n);

/* A lowercase ASCII slug of s for ids: letters and digits kept, every other
 * run of characters one '-'; non-ASCII letters kept as UTF-8. Caller frees. */
char *rg_slug(const char *s);

/* The first byte offset at which s[0..n) is not valid UTF-8, or -1. */
long rg_utf8_invalid_at(const char *s, size_t n);

/* Decode one UTF-8 sequence of validated input; *len gets its length. */
unsigned rg_utf8_decode(const unsigned char *s, size_t *len);

/* Encode code point cp (at most 0x10FFFF) as UTF-8 into out; returns its
 * length, 1 to 4. */
size_t rg_utf8_encode(unsigned cp, char out[4]);

/* The ASCII stand-in for a punctuation or space code point (curly quotes,
 * dashes, odd spaces, ellipsis), "" for one to drop (zero-width, soft
 * hyphen, back-link arrows), or NULL for one to keep as it is. */
const char *rg_ascii_for(unsigned cp);

/* A name as compared: punctuation as rg_ascii_for gives it, lowercase
 * ASCII letters, single spaces, no leading "the ". Caller frees. */
char *rg_normalize_name(const char *s);

/* The 1-based line and column where the JSON string "s" (quotes included)
 * first stands in text[0..n); 0 and 0 when it does not. Used to point a
 * schema error at the entry it is about. */
void rg_locate_string(const char *text, size_t n, const char *s, long *line, long *col);

/* Does s[0..len) (no NUL in it) spell the word w exactly? No strlen of w:
 * the reading rules ask it of every word of every sentence against tables
 * of words, and most answers are decided by the first byte. */
static inline bool rg_spells(const char *s, size_t len, const char *w)
{
    return (len == 0 || w[0] == s[0]) && strncmp(w, s, len) == 0 && w[len] == '\0';
}

/* The same ignoring the case of s: w is in lower case. */
static inline bool rg_spells_ci(const char *s, size_t len, const char *w)
{
    for (size_t i = 0; i < len; i++)
        if (tolower((unsigned char)s[i]) != w[i])
            return false;
    return w[len] == '\0';
}

/* Case-insensitive ASCII comparison. */
int rg_strcasecmp(const char *a, const char *b);

/* "No such offset or index": the one spelling of a size_t that is none. */
#define RG_NONE ((size_t)-1)

/* The word of letters that ends just before text[at] (spaces between are
 * skipped), lowercased into word[0..size). Returns where it starts, or
 * RG_NONE when no word comes before or it does not fit. */
size_t rg_word_before(const char *text, size_t at, char *word, size_t size);

#endif
