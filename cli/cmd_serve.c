/* relgraph serve: the explorer and a read-only JSON API over HTTP (GNU
 * libmicrohttpd), answering as the CLI's --json does (cli/answers.h). */
#include "cli/answers.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "export/explore.h"
#include "graph/analyze/query.h"
#include "graph/base/text.h"
#include "graph/rules/catalog.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rg_options_usage usage = {"serve", 22, false,
    "usage: relgraph serve [-g graph.json] [--port N] [--bind ADDRESS] [FILE|DIR ...]\n\n"
    "Serve the explorer (the page `relgraph explore` writes, kept in memory) at\n"
    "http://ADDRESS:PORT/ and a read-only JSON API whose answers are, byte for\n"
    "byte, what the same query prints with --json:\n"
    "  /api/find?q=TEXT            find TEXT --json\n"
    "  /api/node?name=NAME         show NAME --json\n"
    "  /api/neighbors?name=NAME    neighbors NAME --json\n"
    "  /api/path?from=A&to=B       path A B --json\n"
    "The address to open is printed on stdout; Ctrl-C (SIGINT) or SIGTERM stops\n"
    "the server. Only GET and HEAD are answered (else 405); a request whose Host\n"
    "is not localhost, 127.0.0.1 or the bound address is refused (403: no DNS\n"
    "rebinding); an unknown path is 404, an unknown name 404 with the CLI's\n"
    "message, a missing, repeated, overlong or non-UTF-8 parameter 400, an\n"
    "overlong URL 414; every error is a JSON object {\"error\": ...}. Nothing is\n"
    "read from disk after the start: the page is compiled into relgraph.\n\n"};

/* Bounds on what one request may ask. */
#define SERVE_URL_MAX 2048
#define SERVE_PARAM_MAX 512
#define SERVE_PARAMS_MAX 8
#define SERVE_CONNECTIONS_MAX 64
#define SERVE_TIMEOUT_SECONDS 10

typedef struct server {
    rg_graph *g;
    rg_names *names;
    char *page;
    size_t page_len;
    const char *bind;
} server;

static enum MHD_Result send_body(struct MHD_Connection *c, unsigned status, const char *type, const char *body,
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
        return send_body(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "application/json", "{\"error\": \"out of memory\"}\n",
                         27);
    size_t len = strlen(text);
    char *body = realloc(text, len + 2);
    if (!body) {
        free(text);
        return MHD_NO;
    }
    memcpy(body + len, "\n", 2);
    enum MHD_Result ok = send_body(c, status, "application/json", body, len + 1);
    free(body);
    return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *message)
{
    json_t *o = json_object();
    json_t *m = json_string(message);
    json_object_set_new(o, "error", m ? m : json_string("(a message that is not UTF-8)"));
    return send_json(c, status, o);
}

/* rg_error of a query to the HTTP status it is: an unknown name is 404. */
static enum MHD_Result send_query_error(struct MHD_Connection *c, const rg_error *err)
{
    return send_error(c, err->code == RG_ERR_INPUT ? MHD_HTTP_NOT_FOUND : MHD_HTTP_INTERNAL_SERVER_ERROR,
                      err->msg);
}

typedef struct param_count {
    size_t n;
} param_count;

static enum MHD_Result count_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind, (void)key, (void)value;
    ((param_count *)cls)->n++;
    return MHD_YES;
}

/* The value of parameter key, checked: present, not overlong, UTF-8.
 * NULL with *why set when it is not. */
static const char *param(struct MHD_Connection *c, const char *key, const char **why)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, key);
    if (!v)
        *why = "a parameter is missing";
    else if (strlen(v) > SERVE_PARAM_MAX)
        *why = "a parameter is too long";
    else if (rg_utf8_invalid_at(v, strlen(v)) >= 0)
        *why = "a parameter is not UTF-8";
    else
        return v;
    return NULL;
}

