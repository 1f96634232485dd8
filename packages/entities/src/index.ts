/**
 * `@rassegna/entities`: people, places and organisations with true offsets (UTF-16, end
 * exclusive) and one canonical name per entity ("Pechino" → "Beijing", "Usa" → "United States",
 * "Xi" and "Xi Jinping" → "Xi Jinping").
 *
 * Two backends (option `backend`):
 * - `"rules"` (default, synchronous, offline): capitalised spans typed by gazetteers (the
 *   shared actors of `@rassegna/core`, this package's gazetteer, compromise's lexicon of names
 *   and places), titles, organisation and place cue words and context, pass by pass
 *   (`src/rules/`). Reads English and Italian.
 * - `"transformers"` (asynchronous): token classification through transformers.js (an
 *   optional peer), default model `Xenova/bert-base-multilingual-cased-ner-hrl` (any language
 *   it was trained on), loaded through the shared model settings (cache dir, offline mode,
 *   local model path).
 *
 * This file only re-exports: the stage is in `stage.ts`, the backends in `backends/`.
 */
export { RULES_LANGUAGES } from "./backends/rules.js";
export type { EntityExtractor } from "./backends/transformers.js";
export { createEntityExtractor, extractEntities } from "./extract.js";
export { findRoleMentions, linkRoles, type RoleMention } from "./link-roles.js";
export { DEFAULT_NER_MODEL, releaseEntityModels } from "./neural.js";
export {
  type AggregationStrategy,
  type NeuralWord,
  neuralWords,
  type ParsedLabel,
  parseLabel,
  parseLabels,
  wordLabel,
} from "./neural-labels.js";
export {
  type CommonExtractOptions,
  ENTITY_BACKENDS,
  type EntityBackend,
  type ExtractOptions,
  type RulesExtractOptions,
  type TransformersExtractOptions,
} from "./options.js";
export { type EntitiesStageOptions, entitiesStage, mergePasses } from "./stage.js";
