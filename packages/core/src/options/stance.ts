/** The option schemas of `@rassegna/stance`: `tagStance` and `stanceStage`. */
import {
  aBoolean,
  aLanguage,
  aLimit,
  anObject,
  aSignal,
  aString,
  listOf,
  MODEL_SETTINGS_ENTRIES,
  nameList,
  options,
} from "./check.js";

/** `tagStance(text, options)` and `stanceStage(options)`. */
export const STANCE_OPTIONS = options({
  ...MODEL_SETTINGS_ENTRIES,
  targets: nameList(),
  holders: nameList(),
  language: aLanguage(),
  entities: listOf(anObject("an entity ({ name, type, mentions })"), "an array of entities"),
  backend: aString('a backend name such as "rules" or "nli" (a string)'),
  model: aString("a model id (a string)"),
  dtype: aString('a weight type such as "q8" or "fp32" (a string)'),
  maxLength: aLimit(1),
  signal: aSignal(),
  ownStance: aString('"auto", "always" or "never"'),
  includeNone: aBoolean(),
  decision: aString('"learned" or "rules"'),
});
