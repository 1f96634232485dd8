/**
 * What the learned decision reads from other files: the VADER analyser and the shipped
 * weights. A browser bundle gets `load.browser.js` instead (the `browser` map in package.json),
 * which lets the bundler inline both.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The part of `vader-sentiment` the features use. */
export interface VaderLike {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number; pos: number; neg: number } };
}

export function loadVader(): VaderLike {
  return require("vader-sentiment") as VaderLike;
}

/** The shipped weights (`data/model.json`), parsed. */
export function loadModelFile(): unknown {
  return require("../../data/model.json");
}
