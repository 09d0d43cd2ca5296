/* relgraph: reads policy reports and builds a relationship graph an analyst
 * can question. This file only dispatches to cli/cmd_<name>.c. */
#include "cli/commands.h"
#include "config.h"
#include "graph/base/error.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"build", cmd_build, "read reports and write the graph file (graph.json)"},
    {"common", cmd_common, "what two nodes share: recommendations, programs, partners"},
    {"communities", cmd_communities, "groups that work together (Leiden, Louvain) and who leads them"},
    {"compare", cmd_compare, "what changed between two reports: entities, recommendations, centrality"},
    {"ego", cmd_ego, "the subgraph around a node, as a graph file"},
    {"eval", cmd_eval, "measure extraction against hand annotations (precision, recall, F1)"},
    {"evidence", cmd_evidence, "the sentences behind the links between two nodes"},
    {"explore", cmd_explore, "write the explorer: one HTML page to search, filter and read the graph"},
    {"export", cmd_export, "write JSON, JSON Graph Format, Cytoscape.js, GraphML, GEXF, CSV or DOT"},
    {"extract", cmd_extract, "the map step of build: reports to a partial graph file"},
    {"find", cmd_find, "search names, aliases and recommendation text"},
    {"merge", cmd_merge, "the reduce step of build: partial graph files to the graph file"},
    {"neighbors", cmd_neighbors, "what a node is linked to, with evidence"},
    {"path", cmd_path, "how two nodes are connected, each step with its evidence"},
    {"rank", cmd_rank, "rank nodes by centrality (betweenness, pagerank, degree, ...)"},
    {"render", cmd_render, "draw the graph as DOT, SVG, PNG or PDF"},
    {"serve", cmd_serve, "serve the explorer and a JSON API of queries over HTTP (localhost)"},
    {"show", cmd_show, "everything about one node, with evidence"},
    {"timeline", cmd_timeline, "each entity across three or more dated reports, with its centrality in each"},
};

static void usage(FILE *out)
{
    fputs("usage: relgraph COMMAND [OPTIONS] [FILE|DIR ...]\n"
          "       relgraph COMMAND --help | relgraph --help | relgraph --version\n\n"
          "Reads policy reports (Markdown, HTML, plain text) and builds one graph of\n"
          "actors, agencies, programs and recommendations, with the sentence behind\n"
          "every link. A command reads the graph file given with -g FILE, else builds\n"
          "the graph from the reports given (FILE, DIR), else reads ./graph.json (what\n"
          "build writes) when there is one, else the default corpus; the last two\n"
          "are said on stderr unless -q.\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fputs("\nexit codes:\n"
          "  0  success\n"
          "  1  bad input: unreadable report (PDF, Word, ..., not UTF-8), invalid\n"
          "     catalog or graph file\n"
          "  2  usage: unknown command or option, missing argument\n"
          "  3  I/O: a file cannot be opened, read or written; out of memory\n",
          out);
}

int main(int argc, char **argv)
{
    /* Output must not depend on the user's locale: numbers, sorting. */
    setlocale(LC_ALL, "C");
    /* A file grown past the size limit (ulimit -f) is a write error to
     * report, like a full disk, not a signal that kills us mid-write. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        usage(stderr);
        return RG_ERR_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return RG_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("relgraph %s\n", RG_VERSION);
        return RG_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            optind = 1;
            opterr = 0;
            return commands[i].fn(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "relgraph: error: unknown command '%s' (try 'relgraph --help')\n", name);
    return RG_ERR_USAGE;
}
