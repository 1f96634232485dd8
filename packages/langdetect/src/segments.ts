import {
  assertText,
  checkOptions,
  DETECT_OPTIONS,
  type LanguageGuess,
  type LanguageSegment,
  splitSentences,
} from "@rassegna/core";
import { toIso6391 } from "./codes.js";
import {
  type DetectOptions,
  detectPiece,
  detectResolved,
  type ResolvedOptions,
  resolveOptions,
  STAGE,
  sampleOf,
} from "./detect.js";

/** Letters a sentence needs before it may differ from the document's language. */
const MIN_SEGMENT_LETTERS = 20;
/** Confidence a sentence needs before it may differ from the document's language. */
const MIN_SEGMENT_CONFIDENCE = 0.9;
/** Log-prior the document's language gets in each sentence: quotes must clearly be another language. */
const DOCUMENT_PRIOR = 3;

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/**
 * Spans of a text with their language, for articles that quote another language (an Italian article
 * with an English statement inside). Sentence by sentence (core's `splitSentences`); a sentence that is
 * short or unsure inherits the document's language; neighbours in the same language merge into one
 * span that runs from the first sentence's start to the last one's end. Offsets are UTF-16 indices into
 * `text`, end exclusive. Empty or letterless text gives no segments.
 */
export function detectSegments(text: string, options: DetectOptions = {}): LanguageSegment[] {
  assertText(text, { stage: STAGE });
  checkOptions(DETECT_OPTIONS, options, STAGE);
  const resolved = resolveOptions(options);
  return segmentsOf(text, resolved, detectResolved(sampleOf(text), resolved));
}

/** {@link detectSegments} once the document's language is known (detected, or given as a hint). */
export function segmentsOf(text: string, resolved: ResolvedOptions, documentGuess: LanguageGuess): LanguageSegment[] {
  if (documentGuess.code === "und") return [];
  const labelled: Array<{ start: number; end: number; code: string }> = [];
  for (const sentence of splitSentences(text)) {
    const slice = text.slice(sentence.start, sentence.end);
    let code = documentGuess.iso6393;
    if (letterCount(slice) >= MIN_SEGMENT_LETTERS) {
      const own = detectPiece(slice, resolved, { lang: documentGuess.iso6393, weight: DOCUMENT_PRIOR });
      if (own.code !== "und" && own.iso6393 !== documentGuess.iso6393 && own.confidence >= MIN_SEGMENT_CONFIDENCE)
        code = own.iso6393;
    }
    const last = labelled[labelled.length - 1];
    if (last && last.code === code) last.end = sentence.end;
    else labelled.push({ start: sentence.start, end: sentence.end, code });
  }
  return labelled.map(({ start, end, code }): LanguageSegment => {
    const guess: LanguageGuess =
      code === documentGuess.iso6393 && labelled.length === 1
        ? documentGuess
        : detectPiece(text.slice(start, end), resolved, { lang: code, weight: DOCUMENT_PRIOR });
    // The span's label stands (it was decided sentence by sentence); the guess adds confidence and script.
    return { start, end, language: guess.iso6393 === code ? guess : { ...guess, ...relabel(code) } };
  });
}

function relabel(code: string): Pick<LanguageGuess, "code" | "iso6393" | "reliable"> {
  return { code: toIso6391(code), iso6393: code, reliable: false };
}
