/* Shared by the files of graph/rules: the layouts of the reader and of a
 * document's context, and the steps of reading that the context calls.
 *
 * Ownership: as in reader.h and context.h; the context owns every array
 * below and frees it in rg_context_free.
 */
#ifndef RG_RULES_INTERNAL_H
#define RG_RULES_INTERNAL_H

#include "graph/base/hmap.h"
#include "graph/read/doc.h"
#include "graph/rules/catalog.h"
#include "graph/rules/directive.h"
#include "graph/rules/match.h"
#include "graph/rules/mention.h"
#include "graph/rules/reader.h"
#include "graph/rules/context.h"
#include "graph/rules/reading.h"

#include <stdbool.h>
#include <stddef.h>

struct rg_reader {
    const rg_catalog *cat;
    rg_matcher *names;  /* every name and alias → entry index */
    rg_hmap forms;      /* normalized name or alias → entry index */
    rg_hmap countries;  /* ISO code → entry index of the country itself */
    rg_hmap qualifiers; /* "U.S.", "ROK", "South Korean" → entry index of the country */
    rg_hmap stems;      /* "KR|indo-pacific strategy" → entry of "ROK Indo-Pacific Strategy" */
};

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

/* A block that closes with a lead-in its items complete ("Washington and
 * Tokyo should:", "the leaders decided to:"): the modality it gives them
 * (NONE when it gives none) and, in its last sentence, where its subject
 * stands, for a subject that names no one ("the leaders"). */
typedef struct rg_lead_in {
    rg_modality modality;
    size_t sentence, subject, subject_end;
} rg_lead_in;

/* At most this many parties stand behind "we" or "they". */
#define RG_PARTIES_MAX 8

struct rg_context {
    const rg_reader *r;
    const rg_doc *doc;
    /* bodies and programs found by their shape: one allocation each, so
     * that mentions and acronyms can point at them while more are found */
    rg_entry **local;
    size_t n_local, cap_local;
    rg_hmap local_ids;        /* id → index in local */
    rg_matcher *acronyms;     /* acronyms the document defines → defined[] */
    const rg_entry **defined; /* what each acronym stands for */
    size_t n_defined, cap_defined;
    const rg_entry *pair[2]; /* the two countries most named: "both countries" */
    rg_name_hits names;      /* the catalog names of every body sentence, */
    size_t *names_at;        /* those of sentence i from names_at[i] to names_at[i + 1] */
    size_t *named;           /* the catalog entries (no actors) the document names, */
    size_t n_named;          /* each once */
    bool voice;              /* the document speaks for its parties: a joint statement */
    bool audit;              /* it proposes in sections of its own: an audit report */
    const rg_entry *signatories[RG_PARTIES_MAX]; /* whom "we" stands for there */
    size_t n_signatories;
    const rg_entry *subjects[RG_PARTIES_MAX]; /* who led the latest recommendation: "it", "they" */
    size_t n_subjects;
    const rg_entry *parties[RG_PARTIES_MAX]; /* the current reading's inferred leaders */
    rg_modality *rec_block;  /* the modality of each block's recommendation (NONE: it made none),
                              * which the items after it may go on with */
    rg_lead_in *lead_ins;    /* for each block, what its closing lead-in directs its items to do */
    /* the one country the document is about, or NULL (graph/rules/mention.c):
     * its names counted by ISO code, the first sole_seen of names */
    const rg_entry *sole;
    size_t sole_counts[26 * 26];
    size_t sole_seen;
    size_t last_rec;         /* the sentence of the latest recommendation, or RG_NONE */
    size_t last_rec_block;   /* and its block */
    /* the current reading's arrays, kept from sentence to sentence */
    rg_mention *ms;      /* from rg_mentions_find, freed at the next sentence */
    rg_mention *leaders; /* likewise */
    rg_role *roles;
    rg_span *actors;
    size_t cap_roles, cap_actors;
};

/* Append the catalog names of text to hits. Returns 0, or -1 when out of
 * memory. */
int rg_mentions_scan_names(const rg_context *c, const char *text, rg_name_hits *hits);

/* The mentions of one sentence, in text order. names[0..n_names) are its
 * catalog names from rg_mentions_scan_names, or NULL to find them now.
 * Caller frees *out. */
int rg_mentions_find(rg_context *c, const char *text, const rg_name_hit *names, size_t n_names, rg_mention **out,
                     size_t *n);

/* Record the acronyms a sentence defines: "Defense Innovation Unit (DIU)",
 * "USAID (United States Agency for International Development)". */
int rg_mentions_define(rg_context *c, const char *text, const rg_mention *ms, size_t n);

/* The role of each of the n mentions of text in a recommendation whose
 * subject starts at subject and whose modal stands at modal (RG_NONE for
 * an imperative or an elaboration: nobody leads). */
void rg_roles_assign(const char *text, const rg_mention *ms, size_t n, size_t subject, size_t modal, rg_role *roles);

#endif
