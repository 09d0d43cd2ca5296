/* Shared by extract.c and mention.c: the compiled extractor, the state of
 * one document's extraction, and the mentions of one sentence. */
#ifndef RG_RULES_READER_H
#define RG_RULES_READER_H

#include "graph/rules/catalog.h"
#include "graph/model/extract.h"
#include "graph/base/hmap.h"
#include "graph/rules/match.h"

#include <stdbool.h>
#include <stddef.h>

#define RG_NONE ((size_t)-1)

struct rg_extractor {
    const rg_catalog *cat;
    rg_matcher *names; /* every name and alias → entry index */
    rg_hmap forms;     /* normalized name or alias → entry index */
    rg_hmap countries; /* ISO code → entry index of the country itself */
    rg_hmap qualifiers; /* "U.S.", "ROK", "South Korean" → entry index of the country */
    rg_hmap stems;      /* "KR|indo-pacific strategy" → entry of "ROK Indo-Pacific Strategy" */
};

/* What one document's extraction knows beyond the catalog. */
typedef struct rg_doc_context {
    const rg_extractor *x;
    /* bodies and programs found by their shape: one allocation each, so
     * that mentions and acronyms can point at them while more are found */
    rg_entry **local;
    size_t n_local, cap_local;
    rg_hmap local_ids;         /* id → index in local */
    rg_matcher *acronyms;      /* acronyms the document defines → defined[] */
    const rg_entry **defined;  /* what each acronym stands for */
    size_t n_defined, cap_defined;
    const rg_entry *pair[2];   /* the two countries most named: "both countries" */
} rg_doc_context;

typedef struct rg_mention {
    size_t start, len; /* the surface in the sentence */
    const rg_entry *entity;
    const rg_entry *owner; /* "the Ministry of X's Y": Y part_of X */
    bool qualifier;        /* "ROK" in "ROK Ministry of ...": no mention of its own */
    bool echo;             /* "(DIU)" right after "Defense Innovation Unit": a surface form only */
    size_t node;           /* set when the mention enters the graph */
} rg_mention;

/* A catalog name in a sentence: where it stands and the entry it names. */
typedef struct rg_name_hit {
    size_t start, len, entry;
} rg_name_hit;

/* A growing array of name hits, kept for a whole document so that its
 * sentences are matched against the catalog once, not once per pass. */
typedef struct rg_name_hits {
    rg_name_hit *items;
    size_t len, cap;
} rg_name_hits;

/* Append the catalog names of text to hits. Returns 0, or -1 when out of
 * memory. */
int rg_mentions_scan_names(const rg_doc_context *dc, const char *text, rg_name_hits *hits);

/* The mentions of one sentence, in text order. names[0..n_names) are its
 * catalog names from rg_mentions_scan_names, or NULL to find them now.
 * Caller frees *out. */
int rg_mentions_find(rg_doc_context *dc, const char *text, const rg_name_hit *names, size_t n_names,
                     rg_mention **out, size_t *n);

/* Does the mention name an entity in its own right (not a qualifier, not
 * the echo of a definition)? */
static inline bool rg_mention_counts(const rg_mention *m)
{
    return !m->qualifier && !m->echo;
}


/* Record the acronyms a sentence defines: "Defense Innovation Unit (DIU)",
 * "USAID (United States Agency for International Development)". */
int rg_mentions_define(rg_doc_context *dc, const char *text, const rg_mention *ms, size_t n);

/* A country qualifier opening name: "ROK", "U.S.", "South Korean". Its
 * country and length in bytes (the space after it left out), or NULL. */
const rg_entry *rg_extractor_qualifier(const rg_extractor *x, const char *name, size_t *len);

/* The entry of the country with this ISO code, or NULL. */
const rg_entry *rg_extractor_country(const rg_extractor *x, const char *code);

#endif
