/**
 * Trains the learned decision of @rassegna/stance and writes `data/model.json`:
 *
 *   pnpm train:stance            # from the repository root (tsx packages/stance/scripts/train.ts)
 *   pnpm train:stance --check    # trains in memory; fails when data/model.json is not what
 *                                # the current rules and data train (a rules change alters the
 *                                # features: the shipped weights must follow it)
 *
 * - pair classifier (holder → target): DSE "who blames or endorses whom" (Park, Pan, Joo,
 *   Findings of ACL 2021), `stance/dse-news/train.txt`, each sentence read both ways (p → q
 *   and q → p); offsets and L2 chosen on `valid.txt`.
 * - own classifier (the text's stance toward a target): NewsMTSC (Hamborg & Donnay, EACL
 *   2021), `stance/newsmtsc/train.jsonl`, a fixed tenth held out (by a seeded shuffle) for
 *   the offsets and L2.
 *
 * Features come from `src/learned/features.ts` (the rules' findings and the words around the
 * mentions). Multinomial logistic regression, trained by AdaGrad with L2, in a seeded order:
 * the same data gives the same file. The test files are never read here. The data are read in
 * place from `../shared/bench-data` (or `RASSEGNA_BENCH_DATA`); no sentence is written out,
 * only feature names (words and rule names) and weights.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { StanceLabel } from "@rassegna/core";
import { readPair } from "../src/backends/rules.js";
import { type Features, pairFeatures } from "../src/learned/features.js";
import { type Classifier, LABELS, length, type ModelFile, probabilities } from "../src/learned/model.js";
import { ownClassifierFeatures } from "../src/learned/target-features.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..", "..");
const dataDir = process.env.RASSEGNA_BENCH_DATA ?? resolve(repo, "..", "shared", "bench-data");
const outFile = join(here, "..", "data", "model.json");
const EN = new Set(["en" as const]);

interface Example {
  features: Features;
  label: number;
}

const labelIndex = (label: StanceLabel): number => LABELS.indexOf(label);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function read(path: string): string {
  const file = join(dataDir, path);
  if (!existsSync(file)) {
    console.error(
      `train: ${file} not found. Set RASSEGNA_BENCH_DATA to the folder holding stance/dse-news and stance/newsmtsc.`,
    );
    process.exit(2);
  }
  return readFileSync(file, "utf8");
}

/** DSE lines → examples; `both` adds q → p with the label seen from q. */
function dse(split: "train" | "valid", both: boolean): Example[] {
  const out: Example[] = [];
  for (const line of read(`stance/dse-news/${split}.txt`).split("\n")) {
    const [sentence, p, q, label] = line.split("\t");
    if (!sentence || !p?.trim() || !q?.trim() || label === undefined) continue;
    const text = sentence.replace(/[[\]]/g, "");
    const l = Number(label.trim());
    const pq: StanceLabel = l === 1 ? "FAVOR" : l === 3 ? "AGAINST" : "NONE";
    const qp: StanceLabel = l === 2 ? "FAVOR" : l === 4 ? "AGAINST" : "NONE";
    const pairs: Array<[string, string, StanceLabel]> = [[p.trim(), q.trim(), pq]];
    if (both) pairs.push([q.trim(), p.trim(), qp]);
    for (const [holder, target, gold] of pairs) {
      if (holder === target) continue;
      const { reading } = readPair(text, holder, target, EN);
      out.push({ features: pairFeatures(holder, target, reading), label: labelIndex(gold) });
    }
  }
  return out;
}

/** NewsMTSC lines → one example per target mention, with its article (the gid's first three parts). */
function newsMtsc(): Array<Example & { article: string }> {
  const out: Array<Example & { article: string }> = [];
  for (const line of read("stance/newsmtsc/train.jsonl").split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as {
      primary_gid: string;
      sentence_normalized: string;
      targets: Array<{ mention: string; polarity: number }>;
    };
    for (const target of record.targets) {
      const gold: StanceLabel = target.polarity < 4 ? "AGAINST" : target.polarity > 4 ? "FAVOR" : "NONE";
      const { reading, own } = readPair(record.sentence_normalized, undefined, target.mention, EN);
      const article = record.primary_gid.split("_").slice(0, 3).join("_");
      const features = ownClassifierFeatures(target.mention, own, reading);
      // Scaled to length OWN_NORM, as the classifier does at run time (`norm`): a long
      // sentence's many features do not outweigh a short one's.
      const scale = OWN_NORM / length(features);
      for (const [name, value] of features) features.set(name, value * scale);
      out.push({ features, label: labelIndex(gold), article });
    }
  }
  return out;
}

