/* The two JSON formats of other tools, written with jansson: JSON Graph
 * Format v2 (nodes keyed by id, edges with metadata) and Cytoscape JSON,
 * the .cyjs of Cytoscape desktop that Cytoscape.js and NetworkX's
 * cytoscape_graph read too: the network's attributes in a top-level
 * "data", the nodes and edges in "elements", every attribute of one in its
 * "data". */
#include "config.h"
#include "export/attrs.h"
#include "export/export.h"
#include "export/json.h"
#include "graph/base/text.h"

#include <jansson.h>
#include <stdlib.h>

/* Every attribute of a node (but its label when skip_label) into o. */
static int node_data(const rg_node *n, json_t *o, bool skip_label)
{
    rg_buf s;
    rg_buf_init(&s);
    for (size_t k = 0; k < rg_node_attr_count(); k++) {
        rg_attr_def def = rg_node_attr_def(k);
        double d = 0;
        rg_buf_reset(&s);
        if ((skip_label && k == 0) || !rg_node_attr(n, k, &s, &d))
            continue;
        json_t *v = def.type == RG_ATTR_STRING ? json_string(s.data ? s.data : "")
                    : def.type == RG_ATTR_INT  ? json_integer((json_int_t)d)
                    : def.type == RG_ATTR_BOOL ? json_boolean(d != 0)
                                               : json_real(d);
        json_object_set_new(o, def.name, v);
    }
    /* lists stay lists in JSON */
    json_t *aliases = json_array(), *docs = json_array();
    for (size_t i = 0; i < n->aliases.len; i++)
        json_array_append_new(aliases, json_string(n->aliases.items[i]));
    for (size_t i = 0; i < n->docs.len; i++)
        json_array_append_new(docs, json_string(n->docs.items[i]));
    if (rg_type_is_entity(n->type))
        json_object_set_new(o, "aliases", aliases);
    else
        json_decref(aliases);
    json_object_set_new(o, "docs", docs);
    int rc = s.failed ? -1 : 0;
    rg_buf_destroy(&s);
    return rc;
}

static json_t *documents(const rg_graph *g)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < g->n_docs; i++) {
        json_t *d = json_object();
        json_object_set_new(d, "id", json_string(g->docs[i].id));
        json_object_set_new(d, "path", json_string(g->docs[i].path));
        json_object_set_new(d, "title", json_string(g->docs[i].title));
        /* as in the graph file: only when known */
        if (g->docs[i].date)
            json_object_set_new(d, "date", json_string(g->docs[i].date));
        json_array_append_new(a, d);
    }
    return a;
}

/* Write root, and free it; complete is false when building it ran out of
 * memory. */
static int dump(json_t *root, bool complete, FILE *out, rg_error *err, const char *what)
{
    if (!root || !complete) {
        json_decref(root);
        return rg_error_nomem(err);
    }
    int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_REAL_PRECISION(10)) == 0 && fputc('\n', out) != EOF ? 0 : -1;
    json_decref(root);
    return rc < 0 ? rg_error_set(err, RG_ERR_IO, NULL, 0, "cannot write %s", what) : 0;
}

/* One node: JGF keys it by id, with its label and its attributes as
 * metadata; Cytoscape gives every attribute in "data", first its id, the
 * "value" NetworkX keys the node by (the id again) and the "name"
 * Cytoscape desktop shows (its label). */
static int add_node(json_t *nodes, const rg_graph *g, const rg_node *n, bool jgf)
{
    json_t *o = json_object(), *data = json_object();
    if (jgf) {
        json_object_set_new(o, "label", json_string(n->label));
    } else {
        json_object_set_new(data, "id", json_string(n->id));
        json_object_set_new(data, "value", json_string(n->id));
        json_object_set_new(data, "name", json_string(n->label));
    }
    int rc = node_data(n, data, jgf);
    /* a report carries its document's date, as in the graph file (absent
     * when unknown) */
    const char *date = n->type == RG_TYPE_REPORT ? rg_graph_document_date(g, n->id) : NULL;
    if (date)
        json_object_set_new(data, "date", json_string(date));
    json_object_set_new(o, jgf ? "metadata" : "data", data);
    if (jgf)
        json_object_set_new(nodes, n->id, o);
    else
        json_array_append_new(nodes, o);
    return rc;
}

/* Every piece of evidence of l as "doc:line: text" (rg_evidence_line), a list of strings as
 * Cytoscape desktop makes a list column of (it has none for objects). */
static json_t *evidence_lines(const rg_link *l)
{
    json_t *a = json_array();
    rg_buf b;
    rg_buf_init(&b);
    for (size_t i = 0; a && i < l->n_evidence; i++) {
        rg_buf_reset(&b);
        rg_evidence_line(&b, &l->evidence[i]);
        json_array_append_new(a, json_string(b.failed || !b.data ? "" : b.data));
    }
    rg_buf_destroy(&b);
    return a;
}

