import { fileURLToPath } from "node:url";

/** The committed tiny models (random weights), laid out as `<folder>/<model id>/…`. */
export const FIXTURE_MODELS = fileURLToPath(new URL("./fixtures/models/", import.meta.url));
/** The tiny Marian model: Italian → English architecture, random weights, greedy output. */
export const TINY_MODEL = "rassegna/tiny-marian-it-en";

/**
 * Options that load the tiny model through the real code path with remote models off.
 * fp32: dynamically quantized (q8) graphs scale activations over the whole batch, so only
 * fp32 gives the same output for a sentence alone and in a batch.
 */
export const tinyOptions = {
  from: "it",
  model: TINY_MODEL,
  localModelPath: FIXTURE_MODELS,
  offline: true,
  cacheDir: "/nonexistent/rassegna-test-cache",
  dtype: "fp32",
} as const;
