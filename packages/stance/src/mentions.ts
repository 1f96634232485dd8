/**
 * Words and actor mentions of a text. Actors are matched through the shared gazetteer of
 * `@rassegna/core` (aliases, capitals and leaders that stand for a country, demonyms), or,
 * for names it does not know, literally.
 */
import { type Actor, actorAliases, actorByName, lookupActor, lookupDemonym } from "@rassegna/core";
import { at, type Token, tokenize } from "./tokens.js";

/** One occurrence of an actor: tokens `[first, last]`, the actor's key (its output name). */
export interface ActorMention {
  start: number;
  end: number;
  first: number;
  last: number;
  key: string;
}

/** A name to look for: its surface forms (folded word sequences) and the key it stands for. */
interface NamePattern {
  words: string[];
  /** Case-sensitive surface for capitalised abbreviations ("US", "UN"), else undefined. */
  exact?: string;
  key: string;
  /** Lower is preferred when two patterns cover the same words. */
  rank: number;
  /**
   * The last word may take an "s": plurals ("Democrat" → "Democrats") and possessives that
   * lost their apostrophe in scraped text ("Russias backing"). Not for capitalised abbreviations.
   */
  open: boolean;
}

/** Finds the mentions of given names (holders and targets) in token sequences. */
export class NameMatcher {
  private readonly byFirstWord = new Map<string, NamePattern[]>();
  /** Single-word patterns that may take an "s", under the word with the "s". */
  private readonly byPluralWord = new Map<string, NamePattern[]>();

  /**
   * Each name is matched by itself and, when the gazetteer knows it, all its aliases; `aliases`
   * adds the forms a text was seen to use for a name (an entity's mentions: "Orbán" for
   * "Viktor Orbán").
   */
  constructor(names: readonly string[], aliases?: ReadonlyMap<string, readonly string[]>) {
    for (const name of names) for (const alias of aliases?.get(name) ?? []) this.add(alias, name, 1, true);
    for (const name of names) {
      const actor = lookupActor(name) ?? actorByName(name);
      if (actor) {
        this.add(actor.name, name, 0, true);
        for (const alias of actor.aliases) this.add(alias, name, 0, true);
        for (const demonym of actor.demonyms ?? []) this.add(demonym, name, 1, false);
        for (const alias of actorAliases(actor.name)) this.add(alias, name, 2, true);
        // A capital or a seat of government asked for by name stands for its country too:
        // "Pyongyang" matches "North Korea" (not a person: "Trump" is not every "US").
        if (actor.standsFor && actor.kind !== "person") {
          const country = actorByName(actor.standsFor);
          if (country) for (const alias of [country.name, ...country.aliases]) this.add(alias, name, 3, true);
        }
        this.add(name, name, 0, true);
      } else {
        this.add(name, name, 0, true);
      }
    }
  }

