// The report's inline style sheet and script: the page must open with no network at all.

export const REPORT_CSS = `
:root { --favor: #2e7d32; --against: #c62828; --none: #9e9e9e; --ink: #1d2330; --muted: #5f6b7a;
  --line: #dde2e8; --paper: #ffffff; --bg: #f4f6f8; --per: #fde2b8; --loc: #cfe8fc; --org: #dcd3f5; --oth: #e6e6e6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.page { background: #1d2330; color: #fff; padding: 20px 32px; }
header.page h1 { margin: 0 0 6px; font-size: 24px; }
header.page .stats { display: flex; flex-wrap: wrap; gap: 8px 20px; color: #c9d1dc; font-size: 14px; }
header.page .stats b { color: #fff; }
main { max-width: 1400px; margin: 0 auto; padding: 20px 32px 60px; }
h2 { font-size: 19px; margin: 28px 0 10px; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.banner { background: #fff4e5; border: 1px solid #f0b35a; border-radius: 8px; padding: 10px 14px; margin: 14px 0; }
.panel.scroll { overflow-x: auto; }
.freq-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 28px; }
@media (max-width: 1000px) { .freq-columns { grid-template-columns: 1fr; } }
table { border-collapse: collapse; }
.stance-matrix { font-size: 13px; }
.stance-matrix th, .stance-matrix td { border: 1px solid var(--line); padding: 4px 6px; text-align: center; }
.stance-matrix thead th { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; vertical-align: bottom; max-height: 180px; }
.stance-matrix tbody th { text-align: right; white-space: nowrap; font-weight: 600; }
.stance-matrix td { min-width: 56px; white-space: nowrap; font-variant-numeric: tabular-nums; }
.stance-matrix tr.own th, .stance-matrix tr.own td { border-top: 3px double #b8c2cc; }
.stance-matrix tr.own th { font-weight: 400; font-style: italic; }
.stance-matrix td.empty { background: #fafbfc; }
.legend { font-size: 13px; color: var(--muted); margin-top: 8px; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin: 0 3px 0 10px; }
.freq { width: 100%; font-size: 13px; align-self: start; }
.freq td { padding: 2px 6px; border-bottom: 1px solid #eef1f4; }
.freq td.num { text-align: right; font-variant-numeric: tabular-nums; width: 4em; }
.freq .bar { height: 9px; background: #7a8ca3; border-radius: 2px; }
.freq tr { cursor: pointer; }
.freq tr:hover { background: #f0f4f9; }
.type { font-size: 11px; padding: 0 5px; border-radius: 3px; }
.type-PERSON { background: var(--per); } .type-LOCATION { background: var(--loc); } .type-ORGANIZATION { background: var(--org); }
.toolbar { display: flex; gap: 12px; align-items: center; margin: 10px 0; }
.toolbar input { font: inherit; padding: 5px 9px; width: 320px; border: 1px solid var(--line); border-radius: 6px; }
.toolbar .count { color: var(--muted); font-size: 13px; }
article.doc { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; padding: 14px 18px; }
article.doc.has-errors { border-left: 5px solid var(--against); }
article.doc h3 { margin: 0; font-size: 17px; }
.meta { color: var(--muted); font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 2px 0 8px; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; background: #eef1f4; font-size: 12px; }
.badge.warn { background: #fde7e7; color: #8e1b1b; }
.errors { background: #fdecea; border: 1px solid #f3b7b2; border-radius: 6px; padding: 8px 12px; margin: 8px 0; font-size: 14px; }
.errors ul { margin: 4px 0 0; padding-left: 18px; }
.errors .what { font-weight: 700; color: #8e1b1b; }
.errors code { font-size: 12px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.columns.single { grid-template-columns: 1fr; }
.col h4 { margin: 6px 0; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 15.5px; line-height: 1.6; }
.missing { color: var(--muted); font-style: italic; border: 1px dashed var(--line); border-radius: 6px; padding: 10px; }
.seg.hl-seg { background: #fff7c2; }
mark.ent { background: var(--oth); border-radius: 3px; padding: 0 1px; color: inherit; cursor: help; }
mark.ent.PERSON { background: var(--per); } mark.ent.LOCATION { background: var(--loc); } mark.ent.ORGANIZATION { background: var(--org); }
mark.ent.hl { outline: 2px solid #1d2330; }
details { margin-top: 10px; }
summary { cursor: pointer; font-weight: 600; font-size: 14px; }
.stances { font-size: 13.5px; margin-top: 6px; }
.stances td, .stances th { padding: 4px 8px; border-bottom: 1px solid #eef1f4; text-align: left; vertical-align: top; }
.label { font-weight: 700; font-size: 12px; padding: 1px 7px; border-radius: 3px; color: #fff; }
.label.FAVOR { background: var(--favor); } .label.AGAINST { background: var(--against); } .label.NONE { background: var(--none); }
q { font-style: italic; color: #36404f; }
.cue { color: var(--muted); font-size: 12px; }
.note { color: var(--muted); font-size: 12px; margin-top: 6px; }
.hidden { display: none; }
.pager { display: flex; gap: 8px; align-items: center; margin-left: auto; font-size: 13px; }
.pager button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); cursor: pointer; }
.banner.notices { background: #fdecea; border-color: #f3b7b2; }
.banner.notices ul { margin: 4px 0 0; padding-left: 18px; }
article.doc.compact { padding: 8px 14px; margin: 8px 0; }
.trend { font-size: 13px; }
.trend th, .trend td { border: 1px solid var(--line); padding: 3px 6px; text-align: center; white-space: nowrap; }
.trend tbody th { text-align: right; font-weight: 600; }
.trend td.empty { background: #fafbfc; }
`;

