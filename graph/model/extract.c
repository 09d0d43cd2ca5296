#include "graph/model/extract.h"

#include "graph/rules/directive.h"
#include "graph/rules/reader.h"
#include "graph/base/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rg_extractor_free(rg_extractor *x)
{
    if (!x)
        return;
    rg_matcher_free(x->names);
    rg_hmap_destroy(&x->forms);
    rg_hmap_destroy(&x->countries);
    rg_hmap_destroy(&x->qualifiers);
    rg_hmap_destroy(&x->stems);
    free(x);
}

static int add_form(rg_hmap *forms, const char *s, size_t index)
{
    char *n = rg_normalize_name(s);
    if (!n)
        return -1;
    int rc = rg_hmap_get(forms, n, NULL) ? 0 : rg_hmap_put(forms, n, index);
    free(n);
    return rc;
}

/* An abbreviation: no lowercase letter ("U.S.", "ROK", "DPRK"). */
static bool abbreviation(const char *s)
{
    for (; *s; s++)
        if (islower((unsigned char)*s))
            return false;
    return true;
}

/* The forms that qualify a name with its country: abbreviations of the
 * country and its demonyms. */
static int index_qualifiers(rg_extractor *x)
{
    for (size_t i = 0; i < x->cat->len; i++) {
        const rg_entry *e = &x->cat->entries[i];
        if (!rg_entry_is_country(e))
            continue;
        for (size_t k = 0; k < e->n_aliases; k++)
            if (abbreviation(e->aliases[k]) && strlen(e->aliases[k]) <= 6 &&
                !rg_hmap_get(&x->qualifiers, e->aliases[k], NULL) && rg_hmap_put(&x->qualifiers, e->aliases[k], i) < 0)
                return -1;
        for (size_t k = 0; k < e->n_demonyms; k++)
            if (!rg_hmap_get(&x->qualifiers, e->demonyms[k], NULL) && rg_hmap_put(&x->qualifiers, e->demonyms[k], i) < 0)
                return -1;
    }
    return 0;
}

const rg_entry *rg_extractor_qualifier(const rg_extractor *x, const char *name, size_t *len)
{
    /* two words first: "South Korean", "New Zealand" */
    size_t first = strcspn(name, " ");
    if (!name[first])
        return NULL;
    size_t second = first + 1 + strcspn(name + first + 1, " ");
    size_t at;
    if (name[second] && rg_hmap_getn(&x->qualifiers, name, second, &at)) {
        *len = second;
        return &x->cat->entries[at];
    }
    if (rg_hmap_getn(&x->qualifiers, name, first, &at)) {
        *len = first;
        return &x->cat->entries[at];
    }
    return NULL;
}

/* Names qualified by a country, by country and what follows the
 * qualifier: "ROK Indo-Pacific Strategy" under "KR|indo-pacific strategy",
 * so that an unqualified "Indo-Pacific Strategy" finds it in a report
 * about that country. */
