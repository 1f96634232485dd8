/**
 * Role nouns and titles linked to the person they name: "la premier", "il presidente
 * americano", "the French president", "il cancelliere" become mentions of the person's entity.
 *
 * A role noun counts when a determiner introduces it ("il premier", "del presidente", "the
 * president": one holder, not "un premier" or "i premier") and no name follows it as an
 * apposition ("il premier britannico Keir Starmer" is the name's title, already a mention).
 * Whose office it is: the noun itself ("cancelliere" → Germany), a demonym or a country next to
 * it ("presidente americano", "the French president", "presidente degli Stati Uniti"), else
 * nothing. It resolves to
 * 1. the person the article names who held that office (of that country, if one is said) on
 *    the article's date: the nearest named before the noun, else the first after it;
 * 2. else the office-holder the gazetteer knows for the article's date
 *    ({@link resolveOffice}), when the country is known (said, or the language's default for
 *    a noun that is not generic: "il premier" in Italian news is Italy's);
 * 3. else nothing: an unresolved role noun is not an entity.
 *
 * One text is read, so that each real mention is counted once: the original when role nouns of
 * its language are known (Italian, English), else the English translation.
 */
import {
  type Analysis,
  actorByName,
  defaultOfficeCountry,
  type Entity,
  escapeRegExp,
  foldName,
  lookupActor,
  lookupDemonym,
  type Mention,
  type OfficeRole,
  officesOf,
  type RoleGrammar,
  type RoleNoun,
  resolveOffice,
  roleGrammar,
  roleNouns,
  type TextField,
  type TextSource,
  toIso6391,
} from "@rassegna/core";

/** A role noun found in a text, with whose office it is when the text says. */
export interface RoleMention {
  start: number;
  end: number;
  text: string;
  role: OfficeRole;
  /** Canonical name of the country or body whose office it is, when the noun or the text says. */
  country?: string;
  generic: boolean;
}

