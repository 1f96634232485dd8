/**
 * One entity per real-world thing per article: the passes over the original text, its title,
 * the translation and the translated title are combined here.
 *
 * - A translation entity needs a source-side counterpart: either a canonical name the
 *   gazetteer knows, or words that are in the source sentence its mention translates ("Serious
 *   League" from "Lega Serie A", "Joint" from "presidente del Consiglio" are dropped).
 * - Entities of both texts meet by canonical name, by a person's surname, and by the same name
 *   in the same aligned sentence; the gazetteer's name wins, then the original's.
 * - Each real mention is counted once: a translation mention whose source sentence holds a
 *   mention of the same entity is the same mention (the original's is kept).
 */
import {
  actorByName,
  type Entity,
  type EntityType,
  foldName,
  type Mention,
  type Span,
  type TextField,
  type TextSource,
  type TranslationSegment,
  wordsOf,
} from "@rassegna/core";

import { lookupName, namesOf } from "./gazetteer.js";
import { BARE_HEADS } from "./generated/heads.js";
import { eitherCaseFirst, escapeRegExp, list } from "./rules/words.js";

const ITALIAN_BARE_HEADS = BARE_HEADS.it;

/**
 * The article a name may carry before it, in Italian and English text (core's definite
 * articles: "il ", "the ", "l'"), as a pattern. `anyCase`: the first letter either case and
 * either apostrophe ("Il Consiglio", "L’Aquila"), for forms as written; else folded forms.
 */
function leadingArticle(anyCase: boolean): RegExp {
  const articles = [...wordsOf("definite-articles", "it"), ...wordsOf("definite-articles", "en")];
  const written = anyCase ? eitherCaseFirst : escapeRegExp;
  const spaced = articles.filter((a) => !a.endsWith("'")).map(written);
  const elided = articles.filter((a) => a.endsWith("'")).map((a) => written(a.slice(0, -1)));
  return new RegExp(`^(?:${spaced.join("|")})\\s+|^(?:${elided.join("|")})${anyCase ? "['’]" : "'"}`, "u");
}
/** "Il Consiglio dei ministri" → "Consiglio dei ministri" (forms as written). */
const WRITTEN_ARTICLE = leadingArticle(true);
/** "il consiglio dei ministri" → "consiglio dei ministri" (folded forms). */
const FOLDED_ARTICLE = leadingArticle(false);

/** The entities one pass found in one text, and where that text sits. */
export interface PassResult {
  entities: Entity[];
  source: TextSource;
  field: TextField;
  /** For a translation pass: the text it translates, and the sentence alignment. */
  sourceText?: string;
  segments?: readonly TranslationSegment[];
  /** Language of the text the pass read (ISO 639-1). */
  language?: string;
  /** For a translation pass: the language of the text it translates. */
  sourceLanguage?: string;
}

/** Words of a name that must be found on the source side (letters only, folded). */
function nameWords(text: string): string[] {
  return foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !SKIP_WORDS.has(w));
}

/** Articles and links that translation adds or changes around names. */
const SKIP_WORDS = list("alignment-skip-words");

function segmentOf(segments: readonly TranslationSegment[], start: number): TranslationSegment | undefined {
  return segments.find((s) => start >= s.target.start && start < s.target.end);
}

/** True when the name is the canonical name of a gazetteer entry. */
export function isCanonical(name: string): boolean {
  const known = lookupName(name);
  return known !== undefined && foldName(known.name) === foldName(name);
}

/**
 * The mentions of a translation entity that have a source-side counterpart: every word of the
 * mention is in the source sentence it translates (a name passed through translation).
 */
function verifiedMentions(entity: Entity, pass: PassResult, canonical: boolean): Mention[] {
  if (!pass.segments || pass.sourceText === undefined) return entity.mentions;
  const out: Mention[] = [];
  // A known name: one of its names is in the source sentence ("Italia" for "Italy").
  const known = canonical ? namesOf(entity.name).map((n) => ` ${nameWords(n).join(" ")} `) : [];
  for (const mention of entity.mentions) {
    const segment = segmentOf(pass.segments, mention.start);
    if (!segment) continue;
    const sourceWords = nameWords(pass.sourceText.slice(segment.source.start, segment.source.end));
    const source = new Set(sourceWords);
    const words = nameWords(mention.text);
    if (words.length > 0 && words.every((w) => source.has(w))) out.push(mention);
    else if (known.length > 0) {
      const joined = ` ${sourceWords.join(" ")} `;
      if (known.some((n) => n.trim() !== "" && joined.includes(n))) out.push(mention);
    }
  }
  return out;
}

