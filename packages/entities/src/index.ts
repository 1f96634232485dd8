/**
 * `@rassegna/entities`: people, places and organisations with true offsets (UTF-16, end
 * exclusive) and one canonical name per entity ("Pechino" → "Beijing", "Usa" → "United States",
 * "Xi" and "Xi Jinping" → "Xi Jinping").
 *
 * Two backends:
 * - `"rules"` (default, synchronous, offline): capitalised spans typed by gazetteers (the
 *   shared actors of `@rassegna/core`, this package's lists, compromise's lexicon of names and
 *   places), titles, organisation and place cue words and context. Reads English and Italian.
 * - `"transformers"` (asynchronous): token classification through transformers.js, default
 *   model `Xenova/bert-base-multilingual-cased-ner-hrl` (any language it was trained on),
 *   loaded through the shared model settings (cache dir, offline mode, local model path).
 */
import { checkOptions, type Entity, EXTRACT_OPTIONS } from "@rassegna/core";

import {
  extractWithRules,
  extractWithTransformers,
  type RulesExtractOptions,
  type TransformersExtractOptions,
} from "./extract.js";

export {
  type CommonExtractOptions,
  createEntityExtractor,
  type EntityExtractor,
  type ExtractOptions,
  RULES_LANGUAGES,
  type RulesExtractOptions,
  type TransformersExtractOptions,
} from "./extract.js";
export { findRoleMentions, linkRoles, type RoleMention } from "./link-roles.js";
export { DEFAULT_NER_MODEL, releaseTaggers as releaseEntityModels } from "./neural.js";
export {
  type AggregationStrategy,
  type NeuralWord,
  neuralWords,
  type ParsedLabel,
  parseLabel,
  parseLabels,
  wordLabel,
} from "./neural-labels.js";
export { type EntitiesStageOptions, entitiesStage, mergePasses } from "./stage.js";

/**
 * The entities of `text`, each with its mentions merged under one name.
 *
 * With the rules backend (default) the result comes at once: `Entity[]`. With
 * `{ backend: "transformers" }` it is a `Promise<Entity[]>` (the model loads on first use).
 * Non-string or binary input throws `INVALID_INPUT`; empty text gives `[]`; a language the
 * rules do not read throws `UNSUPPORTED_LANGUAGE`; a model that cannot be found rejects with
 * `MODEL_UNAVAILABLE`, naming every place searched.
 */
export function extractEntities(text: string, options?: RulesExtractOptions): Entity[];
export function extractEntities(text: string, options: TransformersExtractOptions): Promise<Entity[]>;
export function extractEntities(
  text: string,
  options: RulesExtractOptions | TransformersExtractOptions = {},
): Entity[] | Promise<Entity[]> {
  checkOptions(EXTRACT_OPTIONS, options, "entities");
  if (options.backend === "transformers") return extractWithTransformers(text, options);
  return extractWithRules(text, options);
}
