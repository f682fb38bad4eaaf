// The actor timeline (vis-timeline). Item text is put in as text nodes, never as HTML.
(function () {
  "use strict";
  const box = document.getElementById("timeline");
  const note = document.getElementById("timeline-note");
  if (!box) return;
  function element(item) {
    const div = document.createElement("div");
    div.className = "tl-item stance-" + item.stance;
    const a = document.createElement("a");
    a.href = "/claims/" + encodeURIComponent(item.claim);
    a.textContent = item.text;
    div.appendChild(a);
    const when = document.createElement("span");
    when.className = "tl-when";
    when.textContent = " " + item.label + (item.claims > 1 ? " · " + item.claims + " claims" : "");
    div.appendChild(when);
    return div;
  }
  fetch(box.dataset.src, { credentials: "same-origin" }).then(function (res) {
    if (!res.ok) throw new Error("timeline: " + res.status);
    return res.json();
  }).then(function (data) {
    const groups = ["support", "hostility", "alignment", "speech"].map(function (g) {
      const span = document.createElement("span");
      span.textContent = g;
      return { id: g, content: span };
    });
    const items = data.items.map(function (it) {
      const out = { id: it.id, group: it.group, start: it.start, type: it.type, content: element(it),
                    className: "tl-" + it.group };
      if (it.end) out.end = it.end;
      return out;
    });
    if (!items.length) { note.textContent = "No dated claims."; box.dataset.items = "0"; return; }
    const timeline = new vis.Timeline(box, items, groups, {
      stack: true, maxHeight: 420, zoomKey: "ctrlKey", orientation: "top",
    });
    box.dataset.items = String(items.length);
    window.__patronTimeline = timeline;
    if (data.undated) note.textContent = data.undated + " undated claim(s) are not on the timeline.";
  }).catch(function (err) { note.textContent = String(err.message || err); });
})();
