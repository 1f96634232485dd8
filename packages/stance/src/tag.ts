/** The rules backend behind `tagStance`: options → mentions → findings → stances. */
import {
  type Actor,
  assertText,
  type Entity,
  InvalidInputError,
  lookupActor,
  lookupDemonym,
  RassegnaError,
  type Stance,
} from "@rassegna/core";

import { type ReadSentence, type Tally, tallyFindings, toStance } from "./aggregate.js";
import { betweenValence, reportedValence } from "./backoff.js";
import { learnedOwn, learnedPair } from "./learned/decide.js";
import type { PairReading } from "./learned/features.js";
import type { CueLanguage } from "./lexicon.js";
import { type ActorMention, actorKey, discoverMentions, NameMatcher, speaksFor, type Token } from "./mentions.js";
import { ownStances } from "./own.js";
import { type Finding, readFindings } from "./rules.js";
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
 * Whether an entity the gazetteer does not know reads as a name that can take sides: not a
 * lower-case word ("governo"), not a phrase opening with an article ("Il Garante"); and, in
 * a translated article, a one-word name only when it was found in both texts: a name survives
 * translation ("Greenpeace", "Eni"), a common word mistaken for one does not ("The Joint").
 */
function looksLikeName(entity: Entity, translated: boolean): boolean {
  const name = entity.name.trim();
  if (!/^\p{Lu}/u.test(name)) return false;
  if (/^(il|lo|la|i|gli|le|l'|the)\s/iu.test(name) || /^l['’]/iu.test(name)) return false;
  if (!translated || /\s/u.test(name)) return true;
  const sources = new Set((entity.mentions ?? []).map((m) => m.source ?? entity.source));
  return sources.has("original") && sources.has("translation");
}

/**
 * The forms an article's entities were found under ("Orbán" for "Viktor Orbán"), per target
 * name as {@link targetsFromEntities} gives it: capitalised, at least three letters.
 */
export function aliasesFromEntities(entities: readonly Entity[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entity of entities) {
    const actor = lookupActor(entity.name);
    const key = actor ? actorKey(actor) : entity.name;
    const forms = new Set<string>();
    for (const mention of entity.mentions ?? []) {
      const form = mention.text?.trim();
      if (form && form !== key && /^\p{Lu}/u.test(form) && form.length >= 3) forms.add(form);
    }
    if (forms.size > 0) out.set(key, [...(out.get(key) ?? []), ...forms]);
  }
  return out;
}

/**
 * The targets an article's entities give: people, countries and organisations, each under
 * the actor it stands for ("Pechino", "Xi Jinping" → China), without duplicates.
 */
