/* relgraph compare: what changed between two reports (graph/analyze/compare.h). */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/compare_sides.h"
#include "graph/analyze/compare.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"compare", 19, false,
    "usage: relgraph compare [-g graph.json] [--json|--markdown] A B [FILE|DIR ...]\n"
    "       relgraph compare [--json|--markdown] A.json B.json\n\n"
    "What changed from report A (the earlier) to report B (the later), both of one\n"
    "graph (named by report id, with or without \"report:\", or by file name), or\n"
    "each the one report of a graph file:\n"
    "- entities (actors, agencies, programs) named in both, only in A, only in B,\n"
    "  with their mentions in each;\n"
    "- each of B's recommendations against its closest of A's, by a score of\n"
    "  0.8 words (TF-IDF cosine over normalised words) and 0.2 parties (the\n"
    "  overlap of the leads, partners, targets and programs both involve):\n"
    "  carried over when the words alone are >= 0.55, reworded when the score\n"
    "  is >= 0.15, else new; A's recommendations no carried or reworded one\n"
    "  continues are dropped (thresholds chosen on a hand-made key: README);\n"
    "- centrality shifts: PageRank on the agencies view of each report, rank and\n"
    "  score of every actor and agency in A and B, largest movers first.\n"
    "Printed as aligned tables; --json gives everything, --markdown a briefing\n"
    "to paste into a memo (headline changes first, each claim with its sentences\n"
    "and lines). A report of unknown name is an error naming the graph's reports.\n\n"};

typedef struct args {
    const char *graph_file;
    bool json, markdown;
    const char *thresholds;
} args;

static const char *short_id(const char *id)
{
    return strncmp(id, "report:", 7) == 0 ? id + 7 : id;
}

static const char *date_of(const rg_compare_side *s)
{
    const char *d = rg_graph_document_date(s->g, s->doc);
    return d ? d : "undated";
}

static const char *where(const rg_compare_entity *e)
{
    return e->a == RG_NONE ? "only B" : e->b == RG_NONE ? "only A" : "both";
}

static void count_entities(const rg_compare *c, size_t n[3])
{
    n[0] = n[1] = n[2] = 0;
    for (size_t i = 0; i < c->n_entities; i++)
        n[c->entities[i].a == RG_NONE ? 2 : c->entities[i].b == RG_NONE ? 1 : 0]++;
}

static void count_labels(const rg_compare *c, size_t n[3])
{
    n[0] = n[1] = n[2] = 0;
    for (size_t i = 0; i < c->n_matches; i++)
        n[c->matches[i].label]++;
}

/* The entities table: both, only in A, only in B; by type and id. */
static void print_entities(const rg_compare *c)
{
    static const char *const groups[] = {"both", "only A", "only B"};
    size_t n[3];
    count_entities(c, n);
    printf("entities: %zu in both, %zu only in A, %zu only in B\n", n[0], n[1], n[2]);
    int width = 6;
    for (size_t i = 0; i < c->n_entities; i++)
        if (rg_cli_label_width(c->entities[i].label) > width)
            width = rg_cli_label_width(c->entities[i].label);
    printf("  %-7s %-8s %-*s %5s %5s\n", "in", "type", width, "entity", "A", "B");
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < c->n_entities; i++) {
            const rg_compare_entity *e = &c->entities[i];
            if (strcmp(where(e), groups[k]) != 0)
                continue;
            printf("  %-7s %-8s ", groups[k], rg_type_name(e->type));
            rg_cli_print_label(e->label, width);
            printf(" %5ld %5ld\n", e->mentions_a, e->mentions_b);
        }
}

static void print_matches(const rg_compare *c)
{
    size_t n[3];
    count_labels(c, n);
    printf("\nrecommendations: B has %zu: %zu carried over, %zu reworded, %zu new; %zu of A's %zu dropped\n",
           c->n_matches, n[0], n[1], n[2], c->n_dropped, c->n_recs_a);
    printf("  %-12s %5s %5s %5s %5s  %s\n", "label", "score", "words", "B", "A", "B's recommendation");
    for (size_t i = 0; i < c->n_matches; i++) {
        const rg_compare_match *m = &c->matches[i];
        const rg_node *b = &c->b.g->nodes[m->b];
        char aline[24] = "-";
        if (m->label != RG_COMPARE_LABEL_NEW)
            snprintf(aline, sizeof aline, "%ld", c->a.g->nodes[m->a].line);
        printf("  %-12s %5.2f %5.2f %5ld %5s  ", rg_compare_label_name(m->label), m->score, m->words, b->line,
               aline);
        rg_cli_print_label(b->text, 0);
        putchar('\n');
    }
    printf("\ndropped from A:\n");
    for (size_t i = 0; i < c->n_dropped; i++) {
        const rg_node *a = &c->a.g->nodes[c->dropped[i]];
        printf("  %5ld  ", a->line);
        rg_cli_print_label(a->text, 0);
        putchar('\n');
    }
}

