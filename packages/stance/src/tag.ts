/** The rules backend behind `tagStance`: options → mentions → findings → stances. */
import {
  type Actor,
  assertText,
  type Entity,
  InvalidInputError,
  lookupActor,
  RassegnaError,
  type Stance,
} from "@rassegna/core";

import { type ReadSentence, type Tally, tallyFindings, toStance } from "./aggregate.js";
import { betweenValence, reportedValence } from "./backoff.js";
import type { CueLanguage } from "./lexicon.js";
import { type ActorMention, actorKey, discoverMentions, NameMatcher, type Token } from "./mentions.js";
import { ownStances } from "./own.js";
import { readFindings } from "./rules.js";
import { readVoice } from "./voice.js";

export const STAGE = "stance";

/** What the rules read: the languages of their cue lexicons. */
export const RULE_LANGUAGES: readonly CueLanguage[] = ["en", "it"];

const LANGUAGE_NAMES: Record<string, CueLanguage> = { en: "en", eng: "en", it: "it", ita: "it" };

const FUNCTION_WORDS: Record<CueLanguage, Set<string>> = {
  en: new Set("the and of to is was that with for on by has have had said from are were it its their".split(" ")),
  it: new Set(
    "il lo la di che e del della per con non sono gli le dei nel alla un una degli delle ha hanno".split(" "),
  ),
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
  return new Set(RULE_LANGUAGES);
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

/** Checks a list option: an array of non-empty strings. */
export function checkNames(value: unknown, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.trim() === "")) {
    throw new InvalidInputError(`${STAGE}: "${option}" must be an array of non-empty names.`, {
      stage: STAGE,
      hint: `Pass ${option} as e.g. ["United States", "Russia"].`,
    });
  }
  return [...new Set(value.map((v: string) => v.trim()))];
}

/**
 * Whether a place can be a party to a stance: a country, or a city that stands for one
 * ("Washington", "Pechino"). Other cities and places are where things happen ("talks in
 * Geneva"): a stance toward them would only echo the news around them. Asked for by name
 * in `targets`, they are read like any other.
 */
function isParty(type: string, actor: Actor | undefined): boolean {
  if (type !== "LOCATION") return true;
  if (!actor) return false;
  return actor.kind === "country" || actor.standsFor !== undefined || SELF_GOVERNED.has(actor.name);
}

/** Places the gazetteer lists as cities that govern themselves, and so take sides and are taken sides on. */
const SELF_GOVERNED = new Set(["Gaza", "Hong Kong"]);

/**
 * The targets an article's entities give: people, countries and organisations, each under
 * the actor it stands for ("Pechino", "Xi Jinping" → China), without duplicates.
 */
export function targetsFromEntities(entities: readonly Entity[]): string[] {
  const targets = new Set<string>();
  for (const entity of entities) {
    if (entity.type !== "PERSON" && entity.type !== "LOCATION" && entity.type !== "ORGANIZATION") continue;
    const actor = lookupActor(entity.name);
    if (actor?.kind === "outlet" || !isParty(entity.type, actor)) continue;
    targets.add(actor ? actorKey(actor) : entity.name);
  }
  return [...targets];
}

/** Least score of the text's own stance read strictly (an article, no target asked for). */
const STRICT_OWN_MIN = 0.3;

/** Options of the rules backend, already checked. */
export interface RuleOptions {
  targets: string[] | undefined;
  holders: string[] | undefined;
  languages: Set<CueLanguage>;
  /** Whether the text's own stance is read: always, never, or when the author takes sides. */
  ownStance: OwnStanceMode;
  /** Whether pairs without a stance are answered with `NONE` rows. */
  includeNone: boolean;
}

/** When the text's own stance (no holder) is given. */
export type OwnStanceMode = "auto" | "always" | "never";

/** Matchers of recent name lists: a stream of short texts often asks about the same names. */
const matchers = new Map<string, NameMatcher>();
const MAX_MATCHERS = 256;

function matcherFor(names: readonly string[]): NameMatcher {
  const key = names.join("\u0000");
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= MAX_MATCHERS) matchers.clear();
    matcher = new NameMatcher(names);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Mentions of the given names first; discovered actors fill the rest. */
function mentionFinder(names: readonly string[], discover: boolean) {
  const matcher = matcherFor(names);
  return (text: string, tokens: readonly Token[]): ActorMention[] => {
    const named = matcher.find(text, tokens);
    if (!discover) return named;
    const taken = new Set<number>();
    for (const m of named) for (let t = m.first; t <= m.last; t++) taken.add(t);
    const extra = discoverMentions(text, tokens).filter((m) => {
      for (let t = m.first; t <= m.last; t++) if (taken.has(t)) return false;
      return true;
    });
    return [...named, ...extra].sort((a, b) => a.first - b.first);
  };
}

/** Stances of `text` by the rules: see `tagStance`. */
export function tagStanceWithRules(text: string, options: RuleOptions): Stance[] {
  const { holders, languages } = options;
  if (text.trim() === "") return [];
  const names = [...(holders ?? []), ...(options.targets ?? [])];
  const { findings, sentences } = readFindings(text, mentionFinder(names, holders === undefined), languages);
  const targets = options.targets ?? mentionedActors(sentences);
  const tallies = tallyFindings(findings);
  const out: Stance[] = [];
  if (holders) {
    for (const holder of holders) {
      for (const target of targets) {
        if (holder === target) continue;
        const tally =
          tallies.get(holder)?.get(target) ??
          reportedValence(text, languages.has("en"), sentences, holder, target) ??
          betweenValence(text, languages.has("en"), sentences, holder, target);
        out.push(toStance(target, holder, tally));
      }
    }
    return out;
  }
  const readOwn = options.ownStance === "always" || (options.ownStance === "auto" && readVoice(text).opinion);
  if (readOwn) {
    // Read for the article as a whole (no targets asked for): the author's own words only,
    // and only clear leanings.
    const strict = options.ownStance === "auto" || !options.includeNone;
    const own = ownStances(text, languages.has("en"), targets, findings, sentences, strict);
    for (const target of targets) {
      const stance = toStance(target, undefined, own.get(target));
      if (strict && stance.score < STRICT_OWN_MIN) continue;
      if (options.includeNone || stance.stance !== "NONE") out.push(stance);
    }
  }
  const wanted = new Set(targets);
  const pairs: Array<{ holder: string; target: string; tally: Tally; at: number }> = [];
  for (const [holder, byTarget] of tallies) {
    if (holder === "") continue;
    for (const [target, tally] of byTarget) {
      if (wanted.has(target)) pairs.push({ holder, target, tally, at: tally.evidence[0]?.start ?? 0 });
    }
  }
  pairs.sort((a, b) => a.at - b.at);
  for (const { holder, target, tally } of pairs) {
    const stance = toStance(target, holder, tally);
    if (options.includeNone || stance.stance !== "NONE") out.push(stance);
  }
  return out;
}

/** Every actor named in the text that can be a party to a stance, in order of first mention. */
function mentionedActors(sentences: readonly ReadSentence[]): string[] {
  const seen = new Set<string>();
  for (const sentence of sentences) for (const m of sentence.mentions) seen.add(m.key);
  return [...seen].filter((key) => {
    const actor = lookupActor(key);
    return !actor || isParty(actor.type, actor);
  });
}

/** Checks the text argument: a string, not binary, not huge. */
export function checkText(text: unknown, maxLength: number | undefined): asserts text is string {
  assertText(text, maxLength === undefined ? { stage: STAGE } : { stage: STAGE, maxLength });
}
