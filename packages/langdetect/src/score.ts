/**
 * Scores tokens against the model: each word's log-probability in each candidate language is a
 * mixture of the word list (Zipf probability of the word's rank) and a character 4-gram model with
 * backoff, so a frequent word counts as strong evidence and any other word still counts through its
 * spelling. Summed over the words of a text, that is a naive-Bayes log-likelihood per language.
 */
import { findKey, type Model, wordLogProbability } from "./model.js";

export interface ScoreParams {
  /** Share of a language's word mass that its word list covers. */
  listWeight: number;
  /** Log-penalty for each order a character n-gram backs off. */
  backoff: number;
  /** Log-probability of a character a language never uses. */
  floor: number;
  /**
   * Most a word that looks like a name (capitalised inside a sentence, or all capitals) can put a
   * language behind the word's best language, in nats: "Bruxelles", "Macron" or "ROMA" say where a
   * story happens, not what language it is written in.
   */
  nameCap: number;
  /** Most any one word can put a language behind the word's best language, in nats. */
  wordCap: number;
  /** Candidates this far (in nats) behind the leader are dropped, once `minWords` words are read. */
  prune: number;
  /** Words read (spread over the text) before any candidate is dropped. */
  minWords: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = {
  listWeight: 0.8,
  backoff: -1,
  floor: -12,
  nameCap: 4,
  wordCap: 50,
  prune: 40,
  minWords: 3,
};

/** Scratch arrays reused across calls (detection is synchronous, so one set suffices). */
const scratch = {
  size: 0,
  mark: new Int32Array(0),
  positionLog: new Float64Array(0),
  charLog: new Float64Array(0),
  isCandidate: new Uint8Array(0),
  wordLog: new Float64Array(0),
  stamp: 0,
};
const offsets: number[] = [];

function ensureScratch(languages: number): void {
  if (scratch.size >= languages) return;
  scratch.size = languages;
  scratch.mark = new Int32Array(languages);
  scratch.positionLog = new Float64Array(languages);
  scratch.charLog = new Float64Array(languages);
  scratch.isCandidate = new Uint8Array(languages);
  scratch.wordLog = new Float64Array(languages);
}

/**
 * log P(token) in each language of `langs` (the first `count` of them), into `out[lang]`.
 * Returns the number of characters scored (the closing boundary included).
 */
function scoreWord(
  model: Model,
  token: string,
  langs: readonly number[],
  count: number,
  out: Float64Array,
  params: ScoreParams,
): number {
  const { mark, positionLog, charLog, isCandidate } = scratch;
  let stamp = scratch.stamp;
  const { grams, words, orders } = model;
  const gramLangs = grams.langs;
  const gramValues = grams.values;
  const gramStart = grams.entryStart;
  const { floor, backoff } = params;
  isCandidate.fill(0);
  for (let c = 0; c < count; c++) isCandidate[langs[c] as number] = 1;
  const padded = ` ${token} `;
  offsets.length = 0;
  for (let i = 0; i < padded.length; i++) {
    const c = padded.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) continue;
    offsets.push(i);
  }
  offsets.push(padded.length);
  const positions = offsets.length - 1;
  for (let c = 0; c < count; c++) charLog[langs[c] as number] = 0;
  for (let i = 1; i < positions; i++) {
    stamp++;
    let covered = 0;
    for (let n = orders; n >= 1 && covered < count; n--) {
      const from = i - n + 1;
      if (from < 0) continue;
      const key = findKey(grams, padded, offsets[from] as number, offsets[i + 1] as number);
      if (key < 0) continue;
      const end = gramStart[key + 1] as number;
      const penalty = backoff * (orders - n);
      for (let k = gramStart[key] as number; k < end; k++) {
        const lang = gramLangs[k] as number;
        if (isCandidate[lang] === 1 && mark[lang] !== stamp) {
          mark[lang] = stamp;
          positionLog[lang] = (gramValues[k] as number) * -0.1 + penalty;
          covered++;
        }
      }
    }
    for (let c = 0; c < count; c++) {
      const lang = langs[c] as number;
      charLog[lang] = (charLog[lang] as number) + (mark[lang] === stamp ? (positionLog[lang] as number) : floor);
    }
  }
  stamp++;
  const logList = Math.log(params.listWeight);
  const logChars = Math.log(1 - params.listWeight);
  const key = findKey(words, token, 0, token.length);
  if (key >= 0) {
    const end = words.entryStart[key + 1] as number;
    for (let k = words.entryStart[key] as number; k < end; k++) {
      const lang = words.langs[k] as number;
      mark[lang] = stamp;
      positionLog[lang] = wordLogProbability(model, lang, words.values[k] as number) + logList;
    }
  }
  for (let c = 0; c < count; c++) {
    const lang = langs[c] as number;
    const chars = (charLog[lang] as number) + logChars;
    if (mark[lang] === stamp) {
      const listed = positionLog[lang] as number;
      const hi = Math.max(listed, chars);
      const lo = Math.min(listed, chars);
      out[lang] = hi + Math.log1p(Math.exp(lo - hi));
    } else {
      out[lang] = chars;
    }
  }
  scratch.stamp = stamp;
  return positions - 1;
}

