/* relgraph timeline: each entity across dated reports (graph/analyze/timeline.h). */
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/dot.h"
#include "export/timeline_svg.h"
#include "graph/analyze/timeline.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"timeline", 16, false,
    "usage: relgraph timeline [-g graph.json] [--json] [--top N] [-o FILE.svg] [FILE|DIR ...]\n\n"
    "Each entity (actor, agency, program) across the graph's dated reports, three\n"
    "or more, in date order: the reports that name it, its mentions and its\n"
    "centrality in each (PageRank rank on the entities view of that report alone,\n"
    "ties sharing a rank), and its move (its rank in the first report that ranks\n"
    "it less its rank in the last: positive, it rose). Entities named in most\n"
    "reports first, then most mentioned. Reports with no date are left out (said\n"
    "on stderr); fewer than three dated is an error. -o FILE.svg draws a line\n"
    "chart of the --top largest movers (8 by default); --top also cuts the table\n"
    "and --json.\n\n"};

static const char *short_id(const char *id)
{
    return strncmp(id, "report:", 7) == 0 ? id + 7 : id;
}

static void print_table(const rg_timeline *t, size_t rows)
{
    printf("reports in date order:\n");
    for (size_t r = 0; r < t->n_reports; r++)
        printf("  %zu  %-10s  %s\n", r + 1, t->reports[r].date, short_id(t->reports[r].id));
    printf("\ncell: PageRank rank on the report's entities view (mentions); - not named\n");
    int width = 6;
    for (size_t k = 0; k < rows; k++)
        if (rg_cli_label_width(t->entities[k].label) > width)
            width = rg_cli_label_width(t->entities[k].label);
    printf("%-8s %-*s", "type", width, "entity");
    for (size_t r = 0; r < t->n_reports; r++)
        printf(" %10s", t->reports[r].date);
    printf("  %5s\n", "move");
    for (size_t k = 0; k < rows; k++) {
        const rg_timeline_entity *e = &t->entities[k];
        printf("%-8s ", rg_type_name(e->type));
        rg_cli_print_label(e->label, width);
        for (size_t r = 0; r < t->n_reports; r++) {
            char cell[48];
            const rg_timeline_cell *c = &e->cells[r];
            if (c->rank)
                snprintf(cell, sizeof cell, "%zu (%ld)", c->rank, c->mentions);
            else if (c->mentions)
                snprintf(cell, sizeof cell, "- (%ld)", c->mentions);
            else
                snprintf(cell, sizeof cell, "-");
            printf(" %10s", cell);
        }
        if (e->moved)
            printf("  %+5ld\n", e->move);
        else
            printf("  %5s\n", "");
    }
    if (rows < t->n_entities)
        printf("... and %zu more (--top %zu lists them all)\n", t->n_entities - rows, t->n_entities);
}

static int print_json(const rg_timeline *t, size_t rows)
{
    json_t *reports = json_array(), *entities = json_array();
    for (size_t r = 0; r < t->n_reports; r++)
        json_array_append_new(reports, json_pack("{s:s, s:s}", "id", t->reports[r].id, "date", t->reports[r].date));
    for (size_t k = 0; k < rows; k++) {
        const rg_timeline_entity *e = &t->entities[k];
        json_t *in = json_array();
        for (size_t r = 0; r < t->n_reports; r++) {
            const rg_timeline_cell *c = &e->cells[r];
            if (!c->mentions && !c->rank)
                continue;
            json_t *o = json_pack("{s:s, s:s, s:I}", "id", t->reports[r].id, "date", t->reports[r].date,
                                  "mentions", (json_int_t)c->mentions);
            json_object_set_new(o, "rank", c->rank ? json_integer((json_int_t)c->rank) : json_null());
            json_object_set_new(o, "score", isfinite(c->score) ? json_real(c->score) : json_null());
            json_array_append_new(in, o);
        }
        json_t *o = json_pack("{s:s, s:s, s:s, s:o}", "id", e->id, "label", e->label, "type", rg_type_name(e->type),
                              "reports", in);
        json_object_set_new(o, "move", e->moved ? json_integer((json_int_t)e->move) : json_null());
        json_array_append_new(entities, o);
    }
    json_t *o = json_pack("{s:o, s:s, s:s, s:o}", "reports", reports, "view", "entities", "measure", "pagerank",
                          "entities", entities);
    return rg_cli_print_json(o);
}

int cmd_timeline(int argc, char **argv)
{
    const char *graph_file = NULL, *output = NULL, *title = NULL;
    bool json = false;
    long top = 0;
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_JSON(&json),
        RG_OPT_COUNT(0, "top", &top, "N", "the N entities first in the table; the N largest movers\ndrawn"),
        RG_OPT_STRING('o', "output", &output, "FILE.svg", "draw the top movers' ranks as a line chart (SVG)"),
        RG_OPT_STRING(0, "title", &title, "TEXT", "the chart's title"),
        RG_OPT_END,
    };
    int status = rg_options_parse(&usage, options, argc, argv);
    if (status >= 0)
        return status;
    if (output && (!rg_dot_format(output) || strcmp(rg_dot_format(output), "svg") != 0))
        return rg_options_fail("timeline", "-o %s: the chart is SVG (FILE.svg)", output);
    rg_error err;
    rg_error_clear(&err);
    rg_graph *g = NULL;
    rg_timeline *t = NULL;
    int rc = output ? rg_cli_check_output(output, argv + optind, (size_t)(argc - optind), "reports", graph_file, &err)
                    : 0;
    if (rc == 0)
        rc = rg_cli_graph(graph_file, argv + optind, argc - optind, &g, &err);
    if (rc == 0)
        rc = rg_timeline_new(g, &t, &err);
    if (rc == 0 && t->undated) {
        rg_buf names;
        rg_buf_init(&names);
        for (size_t i = 0; i < g->n_docs; i++)
            if (!g->docs[i].date) {
                rg_buf_adds(&names, names.len ? ", " : "");
                rg_buf_adds(&names, short_id(g->docs[i].id));
            }
        rg_cli_note("timeline: left out %zu undated report%s: %s (build --date FILE=YYYY-MM-DD dates them)",
                    t->undated, t->undated == 1 ? "" : "s", names.data ? names.data : "");
        rg_buf_destroy(&names);
    }
    size_t rows = t && top && (size_t)top < t->n_entities ? (size_t)top : t ? t->n_entities : 0;
    if (rc == 0 && output)
        rc = rg_timeline_svg_write(t, (size_t)top, title, output, &err);
    if (rc == 0 && output)
        rg_cli_note("wrote %s: the ranks of the %zu largest movers across %zu reports", output,
                    (size_t)(top ? top : 8), t->n_reports);
    else if (rc == 0 && json)
        rc = print_json(t, rows) < 0 ? rg_error_nomem(&err) : 0;
    else if (rc == 0)
        print_table(t, rows);
    status = rc == 0 ? 0 : rg_cli_fail(&err);
    rg_timeline_free(t);
    rg_graph_free(g);
    return status;
}
