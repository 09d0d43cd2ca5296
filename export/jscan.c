#include "export/jscan.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* jansson's JSON_PARSER_MAX_DEPTH: it counts every value, scalars too */
enum { MAX_DEPTH = 2048 };

static bool fail(rg_jscan *j)
{
    if (!j->error)
        j->error = j->p;
    return false;
}

void rg_jscan_init(rg_jscan *j, const char *text, size_t len)
{
    *j = (rg_jscan){text, text + len, text, NULL, 0};
}

rg_jscan rg_jscan_at(const rg_jscan *j, const char *p)
{
    return (rg_jscan){j->text, j->end, p, NULL, 0};
}

static void skip_space(rg_jscan *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

rg_jtype rg_jscan_peek(rg_jscan *j)
{
    if (j->error)
        return RG_J_BAD;
    skip_space(j);
    if (j->p == j->end)
        return RG_J_BAD;
    switch (*j->p) {
    case '{': return RG_J_OBJECT;
    case '[': return RG_J_ARRAY;
    case '"': return RG_J_STRING;
    case 't': return RG_J_TRUE;
    case 'f': return RG_J_FALSE;
    case 'n': return RG_J_NULL;
    default: return *j->p == '-' || (*j->p >= '0' && *j->p <= '9') ? RG_J_NUMBER : RG_J_BAD;
    }
}

/* A value opens: one level deeper, as jansson counts. */
static bool enter(rg_jscan *j)
{
    return j->depth + 1 > MAX_DEPTH ? fail(j) : true;
}

bool rg_jscan_open(rg_jscan *j, char bracket)
{
    if (rg_jscan_peek(j) == RG_J_BAD || *j->p != bracket || !enter(j))
        return fail(j);
    j->depth++;
    j->p++;
    return true;
}

/* After item i - 1 (or the bracket, for i == 0): the separator, or the
 * closing bracket, which ends the walk. */
static bool next_in(rg_jscan *j, size_t i, char close)
{
    if (j->error)
        return false;
    skip_space(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        j->depth--;
        return false;
    }
    if (i > 0) {
        if (j->p == j->end || *j->p != ',')
            return fail(j);
        j->p++;
        skip_space(j);
    }
    if (j->p == j->end)
        return fail(j);
    return true;
}

static bool scan_string(rg_jscan *j, rg_buf *out);

bool rg_jscan_member(rg_jscan *j, size_t i, rg_buf *key)
{
    if (!next_in(j, i, '}'))
        return false;
    if (*j->p != '"' || !scan_string(j, key))
        return fail(j);
    skip_space(j);
    if (j->p == j->end || *j->p != ':')
        return fail(j);
    j->p++;
    skip_space(j);
    return true;
}

bool rg_jscan_item(rg_jscan *j, size_t i)
{
    return next_in(j, i, ']');
}

static int hex4(const char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

/* One escape after the backslash at j->p; false when it is not valid. */
static bool escape(rg_jscan *j, rg_buf *out)
{
    const char *p = j->p + 1;
    if (p == j->end)
        return false;
    char c;
    switch (*p) {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u': {
        int cp = j->end - p >= 5 ? hex4(p + 1) : -1;
        if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
            return false; /* bad hex digits, \u0000, a lone low surrogate */
        p += 5;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            int low = j->end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
            if (low < 0xDC00 || low > 0xDFFF)
                return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            p += 6;
        }
        char u[4];
        if (out)
            rg_buf_add(out, u, rg_utf8_encode((unsigned)cp, u));
        j->p = p;
        return true;
    }
    default: return false;
    }
    if (out)
        rg_buf_addc(out, c);
    j->p = p + 1;
    return true;
}

/* The string at j->p (on its opening quote). Plain runs are copied whole;
 * escapes and UTF-8 sequences are checked one by one. */
