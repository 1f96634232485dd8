import {
  assertText,
  checkOptions,
  type Entity,
  EXTRACT_OPTIONS,
  type ModelSettingsOptions,
  RassegnaError,
  resolveModelSettings,
  type TextSource,
} from "@rassegna/core";

import { maskPageChrome } from "./chrome.js";
import { findKnownNames, withKnownNames } from "./known.js";
import { mergeMentions, type TypedMention } from "./merge.js";
import { acquireTagger, checkBatchSize, DEFAULT_NER_MODEL, type NeuralTagger } from "./neural.js";
import { type FoundMention, findMentions, type RulesLanguage } from "./rules.js";

const STAGE = "entities";

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
   * comunale": no capital letter) as organisations, as the KIND corpus annotates them (default false: a generic
   * noun names no particular entity).
   */
  lowercaseBodies?: boolean;
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

/** A mention without a capital letter: a common noun ("il governo", "la polizia tedesca"). */
const LOWER_START = /^[^\p{Lu}]*$/u;

/**
 * "Ad Antalya" (a capitalised preposition at a sentence start), "regione di Tillabéri", "isola
 * di Lampedusa" (a generic place noun, which KIND spans with the name): the name alone.
 */
const GENERIC_HEAD =
  /^(?:regione|provincia|comune|città|isola|distretto|villaggio)\s+(?:di|del|della|dello|dell['’])\s*(?=\p{Lu})/u;
const PREPOSITION_HEAD = /^(?:Ad|In|Su|Per|Con|Tra|Fra|Dal|Dalla|Nel|Nella)\s+(?=\p{Lu})/u;

function withoutGenericHead(mention: FoundMention): FoundMention {
  const cut =
    PREPOSITION_HEAD.exec(mention.text)?.[0].length ??
    (mention.type === "LOCATION" ? GENERIC_HEAD.exec(mention.text)?.[0].length : undefined) ??
    0;
  if (cut === 0 || cut >= mention.text.length) return mention;
  const out: FoundMention = { ...mention, start: mention.start + cut, text: mention.text.slice(cut) };
  delete out.canonical;
  return out;
}

/** Languages the rules backend reads directly. */
export const RULES_LANGUAGES: readonly string[] = ["en", "it"];

const LANGUAGE_CODES: Record<string, RulesLanguage> = { en: "en", eng: "en", it: "it", ita: "it" };

/** The rules language for a code ("it-IT" → "it"), `undefined` when the rules cannot read it. */
export function rulesLanguage(code: string | undefined): RulesLanguage | undefined {
  if (code === undefined || code === "" || code === "und") return "en";
  return LANGUAGE_CODES[code.toLowerCase().split(/[-_]/)[0] ?? ""];
}

function unsupported(code: string): RassegnaError {
  return new RassegnaError("UNSUPPORTED_LANGUAGE", `${STAGE}: the rules backend does not read "${code}".`, {
    stage: STAGE,
    hint: `Translate the text to English first, or use { backend: "transformers" } (a multilingual model). Rules read: ${RULES_LANGUAGES.join(", ")}.`,
  });
}

function checkBackend(backend: unknown): void {
  if (backend !== undefined && backend !== "rules" && backend !== "transformers") {
    throw new RassegnaError("INVALID_INPUT", `${STAGE}: unknown backend "${String(backend)}".`, {
      stage: STAGE,
      hint: 'Use "rules" (default) or "transformers".',
    });
  }
}

/** Entities of `text` by the rules backend (checked input, supported language). */
export function extractWithRules(text: string, options: RulesExtractOptions = {}): Entity[] {
  checkBackend(options.backend);
  assertText(text, { stage: STAGE });
  const language = rulesLanguage(options.language);
  if (!language) throw unsupported(options.language ?? "");
  if (text.trim() === "") return [];
  const masked = maskPageChrome(text);
  let found = findMentions(masked, language);
  if (!options.lowercaseBodies && language === "it") found = found.map(withoutGenericHead);
  const entities = mergeMentions(withKnownNames(found, masked), options.source ?? "original");
  if (options.lowercaseBodies) return entities;
  return entities.filter((e) => e.type !== "ORGANIZATION" || !e.mentions.every((m) => LOWER_START.test(m.text)));
}

/**
 * Only the names the gazetteers know, in a text of any language ("NATO", "Friedrich Merz",
 * "Berlino"): what can be read of a language no backend at hand reads.
 */
export function extractKnownNames(text: string, source: TextSource = "original"): Entity[] {
  assertText(text, { stage: STAGE });
  return mergeMentions(findKnownNames(maskPageChrome(text)), source);
}

/** Reusable extractor: keeps the neural model loaded between texts. */
export interface EntityExtractor {
  readonly backend: "rules" | "transformers";
  /** Entities of `text`; `language` overrides the extractor's language. */
  extract(text: string, language?: string, signal?: AbortSignal): Promise<Entity[]>;
  /** Whether this extractor reads the language (rules: English and Italian; neural: any). */
  reads(language: string | undefined): boolean;
  close(): Promise<void>;
}

/**
 * An extractor for many texts. With `backend: "transformers"` the model is loaded on first
 * use (or now, with `await extractor.extract("")`) and shared by extractors with the same
 * model and settings.
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

function neuralExtractor(options: TransformersExtractOptions): EntityExtractor {
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
    acquireTagger({
      model: options.model ?? DEFAULT_NER_MODEL,
      dtype: options.dtype ?? "q8",
      settings: resolveModelSettings(options),
      batchSize,
      aggregation: options.aggregation,
    });
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
      tagger = undefined;
    },
  };
}

/** Entities of `text` by the neural backend (loads the model once, shared). */
export function extractWithTransformers(text: string, options: TransformersExtractOptions): Promise<Entity[]> {
  return neuralExtractor(options).extract(text, options.language);
}
