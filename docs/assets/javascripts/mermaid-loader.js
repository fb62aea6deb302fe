/*
 * Lazy, offline Mermaid for Material for MkDocs.
 *
 * Material renders ```mermaid blocks itself (themed, palette-aware, re-run after
 * instant navigation) and only needs a global `mermaid`; when none exists it
 * downloads the library from a CDN. This stand-in is that global: it keeps
 * Material off the network and loads the vendored library (3.5 MB) only the
 * first time a page actually has a diagram to render.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var source = new URL(script.getAttribute("data-mermaid-src"), document.baseURI).href;
  var settings = {};
  var library = null;
  var loading = null;

  function load() {
    if (library) return Promise.resolve(library);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = source;
        tag.onload = function () {
          library = window.mermaid;
          window.mermaid = stand_in; // Material keeps calling us; we delegate
          library.initialize(settings);
          resolve(library);
        };
        tag.onerror = function () {
          reject(new Error("Mermaid library could not be loaded from " + source));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  // Mermaid scales a diagram down to the column width. On a phone that shrinks
  // labels to nothing, so keep each diagram at least its natural width (up to
  // 600px); the host element scrolls sideways instead (see wiki.css).
  var MIN_READABLE_WIDTH = 600;
  function keepReadable(result) {
    result.svg = result.svg.replace(/^<svg([^>]*?)style="max-width: ([\d.]+)px;/, function (all, attrs, width) {
      var min = Math.min(parseFloat(width), MIN_READABLE_WIDTH);
      return "<svg" + attrs + "style=\"max-width: " + width + "px; min-width: " + min + "px;";
    });
    return result;
  }

  var stand_in = {
    initialize: function (config) {
      settings = Object.assign({}, config, {
        startOnLoad: false,
        securityLevel: "strict",
        suppressErrorRendering: true
      });
      if (library) library.initialize(settings);
    },
    render: function (id, text) {
      return load().then(function (m) {
        return m.render(id, text);
      }).then(keepReadable).catch(function (error) {
        document.documentElement.setAttribute("data-mermaid-error", "true");
        console.error("Mermaid diagram " + id + " failed: " + (error && error.message));
        throw error;
      });
    },
    parse: function (text, options) {
      return load().then(function (m) { return m.parse(text, options); });
    },
    load: load
  };
  window.mermaid = stand_in;
})();
