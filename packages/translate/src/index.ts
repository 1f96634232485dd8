/**
 * `@rassegna/translate`: X→English translation, Italian first, on transformers.js with
 * Marian/OPUS-MT models, or on Apertium (rule-based) when asked for.
 */
export {
  APERTIUM_APT_COMMAND,
  type ApertiumOptions,
  DEFAULT_SEGMENT_TIMEOUT_MS,
} from "./backends/apertium/engine.js";
export { apertiumChain, listApertiumModes } from "./backends/apertium/install.js";
export {
  BACKENDS,
  DEFAULT_ENGINES,
  engineOrder,
  fallbackWarning,
} from "./backends/index.js";
export type { DownloadProgress } from "./backends/transformers/marian.js";
export {
  type CachedModel,
  exportModels,
  importModels,
  listModels,
  type ManifestFile,
  MODELS_MANIFEST,
  type ModelsManifest,
  type PullOptions,
  pullModels,
} from "./backends/transformers/models.js";
export { type EngineName, type EngineStats, PartialBatchError } from "./engine.js";
export {
  findOpusModel,
  isEnglish,
  MULTILINGUAL_MODEL,
  normalizeLanguage,
  opusModelFor,
  TRANSLATION_MODELS,
  type TranslationModelInfo,
} from "./registry.js";
export { type SentenceItem, type TranslateStage, type TranslateStageOptions, translateStage } from "./stage.js";
export { splitLongSentence } from "./text.js";
export { createTranslator } from "./translator.js";
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_CACHE_SIZE,
  type EngineFallback,
  type TranslateCallOptions,
  type Translator,
  type TranslatorOptions,
  type TranslatorStats,
} from "./types.js";
