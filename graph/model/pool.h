/* rg_pool: interned strings.
 *
 * Each distinct string is stored once, packed into large blocks, and lives
 * as long as the pool: two equal strings interned in one pool are the same
 * pointer. The graph keeps its evidence in one: a sentence is the evidence
 * of every link it proves (a sentence naming ten entities proves 45
 * co-mentions), and one copy of it, with no malloc and free of its own,
 * is what keeps a large graph's memory and its freeing small.
 *
 * Each string also carries, just before its first byte, its length and
 * whether it is plain: no control byte, double quote or backslash, so that
 * a writer of JSON can copy it as it is. The graph file is mostly
 * evidence sentences, and measuring and scanning each of them again for
 * every link it proves cost a fifth of writing the file.
 *
 * Ownership: rg_pool_init / rg_pool_destroy on an embedded struct; the
 * strings belong to the pool and are never freed one by one.
 */
#ifndef RG_POOL_H
#define RG_POOL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_pool_block rg_pool_block;

typedef struct rg_pool_slot {
    const char *s; /* NULL: empty */
    unsigned long long hash;
} rg_pool_slot;

typedef struct rg_pool {
    rg_pool_block *blocks; /* the newest first */
    char *free_at;         /* the room left in the newest block */
    size_t free_len;
    size_t block_size;     /* the next block's size: blocks double up to a limit */
    rg_pool_slot *slots;   /* open addressing, a power of two, or NULL */
    size_t cap, len;
    /* the last two strings rg_pool_add was given and their copies: one
     * sentence is the evidence of every link it proves, added link after
     * link, and comparing it costs less than hashing it */
    const char *recent_in[2], *recent_out[2];
} rg_pool;

void rg_pool_init(rg_pool *p);
void rg_pool_destroy(rg_pool *p);

/* The pool's copy of s[0..n) (NUL-terminated), made if absent. NULL when
 * out of memory. O(n) expected. */
const char *rg_pool_intern(rg_pool *p, const char *s, size_t n);
/* The same for a NUL-terminated string. */
const char *rg_pool_add(rg_pool *p, const char *s);

/* The length of a string the pool returned (of any pool). */
size_t rg_pool_length(const char *pooled);
/* Whether a string the pool returned is plain: holds no byte below 0x20,
 * no '"' and no '\\'. */
bool rg_pool_plain(const char *pooled);

#endif
