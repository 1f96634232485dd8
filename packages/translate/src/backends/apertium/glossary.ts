import { actorByName, escapeRegExp, listActors } from "@rassegna/core";

import {
  ENGLISH_ALIASES,
  INSTITUTIONS,
  LEXICON,
  NAME_PARTICLES,
  OFFICES,
  PARTIES,
  PIVOT_LEFTOVERS,
  TAKES_THE,
  TERMS,
} from "../../generated/data.js";

/** One term of the Italian news glossary: the Italian as written, the English, what it is. */
export interface GlossaryTerm {
  it: string;
  en: string;
  kind: "office" | "institution" | "party" | "term";
  /** Words one of which must come just before the term (its sense in context). */
  after?: readonly string[];
}

/** A term as the data files hold it: its English, or the core actor it names. */
interface TermEntry {
  readonly en?: string;
  readonly actor?: string;
  readonly after?: readonly string[];
}

/**
 * The English of a term: its own, or the canonical name of the core actor it names, without
 * the bracketed qualifier that tells bodies of several countries apart ("Court of Audit
 * (Italy)" → "Court of Audit"): translation and entities say one name for one body.
 */
function termEnglish(it: string, entry: TermEntry): string {
  if (entry.actor !== undefined) {
    const actor = actorByName(entry.actor);
    if (!actor) {
      throw new Error(
        `@rassegna/translate data: "${it}" names the actor "${entry.actor}", which @rassegna/core does not hold (data/it/*.yml).`,
      );
    }
    return actor.name.replace(/\s*\([^)]*\)$/, "");
  }
  if (entry.en === undefined) throw new Error(`@rassegna/translate data: "${it}" has neither "en" nor "actor".`);
  return entry.en;
}

/**
 * Every term of the Italian news glossary (data/it/offices, institutions, parties, terms),
 * the English resolved; a key "word#sense" is the word in one of its senses.
 */
