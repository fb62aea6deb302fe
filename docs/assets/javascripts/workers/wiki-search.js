/*
 * Search worker: Material's own Lunr worker with two additions.
 *
 * 1. Queries are normalised (wiki-search-normalize.js) before Material's
 *    worker sees them, so the index and the query are cut and folded alike.
 * 2. Pages in the reader's language rank first: the page that starts the
 *    worker passes its language prefix, and other languages' documents get a
 *    lower boost when the index is built.
 *
 * Our message listener is registered before Material's worker is imported,
 * so it runs first and can rewrite the message in place.
 */
"use strict";
var params = new URL(self.location.href).searchParams;
var PREFIX = params.get("prefix") || "";
var OTHERS = (params.get("others") || "").split(",").filter(Boolean);
var OTHER_LANGUAGE_BOOST = 0.25;

importScripts("wiki-search-normalize.js");

function inReaderLanguage(location) {
  if (PREFIX) return location.indexOf(PREFIX) === 0;
  return !OTHERS.some(function (other) { return location.indexOf(other) === 0; });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === 0 && message.data && message.data.docs) {          // SETUP
    message.data.docs.forEach(function (doc) {
      if (!inReaderLanguage(doc.location)) doc.boost = (doc.boost || 1) * OTHER_LANGUAGE_BOOST;
    });
  } else if (message.type === 2 && typeof message.data === "string") {    // QUERY
    message.data = self.wikiSearch.normalizeQuery(message.data);
  }
});

importScripts(params.get("material"));