static int index_stems(rg_extractor *x)
{
    for (size_t i = 0; i < x->cat->len; i++) {
        const rg_entry *e = &x->cat->entries[i];
        if (rg_entry_is_country(e))
            continue;
        for (size_t k = 0; k <= e->n_aliases; k++) {
            const char *form = k == 0 ? e->name : e->aliases[k - 1];
            size_t qlen;
            const rg_entry *c = rg_extractor_qualifier(x, form, &qlen);
            if (!c)
                continue;
            char *rest = rg_normalize_name(form + qlen + 1);
            if (!rest)
                return -1;
            rg_buf key;
            rg_buf_init(&key);
            rg_buf_adds(&key, c->country);
            rg_buf_addc(&key, '|');
            rg_buf_adds(&key, rest);
            free(rest);
            int rc = key.failed ? -1 : 0;
            if (rc == 0 && !rg_hmap_get(&x->stems, key.data, NULL))
                rc = rg_hmap_put(&x->stems, key.data, i);
            rg_buf_destroy(&key);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

rg_extractor *rg_extractor_new(const rg_catalog *cat, rg_error *err)
{
    rg_extractor *x = calloc(1, sizeof *x);
    if (!x)
        goto nomem;
    rg_hmap_init(&x->forms);
    rg_hmap_init(&x->countries);
    rg_hmap_init(&x->qualifiers);
    rg_hmap_init(&x->stems);
    if (!(x->names = rg_matcher_new()))
        goto nomem;
    x->cat = cat;
    for (size_t i = 0; i < cat->len; i++) {
        const rg_entry *e = &cat->entries[i];
        if (rg_matcher_add(x->names, e->name, i) < 0 || add_form(&x->forms, e->name, i) < 0)
            goto nomem;
        for (size_t k = 0; k < e->n_aliases; k++)
            if (rg_matcher_add(x->names, e->aliases[k], i) < 0 || add_form(&x->forms, e->aliases[k], i) < 0)
                goto nomem;
        if (e->country && rg_entry_is_country(e) &&
            !rg_hmap_get(&x->countries, e->country, NULL) && rg_hmap_put(&x->countries, e->country, i) < 0)
            goto nomem;
    }
    if (index_qualifiers(x) < 0 || index_stems(x) < 0)
        goto nomem;
    return x;
nomem:
    rg_extractor_free(x);
    rg_error_nomem(err);
    return NULL;
}

/* ---- one document ---- */

typedef struct doc_state {
    rg_doc_context dc;
    const rg_doc *doc;
    rg_graph *g;
    size_t report;
    long last_rec_line;
    int same_line_count;
    size_t last_rec;       /* the latest recommendation node, or RG_NONE */
    size_t last_rec_block; /* and its block */
    rg_name_hits names;    /* the catalog names of every body sentence, */
    size_t *names_at;      /* those of sentence i from names_at[i] to names_at[i + 1] */
} doc_state;

static bool lead_in_recommends(const char *t)
{
    return strstr(t, "recommend") || strstr(t, "should") || strstr(t, "urge") || strstr(t, "call on");
}

/* A short label for a recommendation: the sentence cut at a word boundary. */
static char *short_label(const char *text)
{
    enum { MAX = 90 };
    size_t n = strlen(text);
    if (n <= MAX)
        return rg_strdup(text);
    size_t cut = MAX;
    while (cut > MAX / 2 && text[cut] != ' ')
        cut--;
    rg_buf b;
    rg_buf_init(&b);
    rg_buf_add(&b, text, cut);
    rg_buf_adds(&b, " ...");
    return rg_buf_steal(&b);
}

/* The node of catalog entry e, in this document. It may come from another
 * document: its values are kept as merge keeps them. */
static int known_node(doc_state *st, const rg_entry *e, size_t *node)
{
    if (rg_graph_node(st->g, e->id, e->type, e->name, node) < 0)
        return -1;
    rg_node *n = &st->g->nodes[*node];
    if (rg_node_set(&n->label, e->name) < 0 || rg_node_set(&n->kind, e->kind) < 0 ||
        rg_node_set(&n->country, e->country) < 0 || rg_strset_add(&n->docs, st->doc->id) < 0)
        return -1;
    return 0;
}

static int entity_node(doc_state *st, rg_mention *m, const char *sentence, long count)
{
    if (known_node(st, m->entity, &m->node) < 0)
        return -1;
    rg_node *n = &st->g->nodes[m->node];
    if (rg_strset_addn(&n->aliases, sentence + m->start, m->len) < 0 ||
        (count && rg_tally_add(&n->doc_mentions, st->doc->id, count) < 0))
        return -1;
    n->mentions = rg_count_add(n->mentions, count);
    return 0;
}

/* Does the name stand alone, rather than qualify what follows it ("the U.S.
 * force posture", "Japan-South Korea relations", "South Korea's startups")? */
static bool ends_a_noun_phrase(const char *text, const rg_mention *m)
{
    const char *p = text + m->start + m->len;
    if (*p == '-' || *p == '\'' || strncmp(p, "\xe2\x80\x99", 3) == 0)
        return false;
    while (*p == ' ')
        p++;
    if (!isalpha((unsigned char)*p))
        return true; /* punctuation or the end */
    char word[16];
    size_t n = 0;
    while (isalpha((unsigned char)p[n]) && n + 1 < sizeof word) {
        word[n] = (char)tolower((unsigned char)p[n]);
        n++;
    }
    word[n] = '\0';
    static const char *const joins[] = {"and",  "as",   "at",   "but",     "by",    "for",   "from",  "in",
                                        "into", "of",   "on",   "or",      "over",  "than",  "that",  "through",
                                        "to",   "when", "where", "which",  "while", "who",   "with",  "without"};
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
        if (strcmp(word, joins[k]) == 0)
            return true;
    return false;
}

/* The word before a mention, past "the": "in" for "in the United States". */
static size_t word_before_name(const char *text, const rg_mention *m, char *word, size_t size)
{
    size_t at = rg_word_before(text, m->start, word, size);
    if (at != RG_NONE && strcmp(word, "the") == 0)
        at = rg_word_before(text, at, word, size);
    return at;
}

/* Do two countries stand as "from a to b", a route between two places
 * ("move operations from Beijing to Seoul")? */
static bool route(const char *text, const rg_mention *a, const rg_mention *b)
{
    if (!rg_entry_is_country(b->entity) || b->start < a->start + a->len)
        return false;
    char word[16];
    size_t at = word_before_name(text, b, word, sizeof word);
    if (at == RG_NONE || strcmp(word, "to") != 0 || at != a->start + a->len + 1)
        return false;
    return word_before_name(text, a, word, sizeof word) != RG_NONE && strcmp(word, "from") == 0;
}

/* A country named as the place where something happens ("companies in South
 * Korea and the United States", "to work in the United States") is the
 * setting of a recommendation, not a party to it; so are the two ends of a
 * route. */
static bool names_a_place(const char *text, const rg_mention *ms, size_t n, size_t i)
{
    if (!rg_entry_is_country(ms[i].entity) || !ends_a_noun_phrase(text, ms + i))
        return false;
    /* "in the U.S. and ROK strategies": both qualify what follows */
    if (i + 1 < n && ms[i + 1].start <= ms[i].start + ms[i].len + 5 && !ends_a_noun_phrase(text, ms + i + 1))
        return false;
    if ((i + 1 < n && route(text, &ms[i], &ms[i + 1])) || (i > 0 && route(text, &ms[i - 1], &ms[i])))
        return true;
    char word[16];
    size_t at = word_before_name(text, &ms[i], word, sizeof word);
    if (at == RG_NONE)
        return false;
    static const char *const places[] = {"in", "within", "inside", "throughout", "across"};
    for (size_t k = 0; k < sizeof places / sizeof *places; k++)
        if (strcmp(word, places[k]) == 0)
            return true;
    /* the second of two places joined by "and" or "or" */
    if ((strcmp(word, "and") == 0 || strcmp(word, "or") == 0) && i > 0 && ms[i - 1].start + ms[i - 1].len + 6 >= at)
        return names_a_place(text, ms, n, i - 1);
    return false;
}

/* A country that names the subject matter of what follows it ("the North
 * Korea challenge", "the Iran question") is what a recommendation is
 * about, not a party to it. */
static bool names_a_topic(const char *text, const rg_mention *m)
{
    if (!rg_entry_is_country(m->entity))
        return false;
    const char *p = text + m->start + m->len;
    if (*p != ' ')
        return false;
    p++;
    static const char *const topics[] = {"challenge", "challenges", "issue",    "issues",
                                         "problem",   "problems",   "question", "questions"};
    for (size_t k = 0; k < sizeof topics / sizeof *topics; k++) {
        size_t n = strlen(topics[k]);
        if (strncmp(p, topics[k], n) == 0 && !isalpha((unsigned char)p[n]))
            return true;
    }
    return false;
}

/* Link rec to what a sentence names: who leads (named in the subject),
 * partners, and programs concerned. Each link once, leads before partners. */
static int link_roles(doc_state *st, size_t rec, const rg_sentence *s, const rg_mention *ms, size_t n, size_t subject,
                      size_t modal, bool *any_lead)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!rg_mention_counts(&ms[i]))
                continue;
            const rg_node *e = &st->g->nodes[ms[i].node];
            bool program = e->type == RG_TYPE_PROGRAM;
            /* "The Defense Department's Defense Innovation Unit should": the
             * unit leads; its owner is involved, not a leader */
            bool owner = i + 1 < n && ms[i + 1].owner == ms[i].entity;
            bool leads = !program && !owner && modal != RG_NONE && ms[i].start >= subject && ms[i].start < modal;
            if ((!leads && names_a_place(s->text, ms, n, i)) || names_a_topic(s->text, &ms[i]))
                continue;
            rg_relation rel = program ? RG_REL_CONCERNS : leads ? RG_REL_LEADS : RG_REL_PARTNERS;
            if ((pass == 0) != leads)
                continue;
            if ((rel == RG_REL_PARTNERS && rg_graph_find_link(st->g, rec, ms[i].node, RG_REL_LEADS, NULL)) ||
                rg_graph_find_link(st->g, rec, ms[i].node, rel, NULL))
                continue; /* named twice: one link */
            *any_lead |= leads;
            if (rg_graph_link(st->g, rec, ms[i].node, rel, st->doc->id, s->line, s->text, NULL) < 0)
                return -1;
        }
    }
    return 0;
}

