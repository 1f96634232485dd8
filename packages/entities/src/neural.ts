/**
 * The neural backend: token classification through transformers.js (a BERT-style NER model
 * such as `Xenova/bert-base-multilingual-cased-ner-hrl`, which reads Italian directly).
 *
 * transformers.js' token-classification pipeline gives no character offsets, so the text is
 * cut into words the way a BERT tokenizer pre-splits it (true offsets, see neural-labels.ts),
 * each word is encoded on its own, and each word takes a label from its word pieces by an
 * aggregation strategy ("first" by default, as transformers.js names them).
 */
import {
  loadWithModelSettings,
  type ModelSettings,
  missingPackage,
  modelUnavailable,
  RassegnaError,
  type TransformersEnvLike,
  throwIfAborted,
} from "@rassegna/core";

import { lookupName } from "./gazetteer.js";
import type { TypedMention } from "./merge.js";
import {
  type AggregationStrategy,
  type NeuralWord,
  neuralWords,
  type ParsedLabel,
  parseLabels,
  wordLabel,
} from "./neural-labels.js";
import { chunks } from "./rules/chunks.js";

type Token = NeuralWord;

/** The default NER model: multilingual BERT fine-tuned on 10 high-resource languages. */
export const DEFAULT_NER_MODEL = "Xenova/bert-base-multilingual-cased-ner-hrl";

const STAGE = "entities";

// The slice of transformers.js this backend uses, typed structurally.
interface TensorLike {
  dims: number[];
  data: ArrayLike<number>;
}
interface TokenizerLike {
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
  pad_token_id?: number;
  model_max_length?: number;
}
interface ClassifierLike {
  config: { id2label?: Record<string, string>; max_position_embeddings?: number };
  (inputs: Record<string, unknown>): Promise<{ logits: TensorLike }>;
  dispose(): Promise<unknown>;
}
interface TransformersModule {
  env: TransformersEnvLike & { logLevel?: number };
  Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
  AutoTokenizer: { from_pretrained(model: string, options: Record<string, unknown>): Promise<unknown> };
  AutoModelForTokenClassification: {
    from_pretrained(model: string, options: Record<string, unknown>): Promise<unknown>;
  };
}

/** What the neural backend needs to load its model. */
export interface NeuralLoadOptions {
  model: string;
  /** ONNX weights variant: "q8" (model_quantized.onnx, default) or "fp32" (model.onnx). */
  dtype: string;
  settings: ModelSettings;
  /** Words per model call (sentences are padded to the longest in a batch). */
  batchSize: number;
  /** How a word's label comes from its pieces (default "first"). */
  aggregation?: AggregationStrategy | undefined;
}

/** A loaded token-classification model, ready to tag texts. */
export class NeuralTagger {
  readonly model: string;
  readonly #tjs: TransformersModule;
  readonly #tokenizer: TokenizerLike;
  readonly #classifier: ClassifierLike;
  readonly #labels: ParsedLabel[];
  readonly #aggregation: AggregationStrategy;
  readonly #prefix: number[];
  readonly #suffix: number[];
  readonly #maxPieces: number;
  readonly #batchSize: number;
  /** Word pieces of words already seen (bounded). */
  readonly #pieces = new Map<string, number[]>();

  private constructor(
    tjs: TransformersModule,
    tokenizer: TokenizerLike,
    classifier: ClassifierLike,
    options: NeuralLoadOptions,
  ) {
    this.model = options.model;
    this.#tjs = tjs;
    this.#tokenizer = tokenizer;
    this.#classifier = classifier;
    // Labels by name, in id order: models order and name them differently (B-DATE first, S-GPE…).
    this.#labels = parseLabels(options.model, classifier.config.id2label, STAGE);
    this.#aggregation = options.aggregation ?? "first";
    // The special tokens around a sequence ([CLS] … [SEP] for BERT), from an empty input.
    const specials = tokenizer.encode("", { add_special_tokens: true });
    this.#prefix = specials.slice(0, 1);
    this.#suffix = specials.slice(1);
    const limit = Math.min(tokenizer.model_max_length ?? 512, classifier.config.max_position_embeddings ?? 512, 512);
    this.#maxPieces = limit - this.#prefix.length - this.#suffix.length;
    this.#batchSize = options.batchSize;
  }