static void rank_cell(char *buf, size_t size, size_t rank)
{
    if (rank)
        snprintf(buf, size, "%zu", rank);
    else
        snprintf(buf, size, "-");
}

static void print_shifts(const rg_compare *c)
{
    printf("\ncentrality (pagerank, agencies view of each report), largest movers first:\n");
    printf("  %6s %6s %6s %8s %8s  %s\n", "rank A", "rank B", "move", "score A", "score B", "actor or agency");
    for (size_t i = 0; i < c->n_shifts; i++) {
        const rg_compare_shift *s = &c->shifts[i];
        char ra[24], rb[24], mv[24] = "";
        rank_cell(ra, sizeof ra, s->rank_a);
        rank_cell(rb, sizeof rb, s->rank_b);
        if (s->rank_a && s->rank_b)
            snprintf(mv, sizeof mv, "%+ld", (long)s->rank_a - (long)s->rank_b);
        else
            snprintf(mv, sizeof mv, "%s", s->rank_a ? "out" : "in");
        char sa[32] = "-", sb[32] = "-";
        if (isfinite(s->score_a))
            snprintf(sa, sizeof sa, "%.4f", s->score_a);
        if (isfinite(s->score_b))
            snprintf(sb, sizeof sb, "%.4f", s->score_b);
        printf("  %6s %6s %6s %8s %8s  %s\n", ra, rb, mv, sa, sb, s->label);
    }
}

static void print_table(const rg_compare *c)
{
    printf("A: %s (%s)\nB: %s (%s)\n\n", short_id(c->a.doc), date_of(&c->a), short_id(c->b.doc), date_of(&c->b));
    print_entities(c);
    print_matches(c);
    print_shifts(c);
}

static json_t *side_json(const rg_compare_side *s)
{
    const char *date = rg_graph_document_date(s->g, s->doc);
    return json_pack("{s:s, s:o}", "id", s->doc, "date", date ? json_string(date) : json_null());
}

static json_t *rec_json(const rg_graph *g, size_t node)
{
    const rg_node *n = &g->nodes[node];
    return json_pack("{s:s, s:I, s:s}", "id", n->id, "line", (json_int_t)n->line, "text", n->text ? n->text : "");
}

static json_t *entities_json(const rg_compare *c)
{
    json_t *list = json_array();
    for (size_t i = 0; i < c->n_entities; i++) {
        const rg_compare_entity *e = &c->entities[i];
        const char *in = e->a == RG_NONE ? "b" : e->b == RG_NONE ? "a" : "both";
        json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s, s:I, s:I}", "id", e->id, "label", e->label,
                                              "type", rg_type_name(e->type), "in", in, "mentions_a",
                                              (json_int_t)e->mentions_a, "mentions_b", (json_int_t)e->mentions_b));
    }
    return list;
}

static json_t *matches_json(const rg_compare *c)
{
    json_t *list = json_array();
    for (size_t i = 0; i < c->n_matches; i++) {
        const rg_compare_match *m = &c->matches[i];
        json_t *o = json_pack("{s:s, s:o, s:o, s:f, s:f, s:f}", "label", rg_compare_label_word(m->label), "b",
                              rec_json(c->b.g, m->b), "closest_a",
                              m->a == RG_NONE ? json_null() : rec_json(c->a.g, m->a), "score", m->score, "words",
                              m->words, "parties", m->parties);
        json_array_append_new(list, o);
    }
    return list;
}

static json_t *shifts_json(const rg_compare *c)
{
    json_t *list = json_array();
    for (size_t i = 0; i < c->n_shifts; i++) {
        const rg_compare_shift *s = &c->shifts[i];
        json_t *o = json_pack("{s:s, s:s, s:s}", "id", s->id, "label", s->label, "type", rg_type_name(s->type));
        json_object_set_new(o, "rank_a", s->rank_a ? json_integer((json_int_t)s->rank_a) : json_null());
        json_object_set_new(o, "rank_b", s->rank_b ? json_integer((json_int_t)s->rank_b) : json_null());
        json_object_set_new(o, "score_a", isfinite(s->score_a) ? json_real(s->score_a) : json_null());
        json_object_set_new(o, "score_b", isfinite(s->score_b) ? json_real(s->score_b) : json_null());
        json_array_append_new(list, o);
    }
    return list;
}

