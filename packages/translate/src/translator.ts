import {
  assertText,
  assertTokenLength,
  checkOptions,
  type ModelSettingsOptions,
  RassegnaError,
  resolveModelSettings,
  type StageWarning,
  TRANSLATE_CALL_OPTIONS,
  TRANSLATOR_OPTIONS,
  type Translation,
  throwIfAborted,
} from "@rassegna/core";

import { createApertiumEngine } from "./apertium.js";
import type { EngineName, EngineStats, SentenceEngine } from "./engine.js";
import { LruCache } from "./lru.js";
import { createMarianEngine, type DownloadProgress, STAGE } from "./marian.js";
import { isEnglish, normalizeLanguage, opusModelFor } from "./registry.js";
import { assembleTranslation, joinPieces, planText, splitLongSentence } from "./text.js";

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
  /** The one engine to use: "transformers" or "apertium" (no fallback). */
  engine?: EngineName;
  /**
   * Engines to try in order when one is unavailable. Default (when neither this nor `engine`
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

/** Creates an engine of the given kind for the pair. */
export async function createEngine(
  name: EngineName,
  from: string,
  to: string,
  options: TranslatorOptions,
): Promise<SentenceEngine> {
  if (name === "apertium") {
    return createApertiumEngine(from, to, {
      ...(options.keepNames === undefined ? {} : { keepNames: options.keepNames }),
      ...(options.segmentTimeoutMs === undefined ? {} : { segmentTimeoutMs: options.segmentTimeoutMs }),
    });
  }
  if (name !== "transformers") {
    throw new RassegnaError("USAGE", `${STAGE}: unknown engine "${String(name)}".`, {
      stage: STAGE,
      hint: 'Use "transformers" or "apertium".',
    });
  }
  const model = options.model ?? opusModelFor(from, to, STAGE);
  return createMarianEngine({
    model,
    dtype: options.dtype ?? "q8",
    device: options.device ?? "cpu",
    settings: resolveModelSettings(options),
    numBeams: options.numBeams ?? 1,
    maxInputTokens: options.maxInputTokens,
    maxNewTokens: options.maxNewTokens,
    onProgress: options.onProgress,
  });
}

/** The engines tried when the options name none: the neural model, then Apertium. */
export const DEFAULT_ENGINES: readonly EngineName[] = Object.freeze(["transformers", "apertium"]);

/**
 * The engines to try, in order, for `createTranslator` and the translate stage alike:
 * `engines` when given, else `engine` alone, else {@link DEFAULT_ENGINES}.
 */
export function engineOrder(options: Pick<TranslatorOptions, "engine" | "engines">): EngineName[] {
  if (options.engines !== undefined) return [...options.engines];
  return options.engine === undefined ? [...DEFAULT_ENGINES] : [options.engine];
}

/** An engine that is not the first choice: which was, and why it could not be had. */
export interface EngineFallback {
  /** The engine asked for first ("transformers"). */
  preferred: EngineName;
  /** Why it could not be had (its MODEL_UNAVAILABLE message). */
  reason: string;
}

/** The engine that was created, and the fallback it stands for when it was not the first choice. */
export interface ChosenEngine {
  engine: SentenceEngine;
  fallback?: EngineFallback;
}

/**
 * Creates the first engine of `names` that is available. When none is, throws
 * `MODEL_UNAVAILABLE` with every engine's reason.
 */
export async function createFirstEngine(
  names: readonly EngineName[],
  from: string,
  to: string,
  options: TranslatorOptions,
): Promise<ChosenEngine> {
  const failures: RassegnaError[] = [];
  for (const name of names) {
    try {
      const engine = await createEngine(name, from, to, options);
      const first = failures[0];
      return first === undefined
        ? { engine }
        : { engine, fallback: { preferred: names[0] as EngineName, reason: first.message } };
    } catch (error) {
      if (!(error instanceof RassegnaError) || error.code !== "MODEL_UNAVAILABLE" || names.length === 1) throw error;
      failures.push(error);
    }
  }
  throw new RassegnaError(
    "MODEL_UNAVAILABLE",
    `${STAGE}: no engine can translate ${from}→${to}. ${failures.map((f, i) => `${names[i]}: ${f.message}`).join(" ")}`,
    { stage: STAGE, cause: failures[0] },
  );
}

