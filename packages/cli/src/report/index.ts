// The HTML report of `rassegna report`: one self-contained page (inline CSS and JS, a
// Content-Security-Policy that forbids any fetch) that shows a corpus of analysis records.
import {
  type Analysis,
  checkJsonLine,
  DEFAULT_REPORT_MAX_BYTES,
  type StancePair,
  type StanceWindow,
} from "@rassegna/core";

import {
  buildStanceMatrix,
  countEntities,
  entitiesOf,
  errorsOf,
  malformedParts,
  OWN_STANCE,
  type StanceMatrix,
  stancesOf,
} from "./aggregate.js";
import { renderArticle, translationOf } from "./articles.js";
import { REPORT_CSS, REPORT_JS } from "./assets.js";
import { escapeHtml } from "./html.js";

export interface ReportOptions {
  /** Page title; default "Rassegna report". */
  title?: string;
  /** Most holders and most targets shown in the stance matrix (default 16 each). */
  matrixLimit?: number;
  /** Most rows of the entity frequency table (default 30). */
  entityLimit?: number;
  /** Periods of the change over time (default `"month"`). */
  window?: StanceWindow;
  /** Articles per page (default 50): only the first page is laid out when the page opens. */
  pageSize?: number;
  /**
   * Size budget of the page in bytes (default 32 MiB): past it, articles are listed without
   * their text, and the page says how many.
   */
  maxBytes?: number;
  /** Notes shown at the top of the page (e.g. lines of the results file that were skipped). */
  notices?: string[];
  /** The line of the results file each record came from, to name it in notices. */
  lines?: number[];
}

/** Most article ids a matrix cell's tooltip names. */
const TOOLTIP_IDS = 5;
/** Most pairs in the change over time, and most periods shown (the latest). */
const TREND_PAIRS = 12;
const TREND_PERIODS = 12;

/** Background of a matrix cell: hue from the FAVOR/AGAINST balance, strength from the count. */
function cellColour(favor: number, against: number, maxCount: number): { background: string; ink: string } {
  const total = favor + against;
  const balance = (favor - against) / total;
  const hue = balance >= 0 ? 45 + 75 * balance : 45 + 45 * balance;
  const alpha = 0.25 + 0.75 * (maxCount > 0 ? total / maxCount : 1);
  return {
    background: `hsla(${hue.toFixed(0)}, 65%, 42%, ${alpha.toFixed(2)})`,
    ink: alpha > 0.55 ? "#fff" : "#1d2330",
  };
}

/** A cell's articles for its tooltip: a few ids, and how many more. */
function idList(cell: { articles: string[]; articleCount: number }): string {
  const ids = cell.articles.slice(0, TOOLTIP_IDS);
  const more = cell.articleCount - ids.length;
  return `${ids.join(", ")}${more > 0 ? ` (+${more} more)` : ""}`;
}

function renderMatrix(matrix: StanceMatrix): string {
  if (matrix.holders.length === 0) {
    return `<p class="missing">No stances in these records.</p>`;
  }
  const head = matrix.targets.map((t) => `<th scope="col">${escapeHtml(t)}</th>`).join("");
  // Actors first, the texts' own stance last: the matrix is about who stands where.
  const holders = [
    ...matrix.holders.filter((h) => h !== OWN_STANCE),
    ...matrix.holders.filter((h) => h === OWN_STANCE),
  ];
  const body = holders
    .map((holder) => {
      const cells = matrix.targets
        .map((target) => {
          const cell = matrix.cell(holder, target);
          const attrs = `data-holder="${escapeHtml(holder)}" data-target="${escapeHtml(target)}"`;
          if (!cell || cell.favor + cell.against === 0) {
            const none = cell ? `${cell.none} NONE in ${idList(cell)}` : "no stance";
            return `<td class="empty" ${attrs} data-favor="0" data-against="0" title="${escapeHtml(`${holder} → ${target}: ${none}`)}"></td>`;
          }
          const { background, ink } = cellColour(cell.favor, cell.against, matrix.maxCount);
          const parts = [cell.favor > 0 ? `▲${cell.favor}` : "", cell.against > 0 ? `▼${cell.against}` : ""].filter(
            Boolean,
          );
          const title = `${holder} → ${target}: ${cell.favor} FAVOR, ${cell.against} AGAINST, ${cell.none} NONE; articles: ${idList(cell)}`;
          return `<td ${attrs} data-favor="${cell.favor}" data-against="${cell.against}" style="background:${background};color:${ink}" title="${escapeHtml(title)}">${parts.join(" ")}</td>`;
        })
        .join("");
      return `<tr${holder === OWN_STANCE ? ' class="own"' : ""}><th scope="row">${escapeHtml(holder)}</th>${cells}</tr>`;
    })
    .join("");
  const hidden =
    matrix.hiddenHolders + matrix.hiddenTargets > 0
      ? ` Not shown: ${matrix.hiddenHolders} more holder(s), ${matrix.hiddenTargets} more target(s).`
      : "";
  return `<table class="stance-matrix"><thead><tr><th></th>${head}</tr></thead><tbody>${body}</tbody></table>
<div class="legend">Rows: who holds the stance (“${OWN_STANCE}” = the text's own stance); columns: toward whom. ▲ FAVOR, ▼ AGAINST, counted over articles' stance records.<span class="sw" style="background:hsl(120,65%,42%)"></span>mostly favour<span class="sw" style="background:hsl(45,65%,42%)"></span>mixed<span class="sw" style="background:hsl(0,65%,42%)"></span>mostly against; stronger colour = more records.${hidden}</div>`;
}

