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
    for (const alias of actor.aliases) {
      if (alias === actor.name || names.has(alias) || ENGLISH_ALIASES.has(alias)) continue;
      // Capitalised names with a lower-case letter: acronyms pass through Apertium as they are.
      if (!/^\p{Lu}/u.test(alias) || !/\p{Ll}/u.test(alias) || !/^[\p{L}\p{M}' .-]+$/u.test(alias)) continue;
      names.set(alias, actor.name);
    }
  }
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { pattern, names };
}

/** The text with known non-English names of places and organisations replaced by their English names. */
export function withEnglishNames(text: string): string {
  glossary ??= buildGlossary();
  const { pattern, names } = glossary;
  return text.replace(pattern, (alias) => names.get(alias) ?? alias);
}
