// One article of the report: the original and the English side by side, entities and
// sentences highlighted, its errors and stances.
import type { Analysis, Entity, Evidence, Mention, StageError, Stance, TextSource, Translation } from "@rassegna/core";

import { entitiesOf, errorsOf, OWN_STANCE, stancesOf } from "./aggregate.js";
import { drawableSpans, escapeHtml, type MarkSpan, renderLayeredText, type SpanProblems } from "./html.js";

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" });
  } catch {
    return undefined;
  }
})();

export function languageName(code: string | undefined): string {
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

export function translationOf(record: Analysis): Translation | undefined {
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

export function renderArticle(record: Analysis, index: number): string {
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
