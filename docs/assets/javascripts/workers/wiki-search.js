/*
 * Search worker: Material's own Lunr worker with two additions.
 *
 * 1. Queries are normalised (wiki-search-normalize.js) and then cut exactly
 *    as the index was: the shared separator (mkdocs.yml) splits each script
 *    run, and TinySegmenter, which Material applies to every Japanese run of
 *    the indexed text, is applied to the query's runs too. Material alone
 *    segments only kanji in queries, so 「データサイエンティスト」 would not
 *    meet the index's データ + サイエンティスト.
 * 2. Pages in the reader's language rank first: the page that starts the
 *    worker passes its language prefix, and other languages' documents get a
 *    lower boost when the index is built.
 *
 * Our message listener is registered before Material's worker is imported,
 * so it runs first and can rewrite the message in place.
 *
 * Material starts this worker when a page loads but sends the index only when
 * the reader focuses the search box (overrides/partials/search-on-focus.js),
 * so Material's worker (and Lunr with it) is imported only on that first
 * message, which is then handed to it again.
 */
"use strict";
var params = new URL(self.location.href).searchParams;
var PREFIX = params.get("prefix") || "";
var OTHERS = (params.get("others") || "").split(",").filter(Boolean);
var OTHER_LANGUAGE_BOOST = 0.25;
var separator = null;

importScripts("wiki-search-normalize.js");

function segmentLikeTheIndex(query) {
  var segmenter = self.lunr && self.lunr.segmenter;
  if (!segmenter || !separator) return query;
  return query.split(/\s+/).map(function (word) {
    if (/[+\-~^:*"]/.test(word)) return word;  // keep Lunr query syntax untouched
    return word.split(separator).filter(Boolean).map(function (piece) {
      return /^[MHIK]$/.test(segmenter.ctype_(piece)) ? segmenter.segment(piece).join(" ") : piece;
    }).join(" ");
  }).join(" ");
}

function inReaderLanguage(location) {
  if (PREFIX) return location.indexOf(PREFIX) === 0;
  return !OTHERS.some(function (other) { return location.indexOf(other) === 0; });
}

var material = null;    // loaded on the first message
var handingOver = false;

addEventListener("message", function (event) {
  if (handingOver) return;
  var message = event.data;
  if (!message) return;
  if (message.type === 0 && message.data && message.data.docs) {          // SETUP
    separator = new RegExp(message.data.config.separator, "g");
    message.data.docs.forEach(function (doc) {
      if (!inReaderLanguage(doc.location)) doc.boost = (doc.boost || 1) * OTHER_LANGUAGE_BOOST;
    });
  } else if (message.type === 2 && typeof message.data === "string") {    // QUERY
    message.data = segmentLikeTheIndex(self.wikiSearch.normalizeQuery(message.data));
  }
  if (!material) {
    material = params.get("material");
    importScripts(material);  // registers Material's listener, too late for this event: dispatch it again
    handingOver = true;
    try {
      dispatchEvent(new MessageEvent("message", { data: message }));
    } finally {
      handingOver = false;
    }
  }
});
