/* rg_graph: the one model of relgraph.
 *
 * A typed, directed multigraph: nodes (actors, agencies, programs,
 * recommendations, reports) and links (one per source, target and relation),
 * every link with the evidence that proves it: document, line, sentence.
 * igraph graphs are views built from this model for analysis; exports and
 * queries only read it.
 *
 * The model is append-only while it is built. Order inside it is insertion
 * order and means nothing: writers sort nodes by id and links by source,
 * target, relation, so that the same inputs give the same bytes whatever
 * the order of the work. Evidence is sorted (by document, line, text) once,
 * when the graph is finished (rg_graph_finish): readers and subgraphs come
 * finished, and a graph built from reports is finished before it is
 * written. Writers and queries only read a graph, through a const pointer;
 * they give evidence in the order the graph holds it.
 *
 * How nodes and links are found (the id table, the link table, the string
 * pool) is the model's own business, behind g->index: other modules read
 * the arrays nodes[], links[] and docs[] and call the functions below.
 *
 * Ownership: rg_graph_new / rg_graph_free; every string is copied in and
 * owned by the graph. Evidence strings are interned in the graph's pool:
 * one copy of each sentence however many links it proves, and within one
 * graph equal evidence strings are the same pointer.
 */
#ifndef RG_MODEL_H
#define RG_MODEL_H

#include "graph/base/error.h"
#include "graph/base/text.h"
#include "graph/base/types.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_evidence {
    const char *doc; /* document id, or "catalog"; in the graph's pool */
    long line;       /* 1-based line in the document, 0 for the catalog; for
                      * a PDF, in the text extracted from it, page after page */
    const char *text; /* in the graph's pool */
    /* a PDF's page (1-based) and the line on that page; 0 and 0 for other
     * formats (ints: a page or a page's line is no long, and the struct
     * stays at 32 bytes) */
    int page;
    int page_line;
} rg_evidence;

typedef enum rg_score {
    RG_SCORE_DEGREE,
    RG_SCORE_STRENGTH,
    RG_SCORE_BETWEENNESS,
    RG_SCORE_CLOSENESS,
    RG_SCORE_HARMONIC,
    RG_SCORE_EIGENVECTOR,
    RG_SCORE_PAGERANK,
    RG_SCORE_HUB,
    RG_SCORE_AUTHORITY,
    RG_SCORE_CORENESS,
    RG_SCORE_COMMUNITY,
    RG_SCORE__COUNT
} rg_score;

const char *rg_score_name(rg_score s);
/* The score a name stands for, or -1. */
int rg_score_parse(const char *name);

typedef struct rg_node {
    char *id;
    char *label;
    rg_node_type type;
    char *kind;
    char *country; /* ISO 3166-1 alpha-2, or NULL */
    rg_strset aliases;
    long mentions;
    rg_tally doc_mentions; /* mentions per report */
    rg_strset docs;
    /* recommendations */
    char *text;
    char *doc;
    long line;
    /* a PDF's: the page of line (1-based) and the line on that page; 0
     * and 0 for other formats. Not in the graph file (its evidence has
     * them): rg_graph_node_pages sets them for a reader. */
    int page, page_line;
    char *section;
    char *modality; /* the form that makes it one: "should", "will", ... (../spec: graph-json) */
    /* scores written by `relgraph rank --write`; NaN when not computed */
    double scores[RG_SCORE__COUNT];
} rg_node;

typedef struct rg_link {
    size_t source;
    size_t target;
    rg_relation relation;
    double weight;
    /* a role whose party no sentence of its evidence names ("we", "the two
     * governments", a lead-in): true only while every piece of its
     * evidence is of that kind */
    bool inferred;
    rg_evidence *evidence;
    size_t n_evidence;
    size_t cap_evidence;
} rg_link;

/* What one document gave an entity node: the values its own part had.
 * A node's label, kind and country are the smallest over its documents'
 * values and its aliases their union; removing a document (an update that
 * drops or rereads it, rg_graph_drop_documents) takes them again from the
 * others' records. */
typedef struct rg_doc_entity {
    char *id;      /* the node's */
    char *label;
    char *kind;    /* NULL when the document gave none */
    char *country; /* NULL when the document gave none */
    rg_strset aliases;
} rg_doc_entity;

typedef struct rg_document {
    char *id;
    char *path;
    char *title;
    long bytes;
    char *date; /* ISO 8601 as precise as the document says ("2020",
                   "2020-11", "2020-11-03"), or NULL when unknown */
    char *sha256; /* of the file's bytes, 64 lowercase hex digits, or NULL */
    /* its records, in id order once rg_graph_expand_records has run; an
     * entity node of the document with no record here took the node's own
     * values (a graph file writes only the records that differ) */
    rg_doc_entity *entities;
    size_t n_entities, cap_entities;
} rg_document;

