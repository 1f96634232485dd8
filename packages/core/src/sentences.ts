import * as DATA from "./generated/sentences.js";
import type { Span } from "./types.js";

/** A sentence of a text: its span and the paragraph it belongs to (0-based). */
export interface Sentence extends Span {
  paragraph: number;
}

/** Every language's words of a list, as one set: the splitter does not know the text's language. */
function allLanguages(lists: Readonly<Record<string, readonly string[]>>): ReadonlySet<string> {
  return new Set(Object.values(lists).flat());
}

/**
 * Abbreviations that end in a period without ending a sentence, lower-cased without the
 * final period (`data/sentences/<lang>/*abbreviations.yml`). `Intl.Segmenter` alone breaks at
 * "sig.", "dott.", "S.p.A.".
 */
const NAME_ABBREVIATIONS = allLanguages(DATA.NAME_ABBREVIATIONS);
const SENTENCE_FINAL_ABBREVIATIONS = allLanguages(DATA.SENTENCE_FINAL_ABBREVIATIONS);
const ABBREVIATIONS = new Set([
  ...allLanguages(DATA.ABBREVIATIONS),
  ...NAME_ABBREVIATIONS,
  ...SENTENCE_FINAL_ABBREVIATIONS,
]);
/** Abbreviations that hold a sentence together only before a number ("art. 21", "n. 5", "No. 10"). */
const NUMBER_ABBREVIATIONS = allLanguages(DATA.NUMBER_ABBREVIATIONS);
/** Abbreviations only after the words given ("l'on.", "ad es."): word → the words before it. */
const CONTEXT_ABBREVIATIONS = new Map<string, ReadonlySet<string>>(
  Object.values(DATA.CONTEXT_ABBREVIATIONS).flatMap((table) =>
    Object.entries(table).map(([word, before]) => [word, new Set(before)] as const),
  ),
);
/** Words that usually start a sentence (articles, pronouns, conjunctions), lower-cased. */
const SENTENCE_STARTERS = allLanguages(DATA.SENTENCE_STARTERS);

function startsSentence(text: string, next: number): boolean {
  let i = next;
  while (i < text.length && OPENERS.includes(text[i] as string)) i++;
  const match = /^[\p{L}]+/u.exec(text.slice(i, i + 24));
  return match !== null && SENTENCE_STARTERS.has(match[0].toLowerCase());
}

const CLOSERS = `"'”’»)]」』）】〉》`;

/**
 * Marks that end a sentence in scripts written without spaces (Chinese, Japanese): the next
 * sentence starts right after them, with no space and no capital.
 */
const UNSPACED_TERMINALS = "。！？｡";
/** Marks that end a sentence in scripts without letter case: Devanagari danda, Arabic. */
const CASELESS_TERMINALS = "।॥؟۔";
const OPENERS = `"'“‘«([¿¡`;

function isUpperStart(text: string, index: number): boolean {
  let i = index;
  while (i < text.length && OPENERS.includes(text[i] as string)) i++;
  const ch = text[i];
  if (ch === undefined) return false;
  return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch) || /[\p{Lo}]/u.test(ch);
}

/**
 * The word (letters and inner periods) that ends just before `dot`, lower-cased, without an
 * elided article ("all'art" → "art"), and what precedes it: the elided article or the
 * previous word.
 */
function wordBefore(text: string, dot: number): { word: string; previous: string } {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.'’]/u.test(text[i - 1] as string)) i--;
  const token = text.slice(i, dot).toLowerCase();
  const apostrophe = Math.max(token.lastIndexOf("'"), token.lastIndexOf("’"));
  if (apostrophe >= 0) return { word: token.slice(apostrophe + 1), previous: token.slice(0, apostrophe) };
  let j = i;
  while (j > 0 && /\s/u.test(text[j - 1] as string)) j--;
  let k = j;
  while (k > 0 && /[\p{L}]/u.test(text[k - 1] as string)) k--;
  return { word: token, previous: text.slice(k, j).toLowerCase() };
}

