/** The option schemas of `@rassegna/pipeline` (`createPipeline`, `run`) and of `createDefaultPipeline`. */
import * as v from "valibot";

import {
  aBoolean,
  aFunction,
  aLanguage,
  aLimit,
  anObject,
  aSignal,
  languageList,
  listOf,
  MODEL_SETTINGS_ENTRIES,
  nameList,
  options,
  recordOf,
  wholeNumber,
} from "./check.js";

const LIMIT = "a whole number of at least 1 (or Infinity for no limit)";
const limit = v.union(
  [v.literal(Number.POSITIVE_INFINITY, LIMIT), v.pipe(v.number(LIMIT), v.integer(LIMIT), v.minValue(1, LIMIT))],
  LIMIT,
);

/** The pipeline's options, but for `stages`. */
const PIPELINE_ENTRIES = {
  concurrency: wholeNumber(1),
  ordered: aBoolean(),
  buffer: wholeNumber(0),
  signal: aSignal(),
  onProgress: aFunction(),
  maxTextLength: aLimit(0),
  stageTimeoutMs: v.optional(
    v.union(
      [limit, v.record(v.string(), limit)],
      "a number of milliseconds, Infinity, or { [stage name]: ms, default?: ms }",
    ),
  ),
  maxStances: aLimit(1),
  removeInvisible: aBoolean(),
  limits: v.optional(
    v.looseObject(
      {
        maxHolders: aLimit(1),
        maxTargets: aLimit(1),
        maxPairs: aLimit(1),
        maxDepth: aLimit(1),
        maxLineBytes: aLimit(1),
      },
      "an object of limits such as { maxHolders: 64 }",
    ),
  ),
} satisfies v.ObjectEntries;

/** `createPipeline(options)`. */
export const PIPELINE_OPTIONS = options({
  ...PIPELINE_ENTRIES,
  stages: listOf(anObject("a stage ({ name, process })"), "an array of stages"),
});

/** `pipeline.run(article, options)`. */
export const RUN_OPTIONS = options({ index: wholeNumber(0), signal: aSignal() });

/** `createDefaultPipeline(options)` of `rassegna`: the pipeline's, the model settings, and what goes to each stage. */
export const DEFAULT_PIPELINE_OPTIONS = options({
  ...PIPELINE_ENTRIES,
  ...MODEL_SETTINGS_ENTRIES,
  targets: nameList(),
  holders: nameList(),
  engines: listOf(
    v.string("an engine name (a string)"),
    'an array of engine names such as ["transformers", "apertium"]',
  ),
  to: aLanguage(),
  languages: languageList(),
  language: aLanguage(),
  stageOptions: recordOf(anObject("an object of that stage's options"), "an object of options by stage name"),
  replace: recordOf(
    v.union([v.literal(false), anObject()], "a stage, or false to leave it out"),
    "an object of stages by name",
  ),
  factories: recordOf(v.function("a function that makes the stage"), "an object of stage factories by name"),
});
