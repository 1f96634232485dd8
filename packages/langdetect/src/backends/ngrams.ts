import type { LanguageGuess, LanguageSegment } from "@rassegna/core";
import { type DetectOptions, detectLanguage, type ResolvedOptions, resolveOptions } from "../detect.js";
import { segmentsOf } from "../segments.js";

/** What the language stage asks of a backend. */
export interface LanguageBackend {
  /** The name callers pass as the stage option `backend`. */
  readonly name: string;
  /** Checks the options once, when the stage is made (a bad option fails there, not per article). */
  prepare(options: DetectOptions): ResolvedOptions;
  /** The language of a whole text. */
  detect(text: string, options: DetectOptions): LanguageGuess;
  /** The text's sentence runs with their language, the text's own language as a prior. */
  segments(text: string, resolved: ResolvedOptions, language: LanguageGuess): LanguageSegment[];
  /** Frees what the backend holds (the n-gram model is shared and read-only: nothing). */
  close?(): void;
}

/**
 * The `"ngrams"` backend (the default): word ranks and character n-grams of 44 languages
 * (`data/model.bin.br`), scripts first, franc for the scripts and languages the model lacks.
 */
export const ngramsBackend: LanguageBackend = {
  name: "ngrams",
  prepare: resolveOptions,
  detect: detectLanguage,
  segments: segmentsOf,
};