interface TrainOptions {
  l2: number;
  epochs: number;
  rate: number;
  minCount: number;
  seed: number;
}

/** Multinomial logistic regression by AdaGrad with L2 (applied to the features an example has). */
function train(examples: readonly Example[], options: TrainOptions): Map<string, Float64Array> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const name of e.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  for (const [name, count] of counts) {
    if (count < options.minCount && name !== "bias") continue;
    weights.set(name, new Float64Array(3));
    squares.set(name, new Float64Array(3).fill(1e-8));
  }
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const e = examples[i] as Example;
      const z = [0, 0, 0];
      for (const [name, value] of e.features) {
        const w = weights.get(name);
        if (!w) continue;
        for (let k = 0; k < 3; k++) (z[k] as number) += (w[k] as number) * value;
      }
      const max = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      for (const [name, value] of e.features) {
        const w = weights.get(name);
        const g2 = squares.get(name);
        if (!w || !g2) continue;
        for (let k = 0; k < 3; k++) {
          const p = (exp[k] as number) / sum;
          const grad = (p - (k === e.label ? 1 : 0)) * value + options.l2 * (w[k] as number);
          g2[k] = (g2[k] as number) + grad * grad;
          w[k] = (w[k] as number) - (options.rate * grad) / Math.sqrt(g2[k] as number);
        }
      }
    }
  }
  return weights;
}

function toClassifier(weights: Map<string, Float64Array>, offsets: [number, number, number]): Classifier {
  const out: Classifier["weights"] = {};
  for (const [name, w] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Two decimals, and weights that barely move a decision left out: a small file.
    const rounded = [...w].map((v) => Math.round(v * 100) / 100) as [number, number, number];
    if (rounded.every((v) => Math.abs(v) < 0.03)) continue;
    out[name] = rounded;
  }
  return { weights: out, offsets };
}

