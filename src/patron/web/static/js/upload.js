// The drop zone: dropped files become the file input's files; their names are listed as text.
(function () {
  "use strict";
  const drop = document.getElementById("drop");
  const input = document.getElementById("files");
  const picked = document.getElementById("picked");
  function list() {
    picked.replaceChildren();
    for (const f of input.files) {
      const li = document.createElement("li");
      li.textContent = f.name + " (" + Math.ceil(f.size / 1024) + " kB)";
      picked.appendChild(li);
    }
  }
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; list(); }
  });
  input.addEventListener("change", list);
  document.body.addEventListener("htmx:afterRequest", function (e) {
    if (e.detail.elt && e.detail.elt.id === "upload-form" && e.detail.successful) {
      document.getElementById("upload-form").reset(); list();
    }
  });
})();
