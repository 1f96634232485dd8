/**
 * Where the parties of a cue stand, without a parser: the subject before it, the object or
 * apposition after it, the agent after "by", the possessor before a noun, the one who reports.
 */

import { at, type Token } from "../tokens.js";
import {
  ADVERBIAL_NOUNS,
  AGENT_MARKERS,
  ARTICLES,
  CLAUSE_BREAKS,
  CLAUSE_OPENERS,
  CLAUSE_WORDS,
  COORDINATING_VERBS,
  GIVING_VERBS,
  LOCATIVES,
  OBLIQUES,
  OF,
  PASSIVE_AUXILIARIES,
  PREPOSITIONS,
  RELATIVE_PRONOUNS,
  RELATIVE_STOPS,
  REPORT_AUXILIARIES,
  REPORT_VERBS,
  REPORTING_VERBS,
  ROLE_NOUNS,
} from "../words.js";
import type { Cue, CueHit } from "./cues.js";
import { first, type Group, last } from "./groups.js";

/** How far (in tokens) a holder may stand before its cue, and a target after it. */
export const HOLDER_WINDOW = 40;
export const TARGET_WINDOW = 6;

/** The folded word before token `i`, skipping articles. */
export function wordBefore(tokens: readonly Token[], i: number): string | undefined {
  for (let t = i - 1; t >= 0; t--) {
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return token.folded;
    }
    if (!ARTICLES.has(token.folded)) return token.folded;
  }
  return undefined;
}

/**
 * True when a group stands after a preposition ("exports to Russia"): not a subject. A state
 * after a role noun and "of" speaks through that role ("the president of the United States
 * criticised Russia", "il portavoce del governo cinese"): that group is the subject.
 */
export function isOblique(tokens: readonly Token[], group: Group): boolean {
  const before = wordBefore(tokens, first(group).first);
  if (before === undefined || !PREPOSITIONS.has(before) || AGENT_MARKERS.has(before)) return false;
  if (OF.has(before)) {
    let t = first(group).first - 1;
    while (t >= 0 && (at(tokens, t).folded !== before || !at(tokens, t).word)) t--;
    const role = wordBefore(tokens, t);
    if (role !== undefined && ROLE_NOUNS.has(role)) return false;
  }
  return true;
}

/** True when a clause boundary (";", ":", a parenthesis) lies between tokens a and b. */
export function crossesClause(tokens: readonly Token[], a: number, b: number): boolean {
  for (let t = a + 1; t < b; t++) {
    const f = at(tokens, t).folded;
    if (f === ";" || f === "?" || f === "!" || CLAUSE_BREAKS.has(f)) return true;
  }
  return false;
}

/** The nearest subject-like group before token `i`, within the window. */
export function holderBefore(
  tokens: readonly Token[],
  groups: readonly Group[],
  i: number,
  anyGroup = false,
): Group | undefined {
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] as Group;
    if (last(group).last >= i) continue;
    if (i - last(group).last > HOLDER_WINDOW) break;
    if (crossesClause(tokens, last(group).last, i)) break;
    // "le piene che colpiscono i villaggi": a relative clause between has a subject of its own.
    if (relativeBetween(tokens, last(group).last, i)) break;
    // "la versione di Sea-Watch, che … ha criticato Tripoli": the antecedent of "che" is its subject.
    if (anyGroup || !isOblique(tokens, group) || opensRelative(tokens, group))
      return appositionHead(tokens, groups, g) ?? group;
  }
  return undefined;
}

/**
 * The subject of the clause a gerund hangs on ("l'Associazione gira l'Italia accusando Y",
 * "X said …, accusing Y"): the first subject-like group of the clause before token `i`, not the
 * object nearest to the gerund.
 */
export function clauseSubject(tokens: readonly Token[], groups: readonly Group[], i: number): Group | undefined {
  let found: Group | undefined;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] as Group;
    if (last(group).last >= i) continue;
    if (i - last(group).last > HOLDER_WINDOW) break;
    if (crossesClause(tokens, last(group).last, i) || relativeBetween(tokens, last(group).last, i)) break;
    if (!isOblique(tokens, group) || opensRelative(tokens, group)) found = appositionHead(tokens, groups, g) ?? group;
  }
  return found;
}

/** True when a gerund ("accusando", "sostenendo", ", accusing") is the cue's first word. */
export function isGerund(tokens: readonly Token[], hit: CueHit): boolean {
  const word = at(tokens, hit.first).folded;
  if (/(ando|endo)$/.test(word)) return true;
  return /ing$/.test(word) && tokens[hit.first - 1]?.folded === ",";
}

/**
 * True when the verb cue is the second of two coordinated verbs: "X ha difeso Y e ha accusato
 * Z", "X thanked Y and praised Z" ("and"/"e", an auxiliary and one adverb may stand before it).
 */
export function isCoordinatedVerb(tokens: readonly Token[], hit: CueHit): boolean {
  for (let t = hit.first - 1, words = 0; t >= 0 && words < 3; t--) {
    const token = at(tokens, t);
    if (!token.word) return false;
    words++;
    if (COORDINATING_VERBS.has(token.folded)) return true;
    if (!REPORT_AUXILIARIES.has(token.folded) && !PASSIVE_AUXILIARIES.has(token.folded) && words > 1) return false;
  }
  return false;
}

