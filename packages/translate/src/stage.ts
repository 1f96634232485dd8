import {
  type Analysis,
  type BatchSpec,
  checkOptions,
  hasInputError,
  hasLetters,
  RassegnaError,
  type Stage,
  type StageContext,
  TRANSLATE_STAGE_OPTIONS,
} from "@rassegna/core";

import { createFirstEngine, engineOrder, fallbackWarning } from "./backends/index.js";
import { PartialBatchError, type SentenceEngine, STAGE } from "./engine.js";
import { LruCache } from "./lru.js";
import { isEnglish, normalizeLanguage } from "./registry.js";
import { keepAsIs, keptStretches } from "./text.js";
import { EngineTranslator } from "./translator.js";
import {
  checkNumericOptions,
  DEFAULT_CACHE_SIZE,
  defaultBatchSize,
  type PieceRunner,
  type TranslatorOptions,
} from "./types.js";

export interface TranslateStageOptions extends Omit<TranslatorOptions, "from" | "model"> {
  /** Models by source language, over the registry's: `{ it: "Xenova/opus-mt-it-en" }`. */
  models?: Record<string, string>;
  /** The model for Italian, the primary source (shorthand for `models: { it: model }`). */
  model?: string;
  /** Longest wait, in milliseconds, for sentences of other articles to fill a batch. Default 5. */
  maxWaitMs?: number;
  /**
   * Source languages whose engines are made as the stage is (see {@link TranslateStage.warmup}),
   * so that the first article in one of them does not wait for a model or Apertium's
   * dictionaries. Default: none (an engine is made when its language first comes).
   */
  preload?: string[];
}

/** The translate stage, with a way to make its engines ahead of the first article. */
export interface TranslateStage extends Stage {
  /**
   * Makes the engines of these source languages now (the neural model loads; Apertium's
   * programs start and load their dictionaries side by side), while the caller does other
   * work. Resolves when they are ready; a language that cannot be translated is not an error
   * here: its articles get the error, as without warmup. English and the target are skipped.
   */
  warmup(languages: readonly string[]): Promise<void>;
}

/** One sentence (or piece of one) waiting for a batch: the engine it needs and its text. */
export interface SentenceItem {
  engine: string;
  text: string;
}

/**
 * The translation stage: reads `doc.language.code` (or the article's language hint),
 * leaves English alone, and writes `doc.translation`. Sentences of all articles in flight
 * go through `batching`, so the pipeline sends them to the model together; one model is
 * loaded per source language, on first use, and shared. A sentence LRU cache (`cacheSize`)
 * skips repeated sentences (wire copy, boilerplate).
 */
