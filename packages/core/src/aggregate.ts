/**
 * Stances across articles: who stands where toward whom, over a corpus of records, and how
 * that changes over time. Records may come from JSON Lines written by any version, so every
 * field is read defensively: a malformed stance is left out, never a reason to throw.
 */
import type { Analysis, Evidence, StanceLabel } from "./types.js";

/** The size of the periods of {@link StancePair.periods}. */
export type StanceWindow = "day" | "week" | "month" | "year" | { days: number };

/** Options of {@link aggregateStances}. */
export interface AggregateStancesOptions {
  /**
   * `"actor"` (default): group by the state or organisation a holder or target speaks for
   * (`holderActor` / `targetActor`, falling back to `holder` / `target`); `"holder"`: by the
   * names as the texts give them.
   */
  by?: "actor" | "holder";
  /** Periods of the change over time (default `"month"`); records without a date are counted but in no period. */
  window?: StanceWindow;
  /** Count `NONE` stances too (default `false`: only FAVOR and AGAINST make a pair). */
  includeNone?: boolean;
  /** Most evidence references kept per pair (default 20; the counts are always complete). */
  maxEvidence?: number;
}

/** Where one stance of a pair was found. */
export interface StanceReference {
  /** The record's id. */
  id: string;
  date?: string;
  stance: StanceLabel;
  score?: number;
  /** The stance's evidence spans (offsets into the record's text or translation, as the record says). */
  evidence: Evidence[];
}

/** One period of a pair's change over time. */
export interface StancePeriod {
  /** The period's first day, `YYYY-MM-DD`. */
  start: string;
  favor: number;
  against: number;
  /** `favor - against`. */
  net: number;
}

/** Everything the corpus says about one holder → target pair. */
export interface StancePair {
  /** Absent for the texts' own stance toward the target. */
  holder?: string;
  target: string;
  favor: number;
  against: number;
  none: number;
  /** `favor - against`. */
  net: number;
  /** `net / (favor + against)`, in [-1, 1] (0 when there is no FAVOR or AGAINST). */
  balance: number;
  /** Records the pair appears in. */
  articles: number;
  /** Earliest and latest date of the records that hold the pair (`YYYY-MM-DD`), when they have dates. */
  first?: string;
  last?: string;
  /** Where the stances were found, in corpus order, at most `maxEvidence`. */
  references: StanceReference[];
  /** FAVOR / AGAINST per period, oldest first, only periods with stances. */
  periods: StancePeriod[];
}

const DAY_MS = 86_400_000;