/** F_avg (mean F1 of FAVOR and AGAINST) of predicted label indices. */
function fAvg(examples: readonly Example[], predicted: readonly number[]): number {
  let total = 0;
  for (const k of [0, 1]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    examples.forEach((e, i) => {
      if (predicted[i] === k && e.label === k) tp++;
      else if (predicted[i] === k) fp++;
      else if (e.label === k) fn++;
    });
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp + fn === 0 ? 0 : tp / (tp + fn);
    total += p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return (total / 2) * 100;
}

function predict(classifier: Classifier, examples: readonly Example[]): number[] {
  return examples.map((e) => {
    const p = probabilities(classifier, e.features);
    return p.indexOf(Math.max(...p));
  });
}

/** The offsets (FAVOR, AGAINST vs NONE) that give the best F_avg on the tuning examples. */
function tuneOffsets(
  weights: Map<string, Float64Array>,
  tuning: readonly Example[],
): { offsets: [number, number, number]; score: number } {
  let best = { offsets: [0, 0, 0] as [number, number, number], score: -1 };
  const base = toClassifier(weights, [0, 0, 0]);
  for (let f = -1.5; f <= 1.51; f += 0.25) {
    for (let a = -1.5; a <= 1.51; a += 0.25) {
      const offsets: [number, number, number] = [f, a, 0];
      const score = fAvg(tuning, predict({ ...base, offsets }, tuning));
      if (score > best.score + 1e-9) best = { offsets, score };
    }
  }
  return best;
}

/** Trains on `trainSet` for each L2 of the grid and keeps the best on `tuning` (with its offsets). */
function fit(name: string, trainSet: Example[], tuning: Example[], grid: readonly number[], epochs = 8) {
  let best: { classifier: Classifier; score: number; l2: number } | undefined;
  for (const l2 of grid) {
    const weights = train(trainSet, { l2, epochs, rate: 0.1, minCount: 3, seed: 14 });
    const { offsets, score } = tuneOffsets(weights, tuning);
    console.error(`${name}: l2 ${l2}: F_avg ${score.toFixed(1)} on the tuning set (offsets ${offsets.join(", ")})`);
    if (!best || score > best.score) best = { classifier: toClassifier(weights, offsets), score, l2 };
  }
  if (!best) throw new Error("no L2 value given");
  console.error(
    `${name}: chose l2 ${best.l2} (F_avg ${best.score.toFixed(1)}), ${Object.keys(best.classifier.weights).length} features`,
  );
  return best;
}

/** `--only pair` or `--only own` retrains one classifier and keeps the other from the current file. */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const current = only && existsSync(outFile) ? (JSON.parse(readFileSync(outFile, "utf8")) as ModelFile) : undefined;
const L2 = [1e-4, 1e-3];
const OWN_L2 = [1e-4, 1e-3, 1e-2];
/** Passes over the data: on held-out articles (5 folds) six did best; ten overfit. */
const OWN_EPOCHS = 6;
/** The own classifier's feature vectors are scaled to this length (better by 2 points on held-out articles). */
const OWN_NORM = 1;

const started = Date.now();
let pair = current?.pair;
if (only !== "own" || !pair) {
  console.error("train: reading DSE train/valid …");
  const dseTrain = dse("train", true);
  const dseValid = dse("valid", false);
  console.error(
    `train: ${dseTrain.length} pair examples, ${dseValid.length} for tuning (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  pair = fit("pair", dseTrain, dseValid, L2).classifier;
}
let own = current?.own;
if (only !== "pair" || !own) {
  console.error("train: reading NewsMTSC train …");
  // A seeded 15 % of the articles held out for L2 and the offsets (by article: the sentences
  // of one article are alike), then the chosen L2 trained again on all.
  const mtsc = newsMtsc();
  const articles = shuffle([...new Set(mtsc.map((e) => e.article))].sort(), mulberry32(14));
  const held = new Set(articles.slice(0, Math.floor(articles.length * 0.15)));
  const tuning = mtsc.filter((e) => held.has(e.article));
  const fitted = fit(
    "own",
    mtsc.filter((e) => !held.has(e.article)),
    tuning,
    OWN_L2,
    OWN_EPOCHS,
  );
  own = fitted.classifier;
  // The rules' own label is among the features ("o:dec:F" / "o:dec:A"): compare the
  // classifier alone with "the rules' label where they read one, else the classifier".
  const learned = predict(own, tuning);
  const rulesFirst = tuning.map((e, i) =>
    e.features.has("o:dec:F") ? 0 : e.features.has("o:dec:A") ? 1 : (learned[i] as number),
  );
  const rulesAlone = tuning.map((e) => (e.features.has("o:dec:F") ? 0 : e.features.has("o:dec:A") ? 1 : 2));
  const [a, b, c] = [fAvg(tuning, learned), fAvg(tuning, rulesFirst), fAvg(tuning, rulesAlone)];
  console.error(
    `own on its tuning set: classifier ${a.toFixed(1)}, rules first ${b.toFixed(1)}, rules alone ${c.toFixed(1)}`,
  );
  const weights = train(mtsc, { l2: fitted.l2, epochs: OWN_EPOCHS, rate: 0.1, minCount: 3, seed: 14 });
  own = { ...toClassifier(weights, own.offsets), norm: OWN_NORM, ...(b > a ? { rulesFirst: true } : {}) };
}

const model: ModelFile = {
  version: 1,
  about:
    "Learned decision of @rassegna/stance, written by `pnpm train:stance` (packages/stance/scripts/train.ts). pair: holder → target, trained on DSE (Park, Pan, Joo, Findings of ACL 2021, https://arxiv.org/abs/2106.01033) train.txt; own: the text's stance toward a target, trained on NewsMTSC (Hamborg & Donnay, EACL 2021, https://aclanthology.org/2021.eacl-main.142) train.jsonl. Feature names and weights only; no sentence of the data.",
  pair,
  own,
};
const written = `${JSON.stringify(model)}\n`;
if (process.argv.includes("--check")) {
  const shipped = existsSync(outFile) ? readFileSync(outFile, "utf8") : "";
  if (shipped !== written) {
    console.error(
      `train: ${outFile} is not what the current rules and data train: run \`pnpm train:stance\` and commit the file.`,
    );
    process.exit(1);
  }
  console.error(`train: ${outFile} is current (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(0);
}
writeFileSync(outFile, written);
console.error(
  `train: wrote ${outFile} (${(JSON.stringify(model).length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
