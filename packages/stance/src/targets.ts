/** Which actors of a text can take sides and be taken sides on, and the forms the text names them by. */
import { type Actor, type Entity, lookupActor, wordSet } from "@rassegna/core";

import { actorKey } from "./mentions.js";
import type { ReadSentence } from "./types.js";
import { SELF_GOVERNED } from "./words.js";

/**
 * Whether a place can be a party to a stance: a country, or a city that stands for one
 * ("Washington", "Pechino"). Other cities and places are where things happen ("talks in
 * Geneva"): a stance toward them would only echo the news around them. Asked for by name
 * in `targets`, they are read like any other.
 */
function isParty(type: string, actor: Actor | undefined): boolean {
  if (type !== "LOCATION") return true;
  if (!actor) return false;
  return actor.kind === "country" || actor.standsFor !== undefined || SELF_GOVERNED.has(actor.name.toLowerCase());
}

/** Core's definite articles of the languages the rules read ("the", "il", "l'"). */
const DEFINITE_ARTICLES = wordSet("definite-articles", ["en", "it"]);
/** The elided ones ("l'"), which join the next word: "L'Espresso". */
const ELIDED_ARTICLES = [...DEFINITE_ARTICLES].filter((a) => a.endsWith("'"));

/** True for a name that opens with a definite article: "Il Garante", "The Joint", "L'Espresso". */
function opensWithArticle(name: string): boolean {
  const lower = name.toLowerCase().replace(/’/g, "'");
  const first = lower.split(/\s/u, 1)[0] ?? "";
  if (first.length < lower.length && DEFINITE_ARTICLES.has(first)) return true;
  return ELIDED_ARTICLES.some((a) => lower.startsWith(a));
}

/**
 * Whether an entity the gazetteer does not know reads as a name that can take sides: not a
 * lower-case word ("governo"), not a phrase opening with an article ("Il Garante"); and, in
 * a translated article, a one-word name only when it was found in both texts: a name survives
 * translation ("Greenpeace", "Eni"), a common word mistaken for one does not ("The Joint").
 */
function looksLikeName(entity: Entity, translated: boolean): boolean {
  const name = entity.name.trim();
  if (!/^\p{Lu}/u.test(name)) return false;
  if (opensWithArticle(name)) return false;
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

/**
 * Whether an actor the rules found can hold a stance: not a place that is no party (a sea, a
 * region, a city that stands for nothing: "the Mediterranean goes back …, said the premier").
 */
export function canHold(key: string): boolean {
  const actor = lookupActor(key);
  return !actor || isParty(actor.type, actor);
}

/** Every actor named in the text that can be a party to a stance, in order of first mention. */
export function mentionedActors(sentences: readonly ReadSentence[]): string[] {
  const seen = new Set<string>();
  for (const sentence of sentences) for (const m of sentence.mentions) seen.add(m.key);
  return [...seen].filter((key) => {
    const actor = lookupActor(key);
    return !actor || isParty(actor.type, actor);
  });
}

/** The people among an article's entities, under the names the stances give them. */
export function personsFromEntities(entities: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  for (const entity of entities) {
    if (entity.type !== "PERSON") continue;
    const actor = lookupActor(entity.name);
    out.add(actor ? actorKey(actor) : entity.name);
  }
  return out;
}
