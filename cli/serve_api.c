/* relgraph serve's answers: the checks every request passes, the page,
 * and the JSON API, where each endpoint is a query command, each
 * parameter the long option of the same name (read by the option's own
 * parser, so that a bad value gets the CLI's message), and each answer
 * what the command prints with --json, from the same builder
 * (cli/answers.h). Nothing here knows HTTP's sockets (cli/serve.h). */
/* fopencookie: an answer's text is written into a buffer that stops growing */
#define _GNU_SOURCE
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/ego_walk.h"
#include "cli/serve.h"
#include "graph/analyze/query.h"
#include "graph/base/budget.h"
#include "graph/base/text.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct ask;

/* An endpoint: its path, the command it answers as (its name in the
 * options' messages), the parameters it takes and its answer. */
typedef struct endpoint {
    const char *path;
    const char *command;
    const char *params[10]; /* NULL-ended */
    void (*answer)(rg_serve *s, struct ask *q);
} endpoint;

/* One request: its parameters, read one by one; the first that is wrong
 * stops the rest and is answered with status and why. */
typedef struct ask {
    const rg_serve_request *r;
    rg_serve_response *out;
    size_t answer_max;
    const endpoint *e;
    bool failed;
    unsigned status;
    char why[600];
} ask;

/* ---- the response ---- */

static void respond(rg_serve_response *out, unsigned status, const char *type, char *owned, const char *body,
                    size_t len)
{
    free(out->owned);
    out->status = status;
    out->type = type;
    out->owned = owned;
    out->body = body;
    out->len = len;
}

static void respond_error(rg_serve_response *out, unsigned status, const char *message);

/* An answer's text, growing up to a bound and within the time limit:
 * what a query writes past either is refused, and said. */
typedef struct capped {
    char *buf;
    size_t len, cap, max;
    bool over, late;
} capped;

static int capped_add(capped *c, const char *data, size_t size)
{
    if (rg_budget_spent()) {
        c->late = true;
        return -1;
    }
    if (size > c->max - c->len) {
        c->over = true;
        return -1;
    }
    if (c->len + size + 1 > c->cap) {
        size_t cap = c->cap ? c->cap : 4096;
        while (cap < c->len + size + 1)
            cap *= 2;
        char *grown = realloc(c->buf, cap);
        if (!grown)
            return -1;
        c->buf = grown;
        c->cap = cap;
    }
    memcpy(c->buf + c->len, data, size);
    c->len += size;
    c->buf[c->len] = '\0';
    return 0;
}

static int dump_chunk(const char *data, size_t size, void *c)
{
    return capped_add(c, data, size);
}

static ssize_t write_chunk(void *c, const char *data, size_t size)
{
    return capped_add(c, data, size) == 0 ? (ssize_t)size : 0;
}

/* The answer to a query that ran past the time limit. */
#define OVER_TIME "the query ran past the time one answer may take (serve --time-limit): ask for less"
#define UNPROCESSABLE 422 /* understood, and refused: more than one answer may take */