/** True when the group is followed by a relative pronoun it is the antecedent of: "X, che …", "X, who …". */
function opensRelative(tokens: readonly Token[], group: Group): boolean {
  let t = last(group).last + 1;
  if (tokens[t]?.folded === ",") t++;
  const next = tokens[t];
  return next !== undefined && RELATIVE_PRONOUNS.has(next.folded);
}

/**
 * True when a relative pronoun between tokens `a` (the end of a candidate holder) and `b` (the
 * cue) opens a clause about something else: "Al-Sisi ha accusato l'Etiopia … le piene che
 * colpiscono i villaggi". "che" after a verb of saying is "that", and "X, che …" is X's own.
 */
function relativeBetween(tokens: readonly Token[], a: number, b: number): boolean {
  for (let t = a + 1; t < b; t++) {
    const f = at(tokens, t).folded;
    if (!RELATIVE_STOPS.has(f)) continue;
    const before = t - 1 === a || (t - 2 === a && tokens[t - 1]?.folded === ",");
    if (before) continue;
    const previous = tokens[t - 1];
    if (previous?.word && (CLAUSE_OPENERS.has(previous.folded) || REPORT_VERBS.has(previous.folded))) continue;
    return true;
  }
  return false;
}

/** How many words an apposition between two names may have: "Kim Yo Jong, sorella del leader Kim Jong Un,". */
const APPOSITION_HEAD_WORDS = 6;

/**
 * The head of an apposition the group `g` stands in: "Kim Yo Jong, the powerful sister of
 * leader Kim Jong Un, rejected …" → Kim Yo Jong, not Kim Jong Un; "Merz, who met Macron,
 * criticised …" → Merz. The group must be closed by a comma and the head followed by one.
 */
function appositionHead(tokens: readonly Token[], groups: readonly Group[], g: number): Group | undefined {
  const group = groups[g] as Group;
  const head = groups[g - 1];
  if (!head || tokens[last(group).last + 1]?.folded !== ",") return undefined;
  // "una nota di Kim Yo Jong, sorella di …, che ha condannato": after a preposition only with a relative clause.
  if (tokens[last(head).last + 1]?.folded !== "," || (isOblique(tokens, head) && !opensRelative(tokens, group)))
    return undefined;
  let words = 0;
  for (let t = last(head).last + 2; t < first(group).first; t++) {
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’" || token.folded === "-") continue;
      return undefined;
    }
    // "Merz, who met Macron,": a relative pronoun may open the apposition, no other clause word.
    if (words === 0 && RELATIVE_PRONOUNS.has(token.folded)) {
      words++;
      continue;
    }
    if (CLAUSE_WORDS.has(token.folded) || CLAUSE_OPENERS.has(token.folded) || ++words > APPOSITION_HEAD_WORDS)
      return undefined;
  }
  return words > 0 ? head : undefined;
}

/** The nearest group after token `i`, within `window` tokens. */
export function groupAfter(tokens: readonly Token[], groups: readonly Group[], i: number, window = TARGET_WINDOW) {
  for (const group of groups) {
    if (first(group).first <= i) continue;
    if (first(group).first - i > window || crossesClause(tokens, i, first(group).first)) return undefined;
    return group;
  }
  return undefined;
}

/** How many words a noun phrase before an apposition may have: "the ailing mogul's daughter, Y". */
const APPOSITION_WINDOW = 8;

/**
 * The object named in an apposition right after a short noun phrase: "accused the mogul's
 * daughter, Shari Redstone,", "a lawsuit against the largest landlord, Metro". The group must
 * follow a comma, within a few words, with no clause opener between.
 */
export function appositionAfter(tokens: readonly Token[], groups: readonly Group[], i: number): Group | undefined {
  let words = 0;
  for (let t = i + 1; t < tokens.length; t++) {
    const token = at(tokens, t);
    if (token.word) {
      if (CLAUSE_WORDS.has(token.folded) || ++words > APPOSITION_WINDOW) return undefined;
      if (groups.some((g) => first(g).first === t)) return undefined;
      continue;
    }
    if (token.folded === "," && words > 0) return groups.find((g) => first(g).first === t + 1);
    if (token.folded !== "'" && token.folded !== "’" && token.folded !== "-") return undefined;
  }
  return undefined;
}

/** The subject of a verb of saying right before `group` ("X said (that) group …"), if any. */
export function reporterOf(tokens: readonly Token[], groups: readonly Group[], group: Group): Group | undefined {
  let t = first(group).first - 1;
  while (t >= 0 && (ARTICLES.has(at(tokens, t).folded) || !at(tokens, t).word)) t--;
  if (t >= 0 && (at(tokens, t).folded === "that" || at(tokens, t).folded === "che")) t--;
  if (t < 0 || !REPORTING_VERBS.has(at(tokens, t).folded)) return undefined;
  const reporter = holderBefore(tokens, groups, t);
  return reporter && t - last(reporter).last <= REPORTER_GAP ? reporter : undefined;
}

