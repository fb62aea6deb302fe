/*
 * Self-check questions (wikitools/questions.py renders them). Without this
 * script each answer is in a <details>; with it, "Check answer" marks the
 * options right or wrong, opens the explanations and keeps the last result
 * of each question in localStorage (one key, never sent anywhere). Practice
 * pages show the score of their questions and can clear it. Listeners are
 * delegated, so pages loaded by Material's instant navigation work too.
 */
(function () {
  "use strict";
  var KEY = "wiki-quiz";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(data) {
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage off: no record */ }
  }
  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function score() {
    all(document, ".quiz-score").forEach(function (box) {
      var data = load(), ids = all(document, "form.quiz-q").map(function (f) { return f.id.slice(2); });
      var answered = ids.filter(function (id) { return id in data; });
      var right = answered.filter(function (id) { return data[id] === 1; });
      box.querySelector(".quiz-score__text").textContent = box.dataset.template
        .replace("{right}", right.length).replace("{answered}", answered.length).replace("{total}", ids.length);
    });
  }

  function check(form) {
    var key = form.dataset.key.split(" ");
    var inputs = all(form, "input");
    var chosen = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    var box = form.closest(".quiz"), result = form.querySelector(".quiz-result");
    if (!chosen.length) {
      result.textContent = box.dataset.none;
      return;
    }
    var ok = chosen.length === key.length && chosen.every(function (v) { return key.indexOf(v) >= 0; });
    inputs.forEach(function (i) {
      var label = i.closest("label");
      label.classList.toggle("quiz-opt--right", key.indexOf(i.value) >= 0);
      label.classList.toggle("quiz-opt--wrong", i.checked && key.indexOf(i.value) < 0);
    });
    result.textContent = ok ? box.dataset.right : box.dataset.wrong.replace("{answer}", form.dataset.answer);
    result.className = "quiz-result " + (ok ? "quiz-result--right" : "quiz-result--wrong");
    form.querySelector("details").open = true;
    var data = load();
    data[form.id.slice(2)] = ok ? 1 : 0;
    save(data);
    score();
  }

  function reset() {
    var data = load();
    all(document, "form.quiz-q").forEach(function (form) {
      delete data[form.id.slice(2)];
      form.reset();
      form.querySelector(".quiz-result").textContent = "";
      form.querySelector("details").open = false;
      all(form, "label").forEach(function (l) { l.classList.remove("quiz-opt--right", "quiz-opt--wrong"); });
    });
    save(data);
    score();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("quiz-q")) return;
    event.preventDefault();
    check(form);
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".quiz-reset")) reset();
  });

  // A link to one question of a practice page opens the closed set that holds it
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var set = target && target.closest("details.quiz-set");
    if (set && !set.open) {
      set.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);

  function setup() {
    all(document, ".quiz-q button[hidden], .quiz-reset[hidden]").forEach(function (b) { b.hidden = false; });
    score();
    reveal();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
