/** The option schemas of `@rassegna/translate`: `createTranslator`, `translate()`, `translateStage`. */

import * as v from "valibot";
import {
  aBoolean,
  aFunction,
  aLanguage,
  aLimit,
  aSignal,
  aString,
  listOf,
  MODEL_SETTINGS_ENTRIES,
  options,
  recordOf,
  wholeNumber,
} from "./check.js";

const ENGINE = 'an engine name such as "transformers" or "apertium" (a string)';

/** `createTranslator(options)`. */
export const TRANSLATOR_OPTIONS = options({
  ...MODEL_SETTINGS_ENTRIES,
  from: aLanguage(),
  to: aLanguage(),
  engine: aString(ENGINE),
  engines: listOf(v.string(ENGINE), 'an array of engine names such as ["transformers", "apertium"]'),
  backend: aString(ENGINE),
  model: aString('a model id such as "Xenova/opus-mt-it-en" (a string)'),
  dtype: aString('a weight type such as "q8" or "fp32" (a string)'),
  device: aString('a device such as "cpu" (a string)'),
  batchSize: wholeNumber(1),
  numBeams: wholeNumber(1),
  maxInputTokens: wholeNumber(4),
  maxNewTokens: wholeNumber(1),
  keepNames: aBoolean(),
  segmentTimeoutMs: wholeNumber(1),
  cacheSize: wholeNumber(0),
  maxTokenLength: aLimit(1),
  onProgress: aFunction(),
});

/** `translator.translate(text, options)` and `translateBatch(sentences, options)`. */
export const TRANSLATE_CALL_OPTIONS = options({ signal: aSignal() });

/** `translateStage(options)`: the translator's options, a model per source language, the batch wait. */
export const TRANSLATE_STAGE_OPTIONS = options({
  ...TRANSLATOR_OPTIONS.entries,
  models: recordOf(v.string("a model id (a string)"), 'an object of model ids by language, such as { it: "…" }'),
  maxWaitMs: wholeNumber(0),
  preload: listOf(v.string("a language code (a string)"), 'an array of language codes such as ["it"]'),
});