export function targetsFromEntities(entities: readonly Entity[], translated = false): string[] {
  const targets = new Set<string>();
  for (const entity of entities) {
    if (entity.type !== "PERSON" && entity.type !== "LOCATION" && entity.type !== "ORGANIZATION") continue;
    const actor = lookupActor(entity.name);
    if (actor?.kind === "outlet" || !isParty(entity.type, actor)) continue;
    if (!actor && !looksLikeName(entity, translated)) continue;
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
  /** Who decides the label of a pair the rules read: the learned classifier or the rules' tally. */
  decision: StanceDecision;
  /** Forms the text uses for a name (an entity's mentions), matched as that name. */
  aliases?: ReadonlyMap<string, readonly string[]>;
}

/** Who labels each pair: the learned classifier over the rules' findings, or the rules alone. */
export type StanceDecision = "learned" | "rules";

/** When the text's own stance (no holder) is given. */
export type OwnStanceMode = "auto" | "always" | "never";

/** Matchers of recent name lists: a stream of short texts often asks about the same names. */
const matchers = new Map<string, NameMatcher>();
const MAX_MATCHERS = 256;

function matcherFor(names: readonly string[], aliases?: ReadonlyMap<string, readonly string[]>): NameMatcher {
  const key = `${names.join("\u0000")}\u0001${aliases ? JSON.stringify([...aliases]) : ""}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= MAX_MATCHERS) matchers.clear();
    matcher = new NameMatcher(names, aliases);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Mentions of the given names first; discovered actors fill the rest. */
function mentionFinder(names: readonly string[], discover: boolean, aliases?: ReadonlyMap<string, readonly string[]>) {
  const matcher = matcherFor(names, aliases);
  return (text: string, tokens: readonly Token[]): ActorMention[] => {
    const named = matcher.find(text, tokens);
    if (!discover) return named;
    const taken = new Set<number>();
    for (const m of named) for (let t = m.first; t <= m.last; t++) taken.add(t);
    const extra = discoverMentions(text, tokens).filter((m) => {
      for (let t = m.first; t <= m.last; t++) if (taken.has(t)) return false;
      return true;
    });
    const all = [...named, ...extra].sort((a, b) => a.first - b.first);
    // "il premier libico Dbeibah": a nationality right before a name describes that person.
    return all.filter((m, i) => {
      const next = all[i + 1];
      if (!next || next.first !== m.last + 1 || m.first !== m.last) return true;
      const surface = text.slice(m.start, m.end);
      return !(lookupDemonym(surface) && !lookupActor(surface));
    });
  };
}

/** Stances of `text` by the rules: see `tagStance`. */
export function tagStanceWithRules(text: string, options: RuleOptions): Stance[] {
  const { holders, languages } = options;
  if (text.trim() === "") return [];
  const names = [...(holders ?? []), ...(options.targets ?? [])];
  const { findings, sentences } = readFindings(
    text,
    mentionFinder(names, holders === undefined, options.aliases),
    languages,
  );
  const targets = options.targets ?? mentionedActors(sentences);
  const tallies = tallyFindings(findings);
  const english = languages.has("en");
  const out: Stance[] = withActors(unlabelled(text, options, findings, sentences, targets, tallies, english));
  return out;
}

/** Adds the state a person speaks for (Xi Jinping → China) to holder and target. */
function withActors(stances: Stance[]): Stance[] {
  for (const stance of stances) {
    const holderActor = stance.holder === undefined ? undefined : speaksFor(stance.holder);
    const targetActor = speaksFor(stance.target);
    if (holderActor) stance.holderActor = holderActor;
    if (targetActor) stance.targetActor = targetActor;
  }
  return stances;
}

function unlabelled(
  text: string,
  options: RuleOptions,
  findings: Finding[],
  sentences: ReadSentence[],
  targets: string[],
  tallies: Map<string, Map<string, Tally>>,
  english: boolean,
): Stance[] {
  const { holders } = options;
  const out: Stance[] = [];
  // The classifier learned English words: on other languages the rules' reading stands.
  const englishOnly = english && !options.languages.has("it");
  const reading = (holder: string, target: string): PairReading => {
    const forward = tallies.get(holder)?.get(target);
    const needBackoff = forward === undefined || options.decision === "learned";
    return {
      text,
      sentences,
      forward,
      reverse: tallies.get(target)?.get(holder),
      backoff: needBackoff
        ? (reportedValence(text, english, sentences, holder, target) ??
          betweenValence(text, english, sentences, holder, target))
        : undefined,
      english,
    };
  };
  if (holders) {
    for (const holder of holders) {
      for (const target of targets) {
        if (holder === target) continue;
        const r = reading(holder, target);
        out.push(
          options.decision === "learned"
            ? learnedPair(holder, target, r)
            : toStance(target, holder, r.forward ?? r.backoff),
        );
      }
    }
    return out;
  }
  const readOwn = options.ownStance === "always" || (options.ownStance === "auto" && readVoice(text).opinion);
  if (readOwn) {
    // Read for the article as a whole (no targets asked for): the author's own words only,
    // and only clear leanings.
    const strict = options.ownStance === "auto" || !options.includeNone;
    const own = ownStances(text, english, targets, findings, sentences, strict);
    for (const target of targets) {
      const stance =
        options.decision === "learned" && !strict
          ? learnedOwn(target, own.get(target), {
              text,
              sentences,
              forward: undefined,
              reverse: undefined,
              backoff: undefined,
              english,
            })
          : toStance(target, undefined, own.get(target));
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
    const rules = toStance(target, holder, tally);
    // The learned decision checks each pair the rules linked: it may find no stance there.
    const stance =
      options.decision === "learned" && englishOnly && rules.stance !== "NONE"
        ? confirm(rules, learnedPair(holder, target, reading(holder, target)))
        : rules;
    if (options.includeNone || stance.stance !== "NONE") out.push(stance);
  }
  return out;
}

/**
 * What the rules read about one pair (holder → target, or the text's own stance toward the
 * target when `holder` is undefined): the input of the learned features, for training.
 */
export function readPair(
  text: string,
  holder: string | undefined,
  target: string,
  languages: Set<CueLanguage>,
): { reading: PairReading; own: Tally | undefined } {
  const names = holder === undefined ? [target] : [holder, target];
  const { findings, sentences } = readFindings(text, mentionFinder(names, holder === undefined), languages);
  const tallies = tallyFindings(findings);
  const english = languages.has("en");
  if (holder === undefined) {
    const own = ownStances(text, english, [target], findings, sentences).get(target);
    return { reading: { text, sentences, forward: undefined, reverse: undefined, backoff: undefined, english }, own };
  }
  const reading: PairReading = {
    text,
    sentences,
    forward: tallies.get(holder)?.get(target),
    reverse: tallies.get(target)?.get(holder),
    backoff:
      reportedValence(text, english, sentences, holder, target) ??
      betweenValence(text, english, sentences, holder, target),
    english,
  };
  return { reading, own: undefined };
}

/** The rules' stance where the learned decision agrees with its label, else NONE with the rules' evidence. */
function confirm(rules: Stance, learned: Stance): Stance {
  if (learned.stance === rules.stance) return { ...rules, score: Math.max(rules.score, learned.score) };
  return { ...rules, stance: "NONE", score: learned.score };
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