static int print_json(const rg_compare *c, const rg_compare_options *opts)
{
    json_t *dropped = json_array();
    for (size_t i = 0; i < c->n_dropped; i++)
        json_array_append_new(dropped, rec_json(c->a.g, c->dropped[i]));
    json_t *th = json_pack("{s:f, s:f, s:f}", "words_weight", opts->words_weight, "carried", opts->carried,
                           "reworded", opts->reworded);
    json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:{s:s, s:s, s:o}}", "a", side_json(&c->a), "b",
                          side_json(&c->b), "thresholds", th, "entities", entities_json(c), "recommendations",
                          matches_json(c), "dropped", dropped, "centrality", "view", "agencies", "measure",
                          "pagerank", "shifts", shifts_json(c));
    return rg_cli_print_json(o);
}

/* One recommendation as a quoted claim: "> sentence" (report, line N). */
static void md_quote(const rg_compare_side *s, size_t node)
{
    const rg_node *n = &s->g->nodes[node];
    printf("  > %s (%s, line %ld)\n", n->text ? n->text : "", short_id(s->doc), n->line);
}

typedef struct mentioned {
    long mentions;
    const char *label, *id;
} mentioned;

static int by_mentions(const void *x, const void *y)
{
    const mentioned *a = x, *b = y;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* The entities only in A (or only in B) with the most mentions:
 * "X (n), Y (m)", at most top of them. */
static void md_top_entities(const rg_compare *c, bool only_a, size_t top)
{
    mentioned *m = malloc((c->n_entities ? c->n_entities : 1) * sizeof *m);
    size_t n = 0;
    for (size_t i = 0; m && i < c->n_entities; i++) {
        const rg_compare_entity *e = &c->entities[i];
        if (only_a ? e->b == RG_NONE : e->a == RG_NONE)
            m[n++] = (mentioned){only_a ? e->mentions_a : e->mentions_b, e->label, e->id};
    }
    if (n)
        qsort(m, n, sizeof *m, by_mentions);
    for (size_t i = 0; i < n && i < top; i++)
        printf("%s%s (%ld)", i ? ", " : "", m[i].label, m[i].mentions);
    printf("%s%s\n", n > top ? ", ..." : "", n ? "" : "none");
    free(m);
}

/* How many actors and agencies share a rank in A (in_a) or in B; "3=" in
 * the briefing marks a shared rank. */
enum { TIE_WORTH_NAMING = 3 };
static size_t sharing_rank(const rg_compare *c, size_t rank, bool in_a)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_shifts; i++)
        n += (in_a ? c->shifts[i].rank_a : c->shifts[i].rank_b) == rank;
    return n;
}

static void md_headline(const rg_compare *c)
{
    size_t e[3], l[3];
    count_entities(c, e);
    count_labels(c, l);
    printf("# What changed: %s (%s) to %s (%s)\n\n", short_id(c->a.doc), date_of(&c->a), short_id(c->b.doc),
           date_of(&c->b));
    printf("- **Recommendations**: of the %zu in %s, %zu carry over one of %s (%zu in largely the same words, "
           "%zu reworded) and %zu %s new; %zu of %s's %zu %s not continued.\n",
           c->n_matches, short_id(c->b.doc), l[0] + l[1], short_id(c->a.doc), l[0], l[1], l[2],
           l[2] == 1 ? "is" : "are", c->n_dropped, short_id(c->a.doc), c->n_recs_a, c->n_dropped == 1 ? "is" : "are");
    printf("- **Entities**: %zu named in both, %zu only in %s, %zu only in %s.\n", e[0], e[1], short_id(c->a.doc),
           e[2], short_id(c->b.doc));
    printf("- **New in %s** (mentions): ", short_id(c->b.doc));
    md_top_entities(c, false, 8);
    printf("- **Not named in %s** (mentions in %s): ", short_id(c->b.doc), short_id(c->a.doc));
    md_top_entities(c, true, 8);
    printf("- **Largest centrality movers** (PageRank rank on the agencies view, %s to %s): ", short_id(c->a.doc),
           short_id(c->b.doc));
    size_t shown = 0, skipped = 0;
    for (size_t i = 0; i < c->n_shifts && shown < 5; i++) {
        const rg_compare_shift *s = &c->shifts[i];
        if (!s->rank_a || !s->rank_b || s->rank_a == s->rank_b)
            continue;
        /* a rank more than a few share (the many with few links in that view)
         * makes no move worth a memo: such moves are counted, not named */
        size_t tied_a = sharing_rank(c, s->rank_a, true), tied_b = sharing_rank(c, s->rank_b, false);
        if (tied_a > TIE_WORTH_NAMING || tied_b > TIE_WORTH_NAMING) {
            skipped++;
            continue;
        }
        printf("%s%s %zu%s to %zu%s", shown++ ? ", " : "", s->label, s->rank_a, tied_a > 1 ? "=" : "", s->rank_b,
               tied_b > 1 ? "=" : "");
    }
    printf("%s", shown ? "" : "none");
    if (skipped)
        printf(" (%zu more moved between ranks that more than %d share, not named)", skipped, TIE_WORTH_NAMING);
    printf(".\n");
}

