#include "cli/ego_walk.h"

#include "graph/base/text.h"

#include <stdio.h>
#include <stdlib.h>

/* The nodes --exclude names, resolved (a name that resolves to no node is
 * an error, with the closest ones). */
static int resolve_excluded(struct rg_names *names, const rg_option_list *list, size_t center, size_t **out,
                            rg_error *err)
{
    *out = malloc((list->len ? list->len : 1) * sizeof **out);
    if (!*out)
        return rg_error_nomem(err);
    for (size_t i = 0; i < list->len; i++) {
        if (rg_names_resolve(names, list->items[i], &(*out)[i], err) < 0)
            return -1;
        if ((*out)[i] == center)
            return rg_error_set(err, RG_ERR_USAGE, NULL, 0, "--exclude '%s' names the centre of the walk",
                                list->items[i]);
    }
    return 0;
}

/* The caption's words: "within 2 links of X; left out: A, B; not walked
 * through (more than N links): C (95), D (40)". */
static char *describe(const rg_graph *g, size_t center, const rg_cli_ego *e, const size_t *excluded,
                      const rg_ego_hub *hubs, size_t n_hubs)
{
    rg_buf b;
    rg_buf_init(&b);
    char num[96];
    snprintf(num, sizeof num, "within %ld link%s of ", e->depth, e->depth == 1 ? "" : "s");
    rg_buf_adds(&b, num);
    rg_buf_adds(&b, g->nodes[center].label);
    for (size_t i = 0; i < e->exclude.len; i++) {
        rg_buf_adds(&b, i ? ", " : "; left out (--exclude): ");
        rg_buf_adds(&b, g->nodes[excluded[i]].label);
    }
    for (size_t i = 0; i < n_hubs; i++) {
        if (i == 0) {
            snprintf(num, sizeof num, "; drawn but not walked through (more than %ld links): ", e->max_degree);
            rg_buf_adds(&b, num);
        } else {
            rg_buf_adds(&b, ", ");
        }
        rg_buf_adds(&b, g->nodes[hubs[i].node].label);
        snprintf(num, sizeof num, " (%zu)", hubs[i].degree);
        rg_buf_adds(&b, num);
    }
    if (b.failed) {
        rg_buf_destroy(&b);
        return NULL;
    }
    return rg_buf_steal(&b);
}

int rg_cli_ego_walk(const rg_graph *g, struct rg_names *names, size_t center, const rg_cli_ego *e,
                    const char *command, rg_graph **out, char **note, rg_error *err)
{
    size_t *excluded = NULL;
    rg_ego_hub *hubs = NULL;
    size_t n_hubs = 0;
    int rc = resolve_excluded(names, &e->exclude, center, &excluded, err);
    rg_ego_options o = {e->depth, e->co_mentions, excluded, e->exclude.len, e->max_degree};
    if (rc == 0)
        rc = rg_query_ego(g, center, &o, out, &hubs, &n_hubs, err);
    for (size_t i = 0; rc == 0 && command && i < e->exclude.len; i++)
        fprintf(stderr, "relgraph: %s: left out %s (--exclude)\n", command, g->nodes[excluded[i]].label);
    for (size_t i = 0; rc == 0 && command && i < n_hubs; i++)
        fprintf(stderr, "relgraph: %s: not walked through %s (%zu links, more than --max-degree %ld)\n", command,
                g->nodes[hubs[i].node].label, hubs[i].degree, e->max_degree);
    if (rc == 0 && note && !(*note = describe(g, center, e, excluded, hubs, n_hubs)))
        rc = rg_error_nomem(err);
    free(excluded);
    free(hubs);
    return rc;
}
