import { RassegnaError } from "@rassegna/core";

/** The stage name in errors and warnings. */
export const STAGE = "translate";

/** The engines a translator can run on. */
export type EngineName = "transformers" | "apertium";

/** Counters of the work an engine did: how the cache and the batching are checked. */
export interface EngineStats {
  /** Calls of the underlying model (one per batch). */
  calls: number;
  /** Sentences (or pieces of long sentences) sent to the model. */
  sentences: number;
  /** Target tokens produced (Marian token ids; words for Apertium). */
  generatedTokens: number;
}

/** What the translator needs from an engine: translate a batch of single sentences. */
export interface SentenceEngine {
  readonly engine: EngineName;
  /** The model recorded in the Translation: a hub id, a path, or "apertium:ita-spa+spa-eng". */
  readonly model: string;
  /** Identifies the engine and its settings: the key of caches and of batch groups. */
  readonly key: string;
  /** Longest input, in tokens, the engine translates in one piece. */
  readonly maxInputTokens: number;
  readonly stats: EngineStats;
  countTokens(text: string): number;
  /** One output per input, in order. */
  translateBatch(texts: readonly string[], signal?: AbortSignal): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Some sentences of a batch failed (an Apertium chain that hung or crashed on them, even
 * alone on a fresh chain): the others are translated. `results` holds one entry per input,
 * a translation or the error of that sentence; the stage gives each error to the article
 * that holds the sentence, and the other articles of the batch go on.
 */
export class PartialBatchError extends RassegnaError {
  readonly results: ReadonlyArray<string | RassegnaError>;

  constructor(results: ReadonlyArray<string | RassegnaError>) {
    const failed = results.filter((r): r is RassegnaError => r instanceof RassegnaError);
    const first = failed[0];
    super(
      first?.code ?? "STAGE_FAILED",
      `${failed.length} of ${results.length} sentences could not be translated: ${first?.message ?? "unknown error"}`,
      { stage: first?.stage ?? STAGE },
    );
    this.name = "PartialBatchError";
    this.results = results;
  }
}
