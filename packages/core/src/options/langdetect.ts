/** The option schemas of `@rassegna/langdetect`: `detectLanguage`, `detectSegments`, `languageStage`. */
import { aBoolean, aLanguage, aString, languageList, options, wholeNumber } from "./check.js";

/** `detectLanguage(text, options)` and `detectSegments(text, options)`. */
export const DETECT_OPTIONS = options({
  only: languageList(),
  ignore: languageList(),
  languages: languageList(),
  language: aLanguage(),
  minLength: wholeNumber(0),
});

/** `languageStage(options)`: detection's options and `segments`. */
export const LANGUAGE_STAGE_OPTIONS = options({
  ...DETECT_OPTIONS.entries,
  segments: aBoolean(),
  backend: aString('a backend name such as "ngrams" (a string)'),
});
