/*
 * The one-line definition of a glossary term, shown on hover or keyboard focus.
 *
 * Material's `content.tooltips` did this for every element with a title, and
 * setting those up cost about 150 ms of main-thread time on a phone before the
 * page could respond (Lighthouse, benchmarks/results/lighthouse.md). Here one
 * listener on the document serves every term link, present and future
 * (instant navigation swaps the content, not the document): nothing runs
 * until a reader points at a term. While the tooltip is shown, the link's
 * title moves to data-wiki-title so the browser does not show it twice, and
 * aria-describedby ties the link to the tooltip.
 */
(function () {
  "use strict";
  var TERM = "a.glossary-term";
  var tip = null;
  var current = null;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "wiki-tooltip";
      tip.className = "wiki-tooltip";
      tip.setAttribute("role", "tooltip");
    }
    if (!tip.isConnected) document.body.appendChild(tip);
    return tip;
  }

  function hide() {
    if (!current) return;
    current.setAttribute("title", current.getAttribute("data-wiki-title"));
    current.removeAttribute("data-wiki-title");
    current.removeAttribute("aria-describedby");
    current = null;
    if (tip) tip.classList.remove("wiki-tooltip--active");
  }

  function show(link) {
    var text = link.getAttribute("title");
    if (link === current || !text) return;
    hide();
    current = link;
    link.setAttribute("data-wiki-title", text);
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", "wiki-tooltip");
    var box = tooltip();
    box.textContent = text;
    var rect = link.getBoundingClientRect();
    var width = Math.min(box.offsetWidth || 320, window.innerWidth - 16);
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = rect.bottom + window.scrollY + 6 + "px";
    box.classList.add("wiki-tooltip--active");
  }

  function termOf(target) {
    return target instanceof Element ? target.closest(TERM) : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
    else if (current && !(event.target instanceof Element && event.target.closest(".wiki-tooltip"))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", hide, { passive: true });
})();
