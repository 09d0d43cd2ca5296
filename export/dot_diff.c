/* rg_dot_diff: what changed between two reports, in one diagram (dot_diff.h). */
#include "export/dot_diff.h"

#include "export/dot_internal.h"
#include "export/dot_label.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many bytes of a recommendation's action its label shows. */
#define ACTION 60

/* Greyed: what A had and B does not (an entity only in A, a dropped
 * recommendation). Highlighted: what B has and A did not. */
#define GREY_FILL "#eeeeee"
#define GREY_LINE "#aaaaaa"
#define GREY_TEXT "#888888"
#define NEW_LINE "#d7301f"
#define NEW_FILL "#fee391"
#define CARRIED_COLOR "#1a9850"
#define REWORDED_COLOR "#762a83"

/* Links on A's side are drawn in their relation's colour made lighter:
 * the eye follows B, the later report. */
#define A_SIDE_ALPHA "70"

/* Where an entity is named. */
enum { IN_BOTH, IN_A, IN_B };

typedef struct diff {
    const rg_compare *c;
    const rg_dot_diff_options *o;
    size_t top;
    Agraph_t *ag, *column[3]; /* A's recommendations, the entities, B's */
    Agnode_t **an_a, **an_b;  /* the diagram's node of a node of A's graph, of B's */
    size_t entities[3];       /* drawn, per group */
    size_t lone;              /* of those, linked to no recommendation drawn */
    size_t recs_a, recs_b, dropped, matched, links;
    bool failed;
} diff;

static int set(void *obj, const char *name, const char *value)
{
    return rg_dot_set(obj, name, value);
}

static int group_of(const rg_compare_entity *e)
{
    return e->a == RG_NONE ? IN_B : e->b == RG_NONE ? IN_A : IN_BOTH;
}

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; hay && *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static bool in_section(const diff *d, const rg_graph *g, size_t rec)
{
    return !d->o->section || contains_ci(g->nodes[rec].section, d->o->section);
}

/* An entity ranked by its mentions in both reports (id breaks ties). */
typedef struct ranked {
    long mentions;
    const char *id;
    size_t entity;
} ranked;

