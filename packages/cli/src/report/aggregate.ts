// Corpus-wide figures of the report: the stance matrix and entity frequencies. Records come
// from JSON Lines written by any version of the command, so every field is read defensively.
import {
  type Analysis,
  aggregateStances,
  type Entity,
  type StageError,
  type Stance,
  type StancePair,
  type StanceWindow,
} from "@rassegna/core";

/** Row label of the matrix for stances without a holder: the article's own stance. */
export const OWN_STANCE = "(article itself)";

export function entitiesOf(record: Analysis): Entity[] {
  return Array.isArray(record.entities)
    ? record.entities
        .filter((e) => e && typeof e === "object" && typeof e.name === "string")
        .map((e) =>
          Array.isArray(e.mentions) ? { ...e, mentions: e.mentions.filter((m) => m && typeof m === "object") } : e,
        )
    : [];
}

export function stancesOf(record: Analysis): Stance[] {
  return Array.isArray(record.stances)
    ? record.stances
        .filter((s) => s && typeof s === "object" && typeof s.target === "string")
        .map((s) => ({
          ...s,
          evidence: Array.isArray(s.evidence) ? s.evidence.filter((e) => e && typeof e === "object") : [],
        }))
    : [];
}

export function errorsOf(record: Analysis): StageError[] {
  return Array.isArray(record.errors) ? record.errors.filter((e) => e && typeof e === "object") : [];
}

const isObject = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value);
const kind = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "an array"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`;

/**
 * What {@link entitiesOf}, {@link stancesOf} and {@link errorsOf} leave out of a record (an
 * entity, mention, stance, evidence span or error that is not an object, or lacks its name),
 * said in words, so that the report names it instead of dropping it unseen.
 */
export function malformedParts(record: Analysis): string[] {
  const out: string[] = [];
  const list = (value: unknown, field: string): unknown[] => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    out.push(`"${field}" is ${kind(value)}, not a list`);
    return [];
  };
  list(record.entities, "entities").forEach((entity, i) => {
    if (!isObject(entity) || typeof (entity as Entity).name !== "string") {
      out.push(`entities[${i}] is ${isObject(entity) ? "an entity without a name" : kind(entity)}`);
      return;
    }
    list((entity as Entity).mentions, `entities[${i}].mentions`).forEach((mention, j) => {
      if (!isObject(mention))
        out.push(`entities[${i}].mentions[${j}] (of "${(entity as Entity).name}") is ${kind(mention)}`);
    });
  });
  list(record.stances, "stances").forEach((stance, i) => {
    if (!isObject(stance) || typeof (stance as Stance).target !== "string") {
      out.push(`stances[${i}] is ${isObject(stance) ? "a stance without a target" : kind(stance)}`);
      return;
    }
    list((stance as Stance).evidence, `stances[${i}].evidence`).forEach((evidence, j) => {
      if (!isObject(evidence)) out.push(`stances[${i}].evidence[${j}] is ${kind(evidence)}`);
    });
  });
  list(record.errors, "errors").forEach((error, i) => {
    if (!isObject(error)) out.push(`errors[${i}] is ${kind(error)}`);
  });
  return out;
}

export interface StanceCell {
  favor: number;
  against: number;
  none: number;
  /** Articles that hold the pair. */
  articleCount: number;
  /** Ids of the first articles that contributed, in corpus order (at most a few: see `articleCount`). */
  articles: string[];
}

export interface StanceMatrix {
  holders: string[];
  targets: string[];
  cell(holder: string, target: string): StanceCell | undefined;
  /** Holders and targets left out of the matrix to keep it readable. */
  hiddenHolders: number;
  hiddenTargets: number;
  /** Largest FAVOR + AGAINST count of a shown cell (for colour intensity). */
  maxCount: number;
  /** The pairs, most FAVOR + AGAINST first (from core's `aggregateStances`). */
  pairs: StancePair[];
}

interface Tally {
  decided: number;
  total: number;
}

function rank(tallies: Map<string, Tally>, limit: number): { shown: string[]; hidden: number } {
  const sorted = [...tallies.entries()]
    .sort(([a, x], [b, y]) => y.decided - x.decided || y.total - x.total || a.localeCompare(b))
    .map(([name]) => name);
  return { shown: sorted.slice(0, limit), hidden: Math.max(0, sorted.length - limit) };
}

function bump(tallies: Map<string, Tally>, name: string, decided: number, total: number): void {
  const tally = tallies.get(name) ?? { decided: 0, total: 0 };
  tally.total += total;
  tally.decided += decided;
  tallies.set(name, tally);
}

/** Article ids a cell's tooltip names at most. */
const CELL_IDS = 5;

/**
 * Counts FAVOR / AGAINST / NONE per (holder, target) across all records, by the actor each
 * holder and target speaks for (`holderActor` / `targetActor`, else the names given).
 */
export function buildStanceMatrix(records: readonly Analysis[], limit = 16, window?: StanceWindow): StanceMatrix {
  const pairs = aggregateStances(records, {
    by: "actor",
    includeNone: true,
    maxEvidence: 64,
    ...(window === undefined ? {} : { window }),
  });
  const cells = new Map<string, StanceCell>();
  const holderTally = new Map<string, Tally>();
  const targetTally = new Map<string, Tally>();
  const key = (holder: string, target: string) => `${holder}\u0000${target}`;
  for (const pair of pairs) {
    const holder = pair.holder ?? OWN_STANCE;
    const articles: string[] = [];
    for (const reference of pair.references) {
      if (articles.length >= CELL_IDS) break;
      if (!articles.includes(reference.id)) articles.push(reference.id);
    }
    cells.set(key(holder, pair.target), {
      favor: pair.favor,
      against: pair.against,
      none: pair.none,
      articleCount: pair.articles,
      articles,
    });
    const decided = pair.favor + pair.against;
    const total = decided + pair.none;
    bump(holderTally, holder, decided, total);
    bump(targetTally, pair.target, decided, total);
  }
  const holders = rank(holderTally, limit);
  const targets = rank(targetTally, limit);
  let maxCount = 0;
  for (const h of holders.shown) {
    for (const t of targets.shown) {
      const c = cells.get(key(h, t));
      if (c) maxCount = Math.max(maxCount, c.favor + c.against);
    }
  }
  return {
    holders: holders.shown,
    targets: targets.shown,
    cell: (holder, target) => cells.get(key(holder, target)),
    hiddenHolders: holders.hidden,
    hiddenTargets: targets.hidden,
    maxCount,
    pairs,
  };
}

export interface EntityCount {
  name: string;
  type: string;
  /** Articles that mention it (in either text). */
  articles: number;
  mentions: number;
}

/** Entity frequency across the corpus: one row per (name, type), mentions of both texts added up. */
export function countEntities(records: readonly Analysis[]): EntityCount[] {
  const counts = new Map<string, EntityCount & { ids: Set<string> }>();
  for (const record of records) {
    for (const entity of entitiesOf(record)) {
      const type = typeof entity.type === "string" ? entity.type : "OTHER";
      const key = `${entity.name}\u0000${type}`;
      const count = counts.get(key) ?? { name: entity.name, type, articles: 0, mentions: 0, ids: new Set<string>() };
      count.ids.add(record.id);
      count.articles = count.ids.size;
      count.mentions += Array.isArray(entity.mentions) ? entity.mentions.length : 0;
      counts.set(key, count);
    }
  }
  return [...counts.values()]
    .map(({ ids: _ids, ...count }) => count)
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
}
