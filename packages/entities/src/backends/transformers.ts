/**
 * The transformers backend: token classification through transformers.js (an optional peer,
 * loaded on first use), default model `Xenova/bert-base-multilingual-cased-ner-hrl`; reads any
 * language the model was trained on. Extractors with the same model and settings share it.
 */
import { assertText, type Entity, RassegnaError, resolveModelSettings } from "@rassegna/core";

import { mergeMentions, type TypedMention } from "../merge.js";
import { acquireTagger, checkBatchSize, DEFAULT_NER_MODEL, type NeuralTagger, releaseTagger } from "../neural.js";
import type { TransformersExtractOptions } from "../options.js";

const STAGE = "entities";

/** A reusable extractor (see `createEntityExtractor`). */
export interface EntityExtractor {
  readonly backend: "rules" | "transformers";
  /** Entities of `text`; `language` overrides the extractor's language. */
  extract(text: string, language?: string, signal?: AbortSignal): Promise<Entity[]>;
  /** Whether this extractor reads the language (rules: English and Italian; neural: any). */
  reads(language: string | undefined): boolean;
  /** Frees what the extractor loaded (the model, once no other extractor shares it). Safe to call twice. */
  close(): Promise<void>;
}

/** An extractor on the neural backend: checks its options now, loads the model on first use. */
export function neuralExtractor(options: TransformersExtractOptions, hold = true): EntityExtractor {
  const batchSize = options.batchSize ?? 8;
  checkBatchSize(batchSize);
  if (options.aggregation !== undefined && !["first", "max", "average"].includes(options.aggregation)) {
    throw new RassegnaError(
      "INVALID_INPUT",
      `${STAGE}: aggregation must be "first", "max" or "average", got ${JSON.stringify(options.aggregation)}.`,
      { stage: STAGE },
    );
  }
  const load = () =>
    acquireTagger(
      {
        model: options.model ?? DEFAULT_NER_MODEL,
        dtype: options.dtype ?? "q8",
        settings: resolveModelSettings(options),
        batchSize,
        aggregation: options.aggregation,
      },
      hold,
    );
  let tagger: Promise<NeuralTagger> | undefined;
  return {
    backend: "transformers",
    async extract(text, _language, signal = options.signal) {
      assertText(text, { stage: STAGE });
      tagger ??= load();
      // A failed load is retried on the next call (the files may have arrived).
      const loaded = await tagger.catch((error: unknown) => {
        tagger = undefined;
        throw error;
      });
      if (text.trim() === "") return [];
      const found: TypedMention[] = await loaded.tag(text, signal);
      return mergeMentions(found, options.source ?? "original");
    },
    reads: () => true,
    async close() {
      const held = tagger;
      tagger = undefined;
      if (held && hold) await releaseTagger(held);
    },
  };
}

/** Entities of `text` by the neural backend (loads the model once, shared). */
export function extractWithTransformers(text: string, options: TransformersExtractOptions): Promise<Entity[]> {
  return neuralExtractor(options, false).extract(text, options.language);
}