/* Send c's text as JSON, or say which bound it ran into (c freed). */
static void respond_capped(ask *q, capped *c, bool ok)
{
    if (ok && !c->over && !c->late) {
        respond(q->out, MHD_HTTP_OK, "application/json", c->buf, c->buf ? c->buf : "", c->len);
        return;
    }
    free(c->buf);
    char why[200];
    snprintf(why, sizeof why,
             "the answer would hold over %zu MB, the most one answer may (serve --answer-limit): ask for less",
             c->max >> 20);
    if (c->over)
        respond_error(q->out, UNPROCESSABLE, why);
    else if (c->late || rg_budget_exhausted())
        respond_error(q->out, UNPROCESSABLE, OVER_TIME);
    else
        respond_error(q->out, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
}

/* The JSON text of o as rg_cli_print_json prints it (o freed). */
static void send_json(ask *q, json_t *o)
{
    capped c = {.max = q->answer_max};
    bool ok = o && json_dump_callback(o, dump_chunk, &c, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) == 0 &&
              capped_add(&c, "\n", 1) == 0;
    json_decref(o);
    respond_capped(q, &c, ok);
}

static void respond_error(rg_serve_response *out, unsigned status, const char *message)
{
    json_t *o = json_object();
    json_t *m = json_string(message);
    json_object_set_new(o, "error", m ? m : json_string("(a message that is not UTF-8)"));
    char *text = json_dumps(o, JSON_INDENT(2));
    json_decref(o);
    size_t len = text ? strlen(text) : 0;
    char *body = text ? realloc(text, len + 2) : NULL;
    if (!body) {
        free(text);
        respond(out, MHD_HTTP_INTERNAL_SERVER_ERROR, "application/json", NULL, "{\"error\": \"out of memory\"}\n", 27);
        return;
    }
    memcpy(body + len, "\n", 2);
    respond(out, status, "application/json", body, body, len + 1);
}

/* An error of a query: past the time limit, 422; what the CLI exits 1
 * for (RG_ERR_INPUT) is input_status (404 for a name, 400 for a filter),
 * a usage error 400, anything else 500. */
static void send_failure(ask *q, const rg_error *err, unsigned input_status)
{
    if (rg_budget_exhausted()) {
        respond_error(q->out, UNPROCESSABLE, OVER_TIME);
        return;
    }
    unsigned status = err->code == RG_ERR_INPUT   ? input_status
                      : err->code == RG_ERR_USAGE ? MHD_HTTP_BAD_REQUEST
                                                  : MHD_HTTP_INTERNAL_SERVER_ERROR;
    respond_error(q->out, status, err->msg);
}

/* The request's refusal, as status and why. */
static void send_refusal(ask *q)
{
    respond_error(q->out, q->status, q->why);
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

/* Whether parameter p is key. */
static bool is_key(const rg_serve_param *p, const char *key)
{
    return p->key_len == strlen(key) && memcmp(p->key, key, p->key_len) == 0;
}

/* The parameters given: each one the endpoint takes, once (exclude may
 * repeat); the first that is not is refused. */
static void check_params(ask *q)
{
    const endpoint *e = q->e;
    unsigned times[10] = {0};
    for (size_t p = 0; p < q->r->n_params && !q->failed; p++) {
        const rg_serve_param *param = &q->r->params[p];
        size_t i = 0;
        while (e->params[i] && !is_key(param, e->params[i]))
            i++;
        if (!e->params[i]) {
            char list[200] = "";
            for (size_t k = 0; e->params[k]; k++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", e->params[k]);
            if (param->key_len > 64 || memchr(param->key, '\0', param->key_len) ||
                rg_utf8_invalid_at(param->key, param->key_len) >= 0)
                refuse(q, "%s takes no such parameter (it takes %s)", e->path, list);
            else
                refuse(q, "%s takes no parameter '%.*s' (it takes %s)", e->path, (int)param->key_len, param->key, list);
        } else if (++times[i] > 1 && strcmp(e->params[i], "exclude") != 0) {
            refuse(q, "parameter '%s' is given more than once", e->params[i]);
        }
    }
}

/* A value as it may enter a query: not overlong, no NUL, UTF-8. */
static const char *checked(ask *q, const char *key, const rg_serve_param *p)
{
    if (!p->value)
        return "";
    if (p->value_len > RG_SERVE_PARAM_MAX)
        refuse(q, "parameter '%s' is too long (over %d bytes)", key, RG_SERVE_PARAM_MAX);
    else if (memchr(p->value, '\0', p->value_len))
        refuse(q, "parameter '%s' holds a NUL byte", key);
    else if (rg_utf8_invalid_at(p->value, p->value_len) >= 0)
        refuse(q, "parameter '%s' is not UTF-8", key);
    else
        return p->value;
    return NULL;
}

/* The value of key (NUL-ended: the caller's strings are), or NULL: absent
 * (refused when required) or wrong. */
static const char *text(ask *q, const char *key, bool required)
{
    if (q->failed)
        return NULL;
    for (size_t p = 0; p < q->r->n_params; p++)
        if (is_key(&q->r->params[p], key))
            return checked(q, key, &q->r->params[p]);
    if (required)
        refuse(q, "parameter '%s' is missing", key);
    return NULL;
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
static bool named(rg_serve *s, ask *q, const char *key, size_t *node)
{
    const char *name = text(q, key, true);
    if (!name) {
        send_refusal(q);
        return false;
    }
    rg_error err;
    rg_error_clear(&err);
    if (rg_names_resolve(s->names, name, node, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_NOT_FOUND);
        return false;
    }
    return true;
}

/* ---- the endpoints ---- */

static void api_find(rg_serve *s, ask *q)
{
    int type = -1;
    unsigned modalities = 0;
    long limit = RG_SERVE_FIND_LIMIT;
    const char *what = text(q, "q", true);
    option(q, "type", rg_cli_option_type, &type);
    option(q, "modality", rg_cli_option_modality, &modalities);
    count(q, "limit", &limit);
    if (limit > RG_SERVE_FIND_LIMIT_MAX)
        refuse(q, "parameter 'limit' is at most %d", RG_SERVE_FIND_LIMIT_MAX);
    if (q->failed) {
        send_refusal(q);
        return;
    }
    rg_error err;
    rg_error_clear(&err);
    /* find --type --modality: the part of the graph they keep, checked */
    rg_graph *part = NULL;
    rg_filter f = {.types = type >= 0 ? 1u << type : 0, .modalities = modalities};
    if ((f.types || f.modalities) && rg_cli_filter_graph(s->g, &f, NULL, NULL, &part, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
        return;
    }
    const rg_graph *g = part ? part : s->g;
    size_t *nodes = NULL, n = 0;
    int rc;
    if (part) /* a part made for this question: searched once */
        rc = rg_query_find(g, what, &nodes, &n, &err);
    else if (!s->find_index && rg_find_index_new(s->g, &s->find_index, &err) < 0)
        rc = -1;
    else
        rc = rg_query_find_indexed(s->find_index, what, &nodes, &n, &err);
    if (rc < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    } else {
        n = rg_cli_find_keep(g, nodes, n, type);
        size_t given = (size_t)limit < n ? (size_t)limit : n;
        if (given < n)
            snprintf(q->out->note, sizeof q->out->note, "%zu nodes match: the first %zu are given (limit=N for more)",
                     n, given);
        send_json(q, rg_cli_find_json(g, nodes, given));
    }
    free(nodes);
    rg_graph_free(part);
}

static void api_node(rg_serve *s, ask *q)
{
    size_t node, *links = NULL, n = 0;
    if (!named(s, q, "name", &node))
        return;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_neighbors(s->g, node, -1, -1, &links, &n, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
        return;
    }
    send_json(q, rg_cli_show_json(s->g, node, links, n));
    free(links);
}

static void api_neighbors(rg_serve *s, ask *q)
{
    int type = -1, relation = -1;
    option(q, "type", rg_cli_option_type, &type);
    option(q, "relation", rg_cli_option_relation, &relation);
    if (q->failed) {
        send_refusal(q);
        return;
    }
    size_t node, *links = NULL, n = 0;
    if (!named(s, q, "name", &node))
        return;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_neighbors(s->g, node, relation, type, &links, &n, &err) < 0 ||
        (n == 0 && rg_cli_filter_no_neighbors(s->g, node, type, relation, &err) < 0))
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
    else
        send_json(q, rg_cli_neighbors_json(s->g, node, links, n));
    free(links);
}

static void api_path(rg_serve *s, ask *q)
{
    rg_path_options opts = {.via = -1};
    option(q, "via", rg_cli_path_option_via, &opts.via);
    flag(q, "all", &opts.all);
    count(q, "max-len", &opts.max_len);
    flag(q, "co-mentions", &opts.co_mentions);
    if (q->failed) {
        send_refusal(q);
        return;
    }
    size_t from, to;
    if (!named(s, q, "from", &from) || !named(s, q, "to", &to))
        return;
    rg_path *paths = NULL;
    size_t n = 0;
    rg_error err;
    rg_error_clear(&err);
    rg_path_index **index = &s->path_index[opts.co_mentions];
    if (!*index && rg_path_index_new(s->g, opts.co_mentions, index, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }
    if (rg_query_paths_indexed(*index, from, to, &opts, &paths, &n, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
        return;
    }
    send_json(q, rg_cli_paths_json(s->g, from, to, paths, n));
    rg_paths_free(paths, n);
}

static void api_common(rg_serve *s, ask *q)
{
    size_t a, b, *shared = NULL, n = 0;
    if (!named(s, q, "a", &a) || !named(s, q, "b", &b))
        return;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_common(s->g, a, b, &shared, &n, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
        return;
    }
    send_json(q, rg_cli_common_json(s->g, a, b, shared, n));
    free(shared);
}

static void api_evidence(rg_serve *s, ask *q)
{
    int relation = -1;
    option(q, "relation", rg_cli_option_relation, &relation);
    if (q->failed) {
        send_refusal(q);
        return;
    }
    size_t a, b;
    if (!named(s, q, "a", &a) || !named(s, q, "b", &b))
        return;
    rg_error err;
    rg_error_clear(&err);
    json_t *o = NULL;
    /* no link between two nodes that exist: nothing there, 404 */
    if (rg_cli_evidence_answer(s->g, a, b, relation, &o, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_NOT_FOUND);
        return;
    }
    send_json(q, o);
}

/* Every value of the repeatable exclude, checked, into e->exclude (the
 * caller frees the list; the values are the request's). */
static void add_excluded(ask *q, rg_cli_ego *e)
{
    for (size_t p = 0; p < q->r->n_params && !q->failed; p++) {
        if (!is_key(&q->r->params[p], "exclude"))
            continue;
        const char *v = checked(q, "exclude", &q->r->params[p]);
        char **items = v ? realloc(e->exclude.items, (e->exclude.len + 1) * sizeof *items) : NULL;
        if (v && !items)
            refuse(q, "out of memory");
        if (!items)
            return;
        e->exclude.items = items;
        items[e->exclude.len++] = (char *)v;
    }
}

/* The ego graph's file, written within the answer's bounds. */
static void send_ego(ask *q, const rg_graph *ego)
{
    capped c = {.max = q->answer_max};
    rg_error err;
    rg_error_clear(&err);
    FILE *f = fopencookie(&c, "w", (cookie_io_functions_t){.write = write_chunk});
    if (!f) {
        respond_error(q->out, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
        return;
    }
    int rc = rg_cli_ego_write(ego, f, &err);
    if (fclose(f) != 0)
        rc = -1;
    respond_capped(q, &c, rc == 0);
}

static void api_ego(rg_serve *s, ask *q)
{
    rg_cli_ego e = {.depth = 2};
    count(q, "depth", &e.depth);
    flag(q, "co-mentions", &e.co_mentions);
    count(q, "max-degree", &e.max_degree);
    add_excluded(q, &e);
    size_t node;
    if (q->failed) {
        send_refusal(q);
    } else if (named(s, q, "name", &node)) {
        rg_error err;
        rg_error_clear(&err);
        rg_graph *ego = NULL;
        /* an unknown --exclude is a name not found; naming the centre, 400 */
        if (rg_cli_ego_walk(s->g, s->names, node, &e, NULL, &ego, NULL, &err) < 0)
            send_failure(q, &err, MHD_HTTP_NOT_FOUND);
        else
            send_ego(q, ego);
        rg_graph_free(ego);
    }
    free(e.exclude.items);
}

static void api_rank(rg_serve *s, ask *q)
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
    if (q->failed) {
        send_refusal(q);
        return;
    }
    a.by = (rg_score)by;
    rg_error err;
    rg_error_clear(&err);
    json_t *o = NULL;
    if (rg_cli_rank_answer(s->g, &a, &o, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
        return;
    }
    send_json(q, o);
}

static void api_communities(rg_serve *s, ask *q)
{
    rg_cli_communities_ask a;
    rg_cli_communities_ask_defaults(&a);
    option(q, "method", rg_cli_communities_option_method, &a.method);
    option(q, "view", rg_cli_option_view, &a.view.kind);
    count(q, "seed", &a.seed);
    count(q, "min-size", &a.min_size);
    flag(q, "all", &a.all);
    if (q->failed) {
        send_refusal(q);
        return;
    }
    rg_error err;
    rg_error_clear(&err);
    json_t *o = NULL;
    if (rg_cli_communities_answer(s->g, &a, &o, &err) < 0) {
        send_failure(q, &err, MHD_HTTP_BAD_REQUEST);
        return;
    }
    send_json(q, o);
}

static const endpoint endpoints[] = {
    {"/api/find", "find", {"q", "type", "modality", "limit", NULL}, api_find},
    {"/api/node", "show", {"name", NULL}, api_node},
    {"/api/neighbors", "neighbors", {"name", "type", "relation", NULL}, api_neighbors},
    {"/api/path", "path", {"from", "to", "via", "all", "max-len", "co-mentions", NULL}, api_path},
    {"/api/common", "common", {"a", "b", NULL}, api_common},
    {"/api/evidence", "evidence", {"a", "b", "relation", NULL}, api_evidence},
    {"/api/ego", "ego", {"name", "depth", "co-mentions", "exclude", "max-degree", NULL}, api_ego},
    {"/api/rank", "rank", {"by", "view", "type", "country", "doc", "modality", "structure", "top", NULL}, api_rank},
    {"/api/communities", "communities", {"method", "view", "seed", "min-size", "all", NULL}, api_communities},
};

/* ---- every request ---- */

/* The address of an IPv4 or IPv6 literal, into a (16 bytes); its family,
 * or 0 when name is neither. */
static int address_of(const char *name, unsigned char *a)
{
    if (inet_pton(AF_INET, name, a) == 1)
        return AF_INET;
    if (inet_pton(AF_INET6, name, a) == 1)
        return AF_INET6;
    return 0;
}

/* Whether the Host header names this server: localhost, 127.0.0.1, [::1]
 * or the bound address (an IPv6 one in brackets, in any spelling), with
 * any port; a page of another site that a DNS name now resolving to
 * loopback would let in is refused. */
static bool host_allowed(const rg_serve *s, const char *host)
{
    char name[256];
    size_t len;
    if (!host)
        return false;
    bool bracketed = host[0] == '[';
    if (bracketed) { /* [v6]:port */
        const char *close = strchr(host, ']');
        if (!close || (close[1] && close[1] != ':'))
            return false;
        host++;
        len = (size_t)(close - host);
    } else {
        len = strcspn(host, ":");
    }
    if (len >= sizeof name)
        return false;
    memcpy(name, host, len);
    name[len] = '\0';
    if (rg_strcasecmp(name, "localhost") == 0)
        return true;
    unsigned char a[16] = {0}, b[16] = {0};
    int family = address_of(name, a);
    if ((family == AF_INET6) != bracketed) /* an IPv6 literal in brackets, nothing else */
        return false;
    static const unsigned char loop4[4] = {127, 0, 0, 1}, loop6[16] = {[15] = 1};
    if ((family == AF_INET && memcmp(a, loop4, 4) == 0) || (family == AF_INET6 && memcmp(a, loop6, 16) == 0))
        return true;
    return family != 0 && s->bind && address_of(s->bind, b) == family && memcmp(a, b, family == AF_INET ? 4 : 16) == 0;
}

/* Whether the request fails a check every request must pass (then
 * answered). */
static bool refused(const rg_serve *s, const rg_serve_request *r, rg_serve_response *out)
{
    if (!r->method || (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0))
        respond_error(out, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are answered");
    else if (!host_allowed(s, r->host))
        respond_error(out, MHD_HTTP_FORBIDDEN, "this server answers requests for localhost only");
    else if (r->url_len > RG_SERVE_URL_MAX)
        respond_error(out, MHD_HTTP_URI_TOO_LONG, "the URL is too long");
    else if (r->params_given > RG_SERVE_PARAMS_MAX || r->n_params > RG_SERVE_PARAMS_MAX)
        respond_error(out, MHD_HTTP_BAD_REQUEST, "too many parameters");
    else
        return false;
    return true;
}

void rg_serve_answer(rg_serve *s, const rg_serve_request *r, rg_serve_response *out)
{
    memset(out, 0, sizeof *out);
    if (refused(s, r, out))
        return;
    const char *path = r->path ? r->path : "";
    if (strcmp(path, "/") == 0 || strcmp(path, "/explore.html") == 0) {
        respond(out, MHD_HTTP_OK, "text/html; charset=utf-8", NULL, s->page ? s->page : "", s->page_len);
        return;
    }
    for (size_t i = 0; i < sizeof endpoints / sizeof *endpoints; i++) {
        if (strcmp(path, endpoints[i].path) != 0)
            continue;
        ask q = {.r = r, .out = out, .answer_max = s->answer_max, .e = &endpoints[i]};
        check_params(&q);
        if (q.failed) {
            send_refusal(&q);
            return;
        }
        rg_budget_start(s->seconds_max);
        endpoints[i].answer(s, &q);
        rg_budget_start(0);
        return;
    }
    respond_error(out, MHD_HTTP_NOT_FOUND,
                  "no such page: try /, /api/find, /api/node, /api/neighbors, /api/path, /api/common, "
                  "/api/evidence, /api/ego, /api/rank, /api/communities");
}

void rg_serve_response_destroy(rg_serve_response *out)
{
    free(out->owned);
    out->owned = NULL;
}
