// Shared by every page: errors of htmx requests shown as text in #flash.
(function () {
  "use strict";
  const flash = document.getElementById("flash");
  document.body.addEventListener("htmx:responseError", function (event) {
    const doc = new DOMParser().parseFromString(event.detail.xhr.responseText, "text/html");
    const found = doc.querySelector(".error-message");
    flash.textContent = found ? found.textContent : "Request failed (" + event.detail.xhr.status + ").";
    flash.classList.add("shown");
  });
  document.body.addEventListener("htmx:beforeRequest", function () {
    flash.textContent = "";
    flash.classList.remove("shown");
  });
})();
