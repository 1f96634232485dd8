/**
 * Invisible characters inside words (zero-width space and joiners, word joiner, soft hyphen,
 * a stray byte-order mark) split names for every analyser: "Pu\u200btin" reads as "Pu". They
 * are taken out before analysis, and every offset found in the cleaned text is mapped back,
 * so that offsets stay true in the text the caller gave.
 */
import type { Analysis, Span } from "./types.js";

/** The characters taken out: ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen, BOM (zero-width no-break space). */
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff]/;
const INVISIBLE_ALL = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;

/** A text without its invisible characters, and where each of its offsets falls in the original. */
export interface CleanText {
  text: string;
  /** `toOriginal[i]` is the original offset of cleaned offset `i` (`i` from 0 to `text.length`). */
  toOriginal: Int32Array;
}

/** The text without invisible characters, or `undefined` when it has none (the common case costs one regex test). */
export function removeInvisible(text: string): CleanText | undefined {
  if (!INVISIBLE.test(text)) return undefined;
  const toOriginal = new Int32Array(text.length + 1);
  let out = "";
  let j = 0;
  let last = 0;
  INVISIBLE_ALL.lastIndex = 0;
  for (let match = INVISIBLE_ALL.exec(text); match !== null; match = INVISIBLE_ALL.exec(text)) {
    for (let i = last; i < match.index; i++) toOriginal[j++] = i;
    out += text.slice(last, match.index);
    last = match.index + 1;
  }
  for (let i = last; i < text.length; i++) toOriginal[j++] = i;
  out += text.slice(last);
  toOriginal[j] = text.length;
  return { text: out, toOriginal: toOriginal.subarray(0, j + 1) };
}

function remap(span: Span, clean: CleanText): void {
  const { toOriginal } = clean;
  const last = toOriginal.length - 1;
  if (
    !Number.isInteger(span.start) ||
    !Number.isInteger(span.end) ||
    span.start < 0 ||
    span.end > last ||
    span.start > span.end
  )
    return;
  const start = toOriginal[span.start]!;
  // An end is one past the last character: just after that character in the original.
  span.end = span.end > span.start ? toOriginal[span.end - 1]! + 1 : start;
  span.start = start;
}

/**
 * Moves every offset of `doc` that points into its (cleaned) original text back into
 * `original`, and puts `original` back as the record's text. Mentions keep their text as the
 * original slice, so that `text.slice(start, end)` is still the mention.
 */
export function restoreOriginalText(doc: Analysis, original: string, clean: CleanText): void {
  doc.text = original;
  const translated = doc.translation !== undefined && doc.translation !== null;
  for (const segment of doc.translation?.segments ?? []) if (segment?.source) remap(segment.source, clean);
  for (const entity of doc.entities ?? []) {
    for (const mention of entity?.mentions ?? []) {
      if (!mention || mention.field === "title") continue;
      if (mention.sourceSpan) remap(mention.sourceSpan, clean);
      if ((mention.source ?? entity.source) !== "original") continue;
      remap(mention, clean);
      mention.text = original.slice(mention.start, mention.end);
    }
  }
  for (const stance of doc.stances ?? []) {
    for (const evidence of stance?.evidence ?? []) {
      if (!evidence || evidence.field === "title") continue;
      const source = evidence.source ?? (translated ? "translation" : "original");
      if (source === "original") remap(evidence, clean);
    }
  }
}
