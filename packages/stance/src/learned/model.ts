/**
 * The learned decision: a multinomial logistic regression (FAVOR / AGAINST / NONE) over the
 * sparse features of `features.ts`, one for holder → target pairs (trained on DSE, Park et al.
 * 2021) and one for the text's own stance toward a target (trained on NewsMTSC, Hamborg &
 * Donnay 2021). The weights are `data/model.json`, written by `pnpm train:stance`
 * (`scripts/train.ts`); they hold feature names and numbers, no sentence of the data.
 */

import type { StanceLabel } from "@rassegna/core";

import type { Features } from "./features.js";
import { loadModelFile } from "./load.js";

/** The label order of every weight vector. */
export const LABELS: readonly StanceLabel[] = ["FAVOR", "AGAINST", "NONE"];

/** One classifier: weights per feature (one per label) and an offset per label tuned on held-out data. */
export interface Classifier {
  weights: Record<string, [number, number, number]>;
  offsets: [number, number, number];
  /** A stance the rules read (non-NONE) stands; the classifier decides the rest. */
  rulesFirst?: boolean;
  /** When set, the feature values are scaled to this Euclidean length first (as in training). */
  norm?: number;
}

/** The shipped model file. */
export interface ModelFile {
  version: 1;
  about: string;
  pair: Classifier;
  own: Classifier;
}

/** The Euclidean length of the feature values (1 for none, so that nothing divides by 0). */
export function length(features: Features): number {
  let sum = 0;
  for (const value of features.values()) sum += value * value;
  return sum > 0 ? Math.sqrt(sum) : 1;
}

/** Probabilities per label (same order as {@link LABELS}) with the offsets added before the softmax. */
export function probabilities(classifier: Classifier, features: Features): [number, number, number] {
  const z: [number, number, number] = [...classifier.offsets];
  const scale = classifier.norm === undefined ? 1 : classifier.norm / length(features);
  for (const [name, raw] of features) {
    const value = raw * scale;
    const w = classifier.weights[name];
    if (!w) continue;
    z[0] += w[0] * value;
    z[1] += w[1] * value;
    z[2] += w[2] * value;
  }
  const max = Math.max(z[0], z[1], z[2]);
  const e = z.map((v) => Math.exp(v - max)) as [number, number, number];
  const sum = e[0] + e[1] + e[2];
  return [e[0] / sum, e[1] / sum, e[2] / sum];
}

/** The label and its probability. */
export function classify(classifier: Classifier, features: Features): { stance: StanceLabel; score: number } {
  const p = probabilities(classifier, features);
  let best = 0;
  for (let i = 1; i < 3; i++) if ((p[i] as number) > (p[best] as number)) best = i;
  return { stance: LABELS[best] as StanceLabel, score: Math.round((p[best] as number) * 1000) / 1000 };
}

let loaded: ModelFile | undefined;

/** The shipped weights, read once. */
export function shippedModel(): ModelFile {
  if (!loaded) loaded = loadModelFile() as ModelFile;
  return loaded;
}