const asPattern = (s: string): string => escapeRegExp(s).replace(/['’]/g, "['’]");
const WORD = "[\\p{L}\\p{M}][\\p{L}\\p{M}.'’-]*";

interface Matcher {
  language: string;
  grammar: RoleGrammar;
  nouns: Map<string, RoleNoun>;
  pattern: RegExp;
}

const matchers = new Map<string, Matcher | null>();

function matcherFor(language: string): Matcher | undefined {
  const cached = matchers.get(language);
  if (cached !== undefined) return cached ?? undefined;
  const grammar = roleGrammar(language);
  const nouns = roleNouns(language);
  if (!grammar || nouns.length === 0) {
    matchers.set(language, null);
    return undefined;
  }
  const determiners = [...grammar.determiners].sort((a, b) => b.length - a.length).map(asPattern);
  const alternatives = nouns.map(([noun]) => asPattern(noun).replace(/ /g, "\\s+"));
  // English puts the demonym or country before the noun ("the French president", "the US president").
  const before = language === "en" ? `(?:(${WORD}(?:\\s+${WORD})?)\\s+)??` : "";
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}])(?:${determiners.join("|")})(?:\\s+|(?<=['’]))${before}(${alternatives.join("|")})(?![\\p{L}\\p{M}])`,
    "giu",
  );
  const matcher: Matcher = { language, grammar, nouns: new Map(nouns), pattern };
  matchers.set(language, matcher);
  return matcher;
}

/** The country or body a word or name stands for as the holder's country ("americano", "Francia", "US"). */
function countryOf(words: string): string | undefined {
  const demonym = lookupDemonym(words);
  if (demonym) return demonym.name;
  const actor = lookupActor(words);
  if (!actor) return undefined;
  if (actor.kind === "country") return actor.name;
  if (actor.kind === "organization" || actor.kind === "institution") return actor.name;
  return undefined;
}

const NEXT_WORD = new RegExp(`^\\s*(${WORD})`, "u");
const NEXT_NAME = /^\s*((?:\p{Lu}[\p{L}\p{M}.'’-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|d[ei]|of|the))*)/u;

/** Role nouns of a text, with the country the noun or the words around it give. */
export function findRoleMentions(text: string, language: string): RoleMention[] {
  const matcher = matcherFor(language);
  if (!matcher) return [];
  const out: RoleMention[] = [];
  for (const match of text.matchAll(matcher.pattern)) {
    const nounText = match[2] ?? match[1] ?? "";
    const qualifierBefore = match[2] !== undefined ? match[1] : undefined;
    const noun = matcher.nouns.get(foldName(nounText).replace(/\s+/g, " ").replace(/’/g, "'"));
    if (!noun) continue;
    const nounStart = (match.index ?? 0) + match[0].length - nounText.length;
    let start = nounStart;
    let end = nounStart + nounText.length;
    let country = noun.country;
    if (qualifierBefore !== undefined) {
      const said = countryOf(qualifierBefore);
      // "the former president", "the new premier": another holder, or none in particular.
      if (!said) continue;
      country = said;
      start = (match.index ?? 0) + match[0].slice(0, -nounText.length).trimEnd().length - qualifierBefore.length;
    }
    let rest = text.slice(end);
    // A word after the noun that makes it another office ("presidente regionale").
    const folded = `${foldName(rest.trimStart())} `;
    if (matcher.grammar.blockers.some((b) => folded.startsWith(`${b} `) || folded.startsWith(`${b},`))) continue;
    // A demonym or a country after the noun ("il presidente americano", "il presidente Usa").
    const nextWord = NEXT_WORD.exec(rest)?.[1] ?? "";
    const after =
      nextWord === "" || qualifierBefore !== undefined
        ? undefined
        : (lookupDemonym(nextWord) ?? (lookupActor(nextWord)?.kind === "country" ? lookupActor(nextWord) : undefined));
    if (after) {
      country = after.name;
      end += rest.indexOf(nextWord) + nextWord.length;
      rest = text.slice(end);
    } else {
      // "presidente degli Stati Uniti", "president of France"; "presidente di Confindustria": another office.
      const joined = matchOf(rest, matcher.grammar);
      if (joined) {
        const said = countryOf(joined.name);
        if (!said) continue;
        country = said;
        end += joined.length;
        rest = text.slice(end);
      }
    }
    // A name right after the noun is what the noun titles ("il premier Starmer"): not a role mention.
    if (/^\s*,?\s*\p{Lu}/u.test(rest)) continue;
    // So is one after an adjective the data does not know as a demonym ("il premier kosovaro Albin
    // Kurti"), where adjectives follow the noun. A verb there ("la premier incontra Macron") is
    // left out too: a missed link is better than a wrong one.
    const adjective = matcher.grammar.adjectivesFollow
      ? /^\s+(\p{Ll}[\p{L}\p{M}'’-]*)\s+\p{Lu}/u.exec(rest)?.[1]
      : undefined;
    if (adjective && !matcher.grammar.determiners.includes(adjective) && !matcher.grammar.of.includes(adjective))
      continue;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      role: noun.role,
      ...(country ? { country } : {}),
      generic: noun.generic === true,
    });
  }
  return out;
}

/** "degli Stati Uniti" after a role noun: the name joined and how long the whole is. */
function matchOf(rest: string, grammar: RoleGrammar): { name: string; length: number } | undefined {
  const lower = rest.toLowerCase();
  for (const of of [...grammar.of].sort((a, b) => b.length - a.length)) {
    const lead = /^\s+/.exec(rest)?.[0] ?? "";
    if (!lower.startsWith(`${lead}${of}`)) continue;
    const after = rest.slice(lead.length + of.length);
    if (!/^(?:\s|(?<=['’]))/u.test(after) && !of.endsWith("'")) continue;
    const name = NEXT_NAME.exec(after)?.[1];
    if (!name) return undefined;
    return { name, length: lead.length + of.length + after.indexOf(name) + name.length };
  }
  return undefined;
}

/** One text of the article to read for role nouns. */
interface RoleText {
  text: string;
  language: string;
  source: TextSource;
  field: TextField;
}

/** "it-IT", "ita" → "it" (core's ISO table). */
function baseLanguage(code: string | undefined): string | undefined {
  return code === undefined ? undefined : toIso6391(code.split(/[-_]/)[0] ?? "");
}

function textsToRead(doc: Analysis): RoleText[] {
  const language = baseLanguage(doc.language?.code ?? doc.languageHint);
  const title = typeof doc.title === "string" && doc.title.trim() !== "" ? doc.title : undefined;
  if (language !== undefined && matcherFor(language)) {
    const texts: RoleText[] = [{ text: doc.text, language, source: "original", field: "text" }];
    if (title) texts.push({ text: title, language, source: "original", field: "title" });
    return texts;
  }
  const translation = doc.translation;
  const to = baseLanguage(translation?.to);
  if (!translation || to === undefined || !matcherFor(to)) return [];
  const texts: RoleText[] = [{ text: translation.text, language: to, source: "translation", field: "text" }];
  if (translation.title) texts.push({ text: translation.title, language: to, source: "translation", field: "title" });
  return texts;
}

const fieldOf = (m: Mention): TextField => m.field ?? "text";

/**
 * The person a role mention names: a holder the article names (nearest before, else first
 * after), else the gazetteer's holder for the date when the country is known.
 */
function resolveRole(
  role: RoleMention,
  where: RoleText,
  people: readonly Entity[],
  date: string | undefined,
): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const person of people) {
    const held = officesOf(person.name, date).some(
      (o) => o.role === role.role && (role.country === undefined || o.country === role.country),
    );
    if (!held) continue;
    for (const m of person.mentions) {
      if ((m.source ?? person.source) !== where.source || fieldOf(m) !== where.field) continue;
      // Before the noun: nearest wins; after it: only when none is before (distance offset).
      const distance = m.end <= role.start ? role.start - m.end : 1e9 + m.start - role.end;
      if (m.start < role.end && m.end > role.start) continue;
      if (!best || distance < best.distance) best = { name: person.name, distance };
    }
  }
  if (best) return best.name;
  const country = role.country ?? (role.generic ? undefined : defaultOfficeCountry(where.language));
  if (country === undefined) return undefined;
  return resolveOffice(role.role, country, date)?.name;
}

/** The article's date as an ISO day, when it has a readable one. */
function articleDay(doc: Analysis): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(doc.date ?? "")?.[0];
  return day && !Number.isNaN(Date.parse(day)) ? day : undefined;
}

/**
 * Links the article's role nouns to people (see the module comment): each resolved role noun
 * becomes a mention of the person's entity, which is added (with its Wikidata id) when the
 * article does not name the person. Returns the entities, the given ones changed in place.
 */
export function linkRoles(doc: Analysis, entities: Entity[]): Entity[] {
  const texts = textsToRead(doc);
  if (texts.length === 0) return entities;
  const date = articleDay(doc);
  const taken = (where: RoleText, start: number, end: number) =>
    entities.some((e) =>
      e.mentions.some(
        (m) => (m.source ?? e.source) === where.source && fieldOf(m) === where.field && m.start < end && m.end > start,
      ),
    );
  for (const where of texts) {
    for (const role of findRoleMentions(where.text, where.language)) {
      if (taken(where, role.start, role.end)) continue;
      const people = entities.filter((e) => e.type === "PERSON");
      const name = resolveRole(role, where, people, date);
      if (name === undefined) continue;
      const mention: Mention = { start: role.start, end: role.end, text: role.text, source: where.source };
      if (where.field === "title") mention.field = "title";
      let entity = entities.find((e) => e.type === "PERSON" && foldName(e.name) === foldName(name));
      if (!entity) {
        entity = { name, type: "PERSON", source: where.source, mentions: [] };
        const id = actorByName(name)?.id;
        if (id) entity.id = id;
        entities.push(entity);
      }
      entity.mentions.push(mention);
    }
  }
  return entities;
}
