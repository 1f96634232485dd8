/**
 * People's names through Apertium. Apertium translates every word it knows, names included:
 * "Giuseppe Conte" → "Giuseppe Count", "Enrico Letta" → "Enrico Read", "Guido Crosetto" →
 * "I drive Crosetto". Before translating, the source language's own morphological analyser
 * (the first program of the Apertium mode) tells which capitalised words are given names
 * (`<np><ant>`), surnames (`<np><cog>`) or unknown; runs of capitalised words holding one
 * of them, and capitalised words after a title ("il premier Conte"), are swapped for
 * placeholders that Apertium passes through untouched, and put back after.
 */

import { escapeRegExp } from "@rassegna/core";

import { APERTIUM_FUNCTION_TAGS, APERTIUM_PERSON_TAGS, TITLES as TITLE_WORDS } from "../../generated/data.js";
import { escapeStream } from "./stream-format.js";

/** One word of the analyser's output: its surface and its readings (none when unknown). */
export interface AnalysedWord {
  surface: string;
  readings: string[];
}

/** The analyser's input for one line per text. */
export function analyserInput(lines: readonly string[]): string {
  return `${lines.map(escapeStream).join("\n")}\n`;
}

/**
 * Parses `lt-proc -w` output (`^surface/reading/reading$` units, blanks between) into words
 * per line. Unknown words come as `^surface/*surface$`.
 */
export function parseAnalyses(output: string): AnalysedWord[][] {
  const lines: AnalysedWord[][] = [[]];
  let i = 0;
  while (i < output.length) {
    const c = output[i] as string;
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "\n") {
      lines.push([]);
      i++;
      continue;
    }
    if (c !== "^") {
      i++;
      continue;
    }
    // A unit: up to the next unescaped "$".
    let j = i + 1;
    let unit = "";
    while (j < output.length && output[j] !== "$") {
      if (output[j] === "\\" && j + 1 < output.length) {
        unit += `\\${output[j + 1]}`;
        j += 2;
      } else {
        unit += output[j];
        j++;
      }
    }
    const parts = splitUnescaped(unit);
    const surface = unescapeStream(parts[0] ?? "");
    const readings = parts.slice(1).filter((r) => !r.startsWith("*"));
    (lines[lines.length - 1] as AnalysedWord[]).push({ surface, readings });
    i = j + 1;
  }
  if (output.endsWith("\n")) lines.pop();
  return lines;
}

