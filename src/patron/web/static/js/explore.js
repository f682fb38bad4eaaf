// The network explorer: fetches the network for the filters and draws it with sigma.js.
// Text from the knowledge base goes into the page as text only (textContent, labels
// drawn on the canvas); evidence comes as server-rendered, escaped HTML through htmx.
(function () {
  "use strict";
  const LAYER = { support: "#2b7bb9", hostility: "#c0392b", alignment: "#8e6bb8" };
  const KIND = {
    state: "#34495e", state_organ: "#5d6d7e", armed_group: "#d35400", political_org: "#e67e22",
    person: "#16a085", intermediary: "#7f8c8d", intl_org: "#27ae60", coalition: "#8e44ad",
    place: "#95a5a6",
  };
  const FAINT = "rgba(160,160,160,0.18)";

  const form = document.getElementById("filters");
  const container = document.getElementById("graph");
  const summary = document.getElementById("summary");
  const allTime = document.getElementById("all-time");
  const slider = document.getElementById("as-of");
  const sliderLabel = document.getElementById("as-of-label");
  const graph = new graphology.MultiDirectedGraph();
  let renderer = null;
  let seq = 0;

  function params() {
    const out = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (key !== "all_time" && value !== "") out.append(key, value);
    }
    return out;
  }

  function fromUrl() {
    const asked = new URLSearchParams(window.location.search);
    if (![...asked.keys()].length) return;
    for (const el of form.elements) {
      if (!el.name || el.name === "all_time") continue;
      const values = asked.getAll(el.name);
      if (el.type === "checkbox") el.checked = el.name === "layer" ? values.includes(el.value) || !asked.has("layer") : values.includes(el.value);
      else if (el.tagName === "SELECT" && el.multiple) for (const o of el.options) o.selected = values.includes(o.value);
      else if (values.length) el.value = values[0];
    }
    if (slider && asked.has("as_of")) allTime.checked = false;
  }

  function syncSlider() {
    if (!slider) return;
    slider.disabled = allTime.checked;
    sliderLabel.textContent = allTime.checked ? "—" : slider.value;
  }

  function makeRenderer() {
    const made = new Sigma(graph, container, {
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      defaultEdgeType: "arrow",
      labelRenderedSizeThreshold: 9,
    });
    made.on("clickEdge", function (event) { openEdge(event.edge); });
    made.on("clickNode", function (event) {
      window.location.assign("/actors/" + encodeURIComponent(event.node));
    });
    made.on("enterEdge", function () { container.classList.add("pointing"); });
    made.on("leaveEdge", function () { container.classList.remove("pointing"); });
    made.on("afterRender", function () { drawDashes(made); });
    return made;
  }

  // sigma 3 draws no dashed edges: machine-extracted ties are drawn faint by WebGL (which
  // still picks them for clicks) and dashed here, on a 2D canvas laid over it.
  let overlay = null;
  function drawDashes(r) {
    if (!overlay) {
      overlay = document.createElement("canvas");
      overlay.className = "dashes";
      container.appendChild(overlay);
    }
    const { width, height } = r.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (overlay.width !== width * ratio || overlay.height !== height * ratio) {
      overlay.width = width * ratio; overlay.height = height * ratio;
      overlay.style.width = width + "px"; overlay.style.height = height + "px";
    }
    const ctx = overlay.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setLineDash([6, 5]);
    graph.forEachEdge(function (edge, attrs, source, target, sa, ta) {
      if (!attrs.machine) return;
      const a = r.graphToViewport({ x: sa.x, y: sa.y });
      const b = r.graphToViewport({ x: ta.x, y: ta.y });
      ctx.strokeStyle = attrs.dash;
      ctx.lineWidth = Math.max(1.5, attrs.size);
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
    });
  }

  function openEdge(edge) {
    const p = params();
    p.set("source", graph.source(edge));
    p.set("target", graph.target(edge));
    p.set("layer", graph.getEdgeAttribute(edge, "layer"));
    htmx.ajax("GET", container.dataset.edge + "?" + p.toString(), { target: "#evidence", swap: "innerHTML" });
  }

  async function problem(res) {
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const found = doc.querySelector(".error-message");
    return found ? found.textContent : "The network could not be loaded (" + res.status + ").";
  }

  async function load() {
    const mine = ++seq;
    const started = performance.now();
    const p = params();
    summary.textContent = "Loading the network…";
    if (!p.has("layer")) {
      graph.clear();
      if (renderer) renderer.refresh();
      summary.textContent = "No layer chosen.";
      return;
    }
    const res = await fetch(container.dataset.network + "?" + p.toString(), { credentials: "same-origin" });
    if (mine !== seq) return;
    if (!res.ok) { summary.textContent = await problem(res); return; }
    const data = await res.json();
    if (mine !== seq) return;
    graph.clear();
    for (const n of data.nodes) {
      graph.addNode(n.id, { x: n.x, y: n.y, size: n.size, label: n.label, color: KIND[n.kind] || "#999",
                            kind: n.kind, strength: n.strength });
    }
    let machine = 0;
    for (const e of data.edges) {
      if (e.machine) machine += 1;
      const color = LAYER[e.layer] || "#999";
      graph.addEdgeWithKey(e.id, e.source, e.target, {
        size: Math.max(0.8, Math.min(6, 0.8 + 1.5 * Math.log1p(e.weight))),
        color: e.machine ? FAINT : color, dash: color,
        type: e.layer === "alignment" ? "line" : "arrow",
        layer: e.layer, machine: e.machine, claims: e.claims,
      });
    }
    if (!renderer) renderer = makeRenderer(); else renderer.refresh();
    summary.textContent = data.nodes.length + " actors, " + data.edges.length + " ties (" + machine +
      " machine-extracted, unreviewed) · " + data.slice.label;
    history.replaceState(null, "", "/?" + p.toString());
    const ms = Math.round(performance.now() - started);
    container.dataset.nodes = String(data.nodes.length);
    container.dataset.edges = String(data.edges.length);
    container.dataset.ms = String(ms);
    container.dataset.loaded = String(mine);
    window.__patronSigma = renderer;
  }

  let timer = null;
  function changed() {
    syncSlider();
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  }

  form.addEventListener("change", changed);
  if (slider) slider.addEventListener("input", function () { sliderLabel.textContent = slider.value; });
  form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
  fromUrl();
  syncSlider();
  load();
})();
