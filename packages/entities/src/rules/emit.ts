/**
 * Adding a mention: {@link emit} types it and records the pass; an Italian article before a
 * known town makes it the town's club ("la Roma"); a town named where a side could be is
 * marked team-like for sports reports.
 */
import { actorByName, type EntityType, type Token } from "@rassegna/core";

import { type KnownName, lexiconTags, lookupName } from "../gazetteer.js";
import { REGION_NAMES } from "../generated/gazetteer.js";
import type { Context, FoundMention, Sentence } from "./types.js";
import { bare, isCommonWord, isTitleWord, list } from "./words.js";

const REGIONS: ReadonlySet<string> = new Set(REGION_NAMES);

/** What is known of a mention when it is added. */
export interface EmitOptions {
  /** Canonical name, when a gazetteer knows the name. */
  canonical?: string | undefined;
  /** The sentence the tokens are in (for the article and venue checks). */
  sentence?: Sentence | undefined;
  /** A country or territory (national sides stay places). */
  country?: boolean | undefined;
}

/** Adds a mention of `tokens` with its type, the weight of that type, and the pass (`rule`) that found it. */
export function emit(
  context: Context,
  tokens: readonly Token[],
  type: EntityType,
  strength: number,
  rule: string,
  { canonical, sentence, country }: EmitOptions = {},
): FoundMention | undefined {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const mention: FoundMention = {
    start: first.start,
    end: last.end,
    text: context.text.slice(first.start, last.end),
    type,
    strength,
    rule,
  };
  if (canonical !== undefined) mention.canonical = canonical;
  const at = sentence?.indexOf(first) ?? -1;
  // "la Roma", "il Napoli", "del Parma": Italian names a town without an article, so a known
  // town after one is its club (a region takes an article anyway: "la Lombardia").
  if (
    context.language === "it" &&
    type === "LOCATION" &&
    !country &&
    sentence &&
    canonical !== undefined &&
    tokens.length === 1 &&
    list("club-articles", "it").has(sentence.lower(at - 1)) &&
    !REGIONS.has(canonical) &&
    // Core's world regions, seas and rivers ("il Mediterraneo", "il Nilo") are no towns.
    actorByName(canonical)?.kind !== "region" &&
    !lexiconTags(first.lower).some((tag) => tag === "Region" || tag === "Country")
  ) {
    mention.type = "ORGANIZATION";
    mention.strength = 2;
    mention.rule = "club-article";
    delete mention.canonical;
    context.found.push(mention);
    return mention;
  }
  if (type === "LOCATION" && !country && sentence) {
    const previous = sentence.at(at - 1);
    const next = sentence.at(at + tokens.length);
    const venue =
      (previous !== undefined && list("venue-words").has(previous.lower)) ||
      (next !== undefined && /^\d{4}-/.test(next.text)) ||
      (next?.text === "," && first.initial);
    if (!venue) mention.teamLike = true;
  }
  context.found.push(mention);
  return mention;
}

/** A known name for `tokens`, unless it is a sentence-initial common word with nothing else to say it is a name. */
export function lookupKnown(tokens: readonly Token[], context: Context): KnownName | undefined {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const known = lookupName(context.text.slice(first.start, last.end));
  if (!known) return undefined;
  // A sentence-initial common word that is also a name ("Total", "Apple") needs more than that.
  if (tokens.length === 1 && first.initial && isCommonWord(first.lower)) {
    if (!context.capitalisedInside.has(first.lower)) return undefined;
  }
  return known;
}

/** A title right before token `i` ("Mr. Smith", "president Bush", "il sindaco Rossi"). */
export function titleBefore(sentence: Sentence, i: number): boolean {
  const previous = sentence.at(i - 1);
  if (!previous) return false;
  const beforePrevious = sentence.at(i - 2);
  if (previous.text === "." && beforePrevious && isTitleWord(beforePrevious)) return true;
  return previous.word && isTitleWord(previous);
}

/** A month name or abbreviation ("Nov", "novembre"), with or without its period. */
export function isMonth(token: Token | undefined): boolean {
  return token !== undefined && list("month-words").has(bare(token.lower));
}