  /** Loads the model through the shared model settings; a missing model is `MODEL_UNAVAILABLE`. */
  static async load(options: NeuralLoadOptions): Promise<NeuralTagger> {
    const { model, dtype, settings } = options;
    const tjs = (await import("@huggingface/transformers").catch((error: unknown) => {
      throw missingPackage("@huggingface/transformers", 'the "transformers" backend', STAGE, error);
    })) as unknown as TransformersModule;
    const common = { local_files_only: settings.offline };
    const [tokenizer, classifier] = await loadWithModelSettings(tjs.env, settings, async () => {
      try {
        return [
          (await tjs.AutoTokenizer.from_pretrained(model, common)) as TokenizerLike,
          (await tjs.AutoModelForTokenClassification.from_pretrained(model, {
            ...common,
            dtype,
            device: "cpu",
          })) as ClassifierLike,
        ] as const;
      } catch (error) {
        throw modelUnavailable(model, settings, STAGE, error);
      }
    });
    try {
      return new NeuralTagger(tjs, tokenizer, classifier, options);
    } catch (error) {
      await classifier.dispose();
      throw error;
    }
  }

  #wordPieces(word: string): number[] {
    let pieces = this.#pieces.get(word);
    if (!pieces) {
      pieces = this.#tokenizer.encode(word, { add_special_tokens: false });
      if (pieces.length === 0) pieces = this.#tokenizer.encode("[UNK]", { add_special_tokens: false });
      if (this.#pieces.size > 50_000) this.#pieces.clear();
      this.#pieces.set(word, pieces);
    }
    return pieces;
  }

  /** Tags `text`: one mention per entity span, offsets into `text`. */
  async tag(text: string, signal?: AbortSignal): Promise<TypedMention[]> {
    const found: TypedMention[] = [];
    for (const [start, end] of chunks(text)) {
      throwIfAborted(signal, STAGE);
      const words = neuralWords(text, start, end);
      const windows = this.#windows(words);
      for (let i = 0; i < windows.length; i += this.#batchSize) {
        const batch = windows.slice(i, i + this.#batchSize);
        const labels = await this.#classify(batch);
        batch.forEach((window, b) => {
          this.#spans(text, window, labels[b] ?? [], found);
        });
      }
    }
    return found;
  }

  /** Cuts words into windows whose word pieces fit the model. */
  #windows(words: Token[]): Array<{ words: Token[]; pieces: number[][] }> {
    const windows: Array<{ words: Token[]; pieces: number[][] }> = [];
    let current: { words: Token[]; pieces: number[][] } = { words: [], pieces: [] };
    let size = 0;
    for (const word of words) {
      const pieces = this.#wordPieces(word.text).slice(0, this.#maxPieces);
      const sentenceStart = word.initial && word.word && current.words.length > 40;
      if (current.words.length > 0 && (size + pieces.length > this.#maxPieces || sentenceStart)) {
        windows.push(current);
        current = { words: [], pieces: [] };
        size = 0;
      }
      current.words.push(word);
      current.pieces.push(pieces);
      size += pieces.length;
    }
    if (current.words.length > 0) windows.push(current);
    return windows;
  }

  /** The label of each word (aggregated over its pieces), for a batch of windows. */
  async #classify(batch: Array<{ words: Token[]; pieces: number[][] }>): Promise<ParsedLabel[][]> {
    const sequences = batch.map((window) => [...this.#prefix, ...window.pieces.flat(), ...this.#suffix]);
    const length = Math.max(...sequences.map((s) => s.length));
    const pad = this.#tokenizer.pad_token_id ?? 0;
    const ids = new BigInt64Array(batch.length * length);
    const mask = new BigInt64Array(batch.length * length);
    sequences.forEach((sequence, b) => {
      for (let t = 0; t < length; t++) {
        ids[b * length + t] = BigInt(sequence[t] ?? pad);
        mask[b * length + t] = t < sequence.length ? 1n : 0n;
      }
    });
    const dims = [batch.length, length];
    const { Tensor } = this.#tjs;
    const { logits } = await this.#classifier({
      input_ids: new Tensor("int64", ids, dims),
      attention_mask: new Tensor("int64", mask, dims),
      token_type_ids: new Tensor("int64", new BigInt64Array(batch.length * length), dims),
    });
    const classes = logits.dims[2] ?? this.#labels.length;
    const outside: ParsedLabel = { position: "O", type: undefined, tag: "" };
    return batch.map((window, b) => {
      const labels: ParsedLabel[] = [];
      let position = this.#prefix.length;
      for (const pieces of window.pieces) {
        const rows = pieces.map((_, p) => {
          const offset = (b * length + position + p) * classes;
          return Float64Array.from({ length: classes }, (_, c) => Number(logits.data[offset + c] ?? -Infinity));
        });
        labels.push(this.#labels[wordLabel(rows, this.#aggregation)] ?? outside);
        position += pieces.length;
      }
      return labels;
    });
  }

  /**
   * Word labels to mentions with true offsets. B opens an entity, I continues one of its type
   * (or opens one), E continues and closes, S is a one-word entity; labels of types Rassegna
   * does not report close what is open.
   */
  #spans(text: string, window: { words: Token[] }, labels: ParsedLabel[], found: TypedMention[]): void {
    let open: { start: number; end: number; type: TypedMention["type"] } | undefined;
    const close = () => {
      if (!open) return;
      const surface = text.slice(open.start, open.end);
      const known = lookupName(surface);
      const mention: TypedMention = { start: open.start, end: open.end, text: surface, type: open.type, strength: 1 };
      if (known?.type === open.type) mention.canonical = known.name;
      found.push(mention);
      open = undefined;
    };
    window.words.forEach((word, i) => {
      const label = labels[i];
      const type = label?.type;
      if (!label || type === undefined || !word.word) {
        // Punctuation inside a name ("D'Alema", "Acme & Co", "U.S.-led") stays in only when
        // the next word continues the same entity.
        const next = labels[i + 1];
        const continues = next?.type === open?.type && (next?.position === "I" || next?.position === "E");
        if (open && !word.word && continues && word.start === open.end) return;
        close();
        return;
      }
      if (open && open.type === type && (label.position === "I" || label.position === "E")) {
        open.end = word.end;
      } else {
        close();
        open = { start: word.start, end: word.end, type };
      }
      if (label.position === "E" || label.position === "S") close();
    });
    close();
  }

