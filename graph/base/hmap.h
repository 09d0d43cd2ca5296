/* rg_hmap: an open-addressing hash map from strings to size_t values.
 *
 * Used for id → index look-ups in the model and the catalog. Iteration
 * order is not exposed: nothing that reaches an output may depend on hash
 * order.
 *
 * Ownership: an rg_hmap is caller-owned (rg_hmap_init / rg_hmap_destroy);
 * keys are copied in and owned by the map.
 */
#ifndef RG_HMAP_H
#define RG_HMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_hmap {
    char **keys;
    size_t *values;
    unsigned long long *hashes; /* compared before the keys */
    size_t cap; /* a power of two, or 0 */
    size_t len;
} rg_hmap;

void rg_hmap_init(rg_hmap *m);
void rg_hmap_destroy(rg_hmap *m);
/* Set key to value, replacing an older value. 0, or -1 when out of memory. */
int rg_hmap_put(rg_hmap *m, const char *key, size_t value);
/* Set the normalized form of a name (rg_normalize_name) to value unless
 * that form is there already: the first name of a form keeps it. 0, or -1
 * when out of memory. */
int rg_hmap_put_name(rg_hmap *m, const char *name, size_t value);
/* Make room for n keys in all without growing again. */
int rg_hmap_reserve(rg_hmap *m, size_t n);
/* Look up key; true and *value set when present. O(1) expected. */
bool rg_hmap_get(const rg_hmap *m, const char *key, size_t *value);
bool rg_hmap_getn(const rg_hmap *m, const char *key, size_t n, size_t *value);

/* A 64-bit hash of n bytes (the same on every run; not for files that
 * move between machines of different byte order). */
unsigned long long rg_hash(const char *s, size_t n);

#endif