/** The gazetteer's name for an entity found under another form ("Il Consiglio dei ministri"). */
function resolved(entity: Entity): Entity {
  if (isCanonical(entity.name)) return entity;
  for (const form of [entity.name, ...entity.mentions.map((m) => m.text)]) {
    const known = lookupName(form.replace(WRITTEN_ARTICLE, ""));
    if (known) return { ...entity, name: known.name, type: known.type };
  }
  return entity;
}

interface Group {
  name: string;
  type: EntityType;
  canonical: boolean;
  /** Votes for the type: the gazetteer's type, else the passes' (original first). */
  votes: Record<EntityType, number>;
  mentions: Mention[];
  aliases: Set<string>;
  /** A lone Italian head noun ("Corte", "Commissione"): it stands for a body named in full. */
  bareHead?: string;
}

const TYPES: EntityType[] = ["PERSON", "ORGANIZATION", "LOCATION"];

/** Combines the passes into the article's entities (see the module comment). */
export function combinePasses(passes: readonly PassResult[]): Entity[] {
  const groups: Group[] = [];
  const byName = new Map<string, Group>();
  const bySurname = new Map<string, Group[]>();
  // Original passes first: their names and spans are the article's own.
  const ordered = [...passes].sort((a, b) => rank(a) - rank(b));
  for (const pass of ordered) {
    for (const found of pass.entities) {
      const entity = resolved(found);
      const canonical = isCanonical(entity.name);
      const mentions = (
        pass.source === "translation" ? verifiedMentions(entity, pass, canonical) : entity.mentions
      ).map((m): Mention => {
        const tagged: Mention = { ...m, source: pass.source };
        if (pass.field === "title") tagged.field = "title";
        if (pass.source === "translation" && pass.segments) {
          const segment = segmentOf(pass.segments, m.start);
          if (segment) tagged.sourceSpan = { ...segment.source };
        }
        return tagged;
      });
      if (mentions.length === 0) continue;
      const key = foldName(entity.name);
      let group = byName.get(key);
      // A translation's shorter form of a name the original gives in full in the same sentence
      // ("Abdel Fattah" for "Abdel Fattah al-Sisi", "Mazara" for "Mazara del Vallo").
      if (!group && pass.source === "translation" && !canonical) group = alignedGroup(mentions, groups);
      const bare = foldName(entity.name).replace(FOLDED_ARTICLE, "");
      const head =
        (pass.language === "it" || pass.sourceLanguage === "it") && !canonical && !bare.includes(" ")
          ? bare
          : undefined;
      // "Tebboune" in a title, typed a place by a guess: a lone word no gazetteer knows that is the
      // surname of the one person the article names in full is that person, whatever its guess.
      let bySurnameOnly = false;
      if (!group && (entity.type === "PERSON" || !canonical) && !entity.name.includes(" ")) {
        const longer = bySurname.get(key);
        if (longer?.length === 1) {
          group = longer[0];
          bySurnameOnly = true;
        }
      }
      if (!group && entity.type === "PERSON" && entity.name.includes(" ")) {
        // "Rossi" seen first, "Mario Rossi" now: the full name takes the short one in.
        const short = byName.get(foldName(entity.name.split(" ").pop() ?? ""));
        if (short && short.type === "PERSON" && !short.canonical) {
          byName.delete(foldName(short.name));
          short.name = entity.name;
          group = short;
        }
      }
      if (!group) {
        group = {
          name: entity.name,
          type: entity.type,
          canonical,
          votes: { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 },
          mentions: [],
          aliases: new Set(),
        };
        if (head !== undefined && ITALIAN_BARE_HEADS[head]) group.bareHead = head;
        groups.push(group);
      } else if (canonical && !group.canonical) {
        group.name = entity.name;
        group.canonical = true;
      }
      byName.set(foldName(group.name), group);
      byName.set(key, group);
      if (group.type === "PERSON" && group.name.includes(" ")) {
        const last = foldName(group.name.split(" ").pop() ?? "");
        const list = bySurname.get(last) ?? [];
        if (!list.includes(group)) bySurname.set(last, [...list, group]);
      }
      // The original's type counts more than the translation's; the gazetteer's decides.
      group.votes[bySurnameOnly ? "PERSON" : entity.type] += canonical ? 10 : pass.source === "original" ? 2 : 1;
      for (const m of mentions) {
        group.mentions.push(m);
        group.aliases.add(m.text);
      }
    }
  }
  return resolveBareHeads(groups).map(finish);
}

