/* xianjice explorer: search, filters, neighbourhood highlight, details panel, units × themes matrix, export.
 * All text from the input is put on screen with textContent, never as markup.
 * The data block is columnar (graph/explorer/data_block.py): node i is ids[i], k[i], l[i] …; an edge row is
 * [relation, source, target, target …].  Only the nodes shown are handed to vis-network.
 * The first view is pyvis's (graph/explorer/pages.py), laid out when written (graph/explorer/layout.py): its nodes
 * and edges (xj-nodes, xj-edges) become the DataSets and are drawn before the data block is read; main() then
 * reads it, adds the hover titles and everything else.  Nodes and edges shown later are made from the data block
 * in the same way.  The address (#node=…&tier=…&theme=…&unit=…&w=…&tab=…&cell=…) holds the state.
 * window.xj exposes the state for tests and the benchmark: xj.firstDrawMs, xj.settled, xj.settleMs, xj.marks,
 * xj.select(id), xj.meta(id), xj.details(id), xj.item, xj.matrix(), xj.showCell(unit, theme), xj.matrixCsv(),
 * xj.csvText(rows), xj.png(), xj.svg(), xj.physics(), xj.revealEssays(id),
 * xj.firstSync (what the page had to add to or drop from pyvis's first view: [0, 0, 0, 0]). */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var readJSON = function (id) { return JSON.parse($(id).textContent); };
  var MARKS = { start: performance.now() };
  var OPTIONS = readJSON("xj-options");

  // --- first draw: pyvis's nodes and edges (small), at the positions written with the page, before the data
  // block (large) is read; labels sized for the zoom that fits them (the most central ones 13 px on screen)
  var firstNodes = readJSON("xj-nodes"), firstEdges = readJSON("xj-edges");
  function fitScale(items) {
    var box = $("network").getBoundingClientRect(), minX = Infinity, minY = Infinity, maxX = -Infinity,
      maxY = -Infinity;
    items.forEach(function (n) {
      if (n.x === undefined) return;
      minX = Math.min(minX, n.x - n.size); maxX = Math.max(maxX, n.x + n.size);
      minY = Math.min(minY, n.y - n.size); maxY = Math.max(maxY, n.y + n.size + 16);
    });
    if (!isFinite(minX) || !box.width) return 1;
    return Math.min(box.width / (maxX - minX + 40), box.height / (maxY - minY + 40), 2);
  }
  function labelRoom() {
    var box = $("network").getBoundingClientRect();
    return Math.max(12, Math.min(90, Math.round(box.width * box.height / 30000)));
  }
  function fontSize(rank, scale, room) {
    var size = rank < room ? 13 / scale : rank < 3 * room ? 12 / (1.8 * scale) : 12 / (3 * scale);
    return Math.max(4, Math.min(150, size));
  }
  var guessedScale = fitScale(firstNodes);
  (function () {
    var scale = guessedScale, room = labelRoom();
    firstNodes.forEach(function (n, r) { n.font = { size: fontSize(r, scale, room), color: "#222222" }; });
  })();
  var nodesDS = new vis.DataSet(firstNodes);
  var edgesDS = new vis.DataSet(firstEdges);
  MARKS.prepared = performance.now();
  var network = new vis.Network($("network"), { nodes: nodesDS, edges: edgesDS }, OPTIONS);
  network.fit({ animation: false });
  MARKS.network = performance.now();
  var xj = window.xj = { settled: false, settleMs: null, firstDrawMs: null, marks: MARKS, network: network };
  network.once("afterDrawing", function () {
    xj.firstDrawMs = performance.now();
    document.body.setAttribute("data-drawn", "1");
    $("progress").textContent = "载入中 loading…";
    // the data block follows this script in the page: drawn before the parser has reached its end
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
    else setTimeout(main, 0);
  });

  // --- the rest: the data block, search, filters, panels, matrix -------------------------------------
  function main() {
  var DATA = readJSON("xj-data");
  MARKS.data = performance.now();
  xj.data = DATA;
  var DIM = "rgba(200,200,200,0.35)";
  var HUB_STYLE = DATA.hubStyle || {};
  var MAX_RESULTS = 20, MAX_REVEAL = 60, MAX_LIST = DATA.maxList || 300, LEGEND_OPEN_ROWS = 6;
  var IDS = DATA.ids, N = IDS.length;
  var INDEX = new Map();
  IDS.forEach(function (id, i) { INDEX.set(id, i); });

  var state = { kinds: {}, tier: null, theme: -1, unit: -1, revealed: new Set(), visible: new Set(), selected: null,
    minW: DATA.minW || 1, tab: DATA.mx && DATA.mxEssays ? "matrix" : "graph", cell: null };
  xj.state = state;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function kindOf(i) { return DATA.kinds[DATA.k[i]]; }
  function kindLabel(kind) {
    for (var i = 0; i < DATA.kinds.length; i++) if (DATA.kinds[i].kind === kind) return DATA.kinds[i].label;
    return kind;
  }
  xj.meta = function (id) {
    var i = INDEX.get(id);
    if (i === undefined) return null;
    return { k: kindOf(i).kind, l: DATA.l[i], py: DATA.py[i], en: DATA.en[i], th: DATA.th[i], e: DATA.e[i] };
  };

  // --- edges: flat arrays, adjacency by edge number ------------------------------
  var eFrom = [], eTo = [], eRel = [], eVal = [], eNote = [];
  var outE = [], inE = [];
  for (var n = 0; n < N; n++) { outE.push([]); inE.push([]); }
  DATA.edges.forEach(function (row, r) {
    var vals = DATA.vals ? DATA.vals[r] : null, notes = DATA.notes ? DATA.notes[r] : null;
    for (var j = 2; j < row.length; j++) {
      var e = eFrom.length;
      eFrom.push(row[1]); eTo.push(row[j]); eRel.push(row[0]);
      eVal.push(vals ? vals[j - 2] : 0); eNote.push(notes ? notes[j - 2] : 0);
      outE[row[1]].push(e); inE[row[j]].push(e);
    }
  });
  var HUB = new Set(DATA.hub || []);
  // weighted views whose edge value is the number of essays the two ends share (DATA.pairCounts): with a filter
  // on, an edge counts only the essays passing it (DATA.e lists are sorted essay indices), and is hidden at 0
  var PAIR = !!DATA.pairCounts, curVal = eVal.slice();
  var rankOf = new Array(N);
  DATA.order.forEach(function (i, r) { rankOf[i] = r; });

  // --- filters ------------------------------------------------------------------
  DATA.kinds.forEach(function (k) { state.kinds[k.kind] = !!k.on; });

  function essayOk(i) {
    var e = DATA.essays[i];
    return (state.tier === null || e[0] === state.tier) &&
      (state.unit < 0 || e[1].indexOf(state.unit) >= 0) &&
      (state.theme < 0 || e[2].indexOf(state.theme) >= 0);
  }
  function passes(i) {
    if (!state.kinds[kindOf(i).kind]) return false;
    if (filtering()) {
      if (!DATA.e[i].some(essayOk)) return false;
      var k = kindOf(i).kind;
      if (state.theme >= 0 && (k === "theme" || k === "concept") && DATA.th[i] &&
          DATA.th[i] !== DATA.themes[state.theme]) return false;
    }
    return true;
  }
  function filtering() { return state.tier !== null || state.unit >= 0 || state.theme >= 0; }
  function edgeCount(e) {
    if (!PAIR || !filtering()) return eVal[e];
    var a = DATA.e[eFrom[e]], b = DATA.e[eTo[e]], i = 0, j = 0, n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { if (essayOk(a[i])) n++; i++; j++; }
    }
    return n;
  }
  xj.edgeCount = edgeCount;
  function computeVisible() {
    var shown = new Set(), matching = 0;
    DATA.order.forEach(function (i) {
      if (passes(i)) {
        matching += 1;
        if (shown.size < DATA.limit) shown.add(i);
      }
    });
    state.revealed.forEach(function (i) { shown.add(i); });
    state.visible = shown;
    state.matching = matching;
  }

  // --- vis items: made only for the nodes and edges shown -----------------------------
  var positions = new Map();
  // made as graph/html.py's network() makes pyvis's (label: the node id when it has none, as pyvis does)
  function nodeTip(i) {
    var k = kindOf(i), tip = DATA.tip[i];
    return el("div", k.label + ": " + DATA.l[i] + (tip ? "\n" + tip : ""), "xj-tip");
  }
  function nodeItem(i) {
    var k = kindOf(i);
    var item = {
      id: IDS[i], label: DATA.sh[i] || DATA.l[i] || IDS[i], shape: k.shape, size: DATA.sz[i],
      color: (DATA.col && DATA.col[i]) || k.color, title: nodeTip(i)
    };
    var p = positions.get(i);
    if (p) { item.x = p.x; item.y = p.y; }
    return item;
  }
  function edgeTitle(e) {
    if (DATA.vals) return DATA.l[eFrom[e]] + " — " + DATA.l[eTo[e]] + ": " + curVal[e] + " 篇 essays";
    return DATA.rels[eRel[e]][1];
  }
  function edgeTip(e) { return el("div", edgeTitle(e), "xj-tip"); }
  function edgeItem(e) {
    var item = { id: "e" + e, from: IDS[eFrom[e]], to: IDS[eTo[e]], title: edgeTip(e) };
    if (DATA.vals) item.value = curVal[e];
    if (HUB.has(eRel[e])) Object.keys(HUB_STYLE).forEach(function (key) { item[key] = HUB_STYLE[key]; });
    return item;
  }
  xj.item = { node: function (id) { return nodeItem(INDEX.get(id)); }, edge: edgeItem };
  function baseColor(i) { return (DATA.col && DATA.col[i]) || kindOf(i).color; }

  // the first view: pyvis's nodes and edges, with plain-text hover titles
  var edgeNumber = function (item) { return parseInt(item.id.slice(1), 10); };
  nodesDS.update(firstNodes.map(function (item) {
    if (item.x !== undefined) positions.set(INDEX.get(item.id), { x: item.x, y: item.y });  // laid out when written
    return { id: item.id, title: nodeTip(INDEX.get(item.id)) };
  }));
  edgesDS.update(firstEdges.map(function (item) { return { id: item.id, title: edgeTip(edgeNumber(item)) }; }));
  var shownEdges = new Set(firstEdges.map(edgeNumber));

  function storePositions() {
    var pos = network.getPositions();
    Object.keys(pos).forEach(function (id) { positions.set(INDEX.get(id), pos[id]); });
  }
  function sync() {
    var drop = [], add = [];
    nodesDS.getIds().forEach(function (id) { if (!state.visible.has(INDEX.get(id))) drop.push(id); });
    var have = new Set(nodesDS.getIds().map(function (id) { return INDEX.get(id); }));
    state.visible.forEach(function (i) { if (!have.has(i)) add.push(nodeItem(i)); });
    var want = new Set(), changed = [];
    state.visible.forEach(function (i) {
      outE[i].forEach(function (e) {
        if (!state.visible.has(eTo[e])) return;
        var v = edgeCount(e);
        if (PAIR && v <= 0) return;
        if (DATA.vals && v < state.minW) return;
        if (v !== curVal[e]) {
          curVal[e] = v;
          if (shownEdges.has(e)) changed.push({ id: "e" + e, value: v, title: edgeTip(e) });
        }
        want.add(e);
      });
    });
    var dropE = [], addE = [];
    shownEdges.forEach(function (e) { if (!want.has(e)) dropE.push("e" + e); });
    want.forEach(function (e) { if (!shownEdges.has(e)) addE.push(edgeItem(e)); });
    shownEdges = want;
    edgesDS.remove(dropE);
    nodesDS.remove(drop);
    nodesDS.add(add);
    edgesDS.add(addE);
    edgesDS.update(changed);
    xj.lastSync = [add.length, drop.length, addE.length, dropE.length];
    return add.length > 0;
  }

  // --- network -----------------------------------------------------------------
  computeVisible();
  sync();
  xj.firstSync = xj.lastSync;

  var physicsOn = false;
  function progress(text) {
    $("progress").textContent = text || "";
    $("progress").hidden = !text;
  }
  function settle() {
    if (!physicsOn) network.setOptions({ physics: false });
    if (!xj.settled) {
      xj.settled = true;
      xj.settleMs = performance.now();
      document.body.setAttribute("data-settled", "1");
    }
    progress("");
  }
  network.on("stabilizationProgress", function (p) {
    progress("布局中 laying out… " + Math.round(100 * p.iterations / Math.max(1, p.total)) + "%");
  });

  // labels readable at the default zoom: the most central nodes get a font of 13 px on screen, the next ones
  // appear when zooming in (vis-network does not draw labels under scaling.label.drawThreshold px)
  var labelScale = guessedScale;
  function checkLabels() {
    var ratio = (network.getScale() || 1) / labelScale;
    if (ratio < 0.85 || ratio > 1.15) labelSizes();
  }
  function labelSizes() {
    var scale = network.getScale() || 1, room = labelRoom();
    labelScale = scale;
    var ranked = Array.from(state.visible).sort(function (a, b) { return rankOf[a] - rankOf[b]; });
    nodesDS.update(ranked.map(function (i, r) {
      return { id: IDS[i], font: { size: fontSize(r, scale, room), color: fontColour(i) } };
    }));
  }
  var dimmed = new Set();
  function fontColour(i) { return dimmed.has(i) ? "#bbbbbb" : "#222222"; }
  function fit() {
    network.fit({ animation: false });
    labelSizes();
  }
  xj.fit = fit;

  function relayout(then) {
    progress("布局中 laying out…");
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", function () {
      if (!physicsOn) network.setOptions({ physics: false });
      progress("");
      if (then) then();
    });
    network.stabilize(Math.max(30, Math.round(OPTIONS.physics.stabilization.iterations / 2)));
  }

  function apply(refit) {
    storePositions();
    computeVisible();
    var fresh = sync();
    var sel = state.selected === null ? null : INDEX.get(state.selected);
    if (sel !== null && !state.visible.has(sel)) clearSelection();
    else if (sel !== null) highlight(state.selected);
    if (fresh && xj.settled) relayout(refit ? fit : labelSizes);
    else if (refit) fit();
    updateStatus();
    writeHash();
  }

  function updateStatus() {
    var text = "显示 showing " + state.visible.size + " / " + DATA.total + " 节点 nodes";
    var off = DATA.kinds.filter(function (k) { return !state.kinds[k.kind] && k.kind === "essay"; });
    if (off.length) text += " — 征文按需显示 essays on demand: 选中单位/主题/概念 select a unit, theme or concept";
    if (state.matching > DATA.limit) {
      text += " — 最中心的 " + DATA.limit + " most central of " + state.matching +
        " matching; 用搜索或筛选查看其余 search or filter to reach the rest";
    }
    $("status").textContent = text;
  }

  // --- selection: highlight, details --------------------------------------------
  function highlight(id) {
    var near = new Set([id].concat(network.getConnectedNodes(id)));
    var updates = [], scale = network.getScale() || 1;
    dimmed.clear();
    state.visible.forEach(function (i) {
      var dim = !near.has(IDS[i]);
      if (dim) dimmed.add(i);
      var u = { id: IDS[i], color: dim ? DIM : baseColor(i), font: { color: fontColour(i) } };
      if (!dim) u.font.size = Math.max(4, Math.min(150, 13 / scale));  // neighbours labelled too
      updates.push(u);
    });
    nodesDS.update(updates);
  }
  function unhighlight() {
    dimmed.clear();
    var updates = [];
    state.visible.forEach(function (i) { updates.push({ id: IDS[i], color: baseColor(i), font: { color: "#222222" } }); });
    nodesDS.update(updates);
    labelSizes();
  }

  function neighbours(i) {
    return outE[i].map(function (e) { return eTo[e]; }).concat(inE[i].map(function (e) { return eFrom[e]; }));
  }

  function select(id, focus) {
    var i = INDEX.get(id);
    if (i === undefined) return;
    if (state.tab === "matrix" && focus) showTab("graph");
    if (!state.visible.has(i)) {
      state.revealed.add(i);
      Array.from(new Set(neighbours(i))).sort(function (a, b) { return rankOf[a] - rankOf[b]; })
        .slice(0, MAX_REVEAL).forEach(function (n) { state.revealed.add(n); });
      apply();
    }
    state.selected = id;
    state.cell = null;
    document.body.setAttribute("data-selected", id);
    network.selectNodes([id]);
    highlight(id);
    showDetails(i);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    writeHash();
  }
  xj.select = function (id) { select(id, true); };

  // essays on demand: a unit's, theme's or concept's essays join the drawing
  function revealEssays(i) {
    if (!DATA.ep) return 0;
    var added = 0;
    DATA.e[i].slice(0, MAX_LIST).forEach(function (x) {
      var p = DATA.ep[x];
      if (p >= 0 && !state.visible.has(p)) { state.revealed.add(p); added++; }
    });
    apply();
    if (state.selected !== null) highlight(state.selected);
    return added;
  }
  xj.revealEssays = function (id) { return revealEssays(INDEX.get(id)); };

  function clearSelection() {
    var had = state.selected !== null || state.cell !== null;
    state.selected = null;
    state.cell = null;
    document.body.removeAttribute("data-selected");
    network.unselectAll();
    unhighlight();
    $("panel").hidden = true;
    markCell();
    if (had) writeHash();
  }

  // The whole graph's lists, from its edges, as graph.html_views.details makes them:
  // grouped by relation and direction (an essay's concepts, proposals, citations first), sorted by label.
  var ESSAY_FIRST = ["unit", "author", "award", "about", "proposes", "cites", "mentions"], ESSAY_HEAD = 3;
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  var TEXT_FIELD = DATA.textField;
  function fieldValue(i, name) {
    var f = DATA.f[i].filter(function (f) { return f[0] === name; })[0];
    return f ? f[1] : "";
  }
  function entryText(rel, way, other, e) {
    var label = DATA.l[other], note = eNote[e];
    if (way === "out" && rel === "about") {
      var parts = [], where = note ? DATA.wheres[note[0]] : "";
      if (where) parts.push(where);
      parts.push((note ? note[1] : 1) + "×");
      if (note && note[2]) parts.push("line " + note[2]);
      if (note && note[3]) parts.push("「" + note[3] + "」");
      return label + " — " + parts.join(", ") + (note && note[4] ? ": …" + note[4] + "…" : "");
    }
    if (way === "out" && rel === "award") return note ? label + " — " + DATA.wheres[note[0]] : label;
    if (way === "out" && rel === "proposes") {
      var text = fieldValue(other, TEXT_FIELD) || label;
      return DATA.po[other] ? DATA.po[other] + ". " + text : text;
    }
    if (way === "out" && (rel === "cites" || rel === "mentions")) return label + " ×" + (note || 1);
    if (way === "out" && rel === "unit") return orgPath(other);
    return label;
  }
  // an organisation's essays per theme and its essays (graph.html_views.org_lists), a concept's co-occurring concepts
  var OE = DATA.oe || {}, CO = DATA.co || {}, HEAD = DATA.headings || {};
  var themeNode = new Map();
  for (var t = 0; t < N; t++) if (kindOf(t).kind === "theme" && !themeNode.has(DATA.th[t])) themeNode.set(DATA.th[t], t);
  function section(heading, items) {  // items: [text, position or undefined]; cut and counted as _cap does
    var total = items.length;
    var entries = items.slice(0, MAX_LIST).map(function (it) {
      if (it[1] === undefined || it[1] < 0) return [it[0]];
      return it[0] === DATA.l[it[1]] ? it[1] : it;
    });
    if (total > MAX_LIST) entries.push(["… " + (total - MAX_LIST) + " more"]);
    return [total > 1 ? heading + " (" + total + ")" : heading, entries];
  }
  // the top-level units that wrote on a theme or concept (graph.explorer.views.unit_lists)
  function unitLists(essays) {
    var counts = new Map();
    essays.forEach(function (x) {
      DATA.essays[x][1].forEach(function (u) { counts.set(u, (counts.get(u) || 0) + 1); });
    });
    var items = Array.from(counts.entries()).sort(function (a, b) {
      return b[1] - a[1] || cmp(DATA.units[a[0]], DATA.units[b[0]]);
    }).map(function (c) { return [DATA.units[c[0]] + ": " + c[1], DATA.unitNode[c[0]]]; });
    return items.length ? [section(DATA.unitsHeading, items)] : [];
  }
  function orgLists(own) {
    var counts = new Map();
    own.forEach(function (x) {
      DATA.essays[x][2].forEach(function (t) { counts.set(t, (counts.get(t) || 0) + 1); });
    });
    var perTheme = Array.from(counts.entries()).sort(function (a, b) {
      return b[1] - a[1] || cmp(DATA.themes[a[0]], DATA.themes[b[0]]);
    }).map(function (c) { return [DATA.themes[c[0]] + ": " + c[1], themeNode.get(DATA.themes[c[0]])]; });
    var essays = own.map(function (x) { return DATA.ep[x]; }).sort(function (a, b) {
      return cmp(DATA.l[a], DATA.l[b]) || cmp(IDS[a], IDS[b]);
    }).map(function (p) { return [DATA.l[p], p]; });
    return (perTheme.length ? [section(HEAD.perTheme, perTheme)] : []).concat([section(HEAD.essays, essays)]);
  }
  function coLists(pairs) {
    var items = [];
    for (var j = 0; j < pairs.length; j += 2) items.push([DATA.l[pairs[j]] + " ×" + pairs[j + 1], pairs[j]]);
    return [section(HEAD.co, items)];
  }
  // a unit's path under the root by plain labels, following the first parent by id (graph.themes.org_path)
  function orgPath(i) {
    var path = [], seen = new Set();
    while (i !== undefined && !seen.has(i)) {
      seen.add(i);
      path.unshift((DATA.plain && DATA.plain[i]) || DATA.l[i]);
      var up = outE[i].filter(function (e) { return DATA.rels[eRel[e]][0] === "sub_organisation_of"; })
        .map(function (e) { return eTo[e]; }).sort(function (a, b) { return cmp(IDS[a], IDS[b]); });
      i = up[0];
    }
    return path.join(" › ");
  }
  function edgeLists(i) {
    var groups = new Map(), essay = kindOf(i).kind === "essay";
    var own = kindOf(i).kind === "organisation" && OE[i] && OE[i].length ? orgLists(OE[i]) : [];
    function add(e, way, other) {
      var rel = DATA.rels[eRel[e]], key = rel[0] + "\u0000" + way;
      if (own.length && rel[0] === "unit" && way === "in") return;  // listed with its sub-units' essays
      if (!groups.has(key)) groups.set(key, { rel: rel, way: way, items: [] });
      groups.get(key).items.push([other, e]);
    }
    outE[i].forEach(function (e) { add(e, "out", eTo[e]); });
    inE[i].forEach(function (e) { add(e, "in", eFrom[e]); });
    function order(g) {
      var at = essay && g.way === "out" ? ESSAY_FIRST.indexOf(g.rel[0]) : -1;
      return at >= 0 ? at : essay ? ESSAY_FIRST.length : 0;
    }
    var list = Array.from(groups.values()).sort(function (a, b) {
      return order(a) - order(b) || cmp(a.rel[0], b.rel[0]) || cmp(a.way, b.way);
    });
    var lists = list.map(function (g) {
      var byOrder = g.way === "out" && g.rel[0] === "proposes";
      var byCount = g.way === "out" && g.rel[0] === "about";
      g.items.sort(function (a, b) {
        if (byOrder) return DATA.po[a[0]] - DATA.po[b[0]] || cmp(IDS[a[0]], IDS[b[0]]);
        if (byCount) return (eNote[b[1]] ? eNote[b[1]][1] : 1) - (eNote[a[1]] ? eNote[a[1]][1] : 1) ||
          cmp(DATA.l[a[0]], DATA.l[b[0]]) || cmp(IDS[a[0]], IDS[b[0]]);
        return cmp(DATA.l[a[0]], DATA.l[b[0]]) || cmp(IDS[a[0]], IDS[b[0]]);
      });
      var total = g.items.length;
      var entries = g.items.slice(0, MAX_LIST).map(function (it) {
        var text = entryText(g.rel[0], g.way, it[0], it[1]);
        return text === DATA.l[it[0]] ? it[0] : [text, it[0]];
      });
      if (total > MAX_LIST) entries.push(["… " + (total - MAX_LIST) + " more"]);
      var heading = g.way === "out" ? g.rel[1] : g.rel[2];
      return [total > 1 ? heading + " (" + total + ")" : heading, entries];
    });
    if (kindOf(i).kind === "concept" && CO[i]) lists = lists.concat(coLists(CO[i]));
    var k = kindOf(i).kind, units = k === "theme" || k === "concept" ? unitLists(DATA.e[i]) : [];
    var top = essay ? list.filter(function (g) { return g.way === "out" && ESSAY_FIRST.indexOf(g.rel[0]) >= 0 &&
      ESSAY_FIRST.indexOf(g.rel[0]) < ESSAY_HEAD; }).length : 0;
    return { lists: own.concat(units, lists), top: top };
  }
  function detailsOf(i) {
    if (DATA.details) return DATA.details[i];
    var made = edgeLists(i);
    return {
      kind: kindOf(i).kind, title: DATA.l[i],
      fields: DATA.f[i].map(function (f) { return [DATA.fieldNames[f[0]], f[1]]; }),
      lists: made.lists, top: made.top
    };
  }
  xj.details = function (id) { return detailsOf(INDEX.get(id)); };

  // a link to a node: on this page it selects the node, else it opens the whole graph at it (#node=…)
  var MAIN = DATA.views.length ? DATA.views[0].href : "";
  function nodeLink(text, id, here) {
    var a = el("a", text);
    a.setAttribute("data-id", id);
    a.href = (here ? "" : MAIN) + "#" + hashOf({ node: id }, !here);
    if (here) a.addEventListener("click", function (ev) { ev.preventDefault(); select(id, true); });
    return a;
  }
  function renderLists(box, lists) {
    lists.forEach(function (section) {
      box.appendChild(el("h3", section[0]));
      var ul = el("ul");
      section[1].forEach(function (item) {
        // an entry is a node position, [text, node position], [text, -1, node id] (whole graph only) or [text]
        var li = el("li");
        var target = typeof item === "number" ? item : item.length > 1 ? item[1] : null;
        var text = typeof item === "number" ? DATA.l[item] : item[0];
        if (target !== null && target >= 0 && target < N) li.appendChild(nodeLink(text, IDS[target], true));
        else if (item.length > 2 && MAIN) li.appendChild(nodeLink(text, item[2], false));
        else li.textContent = text;
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
  }
  var listed = [];  // the essays the panel lists, for its CSV: [id, title, tier, unit path]
  function showDetails(i) {
    var d = detailsOf(i), top = d.top || 0;
    $("panel-kind").textContent = kindLabel(d.kind);
    $("panel-title").textContent = d.title;
    var dl = $("panel-fields");
    dl.replaceChildren();
    d.fields.forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    $("panel-head").replaceChildren();
    renderLists($("panel-head"), d.lists.slice(0, top));
    $("panel-lists").replaceChildren();
    renderLists($("panel-lists"), d.lists.slice(top));
    var tools = $("panel-tools");
    tools.replaceChildren();
    listed = essaysOf(i);
    if (listed.length && kindOf(i).kind !== "essay") {
      if (DATA.ep && DATA.e[i].some(function (x) { return !state.visible.has(DATA.ep[x]); })) {
        var show = el("button", "显示其征文 show its essays (" + Math.min(DATA.e[i].length, MAX_LIST) + ")");
        show.id = "show-essays";
        show.type = "button";
        show.addEventListener("click", function () { revealEssays(i); });
        tools.appendChild(show);
      }
      tools.appendChild(csvButton());
    }
    $("panel").hidden = false;
  }
  function essayMeta(x) {
    if (DATA.mxEssays) return DATA.mxEssays[x];
    var p = DATA.ep ? DATA.ep[x] : -1;
    if (p < 0 || p === undefined) return null;
    var tier = DATA.essays[x][0];
    var tl = DATA.tiers.filter(function (t) { return t[0] === tier; })[0];
    return [IDS[p], DATA.l[p], tl ? tl[1] : "", DATA.essays[x][1].map(function (u) { return DATA.units[u]; }).join("; ")];
  }
  function essaysOf(i) {
    return DATA.e[i].filter(essayOkAll).map(essayMeta).filter(function (m) { return m; });
  }
  function essayOkAll(x) { return !filtering() || essayOk(x); }
  function csvButton() {
    var b = el("button", "导出 CSV (征文 essays)");
    b.id = "essays-csv";
    b.type = "button";
    b.addEventListener("click", function () {
      download("essays.csv", csvBlob([["id", "title", "tier", "unit"]].concat(listed)));
    });
    return b;
  }

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false);
    else clearSelection();
  });
  $("close").addEventListener("click", clearSelection);
  document.addEventListener("pointerdown", function (ev) {  // the results list closes when clicking elsewhere
    if (!$("searchbox").contains(ev.target)) $("results").replaceChildren();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target !== $("search")) clearSelection();
  });

  // --- search ----------------------------------------------------------------
  function compact(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^0-9a-z]/g, "");
  }
  function find(query) {
    var q = query.trim();
    if (!q) return [];
    var lower = q.toLowerCase(), py = compact(q), hits = [];
    for (var i = 0; i < N; i++) {
      var l = DATA.l[i], p = DATA.py[i], en = DATA.en[i], al = DATA.al ? DATA.al[i] : "", score = -1;
      if (l === q) score = 0;
      else if (l.indexOf(q) >= 0) score = 1;
      else if (al && al.toLowerCase().indexOf(lower) >= 0) score = 1.5;
      else if (py && p && p.indexOf(py) >= 0) score = p.indexOf(py) === 0 ? 2 : 3;
      else if (en && en.toLowerCase().indexOf(lower) >= 0) score = 4;
      if (score >= 0) hits.push([score, rankOf[i], i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.slice(0, MAX_RESULTS).map(function (h) { return IDS[h[2]]; });
  }
  function showResults(ids) {
    var ul = $("results");
    ul.replaceChildren();
    ids.forEach(function (id) {
      var li = el("li"), i = INDEX.get(id);
      var b = el("button", DATA.l[i]);
      b.type = "button";
      b.setAttribute("data-id", id);
      b.appendChild(el("span", kindOf(i).label, "kind"));
      b.addEventListener("click", function () { select(id, true); ul.replaceChildren(); });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }
  var active = -1;
  function markActive(k) {
    var bs = $("results").querySelectorAll("button");
    if (!bs.length) return;
    active = (k + bs.length) % bs.length;
    Array.prototype.forEach.call(bs, function (b, j) {
      b.classList.toggle("active", j === active);
      b.setAttribute("aria-selected", j === active ? "true" : "false");
    });
    bs[active].scrollIntoView({ block: "nearest" });
  }
  $("search").addEventListener("input", function () { active = -1; showResults(find(this.value)); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!$("results").children.length) showResults(find(this.value));
      markActive(active + (ev.key === "ArrowDown" ? 1 : -1));
    } else if (ev.key === "Enter") {
      var ids = find(this.value);
      var pick = active >= 0 && ids[active] ? ids[active] : ids[0];
      if (pick) { select(pick, true); $("results").replaceChildren(); active = -1; }
    } else if (ev.key === "Escape") {
      if ($("results").children.length) $("results").replaceChildren();
      else clearSelection();
      active = -1;
    }
  });

  // --- controls ----------------------------------------------------------------
  function fillSelect(id, values, parse) {
    var sel = $(id);
    if (!values.length) { sel.hidden = true; return; }
    values.forEach(function (v) {
      var opt = el("option", v[1]);
      opt.value = String(v[0]);
      sel.appendChild(opt);
    });
    sel.addEventListener("change", function () { parse(sel.value); filtersChanged(); });
  }
  function numbered(list) { return list.map(function (v, i) { return [i, v]; }); }
  fillSelect("f-tier", DATA.tiers, function (v) { state.tier = v !== "" ? parseInt(v, 10) : null; });  // 0 is 特等奖
  fillSelect("f-theme", numbered(DATA.themes), function (v) { state.theme = v ? parseInt(v, 10) : -1; });
  fillSelect("f-unit", numbered(DATA.units), function (v) { state.unit = v ? parseInt(v, 10) : -1; });

  DATA.kinds.forEach(function (k) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = !!k.on;
    box.value = k.kind;
    box.setAttribute("data-kind", k.kind);
    box.addEventListener("change", function () { state.kinds[k.kind] = box.checked; apply(true); });
    var sw = el("span", null, "sw");
    sw.style.background = k.color;
    label.appendChild(box);
    label.appendChild(sw);
    label.appendChild(document.createTextNode(k.label));
    $("kinds").appendChild(label);
  });

  $("reset").addEventListener("click", function () {
    state.tier = null; state.theme = -1; state.unit = -1; state.revealed.clear();
    ["f-tier", "f-theme", "f-unit"].forEach(function (id) { $(id).value = ""; });
    DATA.kinds.forEach(function (k) { state.kinds[k.kind] = !!k.on; });
    Array.prototype.forEach.call($("kinds").querySelectorAll("input"), function (b) {
      b.checked = !!state.kinds[b.value];
    });
    $("search").value = "";
    $("results").replaceChildren();
    state.minW = DATA.minW || 1;
    $("f-weight").value = String(state.minW);
    clearSelection();
    filtersChanged();
  });

  // --- views and legend ----------------------------------------------------------
  DATA.views.forEach(function (v) {
    var item = v.id === DATA.view ? el("span", v.label, "current") : el("a", v.label);
    if (v.id !== DATA.view) { item.href = v.href; item.setAttribute("data-href", v.href); }
    $("views").appendChild(item);
  });

  var SVG = "http://www.w3.org/2000/svg";
  function swatch(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
    var pts = {
      square: "2,2 12,2 12,12 2,12", triangle: "7,1 13,13 1,13", triangleDown: "1,1 13,1 7,13",
      diamond: "7,0 14,7 7,14 0,7", hexagon: "4,1 10,1 13,7 10,13 4,13 1,7",
      star: "7,0 9,5 14,5 10,8 12,14 7,10 2,14 4,8 0,5 5,5"
    }[shape];
    var s;
    if (pts) { s = document.createElementNS(SVG, "polygon"); s.setAttribute("points", pts); }
    else { s = document.createElementNS(SVG, "circle"); s.setAttribute("cx", "7"); s.setAttribute("cy", "7"); s.setAttribute("r", "6"); }
    s.setAttribute("fill", color);
    s.setAttribute("stroke", "#555");
    s.setAttribute("stroke-width", "0.6");
    svg.appendChild(s);
    return svg;
  }
  DATA.legend.forEach(function (item) {
    var row = el("div");
    row.appendChild(swatch(item.shape, item.color));
    row.appendChild(el("span", item.label));
    $("legend-items").appendChild(row);
  });
  // a long legend starts folded (its summary opens it), so it does not cover the graph
  if (DATA.legend.length > LEGEND_OPEN_ROWS || window.innerHeight < 600) $("legend").open = false;
  if (!DATA.legend.length) $("legend").hidden = true;

  // the whole graph points first-time users to the units × themes view
  if (DATA.hint) {
    var hint = $("hint"), link = el("a", DATA.hint.link);
    link.href = DATA.hint.href;
    hint.appendChild(document.createTextNode(DATA.hint.text + " "));
    hint.appendChild(link);
    hint.hidden = false;
  }

  // --- filters, threshold, view buttons ------------------------------------------------
  function filtersChanged() {
    apply(true);
    if (MX) drawMatrix();
    writeHash();
  }
  if (DATA.vals) {
    $("weight").hidden = false;
    $("f-weight").value = String(state.minW);
    $("f-weight").max = String(Math.max.apply(null, [1].concat(eVal)));
    $("f-weight").addEventListener("change", function () {
      state.minW = Math.max(1, parseInt(this.value, 10) || 1);
      apply(true);
    });
  }
  $("zoom-in").addEventListener("click", function () { network.moveTo({ scale: network.getScale() * 1.4 }); });
  $("zoom-out").addEventListener("click", function () { network.moveTo({ scale: network.getScale() / 1.4 }); });
  $("fit").addEventListener("click", fit);
  $("physics").addEventListener("click", function () {
    physicsOn = !physicsOn;
    this.setAttribute("aria-pressed", physicsOn ? "true" : "false");
    network.setOptions({ physics: { enabled: physicsOn, stabilization: { enabled: false } } });
    if (physicsOn) network.startSimulation(); else network.stopSimulation();
  });
  xj.physics = function () { return network.physics.physicsEnabled; };

  // --- export: PNG, SVG, CSV ----------------------------------------------------------------
  function download(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  // a cell is neutralised when it could start a formula (OWASP: = + - @, tab, carriage return)
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csvText(rows) { return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n"; }
  function csvBlob(rows) { return new Blob([csvText(rows)], { type: "text/csv;charset=utf-8" }); }
  xj.csvText = csvText;
  xj.listedCsv = function () { return csvText([["id", "title", "tier", "unit"]].concat(listed)); };
  function pngData() {
    var src = $("network").querySelector("canvas"), c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, c.width, c.height);
    g.drawImage(src, 0, 0);
    return c;
  }
  xj.png = function () { return pngData().toDataURL("image/png"); };
  $("png").addEventListener("click", function () {
    pngData().toBlob(function (b) { download(DATA.view + ".png", b); }, "image/png");
  });
  // the current view as SVG: shown edges as lines, nodes as shapes, labels as text (selectable)
  function svgText() {
    var pos = network.getPositions(), ids = nodesDS.getIds(), minX = Infinity, minY = Infinity, maxX = -Infinity,
      maxY = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id]; if (!p) return;
      minX = Math.min(minX, p.x); minY = Math.min(minY, p.y); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y);
    });
    if (!isFinite(minX)) { minX = minY = 0; maxX = maxY = 1; }
    var pad = 80, doc = document.implementation.createDocument(SVG, "svg", null), root = doc.documentElement;
    root.setAttribute("viewBox", [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad].join(" "));
    root.setAttribute("font-family", "Noto Sans CJK SC, Noto Sans SC, sans-serif");
    function node(tag, attrs, parent) {
      var n = doc.createElementNS(SVG, tag);
      Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
      (parent || root).appendChild(n);
      return n;
    }
    node("rect", { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad, fill: "#ffffff" });
    var ge = node("g", { stroke: "#c4c4c4", "stroke-width": "1" });
    edgesDS.get().forEach(function (e) {
      var a = pos[e.from], b = pos[e.to];
      if (!a || !b) return;
      var w = e.value ? Math.min(8, 1 + Math.log(e.value)) : 1;
      var line = node("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": w.toFixed(2) }, ge);
      node("title", {}, line).textContent = e.title && e.title.textContent ? e.title.textContent : "";
    });
    var gn = node("g", {});
    ids.forEach(function (id) {
      var i = INDEX.get(id), p = pos[id];
      if (!p) return;
      var r = DATA.sz[i], colour = baseColor(i), shape = kindOf(i).shape, g = node("g", {}, gn);
      if (shape === "square") node("rect", { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, fill: colour, stroke: "#555" }, g);
      else if (shape === "diamond") node("polygon", { points: [p.x, p.y - r, p.x + r, p.y, p.x, p.y + r, p.x - r, p.y].join(" "), fill: colour, stroke: "#555" }, g);
      else node("circle", { cx: p.x, cy: p.y, r: r, fill: colour, stroke: "#555" }, g);
      node("title", {}, g).textContent = DATA.l[i];
      var t = node("text", { x: p.x, y: p.y + r + 14, "text-anchor": "middle", "font-size": "12", fill: "#222" }, g);
      t.textContent = DATA.sh[i] || DATA.l[i];
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  }
  xj.svg = svgText;
  $("svg").addEventListener("click", function () {
    download(DATA.view + ".svg", new Blob([svgText()], { type: "image/svg+xml;charset=utf-8" }));
  });

  // --- the units × themes matrix --------------------------------------------------------
  var MX = DATA.mx && DATA.mxEssays ? DATA.mx : null;
  var mxState = { scale: "share", rowKey: "total", rowDir: -1, colKey: "order", open: new Set() };
  xj.mxState = mxState;
  function mxCounts() {
    var U = MX.units.length, T = MX.themes.length, S = MX.subs.length;
    var cells = [], row = [], col = new Array(T).fill(0), sub = [], subRow = new Array(S).fill(0), own = [],
      ownRow = new Array(U).fill(0), grand = 0;
    for (var u = 0; u < U; u++) { cells.push(new Array(T).fill(0)); own.push(new Array(T).fill(0)); row.push(0); }
    for (var s = 0; s < S; s++) sub.push(new Array(T).fill(0));
    MX.rows.forEach(function (r, x) {
      if (!essayOkAll(x)) return;
      grand++;
      r[1].forEach(function (t) { col[t]++; });
      r[0].forEach(function (u) { row[u]++; r[1].forEach(function (t) { cells[u][t]++; }); });
      r[2].forEach(function (s) {
        if (s >= 0) { subRow[s]++; r[1].forEach(function (t) { sub[s][t]++; }); }
        else r[0].forEach(function (u) { ownRow[u]++; r[1].forEach(function (t) { own[u][t]++; }); });
      });
    });
    return { cells: cells, row: row, col: col, sub: sub, subRow: subRow, own: own, ownRow: ownRow, grand: grand };
  }
  xj.matrix = function () {  // what the table says, as unit_theme_matrix(level="top") says it
    var c = mxCounts();
    return { themes: MX.themes.slice(), rows: MX.units.map(function (u, i) {
      var themes = {};
      MX.themes.forEach(function (t, j) { themes[t] = c.cells[i][j]; });
      return { unit: u, essays: c.row[i], themes: themes };
    }).filter(function (r, i) { return c.row[i] > 0; }), totals: { essays: c.grand, themes: Object.fromEntries(MX.themes.map(function (t, j) { return [t, c.col[j]]; })) } };
  };
  function shade(v, rowTotal, max) {
    if (!v) return 0;
    return mxState.scale === "share" ? v / Math.max(1, rowTotal) : Math.log(1 + v) / Math.log(1 + Math.max(1, max));
  }
  function cellColour(f) {
    var a = [255, 255, 255], b = [31, 78, 121];
    return "rgb(" + a.map(function (x, k) { return Math.round(x + (b[k] - x) * f); }).join(",") + ")";
  }
  function mxCell(tr, v, rowTotal, max, u, t, s) {
    var td = el("td", v, "cell" + (v ? "" : " zero")), f = shade(v, rowTotal, max);
    td.style.background = cellColour(f);
    if (f > 0.55) td.style.color = "#fff";
    td.setAttribute("data-u", u); td.setAttribute("data-t", t);
    if (s !== undefined) td.setAttribute("data-s", s);
    td.title = (s === undefined ? MX.units[u] : subName(u, s)) + " × " + MX.themes[t] + ": " + v + " 篇 essays" +
      (rowTotal ? " (" + Math.round(100 * v / rowTotal) + "%)" : "");
    if (v) td.addEventListener("click", function () { showCell(u, t, s); });
    tr.appendChild(td);
  }
  function subName(u, s) { return MX.units[u] + " › " + (s >= 0 ? MX.subs[s][0] : MX.own); }
  function drawMatrix() {
    var c = mxCounts(), U = MX.units.length, T = MX.themes.length, table = $("mx");
    var max = 0;
    c.cells.forEach(function (r) { r.forEach(function (v) { max = Math.max(max, v); }); });
    var rows = []; for (var u = 0; u < U; u++) if (c.row[u] > 0) rows.push(u);
    var cols = []; for (var t = 0; t < T; t++) cols.push(t);
    if (mxState.colKey === "name") cols.sort(function (a, b) { return cmp(MX.themes[a], MX.themes[b]); });
    else if (typeof mxState.colKey === "number") {
      var ru = mxState.colKey;
      cols.sort(function (a, b) { return c.cells[ru][b] - c.cells[ru][a] || a - b; });
    } else cols.sort(function (a, b) { return c.col[b] - c.col[a] || a - b; });
    var key = mxState.rowKey, dir = mxState.rowDir;
    rows.sort(function (a, b) {
      var d = key === "name" ? cmp(MX.units[a], MX.units[b]) : key === "total" ? c.row[a] - c.row[b] :
        c.cells[a][key] - c.cells[b][key];
      return dir * d || cmp(MX.units[a], MX.units[b]);
    });
    table.replaceChildren();
    var thead = el("thead"), hr = el("tr");
    var h0 = el("th", "单位 unit" + (key === "name" ? (dir > 0 ? " ▲" : " ▼") : ""), key === "name" ? "sorted" : "");
    h0.setAttribute("data-sort", "name");
    h0.addEventListener("click", function () { sortRows("name"); });
    hr.appendChild(h0);
    var hT = el("th", "征文 essays" + (key === "total" ? (dir > 0 ? " ▲" : " ▼") : ""), key === "total" ? "sorted" : "");
    hT.setAttribute("data-sort", "total");
    hT.addEventListener("click", function () { sortRows("total"); });
    hr.appendChild(hT);
    cols.forEach(function (t) {
      var th = el("th", MX.themes[t] + (key === t ? (dir > 0 ? " ▲" : " ▼") : ""), key === t ? "sorted" : "");
      th.setAttribute("data-t", t);
      th.title = "按此主题排序 sort the units by " + MX.themes[t];
      th.addEventListener("click", function () { sortRows(t); });
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var body = el("tbody");
    rows.forEach(function (u) {
      var tr = el("tr"), th = el("th"), subs = MX.subs.map(function (s, k) { return k; })
        .filter(function (k) { return MX.subs[k][2] === u && c.subRow[k] > 0; });
      tr.setAttribute("data-u", u);
      if (subs.length) {
        var b = el("button", mxState.open.has(u) ? "▾" : "▸", "expand");
        b.type = "button";
        b.setAttribute("aria-expanded", mxState.open.has(u) ? "true" : "false");
        b.title = "展开下级单位 show its sub-units";
        b.addEventListener("click", function () {
          if (mxState.open.has(u)) mxState.open.delete(u); else mxState.open.add(u);
          drawMatrix();
        });
        th.appendChild(b);
      }
      var name = MX.unitIds[u] && INDEX.has(MX.unitIds[u]) ? nodeLink(MX.units[u], MX.unitIds[u], true) : el("span", MX.units[u]);
      th.appendChild(name);
      var sc = el("button", "⇆", "sortcols");
      sc.type = "button";
      sc.title = "按此单位排列主题 order the themes by this unit";
      sc.addEventListener("click", function () { mxState.colKey = mxState.colKey === u ? "order" : u; drawMatrix(); });
      th.appendChild(sc);
      tr.appendChild(th);
      tr.appendChild(el("td", c.row[u], "total"));
      cols.forEach(function (t) { mxCell(tr, c.cells[u][t], c.row[u], max, u, t); });
      body.appendChild(tr);
      if (!mxState.open.has(u)) return;
      var parts = subs.map(function (k) { return [k, c.subRow[k], c.sub[k]]; });
      if (c.ownRow[u] > 0) parts.push([-1, c.ownRow[u], c.own[u]]);
      parts.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      parts.forEach(function (p) {
        var sr = el("tr", null, "sub"), sth = el("th");
        var sid = p[0] >= 0 ? MX.subs[p[0]][1] : "";
        sth.appendChild(sid && INDEX.has(sid) ? nodeLink(p[0] >= 0 ? MX.subs[p[0]][0] : MX.own, sid, true) :
          sid && MAIN ? nodeLink(MX.subs[p[0]][0], sid, false) : el("span", MX.own));
        sr.setAttribute("data-s", p[0]);
        sr.appendChild(sth);
        sr.appendChild(el("td", p[1], "total"));
        cols.forEach(function (t) { mxCell(sr, p[2][t], p[1], max, u, t, p[0]); });
        body.appendChild(sr);
      });
    });
    table.appendChild(body);
    var foot = el("tfoot"), fr = el("tr");
    fr.appendChild(el("th", "合计 total (每篇一次 each essay once)"));
    fr.appendChild(el("td", c.grand, "total"));
    cols.forEach(function (t) { fr.appendChild(el("td", c.col[t], "total")); });
    foot.appendChild(fr);
    table.appendChild(foot);
    $("m-note").textContent = "单元格 = 征文篇数 cells count essays; " + (mxState.scale === "share" ?
      "颜色 = 占该单位征文的比例 shade = share of the unit's essays" : "颜色 = 篇数的对数 shade = log of the count") +
      (filtering() ? "; 已筛选 filtered" : "");
    markCell();
  }
  function sortRows(key) {
    if (mxState.rowKey === key) mxState.rowDir = -mxState.rowDir;
    else { mxState.rowKey = key; mxState.rowDir = key === "name" ? 1 : -1; }
    drawMatrix();
  }
  function markCell() {
    if (!MX) return;
    Array.prototype.forEach.call($("mx").querySelectorAll("td.chosen"), function (td) { td.classList.remove("chosen"); });
    if (!state.cell) return;
    var q = "td.cell[data-u='" + state.cell[0] + "'][data-t='" + state.cell[1] + "']" +
      (state.cell[2] === undefined ? ":not([data-s])" : "[data-s='" + state.cell[2] + "']");
    var td = $("mx").querySelector(q);
    if (td) td.classList.add("chosen");
  }
  function cellEssays(u, t, s) {
    var out = [];
    MX.rows.forEach(function (r, x) {
      if (!essayOkAll(x) || r[1].indexOf(t) < 0 || r[0].indexOf(u) < 0) return;
      if (s !== undefined && r[2].indexOf(s) < 0) return;
      out.push(x);
    });
    return out;
  }
  function showCell(u, t, s) {
    if (state.selected !== null) { state.selected = null; network.unselectAll(); unhighlight(); }
    state.cell = s === undefined ? [u, t] : [u, t, s];
    var xs = cellEssays(u, t, s);
    listed = xs.map(essayMeta);
    listed.sort(function (a, b) { return cmp(a[2], b[2]) || cmp(a[1], b[1]) || cmp(a[0], b[0]); });
    $("panel-kind").textContent = "单位 × 主题 unit × theme";
    $("panel-title").textContent = (s === undefined ? MX.units[u] : subName(u, s)) + " × " + MX.themes[t];
    var dl = $("panel-fields");
    dl.replaceChildren();
    dl.appendChild(el("dt", "征文 essays"));
    dl.appendChild(el("dd", String(xs.length)));
    $("panel-head").replaceChildren();
    var box = $("panel-lists");
    box.replaceChildren();
    box.appendChild(el("h3", "征文 essays (" + listed.length + ")"));
    var ul = el("ul");
    listed.forEach(function (m) {
      var li = el("li");
      li.appendChild(INDEX.has(m[0]) ? nodeLink(m[1], m[0], true) : MAIN ? nodeLink(m[1], m[0], false) : el("span", m[1]));
      li.appendChild(el("div", [m[2], m[3]].filter(Boolean).join(" · "), "meta"));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    $("panel-tools").replaceChildren(csvButton());
    $("panel").hidden = false;
    markCell();
    writeHash();
  }
  xj.showCell = function (unit, theme) { showCell(MX.units.indexOf(unit), MX.themes.indexOf(theme)); };
  function matrixCsv() {
    var c = mxCounts(), rows = [["unit", "essays"].concat(MX.themes)];
    MX.units.forEach(function (u, i) {
      if (c.row[i] > 0) rows.push([u, c.row[i]].concat(c.cells[i]));
    });
    rows.push(["total", c.grand].concat(c.col));
    return csvText(rows);
  }
  xj.matrixCsv = matrixCsv;
  function showTab(tab) {
    state.tab = tab;
    if (!MX) return;
    $("matrix").hidden = tab !== "matrix";
    $("tab-matrix").setAttribute("aria-selected", tab === "matrix" ? "true" : "false");
    $("tab-graph").setAttribute("aria-selected", tab === "graph" ? "true" : "false");
    if (tab === "graph") fit();
    writeHash();
  }
  if (MX) {
    $("tabs").hidden = false;
    $("tab-matrix").addEventListener("click", function () { showTab("matrix"); });
    $("tab-graph").addEventListener("click", function () { showTab("graph"); });
    $("m-scale").addEventListener("change", function () { mxState.scale = this.value; drawMatrix(); });
    $("m-csv").addEventListener("click", function () {
      download("units-themes.csv", new Blob([matrixCsv()], { type: "text/csv;charset=utf-8" }));
    });
    drawMatrix();
  }

  // --- the address holds the state: #node=…&tier=…&theme=…&unit=…&w=…&tab=…&cell=… ------------
  function hashOf(values, withFilters) {
    var parts = [];
    Object.keys(values).forEach(function (k) {
      if (values[k] !== null && values[k] !== undefined && values[k] !== "")
        parts.push(k + "=" + encodeURIComponent(values[k]).replace(/%2F/g, "/"));
    });
    if (withFilters) { var f = filterHash(); if (f) parts.push(f); }
    return parts.join("&");
  }
  function filterHash() {
    return hashOf({ tier: state.tier === null ? "" : state.tier, theme: state.theme >= 0 ? DATA.themes[state.theme] : "",
      unit: state.unit >= 0 ? DATA.units[state.unit] : "" }, false);
  }
  var reading = false;
  function writeHash() {
    if (reading || !xj.ready) return;
    var h = hashOf({ node: state.selected, w: DATA.vals && state.minW !== (DATA.minW || 1) ? state.minW : "",
      tab: MX && state.tab !== "matrix" ? state.tab : "",
      cell: state.cell ? MX.units[state.cell[0]] + "|" + MX.themes[state.cell[1]] +
        (state.cell[2] !== undefined ? "|" + state.cell[2] : "") : "" }, true);
    if (location.hash.slice(1) !== h) history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    var f = filterHash();
    Array.prototype.forEach.call($("views").querySelectorAll("a[data-href]"), function (a) {
      a.href = a.getAttribute("data-href") + (f ? "#" + f : "");
    });
  }
  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    reading = true;
    try {
      var tier = params.get("tier"), theme = params.get("theme"), unit = params.get("unit"), w = params.get("w");
      state.tier = tier !== null && tier !== "" && !isNaN(parseInt(tier, 10)) ? parseInt(tier, 10) : null;
      state.theme = theme ? DATA.themes.indexOf(theme) : -1;
      state.unit = unit ? DATA.units.indexOf(unit) : -1;
      $("f-tier").value = state.tier === null ? "" : String(state.tier);
      $("f-theme").value = state.theme >= 0 ? String(state.theme) : "";
      $("f-unit").value = state.unit >= 0 ? String(state.unit) : "";
      if (w && DATA.vals) { state.minW = Math.max(1, parseInt(w, 10) || 1); $("f-weight").value = String(state.minW); }
      if (MX) {
        var tab = params.get("tab");
        showTab(tab === "graph" ? "graph" : "matrix");
      }
      apply(filtering() || !!w);
      if (MX) drawMatrix();
      var node = params.get("node"), cell = params.get("cell");
      if (node && INDEX.has(node)) select(node, true);
      else if (cell && MX) {
        var p = cell.split("|"), u = MX.units.indexOf(p[0]), t = MX.themes.indexOf(p[1]);
        if (u >= 0 && t >= 0) {
          if (p.length > 2) { mxState.open.add(u); drawMatrix(); }
          showCell(u, t, p.length > 2 ? parseInt(p[2], 10) : undefined);
        }
      }
    } finally {
      reading = false;
    }
    writeHash();
  }
  window.addEventListener("hashchange", readHash);

  // --- start: draw at the positions written with the page, fit, label, then follow the address ------
  MARKS.tail = performance.now();
  network.fit({ animation: false });  // the bar has its final height now
  checkLabels();
  var resizing = null;  // the canvas changed size (the bar filled, the panel opened): labels sized again
  network.on("resize", function () { clearTimeout(resizing); resizing = setTimeout(checkLabels, 150); });
  settle();
  xj.ready = true;
  if (location.hash.length > 1) readHash();
  else { if (MX) showTab("matrix"); writeHash(); }
  updateStatus();
  }
})();
