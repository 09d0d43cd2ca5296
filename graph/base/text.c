#include "graph/base/text.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const unsigned char rg_byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
};

void rg_buf_init(rg_buf *b)
{
    memset(b, 0, sizeof *b);
}

void rg_buf_destroy(rg_buf *b)
{
    free(b->data);
    rg_buf_init(b);
}

void rg_buf_reset(rg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool buf_reserve(rg_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void rg_buf_add_int(rg_buf *b, long long v)
{
    char t[24];
    size_t at = sizeof t;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        t[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        t[--at] = '-';
    rg_buf_add(b, t + at, sizeof t - at);
}

void rg_buf_add_grow(rg_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rg_buf_adds(rg_buf *b, const char *s)
{
    rg_buf_add(b, s, strlen(s));
}

int rg_grow_to(void **items, size_t *cap, size_t n, size_t size)
{
    if (n <= *cap)
        return 0;
    if (n > SIZE_MAX / size)
        return -1;
    void *p = realloc(*items, n * size);
    if (!p)
        return -1;
    *items = p;
    *cap = n;
    return 0;
}

int rg_reserve(void **items, size_t *cap, size_t len, size_t size)
{
    return len < *cap ? 0 : rg_grow_to(items, cap, *cap ? *cap * 2 : 16, size);
}

char *rg_buf_steal(rg_buf *b)
{
    char *s = NULL;
    if (!b->failed)
        s = b->data ? b->data : rg_strdup("");
    else
        free(b->data);
    rg_buf_init(b);
    return s;
}

void rg_strset_init(rg_strset *s)
{
    memset(s, 0, sizeof *s);
}

void rg_strset_destroy(rg_strset *s)
{
    for (size_t i = 0; i < s->len; i++)
        free(s->items[i]);
    free(s->items);
    rg_strset_init(s);
}

/* Index of str[0..n), or of where it would go, in *pos; true if present.
 * The order is strcmp's: an item equal to str over n bytes and longer
 * sorts after it. */
static bool strset_find(const rg_strset *s, const char *str, size_t n, size_t *pos)
{
    size_t lo = 0, hi = s->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(s->items[mid], str, n);
        if (c == 0)
            c = s->items[mid][n] != '\0';
        if (c == 0) {
            *pos = mid;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *pos = lo;
    return false;
}

int rg_strset_add(rg_strset *s, const char *str)
{
    return rg_strset_addn(s, str, strlen(str));
}

int rg_strset_addn(rg_strset *s, const char *str, size_t n)
{
    size_t pos;
    if (strset_find(s, str, n, &pos))
        return 0;
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 4;
        char **p = realloc(s->items, cap * sizeof *p);
        if (!p)
            return -1;
        s->items = p;
        s->cap = cap;
    }
    char *copy = rg_strndup(str, n);
    if (!copy)
        return -1;
    memmove(s->items + pos + 1, s->items + pos, (s->len - pos) * sizeof *s->items);
    s->items[pos] = copy;
    s->len++;
    return 0;
}

bool rg_strset_has(const rg_strset *s, const char *str)
{
    size_t pos;
    return strset_find(s, str, strlen(str), &pos);
}

int rg_strset_union(rg_strset *dst, const rg_strset *src)
{
    for (size_t i = 0; i < src->len; i++)
        if (rg_strset_add(dst, src->items[i]) < 0)
            return -1;
    return 0;
}

void rg_tally_init(rg_tally *t)
{
    memset(t, 0, sizeof *t);
}

void rg_tally_destroy(rg_tally *t)
{
    for (size_t i = 0; i < t->len; i++)
        free(t->keys[i]);
    free(t->keys);
    free(t->counts);
    rg_tally_init(t);
}

long rg_count_add(long a, long b)
{
    long sum;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? LONG_MAX : LONG_MIN;
    return sum;
}

int rg_tally_add(rg_tally *t, const char *key, long n)
{
    size_t lo = 0, hi = t->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->keys[mid], key);
        if (c == 0) {
            t->counts[mid] = rg_count_add(t->counts[mid], n);
            return 0;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (t->len == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 2;
        char **k = realloc(t->keys, cap * sizeof *k);
        if (!k)
            return -1;
        t->keys = k;
        long *c = realloc(t->counts, cap * sizeof *c);
        if (!c)
            return -1;
        t->counts = c;
        t->cap = cap;
    }
    char *copy = rg_strdup(key);
    if (!copy)
        return -1;
    memmove(t->keys + lo + 1, t->keys + lo, (t->len - lo) * sizeof *t->keys);
    memmove(t->counts + lo + 1, t->counts + lo, (t->len - lo) * sizeof *t->counts);
    t->keys[lo] = copy;
    t->counts[lo] = n;
    t->len++;
    return 0;
}

int rg_tally_merge(rg_tally *dst, const rg_tally *src)
{
    for (size_t i = 0; i < src->len; i++)
        if (rg_tally_add(dst, src->keys[i], src->counts[i]) < 0)
            return -1;
    return 0;
}

char *rg_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rg_strdup(const char *s)
{
    return rg_strndup(s, strlen(s));
}

char *rg_slug(const char *s)
{
    rg_buf b;
    rg_buf_init(&b);
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
            keep = true;
        }
        /* "U.S." and "Co-operation" read as one word: drop '.' and '\''
         * inside words rather than splitting them. */
        if (c == '.' || c == '\'')
            continue;
        if (!keep) {
            dash = b.len > 0;
            continue;
        }
        if (dash)
            rg_buf_addc(&b, '-');
        dash = false;
        rg_buf_addc(&b, (char)c);
    }
    return rg_buf_steal(&b);
}

long rg_utf8_invalid_at(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        /* eight ASCII bytes a step: a report is mostly ASCII */
        uint64_t eight;
        while (n - i >= 8 && (memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i == n)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned min;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return (long)i;
        }
        if (i + len > n)
            return (long)i;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += len;
    }
    return -1;
}

int rg_strcasecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || !ca)
            return ca - cb;
    }
}

