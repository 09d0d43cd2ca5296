/* rg_timeline_svg: a line chart of a timeline's top movers (timeline_svg.h). */
#include "export/timeline_svg.h"

#include "export/output.h"
#include "graph/base/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_DEFAULT 8

/* The page: the plot between the margins, names at its right. */
#define WIDTH 980.0
#define LEFT 70.0
#define RIGHT 300.0
#define TOP 100.0
#define PLOT_HEIGHT 380.0
#define BOTTOM 80.0
#define LABEL_GAP 14.0 /* the least distance between two names, in pixels */

/* Colour-blind safe (ColorBrewer Dark2, then Paired's darker ones); a
 * line past them is dashed as well. */
static const char *const colors[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
                                     "#e6ab02", "#a6761d", "#666666", "#1f78b4", "#b15928"};
#define N_COLORS (sizeof colors / sizeof *colors)

static void put_text(FILE *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
}

typedef struct chart {
    const rg_timeline *t;
    const char *title;
    size_t *order, n; /* the entities drawn */
    size_t ranked;    /* entities ranked in two reports or more */
    size_t max_rank;
    double *label_y; /* where each drawn entity's name goes */
} chart;

static double x_of(const chart *c, size_t r)
{
    double width = WIDTH - LEFT - RIGHT;
    return c->t->n_reports > 1 ? LEFT + width * (double)r / (double)(c->t->n_reports - 1) : LEFT;
}

static double y_of(const chart *c, size_t rank)
{
    return c->max_rank > 1 ? TOP + PLOT_HEIGHT * (double)(rank - 1) / (double)(c->max_rank - 1) : TOP;
}

/* The last report that ranks entity e. */
static size_t last_ranked(const rg_timeline_entity *e, size_t n_reports)
{
    size_t last = 0;
    for (size_t r = 0; r < n_reports; r++)
        if (e->cells[r].rank)
            last = r;
    return last;
}

/* Names at the height of their last rank, pushed apart downwards, then
 * back up when they run past the plot. */
static void place_labels(chart *c)
{
    size_t *by_y = malloc((c->n ? c->n : 1) * sizeof *by_y);
    if (!by_y)
        return;
    for (size_t k = 0; k < c->n; k++) {
        const rg_timeline_entity *e = &c->t->entities[c->order[k]];
        c->label_y[k] = y_of(c, e->cells[last_ranked(e, c->t->n_reports)].rank);
        by_y[k] = k;
    }
    for (size_t i = 1; i < c->n; i++) /* insertion sort: a handful of names, stable */
        for (size_t k = i; k > 0 && c->label_y[by_y[k - 1]] > c->label_y[by_y[k]]; k--) {
            size_t s = by_y[k];
            by_y[k] = by_y[k - 1];
            by_y[k - 1] = s;
        }
    for (size_t k = 1; k < c->n; k++)
        if (c->label_y[by_y[k]] < c->label_y[by_y[k - 1]] + LABEL_GAP)
            c->label_y[by_y[k]] = c->label_y[by_y[k - 1]] + LABEL_GAP;
    double limit = TOP + PLOT_HEIGHT + 20;
    for (size_t k = c->n; k-- > 0;) {
        if (c->label_y[by_y[k]] > limit)
            c->label_y[by_y[k]] = limit;
        limit = c->label_y[by_y[k]] - LABEL_GAP;
    }
    free(by_y);
}

/* A tick every step ranks, step 1, 2, 5, 10, 20, ... so that ten at most. */
static size_t tick_step(size_t max_rank)
{
    static const size_t base[] = {1, 2, 5};
    for (size_t scale = 1;; scale *= 10)
        for (size_t k = 0; k < 3; k++)
            if (max_rank / (base[k] * scale) <= 10)
                return base[k] * scale;
}

static void write_axes(const chart *c, FILE *out)
{
    const rg_timeline *t = c->t;
    size_t step = tick_step(c->max_rank);
    for (size_t rank = 1; rank <= c->max_rank; rank = rank == 1 && step > 1 ? step : rank + step) {
        double y = y_of(c, rank);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n", LEFT, y,
                WIDTH - RIGHT, y);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">%zu</text>\n",
                LEFT - 8, y + 4, rank);
    }
    fprintf(out,
            "<text x=\"18\" y=\"%.1f\" font-size=\"12\" fill=\"#333\" transform=\"rotate(-90 18 %.1f)\" "
            "text-anchor=\"middle\">rank (1: most central)</text>\n",
            TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2);
    for (size_t r = 0; r < t->n_reports; r++) {
        double x = x_of(c, r);
        const char *id = strncmp(t->reports[r].id, "report:", 7) == 0 ? t->reports[r].id + 7 : t->reports[r].id;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cccccc\"/>\n", x, TOP - 6, x,
                TOP + PLOT_HEIGHT + 6);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">",
                x, TOP + PLOT_HEIGHT + 26);
        put_text(out, t->reports[r].date);
        fprintf(out, "</text>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">",
                x, TOP + PLOT_HEIGHT + 42);
        put_text(out, id);
        fputs("</text>\n", out);
    }
}

