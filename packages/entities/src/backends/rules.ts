/**
 * The rules backend: synchronous and offline; reads English and Italian (`src/rules/`), and in
 * any other language the names the gazetteers know.
 */
import { assertText, type Entity, RassegnaError, type TextSource, toIso6391 } from "@rassegna/core";

import { maskPageChrome } from "../chrome.js";
import { findKnownNames, withKnownNames } from "../known.js";
import { mergeMentions } from "../merge.js";
import type { RulesExtractOptions } from "../options.js";
import { findMentions } from "../rules/find-mentions.js";
import type { FoundMention, RulesLanguage } from "../rules/types.js";
import { capitalised, eitherApostrophe, escapeRegExp, wordsOf } from "../rules/words.js";

const STAGE = "entities";

/** A mention without a capital letter: a common noun ("il governo", "la polizia tedesca"). */
const LOWER_START = /^[^\p{Lu}]*$/u;

/**
 * "Ad Antalya" (a capitalised preposition at a sentence start), "regione di Tillabéri", "isola
 * di Lampedusa" (a generic place noun, which the KIND corpus spans with the name): the name alone.
 */
const GENERIC_HEAD = new RegExp(
  `^(?:${wordsOf("spanned-place-nouns", "it").map(escapeRegExp).join("|")})\\s+` +
    `(?:${wordsOf("spanned-place-links", "it").map(eitherApostrophe).join("|")})\\s*(?=\\p{Lu})`,
  "u",
);
/** A capitalised preposition (data/rules/it/heading-prepositions.yml) and the space before a name. */
const PREPOSITION_HEAD = new RegExp(
  `^(?:${wordsOf("heading-prepositions", "it")
    .map((word) => escapeRegExp(capitalised(word)))
    .join("|")})\\s+(?=\\p{Lu})`,
  "u",
);

function withoutGenericHead(mention: FoundMention): FoundMention {
  const cut =
    PREPOSITION_HEAD.exec(mention.text)?.[0].length ??
    (mention.type === "LOCATION" ? GENERIC_HEAD.exec(mention.text)?.[0].length : undefined) ??
    0;
  if (cut === 0 || cut >= mention.text.length) return mention;
  const out: FoundMention = { ...mention, start: mention.start + cut, text: mention.text.slice(cut) };
  delete out.canonical;
  return out;
}

/** Languages the rules backend reads directly. */
export const RULES_LANGUAGES: readonly string[] = ["en", "it"];

/** The rules language for a code ("it-IT", "ita" → "it": core's ISO table), `undefined` when the rules cannot read it. */
export function rulesLanguage(code: string | undefined): RulesLanguage | undefined {
  if (code === undefined || code === "" || code === "und") return "en";
  const language = toIso6391(code.split(/[-_]/)[0] ?? "");
  return RULES_LANGUAGES.includes(language) ? (language as RulesLanguage) : undefined;
}

function unsupported(code: string): RassegnaError {
  return new RassegnaError("UNSUPPORTED_LANGUAGE", `${STAGE}: the rules backend does not read "${code}".`, {
    stage: STAGE,
    hint: `Translate the text to English first, or use { backend: "transformers" } (a multilingual model). Rules read: ${RULES_LANGUAGES.join(", ")}.`,
  });
}

/** Entities of `text` by the rules backend (checked input, supported language). */
export function extractWithRules(text: string, options: RulesExtractOptions = {}): Entity[] {
  assertText(text, { stage: STAGE });
  const language = rulesLanguage(options.language);
  if (!language) throw unsupported(options.language ?? "");
  if (text.trim() === "") return [];
  const lowercaseBodies = options.lowercaseBodies ?? options.corpus === "kind";
  const masked = maskPageChrome(text);
  let found = findMentions(masked, language, { corpus: options.corpus });
  if (!lowercaseBodies && language === "it") found = found.map(withoutGenericHead);
  const entities = mergeMentions(withKnownNames(found, masked), options.source ?? "original");
  if (lowercaseBodies) return entities;
  return entities.filter((e) => e.type !== "ORGANIZATION" || !e.mentions.every((m) => LOWER_START.test(m.text)));
}

/**
 * Only the names the gazetteers know, in a text of any language ("NATO", "Friedrich Merz",
 * "Berlino"): what can be read of a language no backend at hand reads.
 */
export function extractKnownNames(text: string, source: TextSource = "original"): Entity[] {
  assertText(text, { stage: STAGE });
  return mergeMentions(findKnownNames(maskPageChrome(text)), source);
}
