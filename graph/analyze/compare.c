/* rg_compare: what changed between two reports (compare.h). */
#include "graph/analyze/compare.h"

#include "graph/analyze/order.h"
#include "graph/base/text.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Words that say nothing of what a recommendation asks. */
static const char *const stop_words[] = {
    "a",    "an",   "and",  "are",   "as",    "at",   "be",   "by",    "for",  "from", "has",  "have", "in",
    "is",   "it",   "its",  "of",    "on",    "or",   "our",  "that",  "the",  "their", "this", "to",   "we",
    "will", "with", "which", "should", "shall", "must", "also", "these", "those", "us",  "all",  "other",
};

static bool is_stop_word(const char *w)
{
    for (size_t k = 0; k < sizeof stop_words / sizeof *stop_words; k++)
        if (strcmp(w, stop_words[k]) == 0)
            return true;
    return false;
}

typedef struct term {
    char *word;
    size_t doc; /* which text */
} term;

typedef struct weight {
    size_t term; /* index in the vocabulary */
    double w;
} weight;

struct rg_compare_words {
    weight **vec; /* vec[i]: text i's terms, by term index */
    size_t *len;
    double *norm;
    size_t n;
};

static int compare_terms(const void *x, const void *y)
{
    const term *a = x, *b = y;
    int c = strcmp(a->word, b->word);
    return c ? c : (a->doc > b->doc) - (a->doc < b->doc);
}

/* The normalised words of text i appended to *terms: lower case, stop
 * words out, a plural's s dropped ("partners" and "partner" are one). */
static int add_words(const char *s, size_t i, term **terms, size_t *n, size_t *cap)
{
    while (*s) {
        while (*s && !isalnum((unsigned char)*s))
            s++;
        const char *start = s;
        while (isalnum((unsigned char)*s))
            s++;
        size_t len = (size_t)(s - start);
        if (!len)
            break;
        char *w = rg_strndup(start, len);
        if (!w)
            return -1;
        for (char *p = w; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's')
            w[len - 1] = '\0';
        if (is_stop_word(w)) {
            free(w);
            continue;
        }
        if (rg_reserve((void **)terms, cap, *n, sizeof **terms) < 0) {
            free(w);
            return -1;
        }
        (*terms)[(*n)++] = (term){w, i};
    }
    return 0;
}

/* Each text's vector from the sorted terms: a run of one word is one
 * vocabulary entry; its df the texts it is in; tf the run's length in a
 * text. Weight tf * log(1 + n / df). */
static int fill_vectors(rg_compare_words *w, const term *t, size_t nt)
{
    size_t vocab = 0;
    for (size_t k = 0; k < nt;) {
        size_t end = k, df = 0;
        while (end < nt && strcmp(t[end].word, t[k].word) == 0) {
            df += end == k || t[end].doc != t[end - 1].doc;
            end++;
        }
        double idf = log(1.0 + (double)w->n / (double)df);
        for (size_t j = k; j < end;) {
            size_t doc = t[j].doc, tf = 0;
            while (j < end && t[j].doc == doc)
                tf++, j++;
            w->vec[doc][w->len[doc]++] = (weight){vocab, (double)tf * idf};
            w->norm[doc] += ((double)tf * idf) * ((double)tf * idf);
        }
        vocab++;
        k = end;
    }
    for (size_t i = 0; i < w->n; i++)
        w->norm[i] = sqrt(w->norm[i]);
    return 0;
}

static void free_terms(term *t, size_t n)
{
    for (size_t k = 0; k < n; k++)
        free(t[k].word);
    free(t);
}