static void md_group(const rg_compare *c, rg_compare_label label, const char *title)
{
    bool any = false;
    for (size_t i = 0; i < c->n_matches; i++) {
        const rg_compare_match *m = &c->matches[i];
        if (m->label != label)
            continue;
        if (!any)
            printf("\n## %s\n\n", title);
        any = true;
        printf("- %s (score %.2f)\n", rg_compare_label_name(label), m->score);
        md_quote(&c->b, m->b);
        if (label != RG_COMPARE_LABEL_NEW) {
            printf("  continues\n");
            md_quote(&c->a, m->a);
        }
    }
}

static void print_markdown(const rg_compare *c)
{
    md_headline(c);
    md_group(c, RG_COMPARE_LABEL_NEW, "New recommendations");
    md_group(c, RG_COMPARE_LABEL_REWORDED, "Reworded");
    md_group(c, RG_COMPARE_LABEL_CARRIED, "Carried over");
    if (c->n_dropped)
        printf("\n## Dropped\n\n");
    for (size_t i = 0; i < c->n_dropped; i++) {
        printf("- dropped\n");
        md_quote(&c->a, c->dropped[i]);
    }
}

int cmd_compare(int argc, char **argv)
{
    args a = {0};
    const rg_option options[] = {
        RG_OPT_GRAPH(&a.graph_file),
        RG_OPT_JSON(&a.json),
        RG_OPT_SET(0, "markdown", &a.markdown, "print a briefing in Markdown"),
        RG_OPT_STRING(0, "thresholds", &a.thresholds, "W,C,R",
                      "the words' weight in the score, the carried and the\n"
                      "reworded threshold (default: 0.8,0.55,0.15), to measure\n"
                      "others against a key"),
        RG_OPT_END,
    };
    int status = rg_options_parse(&usage, options, argc, argv);
    if (status >= 0)
        return status;
    if (argc - optind < 2)
        return rg_options_fail("compare", "compare needs two reports, A and B");
    if (a.json && a.markdown)
        return rg_options_fail("compare", "--json and --markdown: give one");
    rg_error err;
    rg_error_clear(&err);
    rg_graph *ga = NULL, *gb = NULL;
    rg_compare_side sa, sb;
    rg_compare *c = NULL;
    rg_compare_options o;
    rg_compare_defaults(&o);
    if (a.thresholds && (sscanf(a.thresholds, "%lf,%lf,%lf", &o.words_weight, &o.carried, &o.reworded) != 3 ||
                         !(o.words_weight >= 0 && o.words_weight <= 1)))
        return rg_options_fail("compare", "--thresholds %s: give W,C,R, three numbers, W from 0 to 1", a.thresholds);
    int rc = rg_cli_compare_sides(a.graph_file, argv + optind, argv + optind + 2, argc - optind - 2, &ga, &gb, &sa, &sb,
                                  &err);
    if (rc == 0)
        rc = rg_compare_new(&sa, &sb, &o, &c, &err);
    if (rc == 0 && a.json)
        rc = print_json(c, &o) < 0 ? rg_error_nomem(&err) : 0;
    else if (rc == 0 && a.markdown)
        print_markdown(c);
    else if (rc == 0)
        print_table(c);
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_compare_free(c);
    rg_graph_free(ga);
    rg_graph_free(gb);
    return status;
}
