/*
 * Search data only when search is used, and only the reader's language.
 *
 * Material requests search/search_index.json (both languages, hundreds of KB)
 * as soon as a page loads. This runs before Material's bundle (it is inlined
 * into every page by overrides/main.html) and changes two things about that
 * one request: it asks for the page language's index
 * (search/search_index.<lang>.json, written by hooks/search_index.py), and it
 * holds the request back until the reader focuses the search box (or arrives
 * from a search result, ?h=..., which needs the index to highlight). The
 * worker (workers/wiki-search.js) likewise loads Lunr only when the index
 * arrives. Every other request passes untouched.
 */
(function (language) {
  "use strict";
  var INDEX = /(^|\/)search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var released = /[?&]h=/.test(location.search);
  var held = [];

  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var href = String(url).split(/[?#]/)[0];
    this.__wikiSearch = INDEX.test(href);
    if (this.__wikiSearch) args[1] = href.replace(/search_index\.json$/, "search_index." + language + ".json");
    return open.apply(this, args);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.__wikiSearch && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) {
      try {
        send.apply(request[0], request[1]);
      } catch (error) {
        // Material gave up on this request (instant navigation aborted it); it asks again when needed
      }
    });
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) release();
  });
})
