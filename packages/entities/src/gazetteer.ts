/**
 * Name lookup: the shared actors of `@rassegna/core` first (so that the entities and stance
 * stages agree on canonical names), then this package's own gazetteer (`data/gazetteer/`:
 * names core's actors do not hold), then compromise's lexicon of first names, last names and
 * places.
 */
import {
  type Actor,
  actorByName,
  type EntityType,
  foldName,
  listActors,
  lookupActor,
  lookupDemonym,
} from "@rassegna/core";
import nlp from "compromise";

import { ACTOR_ALIASES, COUNTRY_LIKE, ORGANIZATIONS, PLACES } from "./generated/gazetteer.js";
import { RULES_LISTS } from "./generated/rules.js";

/** A known name: its canonical form and type. */
export interface KnownName {
  name: string;
  type: EntityType;
  /** A country or territory (national teams stay places in sports news). */
  country?: boolean;
}

/** An entry of the package's own gazetteer: canonical name, type, other names. */
interface Entry {
  name: string;
  type: EntityType;
  aliases: readonly string[];
}

let entries: Entry[] | undefined;

/** The package's gazetteer, places first, in the order of its data. */
export function gazetteerEntries(): readonly Entry[] {
  entries ??= [
    ...Object.entries(PLACES).map(([name, { aliases = [] }]) => ({ name, type: "LOCATION" as const, aliases })),
    ...Object.entries(ORGANIZATIONS).map(([name, { aliases = [] }]) => ({
      name,
      type: "ORGANIZATION" as const,
      aliases,
    })),
  ];
  return entries;
}

interface Index {
  exact: Map<string, KnownName>;
  folded: Map<string, KnownName>;
}

let index: Index | undefined;

function fromActor(actor: Actor): KnownName {
  return actor.kind === "country"
    ? { name: actor.name, type: actor.type, country: true }
    : { name: actor.name, type: actor.type };
}

function getIndex(): Index {
  if (index) return index;
  const exact = new Map<string, KnownName>();
  const folded = new Map<string, KnownName>();
  const add = (alias: string, known: KnownName) => {
    if (!exact.has(alias)) exact.set(alias, known);
    // Names written in capitals ("IS", "ABC") only match as written.
    if (/\p{Ll}/u.test(alias) && !folded.has(foldName(alias))) folded.set(foldName(alias), known);
  };
  const countryLike = new Set(COUNTRY_LIKE);
  for (const { name, type, aliases } of gazetteerEntries()) {
    const known: KnownName = countryLike.has(name) ? { name, type, country: true } : { name, type };
    for (const alias of [name, ...aliases]) add(alias, known);
  }
  // Forms of core's actors that core does not list yet.
  for (const [alias, name] of Object.entries(ACTOR_ALIASES)) {
    const actor = actorByName(name);
    if (actor) add(alias, fromActor(actor));
  }
  index = { exact, folded };
  return index;
}

/** A known name with a number among its words ("Movimento 5 Stelle"), as folded words. */
export interface NumberedName {
  words: string[];
  known: KnownName;
}

let numbered: Map<string, NumberedName[]> | undefined;

/**
 * Known names with a number among their words, by first word: capitalised runs stop at
 * numbers (a score line is not a name), so these are matched as wholes.
 */
export function numberedNames(): Map<string, NumberedName[]> {
  if (numbered) return numbered;
  const map = new Map<string, NumberedName[]>();
  const add = (alias: string, known: KnownName) => {
    const words = foldName(alias).split(" ");
    const first = words[0];
    if (first === undefined || words.length < 2 || !words.some((w) => /^\d+$/.test(w))) return;
    map.set(first, [...(map.get(first) ?? []), { words, known }]);
  };
  for (const actor of listActors()) for (const alias of [actor.name, ...actor.aliases]) add(alias, fromActor(actor));
  for (const { name, type, aliases } of gazetteerEntries())
    for (const alias of [name, ...aliases]) add(alias, { name, type });
  numbered = map;
  return numbered;
}

/** The canonical name and type of a surface form, or `undefined` when it is not known. */
export function lookupName(surface: string): KnownName | undefined {
  const actor = lookupActor(surface);
  if (actor) return fromActor(actor);
  const { exact, folded } = getIndex();
  return exact.get(surface) ?? folded.get(foldName(surface));
}

/** Every name a canonical name goes by: the shared actor's or this package's gazetteer's aliases. */
export function namesOf(canonical: string): string[] {
  const actor = actorByName(canonical);
  if (actor) return [actor.name, ...actor.aliases];
  const entry = gazetteerEntries().find(({ name }) => name === canonical);
  return entry ? [entry.name, ...entry.aliases] : [canonical];
}

const GROUP_WORDS: ReadonlySet<string> = new Set(Object.values(RULES_LISTS["group-words"]).flat());
const FIRST_NAMES: ReadonlySet<string> = new Set(Object.values(RULES_LISTS["first-names"]).flat());

/** True for adjectives and nouns of nationality ("Chinese", "cinesi"): not entities. */
export function isDemonym(word: string): boolean {
  if (lookupDemonym(word) || GROUP_WORDS.has(word.toLowerCase())) return true;
  return lexiconTags(word.toLowerCase()).includes("Demonym");
}

let lexicon: Record<string, string | string[]> | undefined;

/** Tags compromise's lexicon gives a lower-cased word ("john" → MaleName, "london" → City). */
export function lexiconTags(lower: string): readonly string[] {
  lexicon ??= (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
  const tags = lexicon[lower];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

const FIRST_NAME_TAGS = new Set(["MaleName", "FemaleName", "FirstName"]);
const LAST_NAME_TAGS = new Set(["LastName", "Person", "Actor"]);
const PLACE_TAGS = new Set(["City", "Country", "Place", "Region"]);
const ORG_TAGS = new Set(["Organization", "SportsTeam"]);
const NAME_TAGS = new Set([...FIRST_NAME_TAGS, ...LAST_NAME_TAGS, ...PLACE_TAGS, ...ORG_TAGS, "ProperNoun"]);

/** What compromise's lexicon says of a word, as evidence for the classifier. */
export interface WordEvidence {
  firstName: boolean;
  lastName: boolean;
  place: boolean;
  organization: boolean;
  /** The lexicon knows the word as an ordinary word (verb, adjective, common noun…). */
  common: boolean;
}

export function wordEvidence(lower: string): WordEvidence {
  const tags = lexiconTags(lower);
  let firstName = false;
  let lastName = false;
  let place = false;
  let organization = false;
  let common = false;
  for (const tag of tags) {
    if (FIRST_NAME_TAGS.has(tag)) firstName = true;
    else if (LAST_NAME_TAGS.has(tag)) lastName = true;
    else if (PLACE_TAGS.has(tag)) place = true;
    else if (ORG_TAGS.has(tag)) organization = true;
    if (!NAME_TAGS.has(tag) && tag !== "Singular" && tag !== "Noun") common = true;
    if (tag === "Singular" || tag === "Noun") common = common || tags.length === 1;
  }
  if (FIRST_NAMES.has(lower)) firstName = true;
  return { firstName, lastName, place, organization, common };
}