/* The i-th link in writing order: its id, ends and relation (JGF adds
 * "directed", Cytoscape the same relation as "interaction", its column
 * for edge types), then its key, weight, inferred (when it is) and
 * evidence, which JGF puts in metadata as objects and Cytoscape beside the
 * others in "data" as lines. */
static void add_link(json_t *edges, const rg_graph *g, const rg_link *l, size_t i, long key, bool jgf)
{
    char id[32];
    snprintf(id, sizeof id, "e%zu", i);
    json_t *e = json_object(), *facts = jgf ? json_object() : e;
    json_object_set_new(e, "id", json_string(id));
    json_object_set_new(e, "source", json_string(g->nodes[l->source].id));
    json_object_set_new(e, "target", json_string(g->nodes[l->target].id));
    json_object_set_new(e, "relation", json_string(rg_relation_name(l->relation)));
    if (jgf)
        json_object_set_new(e, "directed", json_true());
    else
        json_object_set_new(e, "interaction", json_string(rg_relation_name(l->relation)));
    json_object_set_new(facts, "key", json_integer(key));
    json_object_set_new(facts, "weight", json_real(l->weight));
    /* as in the graph file: only when true */
    if (l->inferred)
        json_object_set_new(facts, "inferred", json_true());
    if (!jgf)
        json_object_set_new(facts, "evidence_count", json_integer((json_int_t)l->n_evidence));
    json_object_set_new(facts, "evidence", jgf ? rg_json_evidence(l) : evidence_lines(l));
    json_t *el = jgf ? e : json_object();
    json_object_set_new(el, jgf ? "metadata" : "data", facts);
    json_array_append_new(edges, el);
}

/* The nodes (an object by id for JGF, an array for Cytoscape.js) and the
 * edges of g in writing order. -1 when out of memory. */
static int elements(const rg_graph *g, bool jgf, json_t **nodes, json_t **edges)
{
    size_t *order_nodes, *order_links;
    long *keys;
    *nodes = *edges = NULL;
    if (rg_export_order(g, &order_nodes, &order_links, &keys) < 0)
        return -1;
    *nodes = jgf ? json_object() : json_array();
    *edges = json_array();
    int rc = 0;
    for (size_t i = 0; i < g->n_nodes && rc == 0; i++)
        rc = add_node(*nodes, g, &g->nodes[order_nodes[i]], jgf);
    for (size_t i = 0; i < g->n_links && rc == 0; i++)
        add_link(*edges, g, &g->links[order_links[i]], i, keys[i], jgf);
    free(order_nodes);
    free(order_links);
    free(keys);
    return rc;
}

int rg_jgf_write(const rg_graph *g, FILE *out, rg_error *err)
{
    json_t *jn, *je;
    int rc = elements(g, true, &jn, &je);
    json_t *graph = json_object(), *meta = json_object(), *root = json_object();
    json_object_set_new(graph, "id", json_string("relgraph"));
    json_object_set_new(graph, "type", json_string("relgraph"));
    json_object_set_new(graph, "label", json_string("relationships named in policy reports"));
    json_object_set_new(graph, "directed", json_true());
    json_object_set_new(meta, "generator", json_string("relgraph " RG_VERSION));
    json_object_set_new(meta, "documents", documents(g));
    json_object_set_new(graph, "metadata", meta);
    json_object_set_new(graph, "nodes", jn);
    json_object_set_new(graph, "edges", je);
    json_object_set_new(root, "graph", graph);
    return dump(root, rc == 0, out, err, "JSON Graph Format");
}

/* The network's own attributes, Cytoscape's top-level "data": its name,
 * what made it and the reports it was built from (their ids). */
static json_t *network_data(const rg_graph *g)
{
    json_t *d = json_object(), *docs = json_array();
    for (size_t i = 0; i < g->n_docs; i++)
        json_array_append_new(docs, json_string(g->docs[i].id));
    json_object_set_new(d, "name", json_string("relgraph"));
    json_object_set_new(d, "description", json_string("relationships named in policy reports"));
    json_object_set_new(d, "generator", json_string("relgraph " RG_VERSION));
    json_object_set_new(d, "documents", docs);
    return d;
}

int rg_cytoscape_write(const rg_graph *g, FILE *out, rg_error *err)
{
    json_t *jn, *je;
    int rc = elements(g, false, &jn, &je);
    json_t *all = json_object(), *root = json_object();
    json_object_set_new(all, "nodes", jn);
    json_object_set_new(all, "edges", je);
    /* as Cytoscape desktop writes .cyjs */
    json_object_set_new(root, "format_version", json_string("1.0"));
    json_object_set_new(root, "generated_by", json_string("relgraph " RG_VERSION));
    json_object_set_new(root, "target_cytoscapejs_version", json_string("~2.1"));
    json_object_set_new(root, "data", network_data(g));
    /* what NetworkX's cytoscape_graph makes of it: a MultiDiGraph keyed
     * by "key" */
    json_object_set_new(root, "directed", json_true());
    json_object_set_new(root, "multigraph", json_true());
    json_object_set_new(root, "elements", all);
    return dump(root, rc == 0, out, err, "Cytoscape JSON");
}
