/* relgraph explorer: draws the graph relgraph laid out (positions come
 * with the data) and lets a reader find, filter and read the evidence.
 * Text from the documents is only ever inserted with textContent or as
 * attribute values through setAttribute, never as markup. */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('rg-data').textContent);
  var nodes = data.nodes, links = data.links;

  /* shapes and colours as in relgraph's diagrams (export/dot.c) */
  var TYPES = {
    actor: { fill: '#a6cee3', shape: 'ellipse', name: 'actors' },
    agency: { fill: '#fdbf6f', shape: 'box', name: 'agencies' },
    program: { fill: '#b2df8a', shape: 'hexagon', name: 'programs' },
    recommendation: { fill: '#f0f0f0', shape: 'note', name: 'recommendations' }
  };
  var RELATIONS = {
    leads: '#b2182b', partners: '#2166ac', targets: '#e08214', concerns: '#1b7837',
    part_of: '#555555', member_of: '#8c510a', co_mentioned: '#cccccc'
  };
  /* co-mentions are many and loose: hidden until asked for */
  var HIDDEN_AT_FIRST = { co_mentioned: true };
  var LABELLED = 30; /* the most central entities carry their label */

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  /* the links of each node, both directions */
  var incident = nodes.map(function () { return []; });
  links.forEach(function (l, i) {
    incident[l.s].push(i);
    if (l.t !== l.s) incident[l.t].push(i);
  });

  /* node size: the square root of its share of the largest score */
  var maxScore = 0;
  nodes.forEach(function (n) { if (n.score > maxScore) maxScore = n.score; });
  function radius(n) { return 4 + 14 * Math.sqrt(maxScore > 0 ? n.score / maxScore : 0); }

  var svg = document.getElementById('graph');
  var linkLayer = svgEl('g', { 'class': 'links' });
  var nodeLayer = svgEl('g', { 'class': 'nodes' });
  var labelLayer = svgEl('g', { 'class': 'labels' });
  svg.appendChild(linkLayer); svg.appendChild(nodeLayer); svg.appendChild(labelLayer);

  function shapeOf(n, r) {
    var x = n.x, y = n.y, t = TYPES[n.type] || TYPES.actor, e;
    if (t.shape === 'box' || t.shape === 'note') {
      e = svgEl('rect', { x: x - r, y: y - r * 0.75, width: 2 * r, height: 1.5 * r });
      if (t.shape === 'box') e.setAttribute('rx', r * 0.15);
    } else if (t.shape === 'hexagon') {
      var pts = [];
      for (var k = 0; k < 6; k++) {
        var a = Math.PI / 3 * k;
        pts.push((x + r * Math.cos(a)).toFixed(1) + ',' + (y + r * Math.sin(a)).toFixed(1));
      }
      e = svgEl('polygon', { points: pts.join(' ') });
    } else {
      e = svgEl('ellipse', { cx: x, cy: y, rx: r * 1.2, ry: r });
    }
    e.setAttribute('fill', t.fill);
    return e;
  }

  var nodeEls = [], linkEls = [], labelEls = [];
  links.forEach(function (l, i) {
    var a = nodes[l.s], b = nodes[l.t];
    var e = svgEl('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: RELATIONS[l.rel] || '#999' });
    e.setAttribute('class', 'link' + (l.inferred ? ' inferred' : ''));
    var title = svgEl('title', {});
    title.textContent = a.label + ' \u2192 ' + l.rel + ' \u2192 ' + b.label;
    e.appendChild(title);
    e.addEventListener('click', function (ev) { ev.stopPropagation(); showLink(i); });
    linkLayer.appendChild(e);
    linkEls.push(e);
  });
  var byScore = nodes.map(function (n, i) { return i; })
    .sort(function (a, b) { return nodes[b].score - nodes[a].score || a - b; });
  var labelled = Object.create(null);
  byScore.filter(function (i) { return nodes[i].type !== 'recommendation'; })
    .slice(0, LABELLED).forEach(function (i) { labelled[i] = true; });
  nodes.forEach(function (n, i) {
    var r = radius(n), e = shapeOf(n, r);
    e.setAttribute('class', 'node');
    e.setAttribute('data-id', n.id);
    var title = svgEl('title', {});
    title.textContent = n.label + ' (' + n.type + ')';
    e.appendChild(title);
    e.addEventListener('click', function (ev) { ev.stopPropagation(); showNode(i); });
    nodeLayer.appendChild(e);
    nodeEls.push(e);
    var label = null;
    if (labelled[i]) {
      label = svgEl('text', { x: n.x + r + 2, y: n.y + 4, 'class': 'label' });
      label.textContent = n.label;
      labelLayer.appendChild(label);
    }
    labelEls.push(label);
  });

  /* ---- view: pan and zoom on the viewBox ---- */
  var bounds = (function () {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    });
    if (!nodes.length) { x0 = y0 = 0; x1 = y1 = 100; }
    var pad = 40;
    return { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
  })();
  var view = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h };
  /* labels keep their size on screen whatever the zoom */
  function applyView() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
    var r = svg.getBoundingClientRect();
    var s = r.width > 0 ? Math.max(view.w / r.width, view.h / r.height) : 1;
    labelLayer.setAttribute('font-size', (11 * s).toFixed(2));
    labelLayer.setAttribute('stroke-width', (3 * s).toFixed(2));
  }
  function zoom(f, cx, cy) {
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f;
    view.w *= f; view.h *= f;
    applyView();
  }
  function toGraph(ev) {
    var r = svg.getBoundingClientRect();
    var s = Math.max(view.w / r.width, view.h / r.height);
    var ox = view.x + (view.w - r.width * s) / 2, oy = view.y + (view.h - r.height * s) / 2;
    return { x: ox + (ev.clientX - r.left) * s, y: oy + (ev.clientY - r.top) * s, s: s };
  }
  function centreOn(n) {
    var w = Math.min(view.w, bounds.w / 2), h = Math.min(view.h, bounds.h / 2);
    view = { x: n.x - w / 2, y: n.y - h / 2, w: w, h: h };
    applyView();
  }
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = toGraph(ev);
    zoom(ev.deltaY > 0 ? 1.2 : 1 / 1.2, p.x, p.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, y: ev.clientY, moved: false }; });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) return;
    var s = toGraph(ev).s;
    view.x -= (ev.clientX - drag.x) * s; view.y -= (ev.clientY - drag.y) * s;
    drag.x = ev.clientX; drag.y = ev.clientY; drag.moved = true;
    applyView();
  });
  var dragged = false;
  window.addEventListener('mouseup', function () { dragged = !!(drag && drag.moved); drag = null; });
  svg.addEventListener('keydown', function (ev) {
    var step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[ev.key];
    if (step) { view.x += step[0] * view.w / 10; view.y += step[1] * view.h / 10; applyView(); ev.preventDefault(); }
    else if (ev.key === '+' || ev.key === '=') zoom(1 / 1.2);
    else if (ev.key === '-') zoom(1.2);
  });
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1 / 1.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.5); });
  document.getElementById('zoom-reset').addEventListener('click', function () {
    view = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }; applyView();
  });
  applyView();

  /* ---- filters ---- */
  var shownType = {}, shownRel = {};
  function filterBox(parent, key, label, swatch, checked, onChange) {
    var id = 'filter-' + key;
    var box = el('input', { type: 'checkbox', id: id });
    box.checked = checked;
    box.addEventListener('change', function () { onChange(box.checked); });
    var lab = el('label', { 'for': id });
    lab.appendChild(box);
    var sw = el('span', { 'class': 'swatch', 'aria-hidden': 'true' });
    sw.style.background = swatch;
    lab.appendChild(sw);
    lab.appendChild(document.createTextNode(label));
    parent.appendChild(lab);
  }
  function count(list, key) {
    var c = Object.create(null);
    list.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; });
    return c;
  }
  var typeCount = count(nodes, 'type'), relCount = count(links, 'rel');
  Object.keys(TYPES).forEach(function (t) {
    if (!typeCount[t]) return;
    shownType[t] = true;
    filterBox(document.getElementById('type-filters'), 'type-' + t, TYPES[t].name + ' (' + typeCount[t] + ')',
      TYPES[t].fill, true, function (on) { shownType[t] = on; refresh(); });
  });
  Object.keys(RELATIONS).forEach(function (r) {
    if (!relCount[r]) return;
    shownRel[r] = !HIDDEN_AT_FIRST[r];
    filterBox(document.getElementById('relation-filters'), 'rel-' + r, r + ' (' + relCount[r] + ')',
      RELATIONS[r], shownRel[r], function (on) { shownRel[r] = on; refresh(); });
  });
  document.getElementById('legend-size').textContent = 'Node size: ' + data.size_by + '.';
  function refresh() {
    var nShown = 0, lShown = 0;
    nodes.forEach(function (n, i) {
      var on = !!shownType[n.type];
      nodeEls[i].classList.toggle('hidden', !on);
      if (labelEls[i]) labelEls[i].classList.toggle('hidden', !on);
      if (on) nShown++;
    });
    links.forEach(function (l, i) {
      var on = shownRel[l.rel] && shownType[nodes[l.s].type] && shownType[nodes[l.t].type];
      linkEls[i].classList.toggle('hidden', !on);
      if (on) lShown++;
    });
    document.getElementById('counts').textContent =
      nShown + ' of ' + nodes.length + ' nodes, ' + lShown + ' of ' + links.length + ' links shown';
  }
  refresh();

  /* ---- search: every name, alias and id completes ---- */
  var byName = Object.create(null);
  function addName(name, i) {
    var k = name.toLowerCase();
    (byName[k] = byName[k] || []).indexOf(i) < 0 && byName[k].push(i);
  }
  var datalist = document.getElementById("names"), seen = Object.create(null);
  nodes.forEach(function (n, i) {
    var names = [n.label, n.id].concat(n.aliases || [], n.names || []);
    names.forEach(function (name) {
      addName(name, i);
      if (seen[name] || n.type === 'recommendation' && name !== n.id) return;
      seen[name] = true;
      datalist.appendChild(el('option', { value: name, label: name === n.label ? n.type : n.label + ' (' + n.type + ')' }));
    });
  });
  function findNode(q) {
    var k = q.trim().toLowerCase();
    if (!k) return -1;
    if (byName[k]) return byName[k][0];
    /* else the most central node whose name or alias contains it */
    for (var j = 0; j < byScore.length; j++) {
      var n = nodes[byScore[j]];
      if ([n.label].concat(n.aliases || [], n.names || []).some(function (s) { return s.toLowerCase().indexOf(k) >= 0; }))
        return byScore[j];
    }
    return -1;
  }
  document.getElementById('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = document.getElementById('search').value, i = findNode(q);
    var status = document.getElementById('search-status');
    if (i < 0) { status.textContent = 'No node is named "' + q + '".'; return; }
    status.textContent = '';
    showNode(i);
    centreOn(nodes[i]);
  });

  /* ---- the side panel ---- */
  var panel = document.getElementById('panel');
  function clearLit() {
    Array.prototype.forEach.call(svg.querySelectorAll('.lit, .selected'), function (e) {
      e.classList.remove('lit'); e.classList.remove('selected');
    });
  }
  function nodeButton(i) {
    var n = nodes[i];
    var b = el('button', { type: 'button', 'class': 'link-button' },
      n.type === 'recommendation' ? n.id : n.label);
    b.addEventListener('click', function () { showNode(i); centreOn(nodes[i]); });
    return b;
  }
  function citation(doc, line) {
    return el('cite', {}, doc === 'catalog' ? '[from the catalog]' : '[' + doc + (line ? ', line ' + line : '') + ']');
  }
  function evidenceList(l) {
    var ul = el('ul', {});
    l.evidence.forEach(function (e) {
      var li = el('li', {});
      li.appendChild(el('blockquote', {}, e.text));
      li.appendChild(citation(e.doc, e.line));
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
  function roleSection(i, rel) {
    var recs = incident[i].filter(function (k) {
      var l = links[k];
      return l.rel === rel && l.t === i && nodes[l.s].type === 'recommendation';
    });
    if (!recs.length) return;
    panel.appendChild(el('h3', {}, ROLE_HEADINGS[rel] + ' (' + recs.length + ')'));
    var ul = el('ul', {});
    recs.forEach(function (k) {
      var r = nodes[links[k].s], li = el('li', {});
      li.appendChild(nodeButton(links[k].s));
      if (links[k].inferred) li.appendChild(document.createTextNode(' (inferred)'));
      li.appendChild(el('blockquote', {}, r.text || ''));
      li.appendChild(citation(r.doc, r.line));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function linksSection(i) {
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
  /* the selected node's label, when it has none of its own */
  var selectedLabel = svgEl('text', { 'class': 'label' });
  labelLayer.appendChild(selectedLabel);
  function showNode(i) {
    var n = nodes[i];
    clearLit();
    nodeEls[i].classList.add('selected');
    selectedLabel.textContent = labelEls[i] ? '' : (n.type === 'recommendation' ? n.id : n.label);
    selectedLabel.setAttribute('x', n.x + radius(n) + 2);
    selectedLabel.setAttribute('y', n.y + 4);
    incident[i].forEach(function (k) { linkEls[k].classList.add('lit'); });
    panel.textContent = '';
    panel.appendChild(el('h2', {}, n.type === 'recommendation' ? n.id : n.label));
    var mentions = Object.keys(n.mentions || {}).map(function (d) { return d + ': ' + n.mentions[d]; }).join(', ');
    panel.appendChild(dl([['type', n.type + (n.kind && n.kind !== n.type ? ' (' + n.kind + ')' : '')], ['id', n.id],
      ['country', n.country], ['aliases', (n.aliases || []).join(', ')],
      ['also known as', (n.names || []).join(', ')], ['mentions', mentions],
      ['text', n.text], ['from', n.doc ? n.doc + ', line ' + n.line : null], ['section', n.section],
      ['modality', n.modality], [data.size_by, n.score ? n.score.toPrecision(4) : null]]));
    ['leads', 'partners', 'targets'].forEach(function (rel) { roleSection(i, rel); });
    linksSection(i);
    panel.focus();
  }
  function showLink(k) {
    var l = links[k];
    clearLit();
    linkEls[k].classList.add('lit');
    nodeEls[l.s].classList.add('lit'); nodeEls[l.t].classList.add('lit');
    panel.textContent = '';
    panel.appendChild(el('h2', {}, l.rel + (l.inferred ? ' (inferred)' : '')));
    var p = el('p', {});
    p.appendChild(nodeButton(l.s));
    p.appendChild(document.createTextNode(' \u2192 ' + l.rel + ' \u2192 '));
    p.appendChild(nodeButton(l.t));
    panel.appendChild(p);
    panel.appendChild(el('h3', {}, 'Evidence (' + l.evidence.length + ')'));
    panel.appendChild(evidenceList(l));
    panel.focus();
  }
  svg.addEventListener('click', function () { if (!dragged) clearLit(); });

  /* ---- a view named in the address: #find=NAME or #node=ID opens that
   * node's panel, so that a view can be sent as a link ---- */
  var nodeById = Object.create(null);
  nodes.forEach(function (n, i) { nodeById[n.id] = i; });
  function openFromHash() {
    var m = /^#(find|node)=(.*)$/.exec(location.hash);
    if (!m) return;
    var q;
    try { q = decodeURIComponent(m[2]); } catch (e) { return; }
    var i = m[1] === 'node' ? (q in nodeById ? nodeById[q] : -1) : findNode(q);
    if (i >= 0) { showNode(i); centreOn(nodes[i]); }
    else document.getElementById('search-status').textContent = 'No node is named "' + q + '".';
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
})();
