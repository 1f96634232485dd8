import { hasInputError, type Stage } from "@rassegna/core";
import { toIso6391, toIso6393 } from "./codes.js";
import { type DetectOptions, detectLanguage, resolveOptions, STAGE } from "./detect.js";
import { scriptOfLanguage } from "./scripts.js";

/**
 * The pipeline stage named `"language"`: writes `doc.language`. When the article carries a language
 * hint (an ISO 639-1 or 639-3 code), the hint is the answer (confidence 1, reliable) and nothing is
 * detected; a hint that is not a language code is ignored.
 */
export function languageStage(options: DetectOptions = {}): Stage {
  // Bad options fail here, when the pipeline is built, not on every article.
  resolveOptions(options);
  return {
    name: STAGE,
    process(doc) {
      if (hasInputError(doc)) return;
      const hint = doc.languageHint?.trim();
      const hinted = hint ? toIso6393(hint) : undefined;
      if (hint && hinted) {
        doc.language = {
          code: toIso6391(hinted),
          iso6393: hinted,
          confidence: 1,
          script: scriptOfLanguage(hinted),
          reliable: true,
          alternatives: [],
        };
        return;
      }
      doc.language = detectLanguage(doc.text, options);
    },
  };
}