static int recommendation(doc_state *st, const rg_sentence *s, const rg_mention *ms, size_t n_ms, size_t subject,
                          size_t modal, const rg_block *lead_in)
{
    const rg_doc *doc = st->doc;
    char id[600];
    const char *slug = doc->id + strlen("report:");
    if (s->line == st->last_rec_line)
        snprintf(id, sizeof id, "rec:%s:%ld-%d", slug, s->line, ++st->same_line_count);
    else
        snprintf(id, sizeof id, "rec:%s:%ld", slug, s->line), st->same_line_count = 1;
    st->last_rec_line = s->line;

    char *label = short_label(s->text);
    size_t rec;
    int rc = label ? rg_graph_node(st->g, id, RG_TYPE_RECOMMENDATION, label, &rec) : -1;
    free(label);
    if (rc < 0)
        return -1;
    st->last_rec = rec;
    st->last_rec_block = s->block;
    rg_node *r = &st->g->nodes[rec];
    if (rg_node_set(&r->kind, "recommendation") < 0 || rg_node_set(&r->text, s->text) < 0 ||
        rg_node_set(&r->doc, doc->id) < 0 || rg_node_set(&r->section, rg_doc_section(doc, s->block)) < 0 ||
        rg_strset_add(&r->docs, doc->id) < 0)
        return -1;
    r->line = s->line;
    if (rg_graph_link(st->g, st->report, rec, RG_REL_CONTAINS, doc->id, s->line, s->text, NULL) < 0)
        return -1;
    bool any_lead = false;
    if (link_roles(st, rec, s, ms, n_ms, subject, modal, &any_lead) < 0)
        return -1;
    /* Items under "the report recommends that U.S. and ROK policymakers:"
     * are led by whoever the lead-in names (its line is the evidence). */
    if (any_lead || !lead_in)
        return 0;
    rg_mention *lm;
    size_t n_lm;
    if (rg_mentions_find(&st->dc, lead_in->text, NULL, 0, &lm, &n_lm) < 0)
        return -1;
    rc = 0;
    for (size_t i = 0; i < n_lm && rc == 0; i++) {
        if (!rg_mention_counts(&lm[i]) || lm[i].entity->type == RG_TYPE_PROGRAM)
            continue;
        size_t node;
        rc = known_node(st, lm[i].entity, &node);
        if (rc == 0)
            rc = rg_graph_link(st->g, rec, node, RG_REL_LEADS, doc->id, lead_in->line, lead_in->text, NULL);
    }
    free(lm);
    return rc;
}

