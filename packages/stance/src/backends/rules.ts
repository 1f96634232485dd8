/** The rules backend behind `tagStance`: options → mentions → findings → stances. */
import { actorByName, lookupActor, lookupDemonym, type Stance } from "@rassegna/core";
import { type Tally, tallyFindings, toStance } from "../aggregate.js";
import { Anaphora } from "../anaphora.js";
import { betweenValence, reportedValence } from "../backoff.js";
import type { PairReading } from "../learned/features.js";
import { type ActorMention, actorKey, discoverMentions, NameMatcher, speaksFor } from "../mentions.js";
import { ownStances } from "../own.js";
import { readFindings } from "../rules/read.js";
import { canHold, mentionedActors } from "../targets.js";
import type { Token } from "../tokens.js";
import type { CueLanguage, Finding, ReadSentence } from "../types.js";
import { readVoice } from "../voice.js";

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
  decider: Decider;
  /** Forms the text uses for a name (an entity's mentions), matched as that name. */
  aliases?: ReadonlyMap<string, readonly string[]>;
  /** Names of people (the text's PERSON entities): role nouns and pronouns may refer back to them. */
  persons?: ReadonlySet<string>;
}

/** Who labels each pair: the learned classifier over the rules' findings, or the rules alone. */
export type StanceDecision = "learned" | "rules";

/**
 * How the pairs the rules read are labelled: the rules' own tally (this backend) or the
 * learned classifier over the rules' findings (`backends/learned.ts`).
 */
export interface Decider {
  readonly name: StanceDecision;
  /** Whether a pair a cue linked reads the backoffs too (the classifier weighs them). */
  readonly backoffAlways: boolean;
  /** A holder × target pair asked for. */
  pair(holder: string, target: string, reading: PairReading): Stance;
  /** The text's own stance toward a target asked for. */
  own(target: string, tally: Tally | undefined, reading: PairReading): Stance;
  /** A pair the cues linked, with the rules' label; `englishOnly` when only the English cues read the text. */
  linked(rules: Stance, holder: string, target: string, reading: () => PairReading, englishOnly: boolean): Stance;
}

/** The rules alone: the tally of what the cues (else the backoffs) read. */
export const RULES_DECIDER: Decider = {
  name: "rules",
  backoffAlways: false,
  pair: (holder, target, reading) => toStance(target, holder, reading.forward ?? reading.backoff),
  own: (target, tally) => toStance(target, undefined, tally),
  linked: (rules) => rules,
};

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
    new Anaphora((key) => options.persons?.has(key) === true || actorByName(key)?.kind === "person"),
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
    const needBackoff = forward === undefined || options.decider.backoffAlways;
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
        out.push(options.decider.pair(holder, target, r));
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
      const stance = strict
        ? toStance(target, undefined, own.get(target))
        : options.decider.own(target, own.get(target), {
            text,
            sentences,
            forward: undefined,
            reverse: undefined,
            backoff: undefined,
            english,
          });
      if (strict && stance.score < STRICT_OWN_MIN) continue;
      if (options.includeNone || stance.stance !== "NONE") out.push(stance);
    }
  }
  const wanted = new Set(targets);
  const pairs: Array<{ holder: string; target: string; tally: Tally; at: number }> = [];
  for (const [holder, byTarget] of tallies) {
    if (holder === "" || !canHold(holder)) continue;
    for (const [target, tally] of byTarget) {
      if (wanted.has(target)) pairs.push({ holder, target, tally, at: tally.evidence[0]?.start ?? 0 });
    }
  }
  pairs.sort((a, b) => a.at - b.at);
  for (const { holder, target, tally } of pairs) {
    const rules = toStance(target, holder, tally);
    // The learned decision checks each pair the rules linked: it may find no stance there. A
    // joint act the text states ("X and Y signed an agreement") is a fact, not a judgement the
    // sentence classifier learned to weigh: it stands.
    const stated = tally.evidence.some((e) => e.rule?.startsWith("joint-") === true);
    const stance = options.decider.linked(rules, holder, target, () => reading(holder, target), englishOnly && !stated);
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