/** The most decided pairs, FAVOR and AGAINST per period: how stances move over time. */
function renderTrend(pairs: readonly StancePair[]): string {
  const dated = pairs.filter((p) => p.periods.length > 0 && p.favor + p.against > 0).slice(0, TREND_PAIRS);
  if (dated.length === 0) return "";
  const periods = [...new Set(dated.flatMap((p) => p.periods.map((q) => q.start)))].sort().slice(-TREND_PERIODS);
  const head = periods.map((start) => `<th scope="col">${escapeHtml(start)}</th>`).join("");
  const rows = dated
    .map((pair) => {
      const byStart = new Map(pair.periods.map((q) => [q.start, q]));
      const cells = periods
        .map((start) => {
          const q = byStart.get(start);
          if (!q) return `<td class="empty"></td>`;
          const { background, ink } = cellColour(q.favor, q.against, Math.max(q.favor + q.against, 1));
          const text = [q.favor > 0 ? `▲${q.favor}` : "", q.against > 0 ? `▼${q.against}` : ""]
            .filter(Boolean)
            .join(" ");
          return `<td data-net="${q.net}" style="background:${background};color:${ink}">${text}</td>`;
        })
        .join("");
      const label = `${pair.holder ?? OWN_STANCE} → ${pair.target}`;
      return `<tr><th scope="row" title="${escapeHtml(`${pair.first ?? ""} – ${pair.last ?? ""}`)}">${escapeHtml(label)}</th>${cells}<td class="num">${pair.net > 0 ? "+" : ""}${pair.net}</td></tr>`;
    })
    .join("");
  return `<section><h2>Change over time</h2><div class="panel scroll"><table class="trend"><thead><tr><th></th>${head}<th>net</th></tr></thead><tbody>${rows}</tbody></table><div class="legend">FAVOR ▲ and AGAINST ▼ per period for the ${dated.length} most decided pairs; net = FAVOR − AGAINST over all dates.</div></div></section>`;
}

function renderEntityFrequency(records: readonly Analysis[], limit: number): string {
  const counts = countEntities(records);
  if (counts.length === 0) return `<p class="missing">No entities in these records.</p>`;
  const max = counts[0]?.articles ?? 1;
  const shown = counts.slice(0, limit);
  const rows = shown.map(
    (c) =>
      `<tr data-filter="${escapeHtml(c.name.toLowerCase())}" title="show the articles that mention ${escapeHtml(c.name)}"><td>${escapeHtml(c.name)} <span class="type type-${escapeHtml(c.type)}">${escapeHtml(c.type)}</span></td><td class="num">${c.articles}</td><td class="num">${c.mentions}</td><td style="width:35%"><div class="bar" style="width:${((100 * c.articles) / max).toFixed(1)}%"></div></td></tr>`,
  );
  const more = counts.length > limit ? `<div class="note">${counts.length - limit} more entities not shown.</div>` : "";
  const head = `<thead><tr><th style="text-align:left">entity</th><th>articles</th><th>mentions</th><th></th></tr></thead>`;
  // Two tables side by side: the list reads down the left, then down the right.
  const half = Math.ceil(rows.length / 2);
  const tables = [rows.slice(0, half), rows.slice(half)]
    .filter((part) => part.length > 0)
    .map((part) => `<table class="freq">${head}<tbody>${part.join("")}</tbody></table>`)
    .join("");
  return `<div class="freq-columns">${tables}</div>${more}`;
}