static bool scan_string(rg_jscan *j, rg_buf *out)
{
    if (out)
        rg_buf_reset(out);
    j->p++;
    const char *run = j->p;
    for (;;) {
        while (j->p < j->end) {
            unsigned char c = (unsigned char)*j->p;
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                break;
            j->p++;
        }
        if (j->p == j->end)
            return fail(j);
        unsigned char c = (unsigned char)*j->p;
        if (c >= 0x80) {
            long bad = rg_utf8_invalid_at(j->p, (size_t)(j->end - j->p) < 4 ? (size_t)(j->end - j->p) : 4);
            size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (bad == 0 || (size_t)(j->end - j->p) < len)
                return fail(j);
            j->p += len;
            continue;
        }
        if (out)
            rg_buf_add(out, run, (size_t)(j->p - run));
        if (c == '"') {
            j->p++;
            return true;
        }
        if (c < 0x20 || !escape(j, out))
            return fail(j);
        run = j->p;
    }
}

bool rg_jscan_string(rg_jscan *j, rg_buf *out)
{
    if (rg_jscan_peek(j) != RG_J_STRING || !enter(j))
        return fail(j);
    return scan_string(j, out);
}

static const char *digits(const char *p, const char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

bool rg_jscan_number(rg_jscan *j, bool *integer, long long *i, double *d)
{
    if (rg_jscan_peek(j) != RG_J_NUMBER || !enter(j))
        return fail(j);
    const char *p = j->p, *end = j->end;
    if (*p == '-')
        p++;
    if (p == end || *p < '0' || *p > '9')
        return fail(j);
    if (*p == '0') {
        p++;
        if (p < end && *p >= '0' && *p <= '9')
            return fail(j); /* no leading zeros */
    } else {
        p = digits(p, end);
    }
    bool whole = true;
    if (p < end && *p == '.') {
        whole = false;
        const char *q = digits(p + 1, end);
        if (q == p + 1)
            return fail(j);
        p = q;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        whole = false;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        const char *q = digits(p, end);
        if (q == p)
            return fail(j);
        p = q;
    }
    /* strtoll and strtod need a terminated copy */
    size_t n = (size_t)(p - j->p);
    char small[64];
    char *copy = n < sizeof small ? small : malloc(n + 1);
    if (!copy)
        return fail(j);
    memcpy(copy, j->p, n);
    copy[n] = '\0';
    bool ok = true;
    errno = 0;
    if (whole) {
        long long v = strtoll(copy, NULL, 10);
        ok = errno != ERANGE;
        if (i)
            *i = v;
        if (d)
            *d = (double)v;
    } else {
        double v = strtod(copy, NULL);
        ok = !(isinf(v) && errno == ERANGE);
        if (d)
            *d = v;
    }
    if (copy != small)
        free(copy);
    if (!ok)
        return fail(j);
    if (integer)
        *integer = whole;
    j->p = p;
    return true;
}

static bool literal(rg_jscan *j, const char *word)
{
    size_t n = strlen(word);
    const char *p = j->p;
    if ((size_t)(j->end - p) < n || memcmp(p, word, n) != 0 || !enter(j))
        return fail(j);
    /* jansson reads a whole word: "truex" is no "true" */
    if (p + n < j->end && ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z')))
        return fail(j);
    j->p = p + n;
    return true;
}

bool rg_jscan_skip(rg_jscan *j)
{
    switch (rg_jscan_peek(j)) {
    case RG_J_OBJECT:
        if (!rg_jscan_open(j, '{'))
            return false;
        for (size_t i = 0; rg_jscan_member(j, i, NULL); i++)
            if (!rg_jscan_skip(j))
                return false;
        return !j->error;
    case RG_J_ARRAY:
        if (!rg_jscan_open(j, '['))
            return false;
        for (size_t i = 0; rg_jscan_item(j, i); i++)
            if (!rg_jscan_skip(j))
                return false;
        return !j->error;
    case RG_J_STRING: return rg_jscan_string(j, NULL);
    case RG_J_NUMBER: return rg_jscan_number(j, NULL, NULL, NULL);
    case RG_J_TRUE: return literal(j, "true");
    case RG_J_FALSE: return literal(j, "false");
    case RG_J_NULL: return literal(j, "null");
    case RG_J_BAD: break;
    }
    return fail(j);
}

bool rg_jscan_end(rg_jscan *j)
{
    if (j->error)
        return false;
    skip_space(j);
    return j->p == j->end ? true : fail(j);
}