rg_compare_words *rg_compare_words_new(const char *const *texts, size_t n)
{
    rg_compare_words *w = calloc(1, sizeof *w);
    term *t = NULL;
    size_t nt = 0, cap = 0;
    bool ok = w && (w->vec = calloc(n ? n : 1, sizeof *w->vec)) && (w->len = calloc(n ? n : 1, sizeof *w->len)) &&
              (w->norm = calloc(n ? n : 1, sizeof *w->norm));
    if (w)
        w->n = n;
    for (size_t i = 0; ok && i < n; i++)
        ok = add_words(texts[i] ? texts[i] : "", i, &t, &nt, &cap) == 0;
    if (ok && nt)
        qsort(t, nt, sizeof *t, compare_terms);
    /* a text has at most as many entries as words */
    size_t *words_of = ok ? calloc(n ? n : 1, sizeof *words_of) : NULL;
    ok = ok && words_of;
    for (size_t k = 0; ok && k < nt; k++)
        words_of[t[k].doc]++;
    for (size_t i = 0; ok && i < n; i++)
        ok = (w->vec[i] = malloc((words_of[i] ? words_of[i] : 1) * sizeof **w->vec)) != NULL;
    free(words_of);
    if (ok)
        fill_vectors(w, t, nt);
    free_terms(t, nt);
    if (!ok) {
        rg_compare_words_free(w);
        return NULL;
    }
    return w;
}

double rg_compare_words_cosine(const rg_compare_words *w, size_t i, size_t j)
{
    if (!w->norm[i] || !w->norm[j])
        return 0;
    double dot = 0;
    for (size_t x = 0, y = 0; x < w->len[i] && y < w->len[j];) {
        if (w->vec[i][x].term < w->vec[j][y].term)
            x++;
        else if (w->vec[i][x].term > w->vec[j][y].term)
            y++;
        else
            dot += w->vec[i][x++].w * w->vec[j][y++].w;
    }
    double c = dot / (w->norm[i] * w->norm[j]);
    return c > 1 ? 1 : c;
}

void rg_compare_words_free(rg_compare_words *w)
{
    if (!w)
        return;
    for (size_t i = 0; w->vec && i < w->n; i++)
        free(w->vec[i]);
    free(w->vec);
    free(w->len);
    free(w->norm);
    free(w);
}

double rg_compare_jaccard(const char *const *a, size_t na, const char *const *b, size_t nb)
{
    size_t both = 0;
    for (size_t x = 0, y = 0; x < na && y < nb;) {
        int c = strcmp(a[x], b[y]);
        both += c == 0;
        x += c <= 0;
        y += c >= 0;
    }
    size_t either = na + nb - both;
    return either ? (double)both / (double)either : 0;
}

const char *rg_compare_label_name(rg_compare_label l)
{
    return l == RG_COMPARE_LABEL_CARRIED ? "carried over" : l == RG_COMPARE_LABEL_REWORDED ? "reworded" : "new";
}

const char *rg_compare_label_word(rg_compare_label l)
{
    return l == RG_COMPARE_LABEL_CARRIED ? "carried" : l == RG_COMPARE_LABEL_REWORDED ? "reworded" : "new";
}

void rg_compare_defaults(rg_compare_options *o)
{
    *o = (rg_compare_options){RG_VIEW_AGENCIES, RG_SCORE_PAGERANK, RG_COMPARE_WORDS_WEIGHT, RG_COMPARE_CARRIED,
                              RG_COMPARE_REWORDED};
}

/* One report's recommendations: nodes in line order, each with the ids
 * of the entities it involves, sorted. */
typedef struct recs {
    size_t *node;
    const char ***parties;
    size_t *n_parties;
    size_t n;
} recs;

static void recs_free(recs *r)
{
    for (size_t i = 0; r->parties && i < r->n; i++)
        free(r->parties[i]);
    free(r->parties);
    free(r->n_parties);
    free(r->node);
}

/* A recommendation in line order (its id breaks ties): qsort has no
 * context argument, so each carries what it is sorted by. */
typedef struct placed {
    long line;
    const char *id;
    size_t node;
} placed;

static int by_line(const void *x, const void *y)
{
    const placed *a = x, *b = y;
    if (a->line != b->line)
        return (a->line > b->line) - (a->line < b->line);
    return strcmp(a->id, b->id);
}

/* The recommendations of doc, in line order, into r->node. */
static int place_recs(const rg_graph *g, const char *doc, recs *r)
{
    placed *p = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *p);
    if (!p)
        return -1;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        if (n->type == RG_TYPE_RECOMMENDATION && n->doc && strcmp(n->doc, doc) == 0)
            p[r->n++] = (placed){n->line, n->id, i};
    }
    qsort(p, r->n, sizeof *p, by_line);
    for (size_t i = 0; i < r->n; i++)
        r->node[i] = p[i].node;
    free(p);
    return 0;
}