/** A translator on one engine, with a sentence cache. */
export class EngineTranslator implements Translator {
  readonly from: string;
  readonly to: string;
  readonly model: string;
  readonly engine: string;
  readonly fallback: EngineFallback | undefined;
  readonly #engine: SentenceEngine;
  readonly #cache: LruCache<string, string>;
  readonly #batchSize: number;
  readonly #maxTokenLength: number | undefined;
  #cacheHits = 0;

  constructor(
    engine: SentenceEngine,
    from: string,
    to: string,
    options: {
      batchSize?: number;
      cache?: LruCache<string, string>;
      fallback?: EngineFallback;
      maxTokenLength?: number | undefined;
    } = {},
  ) {
    this.#engine = engine;
    this.fallback = options.fallback;
    this.from = from;
    this.to = to;
    this.model = engine.model;
    this.engine = engine.engine;
    this.#batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.#cache = options.cache ?? new LruCache(DEFAULT_CACHE_SIZE);
    this.#maxTokenLength = options.maxTokenLength;
  }

  get maxInputTokens(): number {
    return this.#engine.maxInputTokens;
  }

  countTokens(text: string): number {
    return this.#engine.countTokens(text);
  }

  /** The engine's key: translations of different engines never share cache entries or batches. */
  get key(): string {
    return this.#engine.key;
  }

