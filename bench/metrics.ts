/**
 * The scores the benchmarks report, in one place with unit tests (bench/metrics.test.ts):
 * sacreBLEU-compatible BLEU and chrF (after sacreBLEU 2.x: 13a tokenisation, exponential
 * smoothing, chrF2 over character 6-grams), precision / recall / F1 from counts, accuracy
 * and macro averages.
 */

// ---------------------------------------------------------------------------------------------
// sacreBLEU-compatible BLEU and chrF

const RE_13A: Array<[RegExp, string]> = [
  // Symbols and punctuation (ASCII) become tokens of their own.
  [/([{-~[-` -&(-+:-@/])/g, " $1 "],
  // Period and comma, unless preceded by a digit.
  [/([^0-9])([.,])/g, "$1 $2 "],
  // Period and comma, unless followed by a digit.
  [/([.,])([^0-9])/g, " $1 $2"],
  // Dash after a digit.
  [/([0-9])(-)/g, "$1 $2 "],
];

/** sacreBLEU's "13a" tokeniser (mteval-v13a.pl). */
export function tokenize13a(line: string): string[] {
  let text = line.replaceAll("<skipped>", "").replaceAll("-\n", "").replaceAll("\n", " ");
  if (text.includes("&")) {
    text = text.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
  }
  text = ` ${text} `;
  for (const [re, replacement] of RE_13A) text = text.replace(re, replacement);
  return text.split(/\s+/).filter(Boolean);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join("\u0001");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface BleuResult {
  score: number;
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

/** Corpus BLEU as sacreBLEU computes it: 13a, exp smoothing, closest reference length. */
export function corpusBleu(hypotheses: readonly string[], references: ReadonlyArray<readonly string[]>): BleuResult {
  const correct = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let sysLen = 0;
  let refLen = 0;
  hypotheses.forEach((hyp, i) => {
    const h = tokenize13a(hyp);
    const refs = references.map((set) => tokenize13a(set[i] ?? ""));
    sysLen += h.length;
    // Closest reference length; ties go to the shorter one.
    let best = refs[0]?.length ?? 0;
    for (const r of refs) {
      const d = Math.abs(r.length - h.length);
      const bd = Math.abs(best - h.length);
      if (d < bd || (d === bd && r.length < best)) best = r.length;
    }
    refLen += best;
    for (let n = 1; n <= 4; n++) {
      const hc = ngramCounts(h, n);
      const maxRef = new Map<string, number>();
      for (const r of refs) for (const [k, v] of ngramCounts(r, n)) maxRef.set(k, Math.max(maxRef.get(k) ?? 0, v));
      for (const [k, v] of hc) correct[n - 1] = (correct[n - 1] as number) + Math.min(v, maxRef.get(k) ?? 0);
      total[n - 1] = (total[n - 1] as number) + Math.max(0, h.length - n + 1);
    }
  });
  const precisions = [0, 0, 0, 0];
  let smooth = 1;
  for (let n = 0; n < 4; n++) {
    if ((total[n] as number) === 0) break;
    if ((correct[n] as number) === 0) {
      smooth *= 2;
      precisions[n] = 100 / (smooth * (total[n] as number));
    } else precisions[n] = (100 * (correct[n] as number)) / (total[n] as number);
  }
  const bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0) : 1;
  const logSum = precisions.reduce((s, p) => s + (p === 0 ? -9999999999 : Math.log(p)), 0);
  return { score: bp * Math.exp(logSum / 4), precisions, bp, sysLen, refLen };
}

const CHRF_ORDER = 6;
const CHRF_BETA = 2;

function charNgrams(line: string): Array<Map<string, number>> {
  const chars = Array.from(line.split(/\s+/).join(""));
  const out: Array<Map<string, number>> = [];
  for (let n = 1; n <= CHRF_ORDER; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const key = chars.slice(i, i + n).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    out.push(counts);
  }
  return out;
}

function chrfFromStats(stats: readonly number[]): number {
  const eps = 1e-16;
  const factor = CHRF_BETA ** 2;
  let avgPrec = 0;
  let avgRec = 0;
  let effective = 0;
  for (let i = 0; i < CHRF_ORDER; i++) {
    const nHyp = stats[3 * i] as number;
    const nRef = stats[3 * i + 1] as number;
    const nMatch = stats[3 * i + 2] as number;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective++;
    }
  }
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  return (100 * (1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec);
}

/** Corpus chrF2 (character 6-grams, β = 2, whitespace ignored) as sacreBLEU computes it. */
export function corpusChrf(hypotheses: readonly string[], references: ReadonlyArray<readonly string[]>): number {
  const totals = new Array<number>(3 * CHRF_ORDER).fill(0);
  hypotheses.forEach((hyp, i) => {
    const h = charNgrams(hyp);
    let best: number[] = [];
    let bestScore = -1;
    // With several references, the one that scores best for the sentence counts.
    for (const set of references) {
      const r = charNgrams(set[i] ?? "");
      const stats: number[] = [];
      for (let n = 0; n < CHRF_ORDER; n++) {
        const hc = h[n] as Map<string, number>;
        const rc = r[n] as Map<string, number>;
        let hypCount = 0;
        let refCount = 0;
        let match = 0;
        for (const [k, v] of hc) {
          hypCount += v;
          match += Math.min(v, rc.get(k) ?? 0);
        }
        for (const v of rc.values()) refCount += v;
        stats.push(hypCount, refCount, match);
      }
      const score = chrfFromStats(stats);
      if (score > bestScore) {
        bestScore = score;
        best = stats;
      }
    }
    best.forEach((v, k) => {
      totals[k] = (totals[k] as number) + v;
    });
  });
  return chrfFromStats(totals);
}

// ---------------------------------------------------------------------------------------------
// Classification

/** True positives, false positives and false negatives of one class. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of counts, as fractions (0 when undefined: nothing predicted or nothing to find). */
export function prf({ tp, fp, fn }: Counts): { p: number; r: number; f: number } {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The counts of class `label` over gold and predicted labels (at `indices`, or all). */
export function countLabel<L>(
  gold: ArrayLike<L>,
  predicted: ArrayLike<L | undefined>,
  label: L,
  indices?: readonly number[],
): Counts {
  const counts = { tp: 0, fp: 0, fn: 0 };
  const at = indices ?? Array.from({ length: gold.length }, (_, i) => i);
  for (const i of at) {
    const g = gold[i];
    const p = predicted[i];
    if (p === label && g === label) counts.tp++;
    else if (p === label) counts.fp++;
    else if (g === label) counts.fn++;
  }
  return counts;
}

/** Percentage of right answers; 0 for no items. */
export function accuracy(right: number, total: number): number {
  return (100 * right) / Math.max(1, total);
}

/** The mean of the values (a macro average); 0 for none. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
