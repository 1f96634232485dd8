/**
 * Pass 3, which tokens may be part of a name: capitalised words, except function words, elided
 * articles and, at a sentence start, capitals with nothing else to say they are a name; known
 * names with a number in them ("Movimento 5 Stelle") are matched as wholes.
 */
import { foldName, type Token } from "@rassegna/core";

import { type KnownName, lexiconTags, lookupName, numberedNames, wordEvidence } from "../gazetteer.js";
import { wordCase } from "../word-case.js";
import type { Context, Sentence } from "./types.js";
import { bare, COMMON_SUFFIX, eitherCaseFirst, isCommonWord, isTitleWord, list, wordsOf } from "./words.js";

/** An Italian or French elided article before a lower-case word: "l'asse", "dell'anno". */
const ELIDED_COMMON = new RegExp(
  `^(?:${wordsOf("elided-words")
    .map((word) => eitherCaseFirst(word.replace(/'$/, "")))
    .join("|")})['’]\\p{Ll}`,
  "u",
);

/** Whether token `i` may be part of a name. */
export function isNameToken(sentence: Sentence, i: number, context: Context): boolean {
  const token = sentence.at(i);
  if (!token?.word || !token.cap) return false;
  // An elided article or preposition ("L’", "Dell’", "Un’") is never part of a name's start,
  // nor an elided common word left whole ("L’asse" in English text; "O'Neill" stays a name).
  if (token.lower.endsWith("'") || ELIDED_COMMON.test(token.text)) return false;
  const next = sentence.at(i + 1);
  const notNames = list("not-names");
  // "A. Hollioake", "I. Healy": an initial, even one that spells a word.
  if (token.text.length === 1 && next?.text === "." && next.start === token.end) {
    const after = sentence.at(i + 2);
    if (after?.cap && after.joinedBefore && after.word && !notNames.has(after.lower)) return true;
  }
  // "St Louis", "St Mirren": "St" before a name is "Saint" (alone it is a street).
  const saint = token.text === "St" && next?.cap === true && next.joinedBefore;
  if (!saint && (notNames.has(token.lower) || notNames.has(bare(token.lower)))) return false;
  // "Soccer", "Cricket" heading a report; inside a name ("National Hockey League") they stay.
  if (token.initial && list("sports-words").has(token.lower)) return false;
  if (!token.initial) return true;
  return initialIsName(sentence, i, context);
}

/** "Penalties were…", "Stocks fell": an unknown plural before a lower-case word is a common noun. */
function looksPlural(token: Token, next: Token | undefined): boolean {
  return /[^su]s$/.test(token.lower) && next?.word === true && !next.cap;
}

/** Evidence, besides a capitalised word after it, that a sentence-initial word is a name. */
export function initialHasEvidence(token: Token, context: Context): boolean {
  const evidence = wordEvidence(token.lower);
  if (context.capitalisedInside.has(token.lower) || (token.upper && token.text.length > 1)) return true;
  if (evidence.firstName || evidence.place || evidence.lastName) return true;
  return lookupName(token.text) !== undefined || isTitleWord(token) || list("org-head").has(token.lower);
}

/** Whether a capitalised word at a sentence start is a name, not just a capital. */
function initialIsName(sentence: Sentence, i: number, context: Context): boolean {
  const token = sentence.at(i);
  if (!token) return false;
  const evidence = wordEvidence(token.lower);
  const common = isCommonWord(token.lower, evidence);
  const next = sentence.at(i + 1);
  // "Nato a Roma nel 1950": an acronym written as a word ("Nato", "Onu") that is also an
  // Italian word, before a preposition, is that word (here "born").
  if (
    context.language === "it" &&
    !token.upper &&
    next?.word &&
    !next.cap &&
    list("prepositions-before-name", "it").has(next.lower) &&
    lookupName(token.text)?.type === "ORGANIZATION"
  )
    return false;
  if (context.capitalisedInside.has(token.lower)) return true;
  if (token.upper && token.text.length > 1) return true;
  if (!common && (lookupName(token.text) || evidence.firstName || evidence.place)) return true;
  if (isTitleWord(token) || list("org-head").has(token.lower)) return true;
  // Two capitalised words in a row are a name even at a sentence start ("Wang Li said").
  if (next?.cap && next.joinedBefore && next.word && !list("not-names").has(next.lower) && !isTitleWord(token))
    return true;
  // An English word mostly written with a capital ("Wang", "Surrey"; not an adverb that starts
  // sentences: "Unfortunately"), or one that English hardly writes at all and compromise does
  // not know ("Lebed", "Tavildara"), is more likely a name than a common word; a common word's
  // capital there says nothing ("Penalties were…").
  return (
    context.language === "en" &&
    !common &&
    (evidence.lastName ||
      (wordCase(token.lower) === "capital" && !COMMON_SUFFIX.test(token.lower)) ||
      (lexiconTags(token.lower).length === 0 && wordCase(token.lower) === "rare" && !looksPlural(token, next)))
  );
}

/** The last token of a known name with a number in it ("Movimento 5 Stelle") starting at `i`. */
export function numberedNameAt(sentence: Sentence, i: number): { end: number; known: KnownName } | undefined {
  const token = sentence.at(i);
  if (!token || (!token.cap && !/^\d/.test(token.text))) return undefined;
  for (const candidate of numberedNames().get(foldName(token.text)) ?? []) {
    const { words } = candidate;
    let k = 0;
    while (k < words.length && foldName(sentence.text(i + k)) === words[k]) k++;
    if (k === words.length) return { end: i + k - 1, known: candidate.known };
  }
  return undefined;
}