/** How far (in tokens) the one who says it may stand before the verb of saying. */
const REPORTER_GAP = 8;

/** The recipient of a noun of stance: "offered Y a tepid endorsement" (Y and the verb before it). */
export function recipientBefore(
  tokens: readonly Token[],
  groups: readonly Group[],
  noun: number,
): { group: Group; verb: number } | undefined {
  let t = noun - 1;
  for (let words = 0; t >= 0 && words < 3; t--) {
    const token = at(tokens, t);
    if (groups.some((g) => last(g).last === t)) break;
    if (token.word) words++;
  }
  const group = groups.find((g) => last(g).last === t);
  if (!group) return undefined;
  let verb = first(group).first - 1;
  while (
    verb >= 0 &&
    (!at(tokens, verb).word || ARTICLES.has(at(tokens, verb).folded) || at(tokens, verb).folded === "a")
  )
    verb--;
  return verb >= 0 && GIVING_VERBS.has(at(tokens, verb).folded) ? { group, verb } : undefined;
}

/**
 * The last token of the possessor right before a noun ("Trump's sharp criticism", "the
 * Kremlin's support"): two adjectives may stand between. Undefined when there is none.
 */
export function possessorBefore(tokens: readonly Token[], noun: number): number | undefined {
  let t = noun - 1;
  for (let words = 0; t >= 0 && words < 2 && at(tokens, t).word && at(tokens, t).folded !== "s"; t--) words++;
  const s = tokens[t];
  const apostrophe = tokens[t - 1];
  if (s?.folded !== "s" || (apostrophe?.folded !== "'" && apostrophe?.folded !== "’")) return undefined;
  return t - 2 >= 0 ? t - 2 : undefined;
}

/** Nouns of accusation: what follows "that" is the charge, its subject the one accused. */
export const ACCUSATION = /^(accus|alleg|charge|complaint|denunc)/;
/** How far after an accusation its "that" may stand ("the accusation by a party that Y …"). */
const ACCUSATION_WINDOW = 8;

/** The accused after a noun of accusation: "the accusation (by X) that Y was trying …". */
export function accusedAfter(tokens: readonly Token[], groups: readonly Group[], i: number): Group | undefined {
  for (let t = i + 1; t < tokens.length && t <= i + ACCUSATION_WINDOW; t++) {
    const f = at(tokens, t).folded;
    if (f === "." || f === ";") return undefined;
    if (f === "that" || f === "che") return groupAfter(tokens, groups, t, 3);
  }
  return undefined;
}

/**
 * Where a coordinated verb phrase starts after token `i` ("supporting terrorism and
 * promoting Y", "criticised the plan and welcomed Y"): the object of the first verb ends
 * there. Returns a large index when there is none.
 */
export function nextVerbPhrase(tokens: readonly Token[], i: number): number {
  for (let t = i + 1; t < tokens.length - 1 && t <= i + TARGET_WINDOW; t++) {
    const f = at(tokens, t).folded;
    if (f !== "and" && f !== "or" && f !== "but" && f !== "e" && f !== "ma") continue;
    const next = at(tokens, t + 1);
    if (next.word && /(ing|ed|ando|endo|ato|ito|uto)$/.test(next.folded)) return t;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** True when the group after a verb cue is an adjunct: after a preposition of place or time, or after an object and "to"/"with". */
export function isAdjunct(tokens: readonly Token[], cueLast: number, group: Group, cue: Cue): boolean {
  // "blamed the attack on Y": "on" names whom the blame is put on.
  const blames = /^(blam|colp|addoss)/.test(cue.words[0] as string);
  for (let t = first(group).first - 1; t > cueLast; t--) {
    const token = at(tokens, t);
    if (!token.word || ARTICLES.has(token.folded)) continue;
    // "lashed out at Y", "fired at Y": "at" right after the verb marks whom it is aimed at.
    if (token.folded === "at" && t === cueLast + 1) return false;
    // "ha ringraziato in particolare la Lega": "in particolare" is an adverb, not a place.
    if (LOCATIVES.has(token.folded)) return !ADVERBIAL_NOUNS.has(tokens[t + 1]?.folded ?? "");
    // "praised Bolick to Y", "criticised the deal with Y": the object came before the preposition.
    if (OBLIQUES.has(token.folded) && t > cueLast + 1 && !(token.folded === "on" && blames)) return true;
  }
  return false;
}

/** The group right after an agent marker ("by X", "da X") within a few words after token `i`. */
export function agentAfter(
  tokens: readonly Token[],
  groups: readonly Group[],
  i: number,
  from = false,
): Group | undefined {
  for (let t = i + 1; t < tokens.length && t <= i + 4; t++) {
    const f = at(tokens, t).folded;
    if (AGENT_MARKERS.has(f) || f === "parte" || (from && f === "from")) {
      const group = groupAfter(tokens, groups, t, 3);
      if (group) return group;
    }
  }
  return undefined;
}
