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
  /** Candidates this far (in nats) behind the leader are dropped after a few words, for speed. */
  prune: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = { listWeight: 0.8, backoff: -1, floor: -12, prune: 40 };

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
 * Adds to `totals[lang]` the log-probability of the tokens in each candidate language; candidates
 * far behind are dropped from `candidates` (in place) as the evidence grows, and scoring stops when
 * one is left. Returns the number of characters scored (word boundaries included).
 */
export function scoreTokens(
  model: Model,
  tokens: readonly string[],
  candidates: number[],
  totals: Float64Array,
  params: ScoreParams,
): number {
  ensureScratch(model.codes.length);
  const wordLog = scratch.wordLog;
  let live = candidates.length;
  let scored = 0;
  let tokenCount = 0;
  for (const token of tokens) {
    scored += scoreWord(model, token, candidates, live, wordLog, params);
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < live; c++) {
      const lang = candidates[c] as number;
      const total = (totals[lang] as number) + (wordLog[lang] as number);
      totals[lang] = total;
      if (total > best) best = total;
    }
    tokenCount++;
    if (tokenCount >= 2 && live > 1) {
      let kept = 0;
      for (let c = 0; c < live; c++) {
        const lang = candidates[c] as number;
        if ((totals[lang] as number) >= best - params.prune) candidates[kept++] = lang;
      }
      live = kept;
      // One language left: the rest of the text cannot change the answer.
      if (live === 1) break;
    }
  }
  candidates.length = live;
  return scored;
}
