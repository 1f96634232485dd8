export type { LanguageBackend } from "./backends/ngrams.js";
export { toIso6391, toIso6393 } from "./codes.js";
export { type DetectOptions, detectLanguage, SAMPLE_LENGTH } from "./detect.js";
export { detectSegments } from "./segments.js";
export { type LanguageBackendName, type LanguageStageOptions, languageStage } from "./stage.js";
