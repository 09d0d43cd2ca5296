/* What relgraph serve's halves share: the daemon and its options
 * (cli/cmd_serve.c), which turn each HTTP request into an rg_serve_request
 * and send the rg_serve_response back; and the answer (cli/serve_api.c:
 * the request's checks, the page and the JSON API, whose answers the
 * CLI's --json builders give, cli/answers.h), which knows nothing of
 * HTTP's sockets, so that the unit tests and the fuzz target call it as
 * the server does.
 *
 * Ownership: the server's graph, names and page live as long as it runs;
 * a request's strings are the caller's; a response's body is its own
 * (owned) or the server's page, and rg_serve_response_destroy frees it. */
#ifndef RG_CLI_SERVE_H
#define RG_CLI_SERVE_H

#include "graph/analyze/query.h"
#include "graph/model/model.h"

#include <stdbool.h>
#include <stddef.h>

/* Bounds on what one request may ask. */
#define RG_SERVE_URL_MAX 2048
#define RG_SERVE_PARAM_MAX 512
#define RG_SERVE_PARAMS_MAX 8
/* ... and on what one answer may take: the defaults of --time-limit and
 * --answer-limit, and how many nodes /api/find gives unless asked (a
 * search box needs the first few; "a" matches every node) */
#define RG_SERVE_SECONDS_DEFAULT 5.0
#define RG_SERVE_ANSWER_MB_DEFAULT 16
#define RG_SERVE_FIND_LIMIT 100
#define RG_SERVE_FIND_LIMIT_MAX 10000

typedef struct rg_serve {
    rg_graph *g;
    rg_names *names;
    char *page;
    size_t page_len;
    const char *bind;   /* the address as given: "127.0.0.1", "::1" */
    double seconds_max; /* the time one answer may take (0: no limit) */
    size_t answer_max;  /* the bytes one answer may hold */
    /* the walkable links for path queries, without and with co-mentions,
     * gathered at the first query that needs them (answers run on the
     * daemon's one thread) */
    rg_path_index *path_index[2];
    /* find's text, folded once, at the first find without a filter */
    rg_find_index *find_index;
} rg_serve;

/* A parameter of the query string, decoded; value NULL for a key given
 * without '=' ("?all"). Each is NUL-ended after its length (as
 * libmicrohttpd gives them) but need not be NUL-free or UTF-8 before it:
 * the answer checks. */
typedef struct rg_serve_param {
    const char *key;
    size_t key_len;
    const char *value;
    size_t value_len;
} rg_serve_param;

typedef struct rg_serve_request {
    const char *method; /* "GET" */
    const char *host;   /* the Host header, or NULL */
    const char *path;   /* the URL's path, decoded: "/api/find" */
    size_t url_len;     /* the length of the whole URL as sent */
    const rg_serve_param *params;
    size_t n_params;     /* those in params[] */
    size_t params_given; /* those the request had (more when over the bound) */
} rg_serve_request;

typedef struct rg_serve_response {
    unsigned status;
    const char *type; /* the Content-Type */
    const char *body;
    size_t len;
    char *owned;    /* body, when it is this answer's own */
    char note[200]; /* what the answer leaves out, said in a header, or "" */
} rg_serve_response;

/* Answer r: check it (method, Host, the URL's length, the parameters'
 * number), then send the page for "/" or "/explore.html", an API answer
 * for /api/..., or a JSON error {"error": ...}. Always fills out; an
 * answer runs under s->seconds_max and s->answer_max (422 past either).
 * O(the query's own cost). */
void rg_serve_answer(rg_serve *s, const rg_serve_request *r, rg_serve_response *out);

/* Free what out owns. */
void rg_serve_response_destroy(rg_serve_response *out);

#endif
