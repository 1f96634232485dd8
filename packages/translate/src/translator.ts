import {
  assertText,
  assertTokenLength,
  checkOptions,
  RassegnaError,
  TRANSLATE_CALL_OPTIONS,
  TRANSLATOR_OPTIONS,
  type Translation,
  throwIfAborted,
} from "@rassegna/core";

import { createFirstEngine, engineOrder } from "./backends/index.js";
import { type SentenceEngine, STAGE } from "./engine.js";
import { LruCache } from "./lru.js";
import { isEnglish, normalizeLanguage } from "./registry.js";
import { assembleTranslation, joinPieces, planText, splitLongSentence } from "./text.js";
import {
  checkNumericOptions,
  DEFAULT_BATCH_SIZE,
  DEFAULT_CACHE_SIZE,
  defaultBatchSize,
  type EngineFallback,
  type PieceRunner,
  type TranslateCallOptions,
  type Translator,
  type TranslatorOptions,
  type TranslatorStats,
} from "./types.js";

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
