/* rg_sha256: SHA-256 (FIPS 180-4), for the content hash each report's
 * entry in a graph file carries (graph.documents[].sha256): what tells an
 * incremental update which reports changed, and merge which report two
 * parts both read.
 *
 * Ownership: rg_sha256 is a caller-owned struct (rg_sha256_init, no
 * destroy); nothing is allocated.
 */
#ifndef RG_SHA256_H
#define RG_SHA256_H

#include "graph/base/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rg_sha256 {
    uint32_t state[8];
    uint64_t bytes; /* hashed so far */
    unsigned char block[64];
    size_t used; /* bytes of block filled */
    bool shani;  /* this processor's SHA instructions do the rounds */
} rg_sha256;

/* The length of a digest written as lowercase hex, with its NUL. */
enum { RG_SHA256_HEX = 65 };

void rg_sha256_init(rg_sha256 *h);
/* The same with the portable rounds only, whatever the processor has (for
 * the tests, which compare the two). */
void rg_sha256_init_portable(rg_sha256 *h);
void rg_sha256_add(rg_sha256 *h, const void *data, size_t len);
/* The digest, as 64 lowercase hex digits and a NUL. h is spent. */
void rg_sha256_hex(rg_sha256 *h, char out[RG_SHA256_HEX]);

/* The digest of a whole file's bytes, read in blocks. 0, or -1
 * (RG_ERR_IO, naming path) when it cannot be opened or read. O(size). */
int rg_sha256_file(const char *path, char out[RG_SHA256_HEX], rg_error *err);

#endif
