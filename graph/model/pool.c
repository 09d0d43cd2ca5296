#include "graph/model/pool.h"

#include "graph/base/hmap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct rg_pool_block {
    rg_pool_block *next;
    char bytes[];
};

/* A part of one report holds a few kilobytes of sentences and a corpus
 * hundreds of megabytes: blocks start small and double up to the limit. */
enum { FIRST_BLOCK = 4096, LAST_BLOCK = 1 << 20 };

void rg_pool_init(rg_pool *p)
{
    memset(p, 0, sizeof *p);
    p->block_size = FIRST_BLOCK;
}

void rg_pool_destroy(rg_pool *p)
{
    for (rg_pool_block *b = p->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(p->slots);
    rg_pool_init(p);
}

/* Room for n bytes, from the newest block or a new one. A string longer
 * than a quarter of a block gets a block of its own, put behind the newest
 * so that the newest block's room is not lost. */
static char *room(rg_pool *p, size_t n)
{
    if (n <= p->free_len) {
        char *at = p->free_at;
        p->free_at += n;
        p->free_len -= n;
        return at;
    }
    bool alone = n > p->block_size / 4;
    size_t size = alone ? n : p->block_size;
    if (size > SIZE_MAX - sizeof(rg_pool_block))
        return NULL;
    rg_pool_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    if (alone && p->blocks) {
        b->next = p->blocks->next;
        p->blocks->next = b;
        return b->bytes;
    }
    b->next = p->blocks;
    p->blocks = b;
    p->free_at = b->bytes + n;
    p->free_len = size - n;
    if (!alone && p->block_size < LAST_BLOCK)
        p->block_size *= 2;
    return b->bytes;
}

static size_t find_slot(const rg_pool *p, const char *s, size_t n, unsigned long long h)
{
    size_t mask = p->cap - 1, i = (size_t)h & mask;
    while (p->slots[i].s &&
           (p->slots[i].hash != h || memcmp(p->slots[i].s, s, n) != 0 || p->slots[i].s[n] != '\0'))
        i = (i + 1) & mask;
    return i;
}

/* At most half full: a probe mostly ends at its first slot. */
static int grow(rg_pool *p)
{
    size_t cap = p->cap ? p->cap * 2 : 256;
    if (cap > SIZE_MAX / sizeof *p->slots)
        return -1;
    rg_pool_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < p->cap; i++) {
        if (!p->slots[i].s)
            continue;
        size_t j = (size_t)p->slots[i].hash & (cap - 1);
        while (slots[j].s)
            j = (j + 1) & (cap - 1);
        slots[j] = p->slots[i];
    }
    free(p->slots);
    p->slots = slots;
    p->cap = cap;
    return 0;
}

/* A pooled string's header: its length (SIZE_MAX beyond 32 bits: then it
 * is measured) and whether it is plain, in the bytes before it. */
enum { HEADER = 5, PLAIN = 1 };

static bool plain(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return false;
    }
    return true;
}

size_t rg_pool_length(const char *pooled)
{
    uint32_t len;
    memcpy(&len, pooled - HEADER, sizeof len);
    return len == UINT32_MAX ? strlen(pooled) : len;
}

bool rg_pool_plain(const char *pooled)
{
    return pooled[-1] & PLAIN;
}

const char *rg_pool_intern(rg_pool *p, const char *s, size_t n)
{
    if ((p->len + 1) * 2 > p->cap && grow(p) < 0)
        return NULL;
    unsigned long long h = rg_hash(s, n);
    size_t i = find_slot(p, s, n, h);
    if (p->slots[i].s)
        return p->slots[i].s;
    char *copy = n < SIZE_MAX - HEADER ? room(p, HEADER + n + 1) : NULL;
    if (!copy)
        return NULL;
    uint32_t len = n < UINT32_MAX ? (uint32_t)n : UINT32_MAX;
    memcpy(copy, &len, sizeof len);
    copy[HEADER - 1] = plain(s, n) ? PLAIN : 0;
    copy += HEADER;
    memcpy(copy, s, n);
    copy[n] = '\0';
    p->slots[i] = (rg_pool_slot){copy, h};
    p->len++;
    return copy;
}

const char *rg_pool_add(rg_pool *p, const char *s)
{
    /* the same string again (its contents checked, not only its address,
     * which a freed and reused buffer may share) */
    for (int k = 0; k < 2; k++)
        if (p->recent_in[k] == s && strcmp(s, p->recent_out[k]) == 0)
            return p->recent_out[k];
    const char *copy = rg_pool_intern(p, s, strlen(s));
    if (copy) {
        p->recent_in[1] = p->recent_in[0], p->recent_out[1] = p->recent_out[0];
        p->recent_in[0] = s, p->recent_out[0] = copy;
    }
    return copy;
}