function renderStats(records: readonly Analysis[]): string {
  const languages = new Map<string, number>();
  const engines = new Map<string, number>();
  let withErrors = 0;
  let favor = 0;
  let against = 0;
  let mentions = 0;
  for (const record of records) {
    const code = record.language?.code ?? record.languageHint ?? "und";
    languages.set(code, (languages.get(code) ?? 0) + 1);
    const engine = translationOf(record)?.engine;
    if (engine) engines.set(engine, (engines.get(engine) ?? 0) + 1);
    if (errorsOf(record).length > 0) withErrors++;
    for (const s of stancesOf(record)) {
      if (s.stance === "FAVOR") favor++;
      if (s.stance === "AGAINST") against++;
    }
    for (const e of entitiesOf(record)) mentions += Array.isArray(e.mentions) ? e.mentions.length : 0;
  }
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${escapeHtml(k)} ${v}`)
      .join(", ");
  return `<div class="stats"><span><b>${records.length}</b> articles</span><span>languages: ${list(languages) || "none"}</span><span>translated: ${list(engines) || "none"}</span><span><b>${mentions}</b> entity mentions</span><span><b>${favor}</b> FAVOR · <b>${against}</b> AGAINST</span><span><b>${withErrors}</b> with errors</span></div>`;
}

/** One line on top of the page when translation failed for some articles. */
function renderBanner(records: readonly Analysis[]): string {
  const failed = records.filter((r) => errorsOf(r).some((e) => e.stage === "translate"));
  if (failed.length === 0) return "";
  const first = errorsOf(failed[0]!).find((e) => e.stage === "translate")!;
  return `<div class="banner" role="status"><b>Translation unavailable for ${failed.length} of ${records.length} articles.</b> Their entities and stances were read from the original text. First reason: ${escapeHtml(first.message)}</div>`;
}

/**
 * The records of a results file (JSON Lines), with the line each came from; a line that is
 * not a record is skipped with a notice that names its line number.
 */
export function readReportRecords(
  text: string,
  name: string,
): { records: Analysis[]; lines: number[]; notices: string[] } {
  const records: Analysis[] = [];
  const lines: number[] = [];
  const notices: string[] = [];
  let number = 0;
  for (const line of text.split("\n")) {
    number++;
    if (line.trim() === "") continue;
    const where = `${name} line ${number}`;
    const problem = checkJsonLine(line, where);
    if (problem) {
      notices.push(`${where} skipped: ${problem.message}`);
      continue;
    }
    try {
      const value: unknown = JSON.parse(line);
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
      const record = value as Analysis;
      if (typeof record.id !== "string" && typeof record.id !== "number") throw new Error("not a record with an id");
      records.push({ ...record, id: String(record.id), errors: Array.isArray(record.errors) ? record.errors : [] });
      lines.push(number);
      const broken = malformedParts(record);
      if (broken.length > 0) {
        const shown = broken.slice(0, 5).join("; ");
        notices.push(
          `${where} (${String(record.id)}): ${shown}${broken.length > 5 ? `; and ${broken.length - 5} more` : ""} — left out of the page; the rest of the record is shown.`,
        );
      }
    } catch (error) {
      notices.push(`${where} skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { records, lines, notices };
}

/** A record that cannot be drawn in full: its id and why, never a reason to lose the page. */
function renderBroken(record: Analysis, index: number, why: string): string {
  return `<article class="doc has-errors" id="doc-${index + 1}" data-id="${escapeHtml(record.id)}" data-search="${escapeHtml(String(record.id).toLowerCase())}"><h3>${escapeHtml(record.id)}</h3><div class="errors" role="alert">${escapeHtml(why)}</div></article>`;
}

/** An article past the size budget: listed, without its text. */
function renderCompact(record: Analysis, index: number): string {
  const stances = stancesOf(record).length;
  const errors = errorsOf(record).length;
  const search = [record.id, record.title ?? "", ...entitiesOf(record).map((e) => e.name)].join(" ").toLowerCase();
  return `<article class="doc compact${errors > 0 ? " has-errors" : ""}" id="doc-${index + 1}" data-id="${escapeHtml(record.id)}" data-search="${escapeHtml(search)}"><h3>${escapeHtml(record.title || record.id)}</h3><div class="meta"><span>id <code>${escapeHtml(record.id)}</code></span><span>${stances} stances</span><span>${errors} errors</span><span>text left out: the page's size budget is spent</span></div></article>`;
}