export function translateStage(options: TranslateStageOptions = {}): TranslateStage {
  checkOptions(TRANSLATE_STAGE_OPTIONS, options, STAGE);
  checkNumericOptions(options);
  if (
    options.preload !== undefined &&
    !(Array.isArray(options.preload) && options.preload.every((l) => typeof l === "string"))
  ) {
    throw new RassegnaError(
      "USAGE",
      `${STAGE}: option preload must be a list of language codes, got ${String(options.preload)}.`,
      {
        stage: STAGE,
        hint: 'For example preload: ["it"].',
      },
    );
  }
  const to = normalizeLanguage(options.to ?? "en");
  const names = engineOrder(options);
  const cache = new LruCache<string, string>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  // The pipeline gathers up to the largest batch any engine in the list takes (Apertium
  // pays a process start per call, so it wants many sentences); each engine then gets
  // chunks of its own size.
  const batchSize = Math.max(1, options.batchSize ?? Math.max(...names.map((name) => defaultBatchSize(name))));
  const engineBatchSize = (engine: SentenceEngine): number =>
    Math.max(1, options.batchSize ?? defaultBatchSize(engine.engine));
  // A failed load stays here too: every article of that language gets the same clear error
  // without trying again.
  const translators = new Map<string, Promise<EngineTranslator>>();
  const models = new Map<string, string>(
    Object.entries({ ...(options.model === undefined ? {} : { it: options.model }), ...options.models }).map(
      ([language, model]) => [normalizeLanguage(language), model],
    ),
  );
  const engines = new Map<string, SentenceEngine>();

  const translatorFor = (from: string): Promise<EngineTranslator> => {
    let pending = translators.get(from);
    if (!pending) {
      const model = models.get(from);
      const { model: _italian, models: _byLanguage, ...rest } = options;
      pending = createFirstEngine(names, from, to, model === undefined ? rest : { ...rest, model }).then(
        ({ engine, fallback }) => {
          engines.set(engine.key, engine);
          const size = engineBatchSize(engine);
          return new EngineTranslator(engine, from, to, {
            batchSize: size,
            cache,
            maxTokenLength: options.maxTokenLength,
            ...(fallback ? { fallback } : {}),
          });
        },
      );
      translators.set(from, pending);
    }
    return pending;
  };

  // A sentence that failed on its own (an Apertium chain that hung on it) comes back as its
  // error: only the article that holds it fails, the others of the batch go on.
  const batching: BatchSpec<SentenceItem, string | RassegnaError> = {
    batchSize,
    maxWaitMs: options.maxWaitMs ?? 5,
    async run(items, signal) {
      // Items of several articles, maybe of several languages: one call per engine.
      const groups = new Map<string, number[]>();
      items.forEach((item, i) => {
        const group = groups.get(item.engine);
        if (group) group.push(i);
        else groups.set(item.engine, [i]);
      });
      const out = new Array<string | RassegnaError>(items.length);
      for (const [key, indexes] of groups) {
        const engine = engines.get(key);
        if (!engine)
          throw new RassegnaError("STAGE_FAILED", `${STAGE}: no engine "${key}" is loaded.`, { stage: STAGE });
        const size = engineBatchSize(engine);
        for (let start = 0; start < indexes.length; start += size) {
          const chunk = indexes.slice(start, start + size);
          const translated = await engine
            .translateBatch(
              chunk.map((i) => (items[i] as SentenceItem).text),
              signal,
            )
            .catch((error: unknown) => {
              if (error instanceof PartialBatchError) return error.results;
              throw error;
            });
          chunk.forEach((itemIndex, j) => {
            out[itemIndex] = translated[j] as string;
          });
        }
      }
      return out;
    },
  };

  const stage: TranslateStage = {
    name: STAGE,
    batching,
    async warmup(languages: readonly string[]): Promise<void> {
      const sources = languages.map(normalizeLanguage).filter((code) => code !== to && !isEnglish(code));
      await Promise.allSettled([...new Set(sources)].map(translatorFor));
    },
    async process(doc: Analysis, context: StageContext): Promise<void> {
      if (hasInputError(doc)) return;
      // Numbers and symbols only ("und" by detection): there is nothing to translate.
      if (!hasLetters(doc.text)) return;
      const code = doc.language?.code ?? doc.languageHint;
      if (code === undefined || code === "und") {
        throw new RassegnaError(
          "UNSUPPORTED_LANGUAGE",
          `${STAGE}: the language of article "${doc.id}" is ${code === undefined ? "not known" : "undetermined"}, so it cannot be translated.`,
          { stage: STAGE, hint: "Run language detection before translation, or give the article a language hint." },
        );
      }
      if (isEnglish(code)) return;
      const translator = await translatorFor(normalizeLanguage(code));
      const key = translator.key;
      const batch: PieceRunner = async (pieces) => {
        const out = await context.batch<SentenceItem, string | RassegnaError>(
          pieces.map((text) => ({ engine: key, text })),
        );
        const failed = out.find((r): r is RassegnaError => r instanceof RassegnaError);
        if (failed) throw failed;
        return out as string[];
      };
      // Stretches already in the target language (an English quotation) pass through as they are.
      const keepText = keptStretches(doc, "text", to);
      const title = typeof doc.title === "string" && hasLetters(doc.title) ? doc.title : undefined;
      // Body and title at once, so that their sentences share the engine's batches.
      const [translation, titled] = await Promise.all([
        translator.translateWith(doc.text, keepAsIs(doc.text, keepText, batch), { signal: context.signal }),
        title === undefined
          ? undefined
          : translator.translateWith(title, keepAsIs(title, keptStretches(doc, "title", to), batch), {
              signal: context.signal,
            }),
      ]);
      if (titled) {
        translation.title = titled.text;
        translation.titleSegments = titled.segments;
      }
      doc.translation = translation;
      if (translator.fallback) doc.warnings = [...(doc.warnings ?? []), fallbackWarning(translator)];
    },
    async close(): Promise<void> {
      const all = [...translators.values()];
      translators.clear();
      engines.clear();
      cache.clear();
      const settled = await Promise.allSettled(all);
      for (const result of settled) if (result.status === "fulfilled") await result.value.close();
    },
  };
  if (options.preload !== undefined && options.preload.length > 0) void stage.warmup(options.preload);
  return stage;
}
