/* What relgraph serve's two halves share: the daemon, its request checks
 * and the page (cli/cmd_serve.c), and the JSON API (cli/serve_api.c),
 * whose answers the CLI's --json builders give (cli/answers.h).
 *
 * Ownership: the server's graph, names and page live as long as it runs;
 * the answers are copied into libmicrohttpd's responses. */
#ifndef RG_CLI_SERVE_H
#define RG_CLI_SERVE_H

#include "graph/analyze/query.h"
#include "graph/model/model.h"

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

/* Bounds on what one request may ask. */
#define RG_SERVE_URL_MAX 2048
#define RG_SERVE_PARAM_MAX 512
#define RG_SERVE_PARAMS_MAX 8

typedef struct rg_serve {
    rg_graph *g;
    rg_names *names;
    char *page;
    size_t page_len;
    const char *bind; /* the address as given: "127.0.0.1", "::1" */
} rg_serve;

/* Queue a response of status with body (copied), its type and the headers
 * every answer has. */
enum MHD_Result rg_serve_body(struct MHD_Connection *c, unsigned status, const char *type, const char *body,
                              size_t len);

/* {"error": message} with status. */
enum MHD_Result rg_serve_error(struct MHD_Connection *c, unsigned status, const char *message);

/* Answer a request for url under /api/ (any other: 404 naming the
 * endpoints). The request has passed the daemon's checks (method, host,
 * URL length, number of parameters). */
enum MHD_Result rg_serve_api(rg_serve *s, struct MHD_Connection *c, const char *url);

#endif
