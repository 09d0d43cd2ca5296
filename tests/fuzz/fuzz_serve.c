/* libFuzzer target: relgraph serve's request handling past libmicrohttpd
 * (cli/serve_api.c): the checks every request passes, the parameters'
 * reading (names, switches, numbers, the options' own parsers) and the
 * answers, on a small graph. An input is lines: the method, the Host
 * header, the path, then one parameter a line, "key=value" or "key",
 * any bytes (a NUL inside a value is kept, as libmicrohttpd gives it).
 * Every answer must be a status the server documents, with a body; every
 * error a JSON object {"error": ...}. */
#include "cli/serve.h"
#include "graph/rules/catalog.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rg_serve server;

/* State leads rec:1 with DIU as partner; the co-mentions of a report. */
static void make_server(void)
{
    rg_graph *g = rg_graph_new();
    rg_error err;
    rg_error_clear(&err);
    size_t state, diu, korea, r1, korus;
    rg_graph_add_document(g, "report:r", "r.md", "R", 1, &err);
    rg_graph_node(g, "agency:department-of-state", RG_TYPE_AGENCY, "Department of State", &state);
    rg_strset_add(&g->nodes[state].aliases, "State Department");
    rg_graph_node(g, "agency:defense-innovation-unit", RG_TYPE_AGENCY, "Defense Innovation Unit", &diu);
    rg_strset_add(&g->nodes[diu].aliases, "DIU");
    rg_graph_node(g, "actor:republic-of-korea", RG_TYPE_ACTOR, "Republic of Korea", &korea);
    rg_graph_node(g, "program:korus", RG_TYPE_PROGRAM, "KORUS FTA", &korus);
    rg_graph_node(g, "rec:r:1", RG_TYPE_RECOMMENDATION, "State should work with DIU on KORUS", &r1);
    g->nodes[r1].modality = strdup("should");
    for (size_t i = 0; i < g->n_nodes; i++)
        rg_strset_add(&g->nodes[i].docs, "report:r");
    const char *why = "State should work with DIU on KORUS.";
    rg_graph_link(g, r1, state, RG_REL_LEADS, "report:r", 1, why, NULL);
    rg_graph_link(g, r1, diu, RG_REL_PARTNERS, "report:r", 1, why, NULL);
    rg_graph_link(g, r1, korus, RG_REL_CONCERNS, "report:r", 1, why, NULL);
    rg_graph_link(g, korea, state, RG_REL_CO_MENTIONED, "report:r", 2, "Korea and State.", NULL);
    rg_graph_finish(g);
    /* 200 microseconds: the analyses stop part-way, at varying points,
     * so that what the interruption leaves behind is fuzzed too */
    server = (rg_serve){.g = g, .bind = "127.0.0.1", .seconds_max = 0.0002, .answer_max = 1 << 20};
    if (rg_names_new(g, rg_catalog_new(), &server.names, &err) < 0)
        abort();
    server.page = strdup("<!doctype html>");
    server.page_len = strlen(server.page);
}

/* The next line of [*at, end), copied and NUL-ended into *line (freed by
 * the caller); its length, or -1 at the end. */
static long next_line(const uint8_t **at, const uint8_t *end, char **line)
{
    if (*at >= end)
        return -1;
    const uint8_t *nl = memchr(*at, '\n', (size_t)(end - *at));
    size_t len = (size_t)((nl ? nl : end) - *at);
    *line = malloc(len + 1);
    memcpy(*line, *at, len);
    (*line)[len] = '\0';
    *at += len + (nl != NULL);
    return (long)len;
}

static void check(const rg_serve_response *out)
{
    static const unsigned documented[] = {200, 400, 403, 404, 405, 414, 422, 500};
    bool known = false;
    for (size_t i = 0; i < sizeof documented / sizeof *documented; i++)
        known |= out->status == documented[i];
    if (!known || !out->body || !out->type)
        abort();
    if (out->status != 200) {
        json_error_t e;
        json_t *o = json_loadb(out->body, out->len, 0, &e);
        if (!o || !json_is_string(json_object_get(o, "error")))
            abort();
        json_decref(o);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server.g)
        make_server();
    const uint8_t *at = data, *end = data + size;
    char *method = NULL, *host = NULL, *path = NULL;
    next_line(&at, end, &method);
    next_line(&at, end, &host);
    long path_len = next_line(&at, end, &path);
    rg_serve_param params[RG_SERVE_PARAMS_MAX + 1];
    char *lines[RG_SERVE_PARAMS_MAX + 1];
    size_t n = 0, given = 0;
    char *line;
    long len;
    while ((len = next_line(&at, end, &line)) >= 0) {
        given++;
        if (n == RG_SERVE_PARAMS_MAX + 1) {
            free(line);
            continue;
        }
        char *eq = memchr(line, '=', (size_t)len);
        if (eq)
            *eq = '\0'; /* the key ends there, as libmicrohttpd ends it */
        params[n] = (rg_serve_param){line, eq ? (size_t)(eq - line) : (size_t)len, eq ? eq + 1 : NULL,
                                     eq ? (size_t)(line + len - eq - 1) : 0};
        lines[n++] = line;
    }
    rg_serve_request r = {method, host, path, path_len > 0 ? (size_t)path_len : 0, params, n, given};
    rg_serve_response out;
    rg_serve_answer(&server, &r, &out);
    check(&out);
    rg_serve_response_destroy(&out);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(method);
    free(host);
    free(path);
    return 0;
}
