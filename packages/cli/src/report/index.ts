// The HTML report of `rassegna report`: one self-contained page (inline CSS and JS, a
// Content-Security-Policy that forbids any fetch) that shows a corpus of analysis records.
import type { Analysis, Entity, Evidence, Mention, StageError, Stance, TextSource, Translation } from "@rassegna/core";

import { buildStanceMatrix, countEntities, entitiesOf, errorsOf, OWN_STANCE, stancesOf } from "./aggregate.js";
import { REPORT_CSS, REPORT_JS } from "./assets.js";
import { drawableSpans, escapeHtml, type MarkSpan, renderLayeredText, type SpanProblems } from "./html.js";

export interface ReportOptions {
  /** Page title; default "Rassegna report". */
  title?: string;
  /** Most holders and most targets shown in the stance matrix (default 16 each). */
  matrixLimit?: number;
  /** Most rows of the entity frequency table (default 30). */
  entityLimit?: number;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" });
  } catch {
    return undefined;
  }
})();

function languageName(code: string | undefined): string {
  if (!code || code === "und") return "unknown language";
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

function textOf(record: Analysis): string {
  return typeof record.text === "string" ? record.text : "";
}

function translationOf(record: Analysis): Translation | undefined {
  const t = record.translation;
  return t && typeof t === "object" && typeof t.text === "string" ? t : undefined;
}

/** What an analyst should read first about an error, by stage and code. */
function errorHeadline(error: StageError): string {
  if (error.code === "MODEL_UNAVAILABLE" && error.stage === "translate") return "Translation unavailable";
  if (error.code === "MODEL_UNAVAILABLE") return `Model for "${error.stage}" unavailable`;
  if (error.stage === "input") return "Input rejected";
  if (error.code === "UNSUPPORTED_LANGUAGE") return `Language not supported by "${error.stage}"`;
  if (error.code === "ABORTED") return `"${error.stage}" cancelled`;
  return `"${error.stage}" failed`;
}

function renderErrors(errors: readonly StageError[]): string {
  if (errors.length === 0) return "";
  const items = errors
    .map(
      (e) =>
        `<li><span class="what">${escapeHtml(errorHeadline(e))}</span> <code>${escapeHtml(e.stage)} · ${escapeHtml(e.code)}</code><br>${escapeHtml(e.message)}</li>`,
    )
    .join("");
  return `<div class="errors" role="alert"><b>${errors.length === 1 ? "1 problem" : `${errors.length} problems`} with this article</b><ul>${items}</ul></div>`;
}

/**
 * The mentions that point into one text. Which text is the entity's `source`, unless a
 * mention carries its own `source` (the entities stage merges both passes under one name
 * and tags each mention).
 */
function mentionSpans(entities: readonly Entity[], source: TextSource): MarkSpan[] {
  const spans: MarkSpan[] = [];
  for (const entity of entities) {
    if (!Array.isArray(entity.mentions)) continue;
    for (const mention of entity.mentions as Array<Mention & { source?: TextSource }>) {
      if ((mention.source ?? entity.source ?? "original") !== source) continue;
      spans.push({
        start: mention.start,
        end: mention.end,
        tag: "mark",
        className: `ent ${entity.type}`,
        data: { entity: entity.name, type: String(entity.type) },
      });
    }
  }
  return spans;
}

function segmentSpans(translation: Translation | undefined, side: "source" | "target"): MarkSpan[] {
  if (!translation || !Array.isArray(translation.segments)) return [];
  return translation.segments.flatMap((segment, index) => {
    const span = segment?.[side];
    return span
      ? [{ start: span.start, end: span.end, tag: "span", className: "seg", data: { seg: String(index) } }]
      : [];
  });
}

function renderText(text: string, segments: MarkSpan[], mentions: MarkSpan[], problems: SpanProblems): string {
  const outer = drawableSpans(text, segments, problems);
  const inner = drawableSpans(text, mentions, problems);
  return `<div class="text">${renderLayeredText(text, outer, inner)}</div>`;
}

function evidenceText(record: Analysis, evidence: Evidence): string | undefined {
  const translation = translationOf(record);
  const source: TextSource = evidence.source ?? (translation ? "translation" : "original");
  const text = source === "translation" ? (translation?.text ?? "") : textOf(record);
  const { start, end } = evidence;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return undefined;
  }
  const slice = text.slice(start, end).replace(/\s+/g, " ").trim();
  return slice.length > 260 ? `${slice.slice(0, 257)}…` : slice;
}

