/*
 * The colour palette toggle (system → light → dark), in place of Material's palette component.
 *
 * Material's component re-applies the palette on every page load: it marks <body> as
 * "switching" (a rule on `[data-md-color-switching] *` restyles every element), reads the
 * header's computed style for the theme-color meta tag, and unmarks <body> again. That is two
 * full-document style passes, the first inside its start-up task: 100-250 ms of blocking time
 * on a phone for long pages (Lighthouse, benchmarks/results/lighthouse.md).
 *
 * This runs inline right after the palette form (overrides/partials/javascripts/palette.html),
 * before the first paint: it applies the stored palette, or the system's when none is stored,
 * writes <body> attributes only when they change, and holds transitions back only during a switch
 * the reader asked for. The theme-color and color-scheme meta tags are written into the page
 * (overrides/main.html); this sets color-scheme from the palette and re-reads the header's colour
 * for theme-color only after a switch, never at load. It keeps Material's storage key and format (__md_get/__md_set "__palette") and its
 * markup, so a stored choice carries over and the toggle looks and works the same.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-wiki-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var light = matchMedia("(prefers-color-scheme: light)");
  var KEYS = ["media", "scheme", "primary", "accent"];
  var stored = null;
  try { stored = __md_get("__palette"); } catch (e) { /* storage blocked or unreadable: follow the system */ }
  var current = stored && typeof stored.index === "number" ? stored.index : firstMatching();

  function firstMatching() {
    for (var i = 0; i < inputs.length; i++) {
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i;
    }
    return 0;
  }

  function colourOf(input) {
    var colour = {};
    KEYS.forEach(function (key) { colour[key] = input.getAttribute("data-md-color-" + key); });
    return colour;
  }

  /* the colours <body> gets: "follow the system" resolved to the light or dark option */
  function resolved(colour) {
    if (colour.media !== "(prefers-color-scheme)") return colour;
    var system = form.querySelector(light.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    var result = colourOf(system);
    result.media = colour.media;
    return result;
  }

  function apply(index, switching) {
    index = Math.max(0, Math.min(index, inputs.length - 1));
    var colour = resolved(colourOf(inputs[index]));
    var body = document.body;
    var changes = KEYS.filter(function (key) {
      return colour[key] !== null && body.getAttribute("data-md-color-" + key) !== colour[key];
    });
    if (switching && changes.length) body.setAttribute("data-md-color-switching", "");
    changes.forEach(function (key) { body.setAttribute("data-md-color-" + key, colour[key]); });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    var scheme = document.querySelector("meta[name=color-scheme]");
    var wanted = colour.scheme === "slate" ? "dark" : "light";
    if (scheme && scheme.content !== wanted) scheme.content = wanted;
    current = index;
    __md_set("__palette", { index: index, color: colour });
    if (switching && changes.length) {
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); }, 0);
      requestAnimationFrame(function () { setTimeout(updateThemeColor, 0); });
    }
  }

  /* the browser's toolbar colour follows the header (read only after a switch the reader asked for) */
  function updateThemeColor() {
    var header = document.querySelector("[data-md-component=header]");
    var meta = document.querySelector("meta[name=theme-color]");
    if (!header || !meta) return;
    var rgb = (getComputedStyle(header).backgroundColor.match(/\d+/g) || []).slice(0, 3);
    if (rgb.length === 3) meta.content = "#" + rgb.map(function (v) { return (+v).toString(16).padStart(2, "0"); }).join("");
  }

  apply(current, false);
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { apply(i, true); });
  });
  /* Enter on the focused toggle moves on, as Material's does (Space works natively) */
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  light.addEventListener("change", function () { apply(current, true); });
})();
