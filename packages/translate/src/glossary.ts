import { listActors } from "@rassegna/core";

/**
 * Apertium's dictionaries lack or mistranslate many proper names of international news
 * ("Mosca" → "Fly", "Usa" → "Uses", "Pechino" left as is). Before Apertium translates,
 * names of countries, cities, world regions and organisations from core's gazetteer are replaced by their
 * English names, which Apertium then passes through unchanged. People and outlets are left
 * alone (a surname is not translated, and "Repubblica" is also a common noun), as are
 * acronyms (Apertium keeps them) and a few aliases that are English words themselves.
 */
const KINDS = new Set(["country", "city", "region", "organization"]);
const ENGLISH_ALIASES = new Set(["America", "Britain", "Great Britain", "Formosa", "the States"]);

interface Glossary {
  pattern: RegExp;
  names: Map<string, string>;
}

let glossary: Glossary | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function buildGlossary(): Glossary {
  const names = new Map<string, string>();
  for (const actor of listActors()) {
    if (!KINDS.has(actor.kind)) continue;
    for (const alias of [actor.name, ...actor.aliases]) {
      if (names.has(alias) || ENGLISH_ALIASES.has(alias)) continue;
      // Capitalised names with a lower-case letter: acronyms pass through Apertium as they are.
      if (!/^\p{Lu}/u.test(alias) || !/\p{Ll}/u.test(alias) || !/^[\p{L}\p{M}' .-]+$/u.test(alias)) continue;
      names.set(alias, actor.name);
    }
  }
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { pattern, names };
}

/** A known name in a text: where it is and its English name. */
export type NameSpan = [start: number, end: number, english: string];

/**
 * Known non-English names of places and organisations in `text`, with their English names
 * ("Mosca" → "Moscow"; English names too, so that Apertium does not read "China" as Spanish).
 */
export function englishNameSpans(text: string): NameSpan[] {
  glossary ??= buildGlossary();
  const { pattern, names } = glossary;
  const spans: NameSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    spans.push([start, start + match[0].length, names.get(match[0]) ?? match[0]]);
  }
  return spans;
}

/** English names of countries and regions that take "the" ("the United States", "the Balkans"). */
const TAKES_THE =
  /^(?:United |Netherlands|Philippines|Czech Republic|Dominican Republic|Central African Republic|Democratic Republic|Republic of|Gambia|Bahamas|Maldives|Comoros|Marshall Islands|Solomon Islands|Vatican|Middle East|Far East|Balkans|Caucasus|Sahel|Horn of|Indo-Pacific|Persian Gulf|Gulf|Mediterranean|Pacific|Atlantic|Arctic|Caribbean|Baltic|Black Sea|Red Sea|South China Sea|Taiwan Strait|Strait of|Alps)/;

let articled: RegExp | undefined;

/**
 * Romance languages put an article before a country ("la Russia", "l'Europa"), and Apertium
 * carries it into English ("to the Russia"): "the" goes before the names that do not take it.
 */
export function withoutCountryArticles(english: string): string {
  if (!articled) {
    const names = listActors()
      .filter((a) => (a.kind === "country" || a.kind === "region") && !TAKES_THE.test(a.name))
      .map((a) => a.name)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    articled = new RegExp(`\\b(?:the|The) (${names.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  }
  return english.replace(articled, (_match, name: string) => name);
}