static int by_string(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool is_party_link(rg_relation r)
{
    return r == RG_REL_LEADS || r == RG_REL_PARTNERS || r == RG_REL_TARGETS || r == RG_REL_CONCERNS;
}

/* The parties of each recommendation: one pass over the links. */
static int collect_parties(const rg_graph *g, recs *r, const size_t *slot)
{
    size_t *cap = calloc(r->n ? r->n : 1, sizeof *cap);
    if (!cap)
        return -1;
    int rc = 0;
    for (size_t l = 0; rc == 0 && l < g->n_links; l++) {
        const rg_link *k = &g->links[l];
        size_t i = slot[k->source];
        if (i == RG_NONE || !is_party_link(k->relation))
            continue;
        rc = rg_reserve((void **)&r->parties[i], &cap[i], r->n_parties[i], sizeof *r->parties[i]);
        if (rc == 0)
            r->parties[i][r->n_parties[i]++] = g->nodes[k->target].id;
    }
    free(cap);
    for (size_t i = 0; rc == 0 && i < r->n; i++) {
        if (r->n_parties[i] > 1)
            qsort(r->parties[i], r->n_parties[i], sizeof *r->parties[i], by_string);
        size_t u = 0; /* a party by two relations counts once */
        for (size_t j = 0; j < r->n_parties[i]; j++)
            if (!u || strcmp(r->parties[i][u - 1], r->parties[i][j]) != 0)
                r->parties[i][u++] = r->parties[i][j];
        r->n_parties[i] = u;
    }
    return rc;
}

static int recs_of(const rg_compare_side *s, recs *r)
{
    const rg_graph *g = s->g;
    memset(r, 0, sizeof *r);
    size_t *slot = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *slot);
    if (!slot || !(r->node = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *r->node))) {
        free(slot);
        return -1;
    }
    if (place_recs(g, s->doc, r) < 0) {
        free(slot);
        return -1;
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        slot[i] = RG_NONE;
    for (size_t i = 0; i < r->n; i++)
        slot[r->node[i]] = i;
    int rc = (r->parties = calloc(r->n ? r->n : 1, sizeof *r->parties)) &&
                     (r->n_parties = calloc(r->n ? r->n : 1, sizeof *r->n_parties))
                 ? collect_parties(g, r, slot)
                 : -1;
    free(slot);
    return rc;
}

/* Each of B's recommendations against every one of A's: the best by
 * score (ties: the earlier line), labelled by the thresholds. */
static void match_one(rg_compare_match *m, size_t j, const recs *ra, const recs *rb, const rg_compare_words *w,
                      const rg_compare_options *o)
{
    m->b = rb->node[j];
    m->a = RG_NONE;
    m->score = m->words = m->parties = 0;
    for (size_t i = 0; i < ra->n; i++) {
        double words = rg_compare_words_cosine(w, i, ra->n + j);
        double parties = rg_compare_jaccard(ra->parties[i], ra->n_parties[i], rb->parties[j], rb->n_parties[j]);
        double score = o->words_weight * words + (1 - o->words_weight) * parties;
        if (m->a == RG_NONE || score > m->score + 1e-12) {
            m->a = ra->node[i];
            *m = (rg_compare_match){rb->node[j], ra->node[i], words, parties, score, RG_COMPARE_LABEL_NEW};
        }
    }
    if (m->a != RG_NONE && m->words >= o->carried)
        m->label = RG_COMPARE_LABEL_CARRIED;
    else if (m->a != RG_NONE && m->score >= o->reworded)
        m->label = RG_COMPARE_LABEL_REWORDED;
}

