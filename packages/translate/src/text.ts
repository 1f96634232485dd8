import {
  type Analysis,
  type Sentence,
  type Span,
  splitSentences,
  type TextField,
  type TranslationSegment,
} from "@rassegna/core";

/**
 * Where a sentence too long for the model may be cut, strongest first: clause punctuation,
 * then commas, then dashes, then any space. A cut falls after the mark. Chinese and Japanese
 * marks (；：，、) need no space after them; Arabic has its own semicolon and comma (؛ ،).
 */
const CUT_LEVELS: readonly RegExp[] = [
  /[;:؛](?=\s)|[；：]/g,
  /[,،](?=\s)|[，、]/g,
  /[—–](?=\s)|\s[—–-](?=\s)/g,
  /\s+/g,
];

function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] as string)) s++;
  while (e > s && /\s/u.test(text[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : undefined;
}

function cutsAt(text: string, start: number, end: number, level: RegExp): number[] {
  const cuts: number[] = [];
  const re = new RegExp(level.source, "g");
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    const cut = m.index + m[0].length;
    if (cut > start && cut < end) cuts.push(cut);
    if (m[0].length === 0) re.lastIndex++;
  }
  return cuts;
}

/** Cuts a single word too long for the model (a URL, a run of symbols) by characters. */
function cutByCharacters(text: string, span: Span, fits: (span: Span) => boolean): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (start < span.end) {
    let lo = start + 1;
    let hi = span.end;
    // The longest prefix that fits (at least one character, so that this always ends).
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits({ start, end: mid })) lo = mid;
      else hi = mid - 1;
    }
    let end = lo;
    // Never cut a surrogate pair.
    if (end < span.end && /[\uDC00-\uDFFF]/.test(text[end] as string)) end = Math.min(end + 1, span.end);
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/**
 * Splits the span of one sentence into pieces of at most `maxTokens` tokens each, at the
 * strongest clause boundary available, never dropping text: the pieces, in order, cover
 * every non-space character of the span.
 */
export function splitLongSentence(
  text: string,
  span: Span,
  maxTokens: number,
  countTokens: (text: string) => number,
): Span[] {
  const fits = (s: Span) => countTokens(text.slice(s.start, s.end)) <= maxTokens;
  const split = (s: Span, level: number): Span[] => {
    if (fits(s)) return [s];
    const re = CUT_LEVELS[level];
    if (re === undefined) return cutByCharacters(text, s, fits);
    const cuts = cutsAt(text, s.start, s.end, re);
    if (cuts.length === 0) return split(s, level + 1);
    const parts: Span[] = [];
    let from = s.start;
    for (const cut of [...cuts, s.end]) {
      const part = trimSpan(text, from, cut);
      if (part) parts.push(part);
      from = cut;
    }
    // Pack consecutive parts while they fit; a part too long alone goes one level down.
    const pieces: Span[] = [];
    let current: Span | undefined;
    for (const part of parts) {
      if (current && fits({ start: current.start, end: part.end })) {
        current = { start: current.start, end: part.end };
        continue;
      }
      if (current) pieces.push(...(fits(current) ? [current] : split(current, level + 1)));
      current = part;
    }
    if (current) pieces.push(...(fits(current) ? [current] : split(current, level + 1)));
    return pieces;
  };
  if (!Number.isFinite(maxTokens)) return [span];
  return split(span, 0);
}

/** The sentences of a text and, for each, the pieces the engine translates. */
export interface TextPlan {
  sentences: Sentence[];
  /** For each sentence, the source texts of its pieces (one piece unless it is too long). */
  pieces: string[][];
}

/** Splits a text into sentences, and sentences too long for the engine into pieces. */
export function planText(text: string, maxTokens: number, countTokens: (text: string) => number): TextPlan {
  const sentences = splitSentences(text);
  const pieces = sentences.map((s) =>
    splitLongSentence(text, s, maxTokens, countTokens).map((p) => text.slice(p.start, p.end)),
  );
  return { sentences, pieces };
}

/** The line breaks between two paragraphs, as the source has them ("\n\n", "\r\n"). */
function lineBreaksIn(gap: string): string {
  return gap.match(/\r?\n/g)?.join("") ?? "\n";
}

/**
 * Joins translated sentences into the output text: a space between sentences of a
 * paragraph, the source's line breaks between paragraphs. Returns the text and, for every
 * source sentence, its span and the span of its translation.
 */
export function assembleTranslation(
  source: string,
  sentences: readonly Sentence[],
  translations: readonly string[],
): { text: string; segments: TranslationSegment[] } {
  let text = "";
  const segments: TranslationSegment[] = [];
  sentences.forEach((sentence, i) => {
    const previous = sentences[i - 1];
    if (previous) {
      text +=
        previous.paragraph === sentence.paragraph ? " " : lineBreaksIn(source.slice(previous.end, sentence.start));
    }
    const start = text.length;
    text += (translations[i] ?? "").trim();
    segments.push({ source: { start: sentence.start, end: sentence.end }, target: { start, end: text.length } });
  });
  return { text, segments };
}

/** Joins the translations of a sentence's pieces into the sentence's translation. */
export function joinPieces(pieces: readonly string[]): string {
  return pieces
    .map((p) => p.trim())
    .filter(Boolean)
    .join(" ");
}

/**
 * Stretches of one field of an article that the language stage found in the target language
 * (`doc.languageSegments`: an English quotation inside an Italian article), as spans.
 */
export function keptStretches(doc: Analysis, field: TextField, to: string): Span[] {
  const target = to.toLowerCase();
  return (doc.languageSegments ?? [])
    .filter((segment) => (segment.field ?? "text") === field)
    .filter((segment) => segment.language.code === target || segment.language.iso6393 === target)
    .map(({ start, end }) => ({ start, end }));
}

/**
 * Wraps a piece runner so that pieces of `text` lying inside one of the `kept` stretches come back
 * as they are, without reaching the engine; the rest go through `run`, in one call. Pieces are
 * slices of `text` (sentences or parts of them), found by their text inside the kept stretches.
 */
export function keepAsIs<R extends (pieces: string[], signal?: AbortSignal) => Promise<string[]>>(
  text: string,
  kept: readonly Span[],
  run: R,
): (pieces: string[], signal?: AbortSignal) => Promise<string[]> {
  if (kept.length === 0) return run;
  const stretches = kept.map(({ start, end }) => text.slice(start, end));
  return async (pieces, signal) => {
    const keep = pieces.map((piece) => piece.trim() !== "" && stretches.some((stretch) => stretch.includes(piece)));
    const sent = pieces.filter((_, i) => !keep[i]);
    const translated = sent.length > 0 ? await run(sent, signal) : [];
    let next = 0;
    return pieces.map((piece, i) => (keep[i] ? piece : (translated[next++] as string)));
  };
}
