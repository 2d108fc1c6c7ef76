/* xianjice explorer: search, filters, neighbourhood highlight and details panel.
 * All text from the input is put on screen with textContent, never as markup.
 * The data block is columnar (graph/html_data.py): node i is ids[i], k[i], l[i] …; an edge row is
 * [relation, source, target, target …].  Only the nodes shown are handed to vis-network.
 * The first view is pyvis's (graph/html.py): its nodes and edges (xj-nodes, xj-edges) become the DataSets, given
 * only their hover titles here; nodes and edges shown later are made from the data block in the same way.
 * window.xj exposes the state for tests: xj.settled, xj.settleMs, xj.select(id), xj.meta(id), xj.item,
 * xj.firstSync (what the page had to add to or drop from pyvis's first view: [0, 0, 0, 0]). */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var readJSON = function (id) { return JSON.parse($(id).textContent); };
  var DATA = readJSON("xj-data");
  var OPTIONS = readJSON("xj-options");
  var DIM = "rgba(200,200,200,0.35)";
  var HUB_STYLE = DATA.hubStyle || {};
  var MAX_RESULTS = 20, MAX_REVEAL = 60, MAX_LIST = DATA.maxList || 300, LEGEND_OPEN_ROWS = 6;
  var IDS = DATA.ids, N = IDS.length;
  var INDEX = new Map();
  IDS.forEach(function (id, i) { INDEX.set(id, i); });

  var xj = window.xj = { settled: false, settleMs: null, data: DATA };
  var state = { kinds: {}, tier: null, theme: -1, unit: -1, revealed: new Set(), visible: new Set(), selected: null };
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
  var firstNodes = readJSON("xj-nodes"), firstEdges = readJSON("xj-edges");
  firstNodes.forEach(function (item) { item.title = nodeTip(INDEX.get(item.id)); });
  firstEdges.forEach(function (item) { item.title = edgeTip(edgeNumber(item)); });
  var nodesDS = new vis.DataSet(firstNodes);
  var edgesDS = new vis.DataSet(firstEdges);
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
  var network = new vis.Network($("network"), { nodes: nodesDS, edges: edgesDS }, OPTIONS);
  xj.network = network;

  function settle() {
    network.setOptions({ physics: false });
    if (!xj.settled) {
      xj.settled = true;
      xj.settleMs = performance.now();
      document.body.setAttribute("data-settled", "1");
    }
  }
  network.once("stabilizationIterationsDone", settle);
  if (state.visible.size === 0) settle();

  function relayout() {
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
    network.stabilize(Math.max(30, Math.round(OPTIONS.physics.stabilization.iterations / 2)));
  }

  function apply() {
    storePositions();
    computeVisible();
    var fresh = sync();
    if (fresh && xj.settled) relayout();
    var sel = state.selected === null ? null : INDEX.get(state.selected);
    if (sel !== null && !state.visible.has(sel)) clearSelection();
    else if (sel !== null) highlight(state.selected);
    updateStatus();
  }

  function updateStatus() {
    var text = "显示 showing " + state.visible.size + " / " + DATA.total + " 节点 nodes";
    if (state.matching > DATA.limit) {
      text += " — 最中心的 " + DATA.limit + " most central of " + state.matching +
        " matching; 用搜索或筛选查看其余 search or filter to reach the rest";
    }
    $("status").textContent = text;
  }

  // --- selection: highlight, details --------------------------------------------
  function highlight(id) {
    var near = new Set([id].concat(network.getConnectedNodes(id)));
    var updates = [];
    state.visible.forEach(function (i) {
      var dim = !near.has(IDS[i]);
      updates.push({ id: IDS[i], color: dim ? DIM : baseColor(i), font: { color: dim ? "#bbbbbb" : "#222222" } });
    });
    nodesDS.update(updates);
  }
  function unhighlight() {
    var updates = [];
    state.visible.forEach(function (i) { updates.push({ id: IDS[i], color: baseColor(i), font: { color: "#222222" } }); });
    nodesDS.update(updates);
  }

  function neighbours(i) {
    return outE[i].map(function (e) { return eTo[e]; }).concat(inE[i].map(function (e) { return eFrom[e]; }));
  }

  function select(id, focus) {
    var i = INDEX.get(id);
    if (i === undefined) return;
    if (!state.visible.has(i)) {
      state.revealed.add(i);
      Array.from(new Set(neighbours(i))).sort(function (a, b) { return rankOf[a] - rankOf[b]; })
        .slice(0, MAX_REVEAL).forEach(function (n) { state.revealed.add(n); });
      apply();
    }
    state.selected = id;
    document.body.setAttribute("data-selected", id);
    network.selectNodes([id]);
    highlight(id);
    showDetails(i);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
  }
  xj.select = function (id) { select(id, true); };

  function clearSelection() {
    state.selected = null;
    document.body.removeAttribute("data-selected");
    network.unselectAll();
    unhighlight();
    $("panel").hidden = true;
  }

  // The whole graph's lists, from its edges, as graph.html_views.details makes them:
  // grouped by relation and direction (an essay's concepts, proposals, citations first), sorted by label.
  var ESSAY_FIRST = ["about", "proposes", "cites", "mentions"];
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
      return label + " — " + parts.join(", ");
    }
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
      path.unshift(DATA.sh[i] || DATA.l[i]);
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
      var at = essay ? ESSAY_FIRST.indexOf(g.rel[0]) : -1;
      return at >= 0 ? at : essay ? ESSAY_FIRST.length : 0;
    }
    var list = Array.from(groups.values()).sort(function (a, b) {
      return order(a) - order(b) || cmp(a.rel[0], b.rel[0]) || cmp(a.way, b.way);
    });
    var lists = list.map(function (g) {
      var byOrder = g.way === "out" && g.rel[0] === "proposes";
      g.items.sort(function (a, b) {
        if (byOrder) return DATA.po[a[0]] - DATA.po[b[0]] || cmp(IDS[a[0]], IDS[b[0]]);
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
    return own.concat(lists);
  }
  function detailsOf(i) {
    if (DATA.details) return DATA.details[i];
    return {
      kind: kindOf(i).kind, title: DATA.l[i],
      fields: DATA.f[i].map(function (f) { return [DATA.fieldNames[f[0]], f[1]]; }),
      lists: edgeLists(i)
    };
  }
  xj.details = function (id) { return detailsOf(INDEX.get(id)); };

  function showDetails(i) {
    var d = detailsOf(i);
    $("panel-kind").textContent = kindLabel(d.kind);
    $("panel-title").textContent = d.title;
    var dl = $("panel-fields");
    dl.replaceChildren();
    d.fields.forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    var box = $("panel-lists");
    box.replaceChildren();
    d.lists.forEach(function (section) {
      box.appendChild(el("h3", section[0]));
      var ul = el("ul");
      section[1].forEach(function (item) {
        // an entry is a node position, [text, node position] or [text] (not on this page)
        var li = el("li");
        var target = typeof item === "number" ? item : item.length > 1 ? item[1] : null;
        var text = typeof item === "number" ? DATA.l[item] : item[0];
        if (target !== null && target < N) {
          var b = el("button", text), id = IDS[target];
          b.type = "button";
          b.setAttribute("data-id", id);
          b.addEventListener("click", function () { select(id, true); });
          li.appendChild(b);
        } else {
          li.textContent = text;
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
    $("panel").hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false);
    else clearSelection();
  });
  $("close").addEventListener("click", clearSelection);

  // --- search ----------------------------------------------------------------
  function compact(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^0-9a-z]/g, "");
  }
  function find(query) {
    var q = query.trim();
    if (!q) return [];
    var lower = q.toLowerCase(), py = compact(q), hits = [];
    for (var i = 0; i < N; i++) {
      var l = DATA.l[i], p = DATA.py[i], en = DATA.en[i], score = -1;
      if (l === q) score = 0;
      else if (l.indexOf(q) >= 0) score = 1;
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
  $("search").addEventListener("input", function () { showResults(find(this.value)); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var ids = find(this.value);
      if (ids.length) { select(ids[0], true); $("results").replaceChildren(); }
    } else if (ev.key === "Escape") {
      $("results").replaceChildren();
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
    sel.addEventListener("change", function () { parse(sel.value); apply(); });
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
    box.addEventListener("change", function () { state.kinds[k.kind] = box.checked; apply(); });
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
    clearSelection();
    apply();
    network.fit({ animation: false });
  });

  // --- views and legend ----------------------------------------------------------
  DATA.views.forEach(function (v) {
    var item = v.id === DATA.view ? el("span", v.label, "current") : el("a", v.label);
    if (v.id !== DATA.view) item.href = v.href;
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

  updateStatus();
})();