function renderStances(record: Analysis, stances: readonly Stance[]): string {
  if (stances.length === 0) return "";
  const order = { AGAINST: 0, FAVOR: 1, NONE: 2 } as Record<string, number>;
  const rows = [...stances]
    .sort((a, b) => (order[a.stance] ?? 3) - (order[b.stance] ?? 3) || (b.score ?? 0) - (a.score ?? 0))
    .map((s) => {
      const evidence = (Array.isArray(s.evidence) ? s.evidence : [])
        .slice(0, 3)
        .map((ev) => {
          const quote = evidenceText(record, ev);
          const cue = [ev.rule, ev.cue].filter(Boolean).join(": ");
          return `<div>${quote === undefined ? '<span class="cue">(evidence offsets outside the text)</span>' : `<q>${escapeHtml(quote)}</q>`}${cue ? ` <span class="cue">${escapeHtml(cue)}</span>` : ""}</div>`;
        })
        .join("");
      const score = typeof s.score === "number" ? s.score.toFixed(2) : "";
      return `<tr><td>${escapeHtml(s.holder ?? OWN_STANCE)}</td><td>${escapeHtml(s.target)}</td><td><span class="label ${escapeHtml(s.stance)}">${escapeHtml(s.stance)}</span></td><td>${score}</td><td>${evidence}</td></tr>`;
    })
    .join("");
  const decided = stances.filter((s) => s.stance !== "NONE").length;
  return `<details class="stance-list"${decided > 0 ? " open" : ""}><summary>Stances (${decided} FAVOR/AGAINST, ${stances.length} in all)</summary><table class="stances"><thead><tr><th>holder</th><th>target</th><th>stance</th><th>score</th><th>evidence</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function renderArticle(record: Analysis, index: number): string {
  const text = textOf(record);
  const translation = translationOf(record);
  const entities = entitiesOf(record);
  const stances = stancesOf(record);
  const errors = errorsOf(record);
  const code = record.language?.code ?? record.languageHint;
  const problems: SpanProblems = { outOfRange: 0, splitsCharacter: 0, overlapping: 0 };

  const meta: string[] = [`<span>id <code>${escapeHtml(record.id)}</code></span>`];
  if (record.date) meta.push(`<span>${escapeHtml(record.date)}</span>`);
  if (record.language) {
    const confidence =
      typeof record.language.confidence === "number" ? ` ${record.language.confidence.toFixed(2)}` : "";
    meta.push(
      `<span class="badge${record.language.reliable === false ? " warn" : ""}" title="detected language and confidence">${escapeHtml(languageName(code))} (${escapeHtml(code)})${confidence}</span>`,
    );
  } else if (code) {
    meta.push(`<span class="badge">${escapeHtml(languageName(code))} (${escapeHtml(code)}, given)</span>`);
  }
  if (translation) {
    meta.push(
      `<span class="badge" title="translation engine and model">${escapeHtml(translation.engine ?? "translated")}: ${escapeHtml(translation.model)}</span>`,
    );
  }

  const original = renderText(text, segmentSpans(translation, "source"), mentionSpans(entities, "original"), problems);
  let columns: string;
  if (text === "" && errors.some((e) => e.stage === "input")) {
    columns = "";
  } else if (translation) {
    const english = renderText(
      translation.text,
      segmentSpans(translation, "target"),
      mentionSpans(entities, "translation"),
      problems,
    );
    columns = `<div class="columns"><section class="col col-original"><h4>Original · ${escapeHtml(languageName(code))}</h4>${original}</section><section class="col col-english"><h4>English · ${escapeHtml(translation.engine ?? translation.model)}</h4>${english}</section></div>`;
  } else if (code === "en") {
    columns = `<div class="columns single"><section class="col col-original"><h4>Original · English (no translation needed)</h4>${original}</section></div>`;
  } else {
    const failed = errors.find((e) => e.stage === "translate");
    const why = failed
      ? `<b>Translation unavailable.</b> ${escapeHtml(failed.message)} Entities and stances below were read from the original text.`
      : "This record carries no translation.";
    columns = `<div class="columns"><section class="col col-original"><h4>Original · ${escapeHtml(languageName(code))}</h4>${original}</section><section class="col col-english"><h4>English</h4><div class="missing">${why}</div></section></div>`;
  }

  const skipped = problems.outOfRange + problems.splitsCharacter + problems.overlapping;
  const note =
    skipped > 0
      ? `<div class="note">${skipped} span(s) not highlighted: ${problems.outOfRange} outside the text, ${problems.splitsCharacter} cutting a character, ${problems.overlapping} overlapping another.</div>`
      : "";
  const search = [record.id, record.title ?? "", code ?? "", ...entities.map((e) => e.name)].join(" ").toLowerCase();
  const classes = `doc${errors.length > 0 ? " has-errors" : ""}`;
  return `<article class="${classes}" id="doc-${index + 1}" data-id="${escapeHtml(record.id)}" data-search="${escapeHtml(search)}">
<h3>${escapeHtml(record.title || record.id)}</h3>
<div class="meta">${meta.join("")}</div>
${renderErrors(errors)}${columns}${note}
${renderStances(record, stances)}
</article>`;
}

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

function renderMatrix(records: readonly Analysis[], limit: number): string {
  const matrix = buildStanceMatrix(records, limit);
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
            const none = cell ? `${cell.none} NONE in ${cell.articles.join(", ")}` : "no stance";
            return `<td class="empty" ${attrs} data-favor="0" data-against="0" title="${escapeHtml(`${holder} → ${target}: ${none}`)}"></td>`;
          }
          const { background, ink } = cellColour(cell.favor, cell.against, matrix.maxCount);
          const parts = [cell.favor > 0 ? `▲${cell.favor}` : "", cell.against > 0 ? `▼${cell.against}` : ""].filter(
            Boolean,
          );
          const title = `${holder} → ${target}: ${cell.favor} FAVOR, ${cell.against} AGAINST, ${cell.none} NONE; articles: ${cell.articles.join(", ")}`;
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

/** Renders analysis records (as written by `rassegna run`) into one self-contained HTML page. */
export function renderReportHtml(records: Analysis[], options: ReportOptions = {}): string {
  const title = options.title ?? "Rassegna report";
  const list = Array.isArray(records) ? records.filter((r) => r && typeof r === "object") : [];
  const articles = list.map((record, index) => renderArticle(record, index)).join("\n");
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
<header class="page"><h1>${escapeHtml(title)}</h1>${renderStats(list)}</header>
<main>
${renderBanner(list)}
<section><h2>Stance matrix</h2><div class="panel scroll">${renderMatrix(list, options.matrixLimit ?? 16)}</div></section>
<section><h2>Entity frequency</h2><div class="panel">${renderEntityFrequency(list, options.entityLimit ?? 30)}</div></section>
<h2>Articles</h2>
<div class="toolbar"><input id="filter" type="search" placeholder="Filter by id, title, language or entity…" aria-label="Filter articles"><span class="count" id="filter-count"></span></div>
${articles || '<p class="missing">No records.</p>'}
</main>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