typedef struct rg_graph {
    rg_node *nodes;
    size_t n_nodes, cap_nodes;
    rg_link *links;
    size_t n_links, cap_links;
    rg_document *docs;
    size_t n_docs, cap_docs;
    char *catalog_sha256; /* of the catalog files it was built with, or NULL */
    char *generator;      /* "relgraph 0.1.0": what wrote the file it was
                             read from; NULL for a graph built here */
    struct rg_graph_index *index; /* private to the model (model.c) */
} rg_graph;

rg_graph *rg_graph_new(void);
/* A new, empty graph whose evidence strings go to whole's pool, so that
 * merging it into whole copies no sentence again: a part of one document,
 * extracted on its own and merged at once. It must be freed before whole. */
rg_graph *rg_graph_new_part(rg_graph *whole);
/* Empty g (no node, link or document), keeping the room it has made, to
 * extract the next part into. */
void rg_graph_clear(rg_graph *g);
/* Make room for n_nodes nodes and n_links links in all, so that a reader
 * who knows the counts grows nothing as it goes. */
int rg_graph_reserve(rg_graph *g, size_t n_nodes, size_t n_links);
void rg_graph_free(rg_graph *g);

/* The node with this id, created with the given type and label if absent.
 * *index receives its position. 0, or -1 when out of memory. */
int rg_graph_node(rg_graph *g, const char *id, rg_node_type type, const char *label, size_t *index);

/* Look a node up by id. */
bool rg_graph_find(const rg_graph *g, const char *id, size_t *index);

/* Set a string field (kind, country, text, doc, section) of a node if it is
 * still empty, or to the smaller of the two values otherwise, so that the
 * result does not depend on the order of merges. */
int rg_node_set(char **field, const char *value);

/* Add evidence to the link source → target of this relation, creating it
 * with weight 0 if absent; each piece of evidence adds 1 to the weight.
 * Catalog evidence (doc "catalog") is added once. *index, if not NULL,
 * receives the link's position. The link's inferred flag is left as it
 * is (a new link is not inferred): a role's evidence is added with
 * rg_graph_link_role, which keeps the flag. */
int rg_graph_link(rg_graph *g, size_t source, size_t target, rg_relation rel, const char *doc, long line,
                  const char *text, size_t *index);

/* rg_graph_link for a role (leads, partners, targets) and whether this
 * piece of evidence names its party: inferred when the sentence does not
 * ("we", "the two governments", a pronoun, a list's lead-in). A link is
 * inferred only while every piece of its evidence is: its first piece
 * sets the flag, each later one can only clear it. Catalog evidence the
 * link already has changes nothing. 0, or -1 when out of memory. */
int rg_graph_link_role(rg_graph *g, size_t source, size_t target, rg_relation rel, const char *doc, long line,
                       const char *text, bool inferred, size_t *index);

/* rg_graph_link_role (inferred not NULL) or rg_graph_link (NULL) with the
 * whole evidence e, page included: e->doc and e->text need not be in the
 * graph's pool (they are added to it). */
int rg_graph_link_evidence(rg_graph *g, size_t source, size_t target, rg_relation rel, const rg_evidence *e,
                           const bool *inferred, size_t *index);

/* Set the page and page_line of each recommendation of a PDF from the
 * evidence of its report's link to it: for a reader of a file, whose
 * nodes carry no page. O(links). */
void rg_graph_node_pages(rg_graph *g);

/* The link source → target of rel, if present. On a graph whose links were
 * appended unindexed, the first call builds the link table: a cache in the
 * model's private state, so g itself does not change (and two threads must
 * not make that first call on one graph at once). */
bool rg_graph_find_link(const rg_graph *g, size_t source, size_t target, rg_relation rel, size_t *index);

/* Append the link source → target of rel, with no evidence, without
 * looking for it first: for a reader of a file written from a graph, whose
 * links are distinct, and where most commands never look a link up by its
 * ends. *index receives its position. 0, or -1 when out of memory. */
int rg_graph_append_link(rg_graph *g, size_t source, size_t target, rg_relation rel, size_t *index);

/* The graph's copy of s[0..len) in its pool of evidence strings (one copy
 * of each): for a reader that appends evidence with
 * rg_graph_append_evidence. NULL when out of memory. */
const char *rg_graph_intern(rg_graph *g, const char *s, size_t len);

/* Append n pieces of evidence to link l as they are, their strings from
 * rg_graph_intern of this graph, the link's weight unchanged: for a reader
 * of a file written from a graph, whose evidence is distinct. 0, or -1
 * when out of memory. */
