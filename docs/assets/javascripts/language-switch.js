/*
 * Keep the language switch on the current page, and offer the other
 * language's search under the search results.
 *
 * Every page exists in both languages at the same path, so the other
 * language's version of a page is "its root + the same rest of the path".
 * Material does not re-render the header after instant navigation, so the
 * links are recomputed on every page change, and the current hash (shared
 * anchors) is added at click time. Links into another language always do a
 * full page load: the header, search index and <html lang> belong to one
 * language build.
 */
(function () {
  "use strict";
  var links = Array.prototype.slice.call(
    document.querySelectorAll("a[data-lang-root]")
  );
  if (!links.length) return;
  var roots = links.map(function (a) {
    return { link: a, root: new URL(a.getAttribute("data-lang-root"), location.href).pathname };
  });

  function rootOf(pathname) {
    var best = null;
    roots.forEach(function (r) {
      if (pathname.indexOf(r.root) === 0 && (!best || r.root.length > best.root.length)) best = r;
    });
    return best;
  }

  function update() {
    var current = rootOf(location.pathname);
    if (!current) return;
    var rest = location.pathname.slice(current.root.length);
    roots.forEach(function (r) {
      r.link.href = r.root + rest;
    });
  }

  window.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var a = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!a || a.target) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    var here = rootOf(location.pathname);
    var there = rootOf(url.pathname);
    if (!here || !there || here === there) return;
    if (a.hasAttribute("data-lang-root")) {
      update();
      // anchors are shared by both languages; carry the current one only if this page has it
      var id = decodeURIComponent(location.hash.slice(1));
      url = new URL(a.href + (id && document.getElementById(id) ? location.hash : ""), location.href);
    }
    event.preventDefault();
    event.stopPropagation();
    location.assign(url.href);
  }, true);

  if (window.document$) window.document$.subscribe(update);
  else update();

  /* Search's second step: the index holds this language's pages only, so under the results a
     link opens the other language's search with the same query (Material reads ?q=). */
  var other = document.querySelector("a[data-search-other]");
  var query = document.querySelector("[data-md-component=search-query]");
  if (other && query) {
    var root = other.getAttribute("href");
    var sync = function () {
      var text = query.value.trim();
      other.parentNode.hidden = !text;
      other.href = root + (text ? "?q=" + encodeURIComponent(text) : "");
    };
    query.addEventListener("input", sync);
    query.addEventListener("keyup", sync);
    sync();
  }
})();
