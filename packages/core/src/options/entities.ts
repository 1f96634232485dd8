/** The option schemas of `@rassegna/entities`: `extractEntities`, `createEntityExtractor`, `entitiesStage`. */
import { aBoolean, aLanguage, aSignal, aString, MODEL_SETTINGS_ENTRIES, oneOf, options, wholeNumber } from "./check.js";

/** `extractEntities(text, options)` and `createEntityExtractor(options)`, either backend. */
export const EXTRACT_OPTIONS = options({
  ...MODEL_SETTINGS_ENTRIES,
  language: aLanguage(),
  source: oneOf(["original", "translation"]),
  backend: aString('a backend name such as "rules" or "transformers" (a string)'),
  lowercaseBodies: aBoolean(),
  corpus: oneOf(["conll", "kind"]),
  model: aString("a model id (a string)"),
  dtype: aString('a weight type such as "q8" or "fp32" (a string)'),
  batchSize: wholeNumber(1),
  aggregation: aString('"first", "max" or "average"'),
  signal: aSignal(),
});

/** `entitiesStage(options)`: the extractor's options and `originalPass`. */
export const ENTITIES_STAGE_OPTIONS = options({
  ...EXTRACT_OPTIONS.entries,
  originalPass: aBoolean(),
});
