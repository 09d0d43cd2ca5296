/* relgraph explorer: draws the graph relgraph laid out (positions come
 * with the data; Cytoscape.js draws them as they are, the "preset"
 * layout) and lets a reader find, filter, follow paths and read the
 * evidence. Queries (names, find, path) are answered here as the CLI
 * answers them: the same nodes, the same paths, in the same order.
 * Text from the documents is only ever inserted with textContent or as
 * attribute values through setAttribute, never as markup; in the drawing
 * it is canvas text. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('rg-data').textContent);
  var nodes = data.nodes, links = data.links;

  /* shapes and colours as in relgraph's diagrams (export/dot.c) */
  var TYPES = {
    actor: { fill: '#a6cee3', shape: 'ellipse', name: 'actors' },
    agency: { fill: '#fdbf6f', shape: 'round-rectangle', name: 'agencies' },
    program: { fill: '#b2df8a', shape: 'hexagon', name: 'programs' },
    recommendation: { fill: '#f0f0f0', shape: 'rectangle', name: 'recommendations' }
  };
  /* the order of relgraph's node types (find lists by it) */
  var TYPE_ORDER = { actor: 0, agency: 1, program: 2, recommendation: 3, report: 4 };
  var RELATIONS = {
    leads: '#b2182b', partners: '#2166ac', targets: '#e08214', concerns: '#1b7837',
    part_of: '#555555', member_of: '#8c510a', co_mentioned: '#cccccc'
  };
  /* relations that explain a connection, best first (graph/analyze/query.c) */
  var RELATION_RANK = { leads: 0, partners: 1, targets: 2, concerns: 3, part_of: 4, member_of: 5, co_mentioned: 6 };
  /* colours of the largest communities (ColorBrewer Set3 and Paired);
   * the rest, and nodes in none, grey */
  var COMMUNITY_COLOURS = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69',
    '#fccde5', '#bc80bd', '#ccebc5', '#ffed6f', '#1f78b4', '#33a02c', '#e31a1c', '#ff7f00', '#6a3d9a'];
  var NO_COMMUNITY = '#e0e0e0';
  /* co-mentions are many and loose: hidden until asked for */
  var HIDDEN_AT_FIRST = { co_mentioned: true };
  var LABELLED = 30; /* the most central entities carry their label */
  var NONE = '(none)';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function nameOf(n) { return n.type === 'recommendation' ? n.id : n.label; }
  /* a link's evidence as relgraph's JSON gives it: the page cites each
   * document and sentence by its number in a table, written once */
  function evidenceOf(l) {
    return (l.evidence || []).map(function (e) {
      var o = { doc: data.evidence_docs[e[0]], line: e[1] };
      if (e.length > 3) { o.page = e[3]; o.page_line = e[4]; }
      o.text = data.sentences[e[2]];
      return o;
    });
  }

  /* The page `relgraph serve` serves has the links without their
   * evidence (on a big graph most of the page): the panels ask the
   * server for it, /api/node for a node's and /api/evidence for a
   * link's, and show it as the inline evidence is shown. */
  var onDemand = !!data.evidence_on_demand;
  function api(endpoint, params) {
    var q = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
    return fetch('api/' + endpoint + '?' + q, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (o) {
        if (!r.ok) throw new Error(o && o.error ? o.error : 'the server answered ' + r.status);
        return o;
      });
    });
  }
  /* the evidence of link k: its own, or /api/evidence's for its ends and
   * relation (a promise either way) */
  function linkEvidence(k) {
    var l = links[k];
    if (!onDemand) return Promise.resolve(evidenceOf(l));
    var s = nodes[l.s].id, t = nodes[l.t].id;
    return api('evidence', { a: s, b: t, relation: l.rel }).then(function (o) {
      var found = (o.links || []).filter(function (x) { return x.source === s && x.target === t; })[0];
      return found ? found.evidence : [];
    });
  }
  /* the evidence of the links of node i whose other end is a
   * recommendation, by link: its own, or /api/node's (a promise) */
  function roleEvidence(i) {
    if (!onDemand) {
      var own = Object.create(null);
      incident[i].forEach(function (k) { own[k] = evidenceOf(links[k]); });
      return Promise.resolve(own);
    }
    return api('node', { name: nodes[i].id }).then(function (o) {
      var byEnd = Object.create(null), out = Object.create(null);
      (o.links || []).forEach(function (x) {
        byEnd[x.relation + ' ' + x.direction + ' ' + x.node] = x.evidence;
      });
      incident[i].forEach(function (k) {
        var l = links[k], other = l.s === i ? l.t : l.s;
        out[k] = byEnd[l.rel + ' ' + (l.s === i ? 'out' : 'in') + ' ' + nodes[other].id] || [];
      });
      return out;
    });
  }

  /* the links of each node, both directions */
  var incident = nodes.map(function () { return []; });
  links.forEach(function (l, i) {
    incident[l.s].push(i);
    if (l.t !== l.s) incident[l.t].push(i);
  });

  /* ---- the answers of the CLI, computed here ---- */

  /* rg_normalize_name (graph/base/text.c): ASCII case folded, typographic
   * quotes, dashes and spaces as ASCII, runs of space as one, no trailing
   * space, no leading "the " */
  var ASCII_FOR = {};
  [[[0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC], "'"],
   [[0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB], '"'],
   [[0x2010, 0x2011, 0x2012, 0x2013, 0x2212], '-'], [[0x2014, 0x2015], '--'], [[0x2026], '...'],
   [[0x00A0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000], ' '],
   [[0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x21A9, 0xFE0E, 0xFE0F], '']
  ].forEach(function (row) { row[0].forEach(function (cp) { ASCII_FOR[cp] = row[1]; }); });
  function normalizeName(s) {
    /* ASCII, most names: the same by regular expressions, without the
     * walk per character (tens of thousands of names at load) */
    if (!/[^\x00-\x7f]/.test(s)) {
      var t = lowerAscii(s.replace(/[ \t\n]+/g, ' ').replace(/^ | $/g, ''));
      return t.slice(0, 4) === 'the ' ? t.slice(4) : t;
    }
    var out = '', space = true;
    for (var i = 0; i < s.length; i++) {
      var cp = s.codePointAt(i), ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      var a = cp >= 0x80 ? ASCII_FOR[cp] : ch;
      if (a === undefined) { out += ch; space = false; continue; }
      for (var k = 0; k < a.length; k++) {
        var c = a[k];
        if (c === ' ' || c === '\t' || c === '\n') {
          if (!space) out += ' ';
          space = true;
          continue;
        }
        out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
        space = false;
      }
    }
    out = out.replace(/ +$/, '');
    return out.slice(0, 4) === 'the ' ? out.slice(4) : out;
  }
  function lowerAscii(s) { return s.replace(/[A-Z]+/g, function (m) { return m.toLowerCase(); }); }
  function compareBytes(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* every node relgraph resolves names to: the page's nodes, then the
   * reports (not drawn) */
  var all = nodes.map(function (n, i) { return { n: n, i: i }; });
  (data.reports || []).forEach(function (r) {
    all.push({ n: { id: r.id, label: r.label, type: 'report', aliases: r.aliases, names: [] }, i: -1 });
  });
  var byId = Object.create(null);
  all.forEach(function (x, k) { byId[x.n.id] = k; });
  /* rg_names (graph/analyze/query.c): normalized id, label (not of a
   * recommendation), aliases and catalog names → who is known by them */
  var forms = Object.create(null);
  function addForm(text, k, label) {
    var key = normalizeName(text);
    var list = forms[key] || (forms[key] = []);
    for (var j = 0; j < list.length; j++)
      if (list[j].k === k) { list[j].label = list[j].label || label; return; }
    list.push({ k: k, label: label });
  }
  all.forEach(function (x, k) {
    addForm(x.n.id, k, true);
    if (x.n.type !== 'recommendation') addForm(x.n.label, k, true);
    (x.n.aliases || []).forEach(function (a) { addForm(a, k, false); });
    (x.n.names || []).forEach(function (a) { addForm(a, k, false); });
  });
  /* the node a name means, as `relgraph path A B` reads A: {k} or {error} */
  function resolve(name) {
    if (name in byId) return { k: byId[name] };
    var list = forms[normalizeName(name)];
    if (!list) return { error: "no node named '" + name + "'" };
    if (list.length === 1) return { k: list[0].k };
    var labels = list.filter(function (f) { return f.label; });
    if (labels.length === 1) return { k: labels[0].k };
    return { error: "'" + name + "' names " + list.length + ' nodes; use the id' };
  }

  /* `relgraph find TEXT --json`: label, id, text or an alias contains the
   * text (ASCII case folded); by type, then id */
  function find(text) {
    var t = lowerAscii(text);
    function has(s) { return !!s && lowerAscii(s).indexOf(t) >= 0; }
    return all.filter(function (x) {
      var n = x.n;
      return has(n.label) || has(n.id) || has(n.text) || (n.aliases || []).some(has);
    }).sort(function (a, b) {
      return TYPE_ORDER[a.n.type] - TYPE_ORDER[b.n.type] || compareBytes(a.n.id, b.n.id);
    }).map(function (x) {
      var o = { id: x.n.id, label: x.n.label, type: x.n.type };
      if (x.n.text) o.text = x.n.text;
      if (x.n.modality) o.modality = x.n.modality;
      return o;
    });
  }

  /* the links a path may take, as relgraph walks them: no co-mention, no
   * loop; each node's in the order of the other end's id (the page's
   * nodes are in id order), two links to one neighbour by relation */
  var walk = nodes.map(function () { return []; });
  links.forEach(function (l, k) {
    if (l.rel === 'co_mentioned' || l.s === l.t) return;
    walk[l.s].push({ o: l.t, k: k });
    walk[l.t].push({ o: l.s, k: k });
  });
  walk.forEach(function (list) {
    list.sort(function (a, b) {
      return a.o - b.o || RELATION_RANK[links[a.k].rel] - RELATION_RANK[links[b.k].rel] || a.k - b.k;
    });
  });
  /* the link a step a → b takes: the best relation; between two of the
   * same, the one from a */
  function stepLink(a, b) {
    var best = -1;
    walk[a].forEach(function (x) {
      if (x.o !== b) return;
      var l = links[x.k];
      if (best < 0) { best = x.k; return; }
      var o = links[best], r = RELATION_RANK[l.rel], ro = RELATION_RANK[o.rel];
      if (r < ro || (r === ro && l.s === a && o.s !== a)) best = x.k;
    });
    return best;
  }
  /* the shortest path from a to b (page indexes) as relgraph finds it:
   * breadth-first distances from a, then back from b, each step to the
   * first neighbour (in id order) one step nearer a. [nodes, links] or null */
  function shortestPath(a, b) {
    var dist = new Int32Array(nodes.length).fill(-1), queue = new Int32Array(nodes.length);
    var head = 0, tail = 0;
    dist[a] = 0;
    queue[tail++] = a;
    while (head < tail && dist[b] < 0) {
      var u = queue[head++];
      walk[u].forEach(function (x) {
        if (dist[x.o] < 0) { dist[x.o] = dist[u] + 1; queue[tail++] = x.o; }
      });
    }
    if (dist[b] < 0) return null;
    var back = [b];
    for (var v = b; v !== a;) {
      for (var j = 0; j < walk[v].length; j++)
        if (dist[walk[v][j].o] === dist[v] - 1) { v = walk[v][j].o; break; }
      back.push(v);
    }
    back.reverse();
    var steps = [];
    for (var s = 0; s + 1 < back.length; s++) steps.push(stepLink(back[s], back[s + 1]));
    return { nodes: back, links: steps };
  }
  /* `relgraph path A B --json` */
  function pathAnswer(from, to) {
    var a = resolve(from), b = resolve(to);
    if (a.error || b.error) return { error: a.error || b.error };
    var o = { from: all[a.k].n.id, to: all[b.k].n.id, paths: [] };
    var p = all[a.k].i >= 0 && all[b.k].i >= 0 ? shortestPath(all[a.k].i, all[b.k].i) : null;
    if (p) {
      o.paths.push({ length: p.links.length, steps: p.links.map(function (k, s) {
        var l = links[k], step = { from: nodes[p.nodes[s]].id, to: nodes[p.nodes[s + 1]].id, relation: l.rel,
          direction: l.s === p.nodes[s] ? 'forward' : 'backward' };
        if (l.inferred) step.inferred = true;
        /* (the served page has no evidence: /api/path answers there) */
        if (!onDemand) step.evidence = evidenceOf(l);
        return step;
      }) });
    }
    o.found = p;
    return o;
  }

  /* ---- the drawing ---- */
  var measure = 0; /* index into data.measures */
  var maxScore = [];
  data.measures.forEach(function (m, k) {
    maxScore[k] = 0;
    nodes.forEach(function (n) { if (n.scores[k] > maxScore[k]) maxScore[k] = n.scores[k]; });
  });
  /* node size: the square root of its share of the largest score, in
   * half points: nodes of one type and size look alike, and Cytoscape
   * draws such nodes once and copies the picture (its texture cache is
   * by style), where sizes that all differ cost a drawing per node */
  function radius(n) {
    var mx = maxScore[measure];
    return Math.round(2 * (4 + 14 * Math.sqrt(mx > 0 ? n.scores[measure] / mx : 0))) / 2;
  }
  function communityColour(n) {
    return n.community >= 0 && n.community < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[n.community] : NO_COMMUNITY;
  }
  var colourBy = 'type';
  function fillOf(n) { return colourBy === 'community' ? communityColour(n) : TYPES[n.type].fill; }

  /* A big graph is drawn in part at first: its most central nodes (by the
   * measure chosen), and whatever a view asks for besides (a node and its
   * neighbours, a path, a neighbourhood). Elements are added to the
   * drawing when first needed, never all at once. Up to BIG nodes every
   * node is drawn at first, within about 3 s in headless Chromium on 2
   * shared cores (4,879 nodes and their 5,405 links shown: 1.8 to 2.7 s;
   * 12,613 and 15,775: 2.6 to 2.9 s, mostly Cytoscape.js styling and
   * drawing each element: bench/explore-load); above, the most central
   * first, a start one can read */
  var BIG = 6000, TOP_AT_FIRST = 1000;
  var DEFAULT_DRAW_LIMIT = nodes.length > BIG ? TOP_AT_FIRST : 0;
  var drawLimit = DEFAULT_DRAW_LIMIT; /* 0: every node */
  var isDrawn = new Uint8Array(nodes.length), nDrawn = 0;
  var nodeEls = new Array(nodes.length), linkEls = new Array(links.length);
  function nodeDef(i) {
    var n = nodes[i], r = radius(n);
    return { group: 'nodes', data: { id: 'n' + i, name: nameOf(n), w: 2.4 * r, h: 2 * r, fill: fillOf(n),
      shape: TYPES[n.type].shape }, position: { x: n.x, y: n.y } };
  }
  /* A colour as it looks at opacity a on the white page. Links are drawn
   * opaque in these colours rather than translucent in their own:
   * Cytoscape.js draws translucent elements one at a time, a fifth of the
   * full drawing of 12,613 nodes and 15,775 links (bench/explore-load). */
  function onWhite(hex, a) {
    var out = '#';
    for (var i = 1; i < 7; i += 2) {
      var v = Math.round(parseInt(hex.substr(i, 2), 16) * a + 255 * (1 - a));
      out += (v < 16 ? '0' : '') + v.toString(16);
    }
    return out;
  }
  function edgeDef(k) {
    var l = links[k], colour = RELATIONS[l.rel] || '#999999';
    return { group: 'edges', data: { id: 'e' + k, source: 'n' + l.s, target: 'n' + l.t,
      colour: onWhite(colour, l.inferred ? 0.4 : 0.8), full: colour },
      classes: (l.inferred ? 'inferred' : '') + (l.rel === 'co_mentioned' ? ' co' : '') };
  }
  var container = document.getElementById('canvas');
  var cy = cytoscape({
    container: container,
    minZoom: 0.02, maxZoom: 20,
    boxSelectionEnabled: false, autoungrabify: true,
    hideEdgesOnViewport: nodes.length > BIG, textureOnViewport: nodes.length > BIG,
    style: [
      { selector: 'node', style: { 'background-color': 'data(fill)', shape: 'data(shape)', width: 'data(w)',
        height: 'data(h)', 'border-width': 0.8, 'border-color': '#444' } },
      { selector: 'node.labelled, node.selected, node.on-path', style: { label: 'data(name)', 'font-size': 11,
        'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 3, color: '#111',
        'text-outline-color': '#fff', 'text-outline-width': 2, 'min-zoomed-font-size': 6 } },
      { selector: 'edge', style: { 'line-color': 'data(colour)', width: 1.2, 'curve-style': 'haystack',
        'haystack-radius': 0 } },
      /* co-mentions, drawn when first ticked (after the others), under them */
      { selector: 'edge.co', style: { 'z-index': -1 } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.12 } },
      { selector: 'edge.lit', style: { width: 3, opacity: 1, 'line-color': 'data(full)' } },
      { selector: 'node.lit', style: { 'border-width': 2, 'border-color': '#000' } },
      { selector: 'node.selected', style: { 'border-width': 3, 'border-color': '#d7191c', 'font-weight': 'bold',
        'z-index': 10 } },
      { selector: 'edge.on-path', style: { width: 4, opacity: 1, 'line-color': '#d7191c' } },
      { selector: 'node.on-path', style: { 'border-width': 3, 'border-color': '#d7191c' } }
    ]
  });
  /* The relations whose links are in the drawing (between nodes drawn):
   * those shown, and those once shown. The links of a relation hidden
   * from the start (co-mentions: more than half the links of a big graph)
   * are added when it is first ticked, not built and styled at load. */
  var relDrawn = Object.create(null);
  /* add nodes (page indexes) to the drawing, with their links to nodes
   * drawn; whether any was new (the caller then applies the filters) */
  function draw(list) {
    var defs = [], fresh = [];
    list.forEach(function (i) {
      if (isDrawn[i]) return;
      isDrawn[i] = 1;
      nDrawn++;
      fresh.push(i);
      defs.push(nodeDef(i));
    });
    fresh.forEach(function (i) {
      incident[i].forEach(function (k) {
        var l = links[k];
        if (linkEls[k] || !relDrawn[l.rel] || !isDrawn[l.s] || !isDrawn[l.t]) return;
        linkEls[k] = true; /* taken; the element comes below */
        defs.push(edgeDef(k));
      });
    });
    return addDefs(defs);
  }
  /* add these links (between nodes drawn) to the drawing, whatever their
   * relation: a link opened, a step of a path */
  function drawLinks(list) {
    var defs = [];
    list.forEach(function (k) {
      if (linkEls[k]) return;
      linkEls[k] = true;
      defs.push(edgeDef(k));
    });
    return addDefs(defs);
  }
  /* the links of a relation newly shown, between the nodes drawn */
  function drawRelation(rel) {
    relDrawn[rel] = true;
    var list = [];
    links.forEach(function (l, k) { if (l.rel === rel && isDrawn[l.s] && isDrawn[l.t]) list.push(k); });
    return drawLinks(list);
  }
  function addDefs(defs) {
    if (!defs.length) return false;
    cy.add(defs).forEach(function (e) {
      var id = e.id();
      if (id[0] === 'n') nodeEls[Number(id.slice(1))] = e; else linkEls[Number(id.slice(1))] = e;
    });
    return true;
  }
  function undrawAll() {
    cy.elements().remove();
    isDrawn.fill(0);
    nDrawn = 0;
    nodeEls = new Array(nodes.length);
    linkEls = new Array(links.length);
  }
  function forDrawn(f) { for (var i = 0; i < nodes.length; i++) if (isDrawn[i]) f(nodes[i], i); }
  cy.on('tap', 'node', function (ev) { showNode(Number(ev.target.id().slice(1))); });
  cy.on('tap', 'edge', function (ev) { showLink(Number(ev.target.id().slice(1))); });
  cy.on('tap', function (ev) { if (ev.target === cy) clearLit(); });

  /* the nodes by the chosen measure, most central first */
  var byScore = [];
  function rank() {
    byScore = nodes.map(function (n, i) { return i; })
      .sort(function (a, b) { return nodes[b].scores[measure] - nodes[a].scores[measure] || a - b; });
  }
  rank();
  /* the most central nodes, as many as the drawing starts with */
  function drawTop() { return draw(drawLimit ? byScore.slice(0, drawLimit) : byScore); }
  /* the labelled nodes: the most central entities */
  function relabel() {
    cy.batch(function () {
      cy.nodes('.labelled').removeClass('labelled');
      byScore.filter(function (i) { return nodes[i].type !== 'recommendation'; })
        .slice(0, LABELLED).forEach(function (i) { if (isDrawn[i]) nodeEls[i].addClass('labelled'); });
    });
  }
  function resize() {
    rank();
    cy.batch(function () {
      forDrawn(function (n, i) {
        var r = radius(n);
        nodeEls[i].data({ w: 2.4 * r, h: 2 * r });
      });
    });
    if (drawTop()) applyFilters();
    relabel();
  }
  function recolour() {
    cy.batch(function () { forDrawn(function (n, i) { nodeEls[i].data('fill', fillOf(n)); }); });
    legend();
  }
  function legend() {
    var p = document.getElementById('legend');
    p.textContent = 'Node size: ' + data.measures[measure] + '. Colour: ' + (colourBy === 'community'
      ? data.communities + ' communities of bodies, actors and programs (Leiden, as relgraph communities --view entities finds them; the ' +
        COMMUNITY_COLOURS.length + ' largest coloured, recommendations grey).'
      : 'node type.');
  }

  /* ---- view ---- */
  function zoomBy(f) {
    cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }
  /* fit the drawing to the nodes drawn, from their positions and sizes
   * (cy.fit measures every label: seconds on a big graph) */
  function fitWhole() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, pad = 30;
    forDrawn(function (n) {
      var r = radius(n) * 1.2;
      x0 = Math.min(x0, n.x - r); y0 = Math.min(y0, n.y - r); x1 = Math.max(x1, n.x + r); y1 = Math.max(y1, n.y + r);
    });
    if (x0 > x1) return;
    var w = cy.width(), h = cy.height();
    var z = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1), (h - 2 * pad) / Math.max(y1 - y0, 1));
    z = Math.max(cy.minZoom(), Math.min(z, 2));
    fitting = true;
    cy.viewport({ zoom: z, pan: { x: w / 2 - z * (x0 + x1) / 2, y: h / 2 - z * (y0 + y1) / 2 } });
    fitting = false;
  }
  /* fit the drawing to these elements, no nearer than labels need */
  function fitTo(eles) {
    cy.fit(eles, 80);
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center(eles);
    }
  }
  /* the drawing follows its box's size (the window, the panels); the
   * whole graph stays fitted until the view is moved */
  var wholeFitted = true, fitting = false;
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      cy.resize();
      if (wholeFitted) fitWhole();
    }).observe(container);
  }
  /* bring node i into the middle of the drawing, near enough to read:
   * the panel is beside the drawing, never over it */
  function centreOn(i) {
    if (draw([i])) applyFilters();
    var level = Math.max(cy.zoom(), 1.2);
    cy.zoom(Math.min(level, cy.maxZoom()));
    cy.center(nodeEls[i]);
  }
  container.addEventListener('keydown', function (ev) {
    var step = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[ev.key];
    if (step) { cy.panBy({ x: step[0] * cy.width() / 10, y: step[1] * cy.height() / 10 }); ev.preventDefault(); }
    else if (ev.key === '+' || ev.key === '=') zoomBy(1.2);
    else if (ev.key === '-') zoomBy(1 / 1.2);
  });
  document.getElementById('zoom-in').addEventListener('click', function () { zoomBy(1.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomBy(1 / 1.5); });
  document.getElementById('zoom-reset').addEventListener('click', function () {
    fitWhole();
    wholeFitted = true;
  });
  document.getElementById('export-png').addEventListener('click', function () {
    download('relgraph-view.png', cy.png({ full: false, scale: 2, bg: '#ffffff' }));
  });
  var drawSelect = document.getElementById('draw-limit');
  [500, 1000, 2000, 5000].filter(function (n) { return n < nodes.length; }).concat([0]).forEach(function (n) {
    drawSelect.appendChild(el('option', { value: String(n) }, n ? 'the ' + n + ' most central nodes' : 'every node'));
  });
  drawSelect.value = String(drawLimit);
  function setDrawLimit(n) {
    drawLimit = n;
    drawSelect.value = String(n);
    undrawAll();
    drawTop();
    drawEgo();
    relabel();
    applyFilters();
  }
  drawSelect.addEventListener('change', function () {
    setDrawLimit(Number(drawSelect.value));
    if (selected && selected.node) showNode(all[byId[selected.node]].i);
    saveState();
  });
  var hubInput = document.getElementById('hub-limit');
  hubInput.addEventListener('change', function () {
    var v = Math.floor(Number(hubInput.value));
    hubLimit = v > 0 ? v : 0;
    computeEgo();
    drawEgo();
    applyFilters();
    saveState();
  });
  /* the view as SVG: what the drawing shows inside its box, as drawn */
  function xml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function svgOfView() {
    var w = cy.width(), h = cy.height(), z = cy.zoom(), out = [];
    function inside(p, m) { return p.x >= -m && p.y >= -m && p.x <= w + m && p.y <= h + m; }
    out.push('<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + ' ' +
      h + '" font-family="Helvetica, Arial, sans-serif">');
    out.push('<rect width="' + w + '" height="' + h + '" fill="#ffffff"/>');
    cy.edges(':visible').forEach(function (e) {
      var a = e.source().renderedPosition(), b = e.target().renderedPosition();
      if (!inside(a, w) && !inside(b, w)) return;
      out.push('<line x1="' + a.x.toFixed(1) + '" y1="' + a.y.toFixed(1) + '" x2="' + b.x.toFixed(1) + '" y2="' +
        b.y.toFixed(1) + '" stroke="' + xml(e.style('line-color')) + '" stroke-width="' +
        (parseFloat(e.style('width')) * z).toFixed(2) + '" opacity="' + e.effectiveOpacity().toFixed(2) + '"/>');
    });
    var labels = [];
    cy.nodes(':visible').forEach(function (n) {
      var p = n.renderedPosition(), rw = n.renderedWidth() / 2, rh = n.renderedHeight() / 2;
      if (!inside(p, Math.max(rw, rh))) return;
      var shape = n.data('shape'), attrs = ' fill="' + xml(n.style('background-color')) + '" stroke="' +
        xml(n.style('border-color')) + '" stroke-width="' + (parseFloat(n.style('border-width')) * z).toFixed(2) +
        '" opacity="' + n.effectiveOpacity().toFixed(2) + '"', e;
      if (shape === 'ellipse') {
        e = '<ellipse cx="' + p.x.toFixed(1) + '" cy="' + p.y.toFixed(1) + '" rx="' + rw.toFixed(1) + '" ry="' +
          rh.toFixed(1) + '"' + attrs + '/>';
      } else if (shape === 'hexagon') {
        var pts = [];
        for (var k = 0; k < 6; k++) {
          var a = Math.PI / 3 * k + Math.PI / 6;
          pts.push((p.x + rw * Math.cos(a)).toFixed(1) + ',' + (p.y + rh * Math.sin(a)).toFixed(1));
        }
        e = '<polygon points="' + pts.join(' ') + '"' + attrs + '/>';
      } else {
        e = '<rect x="' + (p.x - rw).toFixed(1) + '" y="' + (p.y - rh).toFixed(1) + '" width="' + (2 * rw).toFixed(1) +
          '" height="' + (2 * rh).toFixed(1) + '"' + (shape === 'round-rectangle' ? ' rx="' + (rw * 0.2).toFixed(1) + '"' : '') +
          attrs + '/>';
      }
      out.push(e);
      var size = 11 * z;
      if (n.style('label') && size >= 6)
        labels.push('<text x="' + (p.x + rw + 3 * z).toFixed(1) + '" y="' + (p.y + size * 0.35).toFixed(1) +
          '" font-size="' + size.toFixed(1) + '" opacity="' + n.effectiveOpacity().toFixed(2) + '">' +
          xml(n.data('name')) + '</text>');
    });
    out.push('<g fill="#111111" stroke="#ffffff" stroke-width="' + (2 * z).toFixed(2) + '" paint-order="stroke">');
    out = out.concat(labels);
    out.push('</g></svg>');
    return out.join('\n');
  }
  function download(name, href) {
    var a = el('a', { download: name, href: href });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  document.getElementById('export-svg').addEventListener('click', function () {
    var url = URL.createObjectURL(new Blob([svgOfView()], { type: 'image/svg+xml' }));
    download('relgraph-view.svg', url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  var sizeBy = document.getElementById('size-by');
  data.measures.forEach(function (m, k) { sizeBy.appendChild(el('option', { value: String(k) }, m)); });
  sizeBy.addEventListener('change', function () { measure = Number(sizeBy.value); resize(); legend(); saveState(); });
  var colourSelect = document.getElementById('colour-by');
  colourSelect.addEventListener('change', function () { colourBy = colourSelect.value; recolour(); saveState(); });

  /* ---- filters ---- */
  /* a facet: its values, each with a count and a checkbox */
  function facet(parentId, key, values, counts, label, swatch, initially, onChange) {
    var parent = document.getElementById(parentId), shown = Object.create(null);
    var boxes = [];
    if (values.length > 6) {
      var bar = el('div', { 'class': 'all-none' });
      [['all', true], ['none', false]].forEach(function (x) {
        var b = el('button', { type: 'button', 'class': 'link-button', 'aria-label': 'show ' + x[0] + ' ' +
          parent.querySelector('legend').textContent }, x[0]);
        b.addEventListener('click', function () {
          boxes.forEach(function (box) { box.checked = x[1]; shown[box.value] = x[1]; });
          onChange();
        });
        bar.appendChild(b);
        bar.appendChild(document.createTextNode(' '));
      });
      parent.appendChild(bar);
    }
    values.forEach(function (v, j) {
      var id = 'filter-' + key + '-' + j;
      var box = el('input', { type: 'checkbox', id: id, value: v });
      shown[v] = box.checked = initially ? initially(v) : true;
      box.addEventListener('change', function () { shown[v] = box.checked; onChange(); });
      boxes.push(box);
      var lab = el('label', { 'for': id });
      lab.appendChild(box);
      if (swatch) {
        var sw = el('span', { 'class': 'swatch', 'aria-hidden': 'true' });
        sw.style.background = swatch(v);
        lab.appendChild(sw);
      }
      lab.appendChild(document.createTextNode((label ? label(v) : v) + ' (' + counts[v] + ')'));
      parent.appendChild(lab);
    });
    return {
      key: key,
      shown: shown,
      /* show exactly these values (from an address) */
      set: function (list) {
        boxes.forEach(function (box) { box.checked = shown[box.value] = list.indexOf(box.value) >= 0; });
      },
      reset: function () {
        boxes.forEach(function (box) { box.checked = shown[box.value] = initially ? initially(box.value) : true; });
      },
      /* the values shown, when they are not the ones shown at first */
      changed: function () {
        var differs = boxes.some(function (box) { return box.checked !== (initially ? initially(box.value) : true); });
        return differs ? boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }) : null;
      },
      /* whether every value is shown: then the facet narrows nothing, not
       * even the nodes it has no value for */
      all: function () { return values.every(function (v) { return shown[v]; }); }
    };
  }
  function tally(list, valuesOf) {
    var c = Object.create(null);
    list.forEach(function (x) { valuesOf(x).forEach(function (v) { c[v] = (c[v] || 0) + 1; }); });
    return c;
  }
  function isEntity(n) { return n.type !== 'recommendation'; }
  function docsOf(n) {
    var d = n.type === 'recommendation' ? (n.doc ? [n.doc] : []) : Object.keys(n.mentions || {});
    return d.length ? d : [NONE];
  }
  function countryOf(n) { return isEntity(n) ? [n.country || NONE] : []; }
  function sectionOf(n) { return n.type === 'recommendation' ? [n.section || NONE] : []; }
  function modalityOf(n) { return n.type === 'recommendation' ? [n.modality || NONE] : []; }
  function sortedKeys(c) {
    return Object.keys(c).sort(function (a, b) { return (a === NONE) - (b === NONE) || compareBytes(a, b); });
  }
  var typeCount = tally(nodes, function (n) { return [n.type]; });
  var relCount = tally(links, function (l) { return [l.rel]; });
  var refresh = function () { applyFilters(); saveState(); };
  var types = facet('type-filters', 'type', Object.keys(TYPES).filter(function (t) { return typeCount[t]; }),
    typeCount, function (t) { return TYPES[t].name; }, function (t) { return TYPES[t].fill; }, null, refresh);
  var rels = facet('relation-filters', 'rel', Object.keys(RELATIONS).filter(function (r) { return relCount[r]; }),
    relCount, null, function (r) { return RELATIONS[r]; }, function (r) { return !HIDDEN_AT_FIRST[r]; }, refresh);
  var docTitle = Object.create(null);
  (data.documents || []).forEach(function (d) { docTitle[d.id] = d.title; });
  var reportCount = tally(nodes, docsOf);
  var reports = facet('report-filters', 'report', sortedKeys(reportCount), reportCount,
    function (d) { return docTitle[d] ? d + ': ' + docTitle[d] : d; }, null, null, refresh);
  var countryCount = tally(nodes, countryOf);
  var countries = facet('country-filters', 'country', sortedKeys(countryCount), countryCount, null, null, null, refresh);
  var modalityCount = tally(nodes, modalityOf);
  var modalities = facet('modality-filters', 'modality', sortedKeys(modalityCount), modalityCount, null, null, null,
    refresh);
  var sectionCount = tally(nodes, sectionOf);
  var sections = facet('section-filters', 'section', sortedKeys(sectionCount), sectionCount, null, null, null, refresh);
  ['country', 'modality', 'section'].forEach(function (f, j) {
    if (![countryCount, modalityCount, sectionCount][j] || !Object.keys([countryCount, modalityCount, sectionCount][j]).length)
      document.getElementById(f + '-filters').hidden = true;
  });

  /* ---- a neighbourhood: the nodes expanded and their neighbours (along
   * the links a path may take), expanded and collapsed node by node; in
   * it, hubs (more distinct neighbours than the limit) are left out
   * unless expanded ---- */
  var ego = null; /* null: the whole graph; else the page indexes expanded, in order */
  var hubLimit = 0, egoShown = null, hubsHidden = 0;
  var degree = walk.map(function (list) {
    var d = 0;
    list.forEach(function (x, j) { if (j === 0 || list[j - 1].o !== x.o) d++; });
    return d;
  });
  function computeEgo() {
    hubsHidden = 0;
    if (!ego) { egoShown = null; return; }
    egoShown = new Uint8Array(nodes.length);
    var hidden = new Uint8Array(nodes.length);
    ego.forEach(function (e) { egoShown[e] = 1; });
    ego.forEach(function (e) {
      walk[e].forEach(function (x) {
        if (egoShown[x.o]) return;
        if (hubLimit > 0 && degree[x.o] > hubLimit) { if (!hidden[x.o]) { hidden[x.o] = 1; hubsHidden++; } return; }
        egoShown[x.o] = 1;
      });
    });
  }
  function drawEgo() {
    if (!egoShown) return;
    var list = [];
    for (var i = 0; i < nodes.length; i++) if (egoShown[i]) list.push(i);
    draw(list);
  }
  function setEgo(list) {
    ego = list && list.length ? list : null;
    computeEgo();
    drawEgo();
    applyFilters();
    var shown = cy.nodes(':visible');
    if (ego && shown.length) fitTo(shown);
    else if (!ego) fitWhole();
    saveState();
  }

  function passes(facetState, values) {
    return facetState.all() || values.some(function (v) { return facetState.shown[v]; });
  }
  /* Which nodes are shown: type, report and country (of bodies, actors
   * and programs) narrow every node; section and modality narrow the
   * recommendations, and then the other nodes to those a recommendation
   * shown names, as relgraph's --section and --modality do. */
  var shownNode = new Uint8Array(nodes.length);
  function applyFilters() {
    Object.keys(rels.shown).forEach(function (r) { if (rels.shown[r] && !relDrawn[r]) drawRelation(r); });
    var recNarrow = !sections.all() || !modalities.all();
    nodes.forEach(function (n, i) {
      var on = !!types.shown[n.type] && passes(reports, docsOf(n)) && passes(countries, countryOf(n));
      if (on && recNarrow && n.type === 'recommendation')
        on = passes(sections, sectionOf(n)) && passes(modalities, modalityOf(n));
      shownNode[i] = on && (!egoShown || egoShown[i]) ? 1 : 0;
    });
    if (recNarrow) {
      var named = new Uint8Array(nodes.length);
      links.forEach(function (l) {
        if (shownNode[l.s] && nodes[l.s].type === 'recommendation' &&
            (l.rel === 'leads' || l.rel === 'partners' || l.rel === 'targets' || l.rel === 'concerns'))
          named[l.t] = 1;
      });
      nodes.forEach(function (n, i) { if (isEntity(n)) shownNode[i] = shownNode[i] && named[i]; });
    }
    /* only the elements whose state changes: a class costs a style
     * update, even in a batch */
    function show(e, on) {
      if (on === e.hasClass('hidden')) {
        if (on) e.removeClass('hidden'); else e.addClass('hidden');
      }
    }
    /* what the drawing shows, counted as it is set: cy's ':visible' reads
     * styles that a batch of class changes has not yet brought up to date */
    var nShown = 0, lShown = 0;
    cy.batch(function () {
      cy.nodes().forEach(function (e) {
        var on = !!shownNode[Number(e.id().slice(1))];
        show(e, on);
        nShown += on;
      });
      cy.edges().forEach(function (e) {
        var l = links[Number(e.id().slice(1))], on = !!(rels.shown[l.rel] && shownNode[l.s] && shownNode[l.t]);
        show(e, on);
        lShown += on;
      });
    });
    document.getElementById('counts').textContent =
      nShown + ' of ' + nodes.length + ' nodes, ' + lShown + ' of ' + links.length + ' links shown' +
      (nDrawn < nodes.length ? ' (drawn: the ' + (drawLimit || 0) + ' most central by ' + data.measures[measure] +
        ' and what was opened, ' + nDrawn + ' in all; "Draw" above draws more)' : '') +
      (ego ? '; the neighbourhood of ' + ego.length + ' node' + (ego.length === 1 ? '' : 's') +
        (hubsHidden ? ', ' + hubsHidden + ' hub' + (hubsHidden === 1 ? '' : 's') + ' left out' : '') : '');
  }

  /* ---- completion: every name, alias and id; filled once the graph is
   * drawn (tens of thousands of options on a big graph, which the
   * drawing need not wait for) ---- */
  function fillCompletion() {
    var datalist = document.createDocumentFragment(), seen = Object.create(null);
    nodes.forEach(function (n) {
      [n.label, n.id].concat(n.aliases || [], n.names || []).forEach(function (name) {
        if (seen[name] || n.type === 'recommendation' && name !== n.id) return;
        seen[name] = true;
        datalist.appendChild(el('option', { value: name, label: name === n.label ? n.type : n.label + ' (' + n.type + ')' }));
      });
    });
    document.getElementById('names').appendChild(datalist);
  }
  var status = document.getElementById('search-status');

  /* ---- the side panel ---- */
  var panel = document.getElementById('panel');
  function clearLit() {
    cy.batch(function () { cy.elements().removeClass('lit selected faded on-path'); });
    selected = null;
    saveState();
  }
  function nodeButton(i) {
    var b = el('button', { type: 'button', 'class': 'link-button' }, nameOf(nodes[i]));
    b.addEventListener('click', function () { showNode(i); centreOn(i); });
    return b;
  }
  function citation(doc, line, page, pageLine) {
    if (doc === 'catalog') return el('cite', {}, '[from the catalog]');
    return el('cite', {}, '[' + doc + (page ? ', page ' + page + (pageLine ? ', line ' + pageLine : '')
      : line ? ', line ' + line : '') + ']');
  }
  function evidenceList(evidence) {
    var ul = el('ul', {});
    evidence.forEach(function (e) {
      var li = el('li', {});
      li.appendChild(el('blockquote', {}, e.text));
      li.appendChild(citation(e.doc, e.line, e.page, e.page_line));
      ul.appendChild(li);
    });
    return ul;
  }
  function dl(rows) {
    var d = el('dl', {});
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === '') return;
      d.appendChild(el('dt', {}, r[0]));
      d.appendChild(el('dd', {}, String(r[1])));
    });
    return d;
  }
  var ROLE_HEADINGS = { leads: 'Recommendations it leads', partners: 'Recommendations it partners in',
    targets: 'Recommendations it is targeted by' };
  /* the recommendations that name node i in a role, each with the
   * sentences of its link (evidence: link -> list) */
  function roleSection(parent, i, rel, evidence) {
    var recs = incident[i].filter(function (k) {
      var l = links[k];
      return l.rel === rel && l.t === i && nodes[l.s].type === 'recommendation';
    });
    if (!recs.length) return;
    parent.appendChild(el('h3', {}, ROLE_HEADINGS[rel] + ' (' + recs.length + ')'));
    var ul = el('ul', {});
    recs.forEach(function (k) {
      var li = el('li', {});
      li.appendChild(nodeButton(links[k].s));
      if (links[k].inferred) li.appendChild(document.createTextNode(' (inferred)'));
      evidence[k].forEach(function (e) {
        li.appendChild(el('blockquote', {}, e.text));
        li.appendChild(citation(e.doc, e.line, e.page, e.page_line));
      });
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }
  /* a part of the panel that waits for the evidence: said while it does,
   * filled when it comes unless the panel shows something else by then */
  var panelShown = 0;
  function clearPanel() {
    panelShown++;
    panel.textContent = '';
  }
  function pending(promise, fill) {
    var box = el('div', {}), shown = panelShown;
    box.appendChild(el('p', { 'class': 'hint' }, 'Asking the server for the evidence\u2026'));
    promise.then(function (v) {
      if (shown !== panelShown) return;
      box.textContent = '';
      fill(box, v);
    }, function (e) {
      if (shown !== panelShown) return;
      box.textContent = '';
      box.appendChild(el('p', { 'class': 'hint' }, 'The evidence could not be fetched: ' + e.message));
    });
    return box;
  }
  function linksSection(panel, i) {
    var groups = Object.create(null);
    incident[i].forEach(function (k) { (groups[links[k].rel] = groups[links[k].rel] || []).push(k); });
    Object.keys(RELATIONS).filter(function (rel) { return groups[rel]; }).forEach(function (rel) {
      panel.appendChild(el('h3', {}, rel + ' (' + groups[rel].length + ')'));
      var ul = el('ul', {});
      groups[rel].forEach(function (k) {
        var l = links[k], other = l.s === i ? l.t : l.s, li = el('li', {});
        li.appendChild(document.createTextNode(l.s === i ? '\u2192 ' : '\u2190 '));
        li.appendChild(nodeButton(other));
        li.appendChild(document.createTextNode(' (' + nodes[other].type + ') '));
        var ev = el('button', { type: 'button', 'class': 'link-button',
          'aria-label': 'evidence of ' + rel + ' link with ' + nodes[other].label }, 'evidence');
        ev.addEventListener('click', function () { showLink(k); });
        li.appendChild(ev);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    });
  }
  function showNode(i) {
    var n = nodes[i];
    clearLit();
    selected = { node: n.id };
    saveState();
    if (draw([i].concat(incident[i].map(function (k) { return links[k].s === i ? links[k].t : links[k].s; }))))
      applyFilters();
    cy.batch(function () {
      nodeEls[i].addClass('selected');
      incident[i].forEach(function (k) { if (linkEls[k]) linkEls[k].addClass('lit'); });
    });
    clearPanel();
    panel.appendChild(el('h2', {}, nameOf(n)));
    egoActions(i);
    var mentions = Object.keys(n.mentions || {}).map(function (d) { return d + ': ' + n.mentions[d]; }).join(', ');
    panel.appendChild(dl([['type', n.type + (n.kind && n.kind !== n.type ? ' (' + n.kind + ')' : '')], ['id', n.id],
      ['country', n.country], ['aliases', (n.aliases || []).join(', ')],
      ['also known as', (n.names || []).join(', ')], ['mentions', mentions],
      ['text', n.text], ['from', n.doc ? n.doc + ', line ' + n.line : null], ['section', n.section],
      ['modality', n.modality], ['community', n.community >= 0 ? n.community : null]]
      .concat(data.measures.map(function (m, k) { return [m, n.scores[k] ? n.scores[k].toPrecision(4) : null]; }))));
    panel.appendChild(pending(roleEvidence(i), function (box, evidence) {
      ['leads', 'partners', 'targets'].forEach(function (rel) { roleSection(box, i, rel, evidence); });
      linksSection(box, i);
    }));
    panel.focus();
  }
  function actionButton(parent, text, label, onClick) {
    var b = el('button', { type: 'button', 'aria-label': label }, text);
    b.addEventListener('click', onClick);
    parent.appendChild(b);
  }
  function egoActions(i) {
    var bar = el('div', { 'class': 'actions' }), name = nameOf(nodes[i]);
    var at = ego ? ego.indexOf(i) : -1;
    if (!ego)
      actionButton(bar, 'Its neighbourhood only', 'show only the neighbourhood of ' + name,
        function () { setEgo([i]); showNode(i); });
    else if (at < 0)
      actionButton(bar, 'Expand', 'add the neighbours of ' + name, function () { setEgo(ego.concat([i])); showNode(i); });
    else if (ego.length > 1)
      actionButton(bar, 'Collapse', 'take the neighbours of ' + name + ' away',
        function () { setEgo(ego.filter(function (e) { return e !== i; })); showNode(i); });
    if (ego) actionButton(bar, 'Whole graph', 'show the whole graph again', function () { setEgo(null); showNode(i); });
    panel.appendChild(bar);
  }
  function showLink(k) {
    var l = links[k];
    clearLit();
    selected = { link: k };
    saveState();
    if (draw([l.s, l.t]) | drawLinks([k])) applyFilters();
    cy.batch(function () { linkEls[k].addClass('lit'); nodeEls[l.s].addClass('lit'); nodeEls[l.t].addClass('lit'); });
    clearPanel();
    panel.appendChild(el('h2', {}, l.rel + (l.inferred ? ' (inferred)' : '')));
    var p = el('p', {});
    p.appendChild(nodeButton(l.s));
    p.appendChild(document.createTextNode(' \u2192 ' + l.rel + ' \u2192 '));
    p.appendChild(nodeButton(l.t));
    panel.appendChild(p);
    panel.appendChild(pending(linkEvidence(k), function (box, evidence) {
      box.appendChild(el('h3', {}, 'Evidence (' + evidence.length + ')'));
      box.appendChild(evidenceList(evidence));
    }));
    panel.focus();
  }
  /* find's list, when a text names no node */
  function showFound(text, found) {
    clearPanel();
    panel.appendChild(el('h2', {}, found.length + ' node' + (found.length === 1 ? '' : 's') + ' contain "' + text + '"'));
    var ul = el('ul', {});
    found.slice(0, 200).forEach(function (f) {
      var li = el('li', {}), k = byId[f.id];
      if (all[k].i >= 0) li.appendChild(nodeButton(all[k].i));
      else li.appendChild(document.createTextNode(f.label));
      li.appendChild(document.createTextNode(' (' + f.type + ')'));
      if (f.text) li.appendChild(el('blockquote', {}, f.text));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    if (found.length > 200) panel.appendChild(el('p', { 'class': 'hint' }, 'The first 200 are listed.'));
    panel.focus();
  }
  /* open a name: the node it means, else the nodes that contain it */
  function openName(q) {
    var r = resolve(q.trim());
    if (!r.error && all[r.k].i >= 0) {
      status.textContent = '';
      showNode(all[r.k].i);
      centreOn(all[r.k].i);
      return true;
    }
    var found = find(q.trim());
    if (!found.length) { status.textContent = 'No node is named "' + q + '".'; return false; }
    status.textContent = '';
    showFound(q.trim(), found);
    return true;
  }
  document.getElementById('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    openName(document.getElementById('search').value);
  });

  /* ---- path mode ---- */
  function showPath(from, to) {
    var ans = pathAnswer(from, to);
    if (ans.error) { status.textContent = ans.error + '.'; return false; }
    status.textContent = '';
    clearLit();
    clearPanel();
    var a = all[byId[ans.from]].n, b = all[byId[ans.to]].n;
    panel.appendChild(el('h2', {}, 'Path: ' + nameOf(a) + ' \u2192 ' + nameOf(b)));
    if (!ans.found) {
      panel.appendChild(el('p', {}, 'No path from ' + nameOf(a) + ' to ' + nameOf(b) +
        ' (through recommendations, programs and bodies; not co-mentions).'));
      panel.focus();
      return true;
    }
    var p = ans.found;
    selected = { from: from, to: to };
    saveState();
    if (draw(p.nodes) | drawLinks(p.links)) applyFilters();
    cy.batch(function () {
      cy.elements().addClass('faded');
      p.nodes.forEach(function (i) { nodeEls[i].removeClass('faded').addClass('on-path'); });
      p.links.forEach(function (k) { linkEls[k].removeClass('faded').addClass('on-path'); });
    });
    panel.appendChild(el('p', {}, p.links.length + ' link' + (p.links.length === 1 ? '' : 's') +
      ', the first shortest path relgraph path gives.'));
    var ol = el('ol', {});
    ol.appendChild(el('li', {})).appendChild(nodeButton(p.nodes[0]));
    p.links.forEach(function (k, s) {
      var l = links[k], li = el('li', {});
      var fwd = l.s === p.nodes[s];
      /* as relgraph path prints a step: -leads-> or <-leads- */
      li.appendChild(document.createTextNode((fwd ? '\u2014 ' : '\u2190 ') + l.rel + (fwd ? ' \u2192 ' : ' \u2014 ')));
      li.appendChild(nodeButton(p.nodes[s + 1]));
      if (l.inferred) li.appendChild(document.createTextNode(' (inferred)'));
      li.appendChild(pending(linkEvidence(k), function (box, evidence) { box.appendChild(evidenceList(evidence)); }));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    fitTo(cy.collection(p.nodes.map(function (i) { return nodeEls[i]; })));
    panel.focus();
    return true;
  }
  document.getElementById('path-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    showPath(document.getElementById('path-from').value.trim(), document.getElementById('path-to').value.trim());
  });
  document.getElementById('path-clear').addEventListener('click', function () {
    clearLit();
    status.textContent = '';
  });

  /* ---- the view in the address, so that a view can be sent as a link:
   *   #find=NAME  #node=ID  #link=N  #from=A&to=B (a path)
   *   #types=…&rels=…&reports=…&countries=…&modalities=…&sections=… (the
   *   values shown, comma-separated, each URI-encoded; only those changed)
   *   #size=MEASURE  #colour=community  #view=ZOOM,PANX,PANY
   * and, for tests, #answers=[QUERIES]: [["find", TEXT]],
   * [["path", A, B]] answered as the CLI's --json would, as JSON in
   * #rg-answers ---- */
  var selected = null, restoring = true;
  var FACETS = { types: types, rels: rels, reports: reports, countries: countries, modalities: modalities,
    sections: sections };
  function enc(v) { return encodeURIComponent(v); }
  function saveState() {
    if (restoring) return;
    var parts = [];
    Object.keys(FACETS).forEach(function (name) {
      var list = FACETS[name].changed();
      if (list) parts.push(name + '=' + list.map(enc).join(','));
    });
    if (ego) parts.push('ego=' + ego.map(function (i) { return enc(nodes[i].id); }).join(','));
    if (hubLimit) parts.push('hubs=' + hubLimit);
    if (drawLimit !== DEFAULT_DRAW_LIMIT) parts.push('top=' + (drawLimit || 'all'));
    if (measure) parts.push('size=' + enc(data.measures[measure]));
    if (colourBy !== 'type') parts.push('colour=' + colourBy);
    if (selected && selected.node) parts.push('node=' + enc(selected.node));
    else if (selected && selected.link !== undefined) parts.push('link=' + selected.link);
    else if (selected && selected.from) parts.push('from=' + enc(selected.from), 'to=' + enc(selected.to));
    var pan = cy.pan();
    parts.push('view=' + [cy.zoom().toPrecision(4), pan.x.toFixed(0), pan.y.toFixed(0)].join(','));
    history.replaceState(null, '', '#' + parts.join('&'));
  }
  var viewTimer = null;
  cy.on('viewport', function () {
    if (fitting) return;
    wholeFitted = false;
    clearTimeout(viewTimer);
    viewTimer = setTimeout(saveState, 300);
  });
  function hashParams() {
    var params = Object.create(null);
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var at = kv.indexOf('=');
      if (at > 0) params[kv.slice(0, at)] = kv.slice(at + 1);
    });
    return params;
  }
  function decode(v) {
    try { return decodeURIComponent(v); } catch (e) { return null; }
  }
  function answer(q) {
    if (q[0] === 'find') return find(String(q[1]));
    if (q[0] === 'svg') return svgOfView();
    if (q[0] === 'path') {
      var a = pathAnswer(String(q[1]), String(q[2]));
      delete a.found;
      return a;
    }
    return { error: 'unknown query' };
  }
  /* the number of nodes drawn first, as #top= gives it */
  function drawLimitOf(top) {
    return top === 'all' ? 0 : /^[0-9]+$/.test(top || '') ? Number(top) : DEFAULT_DRAW_LIMIT;
  }
  function openFromHash() {
    restoring = true;
    var raw = hashParams(), h = Object.create(null);
    Object.keys(raw).forEach(function (k) { var v = decode(raw[k]); if (v !== null) h[k] = v; });
    var top = drawLimitOf(h.top);
    if (top !== drawLimit) setDrawLimit(top);
    hubLimit = /^[0-9]+$/.test(h.hubs || '') ? Number(h.hubs) : 0;
    hubInput.value = String(hubLimit);
    ego = null;
    if (raw.ego) {
      ego = raw.ego.split(',').map(decode).filter(function (id) { return id in byId && all[byId[id]].i >= 0; })
        .map(function (id) { return all[byId[id]].i; });
      if (!ego.length) ego = null;
    }
    computeEgo();
    drawEgo();
    Object.keys(FACETS).forEach(function (name) {
      if (name in raw) FACETS[name].set(raw[name] === '' ? [] : raw[name].split(',').map(decode));
      else FACETS[name].reset();
    });
    applyFilters();
    if ('size' in h && data.measures.indexOf(h.size) >= 0) {
      measure = data.measures.indexOf(h.size);
      sizeBy.value = String(measure);
      resize();
    }
    if (h.colour === 'community' || h.colour === 'type') {
      colourBy = colourSelect.value = h.colour;
      recolour();
    }
    legend();
    if ('node' in h) {
      if (h.node in byId && all[byId[h.node]].i >= 0) { showNode(all[byId[h.node]].i); centreOn(all[byId[h.node]].i); }
      else status.textContent = 'No node has the id "' + h.node + '".';
    } else if ('link' in h && /^[0-9]+$/.test(h.link) && Number(h.link) < links.length) {
      showLink(Number(h.link));
    } else if ('find' in h) {
      document.getElementById('search').value = h.find;
      openName(h.find);
    } else if ('from' in h && 'to' in h) {
      document.getElementById('path-from').value = h.from;
      document.getElementById('path-to').value = h.to;
      showPath(h.from, h.to);
    }
    var v = /^([0-9.e+-]+),(-?[0-9.]+),(-?[0-9.]+)$/.exec(h.view || '');
    if (v && Number(v[1]) > 0) cy.viewport({ zoom: Number(v[1]), pan: { x: Number(v[2]), y: Number(v[3]) } });
    if ('answers' in h) {
      var out;
      try { out = JSON.parse(h.answers).map(answer); } catch (e) { out = { error: String(e) }; }
      document.getElementById('rg-answers').textContent = JSON.stringify(out);
    }
    restoring = false;
  }

  /* the first drawing is the one the address asks for, not drawn twice */
  drawLimit = drawLimitOf(decode(hashParams().top || '') || '');
  drawSelect.value = String(drawLimit);
  Object.keys(rels.shown).forEach(function (r) { relDrawn[r] = rels.shown[r]; });
  drawTop();
  fitWhole();
  relabel();
  legend();
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  /* when the page was ready, and when first drawn, in ms from the start
   * of its loading (read by bench/explore-load) */
  document.documentElement.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  cy.one('render', function () {
    document.documentElement.setAttribute('data-drawn-ms', String(Math.round(performance.now())));
    setTimeout(fillCompletion, 0);
  });
})();
