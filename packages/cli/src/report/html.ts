// HTML building blocks of the report: escaping, and text rendered with highlighted spans.

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A span to wrap in an element: `attrs` are written as escaped `data-*`/`class` attributes. */
export interface MarkSpan {
  start: number;
  end: number;
  tag: string;
  className: string;
  data: Record<string, string>;
}

/** Why a span was left out when rendering a text. */
export interface SpanProblems {
  /** Offsets not integers, reversed, or outside the text. */
  outOfRange: number;
  /** Start or end falls between the two halves of a surrogate pair. */
  splitsCharacter: number;
  /** Overlaps a span that was kept. */
  overlapping: number;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `index` falls between the two code units of a surrogate pair of `text`. */
function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/**
 * Keeps the spans that can be drawn on `text`: true offsets inside it, not cutting a character
 * in two, and not overlapping an earlier (or, at the same start, longer) span. The rest are counted.
 */
export function drawableSpans(text: string, spans: readonly MarkSpan[], problems: SpanProblems): MarkSpan[] {
  const valid: MarkSpan[] = [];
  for (const span of spans) {
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
      problems.outOfRange++;
    } else if (splitsPair(text, start) || splitsPair(text, end)) {
      problems.splitsCharacter++;
    } else {
      valid.push(span);
    }
  }
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MarkSpan[] = [];
  let reached = 0;
  for (const span of valid) {
    if (span.start < reached) {
      problems.overlapping++;
      continue;
    }
    kept.push(span);
    reached = span.end;
  }
  return kept;
}

function openTag(span: MarkSpan): string {
  const data = Object.entries(span.data)
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join("");
  return `<${span.tag} class="${escapeHtml(span.className)}"${data}>`;
}

/**
 * Renders `text` as escaped HTML with two layers of non-overlapping spans: `outer` (e.g.
 * translation segments) and `inner` (e.g. entity mentions). Both must come from
 * {@link drawableSpans}. An inner span that crosses an outer boundary is split in two, so the
 * markup always nests properly.
 */
export function renderLayeredText(text: string, outer: readonly MarkSpan[], inner: readonly MarkSpan[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const span of [...outer, ...inner]) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  let outerIndex = 0;
  let innerIndex = 0;
  let openOuter: MarkSpan | undefined;
  let openInner: MarkSpan | undefined;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (outerIndex < outer.length && outer[outerIndex]!.end <= from) outerIndex++;
    while (innerIndex < inner.length && inner[innerIndex]!.end <= from) innerIndex++;
    const o = outer[outerIndex];
    const n = inner[innerIndex];
    const outerHere = o && o.start <= from ? o : undefined;
    const innerHere = n && n.start <= from ? n : undefined;
    if (outerHere !== openOuter) {
      if (openInner) html += `</${openInner.tag}>`;
      openInner = undefined;
      if (openOuter) html += `</${openOuter.tag}>`;
      openOuter = outerHere;
      if (openOuter) html += openTag(openOuter);
    }
    if (innerHere !== openInner) {
      if (openInner) html += `</${openInner.tag}>`;
      openInner = innerHere;
      if (openInner) html += openTag(openInner);
    }
    html += escapeHtml(text.slice(from, to));
  }
  if (openInner) html += `</${openInner.tag}>`;
  if (openOuter) html += `</${openOuter.tag}>`;
  return html;
}
