/* rg_cli_ego: the ego walk of `ego` and `render --focus`, with the hubs
 * an analyst leaves out (--exclude NAME, repeatable) or does not walk
 * through (--max-degree N). What was left out is said on stderr and in
 * words for a diagram's caption.
 *
 * Ownership: the graph, the note and the option list are the caller's. */
#ifndef RG_CLI_EGO_WALK_H
#define RG_CLI_EGO_WALK_H

#include "cli/options.h"
#include "graph/analyze/query.h"

#include <stdbool.h>

typedef struct rg_cli_ego {
    long depth;
    bool co_mentions;
    rg_option_list exclude; /* names */
    long max_degree;        /* 0: none */
} rg_cli_ego;

/* The --exclude and --max-degree lines of an options table. */
#define RG_OPT_EGO_HUBS(e)                                                                                   \
    RG_OPT_LIST(0, "exclude", &(e)->exclude, "NAME",                                                         \
                "leave this node out of the walk (repeatable), e.g. a\n"                                     \
                "hub like \"United States\" that links to everything"),                                      \
        RG_OPT_COUNT(0, "max-degree", &(e)->max_degree, "N",                                                 \
                     "do not walk through a node of more than N links (it\n"                                 \
                     "is kept, its other links not followed; the centre is\n"                                \
                     "always walked)")

/* The ego network of center in g (names resolves --exclude), into *out;
 * *note (when note is not NULL) says in words what the walk covered and
 * left out. Each node left out or not walked through is named on stderr
 * ("relgraph: COMMAND: not walked through ..."), unless command is NULL
 * (the server, which says nothing per request). */
int rg_cli_ego_walk(const rg_graph *g, struct rg_names *names, size_t center, const rg_cli_ego *e,
                    const char *command, rg_graph **out, char **note, rg_error *err);

#endif