/** Cross-highlighting (entity ↔ entity, sentence ↔ its translation) and the article filter. */
export const REPORT_JS = `
(function () {
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function toggle(target, on) {
    var doc = target.closest("article.doc");
    if (!doc) return;
    if (target.matches("mark.ent")) {
      var name = target.getAttribute("data-entity");
      each(doc.querySelectorAll("mark.ent"), function (m) { if (m.getAttribute("data-entity") === name) m.classList.toggle("hl", on); });
    }
    var seg = target.closest("[data-seg]");
    if (seg) {
      var id = seg.getAttribute("data-seg");
      each(doc.querySelectorAll("[data-seg]"), function (s) { if (s.getAttribute("data-seg") === id) s.classList.toggle("hl-seg", on); });
    }
  }
  document.addEventListener("mouseover", function (e) { if (e.target instanceof Element) toggle(e.target, true); });
  document.addEventListener("mouseout", function (e) { if (e.target instanceof Element) toggle(e.target, false); });
  var input = document.getElementById("filter");
  var count = document.getElementById("filter-count");
  var container = document.getElementById("articles");
  var templates = document.querySelectorAll("template.page");
  var info = document.getElementById("page-info");
  var PAGE = 0;
  var first = container ? Array.prototype.slice.call(container.children) : [];
  var total = first.length;
  each(templates, function (t) { total += t.content.children.length; });
  // Pages past the first stay inert in <template>s until asked for: only one page is laid out.
  function pageNodes(k) {
    if (k === 0) return first;
    return Array.prototype.slice.call(templates[k - 1].content.cloneNode(true).children);
  }
  function show(nodes) {
    container.replaceChildren.apply(container, nodes);
  }
  function showPage(k) {
    PAGE = Math.max(0, Math.min(templates.length, k));
    var nodes = pageNodes(PAGE);
    show(nodes);
    if (info) info.textContent = "page " + (PAGE + 1) + " of " + (templates.length + 1);
    count.textContent = nodes.length + " of " + total + " articles";
  }
  function applyFilter() {
    var q = input.value.trim().toLowerCase();
    if (!q) { showPage(PAGE); return; }
    var hits = [], limit = Math.max(first.length, 50), matches = 0;
    function consider(d, clone) {
      if ((d.getAttribute("data-search") || "").indexOf(q) === -1) return;
      matches++;
      if (hits.length < limit) hits.push(clone ? d.cloneNode(true) : d);
    }
    each(first, function (d) { consider(d, false); });
    each(templates, function (t) { each(t.content.children, function (d) { consider(d, true); }); });
    show(hits);
    count.textContent = matches + " of " + total + " articles" + (matches > hits.length ? " (first " + hits.length + " shown)" : "");
  }
  if (input && container) {
    input.addEventListener("input", applyFilter);
    each(document.querySelectorAll("[data-filter]"), function (el) {
      el.addEventListener("click", function () { input.value = el.getAttribute("data-filter"); applyFilter(); input.scrollIntoView({ behavior: "smooth" }); });
    });
    var prev = document.getElementById("prev"), next = document.getElementById("next");
    if (prev) prev.addEventListener("click", function () { input.value = ""; showPage(PAGE - 1); });
    if (next) next.addEventListener("click", function () { input.value = ""; showPage(PAGE + 1); });
    applyFilter();
  }
})();
`;