/** True when `word` + "." before the text at `next` is an abbreviation, not a sentence end. */
function isAbbreviation(word: string, previous: string, text: string, next: number): boolean {
  if (NUMBER_ABBREVIATIONS.has(word)) return /\p{N}/u.test(text[next] ?? "");
  const context = CONTEXT_ABBREVIATIONS.get(word);
  if (context) return context.has(previous);
  return ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

function isBoundaryAt(text: string, punct: number, limit: number): { end: number; next: number } | undefined {
  const ch = text[punct] as string;
  let end = punct + 1;
  // Runs of terminal punctuation ("?!", "...", "！？") and closing quotes belong to the sentence.
  while (end < limit && TERMINAL.test(text[end] as string)) end++;
  while (end < limit && CLOSERS.includes(text[end] as string)) end++;
  let next = end;
  while (next < limit && /[ \t\u00a0\u2009\u202f\u3000]/.test(text[next] as string)) next++;
  if (next >= limit) return { end, next };
  // Chinese and Japanese need neither a space nor a capital after a full stop.
  if (UNSPACED_TERMINALS.includes(ch)) return { end, next };
  if (text[next] === "\n" || text[next] === "\r") return { end, next };
  if (next === end) return undefined; // no space after: "3.5", "S.p.A.", "www.x.it"
  if (ch === "." && end === punct + 1) {
    const { word, previous } = wordBefore(text, punct);
    // A lone period (". ."): not a boundary. After a closing quote or bracket it is: «…». Poi
    if (word === "" && !CLOSERS.includes(text[punct - 1] ?? " ")) return undefined;
    if (/^\p{Lu}$/u.test(text[punct - 1] as string) && word.length === 1) {
      // An initial ("J. Smith"): not a boundary when a capitalised word follows.
      return undefined;
    }
    if (isAbbreviation(word, previous, text, next)) {
      // "ecc." ends sentences too: then a capital after it ends one. "U.S." and "S.p.A." end
      // one only before a typical first word of a sentence.
      if (NAME_ABBREVIATIONS.has(word)) {
        if (!startsSentence(text, next)) return undefined;
      } else if (!SENTENCE_FINAL_ABBREVIATIONS.has(word)) return undefined;
    }
  }
  // Devanagari and Arabic have no capitals: the mark and a space are enough.
  if (CASELESS_TERMINALS.includes(ch)) return { end, next };
  if (!isUpperStart(text, next)) return undefined;
  return { end, next };
}

/** Any mark that may end a sentence. */
const TERMINAL = /[.!?…。！？｡।॥؟۔]/;

/**
 * Splits a text into sentences with true offsets. Knows Italian and English abbreviations
 * (sig., dott., prof., ecc., S.p.A., art., n., p.es., l'on., Mr., U.S.), words that are
 * abbreviations only before a number ("n. 5" but "ha detto no. Poi"), decimals, initials, list
 * numbers, quotes (a period after «…» or (…) ends a sentence) and ellipses; the full stops of
 * Chinese and Japanese (。！？, no space needed), the Devanagari danda (।) and the Arabic
 * question mark and full stop (؟ ۔); never crosses a line break; each non-empty line is a paragraph. Spans are trimmed of surrounding white
 * space; white-space-only stretches yield nothing.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = -1;
  const lineRe = /\r?\n/g;
  let lineStart = 0;
  const pushSpan = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s] as string)) s++;
    while (e > s && /\s/u.test(text[e - 1] as string)) e--;
    if (e > s) sentences.push({ start: s, end: e, paragraph });
  };
  const doLine = (from: number, to: number): void => {
    if (text.slice(from, to).trim() === "") return;
    paragraph++;
    let start = from;
    for (let i = from; i < to; i++) {
      const c = text[i] as string;
      if (TERMINAL.test(c)) {
        // A list number ("1. Notti insonni…") belongs to the sentence it numbers.
        if (c === "." && /^\s*\d{1,3}$/.test(text.slice(start, i))) continue;
        const boundary = isBoundaryAt(text, i, to);
        if (boundary) {
          pushSpan(start, boundary.end);
          start = boundary.next;
          i = Math.max(i, boundary.end - 1);
        }
      }
    }
    pushSpan(start, to);
  };
  let m: RegExpExecArray | null = lineRe.exec(text);
  while (m !== null) {
    doLine(lineStart, m.index);
    lineStart = m.index + m[0].length;
    m = lineRe.exec(text);
  }
  doLine(lineStart, text.length);
  return sentences;
}
