// Progressive enhancement for pages with sections: highlight the current
// section in the contents list, and keep the reader's place when switching
// language: the #fragment, and on the search page the query (?q=…). The page
// works fully without this file.
(function () {
  "use strict";

  // Section ids are the same in every language version of a publication, and the
  // search page's parameters (query, kind, year, order) are the same in every
  // language. Read when clicked: search.js keeps the address up to date.
  document.querySelectorAll("a[data-keep-fragment]").forEach(function (link) {
    link.addEventListener("click", function () {
      if (link.hasAttribute("data-untranslated")) return;
      var address = new URL(link.href);
      if (link.hasAttribute("data-keep-query")) address.search = location.search;
      address.hash = location.hash;
      link.href = address.href;
    });
  });

  var toc = document.querySelector(".toc");
  if (!toc) return;
  // Open by default so it works without JavaScript; folded on phones, where it
  // would otherwise push the text a screen down.
  var details = toc.querySelector("details");
  if (details && window.matchMedia("(max-width: 63.99rem)").matches && !location.hash) {
    details.open = false;
  }
  if (!("IntersectionObserver" in window)) return;
  var links = {};
  toc.querySelectorAll("a[href*='#']").forEach(function (link) {
    links[decodeURIComponent(link.hash.slice(1))] = link;
  });
  var targets = Object.keys(links).map(function (id) { return document.getElementById(id); })
    .filter(Boolean);

  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  function mark(id) {
    Object.keys(links).forEach(function (key) {
      if (key === id) links[key].setAttribute("aria-current", "location");
      else links[key].removeAttribute("aria-current");
    });
    if (links[id]) reveal(links[id]);
  }

  // The sticky list scrolls on its own when it is longer than the screen: keep the
  // current item in it visible ("nearest"). Not scrollIntoView, which scrolls the page too.
  function reveal(link) {
    var list = toc.getBoundingClientRect();
    var item = link.getBoundingClientRect();
    var by = item.top < list.top ? item.top - list.top : Math.max(0, item.bottom - list.bottom);
    if (by && toc.scrollHeight > toc.clientHeight) {
      toc.scrollBy({ top: by, behavior: reducedMotion.matches ? "auto" : "smooth" });
    }
  }

  var observer = new IntersectionObserver(function () {
    // The current section is the last one whose start has scrolled past the top.
    // A section the reader jumped to (#fragment) wins while it is still at the top.
    var line = window.innerHeight * 0.3;
    var current = null;
    targets.forEach(function (target) {
      if (target.getBoundingClientRect().top <= line) current = target;
    });
    var jumped = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (jumped && links[jumped.id]) {
      var top = jumped.getBoundingClientRect().top;
      if (top >= -8 && top <= line) current = jumped;
    }
    if (current) mark(current.id);
  }, { rootMargin: "0px 0px -70% 0px" });
  targets.forEach(function (target) { observer.observe(target); });
  if (location.hash) mark(decodeURIComponent(location.hash.slice(1)));
})();