static void write_line(const chart *c, size_t k, FILE *out)
{
    const rg_timeline *t = c->t;
    const rg_timeline_entity *e = &t->entities[c->order[k]];
    const char *color = colors[k % N_COLORS];
    const char *dash = k >= N_COLORS ? " stroke-dasharray=\"6 3\"" : "";
    fprintf(out, "<g><title>");
    put_text(out, e->label);
    for (size_t r = 0; r < t->n_reports; r++) {
        fprintf(out, "; %s: ", t->reports[r].date);
        if (e->cells[r].rank)
            fprintf(out, "rank %zu, %ld mention%s", e->cells[r].rank, e->cells[r].mentions,
                    e->cells[r].mentions == 1 ? "" : "s");
        else
            fputs(e->cells[r].mentions ? "named, not ranked" : "not named", out);
    }
    fputs("</title>\n", out);
    /* a segment joins two reports that rank it, thin and dashed across
     * the reports between that do not */
    for (size_t r = 0, prev = RG_NONE; r < t->n_reports; r++) {
        if (!e->cells[r].rank)
            continue;
        bool gap = prev != RG_NONE && r > prev + 1;
        if (prev != RG_NONE)
            fprintf(out,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\""
                    "%s/>\n",
                    x_of(c, prev), y_of(c, e->cells[prev].rank), x_of(c, r), y_of(c, e->cells[r].rank), color,
                    gap ? "1.2" : "2.5", gap ? " stroke-dasharray=\"3 4\"" : dash);
        prev = r;
    }
    for (size_t r = 0; r < t->n_reports; r++)
        if (e->cells[r].rank)
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", x_of(c, r),
                    y_of(c, e->cells[r].rank), color);
    size_t last = last_ranked(e, t->n_reports);
    double x0 = x_of(c, last), y0 = y_of(c, e->cells[last].rank), x1 = WIDTH - RIGHT + 14;
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.8\" "
                 "stroke-dasharray=\"2 2\"/>\n",
            x0 + 5, y0, x1 - 2, c->label_y[k], color);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">", x1, c->label_y[k] + 4, color);
    put_text(out, e->label);
    fprintf(out, " (%+ld)</text>\n</g>\n", e->move);
}

static int write_chart(void *ctx, FILE *out, const char *path, rg_error *err)
{
    (void)path;
    (void)err;
    const chart *c = ctx;
    double height = TOP + PLOT_HEIGHT + BOTTOM;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
            "font-family=\"Helvetica, Arial, sans-serif\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
            WIDTH, height, WIDTH, height);
    fprintf(out, "<text x=\"%.1f\" y=\"28\" font-size=\"18\">", LEFT);
    put_text(out, c->title ? c->title : "Who moved: centrality across the reports");
    fprintf(out, "</text>\n<text x=\"%.1f\" y=\"50\" font-size=\"12\" fill=\"#333\">PageRank rank on the entities "
                 "view of each report alone (1: most central), reports in date order.</text>\n",
            LEFT);
    fprintf(out,
            "<text x=\"%.1f\" y=\"66\" font-size=\"12\" fill=\"#333\">Drawn: the %zu of %zu entities ranked in two "
            "reports or more whose rank moved most from the first report that ranks them to the last (the move "
            "after the name).</text>\n",
            LEFT, c->n, c->ranked);
    fprintf(out,
            "<text x=\"%.1f\" y=\"82\" font-size=\"12\" fill=\"#333\">A thin dashed line skips a report that "
            "does not rank it.</text>\n",
            LEFT);
    write_axes(c, out);
    for (size_t k = 0; k < c->n; k++)
        write_line(c, k, out);
    fputs("</svg>\n", out);
    return ferror(out) ? -1 : 0;
}

int rg_timeline_svg_write(const rg_timeline *t, size_t top, const char *title, const char *path, rg_error *err)
{
    chart c = {.t = t, .title = title};
    c.order = malloc((t->n_entities ? t->n_entities : 1) * sizeof *c.order);
    c.label_y = malloc((t->n_entities ? t->n_entities : 1) * sizeof *c.label_y);
    if (!c.order || !c.label_y) {
        free(c.order);
        free(c.label_y);
        return rg_error_nomem(err);
    }
    c.ranked = rg_timeline_movers(t, 0, c.order);
    c.n = rg_timeline_movers(t, top ? top : TOP_DEFAULT, c.order);
    int rc = 0;
    if (!c.n)
        rc = rg_error_set(err, RG_ERR_INPUT, path, 0, "no entity is ranked in two reports: no line to draw");
    for (size_t k = 0; k < c.n; k++)
        for (size_t r = 0; r < t->n_reports; r++)
            if (t->entities[c.order[k]].cells[r].rank > c.max_rank)
                c.max_rank = t->entities[c.order[k]].cells[r].rank;
    if (rc == 0) {
        place_labels(&c);
        rc = rg_output_write(path, write_chart, &c, err);
    }
    free(c.order);
    free(c.label_y);
    return rc;
}