function splitUnescaped(unit: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let k = 0; k < unit.length; k++) {
    const c = unit[k] as string;
    if (c === "\\" && k + 1 < unit.length) {
      current += c + unit[k + 1];
      k++;
    } else if (c === "/") {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unescapeStream(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

/** Titles before a surname ("il premier Conte", "le ministre Barrot"), of every language listed (data/<lang>/titles.yml). */
const TITLES: ReadonlySet<string> = new Set(Object.values(TITLE_WORDS).flat());

/** A reading with a function word's tag (`<det>`, `<pr>`…: data/apertium-function-tags.yml), built once. */
const FUNCTION_TAGS = new RegExp(`<(?:${APERTIUM_FUNCTION_TAGS.map(escapeRegExp).join("|")})>`);

interface WordAt extends AnalysedWord {
  start: number;
  end: number;
  capital: boolean;
  unknown: boolean;
  /** A given name or a surname. */
  personal: boolean;
  /** Known only as a function word (article, preposition, conjunction, pronoun, adverb). */
  functional: boolean;
}

/** The words of the last lines placed, by analysis: names, quotes and lexicon read the same placing. */
const PLACED = new WeakMap<readonly AnalysedWord[], { line: string; words: WordAt[] }>();

/** A reading of a person's name: a proper noun that is a given name or a surname (data/apertium-person-tags.yml). */
const PERSONAL = new RegExp(`<np>.*<(?:${APERTIUM_PERSON_TAGS.map(escapeRegExp).join("|")})>`);
const CAPITAL = /^\p{Lu}/u;

/** Places the analysed words in the line, in order (computed once per line and analysis). */
function locate(line: string, words: readonly AnalysedWord[]): WordAt[] {
  const placed = PLACED.get(words);
  if (placed?.line === line) return placed.words;
  const out: WordAt[] = [];
  let cursor = 0;
  for (const word of words) {
    const start = line.indexOf(word.surface, cursor);
    if (start < 0 || word.surface === "") continue;
    const end = start + word.surface.length;
    cursor = end;
    const { readings } = word;
    out.push({
      surface: word.surface,
      readings,
      start,
      end,
      capital: CAPITAL.test(word.surface),
      unknown: readings.length === 0,
      personal: readings.some((r) => PERSONAL.test(r)),
      functional: readings.length > 0 && readings.every((r) => FUNCTION_TAGS.test(r)),
    });
  }
  PLACED.set(words, { line, words: out });
  return out;
}

/**
 * Spans of `line` (UTF-16 offsets) that hold people's names: runs of capitalised words with a
 * given name, a surname or an unknown word among two or more, and a capitalised word after a
 * title. A sentence's first word leaves a run when it is known as anything but a name.
 */
export function nameSpans(line: string, words: readonly AnalysedWord[]): Array<[start: number, end: number]> {
  const located = locate(line, words);
  const spans: Array<[number, number]> = [];
  let i = 0;
  while (i < located.length) {
    const word = located[i] as WordAt;
    if (!word.capital || !/\p{L}/u.test(word.surface)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < located.length) {
      const next = located[j + 1] as WordAt;
      if (!next.capital || line.slice((located[j] as WordAt).end, next.start) !== " ") break;
      j++;
    }
    let first = i;
    // "Il Senato", "Secondo Mario Draghi", "Scrive Rossi": a leading word known as something
    // else opens the sentence or is a function word, not part of a name.
    while (first <= j) {
      const lead = located[first] as WordAt;
      const sentenceStart = isSentenceStart(line, lead.start);
      if (lead.unknown || lead.personal) break;
      if (!(lead.functional || sentenceStart)) break;
      first++;
    }
    const run = located.slice(first, j + 1);
    const previous = located[first - 1];
    const afterTitle =
      run.length >= 1 && previous !== undefined && !previous.capital && TITLES.has(previous.surface.toLowerCase());
    if ((run.length >= 2 && run.some((w) => w.unknown || w.personal)) || (afterTitle && run.length >= 1)) {
      spans.push([(run[0] as WordAt).start, (run[run.length - 1] as WordAt).end]);
    }
    i = j + 1;
  }
  return spans;
}

/**
 * Words the analyser does not know that `lexicon` translates ("bombardieri" → "bombers"), as
 * spans with their English; a capitalised word only at a sentence start.
 */
export function lexiconSpans(
  line: string,
  words: readonly AnalysedWord[],
  lexicon: ReadonlyMap<string, string>,
): ShieldSpan[] {
  const spans: ShieldSpan[] = [];
  for (const word of locate(line, words)) {
    if (!word.unknown) continue;
    const lower = word.surface.toLowerCase();
    const english = lexicon.get(lower);
    if (english === undefined) continue;
    if (word.surface === lower) spans.push([word.start, word.end, english]);
    else if (isSentenceStart(line, word.start) && word.surface.slice(1) === lower.slice(1)) {
      spans.push([word.start, word.end, (english[0] ?? "").toUpperCase() + english.slice(1)]);
    }
  }
  return spans;
}

function isSentenceStart(line: string, start: number): boolean {
  const before = line.slice(0, start).trimEnd();
  return before === "" || /[.!?:;«“"(]$/.test(before);
}

/** Placeholders: capitalised nonsense words no Apertium dictionary knows, one per name. */
function placeholder(index: number): string {
  let code = "";
  let n = index;
  do {
    code = String.fromCharCode(97 + (n % 26)) + code;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Zqx${code}`;
}

/** A line with its names swapped for placeholders, and the names to put back. */
export interface ShieldedLine {
  text: string;
  names: Map<string, string>;
}

/** A span to shield, and what to put back (default: the text itself). */
export type ShieldSpan = [start: number, end: number, replacement?: string];

/**
 * Spans of two lists in text order, a span of the second dropped where it overlaps one of
 * the first ("Giuseppe Conte a Mosca": a person run never swallows a known place).
 */
export function mergeSpans(first: readonly ShieldSpan[], second: readonly ShieldSpan[]): ShieldSpan[] {
  const kept = second.filter(([s, e]) => !first.some(([fs, fe]) => s < fe && fs < e));
  return [...first, ...kept].sort((a, b) => a[0] - b[0]);
}

/** Swaps the spans of `line` (in text order, not overlapping) for placeholders. */
export function shield(line: string, spans: readonly ShieldSpan[]): ShieldedLine {
  const names = new Map<string, string>();
  let text = "";
  let cursor = 0;
  for (const [start, end, replacement] of spans) {
    const key = placeholder(names.size);
    names.set(key, replacement ?? line.slice(start, end));
    text += line.slice(cursor, start) + key;
    cursor = end;
  }
  return { text: text + line.slice(cursor), names };
}

/** Puts the names back into a translated line. */
export function unshield(translated: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return translated;
  return translated.replace(/Zqx[a-z]+/g, (key) => names.get(key) ?? key);
}

/**
 * Apertium capitalises the word after an unknown first word ("Crosetto Has said"): when the
 * source's word after its first was lower case, so is the translation's.
 */
export function lowerAfterLeadingName(source: string, translated: string): string {
  const sourceWords = source.split(" ");
  const first = sourceWords[0];
  if (!first || !/^\p{Lu}/u.test(first) || !/^\p{Ll}/u.test(sourceWords[1] ?? "")) return translated;
  if (!translated.startsWith(`${first} `)) return translated;
  const rest = translated.slice(first.length + 1);
  if (!/^\p{Lu}\p{Ll}/u.test(rest)) return translated;
  return `${first} ${rest[0]?.toLowerCase()}${rest.slice(1)}`;
}

/** Quoted passages: “…”, «…», "…". */
const QUOTES = /“([^”]+)”|«([^»]+)»|"([^"]+)"/g;

/**
 * Quotations in English inside the source text ("«We will not back down», ha detto"), kept as
 * written: a quoted passage of three words or more of which most are unknown to the source
 * language's analyser. Apertium would otherwise translate them word by word, as if Italian.
 */
export function foreignQuoteSpans(line: string, words: readonly AnalysedWord[]): ShieldSpan[] {
  const located = locate(line, words).filter((w) => /\p{L}/u.test(w.surface));
  const spans: ShieldSpan[] = [];
  for (const match of line.matchAll(QUOTES)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? "";
    const start = (match.index ?? 0) + 1;
    const end = start + inner.length;
    const inside = located.filter((w) => w.start >= start && w.end <= end);
    if (inside.length < 3) continue;
    const unknown = inside.filter((w) => w.unknown).length;
    if (unknown / inside.length >= 0.6) spans.push([start, end]);
  }
  return spans;
}