void rg_locate_string(const char *text, size_t n, const char *s, long *line, long *col)
{
    *line = 0;
    *col = 0;
    size_t k = strlen(s);
    for (size_t i = 0; i + k + 2 <= n; i++) {
        if (text[i] != '"' || memcmp(text + i + 1, s, k) != 0 || text[i + 1 + k] != '"')
            continue;
        long l = 1, c = 1;
        for (size_t p = 0; p < i; p++) {
            if (text[p] == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        *line = l;
        *col = c;
        return;
    }
}

size_t rg_utf8_encode(unsigned cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6)), out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)), out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)), out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

unsigned rg_utf8_decode(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *len = 2;
        return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (s[0] < 0xF0) {
        *len = 3;
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *len = 4;
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

const char *rg_ascii_for(unsigned cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
        return "-";
    case 0x2014: case 0x2015:
        return "--";
    case 0x2026:
        return "...";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000: case '\t':
        return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x21A9: case 0xFE0E: case 0xFE0F:
        return "";
    default:
        return NULL;
    }
}

char *rg_normalize_name(const char *s)
{
    rg_buf b;
    rg_buf_init(&b);
    bool space = true;
    for (size_t i = 0; s[i];) {
        size_t len = 1;
        unsigned char c = (unsigned char)s[i];
        const char *a = NULL;
        if (c >= 0x80) {
            a = rg_ascii_for(rg_utf8_decode((const unsigned char *)s + i, &len));
            if (!a) {
                rg_buf_add(&b, s + i, len);
                space = false;
                i += len;
                continue;
            }
        }
        char one[2] = {(char)c, 0};
        for (const char *p = a ? a : one; *p; p++) {
            char ch = *p;
            if (ch == ' ' || ch == '\t' || ch == '\n') {
                if (!space)
                    rg_buf_addc(&b, ' ');
                space = true;
                continue;
            }
            rg_buf_addc(&b, (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
            space = false;
        }
        i += len;
    }
    while (b.len > 0 && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    char *out = rg_buf_steal(&b);
    if (out && strncmp(out, "the ", 4) == 0)
        memmove(out, out + 4, strlen(out + 4) + 1);
    return out;
}

size_t rg_word_before(const char *text, size_t at, char *word, size_t size)
{
    size_t end = at;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    size_t start = end;
    while (start > 0 && isalpha((unsigned char)text[start - 1]))
        start--;
    if (start == end || end - start >= size)
        return RG_NONE;
    for (size_t k = start; k < end; k++)
        word[k - start] = (char)tolower((unsigned char)text[k]);
    word[end - start] = '\0';
    return start;
}