interface ArticlePages {
  pages: string[][];
  compact: number;
  notices: string[];
}

/** The articles' HTML cut into pages, within the size budget; a record that fails to draw becomes a notice. */
function renderArticles(list: readonly Analysis[], options: ReportOptions, budget: number): ArticlePages {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 50));
  const pages: string[][] = [];
  const notices: string[] = [];
  let spent = 0;
  let compact = 0;
  list.forEach((record, index) => {
    const where = options.lines?.[index] === undefined ? `record ${index + 1}` : `line ${options.lines[index]}`;
    let html: string;
    if (spent > budget) {
      html = renderCompact(record, index);
      compact++;
    } else {
      try {
        html = renderArticle(record, index);
      } catch (error) {
        const why = `${where} (${String(record.id)}) could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
        notices.push(why);
        html = renderBroken(record, index, why);
      }
    }
    spent += html.length;
    if (index % pageSize === 0) pages.push([]);
    pages[pages.length - 1]!.push(html);
  });
  return { pages, compact, notices };
}

/** Renders analysis records (as written by `rassegna run`) into one self-contained HTML page. */
export function renderReportHtml(records: Analysis[], options: ReportOptions = {}): string {
  const title = options.title ?? "Rassegna report";
  const list = Array.isArray(records)
    ? records
        .filter((r) => r && typeof r === "object")
        .map((r) => (typeof r.id === "string" ? r : { ...r, id: String(r.id) }))
    : [];
  const maxBytes = options.maxBytes ?? DEFAULT_REPORT_MAX_BYTES;
  const matrix = buildStanceMatrix(list, options.matrixLimit ?? 16, options.window);
  // The aggregate views come first and are small; the articles get what is left of the budget.
  const stats = renderStats(list);
  const matrixHtml = renderMatrix(matrix);
  const trendHtml = renderTrend(matrix.pairs);
  const freqHtml = renderEntityFrequency(list, options.entityLimit ?? 30);
  const top = stats.length + matrixHtml.length + trendHtml.length + freqHtml.length;
  const { pages, compact, notices } = renderArticles(list, options, Math.max(0, maxBytes - top - 200_000));
  const allNotices = [...(options.notices ?? []), ...notices];
  if (compact > 0) {
    allNotices.push(
      `${compact} of ${list.length} articles are listed without their text: the page keeps under ${Math.round(maxBytes / 1048576)} MiB. Report a smaller results file to read them.`,
    );
  }
  const noticeHtml =
    allNotices.length === 0
      ? ""
      : `<div class="banner notices" role="alert"><b>${allNotices.length === 1 ? "1 notice" : `${allNotices.length} notices`}</b><ul>${allNotices
          .slice(0, 50)
          .map((n) => `<li>${escapeHtml(n)}</li>`)
          .join("")}</ul>${allNotices.length > 50 ? `<div>…and ${allNotices.length - 50} more.</div>` : ""}</div>`;
  const later = pages
    .slice(1)
    .map((page, i) => `<template class="page" data-page="${i + 2}">${page.join("\n")}</template>`)
    .join("\n");
  const pager =
    pages.length > 1
      ? `<nav class="pager"><button type="button" id="prev">‹ previous</button><span id="page-info">page 1 of ${pages.length}</span><button type="button" id="next">next ›</button></nav>`
      : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="page"><h1>${escapeHtml(title)}</h1>${stats}</header>
<main>
${noticeHtml}${renderBanner(list)}
<section><h2>Stance matrix</h2><div class="panel scroll">${matrixHtml}</div></section>
${trendHtml}
<section><h2>Entity frequency</h2><div class="panel">${freqHtml}</div></section>
<h2>Articles</h2>
<div class="toolbar"><input id="filter" type="search" placeholder="Filter by id, title, language or entity…" aria-label="Filter articles"><span class="count" id="filter-count"></span>${pager}</div>
<div id="articles">${pages[0]?.join("\n") || '<p class="missing">No records.</p>'}</div>
${later}
</main>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