static int match_recs(rg_compare *c, const recs *ra, const recs *rb, const rg_compare_options *o)
{
    size_t n = ra->n + rb->n;
    const char **texts = calloc(n ? n : 1, sizeof *texts);
    if (!texts)
        return -1;
    for (size_t i = 0; i < ra->n; i++)
        texts[i] = c->a.g->nodes[ra->node[i]].text;
    for (size_t j = 0; j < rb->n; j++)
        texts[ra->n + j] = c->b.g->nodes[rb->node[j]].text;
    rg_compare_words *w = rg_compare_words_new(texts, n);
    free(texts);
    c->matches = calloc(rb->n ? rb->n : 1, sizeof *c->matches);
    c->dropped = malloc((ra->n ? ra->n : 1) * sizeof *c->dropped);
    if (!w || !c->matches || !c->dropped) {
        rg_compare_words_free(w);
        return -1;
    }
    for (size_t j = 0; j < rb->n; j++)
        match_one(&c->matches[j], j, ra, rb, w, o);
    c->n_matches = rb->n;
    c->n_recs_a = ra->n;
    rg_compare_words_free(w);
    for (size_t i = 0; i < ra->n; i++) {
        bool continued = false;
        for (size_t j = 0; j < rb->n && !continued; j++)
            continued = c->matches[j].a == ra->node[i] && c->matches[j].label != RG_COMPARE_LABEL_NEW;
        if (!continued)
            c->dropped[c->n_dropped++] = ra->node[i];
    }
    return 0;
}

static long mentions_in(const rg_node *n, const char *doc)
{
    for (size_t k = 0; k < n->doc_mentions.len; k++)
        if (strcmp(n->doc_mentions.keys[k], doc) == 0)
            return n->doc_mentions.counts[k];
    return 0;
}

static int by_type_id(const void *x, const void *y)
{
    const rg_compare_entity *a = x, *b = y;
    if (a->type != b->type)
        return (a->type > b->type) - (a->type < b->type);
    return strcmp(a->id, b->id);
}

/* The entities of side s (actors, agencies, programs it names), merged by
 * id into c->entities: B's after A's. */
static int add_entities(rg_compare *c, const rg_compare_side *s, bool is_b, size_t *cap)
{
    const rg_graph *g = s->g;
    size_t n_a = c->n_entities;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const rg_node *n = &g->nodes[i];
        if (!rg_type_is_entity(n->type) || !rg_strset_has(&n->docs, s->doc))
            continue;
        size_t at = RG_NONE;
        for (size_t e = 0; is_b && e < n_a && at == RG_NONE; e++)
            if (strcmp(c->entities[e].id, n->id) == 0)
                at = e;
        if (at == RG_NONE) {
            if (rg_reserve((void **)&c->entities, cap, c->n_entities, sizeof *c->entities) < 0)
                return -1;
            at = c->n_entities++;
            c->entities[at] = (rg_compare_entity){n->id, n->label, n->type, RG_NONE, RG_NONE, 0, 0};
        }
        if (is_b) {
            c->entities[at].b = i;
            c->entities[at].mentions_b = mentions_in(n, s->doc);
        } else {
            c->entities[at].a = i;
            c->entities[at].mentions_a = mentions_in(n, s->doc);
        }
    }
    return 0;
}

/* rank[node] of every actor and agency in side s's view (0: not in it)
 * and its score. */
static int rank_side(const rg_compare_side *s, const rg_compare_options *o, size_t *rank, double *score,
                     rg_error *err)
{
    const rg_graph *g = s->g;
    rg_view_options vo = {o->view, s->doc, false};
    rg_view *v = NULL;
    rg_measure_options mo = {0};
    rg_scored *rows = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *rows);
    if (!rows)
        return rg_error_nomem(err);
    int rc = rg_view_new(g, &vo, &v, err);
    if (rc == 0)
        rc = rg_view_measure(v, o->measure, &mo, score, err);
    rg_view_free(v);
    size_t n = 0;
    for (size_t i = 0; rc == 0 && i < g->n_nodes; i++) {
        rank[i] = 0;
        rg_node_type t = g->nodes[i].type;
        if ((t == RG_TYPE_ACTOR || t == RG_TYPE_AGENCY) && isfinite(score[i]))
            rows[n++] = (rg_scored){.node = i, .score = score[i]};
    }
    if (rc == 0)
        rg_order_scores(g, rows, n);
    for (size_t k = 0; rc == 0 && k < n; k++)
        rank[rows[k].node] = rows[k].rank;
    free(rows);
    return rc;
}

static size_t rank_move(const rg_compare_shift *s)
{
    return s->rank_a > s->rank_b ? s->rank_a - s->rank_b : s->rank_b - s->rank_a;
}