static int by_mentions(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* "#rrggbb" + alpha into buf. */
static const char *lighter(const char *color, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s", color, A_SIDE_ALPHA);
    return buf;
}

/* Whether entity e is linked (as a recommendation's party or program) to
 * a recommendation drawn on side a_side. */
static bool linked(const diff *d, const rg_compare_entity *e, bool a_side)
{
    const rg_graph *g = a_side ? d->c->a.g : d->c->b.g;
    size_t node = a_side ? e->a : e->b;
    Agnode_t *const *an = a_side ? d->an_a : d->an_b;
    for (size_t i = 0; node != RG_NONE && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (l->target == node && an[l->source] && g->nodes[l->source].type == RG_TYPE_RECOMMENDATION &&
            (l->relation == RG_REL_LEADS || l->relation == RG_REL_PARTNERS || l->relation == RG_REL_TARGETS ||
             l->relation == RG_REL_CONCERNS))
            return true;
    }
    return false;
}

/* An entity linked to no recommendation drawn, as a cell of the table
 * that lists them (a column of lone nodes would take the page). */
static void add_cell(rg_buf *h, const rg_compare_entity *e, int grp)
{
    rg_buf_adds(h, "<TR><TD BGCOLOR=\"");
    rg_buf_adds(h, grp == IN_A ? GREY_FILL : rg_dot_type_fill(e->type));
    rg_buf_adds(h, grp == IN_B ? "\" COLOR=\"" NEW_LINE "\" BORDER=\"3\">" : "\">");
    rg_buf_adds(h, grp == IN_A ? "<FONT COLOR=\"" GREY_TEXT "\">" : "");
    rg_dot_add_html(h, e->label, 28);
    rg_buf_adds(h, grp == IN_A ? "</FONT>" : "");
    rg_buf_adds(h, "</TD></TR>");
}

static void add_entity(diff *d, const rg_compare_entity *e, int grp)
{
    Agnode_t *n = agnode(d->column[1], (char *)e->id, 1);
    char *label = rg_dot_text(e->label, 20);
    char mentions[600];
    snprintf(mentions, sizeof mentions, "%s [%s]: mentions %ld in A, %ld in B", e->label, e->id, e->mentions_a,
             e->mentions_b);
    char *tip = rg_dot_text(mentions, 0);
    if (!n || !label || !tip || set(n, "label", label) < 0 || set(n, "tooltip", tip) < 0 ||
        set(n, "shape", rg_dot_type_shape(e->type)) < 0)
        d->failed = true;
    else if (grp == IN_A)
        d->failed = set(n, "fillcolor", GREY_FILL) < 0 || set(n, "color", GREY_LINE) < 0 ||
                    set(n, "fontcolor", GREY_TEXT) < 0 || set(n, "style", "filled,dashed") < 0;
    else
        d->failed = set(n, "fillcolor", rg_dot_type_fill(e->type)) < 0 ||
                    (grp == IN_B && (set(n, "color", NEW_LINE) < 0 || set(n, "penwidth", "3") < 0));
    if (e->a != RG_NONE)
        d->an_a[e->a] = n;
    if (e->b != RG_NONE)
        d->an_b[e->b] = n;
    free(label);
    free(tip);
}

/* The top most mentioned entities of each group, in the middle column in
 * id order within their group (the order they are made in); those linked
 * to no recommendation drawn listed in one table below them. */
static void add_entities(diff *d)
{
    const rg_compare *c = d->c;
    ranked *r = malloc((c->n_entities ? c->n_entities : 1) * sizeof *r);
    bool *keep = calloc(c->n_entities ? c->n_entities : 1, sizeof *keep);
    if (!r || !keep) {
        d->failed = true;
        free(r);
        free(keep);
        return;
    }
    for (int grp = IN_BOTH; grp <= IN_B; grp++) {
        size_t n = 0;
        for (size_t i = 0; i < c->n_entities; i++)
            if (group_of(&c->entities[i]) == grp)
                r[n++] = (ranked){c->entities[i].mentions_a + c->entities[i].mentions_b, c->entities[i].id, i};
        qsort(r, n, sizeof *r, by_mentions);
        for (size_t k = 0; k < n && k < d->top; k++)
            keep[r[k].entity] = true;
    }
    rg_buf lone;
    rg_buf_init(&lone);
    bool *apart = calloc(c->n_entities ? c->n_entities : 1, sizeof *apart);
    d->failed |= !apart;
    for (size_t i = 0; !d->failed && i < c->n_entities; i++) {
        const rg_compare_entity *e = &c->entities[i];
        if (!keep[i])
            continue;
        d->entities[group_of(e)]++;
        if (linked(d, e, true) || linked(d, e, false))
            add_entity(d, e, group_of(e));
        else
            apart[i] = true, d->lone++;
    }
    /* the table by group: in both, only in A, only in B */
    for (int grp = IN_BOTH; !d->failed && grp <= IN_B; grp++)
        for (size_t i = 0; i < c->n_entities; i++) {
            if (!apart[i] || group_of(&c->entities[i]) != grp)
                continue;
            if (!lone.len)
                rg_buf_adds(&lone, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"3\">"
                                   "<TR><TD BORDER=\"0\"><I>also among the most mentioned,<BR/>"
                                   "in no recommendation drawn</I></TD></TR>");
            add_cell(&lone, &c->entities[i], grp);
        }
    free(apart);
    if (lone.len && !d->failed) {
        rg_buf_adds(&lone, "</TABLE>");
        Agnode_t *n = lone.failed ? NULL : agnode(d->column[1], "unlinked", 1);
        char *label = n ? agstrdup_html(d->ag, lone.data) : NULL;
        Agsym_t *sym = agattr(d->ag, AGNODE, "label", "\\N");
        if (!label || !sym || agxset(n, sym, label) != 0 || set(n, "shape", "plaintext") < 0 ||
            set(n, "style", "solid") < 0)
            d->failed = true;
        if (label)
            agstrfree(d->ag, label);
    }
    rg_buf_destroy(&lone);
    free(r);
    free(keep);
}

static int by_id(const void *x, const void *y)
{
    const rg_node *const *a = x, *const *b = y;
    return strcmp((*a)->id, (*b)->id);
}

/* Recommendation rec of g's label: "B, line 14 (new)" over who does what. */
static char *rec_label(const rg_graph *g, size_t rec, const char *side, const char *state)
{
    size_t n = 0, cap = 4;
    size_t *leads = malloc(cap * sizeof *leads);
    for (size_t i = 0; leads && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        if (l->source != rec || l->relation != RG_REL_LEADS)
            continue;
        if (n == cap && rg_reserve((void **)&leads, &cap, n, sizeof *leads) < 0)
            break;
        leads[n++] = l->target;
    }
    /* leads in id order, as the other diagrams give them */
    for (size_t i = 1; leads && i < n; i++)
        for (size_t k = i; k > 0 && strcmp(g->nodes[leads[k - 1]].id, g->nodes[leads[k]].id) > 0; k--) {
            size_t t = leads[k];
            leads[k] = leads[k - 1];
            leads[k - 1] = t;
        }
    char *words = leads ? rg_dot_recommendation_label(g, rec, leads, n, ACTION) : NULL;
    free(leads);
    char *wrapped = words ? rg_dot_text(words, 28) : NULL;
    free(words);
    if (!wrapped)
        return NULL;
    rg_buf b;
    rg_buf_init(&b);
    char head[96];
    snprintf(head, sizeof head, "%s, line %ld%s%s%s\\n", side, g->nodes[rec].line, state ? " (" : "",
             state ? state : "", state ? ")" : "");
    rg_buf_adds(&b, head);
    rg_buf_adds(&b, wrapped);
    free(wrapped);
    return rg_buf_steal(&b);
}

/* A recommendation of side A (a_side) or B in its column; state is what
 * it became or is ("dropped", "new"), NULL when it continues or is
 * continued. */
static Agnode_t *add_rec(diff *d, bool a_side, size_t rec, const char *state)
{
    const rg_graph *g = a_side ? d->c->a.g : d->c->b.g;
    Agnode_t **an = a_side ? d->an_a : d->an_b;
    if (an[rec])
        return an[rec];
    char name[600];
    snprintf(name, sizeof name, "%s:%s", a_side ? "A" : "B", g->nodes[rec].id);
    Agnode_t *n = agnode(d->column[a_side ? 0 : 2], name, 1);
    char *label = rec_label(g, rec, a_side ? "A" : "B", state);
    const rg_node *r = &g->nodes[rec];
    rg_buf t;
    rg_buf_init(&t);
    char where[64];
    snprintf(where, sizeof where, " (%s, line %ld)", r->doc ? r->doc : "?", r->line);
    rg_buf_adds(&t, r->text ? r->text : r->label);
    rg_buf_adds(&t, where);
    char *tip = t.failed ? NULL : rg_dot_text(t.data, 0);
    rg_buf_destroy(&t);
    bool dropped = state && strcmp(state, "dropped") == 0, fresh = state && strcmp(state, "new") == 0;
    if (!n || !label || !tip || set(n, "label", label) < 0 || set(n, "tooltip", tip) < 0 ||
        set(n, "shape", rg_dot_type_shape(RG_TYPE_RECOMMENDATION)) < 0 ||
        set(n, "fillcolor", dropped ? GREY_FILL : fresh ? NEW_FILL : rg_dot_type_fill(RG_TYPE_RECOMMENDATION)) < 0 ||
        (dropped && (set(n, "color", GREY_LINE) < 0 || set(n, "fontcolor", GREY_TEXT) < 0 ||
                     set(n, "style", "filled,dashed") < 0)) ||
        (fresh && (set(n, "color", NEW_LINE) < 0 || set(n, "penwidth", "3") < 0)))
        d->failed = true;
    free(label);
    free(tip);
    an[rec] = n;
    if (a_side)
        d->recs_a++, d->dropped += dropped;
    else
        d->recs_b++;
    return n;
}

/* The recommendations drawn: each of B's (of the section, or continuing
 * one of A's of the section) with the one of A's it continues, joined;
 * with a section, A's dropped ones there. */
static void add_recommendations(diff *d)
{
    const rg_compare *c = d->c;
    for (size_t i = 0; !d->failed && i < c->n_matches; i++) {
        const rg_compare_match *m = &c->matches[i];
        bool continues = m->label != RG_COMPARE_LABEL_NEW;
        if (!in_section(d, c->b.g, m->b) && !(continues && in_section(d, c->a.g, m->a)))
            continue;
        Agnode_t *nb = add_rec(d, false, m->b, continues ? NULL : "new");
        if (!continues)
            continue;
        Agnode_t *na = add_rec(d, true, m->a, NULL);
        Agedge_t *e = agedge(d->ag, na, nb, NULL, 1);
        char label[64];
        snprintf(label, sizeof label, "%s %.2f", rg_compare_label_word(m->label), m->score);
        const char *color = m->label == RG_COMPARE_LABEL_CARRIED ? CARRIED_COLOR : REWORDED_COLOR;
        if (!e || set(e, "label", label) < 0 || set(e, "color", color) < 0 || set(e, "fontcolor", color) < 0 ||
            set(e, "penwidth", "2.5") < 0 || set(e, "fontsize", "9") < 0 ||
            set(e, "style", m->label == RG_COMPARE_LABEL_CARRIED ? "solid" : "dashed") < 0)
            d->failed = true;
        d->matched++;
    }
    for (size_t i = 0; !d->failed && d->o->section && i < c->n_dropped; i++)
        if (in_section(d, c->a.g, c->dropped[i]))
            add_rec(d, true, c->dropped[i], "dropped");
}

/* A recommendation's link to an entity drawn. */
typedef struct role {
    const rg_node *target;
    rg_relation relation;
    size_t rec, entity;
} role;

static int by_role(const void *x, const void *y)
{
    const role *a = x, *b = y;
    if (a->rec != b->rec)
        return (a->rec > b->rec) - (a->rec < b->rec);
    if (a->relation != b->relation)
        return (int)a->relation - (int)b->relation;
    return by_id(&a->target, &b->target);
}

/* The links of the drawn recommendations of one side to the drawn
 * entities, styled by relation (A's lighter); in the recommendations'
 * node order, then relation and entity id. */
static void add_roles(diff *d, bool a_side)
{
    const rg_graph *g = a_side ? d->c->a.g : d->c->b.g;
    Agnode_t **an = a_side ? d->an_a : d->an_b;
    role *r = malloc((g->n_links ? g->n_links : 1) * sizeof *r);
    size_t n = 0;
    for (size_t i = 0; r && i < g->n_links; i++) {
        const rg_link *l = &g->links[i];
        bool role_link = l->relation == RG_REL_LEADS || l->relation == RG_REL_PARTNERS ||
                         l->relation == RG_REL_TARGETS || l->relation == RG_REL_CONCERNS;
        if (role_link && g->nodes[l->source].type == RG_TYPE_RECOMMENDATION && an[l->source] && an[l->target] &&
            rg_type_is_entity(g->nodes[l->target].type))
            r[n++] = (role){&g->nodes[l->target], l->relation, l->source, l->target};
    }
    if (!r) {
        d->failed = true;
        return;
    }
    qsort(r, n, sizeof *r, by_role);
    for (size_t k = 0; !d->failed && k < n; k++) {
        /* A's links run from the recommendation to the entity, B's from
         * the entity to it, drawn backwards: the columns stay in order */
        Agedge_t *e = a_side ? agedge(d->ag, an[r[k].rec], an[r[k].entity], NULL, 1)
                             : agedge(d->ag, an[r[k].entity], an[r[k].rec], NULL, 1);
        char color[16];
        const char *base = rg_dot_relation_color(r[k].relation);
        if (!e || set(e, "color", a_side ? lighter(base, color, sizeof color) : base) < 0 ||
            set(e, "style", rg_dot_relation_style(r[k].relation)) < 0 ||
            set(e, "tooltip", rg_relation_name(r[k].relation)) < 0 || (!a_side && set(e, "dir", "back") < 0))
            d->failed = true;
        d->links++;
    }
    free(r);
}

static void legend_row(rg_buf *h, const char *cell, const char *text)
{
    rg_buf_adds(h, "<TR><TD");
    rg_buf_adds(h, cell);
    rg_buf_adds(h, "</TD><TD ALIGN=\"LEFT\">");
    rg_buf_adds(h, text);
    rg_buf_adds(h, "</TD></TR>");
}

/* The legend: what greyed, highlighted and the joining lines mean, and
 * the relations' colours. */
static void add_legend(diff *d)
{
    rg_buf h;
    rg_buf_init(&h);
    rg_buf_adds(&h, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"4\">"
                    "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
    legend_row(&h, " BGCOLOR=\"" GREY_FILL "\"><FONT COLOR=\"" GREY_TEXT "\">greyed</FONT>",
               "only in A: an entity B does not name, a dropped recommendation");
    legend_row(&h, " BGCOLOR=\"" NEW_FILL "\" COLOR=\"" NEW_LINE "\">red outline",
               "only in B: an entity A did not name; a new recommendation (filled)");
    legend_row(&h, ">plain", "in both: an entity; a recommendation continued");
    legend_row(&h, "><FONT COLOR=\"" CARRIED_COLOR "\">solid, labelled</FONT>",
               "carried over: largely the same words (score)");
    legend_row(&h, "><FONT COLOR=\"" REWORDED_COLOR "\">dashed, labelled</FONT>",
               "reworded: other words, the same parties in part (score)");
    static const rg_relation shown[] = {RG_REL_LEADS, RG_REL_PARTNERS, RG_REL_TARGETS, RG_REL_CONCERNS};
    for (size_t k = 0; k < sizeof shown / sizeof *shown; k++) {
        rg_buf_adds(&h, "<TR><TD><FONT COLOR=\"");
        rg_buf_adds(&h, rg_dot_relation_color(shown[k]));
        rg_buf_adds(&h, "\">");
        rg_buf_adds(&h, rg_dot_relation_style(shown[k]));
        rg_buf_adds(&h, "</FONT></TD><TD ALIGN=\"LEFT\">");
        rg_buf_adds(&h, rg_relation_name(shown[k]));
        rg_buf_adds(&h, k == 0 ? " (A's lighter)" : "");
        rg_buf_adds(&h, "</TD></TR>");
    }
    rg_buf_adds(&h, "</TABLE>");
    Agnode_t *legend = h.failed ? NULL : agnode(d->column[2], "legend", 1);
    char *label = legend ? agstrdup_html(d->ag, h.data) : NULL;
    Agsym_t *sym = agattr(d->ag, AGNODE, "label", "\\N");
    if (!label || !sym || agxset(legend, sym, label) != 0 || set(legend, "shape", "plaintext") < 0 ||
        set(legend, "style", "solid") < 0)
        d->failed = true;
    if (label)
        agstrfree(d->ag, label);
    rg_buf_destroy(&h);
}

static const char *short_id(const char *id)
{
    return strncmp(id, "report:", 7) == 0 ? id + 7 : id;
}

static void add_side(rg_buf *t, const char *letter, const rg_compare_side *s)
{
    const char *date = rg_graph_document_date(s->g, s->doc);
    rg_buf_adds(t, letter);
    rg_buf_adds(t, ": ");
    rg_buf_adds(t, short_id(s->doc));
    rg_buf_adds(t, " (");
    rg_buf_adds(t, date ? date : "undated");
    rg_buf_adds(t, ")");
}

static void add_num(rg_buf *t, const char *before, size_t n, const char *after)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", n);
    rg_buf_adds(t, before);
    rg_buf_adds(t, num);
    rg_buf_adds(t, after);
}

/* The caption's lines: the reports, what changed (counted over both
 * reports), what is drawn (counted from the diagram) and what is not. */
static void caption_text(const diff *d, rg_buf *t)
{
    const rg_compare *c = d->c;
    size_t in[3] = {0, 0, 0}, label[3] = {0, 0, 0};
    for (size_t i = 0; i < c->n_entities; i++)
        in[group_of(&c->entities[i])]++;
    for (size_t i = 0; i < c->n_matches; i++)
        label[c->matches[i].label]++;
    add_side(t, "A", &c->a);
    add_side(t, ", to B", &c->b);
    add_num(t, ".\nEntities: ", in[IN_BOTH], " named in both, ");
    add_num(t, "", in[IN_A], " only in A, ");
    add_num(t, "", in[IN_B], " only in B. Recommendations: B's ");
    add_num(t, "", c->n_matches, ": ");
    add_num(t, "", label[RG_COMPARE_LABEL_CARRIED], " carried over, ");
    add_num(t, "", label[RG_COMPARE_LABEL_REWORDED], " reworded, ");
    add_num(t, "", label[RG_COMPARE_LABEL_NEW], " new; ");
    add_num(t, "", c->n_dropped, " of A's ");
    add_num(t, "", c->n_recs_a, " dropped.\nDrawn: the ");
    add_num(t, "", d->top, " most mentioned entities of each group (");
    add_num(t, "", d->entities[IN_BOTH], " in both, ");
    add_num(t, "", d->entities[IN_A], " only in A, ");
    add_num(t, "", d->entities[IN_B], " only in B");
    if (d->lone)
        add_num(t, ", ", d->lone, " of them in no recommendation drawn, listed apart");
    rg_buf_adds(t, "); ");
    if (d->o->section) {
        rg_buf_adds(t, "the recommendations of sections whose title contains \"");
        rg_buf_adds(t, d->o->section);
        rg_buf_adds(t, "\": ");
    }
    add_num(t, "", d->recs_b, " of B's, ");
    add_num(t, "", d->recs_a - d->dropped, " of A's they continue (");
    add_num(t, "", d->matched, d->matched == 1 ? " line)" : " lines)");
    if (d->o->section)
        add_num(t, " and ", d->dropped, " of A's dropped");
    add_num(t, "; ", d->links, " links to the entities drawn.");
    size_t left_b = c->n_matches - d->recs_b, left_dropped = c->n_dropped - d->dropped;
    if (!left_b && !left_dropped)
        return;
    rg_buf_adds(t, "\nNot drawn: ");
    if (left_b)
        add_num(t, "", left_b, " of B's recommendations outside the section");
    if (left_b && left_dropped)
        rg_buf_adds(t, "; ");
    if (left_dropped)
        add_num(t, "", left_dropped,
                d->o->section ? " of A's dropped recommendations outside the section"
                              : " of A's dropped recommendations (--section TEXT draws those of a section)");
    rg_buf_adds(t, ".");
}

static void add_caption(diff *d)
{
    rg_buf text;
    rg_buf_init(&text);
    caption_text(d, &text);
    if (rg_dot_set_caption(d->ag, d->o->title, &text) < 0)
        d->failed = true;
    rg_buf_destroy(&text);
}

/* The sections of A's and B's recommendations, for the error of a
 * section that matches none: the first three and how many. */
static int no_section(const rg_compare *c, const char *section, const char *path, rg_error *err)
{
    rg_strset s;
    rg_strset_init(&s);
    const rg_compare_side *sides[2] = {&c->a, &c->b};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < sides[k]->g->n_nodes; i++) {
            const rg_node *n = &sides[k]->g->nodes[i];
            if (n->type == RG_TYPE_RECOMMENDATION && n->section && n->doc && strcmp(n->doc, sides[k]->doc) == 0 &&
                rg_strset_add(&s, n->section) < 0) {
                rg_strset_destroy(&s);
                return rg_error_nomem(err);
            }
        }
    char list[600] = "";
    size_t used = 0;
    for (size_t i = 0; i < s.len && i < 3 && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s'%s'", i ? ", " : "", s.items[i]);
    rg_error_set(err, RG_ERR_INPUT, path, 0,
                 "--section '%s' matches no section of the recommendations of A or B; their sections: %s%s (%zu in "
                 "all)",
                 section, s.len ? list : "none", s.len > 3 ? ", ..." : "", s.len);
    rg_strset_destroy(&s);
    return -1;
}

int rg_dot_diff_render(const rg_compare *c, const char *path, const rg_dot_diff_options *o, rg_error *err)
{
    if (!rg_dot_format(path))
        return rg_error_set(err, RG_ERR_USAGE, path, 0, "unknown diagram format: use .dot, .gv, .svg, .png or .pdf");
    agseterr(AGMAX);
    rg_dot_options common = {.cluster = RG_CLUSTER_NONE, .size_by = -1, .view = RG_VIEW_FULL};
    diff d = {.c = c, .o = o, .top = o->top ? o->top : RG_DOT_DIFF_TOP};
    d.ag = rg_dot_new_diagram(&common);
    d.an_a = calloc(c->a.g->n_nodes ? c->a.g->n_nodes : 1, sizeof *d.an_a);
    d.an_b = calloc(c->b.g->n_nodes ? c->b.g->n_nodes : 1, sizeof *d.an_b);
    static const char *const columns[3] = {"a", "entities", "b"};
    for (int k = 0; d.ag && k < 3; k++) {
        d.column[k] = agsubg(d.ag, (char *)columns[k], 1);
        if (!d.column[k] || set(d.column[k], "rank", k == 0 ? "min" : k == 2 ? "max" : "same") < 0)
            d.failed = true;
    }
    d.failed |= !d.ag || !d.an_a || !d.an_b;
    /* the recommendations first: which entities have a link to draw
     * depends on them */
    if (!d.failed)
        add_recommendations(&d);
    if (!d.failed)
        add_entities(&d);
    int rc = 0;
    if (!d.failed && o->section && d.recs_a + d.recs_b == 0)
        rc = no_section(c, o->section, path, err);
    if (rc == 0 && !d.failed) {
        add_roles(&d, true);
        add_roles(&d, false);
    }
    if (rc == 0 && !d.failed)
        add_legend(&d);
    if (rc == 0 && !d.failed) {
        add_caption(&d);
        agattr(d.ag, AGRAPH, "rankdir", "LR");
        agattr(d.ag, AGRAPH, "ranksep", "1.2");
        agattr(d.ag, AGRAPH, "nodesep", "0.15");
    }
    if (rc == 0 && d.failed)
        rc = rg_error_set(err, RG_ERR_IO, path, 0, "cannot build the diagram: out of memory");
    if (rc == 0)
        rc = rg_dot_output(d.ag, path, "dot", err);
    if (d.ag)
        agclose(d.ag);
    free(d.an_a);
    free(d.an_b);
    return rc;
}
