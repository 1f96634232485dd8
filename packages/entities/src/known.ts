/**
 * Known names found as wholes: every stretch of up to eight words that the gazetteers know
 * ("Fratelli d'Italia", "Consiglio superiore della magistratura", "Kim Jong Un"). The rules
 * take them over their own partial spans; in a language the rules do not read, they are all
 * the entities there are to find (a German article that could not be translated still names
 * NATO, Friedrich Merz and Berlin).
 */
import { type EntityType, escapeRegExp, foldName, listActors } from "@rassegna/core";

import { gazetteerEntries, lookupName, namesOf } from "./gazetteer.js";
import { ACTOR_ALIASES } from "./generated/gazetteer.js";
import type { FoundMention } from "./rules/types.js";
import { list } from "./rules/words.js";

const MAX_WORDS = 8;
const LEADING = /^[«"“'‘([¿¡]+/u;
const TRAILING = /[»"”'’)\].,;:!?…]+$/u;

interface Word {
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    let start = match.index ?? 0;
    let end = start + match[0].length;
    const lead = LEADING.exec(match[0]);
    if (lead) start += lead[0].length;
    const trail = TRAILING.exec(text.slice(start, end));
    if (trail) end -= trail[0].length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

let firstWords: Map<string, number> | undefined;

/** Folded first words of known names, with the most words a name starting so has. */
function knownFirstWords(): Map<string, number> {
  if (firstWords) return firstWords;
  firstWords = new Map();
  const add = (name: string) => {
    const words = name.split(/\s+/);
    const first = foldName(words[0] ?? "");
    firstWords!.set(first, Math.max(firstWords!.get(first) ?? 0, words.length));
  };
  for (const actor of listActors()) for (const name of [actor.name, ...actor.aliases]) add(name);
  for (const { name, aliases } of gazetteerEntries()) for (const alias of [name, ...aliases]) add(alias);
  for (const alias of Object.keys(ACTOR_ALIASES)) add(alias);
  return firstWords;
}

let elidedOpener: RegExp | undefined;

/** "dell'", "l'", "all'" glued to the word after them (data/rules/elided-words.yml), either apostrophe. */
function elidedPrefix(): RegExp {
  if (elidedOpener) return elidedOpener;
  const forms = [...list("elided-words")].map((w) => escapeRegExp(w.replace(/['’]$/u, "")));
  elidedOpener = new RegExp(`^(?:${forms.join("|")})['’](?=\\p{L})`, "iu");
  return elidedOpener;
}

/**
 * Known names in `text`, longest first, not overlapping: names of `minWords` words or more, that
 * start with a capital letter (or are written exactly as the gazetteer writes them).
 */
export function findKnownNames(text: string, minWords = 1): FoundMention[] {
  const words = wordsOf(text);
  const out: FoundMention[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    // A name starts after its article ("la Cina", "the Fed"): the article is not part of it.
    if (list("leading-articles").has(text.slice(first.start, first.end).toLowerCase())) {
      i++;
      continue;
    }
    let taken = knownNameAt(text, words, i, first.start, minWords, out);
    // "dell'Associazione nazionale magistrati": an elided article or preposition glued to the
    // name's first word is not part of it (a name that starts so, "L'Aquila", is tried first).
    const elided = elidedPrefix().exec(text.slice(first.start, first.end));
    if (taken === 0 && elided) taken = knownNameAt(text, words, i, first.start + elided[0].length, minWords, out);
    if (taken === 0 && minWords <= 1) taken = compoundHead(text, first, out);
    i += taken > 0 ? taken : 1;
  }
  return out;
}

/**
 * "Nato-Gipfel", "AfD-Fraktion", "BSW-Gründerin": a German compound whose first part is a known
 * name names it (only where one-word names are looked for, the names-only reading of a language
 * the rules do not read); the whole word is tried first ("Bosnia-Erzegovina", "Rolls-Royce").
 */
function compoundHead(text: string, word: Word, out: FoundMention[]): number {
  const compound = /^(\p{Lu}[\p{L}\d]*)-\p{Lu}\p{Ll}/u.exec(text.slice(word.start, word.end));
  const head = compound?.[1];
  if (head === undefined || head.length < 2) return 0;
  const known = lookupName(head);
  if (!known) return 0;
  out.push(mention(word.start, word.start + head.length, text, known.type, known.name));
  return 1;
}

/** The known name that starts at `start` (inside word `i`), pushed to `out`; how many words it takes (0: none). */
function knownNameAt(
  text: string,
  words: Word[],
  i: number,
  start: number,
  minWords: number,
  out: FoundMention[],
): number {
  const startsName = /^\p{Lu}/u.test(text.slice(start, start + 1));
  // Only where a known name can start, and no longer than the longest that starts so.
  const longest = knownFirstWords().get(foldName(text.slice(start, words[i]!.end))) ?? 0;
  for (let n = Math.min(MAX_WORDS, longest, words.length - i); n >= minWords; n--) {
    const last = words[i + n - 1]!;
    // A name does not run over punctuation between its words.
    if (n > 1 && /[.,;:!?»)]$/u.test(text.slice(words[i + n - 2]!.end, last.start).trim())) continue;
    const surface = text.slice(start, last.end);
    if (/[.,;:!?]\s/u.test(surface)) continue;
    const known = lookupName(surface);
    if (!known) continue;
    // In lower case only as the gazetteer writes it: a name or an alias ("von der Leyen").
    if (!startsName && known.name !== surface && !(n > 1 && namesOf(known.name).includes(surface))) continue;
    // Written as the gazetteer writes it (or in capitals): "Islamic state" is not "Islamic State".
    if (n > 1 && !/^[^\p{Ll}]+$/u.test(surface) && !namesOf(known.name).some((name) => sameWriting(name, surface)))
      continue;
    // One capitalised word alone: only a name the gazetteer writes so, not a common word's capital.
    if (n === 1 && !/^\p{Lu}/u.test(surface)) continue;
    out.push(mention(start, last.end, text, known.type, known.name));
    return n;
  }
  return 0;
}

/** Same words with the same capitals, accents and apostrophes aside. */
function sameWriting(name: string, surface: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[’`]/g, "'");
  return norm(name) === norm(surface);
}

function mention(start: number, end: number, text: string, type: EntityType, canonical: string): FoundMention {
  return { start, end, text: text.slice(start, end), type, strength: 3, canonical, rule: "gazetteer-whole" };
}

/**
 * The rules' mentions with known multi-word names put in: a known name replaces the shorter
 * mentions it covers; a mention of the rules with the same span (typed by its context: "New
 * York" the team) or a longer one that contains it stays.
 */
export function withKnownNames(found: FoundMention[], text: string): FoundMention[] {
  const known = findKnownNames(text, 2);
  if (known.length === 0) return found;
  const kept = found.filter(
    (m) => !known.some((k) => k.start <= m.start && k.end >= m.end && (k.start < m.start || k.end > m.end)),
  );
  const added = known.filter(
    (k) => !kept.some((m) => m.start < k.end && k.start < m.end && (m.start < k.start || m.end > k.end)),
  );
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
