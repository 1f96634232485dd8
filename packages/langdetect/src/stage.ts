import {
  type BackendOptions,
  checkOptions,
  hasInputError,
  hasLetters,
  LANGUAGE_STAGE_OPTIONS,
  type LanguageGuess,
  type LanguageSegment,
  type Stage,
  selectBackend,
} from "@rassegna/core";
import { ngramsBackend } from "./backends/ngrams.js";
import { toIso6391, toIso6393 } from "./codes.js";
import { type DetectOptions, STAGE } from "./detect.js";
import { scriptOfLanguage } from "./scripts.js";

/** The backends of the language stage, by the name of the option `backend`. */
const BACKENDS = { ngrams: ngramsBackend } as const;

/** The names the option `backend` of {@link languageStage} takes. */
export type LanguageBackendName = keyof typeof BACKENDS;

/** Options of {@link languageStage}: detection's, and whether to look for stretches in other languages. */
export interface LanguageStageOptions extends DetectOptions, BackendOptions<LanguageBackendName> {
  /**
   * Also label each sentence of the body and the title, and write `doc.languageSegments` when some
   * are in another language than the article (an English quotation in an Italian article), so that
   * translation can leave them as they are. Default true.
   */
  segments?: boolean;
}

/**
 * The pipeline stage named `"language"`: writes `doc.language`, and `doc.languageSegments` when the
 * article mixes languages. When the article carries a language hint (an ISO 639-1 or 639-3 code),
 * the hint is the article's language (confidence 1, reliable) and nothing is detected for the
 * article as a whole; a hint that is not a language code is ignored. The one backend is
 * `"ngrams"` (the default); any other name is an `INVALID_INPUT` error.
 */
export function languageStage(options: LanguageStageOptions = {}): Stage {
  checkOptions(LANGUAGE_STAGE_OPTIONS, options, STAGE);
  const { segments = true, backend: requested, ...detectOptions } = options;
  const { backend } = selectBackend(STAGE, BACKENDS, requested, "ngrams");
  // Bad options fail here, when the pipeline is built, not on every article.
  const resolved = backend.prepare(detectOptions);
  return {
    name: STAGE,
    reads: ["text"],
    writes: ["language", "languageSegments"],
    process(doc) {
      if (hasInputError(doc)) return;
      const hint = doc.languageHint?.trim();
      const hinted = hint ? toIso6393(hint) : undefined;
      const language: LanguageGuess =
        hint && hinted
          ? {
              code: toIso6391(hinted),
              iso6393: hinted,
              confidence: 1,
              script: scriptOfLanguage(hinted),
              reliable: true,
              alternatives: [],
            }
          : backend.detect(doc.text, detectOptions);
      doc.language = language;
      if (!segments || language.code === "und") return;
      const found: LanguageSegment[] = backend.segments(doc.text, resolved, language);
      if (typeof doc.title === "string" && hasLetters(doc.title)) {
        for (const segment of backend.segments(doc.title, resolved, language))
          found.push({ ...segment, field: "title" });
      }
      if (found.some((segment) => segment.language.iso6393 !== language.iso6393)) doc.languageSegments = found;
    },
    close() {
      backend.close?.();
    },
  };
}