/** The first word of a name, without an article ("la Corte dei conti" → "corte"). */
function headWord(form: string): string {
  return (
    foldName(form)
      .replace(FOLDED_ARTICLE, "")
      .split(/[\s']+/)[0] ?? ""
  );
}

/**
 * A lone head noun joins the one body of the article named in full with that head ("Corte" →
 * Court of Audit after "Corte dei conti"); without one it is the body the data names for it
 * ("Camera" → Chamber of Deputies (Italy)), when the article meets the condition; else it names
 * nothing.
 */
function resolveBareHeads(groups: Group[]): Group[] {
  const kept = groups.filter((g) => g.bareHead === undefined);
  const present = new Set(kept.map((g) => foldName(g.name)));
  for (const group of groups) {
    const head = group.bareHead;
    if (head === undefined) continue;
    const targets = kept.filter((g) =>
      [g.name, ...g.aliases, ...(g.canonical ? namesOf(g.name) : [])].some(
        (form) => form.includes(" ") && headWord(form) === head,
      ),
    );
    let target = targets.length === 1 ? targets[0] : undefined;
    const rule = ITALIAN_BARE_HEADS[head];
    if (!target && rule?.name && (!rule.when || rule.when.some((n) => present.has(foldName(n))))) {
      target = kept.find((g) => foldName(g.name) === foldName(rule.name as string));
      if (!target) {
        const known = lookupName(rule.name);
        target = { ...group, name: rule.name, canonical: true, bareHead: undefined, type: known?.type ?? group.type };
        target.votes = { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 };
        target.votes[target.type] = 10;
        target.mentions = [];
        target.aliases = new Set();
        kept.push(target);
        present.add(foldName(rule.name));
      }
    }
    if (!target) continue;
    target.mentions.push(...group.mentions);
    for (const alias of group.aliases) target.aliases.add(alias);
  }
  return kept;
}

/** The original-side group with a mention in the mention's source sentence that holds all its words. */
function alignedGroup(mentions: Mention[], groups: Group[]): Group | undefined {
  for (const m of mentions) {
    const span = m.sourceSpan;
    if (!span) continue;
    const words = nameWords(m.text);
    if (words.length === 0) continue;
    for (const group of groups) {
      for (const o of group.mentions) {
        if (o.source !== "original" || (o.field ?? "text") !== (m.field ?? "text")) continue;
        if (o.start < span.start || o.end > span.end) continue;
        const theirs = new Set(nameWords(o.text));
        if (theirs.size > words.length && words.every((w) => theirs.has(w))) return group;
      }
    }
  }
  return undefined;
}

function rank(pass: PassResult): number {
  return (pass.source === "original" ? 0 : 2) + (pass.field === "text" ? 0 : 1);
}

function inside(span: Span | undefined, m: Mention): boolean {
  return span !== undefined && m.start >= span.start && m.end <= span.end;
}

/** Drops translation mentions that are the same mention as an original one of the same sentence. */
function countOnce(mentions: Mention[]): Mention[] {
  const originals = mentions.filter((m) => m.source !== "translation");
  const used = new Set<Mention>();
  const out: Mention[] = [...originals];
  for (const m of mentions) {
    if (m.source !== "translation") continue;
    const twin = originals.find(
      (o) => !used.has(o) && (o.field ?? "text") === (m.field ?? "text") && inside(m.sourceSpan, o),
    );
    if (twin) {
      used.add(twin);
      continue;
    }
    out.push(m);
  }
  return out;
}

function finish(group: Group): Entity {
  const type = TYPES.reduce((best, t) => (group.votes[t] > group.votes[best] ? t : best), group.type);
  const mentions = countOnce(group.mentions);
  const source: TextSource = mentions.some((m) => m.source === "original") ? "original" : "translation";
  const entity: Entity = { name: group.name, type, source, mentions };
  const known = lookupName(group.name);
  const actor = known ? actorByName(known.name) : undefined;
  if (known && foldName(known.name) === foldName(group.name)) entity.type = known.type;
  if (actor?.id) entity.id = actor.id;
  const aliases = [...group.aliases].filter((a) => a !== group.name);
  if (aliases.length > 0) entity.aliases = aliases;
  return entity;
}
