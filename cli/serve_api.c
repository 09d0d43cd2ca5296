/* relgraph serve's JSON API: each endpoint is a query command, each
 * parameter the long option of the same name (read by the option's own
 * parser, so that a bad value gets the CLI's message), and each answer
 * what the command prints with --json, from the same builder
 * (cli/answers.h). */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/ego_walk.h"
#include "cli/serve.h"
#include "graph/analyze/query.h"
#include "graph/base/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ask;

/* An endpoint: its path, the command it answers as (its name in the
 * options' messages), the parameters it takes and its answer. */
typedef struct endpoint {
    const char *path;
    const char *command;
    const char *params[10]; /* NULL-ended */
    enum MHD_Result (*answer)(rg_serve *s, struct ask *q);
} endpoint;

/* One request: its parameters, read one by one; the first that is wrong
 * stops the rest and is answered with status and why. */
typedef struct ask {
    struct MHD_Connection *c;
    const endpoint *e;
    bool failed;
    unsigned status;
    char why[600];
} ask;

enum MHD_Result rg_serve_body(struct MHD_Connection *c, unsigned status, const char *type, const char *body,
                              size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* The JSON text of o as rg_cli_print_json prints it (o freed). */
static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_t *o)
{
    char *text = o ? json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(o);
    if (!text)
        return rg_serve_body(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "application/json",
                             "{\"error\": \"out of memory\"}\n", 27);
    size_t len = strlen(text);
    char *body = realloc(text, len + 2);
    if (!body) {
        free(text);
        return MHD_NO;
    }
    memcpy(body + len, "\n", 2);
    enum MHD_Result ok = rg_serve_body(c, status, "application/json", body, len + 1);
    free(body);
    return ok;
}

enum MHD_Result rg_serve_error(struct MHD_Connection *c, unsigned status, const char *message)
{
    json_t *o = json_object();
    json_t *m = json_string(message);
    json_object_set_new(o, "error", m ? m : json_string("(a message that is not UTF-8)"));
    return send_json(c, status, o);
}

/* An error of a query: what the CLI exits 1 for (RG_ERR_INPUT) is
 * input_status (404 for a name, 400 for a filter), a usage error 400,
 * anything else 500. */