  private add(surface: string, key: string, rank: number, open: boolean): void {
    const cleaned = surface.replace(/[’']+$/u, "").trim();
    const words = tokenize(cleaned)
      .filter((t) => t.word)
      .map((t) => t.folded);
    if (words.length === 0) return;
    const pattern: NamePattern = { words, key, rank, open };
    if (!/\p{Ll}/u.test(cleaned) && cleaned.length <= 5) {
      pattern.exact = lettersOf(cleaned);
      pattern.open = false;
    }
    const first = words[0] as string;
    const list = this.byFirstWord.get(first);
    if (list) list.push(pattern);
    else this.byFirstWord.set(first, [pattern]);
    if (pattern.open && words.length === 1) {
      const plural = `${first}s`;
      const plurals = this.byPluralWord.get(plural);
      if (plurals) plurals.push(pattern);
      else this.byPluralWord.set(plural, [pattern]);
    }
  }

  /** Mentions in `tokens`, longest first, not overlapping. */
  find(text: string, tokens: readonly Token[]): ActorMention[] {
    const found: ActorMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.matchAt(text, tokens, i);
      if (best) {
        found.push(best);
        i = best.last + 1;
      } else i++;
    }
    return found;
  }

  private matchAt(text: string, tokens: readonly Token[], i: number): ActorMention | undefined {
    const token = tokens[i];
    if (!token?.word) return undefined;
    const candidates = [...(this.byFirstWord.get(token.folded) ?? []), ...(this.byPluralWord.get(token.folded) ?? [])];
    let best: { pattern: NamePattern; last: number } | undefined;
    for (const pattern of candidates) {
      const last = wordsMatch(tokens, i, pattern);
      if (last === undefined) continue;
      // Case matters for abbreviations ("US" is not "us"); dots and spaces do not ("U. S." is "U.S").
      if (pattern.exact !== undefined && lettersOf(text.slice(token.start, at(tokens, last).end)) !== pattern.exact)
        continue;
      if (!best || last - i > best.last - i || (last - i === best.last - i && pattern.rank < best.pattern.rank)) {
        best = { pattern, last };
      }
    }
    if (!best) return undefined;
    const lastToken = at(tokens, best.last);
    return { start: token.start, end: lastToken.end, first: i, last: best.last, key: best.pattern.key };
  }
}

/** The letters and digits of a surface form, case kept. */
function lettersOf(surface: string): string {
  return surface.replace(/[^\p{L}\p{N}]/gu, "");
}

/** The index of the last token of `pattern` matched from token `i`, or undefined. */
function wordsMatch(tokens: readonly Token[], i: number, pattern: NamePattern): number | undefined {
  let t = i;
  for (let w = 0; w < pattern.words.length; w++) {
    // Punctuation inside a name ("U.S.", "Kim Jong-un") is skipped on both sides.
    while (t < tokens.length && !at(tokens, t).word && w > 0) t++;
    const token = tokens[t];
    const word = pattern.words[w] as string;
    if (!token) return undefined;
    const isLast = w === pattern.words.length - 1;
    if (token.folded !== word && !(isLast && pattern.open && token.folded === `${word}s`)) return undefined;
    t++;
  }
  return t - 1;
}

/**
 * What a discovered actor is called in the output: a person by their own name (the state they
 * speak for is `holderActor` / `targetActor`), a capital or seat of government by the country
 * it stands for ("Pechino" → China), anything else by its name.
 */
export function actorKey(actor: Actor): string {
  if (actor.kind === "person") return actor.name;
  return actor.standsFor ?? actor.name;
}

/** The state or organisation a person speaks for, where the gazetteer knows it (Xi Jinping → China). */
export function speaksFor(name: string): string | undefined {
  const actor = actorByName(name) ?? lookupActor(name);
  return actor?.kind === "person" ? actor.standsFor : undefined;
}

const MAX_NAME_WORDS = 6;

/**
 * Actors the gazetteer knows, found without being asked for: names that start with a
 * capital letter (so that the Italian verb "usa" is not the United States) and demonyms.
 * Outlets are left out: they report stances, they seldom hold them.
 */
export function discoverMentions(text: string, tokens: readonly Token[]): ActorMention[] {
  const found: ActorMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = at(tokens, i);
    let hit: ActorMention | undefined;
    if (token.word) {
      const capital = /^\p{Lu}/u.test(text.slice(token.start, token.end));
      if (capital) {
        // Longest run of tokens (up to MAX_NAME_WORDS words) that names a known actor.
        let words = 0;
        for (let j = i; j < tokens.length && words < MAX_NAME_WORDS; j++) {
          const tj = at(tokens, j);
          if (tj.word) words++;
          if (!tj.word && !/^['’.-]$/u.test(text.slice(tj.start, tj.end))) break;
          const actor = lookupActor(text.slice(token.start, tj.end));
          if (actor && actor.kind !== "outlet")
            hit = { start: token.start, end: tj.end, first: i, last: j, key: actorKey(actor) };
        }
      }
      if (!hit) {
        const actor = lookupDemonym(text.slice(token.start, token.end));
        if (actor) hit = { start: token.start, end: token.end, first: i, last: i, key: actorKey(actor) };
      }
    }
    if (hit) {
      found.push(hit);
      i = hit.last + 1;
    } else i++;
  }
  return found;
}