/** The day of a date string (`2026-12-01`, `2026-12-01T08:00:00Z`…), or undefined. */
export function dayOf(date: unknown): string | undefined {
  if (typeof date !== "string" || date.length < 4 || date.length > 64) return undefined;
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of the period of `window` that holds `day`. */
export function periodOf(day: string, window: StanceWindow = "month"): string {
  if (window === "day") return day;
  if (window === "month") return `${day.slice(0, 7)}-01`;
  if (window === "year") return `${day.slice(0, 4)}-01-01`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (window === "week") {
    const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday first
    return new Date(ms - weekday * DAY_MS).toISOString().slice(0, 10);
  }
  const days = window.days;
  if (!(Number.isInteger(days) && days > 0))
    throw new TypeError(`window.days must be a whole number of at least 1, got ${String(days)}.`);
  const index = Math.floor(ms / DAY_MS / days);
  return new Date(index * days * DAY_MS).toISOString().slice(0, 10);
}

function name(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function checkOptions(options: AggregateStancesOptions): void {
  if (options === null || typeof options !== "object")
    throw new TypeError("aggregateStances options must be an object.");
  if (options.by !== undefined && options.by !== "actor" && options.by !== "holder") {
    throw new TypeError(`by must be "actor" or "holder", got ${JSON.stringify(options.by)}.`);
  }
  const w = options.window;
  if (w !== undefined && !["day", "week", "month", "year"].includes(w as string) && !(w && typeof w === "object")) {
    throw new TypeError(`window must be "day", "week", "month", "year" or { days: n }, got ${JSON.stringify(w)}.`);
  }
  if (w && typeof w === "object") periodOf("2000-01-01", w);
  const max = options.maxEvidence;
  if (max !== undefined && !(Number.isInteger(max) && max >= 0)) {
    throw new TypeError(`maxEvidence must be a whole number of 0 or more, got ${String(max)}.`);
  }
}

/**
 * For each holder → target pair across `records`: counts of FAVOR / AGAINST (and NONE),
 * net score, first and last date, evidence references, and the change over time by
 * `window`. Pairs come sorted by FAVOR + AGAINST, most first.
 */
export function aggregateStances(records: Iterable<Analysis>, options: AggregateStancesOptions = {}): StancePair[] {
  checkOptions(options);
  const byActor = (options.by ?? "actor") === "actor";
  const window = options.window ?? "month";
  const maxEvidence = options.maxEvidence ?? 20;
  const pairs = new Map<string, StancePair & { seen: Set<string>; byPeriod: Map<string, StancePeriod> }>();
  for (const record of records) {
    if (record === null || typeof record !== "object" || !Array.isArray(record.stances)) continue;
    const id = typeof record.id === "string" ? record.id : String(record.id);
    const day = dayOf(record.date);
    const period = day === undefined ? undefined : periodOf(day, window);
    for (const stance of record.stances as unknown[]) {
      if (stance === null || typeof stance !== "object") continue;
      const s = stance as Record<string, unknown>;
      const label = s.stance;
      if (label !== "FAVOR" && label !== "AGAINST" && label !== "NONE") continue;
      if (label === "NONE" && !options.includeNone) continue;
      const target = (byActor ? name(s.targetActor) : undefined) ?? name(s.target);
      if (target === undefined) continue;
      const holder = (byActor ? name(s.holderActor) : undefined) ?? name(s.holder);
      const key = `${holder ?? ""}\u0000${target}`;
      let pair = pairs.get(key);
      if (pair === undefined) {
        pair = {
          ...(holder === undefined ? {} : { holder }),
          target,
          favor: 0,
          against: 0,
          none: 0,
          net: 0,
          balance: 0,
          articles: 0,
          references: [],
          periods: [],
          seen: new Set(),
          byPeriod: new Map(),
        };
        pairs.set(key, pair);
      }
      if (label === "FAVOR") pair.favor++;
      else if (label === "AGAINST") pair.against++;
      else pair.none++;
      if (!pair.seen.has(id)) {
        pair.seen.add(id);
        pair.articles++;
      }
      if (day !== undefined) {
        if (pair.first === undefined || day < pair.first) pair.first = day;
        if (pair.last === undefined || day > pair.last) pair.last = day;
      }
      if (period !== undefined && label !== "NONE") {
        const slot = pair.byPeriod.get(period) ?? { start: period, favor: 0, against: 0, net: 0 };
        if (label === "FAVOR") slot.favor++;
        else slot.against++;
        slot.net = slot.favor - slot.against;
        pair.byPeriod.set(period, slot);
      }
      if (pair.references.length < maxEvidence) {
        const evidence = Array.isArray(s.evidence)
          ? (s.evidence as unknown[]).filter((e): e is Evidence => e !== null && typeof e === "object")
          : [];
        pair.references.push({
          id,
          ...(record.date === undefined ? {} : { date: record.date }),
          stance: label,
          ...(typeof s.score === "number" ? { score: s.score } : {}),
          evidence,
        });
      }
    }
  }
  return [...pairs.values()]
    .map(({ seen: _seen, byPeriod, ...pair }) => {
      const decided = pair.favor + pair.against;
      pair.net = pair.favor - pair.against;
      pair.balance = decided === 0 ? 0 : pair.net / decided;
      pair.periods = [...byPeriod.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      return pair;
    })
    .sort(
      (a, b) =>
        b.favor + b.against - (a.favor + a.against) ||
        b.articles - a.articles ||
        (a.holder ?? "").localeCompare(b.holder ?? "") ||
        a.target.localeCompare(b.target),
    );
}
