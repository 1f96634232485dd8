/** Which cue lexicons read a text: English, Italian, or both when it cannot be told. */
import { RassegnaError } from "@rassegna/core";

import { STAGE } from "./checks.js";
import { FUNCTION_WORDS as FUNCTION_WORD_LISTS } from "./generated/words.js";
import type { CueLanguage } from "./types.js";

/** What the rules read: the languages of their cue lexicons (the name the entities package uses too). */
export const RULES_LANGUAGES: readonly CueLanguage[] = ["en", "it"];

/**
 * What the rules read.
 * @deprecated Use {@link RULES_LANGUAGES}.
 */
export const RULE_LANGUAGES: readonly CueLanguage[] = RULES_LANGUAGES;

const LANGUAGE_NAMES: Record<string, CueLanguage> = { en: "en", eng: "en", it: "it", ita: "it" };

const FUNCTION_WORDS: Record<CueLanguage, ReadonlySet<string>> = {
  en: new Set(FUNCTION_WORD_LISTS.en),
  it: new Set(FUNCTION_WORD_LISTS.it),
};

/**
 * The cue lexicons for a text without a language hint: the language whose function words
 * dominate, or both when it cannot be told (so that "bomb*" does not fire on "bombardieri").
 */
export function guessRuleLanguages(text: string): Set<CueLanguage> {
  const counts = { en: 0, it: 0 };
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FUNCTION_WORDS.en.has(word)) counts.en++;
    if (FUNCTION_WORDS.it.has(word)) counts.it++;
  }
  if (counts.en >= 2 && counts.en > 2 * counts.it) return new Set(["en"]);
  if (counts.it >= 2 && counts.it > 2 * counts.en) return new Set(["it"]);
  return new Set(RULES_LANGUAGES);
}

/** The cue lexicons to use for a language hint; guessed from the text when none is given. */
export function ruleLanguages(language: string | undefined, text = ""): Set<CueLanguage> {
  if (language === undefined || language.trim() === "" || language === "und") return guessRuleLanguages(text);
  const code = LANGUAGE_NAMES[language.trim().toLowerCase().split(/[-_]/)[0] ?? ""];
  if (!code) {
    throw new RassegnaError(
      "UNSUPPORTED_LANGUAGE",
      `${STAGE}: the rules backend reads English and Italian, not "${language}".`,
      {
        stage: STAGE,
        hint: 'Translate the text to English first (the pipeline does), or use backend: "nli" with a multilingual model.',
      },
    );
  }
  return new Set([code]);
}
