/* relgraph eval: extraction measured against hand annotations. */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "graph/eval/eval.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"eval", 13, false,
    "usage: relgraph eval --gold GOLD.json FILE [--gold GOLD.json FILE ...] [--quiet]\n\n"
    "Build the graph of the reports and compare each with its hand annotation\n"
    "(the n-th --gold goes with the n-th FILE; schema of ../shared/gold). Prints\n"
    "precision, recall and F1 of entities, recommendations and involvement\n"
    "(who and what each recommendation names), type accuracy, the share of links\n"
    "with evidence, and lists what was missed and what was spurious.\n\n"};

static void print_count(const char *what, rg_eval_count c)
{
    printf("  %-16s P %.3f  R %.3f  F1 %.3f   (tp %ld, fp %ld, fn %ld)\n", what, rg_eval_precision(c),
           rg_eval_recall(c), rg_eval_f1(c), c.tp, c.fp, c.fn);
}

static void print_list(const char *title, const rg_strset *items)
{
    if (!items->len)
        return;
    printf("  %s (%zu):\n", title, items->len);
    for (size_t i = 0; i < items->len; i++)
        printf("    %s\n", items->items[i]);
}

static void print_eval(const rg_eval *e, bool lists)
{
    print_count("entities", e->entities);
    print_count("recommendations", e->recommendations);
    print_count("involvement", e->involvement);
    printf("  %-16s %.3f (%ld of %ld)\n", "type accuracy",
           e->types_compared ? (double)e->types_right / (double)e->types_compared : 1.0, e->types_right,
           e->types_compared);
    if (!lists)
        return;
    print_list("missed entities", &e->missed_entities);
    print_list("spurious entities", &e->spurious_entities);
    print_list("wrong types", &e->wrong_types);
    print_list("missed recommendations", &e->missed_recommendations);
    print_list("spurious recommendations", &e->spurious_recommendations);
    print_list("missed involvement", &e->missed_involvement);
    print_list("spurious involvement", &e->spurious_involvement);
}

static void add_count(rg_eval_count *to, rg_eval_count c)
{
    to->tp += c.tp;
    to->fp += c.fp;
    to->fn += c.fn;
}

/* The --gold files, in order: the n-th goes with the n-th report. */
typedef struct golds {
    const char *files[64];
    int n;
} golds;

static int add_gold(const char *command, char *arg, void *value)
{
    golds *g = value;
    if (g->n == 64)
        return rg_options_fail(command, "at most 64 --gold files");
    g->files[g->n++] = arg;
    return 0;
}

int cmd_eval(int argc, char **argv)
{
    golds gold = {{NULL}, 0};
    bool lists = true;
    const rg_option options[] = {
        {RG_OPTION_CALLBACK, 0, "gold", "FILE", &gold, "the annotation of the next report", add_gold, "--gold FILE"},
        RG_OPT_CLEAR('q', "quiet", &lists, "scores only: no lists, no notes on stderr"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    int n_golds = gold.n, n_files = argc - optind;
    if (n_golds == 0 || n_files != n_golds)
        return rg_options_fail("eval", "give one --gold file for each report (%d --gold, %d reports)", n_golds, n_files);

    rg_error err;
    rg_error_clear(&err);
    rg_inputs in;
    rg_graph *g = NULL;
    if (rg_cli_inputs(argv + optind, n_files, &in, &err) < 0)
        return rg_cli_fail(&err);
    if ((int)in.len != n_golds) {
        rg_pipeline_inputs_free(&in);
        return rg_options_fail("eval", "each report must be a file, not a directory");
    }
    if (rg_cli_build(&in, NULL, 0, 1, &g, &err) < 0) {
        rg_pipeline_inputs_free(&in);
        return rg_cli_fail(&err);
    }
    rg_eval total;
    rg_eval_init(&total);
    int status = 0;
    for (int i = 0; i < n_golds && status == 0; i++) {
        rg_eval e;
        rg_eval_init(&e);
        const char *doc_id = g->docs[i].id;
        if (rg_eval_doc(g, doc_id, gold.files[i], &e, &err) < 0) {
            status = rg_cli_fail(&err);
        } else {
            printf("%s (gold %s)\n", doc_id, gold.files[i]);
            print_eval(&e, lists);
            add_count(&total.entities, e.entities);
            add_count(&total.recommendations, e.recommendations);
            add_count(&total.involvement, e.involvement);
            total.types_right += e.types_right;
            total.types_compared += e.types_compared;
        }
        rg_eval_destroy(&e);
    }
    if (status == 0) {
        size_t with = 0;
        for (size_t i = 0; i < g->n_links; i++)
            with += g->links[i].n_evidence > 0;
        if (n_golds > 1) {
            printf("total\n");
            print_eval(&total, false);
        }
        printf("links with evidence: %zu of %zu (%.1f%%)\n", with, g->n_links,
               g->n_links ? 100.0 * (double)with / (double)g->n_links : 100.0);
    }
    rg_eval_destroy(&total);
    rg_graph_free(g);
    rg_pipeline_inputs_free(&in);
    return status;
}