/* Largest movers first: ranked in both, by how far the rank moved; then
 * those ranked in one report only, by their score there; ties by id. */
static int by_move(const void *x, const void *y)
{
    const rg_compare_shift *a = x, *b = y;
    bool both_a = a->rank_a && a->rank_b, both_b = b->rank_a && b->rank_b;
    if (both_a != both_b)
        return both_a ? -1 : 1;
    if (both_a && rank_move(a) != rank_move(b))
        return rank_move(a) > rank_move(b) ? -1 : 1;
    double sa = isfinite(a->score_a) ? a->score_a : a->score_b, sb = isfinite(b->score_a) ? b->score_a : b->score_b;
    if (!both_a && !rg_order_tied(sa, sb))
        return sa > sb ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* The centrality shifts of every actor and agency of c->entities. */
static int add_shifts(rg_compare *c, const rg_compare_options *o, rg_error *err)
{
    const rg_graph *ga = c->a.g, *gb = c->b.g;
    size_t *rank_a = malloc((ga->n_nodes ? ga->n_nodes : 1) * sizeof *rank_a);
    size_t *rank_b = malloc((gb->n_nodes ? gb->n_nodes : 1) * sizeof *rank_b);
    double *score_a = malloc((ga->n_nodes ? ga->n_nodes : 1) * sizeof *score_a);
    double *score_b = malloc((gb->n_nodes ? gb->n_nodes : 1) * sizeof *score_b);
    c->shifts = malloc((c->n_entities ? c->n_entities : 1) * sizeof *c->shifts);
    int rc = rank_a && rank_b && score_a && score_b && c->shifts ? 0 : rg_error_nomem(err);
    if (rc == 0)
        rc = rank_side(&c->a, o, rank_a, score_a, err);
    if (rc == 0)
        rc = rank_side(&c->b, o, rank_b, score_b, err);
    for (size_t e = 0; rc == 0 && e < c->n_entities; e++) {
        const rg_compare_entity *x = &c->entities[e];
        if (x->type != RG_TYPE_ACTOR && x->type != RG_TYPE_AGENCY)
            continue;
        rg_compare_shift s = {x->id, x->label, x->type, NAN, NAN, 0, 0};
        if (x->a != RG_NONE && rank_a[x->a])
            s.score_a = score_a[x->a], s.rank_a = rank_a[x->a];
        if (x->b != RG_NONE && rank_b[x->b])
            s.score_b = score_b[x->b], s.rank_b = rank_b[x->b];
        if (s.rank_a || s.rank_b)
            c->shifts[c->n_shifts++] = s;
    }
    if (rc == 0)
        qsort(c->shifts, c->n_shifts, sizeof *c->shifts, by_move);
    free(rank_a);
    free(rank_b);
    free(score_a);
    free(score_b);
    return rc;
}

void rg_compare_free(rg_compare *c)
{
    if (!c)
        return;
    free(c->entities);
    free(c->matches);
    free(c->dropped);
    free(c->shifts);
    free(c);
}

int rg_compare_new(const rg_compare_side *a, const rg_compare_side *b, const rg_compare_options *o, rg_compare **out,
                   rg_error *err)
{
    *out = NULL;
    rg_compare *c = calloc(1, sizeof *c);
    if (!c)
        return rg_error_nomem(err);
    c->a = *a;
    c->b = *b;
    size_t cap = 0;
    recs ra = {0}, rb = {0};
    int rc = add_entities(c, a, false, &cap) == 0 && add_entities(c, b, true, &cap) == 0 ? 0 : rg_error_nomem(err);
    if (rc == 0 && c->n_entities)
        qsort(c->entities, c->n_entities, sizeof *c->entities, by_type_id);
    if (rc == 0 && (recs_of(a, &ra) < 0 || recs_of(b, &rb) < 0 || match_recs(c, &ra, &rb, o) < 0))
        rc = rg_error_nomem(err);
    recs_free(&ra);
    recs_free(&rb);
    if (rc == 0)
        rc = add_shifts(c, o, err);
    if (rc < 0)
        rg_compare_free(c);
    else
        *out = c;
    return rc;
}
