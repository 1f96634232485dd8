/**
 * `@rassegna/translate`: X→English translation, Italian first, on transformers.js with
 * Marian/OPUS-MT models, or on Apertium (rule-based) when asked for.
 */
export {
  APERTIUM_APT_COMMAND,
  type ApertiumOptions,
  apertiumChain,
  DEFAULT_SEGMENT_TIMEOUT_MS,
  listApertiumModes,
} from "./apertium.js";
export { type EngineName, type EngineStats, PartialBatchError } from "./engine.js";
export type { DownloadProgress } from "./marian.js";
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
} from "./models.js";
export {
  findOpusModel,
  isEnglish,
  MULTILINGUAL_MODEL,
  normalizeLanguage,
  opusModelFor,
  TRANSLATION_MODELS,
  type TranslationModelInfo,
} from "./registry.js";
export { type SentenceItem, type TranslateStageOptions, translateStage } from "./stage.js";
export { splitLongSentence } from "./text.js";
export {
  createTranslator,
  DEFAULT_BATCH_SIZE,
  DEFAULT_CACHE_SIZE,
  DEFAULT_ENGINES,
  type EngineFallback,
  engineOrder,
  fallbackWarning,
  type TranslateCallOptions,
  type Translator,
  type TranslatorOptions,
  type TranslatorStats,
} from "./translator.js";
