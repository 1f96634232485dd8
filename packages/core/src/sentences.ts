import type { Span } from "./types.js";

/** A sentence of a text: its span and the paragraph it belongs to (0-based). */
export interface Sentence extends Span {
  paragraph: number;
}

/**
 * Abbreviations that end in a period without ending a sentence, lower-cased without the
 * final period. `Intl.Segmenter` alone breaks at "sig.", "dott.", "S.p.A.".
 */
const ABBREVIATIONS = new Set(
  [
    // Italian
    "sig",
    "sigg",
    "sig.ra",
    "sig.na",
    "dott",
    "dott.ssa",
    "dr",
    "prof",
    "prof.ssa",
    "ing",
    "avv",
    "arch",
    "geom",
    "rag",
    "on",
    "sen",
    "gen",
    "col",
    "magg",
    "cap",
    "ten",
    "mons",
    "don",
    "sr",
    "sra",
    "ecc",
    "etc",
    "art",
    "artt",
    "n",
    "nn",
    "p",
    "pp",
    "pag",
    "p.es",
    "es",
    "cfr",
    "vol",
    "cap",
    "fig",
    "tab",
    "s.p.a",
    "s.r.l",
    "s.n.c",
    "s.a.s",
    "spa",
    "srl",
    "c.so",
    "v.le",
    "p.zza",
    "tel",
    "ca",
    "cit",
    "ibid",
    "op",
    "min",
    "max",
    "ass",
    "dipl",
    "cav",
    "comm",
    "gr",
    "uff",
    "rif",
    "all",
    "lett",
    "c.a",
    "u.s",
    "a.c",
    "d.c",
    "a.d",
    "ss",
    "sgg",
    "segg",
    "sec",
    "secc",
    // English
    "mr",
    "mrs",
    "ms",
    "messrs",
    "jr",
    "st",
    "mt",
    "ft",
    "no",
    "nos",
    "vs",
    "v",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "univ",
    "est",
    "approx",
    "gov",
    "rep",
    "sen",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "maj",
    "pres",
    "rev",
    "hon",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "d.c",
    // French, Spanish, German, Portuguese
    "m",
    "mm",
    "mme",
    "mlle",
    "sra",
    "srta",
    "d",
    "dña",
    "ud",
    "uds",
    "hr",
    "fr",
    "bzw",
    "z.b",
    "d.h",
    "u.a",
    "usw",
    "nr",
    "str",
    "sto",
    "sta",
    "av",
    "ex",
  ].map((a) => a.toLowerCase()),
);

/** Abbreviations that also end sentences often enough that a capital after them ends one. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set([
  "ecc",
  "etc",
  "usw",
  "inc",
  "ltd",
  "co",
  "corp",
  "u.s",
  "u.k",
  "d.c",
  "e.u",
  "u.n",
]);

const CLOSERS = `"'”’»)]`;
const OPENERS = `"'“‘«([¿¡`;

function isUpperStart(text: string, index: number): boolean {
  let i = index;
  while (i < text.length && OPENERS.includes(text[i] as string)) i++;
  const ch = text[i];
  if (ch === undefined) return false;
  return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch) || /[\p{Lo}]/u.test(ch);
}

/** The word (letters and inner periods) that ends just before `dot`, lower-cased. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.'’]/u.test(text[i - 1] as string)) i--;
  return text
    .slice(i, dot)
    .replace(/^['’]+/, "")
    .toLowerCase();
}

function isBoundaryAt(text: string, punct: number, limit: number): { end: number; next: number } | undefined {
  const ch = text[punct] as string;
  let end = punct + 1;
  // Runs of terminal punctuation ("?!", "...") and closing quotes belong to the sentence.
  while (end < limit && /[.!?…]/.test(text[end] as string)) end++;
  while (end < limit && CLOSERS.includes(text[end] as string)) end++;
  let next = end;
  while (next < limit && /[ \t\u00a0\u2009\u202f]/.test(text[next] as string)) next++;
  if (next >= limit) return { end, next };
  if (text[next] === "\n" || text[next] === "\r") return { end, next };
  if (next === end) return undefined; // no space after: "3.5", "S.p.A.", "www.x.it"
  if (ch === "." && end === punct + 1) {
    const word = wordBefore(text, punct);
    // Decimal numbers and ordinals with a space are rare; a number followed by a capital ends.
    if (word === "") return undefined;
    if (/^\p{Lu}$/u.test(text[punct - 1] as string) && word.length === 1) {
      // An initial ("J. Smith"): not a boundary when a capitalised word follows.
      return undefined;
    }
    if (ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
      // "ecc." and "U.S." end sentences too: then only a capital after them ends one.
      if (!SENTENCE_FINAL_ABBREVIATIONS.has(word)) return undefined;
    }
  }
  if (!isUpperStart(text, next)) return undefined;
  return { end, next };
}

/**
 * Splits a text into sentences with true offsets. Knows Italian and English abbreviations
 * (sig., dott., prof., ecc., S.p.A., art., n., p.es., Mr., U.S.), decimals, initials,
 * quotes and ellipses; never crosses a line break; each non-empty line is a paragraph. Spans are
 * trimmed of surrounding white space; white-space-only stretches yield nothing.
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
      if (c === "." || c === "!" || c === "?" || c === "…") {
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
