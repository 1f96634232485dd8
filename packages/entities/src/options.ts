/** Options of the entities backends (`extractEntities`, `createEntityExtractor`, `entitiesStage`). */
import type { ModelSettingsOptions, TextSource } from "@rassegna/core";

/** The backends of the entities stage. */
export const ENTITY_BACKENDS = ["rules", "transformers"] as const;
export type EntityBackend = (typeof ENTITY_BACKENDS)[number];

/** Options shared by both backends. */
export interface CommonExtractOptions {
  /**
   * Language of the text (ISO 639-1 or 639-3, e.g. "en", "it", "ita"). The rules read
   * English and Italian; default English. The transformers backend reads any language.
   */
  language?: string;
  /** Which text the offsets refer to, copied into each entity (default "original"). */
  source?: TextSource;
}

/** The rules backend (default): compromise's lexicon, gazetteers and cue words; synchronous. */
export interface RulesExtractOptions extends CommonExtractOptions {
  backend?: "rules";
  /**
   * Keep bodies named by common nouns alone ("il governo", "la polizia tedesca", "consiglio
   * comunale": no capital letter) as organisations, as the KIND corpus annotates them (default
   * false, or true with `corpus: "kind"`: a generic noun names no particular entity).
   */
  lowercaseBodies?: boolean;
  /**
   * Follow the annotation conventions of a benchmark corpus, for benchmarks only (default: none,
   * spans and types as news reads them):
   * - `"conll"` (CoNLL-2003): the players of cricket scorecards ("c Healy b Warne", "run out");
   * - `"kind"` (KIND, Italian): lower-case bodies (as `lowercaseBodies`), an office apart from
   *   its town ("Procura" + "Trani", where news reads "Procura di Trani" as one body), a
   *   religious title inside the name ("suor Rosanna").
   */
  corpus?: "conll" | "kind";
}

/** The neural backend: token classification through transformers.js; asynchronous. */
export interface TransformersExtractOptions extends CommonExtractOptions, ModelSettingsOptions {
  backend: "transformers";
  /** Hub id or local model folder name (default `Xenova/bert-base-multilingual-cased-ner-hrl`). */
  model?: string;
  /** ONNX weights: "q8" (model_quantized.onnx, default) or "fp32" (model.onnx). */
  dtype?: string;
  /** Sentences per model call (default 8). */
  batchSize?: number;
  /**
   * How a word split into several pieces gets its label (transformers.js' strategies):
   * "first" (default) the first piece's, "max" the most confident piece's, "average" the
   * pieces' averaged probabilities.
   */
  aggregation?: "first" | "max" | "average";
  /** Cancels a long extraction. */
  signal?: AbortSignal;
}

export type ExtractOptions = RulesExtractOptions | TransformersExtractOptions;