export function glossaryTerms(): GlossaryTerm[] {
  const lists: Array<[GlossaryTerm["kind"], Readonly<Record<string, TermEntry>>]> = [
    ["office", OFFICES.it],
    ["institution", INSTITUTIONS.it],
    ["party", PARTIES.it],
    ["term", TERMS.it],
  ];
  return lists.flatMap(([kind, map]) =>
    Object.entries(map).map(([key, entry]) => {
      const it = key.replace(/#[a-z]+$/, "");
      const term: GlossaryTerm = { it, en: termEnglish(key, entry), kind };
      if (entry.after !== undefined) term.after = entry.after;
      return term;
    }),
  );
}

/**
 * Italian news words the Apertium Italian→Spanish dictionary lacks, with their English
 * (data/it/lexicon.yml). Used only for words the source analyser marks unknown (what Apertium
 * knows it translates itself), so a word here never overrides Apertium.
 */
export const NEWS_LEXICON: ReadonlyMap<string, string> = new Map(Object.entries(LEXICON.it));

/**
 * Apertium's dictionaries lack or mistranslate many proper names of international news
 * ("Mosca" → "Fly", "Usa" → "Uses", "Pechino" left as is). Before Apertium translates,
 * names of countries, cities, world regions and organisations from core's gazetteer are replaced by their
 * English names, which Apertium then passes through unchanged. People and outlets are left
 * alone (a surname is not translated, and "Repubblica" is also a common noun), as are
 * acronyms (Apertium keeps them) and a few aliases that are English words themselves.
 */
const KINDS = new Set(["country", "city", "region", "organization"]);
/** Aliases that are English names already (data/en/english-aliases.yml). */
const ENGLISH_NAMES: ReadonlySet<string> = new Set(ENGLISH_ALIASES.en);

/**
 * The names by their first word, longest first: a text is read word by word and each word
 * that starts a name is tried against that word's names only. (One regular expression of
 * every alias, as before, took a tenth of a second to compile and a quarter of a
 * millisecond a sentence to run, as long as the rest of the Node side of translation.)
 */
interface Glossary {
  byFirstWord: Map<string, Array<{ alias: string; english: string }>>;
}

let glossary: Glossary | undefined;

/** The first word of a name: its leading run of letters. */
const FIRST_WORD = /^\p{L}+/u;

function buildGlossary(): Glossary {
  const names = new Map<string, string>();
  for (const actor of listActors()) {
    if (!KINDS.has(actor.kind)) continue;
    for (const alias of [actor.name, ...actor.aliases]) {
      if (names.has(alias) || ENGLISH_NAMES.has(alias)) continue;
      // Capitalised names with a lower-case letter: acronyms pass through Apertium as they are.
      if (!/^\p{Lu}/u.test(alias) || !/\p{Ll}/u.test(alias) || !/^[\p{L}\p{M}' .-]+$/u.test(alias)) continue;
      names.set(alias, actor.name);
    }
  }
  const byFirstWord = new Map<string, Array<{ alias: string; english: string }>>();
  // Longest first (the sort is stable): at one place the longest name wins.
  for (const alias of [...names.keys()].sort((a, b) => b.length - a.length)) {
    const first = FIRST_WORD.exec(alias)?.[0] ?? alias;
    const list = byFirstWord.get(first) ?? [];
    list.push({ alias, english: names.get(alias) ?? alias });
    byFirstWord.set(first, list);
  }
  return { byFirstWord };
}

/** A known name in a text: where it is and its English name. */
export type NameSpan = [start: number, end: number, english: string];

/** Where a name may start: a capital not preceded by a letter or digit, and the rest of its word. */
const NAME_START = /(?<![\p{L}\p{N}])\p{Lu}\p{L}*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Known non-English names of places and organisations in `text`, with their English names
 * ("Mosca" → "Moscow"; English names too, so that Apertium does not read "China" as Spanish).
 * Left to right, the longest name at each place, names not overlapping.
 */
export function englishNameSpans(text: string): NameSpan[] {
  glossary ??= buildGlossary();
  const { byFirstWord } = glossary;
  const spans: NameSpan[] = [];
  const words = new RegExp(NAME_START);
  for (let word = words.exec(text); word; word = words.exec(text)) {
    const start = word.index;
    for (const { alias, english } of byFirstWord.get(word[0]) ?? []) {
      const end = start + alias.length;
      if (!text.startsWith(alias, start)) continue;
      const next = text.codePointAt(end);
      if (next !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(next))) continue;
      spans.push([start, end, english]);
      words.lastIndex = end;
      break;
    }
  }
  return spans;
}

/** Beginnings of English names of countries and regions that take "the" (data/en/takes-the.yml). */
let takesThe: RegExp | undefined;

let articled: RegExp | undefined;

/**
 * Romance languages put an article before a country ("la Russia", "l'Europa"), and Apertium
 * carries it into English ("to the Russia"): "the" goes before the names that do not take it.
 */
export function withoutCountryArticles(english: string): string {
  if (!articled) {
    takesThe ??= new RegExp(`^(?:${TAKES_THE.en.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "u");
    const pattern = takesThe;
    const names = listActors()
      .filter((a) => (a.kind === "country" || a.kind === "region") && !pattern.test(a.name))
      .map((a) => a.name)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    articled = new RegExp(`\\b(?:the|The) (${names.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  }
  return english.replace(articled, (_match, name: string) => name);
}

/** A term of the news glossary found in a line: where, and its English. */
export type TermSpan = [start: number, end: number, english: string];

interface TermIndex {
  pattern: RegExp;
  bySurface: Map<string, GlossaryTerm[]>;
}

let termIndex: TermIndex | undefined;

/** A surface as the index keys it: curly apostrophes straight, runs of spaces as one. */
function surfaceKey(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, " ");
}

function lowerFirst(text: string): string {
  return (text[0] ?? "").toLowerCase() + text.slice(1);
}

function buildTermIndex(): TermIndex {
  const bySurface = new Map<string, GlossaryTerm[]>();
  for (const term of glossaryTerms()) {
    const list = bySurface.get(term.it);
    if (list) list.push(term);
    else bySurface.set(term.it, [term]);
  }
  const alternatives = [...bySurface.keys()]
    .sort((a, b) => b.length - a.length)
    .map((it) => {
      const body = escapeRegExp(it.slice(1)).replace(/'/g, "['’]").replace(/ /g, "\\s+");
      const first = it[0] ?? "";
      // A term in lower case also matches with a capital (a sentence start); a name only as written.
      const head = /\p{Ll}/u.test(first) ? `[${first}${first.toUpperCase()}]` : escapeRegExp(first);
      return head + body;
    });
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { pattern, bySurface };
}

/**
 * Terms of the Italian news glossary in `line` (offices, institutions, parties, economic and
 * military terms: "presidente del Consiglio" → "prime minister", "Corte dei conti" → "Court
 * of Audit"), longest first, with their English; a term with a context ("caccia" after "i")
 * only where the word before it is one of its context words.
 */
export function termSpans(line: string): TermSpan[] {
  termIndex ??= buildTermIndex();
  const spans: TermSpan[] = [];
  for (const match of line.matchAll(termIndex.pattern)) {
    const start = match.index ?? 0;
    const key = surfaceKey(match[0]);
    const candidates = termIndex.bySurface.get(key) ?? termIndex.bySurface.get(lowerFirst(key)) ?? [];
    const previous = /(\p{L}+)[^\p{L}]*$/u.exec(line.slice(0, start))?.[1]?.toLowerCase();
    const term = candidates.find(
      (t) => t.after === undefined || (previous !== undefined && t.after.includes(previous)),
    );
    if (!term) continue;
    const capital = /^\p{Lu}/u.test(match[0]) && /^\p{Ll}/u.test(term.it);
    const english = capital ? (term.en[0] ?? "").toUpperCase() + term.en.slice(1) : term.en;
    spans.push([start, start + match[0].length, english]);
  }
  return spans;
}

let hyphenated: RegExp | undefined;

/**
 * Names joined by a hyphen, kept as written: a person's name whose last part is hyphenated
 * ("Lai Ching-te", "Kim Jong-un": Apertium reads "te" as a word) and names with an Arabic
 * article or kin word ("al-Sisi", "bin-Salman").
 */
export function hyphenNameSpans(line: string): TermSpan[] {
  if (!hyphenated) {
    const particles = NAME_PARTICLES.map(
      (p) => `[${p[0]}${(p[0] ?? "").toUpperCase()}]${escapeRegExp(p.slice(1))}`,
    ).join("|");
    hyphenated = new RegExp(
      `(?<![\\p{L}\\p{N}-])(?:(?:\\p{Lu}\\p{Ll}+ )+\\p{Lu}\\p{Ll}*(?:-\\p{Ll}+)+|(?:${particles})-\\p{Lu}\\p{L}+)(?![\\p{L}\\p{N}-])`,
      "gu",
    );
  }
  return [...line.matchAll(hyphenated)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length, m[0]]);
}

let pivotWords: RegExp | undefined;

/** Spanish words the Spanish→English step left in the English ("millardos" → "billion"). */
export function withoutPivotLeftovers(english: string): string {
  const map = PIVOT_LEFTOVERS.es;
  pivotWords ??= new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${Object.keys(map).map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
    "gu",
  );
  return english.replace(pivotWords, (word) => map[word] ?? word);
}