  async close(): Promise<void> {
    await this.#classifier.dispose();
  }
}

/** Loaded taggers, shared by extractors with the same model, weights and settings, with how many hold each. */
const taggers = new Map<string, { pending: Promise<NeuralTagger>; holders: number }>();

/**
 * Loads a tagger, or shares the one already loaded; `hold` (default true) counts the caller as
 * a holder until it calls {@link releaseTagger}. A failed load is not kept.
 */
export function acquireTagger(options: NeuralLoadOptions, hold = true): Promise<NeuralTagger> {
  const { model, dtype, settings } = options;
  const key = JSON.stringify([
    model,
    dtype,
    settings.cacheDir,
    settings.localModelPath ?? "",
    settings.offline,
    options.batchSize,
    options.aggregation ?? "first",
  ]);
  let entry = taggers.get(key);
  if (!entry) {
    const pending = NeuralTagger.load(options);
    const created = { pending, holders: 0 };
    entry = created;
    taggers.set(key, created);
    pending.catch(() => {
      if (taggers.get(key) === created) taggers.delete(key);
    });
  }
  if (hold) entry.holders++;
  return entry.pending;
}

/** One holder lets go of a tagger: the last one frees its model. */
export async function releaseTagger(pending: Promise<NeuralTagger>): Promise<void> {
  for (const [key, entry] of taggers) {
    if (entry.pending !== pending) continue;
    entry.holders--;
    if (entry.holders > 0) return;
    taggers.delete(key);
    const tagger = await pending.catch(() => undefined);
    await tagger?.close();
    return;
  }
}

/**
 * Frees every loaded model of the transformers backend, held or not (shutdown, tests).
 *
 * @deprecated Call `close()` on the stage or the extractor: it frees the model once nothing
 * else holds it.
 */
export async function releaseEntityModels(): Promise<void> {
  const all = [...taggers.values()];
  taggers.clear();
  for (const { pending } of all) {
    const tagger = await pending.catch(() => undefined);
    await tagger?.close();
  }
}

/** Rejects options the neural backend cannot use. */
export function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RassegnaError("INVALID_INPUT", `entities: batchSize must be a positive integer, got ${batchSize}.`, {
      stage: STAGE,
    });
  }
}