int rg_graph_append_evidence(rg_graph *g, size_t l, const rg_evidence *e, size_t n);

/* Record a source document. Fails (RG_ERR_INPUT) if a document with the
 * same id is already there: the same report given twice. */
int rg_graph_add_document(rg_graph *g, const char *id, const char *path, const char *title, long bytes,
                          rg_error *err);

/* Set the date of the document with this id (ISO 8601, NULL: unknown).
 * 0; -1 when out of memory or no document has that id. */
int rg_graph_set_document_date(rg_graph *g, const char *id, const char *date);

/* The date of the document with this id, or NULL when unknown. */
const char *rg_graph_document_date(const rg_graph *g, const char *id);

/* The position of the document with this id in g->docs, or RG_NONE. O(1). */
size_t rg_graph_document_index(const rg_graph *g, const char *id);

/* Remove the entries of g->docs whose ids gone holds (only the entries:
 * rg_graph_drop_documents removes what they gave). 0, or -1 when out of
 * memory. */
int rg_graph_remove_documents(rg_graph *g, const rg_strset *gone);

/* Add a copy of e to d's records (no check for one of the same id). 0, or
 * -1 when out of memory. */
int rg_document_add_entity(rg_document *d, const rg_doc_entity *e);
void rg_doc_entity_destroy(rg_doc_entity *e);
/* Free what d holds (not d). */
void rg_document_destroy(rg_document *d);

/* Merge src into dst: nodes by id (aliases, documents and mentions
 * combined), links by source, target and relation (evidence and weights
 * combined; inferred while the evidence of both is). Associative and
 * commutative as seen by the writers. */
int rg_graph_merge(rg_graph *dst, const rg_graph *src, rg_error *err);

/* Remove the nodes not marked in keep_node and the links not marked in
 * keep_link or whose ends go; the rest keep their order and are numbered
 * again. 0, or -1 when out of memory (the graph is then only good to
 * free). O(nodes + links). */
int rg_graph_compact(rg_graph *g, const bool *keep_node, const bool *keep_link);

/* Give every document a record for each entity node of its own that has
 * none, with the node's values: after it, the records hold what each
 * document gave, whatever merges and removals change in the nodes. For a
 * part of one document just extracted, its records. Sorts each
 * document's records by id. 0, or -1 when out of memory. O(records log). */
int rg_graph_expand_records(rg_graph *g);

/* Remove the documents whose ids are in gone and everything they gave
 * (graph/model/drop.c): their report and recommendation nodes, their
 * evidence (a link left with none goes, with its weight), their mentions
 * and their share of entity nodes, whose label, kind, country and aliases
 * are taken again from the other documents' records (expanded first);
 * and every piece of catalog evidence, which rg_extract_finish adds again
 * from what is left. Scores are cleared. The result is the merge of the
 * other documents' parts, before finishing: byte for byte what a build
 * of them writes once finished. 0, or -1 when out of memory.
 * O(nodes + links + evidence). */
int rg_graph_drop_documents(rg_graph *g, const rg_strset *gone, rg_error *err);

/* rg_graph_merge of a part made with rg_graph_new_part(dst) and extracted
 * from text (no catalog evidence), consuming it: the nodes and links dst
 * does not have are moved, not copied; src is then only good to free.
 * Any other src is merged as rg_graph_merge does. */
int rg_graph_absorb(rg_graph *dst, rg_graph *src, rg_error *err);

/* A copy of the nodes marked in keep[g->n_nodes], the links between them,
 * and the documents they come from; finished. */
int rg_graph_subgraph(const rg_graph *g, const bool *keep, rg_graph **out, rg_error *err);

/* The nodes in id order: order[k] is the node with the k-th smallest id.
 * Caller frees; NULL when out of memory. */
size_t *rg_graph_node_order(const rg_graph *g);

/* The graph is complete: sort each link's evidence by document, line and
 * text, the order writers give it in. Call it after the last change to a
 * graph's evidence (rg_pipeline_finish, after the last merge and the
 * catalog's links; rg_pipeline_extract for a part) and
 * before writing it; readers and rg_graph_subgraph return finished graphs.
 * Idempotent, and O(evidence) on evidence already in order; adding
 * evidence later unfinishes it. */
void rg_graph_finish(rg_graph *g);

/* Whether g's evidence is sorted: finished, and no evidence added since.
 * The writers (export/) refuse a graph that is not. */
bool rg_graph_finished(const rg_graph *g);

/* Positions of the nodes in id order, and of the links in (source id,
 * target id, relation) order. Caller frees the arrays. */
int rg_graph_order(const rg_graph *g, size_t **node_order, size_t **link_order);

#endif