/* The node a parameter names, or an error sent (return -1, *sent set). */
static int named_node(server *s, struct MHD_Connection *c, const char *key, size_t *node, enum MHD_Result *sent)
{
    const char *why = NULL, *name = param(c, key, &why);
    if (!name) {
        *sent = send_error(c, MHD_HTTP_BAD_REQUEST, why);
        return -1;
    }
    rg_error err;
    rg_error_clear(&err);
    if (rg_names_resolve(s->names, name, node, &err) < 0) {
        *sent = send_query_error(c, &err);
        return -1;
    }
    return 0;
}

static enum MHD_Result api_find(server *s, struct MHD_Connection *c)
{
    const char *why = NULL, *text = param(c, "q", &why);
    if (!text)
        return send_error(c, MHD_HTTP_BAD_REQUEST, why);
    size_t *nodes = NULL, n = 0;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_find(s->g, text, &nodes, &n, &err) < 0)
        return send_query_error(c, &err);
    enum MHD_Result ok = send_json(c, MHD_HTTP_OK, rg_cli_find_json(s->g, nodes, n, -1));
    free(nodes);
    return ok;
}

/* node (show) and neighbors: a node's links, answered by json. */
static enum MHD_Result api_links(server *s, struct MHD_Connection *c,
                                 json_t *(*json)(const rg_graph *, size_t, const size_t *, size_t))
{
    size_t node, *links = NULL, n = 0;
    enum MHD_Result sent;
    if (named_node(s, c, "name", &node, &sent) < 0)
        return sent;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_neighbors(s->g, node, -1, -1, &links, &n, &err) < 0)
        return send_query_error(c, &err);
    enum MHD_Result ok = send_json(c, MHD_HTTP_OK, json(s->g, node, links, n));
    free(links);
    return ok;
}

static enum MHD_Result api_path(server *s, struct MHD_Connection *c)
{
    size_t from, to;
    enum MHD_Result sent;
    if (named_node(s, c, "from", &from, &sent) < 0 || named_node(s, c, "to", &to, &sent) < 0)
        return sent;
    rg_path_options opts = {.via = -1};
    rg_path *paths = NULL;
    size_t n = 0;
    rg_error err;
    rg_error_clear(&err);
    if (rg_query_paths(s->g, from, to, &opts, &paths, &n, &err) < 0)
        return send_query_error(c, &err);
    enum MHD_Result ok = send_json(c, MHD_HTTP_OK, rg_cli_paths_json(s->g, from, to, paths, n));
    rg_paths_free(paths, n);
    return ok;
}

/* Whether the Host header names this server: localhost, 127.0.0.1 or the
 * bound address, with any port; a page of another site that a DNS name
 * now resolving to 127.0.0.1 would let in is refused. */
static bool host_allowed(const server *s, const char *host)
{
    char name[256];
    size_t len = host ? strcspn(host, ":") : 0;
    /* none, too long, or an IPv6 literal: none of ours */
    if (!host || len >= sizeof name || host[0] == '[')
        return false;
    memcpy(name, host, len);
    name[len] = '\0';
    const char *ok[] = {"localhost", "127.0.0.1", s->bind};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (rg_strcasecmp(name, ok[i]) == 0)
            return true;
    return false;
}

