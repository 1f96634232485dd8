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