  get stats(): TranslatorStats {
    return { ...this.#engine.stats, cacheHits: this.#cacheHits };
  }

  /**
   * Calls the engine directly, `batchSize` pieces at a time. Pieces are grouped by length:
   * a batch runs as long as its longest sentence, so mixing short and long ones wastes work.
   */
  readonly runDirect: PieceRunner = async (pieces, signal) => {
    const order = pieces.map((_, i) => i);
    if (pieces.length > this.#batchSize) {
      const lengths = pieces.map((p) => this.#engine.countTokens(p));
      order.sort((a, b) => (lengths[a] as number) - (lengths[b] as number) || a - b);
    }
    const out = new Array<string>(pieces.length);
    for (let i = 0; i < order.length; i += this.#batchSize) {
      throwIfAborted(signal, STAGE);
      const indexes = order.slice(i, i + this.#batchSize);
      const translated = await this.#engine.translateBatch(
        indexes.map((k) => pieces[k] as string),
        signal,
      );
      indexes.forEach((k, j) => {
        out[k] = translated[j] as string;
      });
    }
    return out;
  };

  /** Translates pieces through the cache: only pieces not seen before reach `run`, once each. */
  async #translatePieces(pieces: readonly string[], run: PieceRunner, signal?: AbortSignal): Promise<string[]> {
    const key = (p: string) => `${this.#engine.key}\u0000${p}`;
    const results = new Map<string, string>();
    const missing = new Set<string>();
    for (const piece of pieces) {
      if (results.has(piece) || missing.has(piece)) continue;
      const hit = this.#cache.get(key(piece));
      if (hit !== undefined) {
        results.set(piece, hit);
        this.#cacheHits++;
      } else missing.add(piece);
    }
    if (missing.size > 0) {
      const sources = [...missing];
      const translated = await run(sources, signal);
      if (translated.length !== sources.length) {
        throw new RassegnaError(
          "STAGE_FAILED",
          `${STAGE}: the engine returned ${translated.length} translations for ${sources.length} sentences.`,
          { stage: STAGE },
        );
      }
      sources.forEach((piece, i) => {
        const t = translated[i] as string;
        results.set(piece, t);
        this.#cache.set(key(piece), t);
      });
    }
    return pieces.map((p) => results.get(p) as string);
  }

  /** Translates a text, sending its pieces through `run` (the engine, or a pipeline's batching). */
  async translateWith(text: string, run: PieceRunner, options: TranslateCallOptions = {}): Promise<Translation> {
    assertText(text, { stage: STAGE });
    checkOptions(TRANSLATE_CALL_OPTIONS, options, STAGE);
    assertTokenLength(text, this.#maxTokenLength, STAGE);
    throwIfAborted(options.signal, STAGE);
    const base = { from: this.from, to: this.to, engine: this.engine, model: this.model };
    if (text.trim() === "") return { ...base, text: "", segments: [] };
    const plan = planText(text, this.#engine.maxInputTokens, (t) => this.#engine.countTokens(t));
    const translated = await this.#translatePieces(plan.pieces.flat(), run, options.signal);
    let next = 0;
    const sentenceTexts = plan.pieces.map((pieces) => joinPieces(pieces.map(() => translated[next++] as string)));
    return { ...base, ...assembleTranslation(text, plan.sentences, sentenceTexts) };
  }

  translate(text: string, options: TranslateCallOptions = {}): Promise<Translation> {
    return this.translateWith(text, this.runDirect, options);
  }

  async translateBatch(sentences: readonly string[], options: TranslateCallOptions = {}): Promise<string[]> {
    checkOptions(TRANSLATE_CALL_OPTIONS, options, STAGE);
    if (!Array.isArray(sentences)) {
      throw new RassegnaError("INVALID_INPUT", `${STAGE}: translateBatch expects an array of strings.`, {
        stage: STAGE,
      });
    }
    const perSentence = sentences.map((s) => {
      assertText(s, { stage: STAGE });
      const start = s.length - s.trimStart().length;
      const end = s.trimEnd().length;
      if (end <= start) return [];
      // Each input is one unit (not split into sentences); only a too long one is cut.
      const spans = splitLongSentence(s, { start, end }, this.#engine.maxInputTokens, (t) =>
        this.#engine.countTokens(t),
      );
      return spans.map((p) => s.slice(p.start, p.end));
    });
    const translated = await this.#translatePieces(perSentence.flat(), this.runDirect, options.signal);
    let next = 0;
    return perSentence.map((pieces) => joinPieces(pieces.map(() => translated[next++] as string)));
  }

  close(): Promise<void> {
    this.#cache.clear();
    return this.#engine.close();
  }
}

/**
 * The warning a record carries when a fallback engine translated it (code `FALLBACK_ENGINE`):
 * which engine stood in for which, and why. A warning, not an error: the record is translated
 * and clean, and the exit status of the command does not change.
 */
export function fallbackWarning(translator: Pick<Translator, "engine" | "model" | "fallback">): StageWarning {
  const { preferred, reason } = translator.fallback ?? { preferred: "transformers", reason: "" };
  return {
    stage: STAGE,
    code: "FALLBACK_ENGINE",
    message: `translated by ${translator.engine} (${translator.model}) because ${preferred} was unavailable: ${reason}`,
  };
}

/** Source and target are the same language: the text is its own translation. */
class IdentityTranslator implements Translator {
  readonly engine = "identity";
  readonly model = "none";
  readonly stats: TranslatorStats = { calls: 0, sentences: 0, generatedTokens: 0, cacheHits: 0 };
  readonly maxInputTokens = Number.POSITIVE_INFINITY;
  constructor(
    readonly from: string,
    readonly to: string,
  ) {}

  countTokens(text: string): number {
    return text.split(/\s+/).filter(Boolean).length;
  }

  async translate(text: string): Promise<Translation> {
    assertText(text, { stage: STAGE });
    const plan = planText(text, Number.POSITIVE_INFINITY, () => 0);
    return {
      from: this.from,
      to: this.to,
      engine: this.engine,
      model: this.model,
      text,
      segments: plan.sentences.map((s) => ({
        source: { start: s.start, end: s.end },
        target: { start: s.start, end: s.end },
      })),
    };
  }

  async translateBatch(sentences: readonly string[]): Promise<string[]> {
    for (const s of sentences) assertText(s, { stage: STAGE });
    return [...sentences];
  }

  async close(): Promise<void> {}
}

/**
 * Creates a translator. Loads the model once (shared with other translators of the same
 * model, dtype and device); throws `MODEL_UNAVAILABLE` when the pair has no model or the
 * model cannot be found. Source = target (English to English) gives the text back as is.
 */
export async function createTranslator(options: TranslatorOptions = {}): Promise<Translator> {
  checkOptions(TRANSLATOR_OPTIONS, options, STAGE);
  checkNumericOptions(options);
  const from = normalizeLanguage(options.from ?? "it");
  const to = normalizeLanguage(options.to ?? "en");
  if (from === to || (isEnglish(from) && isEnglish(to))) return new IdentityTranslator(from, to);
  const { engine, fallback } = await createFirstEngine(engineOrder(options), from, to, options);
  return new EngineTranslator(engine, from, to, {
    batchSize: options.batchSize ?? defaultBatchSize(engine.engine),
    cache: new LruCache(options.cacheSize ?? DEFAULT_CACHE_SIZE),
    maxTokenLength: options.maxTokenLength,
    ...(fallback === undefined ? {} : { fallback }),
  });
}