/* Whether the request passes the checks every request must. */
static bool request_refused(server *s, struct MHD_Connection *c, const char *url, const char *method,
                            enum MHD_Result *sent)
{
    param_count count = {0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, count_param, &count);
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        *sent = send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are answered");
    else if (!host_allowed(s, MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
        *sent = send_error(c, MHD_HTTP_FORBIDDEN, "this server answers requests for localhost only");
    else if (strlen(url) > SERVE_URL_MAX)
        *sent = send_error(c, MHD_HTTP_URI_TOO_LONG, "the URL is too long");
    else if (count.n > SERVE_PARAMS_MAX)
        *sent = send_error(c, MHD_HTTP_BAD_REQUEST, "too many parameters");
    else
        return false;
    return true;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)version, (void)upload, (void)state;
    server *s = cls;
    enum MHD_Result sent;
    *upload_size = 0; /* a body is not read */
    if (request_refused(s, c, url, method, &sent))
        return sent;
    if (strcmp(url, "/") == 0 || strcmp(url, "/explore.html") == 0)
        return send_body(c, MHD_HTTP_OK, "text/html; charset=utf-8", s->page, s->page_len);
    if (strcmp(url, "/api/find") == 0)
        return api_find(s, c);
    if (strcmp(url, "/api/node") == 0)
        return api_links(s, c, rg_cli_show_json);
    if (strcmp(url, "/api/neighbors") == 0)
        return api_links(s, c, rg_cli_neighbors_json);
    if (strcmp(url, "/api/path") == 0)
        return api_path(s, c);
    return send_error(c, MHD_HTTP_NOT_FOUND, "no such page: try /, /api/find, /api/node, /api/neighbors, /api/path");
}

/* The explorer page, written once into memory. */
static int make_page(server *s, rg_error *err)
{
    FILE *f = open_memstream(&s->page, &s->page_len);
    if (!f)
        return rg_error_nomem(err);
    rg_catalog *cat = rg_cli_catalog();
    rg_explore_options opts = {.size_by = RG_SCORE_PAGERANK, .catalog = cat};
    int rc = rg_explore_write(s->g, f, &opts, err);
    if (fclose(f) != 0 && rc == 0)
        rc = rg_error_nomem(err);
    rg_catalog_free(cat);
    return rc;
}

static int parse_port(const char *arg, unsigned short *port)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (!*arg || *end || v < 0 || v > 65535)
        return rg_options_fail("serve", "--port takes a number from 0 to 65535 (0: a free one), not '%s'", arg);
    *port = (unsigned short)v;
    return 0;
}

/* Serve until SIGINT or SIGTERM, which the caller has blocked. */
static int run(server *s, struct sockaddr_in *addr)
{
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD, ntohs(addr->sin_port), NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)addr, MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONNECTIONS_MAX,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT_SECONDS, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)(16 * 1024), MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "relgraph: error: cannot serve on %s port %u (in use, or not an address of this machine)\n",
                s->bind, ntohs(addr->sin_port));
        return RG_ERR_IO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("http://%s:%u/\n", s->bind, info ? info->port : ntohs(addr->sin_port));
    fflush(stdout);
    rg_cli_note("serving the explorer and /api/{find,node,neighbors,path} (Ctrl-C stops)");
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    int sig = 0;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    rg_cli_note("stopped (%s)", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    const char *graph_file = NULL, *port_arg = "8080";
    server s = {.bind = "127.0.0.1"};
    const rg_option options[] = {
        RG_OPT_GRAPH(&graph_file),
        RG_OPT_STRING(0, "port", &port_arg, "N", "the port (default: 8080; 0: a free one, printed)"),
        RG_OPT_STRING(0, "bind", &s.bind, "ADDRESS", "the IPv4 address to listen on (default: 127.0.0.1,\n"
                                                      "this machine only)"),
        RG_OPT_END,
    };
    int done = rg_options_parse(&usage, options, argc, argv);
    if (done >= 0)
        return done;
    struct sockaddr_in addr = {.sin_family = AF_INET};
    unsigned short port;
    if (parse_port(port_arg, &port) != 0)
        return RG_ERR_USAGE;
    if (inet_pton(AF_INET, s.bind, &addr.sin_addr) != 1)
        return rg_options_fail("serve", "--bind takes an IPv4 address (127.0.0.1, 0.0.0.0), not '%s'", s.bind);
    addr.sin_port = htons(port);
    rg_error err;
    rg_error_clear(&err);
    int rc = rg_cli_graph_names(graph_file, argv + optind, argc - optind, &s.g, &s.names, &err);
    if (rc == 0)
        rc = make_page(&s, &err);
    int status = rc == 0 ? 0 : rg_cli_fail(&err);
    if (status == 0) {
        /* blocked here, before the server's thread starts, so that it
         * inherits the mask and sigwait alone takes them */
        sigset_t stop;
        sigemptyset(&stop);
        sigaddset(&stop, SIGINT);
        sigaddset(&stop, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop, NULL);
        status = run(&s, &addr);
    }
    free(s.page);
    rg_names_free(s.names);
    rg_graph_free(s.g);
    return status;
}
