/**
 * Merging mentions into entities: one entity per canonical name, short forms linked to the
 * full name they stand for ("Smith" → "John Smith", "IMF" → "International Monetary Fund"),
 * one type per entity by weighted vote over its mentions.
 */
import type { Entity, EntityType, Mention, TextSource } from "@rassegna/core";

/** A mention with its type and canonical name, as a backend finds it. */
export interface TypedMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Canonical name when a gazetteer knows the name. */
  canonical?: string;
  /** Weight of the mention's type in the entity's vote: 3 gazetteer, 2 cue word or title, 1 guess. */
  strength: number;
}

/** A mention's weight in its entity's type: a bare guess counts little against any evidence. */
function voteOf(mention: TypedMention): number {
  return mention.strength <= 0 ? 0.25 : 1 + mention.strength;
}

const TYPES: EntityType[] = ["PERSON", "ORGANIZATION", "LOCATION"];

function surfaceKey(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/’/g, "'")
    .replace(/^(?:the|The|THE) /, "")
    .trim();
}

function initials(words: string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

/** Drops mentions that overlap an earlier, longer one; sorts by position. */
function withoutOverlaps(mentions: TypedMention[]): TypedMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TypedMention[] = [];
  for (const mention of sorted) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** Groups mentions into entities of one text. */
export function mergeMentions(found: TypedMention[], source: TextSource): Entity[] {
  const mentions = withoutOverlaps(found);
  // Which key each mention belongs to: the canonical name, else its surface form.
  const keyOf = mentions.map((m) => m.canonical ?? surfaceKey(m.text));
  const keys = new Map<string, { words: string[]; votes: Record<EntityType, number>; canonical: boolean }>();
  mentions.forEach((m, i) => {
    const key = keyOf[i]!;
    let entry = keys.get(key);
    if (!entry) {
      entry = { words: key.split(" "), votes: { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 }, canonical: false };
      keys.set(key, entry);
    }
    entry.votes[m.type] += voteOf(m);
    if (m.canonical !== undefined) entry.canonical = true;
  });
  const typeOf = (votes: Record<EntityType, number>): EntityType =>
    TYPES.reduce((best, type) => (votes[type] > votes[best] ? type : best), "PERSON" as EntityType);

  // Short forms: a one-word name that is the last (or first) word of exactly one longer
  // person name, or the first word or the initials of one longer organisation name.
  const link = new Map<string, string>();
  // Index the longer names by the words a short form could match: linear in the names.
  const candidates = new Map<string, Set<string>>();
  const index = (word: string, key: string) => {
    let set = candidates.get(word);
    if (!set) {
      set = new Set();
      candidates.set(word, set);
    }
    set.add(key);
  };
  for (const [key, entry] of keys) {
    if (entry.words.length < 2) continue;
    const type = typeOf(entry.votes);
    if (type === "PERSON") {
      index(entry.words[0]!, key);
      index(entry.words[entry.words.length - 1]!, key);
    } else if (type === "ORGANIZATION") {
      index(entry.words[0]!, key);
      const letters = initials(entry.words);
      if (letters.length >= 2) index(letters, key);
    }
  }
  for (const [key, entry] of keys) {
    if (entry.canonical || entry.words.length !== 1) continue;
    const targets = candidates.get(entry.words[0]!);
    if (targets?.size === 1) link.set(key, [...targets][0]!);
  }
  const linkedTo = new Set(link.values());
  // Keys with at least one mention that is more than a lone common word.
  const supported = new Set<string>();
  mentions.forEach((m, i) => {
    if (m.strength >= 0) supported.add(link.get(keyOf[i]!) ?? keyOf[i]!);
  });

  const entities = new Map<string, { entity: Entity; votes: Record<EntityType, number>; canonical: boolean }>();
  mentions.forEach((m, i) => {
    const ownKey = keyOf[i]!;
    const key = link.get(ownKey) ?? ownKey;
    const entry = keys.get(key)!;
    let group = entities.get(key);
    if (!group) {
      group = {
        entity: { name: key, type: "PERSON", source, mentions: [] },
        votes: { PERSON: 0, ORGANIZATION: 0, LOCATION: 0 },
        canonical: entry.canonical,
      };
      entities.set(key, group);
    }
    const mention: Mention = { start: m.start, end: m.end, text: m.text };
    group.entity.mentions.push(mention);
    // A short form takes the type of the name it stands for.
    if (key === ownKey) group.votes[m.type] += voteOf(m);
  });
  const out: Entity[] = [];
  for (const [key, { entity, votes, canonical }] of entities) {
    // Only weak mentions (lone common words) and no longer name they stand for: not a name.
    if (!linkedTo.has(key) && !supported.has(key)) continue;
    entity.type = typeOf(votes);
    if (!canonical) {
      // No canonical name known: the longest surface form names the entity.
      entity.name = entity.mentions.reduce(
        (a, m) => (surfaceKey(m.text).length > a.length ? surfaceKey(m.text) : a),
        "",
      );
    }
    out.push(entity);
  }
  return out;
}
