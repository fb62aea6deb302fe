/*
 * Query normalisation for the wiki's search, shared by the worker and tests.
 *
 * The index side is cut by the same `separator` (mkdocs.yml) at every change
 * of script, so 「推論エンドポイント」 meets the index as 推論 + エンドポイント.
 * Here the query is folded the way readers type it: NFKC (ＳａｇｅＭａｋｅｒ →
 * SageMaker, half-width katakana → full-width), lower case, a trailing long
 * vowel dropped from katakana words (クローラー and クローラ both become
 * クローラ, and Material's trailing wildcard matches either), and English
 * plurals reduced to a stem the wildcard extends (features → feature*,
 * policies → polic*).
 */
(function (root) {
  "use strict";

  var KATAKANA_WORD = /[\u30a1-\u30fa\u30fc]{3,}/g;
  var ASCII_WORD = /[a-z][a-z0-9]*/g;

  function stripLongVowel(word) {
    return word.length > 3 ? word.replace(/\u30fc+$/, "") : word;
  }

  function singular(word) {
    if (word.length < 4) return word;
    if (/ies$/.test(word)) return word.slice(0, -3);
    if (/(ss|us|is)$/.test(word)) return word;
    if (/(sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
    if (/s$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function normalizeQuery(query) {
    if (typeof query !== "string") return query;
    var text = query.normalize("NFKC").toLowerCase();
    text = text.replace(KATAKANA_WORD, stripLongVowel);
    text = text.replace(ASCII_WORD, singular);
    return text;
  }

  root.wikiSearch = { normalizeQuery: normalizeQuery, singular: singular };
})(typeof self !== "undefined" ? self : this);
