/**
 * How a cue is used: negated ("did not criticise"), hypothetical ("could back"), passive ("was
 * sanctioned"), demanded ("should be punished"), or a noun ("the support", "the Orlando shooting").
 */

import { at, type Token } from "../tokens.js";
import {
  ARTICLES,
  DEMAND_MODALS,
  DETERMINERS,
  HYPOTHETICAL,
  NEGATING_WORDS,
  NEGATORS,
  PARTICIPLE_ENDING,
  PASSIVE_AUXILIARIES,
  PLURAL_DETERMINERS,
  POSSESSIVE_DETERMINERS,
  SINGULAR_DETERMINERS,
} from "../words.js";
import type { CueHit } from "./cues.js";
import { first, type Group, last } from "./groups.js";

/** True when a negator stands in the three words before the cue. */
export function isNegated(tokens: readonly Token[], cue: CueHit, after: number): boolean {
  let words = 0;
  for (let t = cue.first - 1; t > after && words < 3; t--) {
    const token = at(tokens, t);
    if (!token.word) continue;
    words++;
    if (NEGATORS.has(token.folded) || NEGATING_WORDS.has(token.folded)) return true;
  }
  return false;
}

/** True when a modal of what ought to or might happen stands in the two words before the cue. */
export function isHypothetical(tokens: readonly Token[], cue: CueHit): boolean {
  for (let t = cue.first - 1, words = 0; t >= 0 && words < 2; t--) {
    const token = at(tokens, t);
    if (!token.word) continue;
    words++;
    if (HYPOTHETICAL.has(token.folded)) return true;
  }
  return false;
}

/** True when the cue is a participle after an auxiliary: "was sanctioned", "è stato accusato". */
export function isPassive(tokens: readonly Token[], cue: CueHit, groups: readonly Group[] = []): boolean {
  // The participle ends the cue ("was sanctioned") or opens it ("should be locked up").
  if (!PARTICIPLE_ENDING.test(at(tokens, cue.last).folded) && !PARTICIPLE_ENDING.test(at(tokens, cue.first).folded))
    return false;
  let words = 0;
  for (let t = cue.first - 1; t >= 0 && words < 3; t--) {
    const token = at(tokens, t);
    if (!token.word) continue;
    // A name is not an auxiliary: "gli Stati Uniti hanno criticato" is active.
    if (groups.some((g) => g.some((m) => t >= m.first && t <= m.last))) break;
    words++;
    if (PASSIVE_AUXILIARIES.has(token.folded)) return true;
  }
  return false;
}

/** True when a modal of demand stands in the four words before a passive cue. */
export function isDemanded(tokens: readonly Token[], hit: CueHit): boolean {
  for (let t = hit.first - 1, words = 0; t >= 0 && words < 4; t--) {
    const token = at(tokens, t);
    if (!token.word) continue;
    words++;
    if (DEMAND_MODALS.has(token.folded)) return true;
  }
  return false;
}

/** True when a verb cue is used as a noun: "the support", "his attack", "more criticism". */
export function isNounUse(tokens: readonly Token[], hit: CueHit): boolean {
  // "è tornato a minacciare", "continua ad attaccare": an Italian infinitive after "a" is a verb
  // (the English article "a" is among the determiners).
  if (hit.cue.language === "it" && ITALIAN_INFINITIVE.test(at(tokens, hit.first).folded)) return false;
  // "a tepid endorsement", "strong condemnation": a prefix cue matched a noun's ending.
  // Only when the prefix did not already end that way: "sanctions" stays a verb.
  if (hit.first === hit.last) {
    const pattern = hit.cue.words[0] as string;
    const word = at(tokens, hit.first).folded;
    if (pattern.endsWith("*") && NOUN_ENDING.test(word) && !NOUN_STEM.test(pattern.slice(0, -1))) return true;
  }
  for (let t = hit.first - 1; t >= 0; t--) {
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return false;
    }
    if (!DETERMINERS.has(token.folded)) return false;
    // "the family that supports X", "groups that attacked Y": a relative pronoun before a
    // finite verb, not "that support" (a noun).
    const cue = at(tokens, hit.first).folded;
    if (SINGULAR_DETERMINERS.has(token.folded) && /(?<!s)s$|ed$/.test(cue)) return false;
    if (PLURAL_DETERMINERS.has(token.folded) && cue.endsWith("ed")) return false;
    return true;
  }
  return false;
}

/**
 * True for a verb cue that heads a noun compound after a name: "the Orlando shooting", "a
 * Pulse attack", "the US strike on Syria". A finite verb would take -s or -ed after "the US".
 */
export function isCompoundNoun(tokens: readonly Token[], groups: readonly Group[], hit: CueHit): boolean {
  const cue = at(tokens, hit.last).folded;
  if (hit.first !== hit.last || /ed$|(?<![su])s$/.test(cue)) return false;
  const group = groups.find((g) => last(g).last === hit.first - 1);
  if (!group) return false;
  const before = tokens[first(group).first - 1];
  return before !== undefined && ARTICLES.has(before.folded) && !POSSESSIVE_DETERMINERS.has(before.folded);
}

/** Endings of Italian infinitives, with a clitic ("criticarlo", "sostenerla"). */
const ITALIAN_INFINITIVE = /(are|ere|ire)(lo|la|li|le|ne|gli)?$/;

/** Endings of nouns made from verbs of stance (English and Italian). */
const NOUN_ENDING = /(ments?|tions?|sions?|zione|zioni|mento|menti)$/;
/** Prefixes that are nouns already ("sanction*", "sanzion*"): their words may be verbs. */
const NOUN_STEM = /(ment|tion|sion|zion)$/;