static enum MHD_Result send_failure(ask *q, const rg_error *err, unsigned input_status)
{
    unsigned status = err->code == RG_ERR_INPUT   ? input_status
                      : err->code == RG_ERR_USAGE ? MHD_HTTP_BAD_REQUEST
                                                  : MHD_HTTP_INTERNAL_SERVER_ERROR;
    return rg_serve_error(q->c, status, err->msg);
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
refuse(ask *q, const char *fmt, ...)
{
    if (q->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(q->why, sizeof q->why, fmt, ap);
    va_end(ap);
    q->failed = true;
    q->status = MHD_HTTP_BAD_REQUEST;
}

/* ---- parameters ---- */

/* The parameters given: each one the endpoint takes, once (exclude may
 * repeat). */
typedef struct seen {
    ask *q;
    unsigned times[10];
} seen;

static enum MHD_Result see_param(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                 const char *value, size_t value_size)
{
    (void)kind, (void)value, (void)value_size;
    seen *s = cls;
    const endpoint *e = s->q->e;
    size_t i = 0;
    while (e->params[i] && strcmp(e->params[i], key) != 0)
        i++;
    if (!e->params[i]) {
        char list[200] = "";
        for (size_t k = 0; e->params[k]; k++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", e->params[k]);
        if (key_size > 64 || strlen(key) != key_size || rg_utf8_invalid_at(key, key_size) >= 0)
            refuse(s->q, "%s takes no such parameter (it takes %s)", e->path, list);
        else
            refuse(s->q, "%s takes no parameter '%s' (it takes %s)", e->path, key, list);
    } else if (++s->times[i] > 1 && strcmp(key, "exclude") != 0) {
        refuse(s->q, "parameter '%s' is given more than once", key);
    }
    return s->q->failed ? MHD_NO : MHD_YES;
}

/* A value as it may enter a query: not overlong, no NUL, UTF-8. */
static const char *checked(ask *q, const char *key, const char *v, size_t len)
{
    if (!v)
        return "";
    if (len > RG_SERVE_PARAM_MAX)
        refuse(q, "parameter '%s' is too long (over %d bytes)", key, RG_SERVE_PARAM_MAX);
    else if (strlen(v) != len)
        refuse(q, "parameter '%s' holds a NUL byte", key);
    else if (rg_utf8_invalid_at(v, len) >= 0)
        refuse(q, "parameter '%s' is not UTF-8", key);
    else
        return v;
    return NULL;
}

/* The value of key, or NULL: absent (refused when required) or wrong. */
static const char *text(ask *q, const char *key, bool required)
{
    const char *v = NULL;
    size_t len = 0;
    if (q->failed)
        return NULL;
    if (MHD_lookup_connection_value_n(q->c, MHD_GET_ARGUMENT_KIND, key, strlen(key), &v, &len) != MHD_YES) {
        if (required)
            refuse(q, "parameter '%s' is missing", key);
        return NULL;
    }
    return checked(q, key, v, len);
}

/* A switch (--all, --co-mentions): "key", "key=1" or "key=true" set it,
 * "key=0" or "key=false" or its absence not. */
static void flag(ask *q, const char *key, bool *out)
{
    const char *v = text(q, key, false);
    if (!v)
        return;
    if (!*v || strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
        *out = true;
    else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
        *out = false;
    else
        refuse(q, "parameter '%s' is a switch: give '%s', '%s=1' or '%s=0'", key, key, key, key);
}

/* A positive whole number, as the CLI reads one. */
static void count(ask *q, const char *key, long *out)
{
    const char *v = text(q, key, false);
    if (v && !rg_options_count(v, out))
        refuse(q, "--%s needs a positive whole number, not '%s'", key, v);
}

/* A value read by the option's own parser, its message captured. */
static void option(ask *q, const char *key, rg_option_fn *parse, void *value)
{
    const char *v = text(q, key, false);
    if (!v)
        return;
    char arg[RG_SERVE_PARAM_MAX + 1];
    snprintf(arg, sizeof arg, "%s", v);
    rg_options_capture(q->why, sizeof q->why);
    int rc = parse(q->e->command, arg, value);
    rg_options_capture(NULL, 0);
    if (rc != 0) {
        q->failed = true;
        q->status = MHD_HTTP_BAD_REQUEST;
    }
}

/* The node a parameter names; false when the request is answered. */
static bool named(rg_serve *s, ask *q, const char *key, size_t *node, enum MHD_Result *sent)
{
    const char *name = text(q, key, true);
    if (!name) {
        *sent = rg_serve_error(q->c, q->status, q->why);
        return false;
    }
    rg_error err;
    rg_error_clear(&err);
    if (rg_names_resolve(s->names, name, node, &err) < 0) {
        *sent = send_failure(q, &err, MHD_HTTP_NOT_FOUND);
        return false;
    }
    return true;
}

/* ---- the endpoints ---- */

static enum MHD_Result api_find(rg_serve *s, ask *q)
{
    int type = -1;
    unsigned modalities = 0;
    const char *what = text(q, "q", true);
    option(q, "type", rg_cli_option_type, &type);
    option(q, "modality", rg_cli_option_modality, &modalities);
    if (q->failed)
        return rg_serve_error(q->c, q->status, q->why);
    rg_error err;
    rg_error_clear(&err);
    /* find --type --modality: the part of the graph they keep, checked */
    rg_graph *part = NULL;
    rg_filter f = {.types = type >= 0 ? 1u << type : 0, .modalities = modalities};
    if ((f.types || f.modalities) && rg_cli_filter_graph(s->g, &f, NULL, NULL, &part, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    const rg_graph *g = part ? part : s->g;
    size_t *nodes = NULL, n = 0;
    enum MHD_Result sent = rg_query_find(g, what, &nodes, &n, &err) < 0
                               ? send_failure(q, &err, MHD_HTTP_BAD_REQUEST)
                               : send_json(q->c, MHD_HTTP_OK, rg_cli_find_json(g, nodes, n, type));
    free(nodes);
    rg_graph_free(part);
    return sent;
}

static enum MHD_Result api_node(rg_serve *s, ask *q)
{
    size_t node, *links = NULL, n = 0;
    enum MHD_Result sent;
    if (!named(s, q, "name", &node, &sent))
        return sent;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_neighbors(s->g, node, -1, -1, &links, &n, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    sent = send_json(q->c, MHD_HTTP_OK, rg_cli_show_json(s->g, node, links, n));
    free(links);
    return sent;
}

static enum MHD_Result api_neighbors(rg_serve *s, ask *q)
{
    int type = -1, relation = -1;
    option(q, "type", rg_cli_option_type, &type);
    option(q, "relation", rg_cli_option_relation, &relation);
    if (q->failed)
        return rg_serve_error(q->c, q->status, q->why);
    size_t node, *links = NULL, n = 0;
    enum MHD_Result sent;
    if (!named(s, q, "name", &node, &sent))
        return sent;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_neighbors(s->g, node, relation, type, &links, &n, &err) < 0 ||
        (n == 0 && rg_cli_filter_no_neighbors(s->g, node, type, relation, &err) < 0))
        sent = send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    else
        sent = send_json(q->c, MHD_HTTP_OK, rg_cli_neighbors_json(s->g, node, links, n));
    free(links);
    return sent;
}

static enum MHD_Result api_path(rg_serve *s, ask *q)
{
    rg_path_options opts = {.via = -1};
    option(q, "via", rg_cli_path_option_via, &opts.via);
    flag(q, "all", &opts.all);
    count(q, "max-len", &opts.max_len);
    flag(q, "co-mentions", &opts.co_mentions);
    if (q->failed)
        return rg_serve_error(q->c, q->status, q->why);
    size_t from, to;
    enum MHD_Result sent;
    if (!named(s, q, "from", &from, &sent) || !named(s, q, "to", &to, &sent))
        return sent;
    rg_path *paths = NULL;
    size_t n = 0;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_paths(s->g, from, to, &opts, &paths, &n, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    sent = send_json(q->c, MHD_HTTP_OK, rg_cli_paths_json(s->g, from, to, paths, n));
    rg_paths_free(paths, n);
    return sent;
}

static enum MHD_Result api_common(rg_serve *s, ask *q)
{
    size_t a, b, *shared = NULL, n = 0;
    enum MHD_Result sent;
    if (!named(s, q, "a", &a, &sent) || !named(s, q, "b", &b, &sent))
        return sent;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_common(s->g, a, b, &shared, &n, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    sent = send_json(q->c, MHD_HTTP_OK, rg_cli_common_json(s->g, a, b, shared, n));
    free(shared);
    return sent;
}

static enum MHD_Result api_evidence(rg_serve *s, ask *q)
{
    int relation = -1;
    option(q, "relation", rg_cli_option_relation, &relation);
    if (q->failed)
        return rg_serve_error(q->c, q->status, q->why);
    size_t a, b;
    enum MHD_Result sent;
    if (!named(s, q, "a", &a, &sent) || !named(s, q, "b", &b, &sent))
        return sent;
    rg_error err;
    rg_error_clear(&err);
    json_t *o = NULL;
    /* no link between two nodes that exist: nothing there, 404 */
    if (rg_cli_evidence_answer(s->g, a, b, relation, &o, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_NOT_FOUND);
    return send_json(q->c, MHD_HTTP_OK, o);
}

/* Every value of the repeatable exclude, checked, into e->exclude (the
 * caller frees its items; the values are the connection's). */
typedef struct excluded {
    ask *q;
    rg_cli_ego *e;
} excluded;

static enum MHD_Result add_excluded(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                    const char *value, size_t value_size)
{
    (void)kind, (void)key_size;
    excluded *x = cls;
    if (strcmp(key, "exclude") != 0)
        return MHD_YES;
    const char *v = checked(x->q, key, value, value_size);
    char **items = v ? realloc(x->e->exclude.items, (x->e->exclude.len + 1) * sizeof *items) : NULL;
    if (v && !items)
        refuse(x->q, "out of memory");
    if (!items)
        return MHD_NO;
    x->e->exclude.items = items;
    items[x->e->exclude.len++] = (char *)v;
    return MHD_YES;
}

static enum MHD_Result api_ego(rg_serve *s, ask *q)
{
    rg_cli_ego e = {.depth = 2};
    count(q, "depth", &e.depth);
    flag(q, "co-mentions", &e.co_mentions);
    count(q, "max-degree", &e.max_degree);
    excluded x = {q, &e};
    if (!q->failed)
        MHD_get_connection_values_n(q->c, MHD_GET_ARGUMENT_KIND, add_excluded, &x);
    size_t node;
    enum MHD_Result sent;
    if (q->failed) {
        sent = rg_serve_error(q->c, q->status, q->why);
    } else if (named(s, q, "name", &node, &sent)) {
        rg_error err;
        rg_error_clear(&err);
        rg_graph *ego = NULL;
        char *body = NULL;
        size_t len = 0;
        FILE *f = NULL;
        /* an unknown --exclude is a name not found; naming the centre, 400 */
        int rc = rg_cli_ego_walk(s->g, s->names, node, &e, NULL, &ego, NULL, &err);
        if (rc == 0 && !(f = open_memstream(&body, &len)))
            rc = rg_error_nomem(&err);
        if (rc == 0)
            rc = rg_cli_ego_write(ego, f, &err);
        if (f && fclose(f) != 0 && rc == 0)
            rc = rg_error_nomem(&err);
        sent = rc == 0 ? rg_serve_body(q->c, MHD_HTTP_OK, "application/json", body, len)
                       : send_failure(q, &err, MHD_HTTP_NOT_FOUND);
        free(body);
        rg_graph_free(ego);
    }
    free(e.exclude.items);
    return sent;
}

static enum MHD_Result api_rank(rg_serve *s, ask *q)
{
    rg_cli_rank_ask a;
    rg_cli_rank_ask_defaults(&a);
    int by = (int)a.by;
    option(q, "by", rg_cli_option_measure, &by);
    option(q, "view", rg_cli_option_view, &a.view.kind);
    option(q, "type", rg_cli_rank_option_type, &a.type);
    a.country = text(q, "country", false);
    a.doc = text(q, "doc", false);
    option(q, "modality", rg_cli_option_modality, &a.modalities);
    flag(q, "structure", &a.view.structure);
    count(q, "top", &a.top);
    if (q->failed)
        return rg_serve_error(q->c, q->status, q->why);
    a.by = (rg_score)by;
    rg_error err;
    rg_error_clear(&err);
    json_t *o = NULL;
    if (rg_cli_rank_answer(s->g, &a, &o, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    return send_json(q->c, MHD_HTTP_OK, o);
}

static enum MHD_Result api_communities(rg_serve *s, ask *q)
{
    rg_cli_communities_ask a;
    rg_cli_communities_ask_defaults(&a);
    option(q, "method", rg_cli_communities_option_method, &a.method);
    option(q, "view", rg_cli_option_view, &a.view.kind);
    count(q, "seed", &a.seed);
    count(q, "min-size", &a.min_size);
    flag(q, "all", &a.all);
    if (q->failed)
        return rg_serve_error(q->c, q->status, q->why);
    rg_error err;
    rg_error_clear(&err);
    json_t *o = NULL;
    if (rg_cli_communities_answer(s->g, &a, &o, &err) < 0)
        return send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    return send_json(q->c, MHD_HTTP_OK, o);
}

static const endpoint endpoints[] = {
    {"/api/find", "find", {"q", "type", "modality", NULL}, api_find},
    {"/api/node", "show", {"name", NULL}, api_node},
    {"/api/neighbors", "neighbors", {"name", "type", "relation", NULL}, api_neighbors},
    {"/api/path", "path", {"from", "to", "via", "all", "max-len", "co-mentions", NULL}, api_path},
    {"/api/common", "common", {"a", "b", NULL}, api_common},
    {"/api/evidence", "evidence", {"a", "b", "relation", NULL}, api_evidence},
    {"/api/ego", "ego", {"name", "depth", "co-mentions", "exclude", "max-degree", NULL}, api_ego},
    {"/api/rank", "rank", {"by", "view", "type", "country", "doc", "modality", "structure", "top", NULL}, api_rank},
    {"/api/communities", "communities", {"method", "view", "seed", "min-size", "all", NULL}, api_communities},
};

enum MHD_Result rg_serve_api(rg_serve *s, struct MHD_Connection *c, const char *url)
{
    for (size_t i = 0; i < sizeof endpoints / sizeof *endpoints; i++) {
        if (strcmp(url, endpoints[i].path) != 0)
            continue;
        ask q = {.c = c, .e = &endpoints[i]};
        seen given = {.q = &q};
        MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, see_param, &given);
        if (q.failed)
            return rg_serve_error(c, q.status, q.why);
        return endpoints[i].answer(s, &q);
    }
    return rg_serve_error(c, MHD_HTTP_NOT_FOUND,
                          "no such page: try /, /api/find, /api/node, /api/neighbors, /api/path, /api/common, "
                          "/api/evidence, /api/ego, /api/rank, /api/communities");
}
