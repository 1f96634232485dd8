import { ACTOR_DATA, COUNTRY_DATA, COUNTRY_IDS, NAME_LANGUAGES } from "./generated/actors-data.js";
import { DEFINITE_ARTICLES } from "./generated/words.js";
import type { EntityType } from "./types.js";

/**
 * Well-known actors of international news (countries and territories, capitals, leaders,
 * organisations, outlets) with their aliases in the news languages. Shared by the
 * entities stage (canonical names) and the stance stage (matching targets and holders).
 * The data lives in `data/actors/*.json` (compiled by `scripts/build-actors.mjs`); country
 * names in each language come from CLDR through `Intl.DisplayNames`.
 */
export interface Actor {
  /** Canonical English name, e.g. "United States". */
  name: string;
  type: EntityType;
  /**
   * "institution": a public body whose canonical name carries a qualifier in brackets
   * ("Chamber of Deputies (Italy)"), not written as such into running text.
   */
  kind: "country" | "city" | "region" | "person" | "organization" | "institution" | "outlet";
  /** Other names: translations, abbreviations, short forms. */
  aliases: string[];
  /** The actor this one stands for in political news ("Beijing", "Xi Jinping" → "China"). */
  standsFor?: string;
  /** Adjectives and nouns of nationality ("Chinese", "cinesi"): they point to the actor. */
  demonyms?: string[];
  /** Wikidata id ("Q…"), where a source the data names gives it. */
  id?: string;
  /** Names by language ("it": ["Cina"]), where the data knows the language of a name. */
  names?: Record<string, string[]>;
  /** ISO 3166-1 alpha-2 code of a country or territory. */
  code?: string;
}

function cleanRegionName(name: string): string {
  return name.replace(/\s+-\s+.*$/, "").replace(/\s*\(.*\)$/, "");
}

function buildActors(): Actor[] {
  const actors: Actor[] = [];
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const namers = NAME_LANGUAGES.map(
    (lang) => [lang, new Intl.DisplayNames([lang], { type: "region", fallback: "none" })] as const,
  );
  for (const country of COUNTRY_DATA) {
    const name = country.name ?? cleanRegionName(english.of(country.code) ?? country.code);
    const aliases = new Set<string>();
    const names: Record<string, string[]> = {};
    for (const [lang, namer] of namers) {
      const local = namer.of(country.code);
      if (!local) continue;
      aliases.add(cleanRegionName(local));
      names[lang] = [cleanRegionName(local)];
    }
    for (const alias of country.aliases ?? []) aliases.add(alias);
    aliases.delete(name);
    const actor: Actor = { name, type: "LOCATION", kind: "country", aliases: [...aliases], names, code: country.code };
    if (country.demonyms) actor.demonyms = [...country.demonyms];
    const id = COUNTRY_IDS[country.code];
    if (id) actor.id = id;
    actors.push(actor);
  }
  // The data files (data/actors/*.json): cities, regions, people, bodies, outlets, Italian
  // institutions, parties, palaces, companies.
  for (const data of ACTOR_DATA) {
    const actor: Actor = { name: data.name, type: data.type, kind: data.kind, aliases: [...data.aliases] };
    if (data.names) actor.names = Object.fromEntries(Object.entries(data.names).map(([l, n]) => [l, [...n]]));
    if (data.standsFor) actor.standsFor = data.standsFor;
    if (data.id) actor.id = data.id;
    if (data.demonyms) actor.demonyms = [...data.demonyms];
    actors.push(actor);
  }
  return actors;
}

/** Folds case and diacritics: "Città" and "citta" meet. */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’`]/g, "'")
    .toLowerCase();
}

/** An alias written in capitals ("US", "UN", "AP") only matches as written: "us" is a pronoun. */
function isCaseSensitive(alias: string): boolean {
  return !/\p{Ll}/u.test(alias);
}

interface ActorIndex {
  actors: Actor[];
  exact: Map<string, Actor>;
  folded: Map<string, Actor>;
  lower: Map<string, Actor>;
  demonyms: Map<string, Actor>;
  byName: Map<string, Actor>;
}

let index: ActorIndex | undefined;

function getIndex(): ActorIndex {
  if (index) return index;
  const actors = buildActors();
  const exact = new Map<string, Actor>();
  const folded = new Map<string, Actor>();
  const lower = new Map<string, Actor>();
  const demonyms = new Map<string, Actor>();
  const byName = new Map<string, Actor>();
  for (const actor of actors) {
    byName.set(foldName(actor.name), actor);
    for (const alias of [actor.name, ...actor.aliases]) {
      // The first actor to claim an alias keeps it: countries come before cities and people.
      if (!exact.has(alias)) exact.set(alias, actor);
      if (!isCaseSensitive(alias) && !folded.has(foldName(alias))) folded.set(foldName(alias), actor);
      if (!isCaseSensitive(alias) && !lower.has(alias.toLowerCase())) lower.set(alias.toLowerCase(), actor);
    }
    for (const demonym of actor.demonyms ?? []) {
      if (!demonyms.has(foldName(demonym))) demonyms.set(foldName(demonym), actor);
    }
  }
  index = { actors, exact, folded, lower, demonyms, byName };
  return index;
}

/** Every known actor. */
export function listActors(): readonly Actor[] {
  return getIndex().actors;
}

/** A definite article before a name ("the", "la", "gli"; `data/words/<lang>/definite-articles.yml`). */
const LEADING_ARTICLE = new RegExp(`^(${[...DEFINITE_ARTICLES.en, ...DEFINITE_ARTICLES.it].join("|")})\\s+`, "i");

/**
 * The actor a name refers to ("Pechino" → Beijing, "Usa" → United States, "Putin" →
 * Vladimir Putin), or `undefined`. Capitalised abbreviations match only as written.
 */
export function lookupActor(surface: string): Actor | undefined {
  const { exact, folded, lower } = getIndex();
  const trimmed = surface.trim().replace(LEADING_ARTICLE, "");
  const hit = exact.get(surface.trim()) ?? exact.get(trimmed);
  if (hit) return hit;
  // A name in capitals ("CHINA" in a headline) matches case-insensitively but keeps its
  // accents: "IRA" is not "Irã" (Iran).
  if (isCaseSensitive(trimmed)) return lower.get(trimmed.toLowerCase());
  return folded.get(foldName(trimmed));
}

/** The country an adjective or noun of nationality points to ("cinesi" → China), or `undefined`. */
export function lookupDemonym(word: string): Actor | undefined {
  return getIndex().demonyms.get(foldName(word));
}

/** The actor with this canonical name, or `undefined`. */
export function actorByName(name: string): Actor | undefined {
  return getIndex().byName.get(foldName(name));
}

/**
 * All the names that mean the actor: its canonical name, aliases and, for a country, the
 * actors that stand for it (its capital, its leaders, its seats of government).
 */
export function actorAliases(name: string): string[] {
  const actor = lookupActor(name) ?? actorByName(name);
  if (!actor) return [name];
  const names = new Set<string>([actor.name, ...actor.aliases]);
  for (const other of getIndex().actors) {
    if (other.standsFor === actor.name) {
      names.add(other.name);
      for (const alias of other.aliases) names.add(alias);
    }
  }
  return [...names];
}
