import { type ModelSettingsOptions, RassegnaError, type Translation } from "@rassegna/core";
import type { DownloadProgress } from "./backends/transformers/marian.js";
import { type EngineName, type EngineStats, STAGE } from "./engine.js";

/** Default number of sentences in one model call. */
export const DEFAULT_BATCH_SIZE = 8;
/** Apertium starts its programs on every call: a call takes many sentences. */
export const DEFAULT_APERTIUM_BATCH_SIZE = 64;

/** The batch size for an engine when the caller sets none. */
export function defaultBatchSize(engine: EngineName | undefined): number {
  return engine === "apertium" ? DEFAULT_APERTIUM_BATCH_SIZE : DEFAULT_BATCH_SIZE;
}
/** Default size of the sentence → translation cache. */
export const DEFAULT_CACHE_SIZE = 10_000;

export interface TranslatorOptions extends ModelSettingsOptions {
  /** Source language (ISO 639-1 or 639-3). Default "it". */
  from?: string;
  /** Target language. Default "en". */
  to?: string;
  /** The one backend to use: "transformers" (Marian/OPUS-MT) or "apertium" (no fallback). */
  backend?: EngineName;
  /** The former name of `backend`, still accepted. */
  engine?: EngineName;
  /**
   * Engines to try in order when one is unavailable. Default (when neither this nor `backend`
   * is given): ["transformers", "apertium"], the neural model and, where it cannot be had
   * (offline, nothing cached), Apertium when it is installed; `translator.fallback` says so.
   */
  engines?: EngineName[];
  /** Hub id or local model folder name; default from the registry (`Xenova/opus-mt-it-en`). */
  model?: string;
  /** Weights to load: "q8" (default, quantized), "fp32", "fp16"… */
  dtype?: string;
  /** "cpu" (default). */
  device?: string;
  /** Sentences in one model call. Default 8 (64 for Apertium). */
  batchSize?: number;
  /** Beams of the search. Default 1 (greedy). */
  numBeams?: number;
  /** Longest sentence, in tokens, sent in one piece; longer ones are cut at clause boundaries. Default: the model's limit. */
  maxInputTokens?: number;
  /** Most target tokens per sentence. Default: twice the input plus 16, within the model's limit. */
  maxNewTokens?: number;
  /**
   * Apertium only: keep people's names as written (default true). Apertium translates names
   * that are also words ("Enrico Letta" → "Enrico Read"); its analyser finds them first.
   */
  keepNames?: boolean;
  /**
   * Apertium only: time budget of one sentence, in milliseconds (default 10,000). A chain that
   * overruns it is killed and restarted; a sentence that overruns it alone fails with `TIMEOUT`.
   */
  segmentTimeoutMs?: number;
  /** Entries of the sentence → translation LRU cache; 0 turns it off. Default 10,000. */
  cacheSize?: number;
  /**
   * Longest run of characters without a space given to the engine (default
   * `DEFAULT_MAX_TOKEN_LENGTH` of `@rassegna/core`, 2,000): a text with a longer one is refused
   * with `LIMIT_EXCEEDED` before the engine sees it (Apertium is superlinear on such runs).
   */
  maxTokenLength?: number;
  /** Download progress of model files (only when they are fetched). */
  onProgress?: (info: DownloadProgress) => void;
}

export interface TranslateCallOptions {
  signal?: AbortSignal;
}

/** An engine that is not the first choice: which was, and why it could not be had. */
export interface EngineFallback {
  /** The engine asked for first ("transformers"). */
  preferred: EngineName;
  /** Why it could not be had (its MODEL_UNAVAILABLE message). */
  reason: string;
}

/** Counters of what a translator did: model calls, sentences, cache hits. */
export interface TranslatorStats extends EngineStats {
  /** Sentences (or pieces) answered from the cache without calling the model. */
  cacheHits: number;
}

export interface Translator {
  readonly from: string;
  readonly to: string;
  /** The model recorded in each Translation (hub id, or "apertium:ita-spa+spa-eng"). */
  readonly model: string;
  /** "transformers", "apertium", or "identity" when source and target are the same language. */
  readonly engine: string;
  /** Set when this engine stands in for an unavailable first choice: which one, and why. */
  readonly fallback?: EngineFallback | undefined;
  readonly stats: Readonly<TranslatorStats>;
  /** Longest sentence, in tokens, translated in one piece (longer ones are cut). */
  readonly maxInputTokens: number;
  /** Tokens of a text as the model counts them (words for Apertium). */
  countTokens(text: string): number;
  /** Translates a text: sentences, paragraphs kept, with the alignment of every sentence. */
  translate(text: string, options?: TranslateCallOptions): Promise<Translation>;
  /** Translates single sentences (one output each, in order), in batches of `batchSize`. */
  translateBatch(sentences: readonly string[], options?: TranslateCallOptions): Promise<string[]>;
  close(): Promise<void>;
}

/** Runs a list of source pieces through the engine (directly or through a pipeline's batching). */
export type PieceRunner = (pieces: string[], signal?: AbortSignal) => Promise<string[]>;

/** Checks the numeric options: a clear USAGE error instead of a silent clamp. */
export function checkNumericOptions(options: TranslatorOptions): void {
  const rules: Array<[keyof TranslatorOptions, number]> = [
    ["batchSize", 1],
    ["numBeams", 1],
    ["maxInputTokens", 4],
    ["maxNewTokens", 1],
    ["cacheSize", 0],
    ["segmentTimeoutMs", 1],
  ];
  for (const [name, min] of rules) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      throw new RassegnaError(
        "USAGE",
        `${STAGE}: option ${name} must be an integer of at least ${min}, got ${String(value)}.`,
        {
          stage: STAGE,
        },
      );
    }
  }
}
