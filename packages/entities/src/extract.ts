/**
 * `extractEntities` and `createEntityExtractor`: the backend an option names (`backend`, default
 * `"rules"`), one of {@link ENTITY_BACKENDS}; any other name is core's `unknownBackendError`.
 */
import { checkOptions, type Entity, EXTRACT_OPTIONS, unknownBackendError } from "@rassegna/core";

import { extractWithRules, rulesLanguage } from "./backends/rules.js";
import { type EntityExtractor, extractWithTransformers, neuralExtractor } from "./backends/transformers.js";
import {
  ENTITY_BACKENDS,
  type ExtractOptions,
  type RulesExtractOptions,
  type TransformersExtractOptions,
} from "./options.js";

const STAGE = "entities";

function checkBackend(backend: unknown): void {
  if (backend !== undefined && !(ENTITY_BACKENDS as readonly unknown[]).includes(backend)) {
    throw unknownBackendError(STAGE, backend, ENTITY_BACKENDS);
  }
}

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
  checkOptions(EXTRACT_OPTIONS, options, STAGE);
  if (options.backend === "transformers") return extractWithTransformers(text, options);
  checkBackend(options.backend);
  return extractWithRules(text, options);
}

/**
 * An extractor for many texts. With `backend: "transformers"` the model is loaded on first
 * use (or now, with `await extractor.extract("")`) and shared by extractors with the same
 * model and settings; `close()` frees it once no extractor holds it.
 */
export function createEntityExtractor(options: ExtractOptions = {}): EntityExtractor {
  checkOptions(EXTRACT_OPTIONS, options, STAGE);
  if (options.backend === "transformers") return neuralExtractor(options);
  checkBackend(options.backend);
  return {
    backend: "rules",
    async extract(text, language = options.language) {
      return extractWithRules(text, { ...options, language });
    },
    reads: (language) => rulesLanguage(language) !== undefined,
    async close() {},
  };
}