enum { RG_COMENTION_MAX = 64 };

static int co_mention(doc_state *st, size_t a, size_t c, const rg_sentence *s)
{
    if (a == c)
        return 0;
    if (strcmp(st->g->nodes[a].id, st->g->nodes[c].id) > 0) {
        size_t t = a;
        a = c;
        c = t;
    }
    size_t at;
    if (rg_graph_find_link(st->g, a, c, RG_REL_CO_MENTIONED, &at)) {
        /* the pair named twice in one sentence counts once */
        const rg_link *l = &st->g->links[at];
        const rg_evidence *last = &l->evidence[l->n_evidence - 1];
        if (last->line == s->line && strcmp(last->doc, st->doc->id) == 0 && strcmp(last->text, s->text) == 0)
            return 0;
    }
    return rg_graph_link(st->g, a, c, RG_REL_CO_MENTIONED, st->doc->id, s->line, s->text, NULL);
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The mentions of sentence i, from the catalog names the survey found. */
static int sentence_mentions(doc_state *st, size_t i, rg_mention **ms, size_t *n)
{
    static const rg_name_hit none[1];
    const rg_name_hit *names = st->names.items ? st->names.items + st->names_at[i] : none;
    return rg_mentions_find(&st->dc, st->doc->sentences[i].text, names, st->names_at[i + 1] - st->names_at[i], ms, n);
}

static int sentence(doc_state *st, size_t index, bool first_in_block)
{
    const rg_doc *doc = st->doc;
    const rg_sentence *s = &doc->sentences[index];
    const rg_block *b = &doc->blocks[s->block];
    rg_mention *ms;
    size_t n;
    if (sentence_mentions(st, index, &ms, &n) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        if (!ms[i].qualifier)
            rc = entity_node(st, &ms[i], s->text, ms[i].echo ? 0 : 1);
    /* "the Ministry of Interior and Safety's Personal Information
     * Protection Commission": the commission is part of the ministry;
     * "Microsoft's Korea Cybersecurity Center" is Microsoft's */
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (!ms[i].owner || !rg_mention_counts(&ms[i]) || ms[i].owner->type == RG_TYPE_PROGRAM)
            continue;
        for (size_t k = 0; k < n && rc == 0; k++)
            if (ms[k].entity == ms[i].owner && ms[k].node != RG_NONE)
                rc = rg_graph_link(st->g, ms[i].node, ms[k].node, RG_REL_PART_OF, doc->id, s->line, s->text, NULL);
    }
    /* co_mentioned: each pair once per sentence. A sentence naming more
     * than RG_COMENTION_MAX entities is a list, not a statement of
     * relation: its pairs are not linked. */
    if (n <= RG_COMENTION_MAX)
        for (size_t i = 0; i < n && rc == 0; i++)
            for (size_t k = i + 1; k < n && rc == 0; k++)
                if (rg_mention_counts(&ms[i]) && rg_mention_counts(&ms[k]))
                    rc = co_mention(st, ms[i].node, ms[k].node, s);

    if (rc == 0) {
        rg_span *actors = malloc((n ? n : 1) * sizeof *actors);
        size_t n_actors = 0;
        if (!actors)
            rc = -1;
        for (size_t i = 0; actors && i < n; i++)
            if (ms[i].entity->type != RG_TYPE_PROGRAM && !ms[i].qualifier)
                actors[n_actors++] = (rg_span){ms[i].start, ms[i].len}; /* an echo still heads a subject */
        bool item = b->kind == RG_BLOCK_ITEM;
        size_t subject = 0;
        size_t modal = actors ? rg_directive_modal(s->text, actors, n_actors, item, &subject) : RG_NONE;
        free(actors);
        /* "For example, ..." after a recommendation elaborates it */
        bool follows_rec = st->last_rec != RG_NONE && st->last_rec_block == s->block && !first_in_block;
        /* and so does "This should be predicated on ...", when it is no
         * recommendation of its own */
        bool example = follows_rec && (starts_with(s->text, "For example") || starts_with(s->text, "For instance") ||
                                       (modal == RG_NONE && rg_directive_refers_back(s->text)));
        const rg_block *lead = NULL;
        if (item && b->lead_in >= 0 && lead_in_recommends(doc->blocks[b->lead_in].text))
            lead = &doc->blocks[b->lead_in];
        /* an imperative opens a list item or an emphasized line:
         * "- Deepen cooperation ...", "*Establish new partnerships ...*" */
        bool imperative = modal == RG_NONE && first_in_block && (item || b->emphasized) &&
                          rg_directive_imperative(s->text);
        if (rc == 0 && !example && (modal != RG_NONE || imperative)) {
            rc = recommendation(st, s, ms, n, subject, modal, lead);
        } else if (rc == 0 && example && item) {
            /* an example in a list item tells who else and what else the
             * recommendation involves */
            bool unused = false;
            rc = link_roles(st, st->last_rec, s, ms, n, 0, RG_NONE, &unused);
        }
    }
    free(ms);
    return rc;
}

/* The two countries a document names most: what "both countries" and
 * "the allies" refer to. Ties go to the smaller id. */
static void choose_pair(rg_doc_context *dc, const size_t *count_of, size_t n)
{
    const rg_catalog *cat = dc->x->cat;
    size_t best[2] = {RG_NONE, RG_NONE};
    for (size_t i = 0; i < n; i++) {
        if (!count_of[i])
            continue;
        for (int slot = 0; slot < 2; slot++) {
            size_t b = best[slot];
            bool better = b == RG_NONE || count_of[i] > count_of[b] ||
                          (count_of[i] == count_of[b] && strcmp(cat->entries[i].id, cat->entries[b].id) < 0);
            if (better) {
                if (slot == 0)
                    best[1] = best[0];
                best[slot] = i;
                break;
            }
        }
    }
    /* only a report about two countries has "both countries" */
    if (best[1] != RG_NONE && count_of[best[1]] >= 3) {
        dc->pair[0] = &cat->entries[best[0]];
        dc->pair[1] = &cat->entries[best[1]];
    }
}

/* First pass: the catalog names of every body sentence (kept for the
 * second), the acronyms the document defines, and which countries it
 * names most. */
static int survey(doc_state *st)
{
    const rg_catalog *cat = st->dc.x->cat;
    const rg_doc *doc = st->doc;
    size_t *count_of = calloc(cat->len ? cat->len : 1, sizeof *count_of);
    st->names_at = malloc((doc->n_sentences + 1) * sizeof *st->names_at);
    if (!count_of || !st->names_at) {
        free(count_of);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < doc->n_sentences && rc == 0; i++) {
        const rg_sentence *s = &doc->sentences[i];
        st->names_at[i] = st->names.len;
        if (doc->blocks[s->block].zone != RG_ZONE_BODY)
            continue;
        if ((rc = rg_mentions_scan_names(&st->dc, s->text, &st->names)) < 0)
            break;
        /* countries by the catalog's names, wherever they stand */
        for (size_t k = st->names_at[i]; k < st->names.len; k++)
            if (rg_entry_is_country(&cat->entries[st->names.items[k].entry]))
                count_of[st->names.items[k].entry]++;
        /* the full reading only where a parenthesis may define an acronym */
        if (!strchr(s->text, '('))
            continue;
        st->names_at[i + 1] = st->names.len;
        rg_mention *ms;
        size_t n;
        if ((rc = sentence_mentions(st, i, &ms, &n)) < 0)
            break;
        rc = rg_mentions_define(&st->dc, s->text, ms, n);
        free(ms);
    }
    st->names_at[doc->n_sentences] = st->names.len;
    if (rc == 0)
        choose_pair(&st->dc, count_of, cat->len);
    free(count_of);
    return rc;
}

int rg_extract_doc(const rg_extractor *x, const rg_doc *doc, rg_graph *g, rg_error *err)
{
    if (rg_graph_add_document(g, doc->id, doc->path, doc->title, (long)doc->bytes, err) < 0)
        return -1;
    doc_state st = {.doc = doc, .g = g, .last_rec = RG_NONE, .last_rec_block = RG_NONE};
    st.dc.x = x;
    int rc = -1;
    rg_hmap_init(&st.dc.local_ids);
    if (!(st.dc.acronyms = rg_matcher_new()))
        goto done;
    if (rg_graph_node(g, doc->id, RG_TYPE_REPORT, doc->title, &st.report) < 0 ||
        rg_node_set(&g->nodes[st.report].kind, "report") < 0 || rg_strset_add(&g->nodes[st.report].docs, doc->id) < 0)
        goto done;
    if (survey(&st) < 0)
        goto done;
    rc = 0;
    for (size_t i = 0; i < doc->n_sentences && rc == 0; i++) {
        const rg_sentence *s = &doc->sentences[i];
        if (doc->blocks[s->block].zone != RG_ZONE_BODY)
            continue;
        bool first = i == 0 || doc->sentences[i - 1].block != s->block;
        rc = sentence(&st, i, first);
    }
done:
    free(st.names.items);
    free(st.names_at);
    for (size_t i = 0; i < st.dc.n_local; i++)
        rg_entry_free(st.dc.local[i]);
    free(st.dc.local);
    rg_hmap_destroy(&st.dc.local_ids);
    rg_matcher_free(st.dc.acronyms);
    free(st.dc.defined);
    return rc < 0 ? rg_error_nomem(err) : 0;
}

/* ---- links from the catalog ---- */

static int catalog_link(rg_graph *g, size_t from, const rg_entry *to, rg_relation rel, const char *source)
{
    size_t target;
    if (!to || !rg_graph_find(g, to->id, &target) || target == from)
        return 0;
    return rg_graph_link(g, from, target, rel, "catalog", 0, source, NULL);
}

int rg_extract_finish(const rg_extractor *x, rg_graph *g, rg_error *err)
{
    size_t n = g->n_nodes; /* links only: no node is added here */
    char *linked = calloc(n ? n : 1, 1);
    if (!linked)
        return rg_error_nomem(err);
    for (size_t i = 0; i < g->n_links; i++)
        if (g->links[i].relation == RG_REL_PART_OF)
            linked[g->links[i].source] = 1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const rg_node *node = &g->nodes[i];
        const rg_entry *e = rg_catalog_find_id(x->cat, node->id);
        if (node->type == RG_TYPE_AGENCY) {
            const rg_entry *parent = e && e->parent ? rg_catalog_find_name(x->cat, e->parent) : NULL;
            const rg_entry *country = rg_extractor_country(x, e ? e->country : node->country);
            if (parent && rg_graph_find(g, parent->id, NULL))
                rc = catalog_link(g, i, parent, RG_REL_PART_OF, e->source);
            else if (!linked[i] && country)
                /* a body of the text's own belongs to the country that
                 * qualified it; the catalog says which */
                rc = catalog_link(g, i, country, RG_REL_PART_OF, e ? e->source : country->source);
        }
        for (size_t k = 0; e && k < e->n_member_of && rc == 0; k++)
            rc = catalog_link(g, i, rg_catalog_find_name(x->cat, e->member_of[k]), RG_REL_MEMBER_OF, e->source);
    }
    free(linked);
    return rc < 0 ? rg_error_nomem(err) : 0;
}