/**
 * Word scores by candidate set: frequent words recur across texts, so most are scored once. Each
 * set keeps its scores in one flat array (a word's row: its score per candidate, `NaN` where not yet
 * computed, then the number of characters scored), found through a map from the word to its row.
 */
interface WordCache {
  rows: Map<string, number>;
  pool: Float64Array;
  width: number;
}
const caches = new Map<string, WordCache>();
/** Words kept per candidate set before its cache starts afresh. */
const CACHE_WORDS = 32_768;
/** Candidate sets kept (one per script and option set in use) before all start afresh. */
const CACHE_SETS = 16;

let lastCandidates: readonly number[] = [];
let lastParams: ScoreParams | undefined;
let lastCache: WordCache | undefined;

function cacheFor(candidates: readonly number[], params: ScoreParams): WordCache {
  if (
    lastCache &&
    lastParams === params &&
    lastCandidates.length === candidates.length &&
    candidates.every((lang, i) => lastCandidates[i] === lang)
  )
    return lastCache;
  const key = `${candidates.join(",")}|${params.listWeight},${params.backoff},${params.floor}`;
  const width = candidates.length + 1;
  let cache = caches.get(key);
  if (!cache) {
    if (caches.size >= CACHE_SETS) caches.clear();
    cache = { rows: new Map(), pool: new Float64Array(CACHE_WORDS * width), width };
    caches.set(key, cache);
  }
  lastCandidates = [...candidates];
  lastParams = params;
  lastCache = cache;
  return cache;
}

const missing: number[] = [];
const missingAt: number[] = [];

/** The row of one word's scores in `cache.pool`, with the scores of the candidates at `live` computed. */
function wordRow(
  model: Model,
  token: string,
  candidates: readonly number[],
  live: readonly number[],
  cache: WordCache,
  params: ScoreParams,
): number {
  const pool = cache.pool;
  const count = candidates.length;
  let row = cache.rows.get(token);
  if (row === undefined) {
    if (cache.rows.size >= CACHE_WORDS) cache.rows.clear();
    row = cache.rows.size * cache.width;
    pool.fill(Number.NaN, row, row + count + 1);
    cache.rows.set(token, row);
  }
  missing.length = 0;
  missingAt.length = 0;
  for (const at of live) {
    if (Number.isNaN(pool[row + at] as number)) {
      missing.push(candidates[at] as number);
      missingAt.push(at);
    }
  }
  if (missing.length > 0) {
    const wordLog = scratch.wordLog;
    pool[row + count] = scoreWord(model, token, missing, missing.length, wordLog, params);
    for (let i = 0; i < missing.length; i++)
      pool[row + (missingAt[i] as number)] = wordLog[missing[i] as number] as number;
  }
  return row;
}

/**
 * The order in which the words of a text are read: spread over the whole text (a golden-ratio
 * stride), so that any first few words read come from all of it, not from its opening line.
 */
function spreadOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 0) return order;
  let step = Math.max(1, Math.round(n * 0.618));
  while (gcd(step, n) !== 1) step++;
  for (let i = 0; i < n; i++) order[i] = (i * step) % n;
  return order;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Adds to `totals[lang]` the log-probability of the tokens in each candidate language. Words are
 * read in an order spread over the whole text ({@link spreadOrder}), so the first words read sample
 * all of it: an opening line in another language (a menu, "BREAKING NEWS", a by-line, a quotation)
 * weighs only as much as its share of the words. Each word can put a language at most `wordCap`
 * nats behind that word's best language (`nameCap` for words flagged in `names`), so one odd word
 * cannot outweigh the rest. After `minWords` words, candidates more than `prune` nats behind the
 * leader are dropped (`-Infinity`) and reading stops when one is left. Returns the number of
 * characters scored (word boundaries included).
 */
export function scoreTokens(
  model: Model,
  tokens: readonly string[],
  candidates: readonly number[],
  totals: Float64Array,
  params: ScoreParams,
  names?: ArrayLike<number>,
): number {
  ensureScratch(model.codes.length);
  const count = candidates.length;
  const cache = cacheFor(candidates, params);
  const pool = cache.pool;
  const live: number[] = candidates.map((_, at) => at);
  const order = spreadOrder(tokens.length);
  let scored = 0;
  for (let i = 0; i < order.length; i++) {
    const t = order[i] as number;
    const row = wordRow(model, tokens[t] as string, candidates, live, cache, params);
    scored += pool[row + count] as number;
    let best = Number.NEGATIVE_INFINITY;
    for (const at of live) if ((pool[row + at] as number) > best) best = pool[row + at] as number;
    const lowest = best - (names !== undefined && names[t] === 1 ? params.nameCap : params.wordCap);
    let leader = Number.NEGATIVE_INFINITY;
    for (const at of live) {
      const lang = candidates[at] as number;
      const score = pool[row + at] as number;
      const total = (totals[lang] as number) + Math.max(score, lowest);
      totals[lang] = total;
      if (total > leader) leader = total;
    }
    if (i + 1 >= params.minWords && live.length > 1) {
      let kept = 0;
      for (const at of live) {
        const lang = candidates[at] as number;
        if ((totals[lang] as number) >= leader - params.prune) live[kept++] = at;
        else totals[lang] = Number.NEGATIVE_INFINITY;
      }
      live.length = kept;
      // One language left: it stays the answer.
      if (kept === 1) break;
    }
  }
  return scored;
}
