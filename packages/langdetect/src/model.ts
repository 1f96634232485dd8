/**
 * The word and character n-gram model built by `scripts/build-data.mjs`: per language, its most
 * frequent words (by rank) and conditional character n-gram log-probabilities (orders 1–4), merged
 * into one table per kind so that one lookup serves every language. Keys stay in one string and are
 * found through an open-addressing hash index, so loading makes no per-key objects (fast, small).
 */
import { readModelBytes } from "./data.js";

interface TableMeta {
  keys: number;
  entries: number;
  blobBytes: number;
}

interface Header {
  version: number;
  orders: number;
  codes: string[];
  scripts: string[];
  harmonics: number[];
  words: TableMeta;
  grams: TableMeta;
}

/** Keys (words or n-grams) → the languages that have each and a log-probability per language. */
export interface KeyTable {
  blob: string;
  /** Start of key i in `blob`; key i ends one before `keyStart[i + 1]` (a newline separates keys). */
  keyStart: Int32Array;
  /** Entries of key i are `entryStart[i]` … `entryStart[i + 1] - 1` in `langs` and `values`. */
  entryStart: Int32Array;
  langs: Uint8Array;
  /** Raw values: 10 × −log-probability for n-grams, the rank for words. */
  values: Uint16Array;
  slots: Int32Array;
  mask: number;
}

export interface Model {
  /** ISO 639-3 code per language index. */
  codes: string[];
  /** Main script of each language (ISO 15924; `Jpan` for Japanese). */
  scripts: string[];
  orders: number;
  /** word → its rank in each language that lists it (see {@link wordLogProbability}). */
  words: KeyTable;
  /** log of the harmonic number of each language's list: the Zipf normaliser. */
  logHarmonic: Float64Array;
  /** n-gram → 10 × −log P(last char | the chars before it) in each language that has it. */
  grams: KeyTable;
}

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // FNV's low bits mix poorly; the table masks them, so finish with murmur3's avalanche.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Index of the key `s.slice(from, to)` in the table, or -1. Allocates nothing. */
export function findKey(table: KeyTable, s: string, from: number, to: number): number {
  const { slots, mask, keyStart, blob } = table;
  const length = to - from;
  let slot = hashRange(s, from, to) & mask;
  for (;;) {
    const key = slots[slot] as number;
    if (key < 0) return -1;
    const start = keyStart[key] as number;
    if ((keyStart[key + 1] as number) - 1 - start === length) {
      let i = 0;
      while (i < length && blob.charCodeAt(start + i) === s.charCodeAt(from + i)) i++;
      if (i === length) return key;
    }
    slot = (slot + 1) & mask;
  }
}

/** −log of 1…65535, so that a word's Zipf log-probability costs no logarithm at run time. */
const LOG_RANK = (() => {
  const out = new Float64Array(65536);
  for (let r = 1; r < out.length; r++) out[r] = Math.log(r);
  return out;
})();

/** log P(word) in language `lang` from its rank: Zipf's law over the list. */
export function wordLogProbability(model: Model, lang: number, rank: number): number {
  return -(LOG_RANK[rank] as number) - (model.logHarmonic[lang] as number);
}

function readTable(buf: Uint8Array, at: number, meta: TableMeta): [KeyTable, number] {
  const blob = utf8.decode(buf.subarray(at, at + meta.blobBytes));
  let offset = at + meta.blobBytes;
  offset += offset % 2;
  const counts = buf.subarray(offset, offset + meta.keys);
  offset += meta.keys;
  offset += offset % 2;
  const langs = buf.subarray(offset, offset + meta.entries);
  offset += meta.entries;
  offset += offset % 2;
  const bytes = buf.subarray(offset, offset + 2 * meta.entries);
  // A view when aligned (the usual case), a copy otherwise; the file is little-endian like every host we run on.
  const values =
    bytes.byteOffset % 2 === 0
      ? new Uint16Array(bytes.buffer, bytes.byteOffset, meta.entries)
      : new Uint16Array(new Uint8Array(bytes).buffer);
  offset += 2 * meta.entries;
  const keyStart = new Int32Array(meta.keys + 1);
  const entryStart = new Int32Array(meta.keys + 1);
  let capacity = 1;
  while (capacity < meta.keys * 2) capacity <<= 1;
  const slots = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  let start = 0;
  for (let k = 0; k < meta.keys; k++) {
    let end = blob.indexOf("\n", start);
    if (end < 0) end = blob.length;
    keyStart[k] = start;
    entryStart[k + 1] = (entryStart[k] as number) + (counts[k] as number);
    let slot = hashRange(blob, start, end) & mask;
    while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
    slots[slot] = k;
    start = end + 1;
  }
  keyStart[meta.keys] = blob.length + 1;
  return [{ blob, keyStart, entryStart, langs, values, slots, mask }, offset];
}

const utf8 = new TextDecoder();

let cached: Model | undefined;

/** The model, read on first use and kept for the process. */
export function loadModel(): Model {
  if (cached) return cached;
  const buf = readModelBytes();
  const headerLength = new DataView(buf.buffer, buf.byteOffset, 4).getUint32(0, true);
  const header = JSON.parse(utf8.decode(buf.subarray(4, 4 + headerLength))) as Header;
  const logHarmonic = Float64Array.from(header.harmonics, (h) => Math.log(h));
  let offset = 4 + headerLength;
  offset += offset % 2;
  const [words, next] = readTable(buf, offset, header.words);
  offset = next + (next % 2);
  const [grams] = readTable(buf, offset, header.grams);
  cached = { codes: header.codes, scripts: header.scripts, orders: header.orders, words, grams, logHarmonic };
  return cached;
}
