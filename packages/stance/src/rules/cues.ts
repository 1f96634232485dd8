/**
 * Cues of stance: the compiled lexicons (`data/words/<lang>/cues.yml`) and where they match in a
 * sentence. A cue is a short sequence of folded words (lower case, no accents); a word ending
 * in `*` matches any word it begins. The kind says how a cue links the actors around it:
 * - `verb`: directed predicate, subject → object ("Washington sanctions Iran"); passive aware;
 * - `noun`: directed noun ("criticism of", "sanzioni contro"): the actor before it holds it;
 * - `mutual`: a relation both ways ("partnership between X and Y", "X e Y cooperano");
 * - `joint`: an act both parties do, stated as fact ("X and Y signed ~ agreement"): read as
 *   `mutual`, its rules named `joint-…`;
 * - `role`: what one actor is to another, after a `consider` verb ("considera Y un avversario");
 * - `consider`: "X considers / sees / calls Y …";
 * - `against`: a preposition ("against", "contro") whose object is the target;
 * - `anti`: the prefix "anti"/"anti-": the actor after it is the target;
 * - `agent`: a noun of who holds a stance ("supporter", "critic"): its target stands before
 *   it ("a Trump supporter", "Merkel's critics") or after "of"; its holder is the subject;
 * - `provoked`: a verb whose object holds the stance toward its subject ("the move angered
 *   Beijing", "X drew criticism from Y", "X won the endorsement of Y").
 */
import type { StanceLabel } from "@rassegna/core";

import { CUES as CUE_DATA, type CuesGroup } from "../generated/words.js";
import type { ActorMention } from "../mentions.js";
import { at, type Token } from "../tokens.js";
import type { CueLanguage } from "../types.js";
import { GAP_STOPS } from "../words.js";

export type CueKind = CuesGroup["kind"];

/** One entry of a lexicon. */
export interface Cue {
  /** Folded words; a trailing `*` makes a word a prefix. */
  words: string[];
  polarity: Exclude<StanceLabel, "NONE">;
  kind: CueKind;
  language: CueLanguage;
  /** Relative strength of the cue (1 = a plain verb of stance). */
  weight: number;
}

/** A cue found in a sentence: tokens `[first, last]`. */
export interface CueHit {
  cue: Cue;
  first: number;
  last: number;
}

function expand(language: CueLanguage): Cue[] {
  return CUE_DATA[language].flatMap(({ kind, polarity, weight, entries }) =>
    entries.map((phrase) => ({ words: phrase.split(" "), polarity, kind, language, weight })),
  );
}

/** Every cue of both languages, in the order they are tried. */
export const CUES: readonly Cue[] = [...expand("en"), ...expand("it")];

const cueIndex = new Map<string, Cue[]>();
for (const cue of CUES) {
  const key = (cue.words[0] as string).replace(/\*$/, "").slice(0, 2);
  const list = cueIndex.get(key);
  if (list) list.push(cue);
  else cueIndex.set(key, [cue]);
}

function wordMatches(pattern: string, folded: string): boolean {
  return pattern.endsWith("*") ? folded.startsWith(pattern.slice(0, -1)) : folded === pattern;
}

/** "supporters", "attacker", "critics": a prefix cue that matched a noun of the doer, not the act. */
function isAgentNoun(cue: Cue, token: Token): boolean {
  if (cue.kind !== "verb" || cue.words.length !== 1) return false;
  const pattern = cue.words[0] as string;
  if (!pattern.endsWith("*")) return false;
  return /(ers?|ors?|ics|isms?|tori|tore|trici|trice)$/.test(token.folded) && token.folded.length > pattern.length;
}

/** The most words a gap (`~` in a cue: "signed ~ agreement") may hold: "signed on Monday an agreement". */
const MAX_GAP = 3;

/** Whether a word may stand in a cue's gap: a place, a time, an article, not a word that turns the act. */
function gapWord(token: Token): boolean {
  return token.word && !GAP_STOPS.has(token.folded);
}

/**
 * The index of the last token of `words` (from word `w` on) matched from token `t`, or
 * undefined. Apostrophes and hyphens between cue words are skipped ("l'asse", "anti-Usa"); a
 * `~` matches up to {@link MAX_GAP} words ("firmato a Tripoli un'intesa").
 */
function matchWords(tokens: readonly Token[], t: number, words: readonly string[], w: number): number | undefined {
  const word = words[w] as string;
  if (word === "~") {
    let gap = 0;
    for (let u = t; u <= tokens.length; u++) {
      const end = matchWords(tokens, u, words, w + 1);
      if (end !== undefined) return end;
      const token = tokens[u];
      if (!token) return undefined;
      if (!token.word) {
        if (token.folded !== "'" && token.folded !== "’" && token.folded !== "-") return undefined;
        continue;
      }
      if (!gapWord(token) || ++gap > MAX_GAP) return undefined;
    }
    return undefined;
  }
  let u = t;
  while (w > 0 && u < tokens.length && !at(tokens, u).word) u++;
  const token = tokens[u];
  if (!token || !wordMatches(word, token.folded)) return undefined;
  return w === words.length - 1 ? u : matchWords(tokens, u + 1, words, w + 1);
}

/** The longest cue starting at word `i`, if any. */
function cueAt(tokens: readonly Token[], i: number, languages: ReadonlySet<CueLanguage>): CueHit | undefined {
  const token = at(tokens, i);
  if (!token.word) return undefined;
  let best: CueHit | undefined;
  for (const cue of cueIndex.get(token.folded.slice(0, 2)) ?? []) {
    if (!languages.has(cue.language)) continue;
    const end = matchWords(tokens, i, cue.words, 0);
    let ok = end !== undefined;
    const t = (end ?? i) + 1;
    if (ok && isAgentNoun(cue, at(tokens, t - 1))) ok = false;
    if (ok && (!best || t - 1 > best.last)) best = { cue, first: i, last: t - 1 };
  }
  return best;
}

/** True when a stance cue starts at word `i` ("elogiato", "accused"): someone's act, not a judgement. */
export function isCueAt(tokens: readonly Token[], i: number, languages: ReadonlySet<CueLanguage>): boolean {
  return cueAt(tokens, i, languages) !== undefined;
}

/** All cues of a sentence, left to right, not overlapping and not inside an actor's name. */
export function findCues(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ActorMention[],
  languages: ReadonlySet<CueLanguage>,
) {
  const inName = new Set<number>();
  for (const m of mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // "Washington Slams Iran" (a headline) keeps its cue: the capital before is an actor.
    if (inName.has(i) || (!inName.has(i - 1) && isInsideName(text, tokens, i))) continue;
    const hit = cueAt(tokens, i, languages);
    if (hit) {
      hits.push(hit);
      i = hit.last;
    }
  }
  return hits;
}

/**
 * True for a capitalised word inside a sentence ("Will Shields", "Mount Hope"): part of a
 * name, not a cue. A capital after a quote, a colon or at the start is an ordinary word.
 */
function isInsideName(text: string, tokens: readonly Token[], i: number): boolean {
  const token = at(tokens, i);
  if (!/^\p{Lu}\p{Ll}/u.test(text.slice(token.start, token.end))) return false;
  const before = tokens[i - 1];
  if (!before) return false;
  if (!before.word) return /^[,;)\]]$/.test(before.folded) || before.folded === "-";
  // A capitalised word after a capitalised word: a name ("Will Shields").
  return /^\p{Lu}/u.test(text.slice(before.start, before.end));
}
