/* The reading of one document: a survey first (catalog names, acronyms,
 * the two countries), then each body sentence in order: its mentions, its
 * form, its roles, the lead-in and the recommendation it goes on with. */
#include "graph/rules/context.h"
#include "graph/rules/rules_internal.h"
#include "graph/base/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void rg_context_free(rg_context *c)
{
    if (!c)
        return;
    free(c->names.items);
    free(c->names_at);
    for (size_t i = 0; i < c->n_local; i++)
        rg_entry_free(c->local[i]);
    free(c->local);
    rg_hmap_destroy(&c->local_ids);
    rg_matcher_free(c->acronyms);
    free(c->defined);
    free(c->ms);
    free(c->leaders);
    free(c->roles);
    free(c->actors);
    free(c);
}

const rg_entry *rg_context_pair(const rg_context *c, int k)
{
    return k == 0 || k == 1 ? c->pair[k] : NULL;
}

void rg_context_set_pair(rg_context *c, const rg_entry *a, const rg_entry *b)
{
    c->pair[0] = a;
    c->pair[1] = b;
}

/* The two countries a document names most: what "both countries" and
 * "the allies" refer to. Ties go to the smaller id. */
static void choose_pair(rg_context *c, const size_t *count_of, size_t n)
{
    const rg_catalog *cat = c->r->cat;
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
        c->pair[0] = &cat->entries[best[0]];
        c->pair[1] = &cat->entries[best[1]];
    }
}

/* The mentions of sentence i, from the catalog names the survey found. */
static int sentence_mentions(rg_context *c, size_t i, rg_mention **ms, size_t *n)
{
    static const rg_name_hit none[1];
    const rg_name_hit *names = c->names.items ? c->names.items + c->names_at[i] : none;
    return rg_mentions_find(c, c->doc->sentences[i].text, names, c->names_at[i + 1] - c->names_at[i], ms, n);
}

/* First pass: the catalog names of every body sentence (kept for the
 * second), the acronyms the document defines, and which countries it
 * names most. */
static int survey(rg_context *c)
{
    const rg_catalog *cat = c->r->cat;
    const rg_doc *doc = c->doc;
    size_t *count_of = calloc(cat->len ? cat->len : 1, sizeof *count_of);
    c->names_at = malloc((doc->n_sentences + 1) * sizeof *c->names_at);
    if (!count_of || !c->names_at) {
        free(count_of);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < doc->n_sentences && rc == 0; i++) {
        const rg_sentence *s = &doc->sentences[i];
        c->names_at[i] = c->names.len;
        if (doc->blocks[s->block].zone != RG_ZONE_BODY)
            continue;
        if ((rc = rg_mentions_scan_names(c, s->text, &c->names)) < 0)
            break;
        /* countries by the catalog's names, wherever they stand */
        for (size_t k = c->names_at[i]; k < c->names.len; k++)
            if (rg_entry_is_country(&cat->entries[c->names.items[k].entry]))
                count_of[c->names.items[k].entry]++;
        /* the full reading only where a parenthesis may define an acronym */
        if (!strchr(s->text, '('))
            continue;
        c->names_at[i + 1] = c->names.len;
        rg_mention *ms;
        size_t n;
        if ((rc = sentence_mentions(c, i, &ms, &n)) < 0)
            break;
        rc = rg_mentions_define(c, s->text, ms, n);
        free(ms);
    }
    c->names_at[doc->n_sentences] = c->names.len;
    if (rc == 0)
        choose_pair(c, count_of, cat->len);
    free(count_of);
    return rc;
}

rg_context *rg_context_new(const rg_reader *r, const rg_doc *doc, rg_error *err)
{
    rg_context *c = calloc(1, sizeof *c);
    if (!c) {
        rg_error_nomem(err);
        return NULL;
    }
    c->r = r;
    c->doc = doc;
    c->last_rec = RG_NONE;
    c->last_rec_block = RG_NONE;
    rg_hmap_init(&c->local_ids);
    if (!(c->acronyms = rg_matcher_new()) || survey(c) < 0) {
        rg_context_free(c);
        rg_error_nomem(err);
        return NULL;
    }
    return c;
}

/* ---- one sentence ---- */

