#include "graph/base/hmap.h"

#include "graph/base/text.h"

#include <stdlib.h>
#include <string.h>

/* Eight bytes a step: the pool hashes every evidence sentence it is
 * given, and a byte-at-a-time hash is a multiply per byte. */
unsigned long long rg_hash(const char *s, size_t n)
{
    const unsigned long long k = 0x9E3779B97F4A7C15ULL;
    unsigned long long h = 0x243F6A8885A308D3ULL ^ ((unsigned long long)n * k);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        unsigned long long w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    if (i < n) {
        unsigned long long w = 0;
        memcpy(&w, s + i, n - i);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return h;
}

void rg_hmap_init(rg_hmap *m)
{
    memset(m, 0, sizeof *m);
}

void rg_hmap_destroy(rg_hmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    free(m->hashes);
    rg_hmap_init(m);
}

/* The slot holding key (of hash h), or the empty slot where it would go. */
static size_t find_slot(const rg_hmap *m, const char *key, size_t n, unsigned long long h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    while (m->keys[i] &&
           (m->hashes[i] != h || memcmp(m->keys[i], key, n) != 0 || m->keys[i][n] != '\0'))
        i = (i + 1) & mask;
    return i;
}

static int grow_to(rg_hmap *m, size_t cap)
{
    rg_hmap bigger = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(size_t)),
                      calloc(cap, sizeof(unsigned long long)), cap, m->len};
    if (!bigger.keys || !bigger.values || !bigger.hashes) {
        free(bigger.keys);
        free(bigger.values);
        free(bigger.hashes);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = (size_t)m->hashes[i] & (cap - 1);
        while (bigger.keys[j])
            j = (j + 1) & (cap - 1);
        bigger.keys[j] = m->keys[i];
        bigger.values[j] = m->values[i];
        bigger.hashes[j] = m->hashes[i];
    }
    free(m->keys);
    free(m->values);
    free(m->hashes);
    *m = bigger;
    return 0;
}

static int grow(rg_hmap *m)
{
    return grow_to(m, m->cap ? m->cap * 2 : 16);
}

int rg_hmap_reserve(rg_hmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 16;
    while (n * 4 > cap * 3)
        cap *= 2;
    return cap > m->cap ? grow_to(m, cap) : 0;
}

int rg_hmap_put(rg_hmap *m, const char *key, size_t value)
{
    if ((m->len + 1) * 4 > m->cap * 3 && grow(m) < 0)
        return -1;
    size_t n = strlen(key);
    unsigned long long h = rg_hash(key, n);
    size_t i = find_slot(m, key, n, h);
    if (!m->keys[i]) {
        if (!(m->keys[i] = rg_strndup(key, n)))
            return -1;
        m->hashes[i] = h;
        m->len++;
    }
    m->values[i] = value;
    return 0;
}

bool rg_hmap_getn(const rg_hmap *m, const char *key, size_t n, size_t *value)
{
    if (!m->cap)
        return false;
    size_t i = find_slot(m, key, n, rg_hash(key, n));
    if (!m->keys[i])
        return false;
    if (value)
        *value = m->values[i];
    return true;
}

bool rg_hmap_get(const rg_hmap *m, const char *key, size_t *value)
{
    return rg_hmap_getn(m, key, strlen(key), value);
}

int rg_hmap_put_name(rg_hmap *m, const char *name, size_t value)
{
    char *form = rg_normalize_name(name);
    if (!form)
        return -1;
    int rc = rg_hmap_get(m, form, NULL) ? 0 : rg_hmap_put(m, form, value);
    free(form);
    return rc;
}
