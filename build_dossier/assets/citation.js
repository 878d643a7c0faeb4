/* build-dossier: the citations' copy buttons, and the page's full address in them. Runs from
   this site alone (no other host), on every page; does nothing where there is no citation. */
(function () {
  "use strict";
  function absolute(pre) {
    var path = pre.getAttribute("data-site-path");
    if (!path) return;
    var root = new URL(pre.getAttribute("data-root") || "./", location.href).href;
    pre.textContent = pre.textContent.split(path).join(root + path);
    pre.removeAttribute("data-site-path");
  }
  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
    } else {
      fallback(text, done);
    }
  }
  // Served over plain http on an intranet the Clipboard API is missing: copy a selection.
  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (ok) done();
  }
  function setUp() {
    document.querySelectorAll("pre.dossier-cite__text").forEach(absolute);
    document.querySelectorAll("button.dossier-copy").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-copy"));
      if (!target || button.dataset.ready) return;
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(target.textContent, function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 2000);
        });
      });
    });
  }
  // Material's instant navigation swaps pages without reloading: set up on each.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
