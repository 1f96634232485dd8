/**
 * The word lists of the rules (`data/rules/`, compiled to `src/generated/rules.ts`) as sets,
 * and the word tests the passes share. A list read "in every language" is the union of its
 * languages: the rules read English and Italian text, and names and cue words cross languages
 * in news ("il premier Starmer", "the Procura of Milan").
 */

import { escapeRegExp, type Token } from "@rassegna/core";
import { isDemonym, type WordEvidence, wordEvidence } from "../gazetteer.js";
import { RULES_LISTS } from "../generated/rules.js";
import type { RulesLanguage } from "./types.js";

/** The name of a word list of the rules (its data file's name). */
export type RulesList = keyof typeof RULES_LISTS;

const cache = new Map<string, ReadonlySet<string>>();

/** The words of a list, in `language` only or (default) in every language it has, in the data's order. */
export function wordsOf(name: RulesList, language?: RulesLanguage): readonly string[] {
  const value = RULES_LISTS[name] as readonly string[] | Readonly<Record<string, readonly string[]>>;
  return Array.isArray(value)
    ? value
    : language === undefined
      ? Object.values(value as Readonly<Record<string, readonly string[]>>).flat()
      : ((value as Readonly<Record<string, readonly string[]>>)[language] ?? []);
}

/** The words of a list, in `language` only or (default) in every language it has, as a set. */
export function list(name: RulesList, language?: RulesLanguage): ReadonlySet<string> {
  const key = `${name}|${language ?? "*"}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const set: ReadonlySet<string> = new Set(wordsOf(name, language));
  cache.set(key, set);
  return set;
}

/** Core's, re-exported for the rule passes that import their helpers from here. */
export { escapeRegExp };

/** A test for words that end in one of `endings`, taken literally, then `after` (a pattern: "s?"). */
export function endingIn(endings: readonly string[], after = ""): RegExp {
  return new RegExp(`(?:${endings.map(escapeRegExp).join("|")})${after}$`);
}

/** `word` as a pattern with its first letter in either case ("il" → "[iI]l"). */
export function eitherCaseFirst(word: string): string {
  const first = word.charAt(0);
  return `[${escapeRegExp(first)}${escapeRegExp(first.toUpperCase())}]${escapeRegExp(word.slice(1))}`;
}

/** `word` as a pattern whose apostrophe is either ' or ’ ("dell'" → "dell['’]"). */
export function eitherApostrophe(word: string): string {
  return escapeRegExp(word).replace(/'/g, "['’]");
}

/** A word capitalised as at a sentence start ("nella" → "Nella"). */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Strips one period at the end of a title ("Sen." → "sen"). */
export function bare(lower: string): string {
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

export function isTitleWord(token: Token): boolean {
  return list("person-titles").has(bare(token.lower));
}

/** A word that joins an organisation's head to the rest ("Bank of England", "Procter & Gamble"). */
export function isOrgJoiner(token: Token): boolean {
  return token.text === "&" || list("org-joiners").has(token.lower);
}

// The ending tests are built once, here, from the lists of data/rules/<lang>/*-endings.yml.
/** Endings of English common words (adverbs, abstract nouns, agent nouns, participles). */
export const COMMON_SUFFIX = endingIn(wordsOf("common-endings", "en"));
/** Endings of Italian abstract nouns, capitalised for emphasis ("la Resurrezione", "l'Umanità"). */
export const ITALIAN_COMMON_SUFFIX = endingIn(wordsOf("common-endings", "it"));
export const ITALIAN_ADJECTIVE = endingIn(wordsOf("adjective-endings", "it"));
/** More adjective endings after the head of a body ("Protezione civile", "Corte suprema", "Chiesa ortodossa"). */
const BODY_ADJECTIVE = endingIn(wordsOf("body-adjective-endings", "it"));
/** English abstract nouns, singular or plural ("Cooperation", "Telecommunications"). */
const ABSTRACT_NOUN = endingIn(wordsOf("abstract-endings", "en"), "s?");
const INFLECTION_ENDINGS = wordsOf("inflection-endings", "en");

/** A lower-case adjective that an Italian body's head takes: by ending, or a nationality ("Nazionale argentina"). */
export function isBodyAdjective(token: Token): boolean {
  return ITALIAN_ADJECTIVE.test(token.lower) || BODY_ADJECTIVE.test(token.lower) || isDemonym(token.text);
}

/** A common word in one of its inflections ("Officials" → "official"). */
export function isCommonWord(lower: string, evidence: WordEvidence = wordEvidence(lower)): boolean {
  if (evidence.common) return true;
  for (const suffix of INFLECTION_ENDINGS) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) {
      if (wordEvidence(lower.slice(0, -suffix.length)).common) return true;
    }
  }
  return false;
}

/** An English common word that is no name at all ("Research", "Center"; not "Dean", "Max"). */
export function isEnglishCommon(lower: string): boolean {
  const evidence = wordEvidence(lower);
  return (
    isCommonWord(lower, evidence) &&
    !evidence.firstName &&
    !evidence.lastName &&
    !evidence.place &&
    !list("name-particles").has(lower)
  );
}

/** A common English word, known to the lexicon or by its ending ("Cooperation", "Telecommunications"). */
export function looksCommon(lower: string): boolean {
  return isCommonWord(lower) || COMMON_SUFFIX.test(lower) || ABSTRACT_NOUN.test(lower);
}

/** A first name (compromise's lexicon, or the package's own list). */
export function isFirstName(token: Token | undefined): boolean {
  return token !== undefined && wordEvidence(token.lower).firstName;
}
