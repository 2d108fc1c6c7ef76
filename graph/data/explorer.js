/* xianjice explorer: search, filters, neighbourhood highlight and details panel.
 * All text from the input is put on screen with textContent, never as markup.
 * window.xj exposes the state for tests: xj.settled, xj.settleMs, xj.select(id). */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var readJSON = function (id) { return JSON.parse($(id).textContent); };
  var DATA = readJSON("xj-data");
  var NODES = readJSON("xj-nodes");
  var EDGES = readJSON("xj-edges");
  var OPTIONS = readJSON("xj-options");
  var META = DATA.nodes;
  var DIM = "rgba(200,200,200,0.35)";
  var MAX_RESULTS = 20, MAX_REVEAL = 60;

  var xj = window.xj = { settled: false, settleMs: null, data: DATA };
  var state = { kinds: {}, tier: 0, theme: "", unit: "", revealed: new Set(), visible: new Set(), selected: null };
  xj.state = state;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // --- nodes, edges, tooltips (plain text in a DOM element) -----------------
  var baseColor = {}, adjacency = {};
  NODES.forEach(function (n) {
    baseColor[n.id] = n.color;
    adjacency[n.id] = [];
    if (typeof n.title === "string") n.title = el("div", n.title, "xj-tip");
  });
  EDGES.forEach(function (e, i) {
    e.id = "e" + i;
    if (typeof e.title !== "string" && DATA.rels[e.rel]) e.title = DATA.rels[e.rel];
    if (typeof e.title === "string") e.title = el("div", e.title, "xj-tip");
    if (adjacency[e.from]) adjacency[e.from].push(e.to);
    if (adjacency[e.to]) adjacency[e.to].push(e.from);
  });
  var byRank = NODES.map(function (n) { return n.id; }).sort(function (a, b) {
    return (META[b].imp - META[a].imp) || (a < b ? -1 : a > b ? 1 : 0);
  });
  var rankOf = {};
  byRank.forEach(function (id, i) { rankOf[id] = i; });

  // --- filters ------------------------------------------------------------------
  DATA.kinds.forEach(function (k) { state.kinds[k.kind] = !!k.on; });

  function essayOk(i) {
    var e = DATA.essays[i];
    return (!state.tier || e.tier === state.tier) &&
      (!state.unit || e.units.indexOf(state.unit) >= 0) &&
      (!state.theme || e.themes.indexOf(state.theme) >= 0);
  }
  function passes(id) {
    var m = META[id];
    if (!state.kinds[m.k]) return false;
    if (state.tier || state.unit || state.theme) {
      if (!m.e.some(essayOk)) return false;
      if (state.theme && (m.k === "theme" || m.k === "concept") && m.th && m.th !== state.theme) return false;
    }
    return true;
  }
  function computeVisible() {
    var shown = new Set(), matching = 0;
    byRank.forEach(function (id) {
      if (passes(id)) {
        matching += 1;
        if (shown.size < DATA.limit) shown.add(id);
      }
    });
    state.revealed.forEach(function (id) { shown.add(id); });
    state.visible = shown;
    state.matching = matching;
  }

  // --- network -----------------------------------------------------------------
  var nodesDS = new vis.DataSet(NODES);
  var edgesDS = new vis.DataSet(EDGES);
  computeVisible();
  var nodesView = new vis.DataView(nodesDS, { filter: function (n) { return state.visible.has(n.id); } });
  var edgesView = new vis.DataView(edgesDS, {
    filter: function (e) { return state.visible.has(e.from) && state.visible.has(e.to); }
  });
  var placed = new Set(state.visible);
  var network = new vis.Network($("network"), { nodes: nodesView, edges: edgesView }, OPTIONS);
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

  function storePositions() {
    // network.storePositions() also walks nodes the DataView leaves out, and fails on them
    var pos = network.getPositions();
    nodesDS.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
  }

  function apply() {
    storePositions();
    computeVisible();
    nodesView.refresh();
    edgesView.refresh();
    var fresh = false;
    state.visible.forEach(function (id) { if (!placed.has(id)) { placed.add(id); fresh = true; } });
    if (fresh && xj.settled) relayout();
    if (state.selected && !state.visible.has(state.selected)) clearSelection();
    else if (state.selected) highlight(state.selected);
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
    state.visible.forEach(function (n) {
      var dim = !near.has(n);
      updates.push({ id: n, color: dim ? DIM : baseColor[n], font: { color: dim ? "#bbbbbb" : "#222222" } });
    });
    nodesDS.update(updates);
  }
  function unhighlight() {
    var updates = [];
    state.visible.forEach(function (n) { updates.push({ id: n, color: baseColor[n], font: { color: "#222222" } }); });
    nodesDS.update(updates);
  }

  function select(id, focus) {
    if (!META[id]) return;
    if (!state.visible.has(id)) {
      state.revealed.add(id);
      adjacency[id].slice().sort(function (a, b) { return rankOf[a] - rankOf[b]; })
        .slice(0, MAX_REVEAL).forEach(function (n) { state.revealed.add(n); });
      apply();
    }
    state.selected = id;
    document.body.setAttribute("data-selected", id);
    network.selectNodes([id]);
    highlight(id);
    showDetails(id);
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

  function kindLabel(kind) {
    for (var i = 0; i < DATA.kinds.length; i++) if (DATA.kinds[i].kind === kind) return DATA.kinds[i].label;
    return kind;
  }

  function showDetails(id) {
    var d = DATA.details[id];
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
        // an entry is a node index, [text, node index] or [text] (not on this page)
        var li = el("li");
        var target = typeof item === "number" ? DATA.ids[item] : item.length > 1 ? DATA.ids[item[1]] : null;
        var text = typeof item === "number" ? META[target].l : item[0];
        if (target && META[target]) {
          var b = el("button", text);
          b.type = "button";
          b.setAttribute("data-id", target);
          b.addEventListener("click", function () { select(target, true); });
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
    byRank.forEach(function (id) {
      var m = META[id], score = -1;
      if (m.l === q) score = 0;
      else if (m.l.indexOf(q) >= 0) score = 1;
      else if (py && m.py && m.py.indexOf(py) >= 0) score = m.py.indexOf(py) === 0 ? 2 : 3;
      else if (m.en && m.en.toLowerCase().indexOf(lower) >= 0) score = 4;
      if (score >= 0) hits.push([score, rankOf[id], id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.slice(0, MAX_RESULTS).map(function (h) { return h[2]; });
  }
  function showResults(ids) {
    var ul = $("results");
    ul.replaceChildren();
    ids.forEach(function (id) {
      var li = el("li");
      var b = el("button", META[id].l);
      b.type = "button";
      b.setAttribute("data-id", id);
      b.appendChild(el("span", kindLabel(META[id].k), "kind"));
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
      var opt = el("option", Array.isArray(v) ? v[1] : v);
      opt.value = String(Array.isArray(v) ? v[0] : v);
      sel.appendChild(opt);
    });
    sel.addEventListener("change", function () { parse(sel.value); apply(); });
  }
  fillSelect("f-tier", DATA.tiers, function (v) { state.tier = v ? parseInt(v, 10) : 0; });
  fillSelect("f-theme", DATA.themes, function (v) { state.theme = v; });
  fillSelect("f-unit", DATA.units, function (v) { state.unit = v; });

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
    state.tier = 0; state.theme = ""; state.unit = ""; state.revealed.clear();
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
    $("legend").appendChild(row);
  });

  updateStatus();
})();