static bool lead_in_recommends(const char *t)
{
    return strstr(t, "recommend") || strstr(t, "should") || strstr(t, "urge") || strstr(t, "call on");
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Room for n roles and n actors in the buffers kept from sentence to sentence. */
static int reserve(rg_context *c, size_t n)
{
    if (rg_grow_to((void **)&c->roles, &c->cap_roles, n, sizeof *c->roles) < 0 ||
        rg_grow_to((void **)&c->actors, &c->cap_actors, n, sizeof *c->actors) < 0)
        return -1;
    return 0;
}

/* The offset of the modal of a recommendation, or RG_NONE; its subject's
 * start in *subject. */
static size_t modal_of(rg_context *c, const char *text, const rg_mention *ms, size_t n, bool item, size_t *subject)
{
    size_t n_actors = 0;
    for (size_t i = 0; i < n; i++)
        if (ms[i].entity->type != RG_TYPE_PROGRAM && !ms[i].qualifier)
            c->actors[n_actors++] = (rg_span){ms[i].start, ms[i].len}; /* an echo still heads a subject */
    *subject = 0;
    return rg_directive_modal(text, c->actors, n_actors, item, subject);
}

/* The lead-in's mentions that lead: who it names, programs left out. */
static int read_leaders(rg_context *c, const rg_block *lead_in, rg_reading *out)
{
    rg_mention *lm;
    size_t n_lm;
    if (rg_mentions_find(c, lead_in->text, NULL, 0, &lm, &n_lm) < 0)
        return -1;
    size_t w = 0;
    for (size_t i = 0; i < n_lm; i++)
        if (rg_mention_counts(&lm[i]) && lm[i].entity->type != RG_TYPE_PROGRAM)
            lm[w++] = lm[i];
    c->leaders = lm;
    out->leaders = lm;
    out->n_leaders = w;
    return 0;
}

/* The form of a sentence that opens a block or follows another, given
 * its modal; and whether it goes on with the latest recommendation. */
static rg_form form_of(const rg_context *c, const rg_sentence *s, size_t modal, bool first_in_block, bool *example)
{
    const rg_block *b = &c->doc->blocks[s->block];
    bool item = b->kind == RG_BLOCK_ITEM;
    /* "For example, ..." after a recommendation elaborates it */
    bool follows_rec = c->last_rec != RG_NONE && c->last_rec_block == s->block && !first_in_block;
    /* and so does "This should be predicated on ...", when it is no
     * recommendation of its own */
    *example = follows_rec && (starts_with(s->text, "For example") || starts_with(s->text, "For instance") ||
                               (modal == RG_NONE && rg_directive_refers_back(s->text)));
    if (*example)
        return RG_FORM_NONE;
    if (modal != RG_NONE)
        return RG_FORM_MODAL;
    /* an imperative opens a list item or an emphasized line:
     * "- Deepen cooperation ...", "*Establish new partnerships ...*" */
    if (first_in_block && (item || b->emphasized) && rg_directive_imperative(s->text))
        return item ? RG_FORM_ITEM : RG_FORM_EMPHASIZED;
    return RG_FORM_NONE;
}

int rg_context_read(rg_context *c, size_t i, rg_reading *out)
{
    const rg_doc *doc = c->doc;
    const rg_sentence *s = &doc->sentences[i];
    const rg_block *b = &doc->blocks[s->block];
    free(c->ms);
    free(c->leaders);
    c->ms = c->leaders = NULL;
    *out = (rg_reading){.sentence = i, .subject = RG_NONE, .modal = RG_NONE, .elaborates = RG_NONE, .lead_in = -1};
    if (b->zone != RG_ZONE_BODY)
        return 0;
    rg_mention *ms;
    size_t n;
    if (sentence_mentions(c, i, &ms, &n) < 0)
        return -1;
    c->ms = ms;
    out->mentions = ms;
    out->n_mentions = n;
    if (reserve(c, n ? n : 1) < 0)
        return -1;
    out->roles = c->roles;
    bool item = b->kind == RG_BLOCK_ITEM;
    bool first_in_block = i == 0 || doc->sentences[i - 1].block != s->block;
    size_t subject;
    size_t modal = modal_of(c, s->text, ms, n, item, &subject);
    bool example;
    out->form = form_of(c, s, modal, first_in_block, &example);
    if (item && b->lead_in >= 0 && lead_in_recommends(doc->blocks[b->lead_in].text))
        out->lead_in = b->lead_in;
    if (out->form != RG_FORM_NONE) {
        if (modal != RG_NONE)
            out->subject = subject, out->modal = modal;
        rg_roles_assign(s->text, ms, n, subject, modal, c->roles);
        c->last_rec = i;
        c->last_rec_block = s->block;
        bool any_lead = false;
        for (size_t k = 0; k < n; k++)
            any_lead |= c->roles[k] == RG_ROLE_LEADS;
        /* Items under "the report recommends that U.S. and ROK
         * policymakers:" are led by whoever the lead-in names. */
        if (!any_lead && out->lead_in >= 0 && read_leaders(c, &doc->blocks[out->lead_in], out) < 0)
            return -1;
    } else if (example) {
        out->elaborates = c->last_rec;
        /* an example in a list item tells who else and what else the
         * recommendation involves */
        if (item)
            rg_roles_assign(s->text, ms, n, 0, RG_NONE, c->roles);
        else
            for (size_t k = 0; k < n; k++)
                c->roles[k] = RG_ROLE_NONE;
    } else {
        for (size_t k = 0; k < n; k++)
            c->roles[k] = RG_ROLE_NONE;
    }
    return 0;
}
