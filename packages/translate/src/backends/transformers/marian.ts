import { existsSync } from "node:fs";

import {
  loadWithModelSettings,
  type ModelSettings,
  missingPackage,
  modelSearchPlaces,
  modelUnavailable,
  RassegnaError,
  resolveModelSettings,
  type TransformersEnvLike,
  throwIfAborted,
} from "@rassegna/core";

import { type EngineStats, type SentenceEngine, STAGE } from "../../engine.js";

/** Progress of a model download, as the command's progress bar shows it. */
export interface DownloadProgress {
  model: string;
  file: string;
  loaded: number;
  total: number;
}

export interface MarianLoadOptions {
  model: string;
  dtype: string;
  device: string;
  settings: ModelSettings;
  onProgress?: ((info: DownloadProgress) => void) | undefined;
}

export interface MarianEngineOptions extends MarianLoadOptions {
  numBeams: number;
  maxInputTokens?: number | undefined;
  maxNewTokens?: number | undefined;
}

// The slice of transformers.js this engine uses, typed structurally: the library's own
// types are generic over many model families.
interface TensorLike {
  dims: number[];
  tolist(): unknown[];
}
interface TokenizerLike {
  (texts: string[], options: { padding: boolean; truncation: boolean }): Record<string, unknown>;
  encode(text: string): number[];
  decode(ids: Array<number | bigint>, options: { skip_special_tokens: boolean }): string;
  model_max_length: number;
  all_special_ids?: number[];
}
interface Seq2SeqLike {
  config: { max_position_embeddings?: number; eos_token_id?: number; pad_token_id?: number };
  generate(options: Record<string, unknown>): Promise<TensorLike | { sequences: TensorLike }>;
  dispose(): Promise<unknown>;
}
interface TransformersModule {
  env: TransformersEnvLike & { logLevel: number };
  LogLevel: { ERROR: number };
  AutoTokenizer: { from_pretrained(model: string, options: Record<string, unknown>): Promise<unknown> };
  AutoModelForSeq2SeqLM: { from_pretrained(model: string, options: Record<string, unknown>): Promise<unknown> };
}

/** A loaded model with its tokenizer, shared by every translator that uses it. */
export interface LoadedMarian {
  readonly key: string;
  readonly model: string;
  readonly tokenizer: TokenizerLike;
  readonly seq2seq: Seq2SeqLike;
  refs: number;
}

let transformers: Promise<TransformersModule> | undefined;

/** transformers.js loads onnxruntime: imported on first use only, not by the Apertium engine. */
function loadTransformers(): Promise<TransformersModule> {
  transformers ??= (import("@huggingface/transformers") as unknown as Promise<TransformersModule>).catch((error) => {
    transformers = undefined; // installed later, a new translator finds it
    throw missingPackage("@huggingface/transformers", 'the "transformers" engine (Marian/OPUS-MT)', STAGE, error);
  });
  return transformers;
}

/** Models in memory, keyed by model + dtype + device; released when the last user closes. */
const loaded = new Map<string, Promise<LoadedMarian>>();

function modelKey(model: string, dtype: string, device: string): string {
  return `${model}|${dtype}|${device}`;
}

async function loadMarian(tjs: TransformersModule, options: MarianLoadOptions): Promise<LoadedMarian> {
  const { model, dtype, device, settings, onProgress } = options;
  const progress_callback = onProgress
    ? (info: { status: string; file?: string; loaded?: number; total?: number }) => {
        if (info.status === "progress" && info.file !== undefined) {
          onProgress({ model, file: info.file, loaded: info.loaded ?? 0, total: info.total ?? 0 });
        }
      }
    : undefined;
  const common = { progress_callback, local_files_only: settings.offline };
  // The Marian tokenizer warns on every load that it is not a "fast" tokenizer: not news here.
  const logLevel = tjs.env.logLevel;
  tjs.env.logLevel = Math.max(logLevel, tjs.LogLevel.ERROR);
  try {
    const tokenizer = (await tjs.AutoTokenizer.from_pretrained(model, common)) as TokenizerLike;
    const seq2seq = (await tjs.AutoModelForSeq2SeqLM.from_pretrained(model, {
      ...common,
      dtype,
      device,
    })) as Seq2SeqLike;
    return { key: modelKey(model, dtype, device), model, tokenizer, seq2seq, refs: 0 };
  } catch (error) {
    throw modelUnavailable(model, settings, STAGE, error);
  } finally {
    tjs.env.logLevel = logLevel;
  }
}

/**
 * Whether a model can only be missing: offline, and no folder of it in any place searched.
 * Then it is unavailable without loading transformers.js and onnxruntime (half a second of
 * CPU, more on a busy machine) only to hear so: the Apertium fallback starts sooner.
 */
function surelyMissing(options: MarianLoadOptions): boolean {
  if (!options.settings.offline || existsSync(options.model)) return false;
  return !modelSearchPlaces(options.model, options.settings).some(
    (place) => !place.startsWith("https://") && existsSync(place),
  );
}

/**
 * Whether transformers.js can be found, without loading it. Where the runtime cannot tell
 * (no `import.meta.resolve`), it is taken as installed and the load itself will say.
 */
function transformersInstalled(): boolean {
  if (typeof import.meta.resolve !== "function") return true;
  try {
    import.meta.resolve("@huggingface/transformers");
    return true;
  } catch {
    return false;
  }
}

/** Loads a model, or shares the one already in memory; call {@link releaseMarian} when done. */
export async function acquireMarian(options: MarianLoadOptions): Promise<LoadedMarian> {
  if (surelyMissing(options)) {
    // Without the package, installing it is the first thing to do: say that, not "no model".
    if (!transformersInstalled()) await loadTransformers();
    throw modelUnavailable(options.model, options.settings, STAGE);
  }
  const key = modelKey(options.model, options.dtype, options.device);
  let pending = loaded.get(key);
  if (!pending) {
    // transformers.js reads one global `env`: core's queue serialises every stage's loads.
    pending = loadTransformers().then((tjs) =>
      loadWithModelSettings(tjs.env, options.settings, () => loadMarian(tjs, options)),
    );
    loaded.set(key, pending);
    // A failed load is not kept: the next call tries again (the files may have arrived).
    pending.catch(() => {
      if (loaded.get(key) === pending) loaded.delete(key);
    });
  }
  const model = await pending;
  model.refs++;
  return model;
}

/** Drops one use of a model; the last one frees its ONNX sessions. */
export async function releaseMarian(model: LoadedMarian): Promise<void> {
  model.refs--;
  if (model.refs > 0) return;
  loaded.delete(model.key);
  await model.seq2seq.dispose();
}

/** The number of models in memory (for tests of sharing and release). */
export function loadedModelCount(): number {
  return loaded.size;
}

/**
 * transformers.js 4.3.1's `generate()` has no beam search (its source says "TODO: Support beam
 * search"): `num_beams > 1` silently decodes greedily. Refused rather than pretended.
 */
export function checkNumBeams(numBeams: number): void {
  if (numBeams !== 1) {
    throw new RassegnaError(
      "USAGE",
      `${STAGE}: numBeams ${numBeams} is not supported: transformers.js decodes greedily only (its generate() has no beam search), so the output would be greedy anyway. Use numBeams: 1 (the default).`,
      { stage: STAGE },
    );
  }
}

/**
 * Weights quantized with dynamic quantization (q8 and the like) scale activations over the
 * whole input tensor, so a sentence's translation would depend on its batch neighbours (other
 * articles' sentences included). Such models translate one sentence per call.
 */
export function batchesAreDeterministic(dtype: string): boolean {
  return dtype === "fp32" || dtype === "fp16";
}

function sequencesOf(output: TensorLike | { sequences: TensorLike }): TensorLike {
  return "sequences" in output ? output.sequences : output;
}

/** transformers.js + Marian (OPUS-MT) engine. */
export class MarianEngine implements SentenceEngine {
  readonly engine = "transformers" as const;
  readonly model: string;
  readonly key: string;
  readonly maxInputTokens: number;
  readonly stats: EngineStats = { calls: 0, sentences: 0, generatedTokens: 0 };
  readonly #loaded: LoadedMarian;
  readonly #numBeams: number;
  readonly #maxNewTokens: number | undefined;
  readonly #maxPositions: number;
  readonly #special: Set<number>;
  /** Whether sentences may share a generate call (see {@link batchesAreDeterministic}). */
  readonly #batching: boolean;
  #closed = false;

  constructor(loadedModel: LoadedMarian, options: MarianEngineOptions) {
    checkNumBeams(options.numBeams);
    this.#loaded = loadedModel;
    this.model = options.model;
    this.#numBeams = options.numBeams;
    this.#maxNewTokens = options.maxNewTokens;
    const config = loadedModel.seq2seq.config;
    const tokenizerMax = loadedModel.tokenizer.model_max_length;
    this.#maxPositions = Math.min(
      config.max_position_embeddings ?? 512,
      Number.isFinite(tokenizerMax) && tokenizerMax > 0 ? tokenizerMax : 512,
    );
    this.maxInputTokens = Math.min(options.maxInputTokens ?? this.#maxPositions, this.#maxPositions);
    this.#batching = batchesAreDeterministic(options.dtype);
    this.key = `transformers:${loadedModel.key}|beams=${this.#numBeams}`;
    this.#special = new Set(
      [config.eos_token_id, config.pad_token_id, ...(loadedModel.tokenizer.all_special_ids ?? [])].filter(
        (id): id is number => typeof id === "number",
      ),
    );
  }

  countTokens(text: string): number {
    return this.#loaded.tokenizer.encode(text).length;
  }

  /**
   * The most target tokens a sentence of `inputTokens` may get: enough for any real
   * translation into English, bounded so that a degenerate model cannot loop for long.
   */
  #budget(inputTokens: number): number {
    return Math.min(this.#maxNewTokens ?? 2 * inputTokens + 16, this.#maxPositions - 1);
  }

  async translateBatch(texts: readonly string[], signal?: AbortSignal): Promise<string[]> {
    if (this.#closed) throw new RassegnaError("STAGE_FAILED", `${STAGE}: the translator is closed.`, { stage: STAGE });
    throwIfAborted(signal, STAGE);
    if (texts.length === 0) return [];
    const lengths = texts.map((t) => this.countTokens(t));
    // A batch runs as long as its longest row: sentences of very different lengths go in
    // separate calls (buckets where the longest is at most about twice the shortest).
    const order = texts.map((_, i) => i).sort((a, b) => (lengths[a] as number) - (lengths[b] as number) || a - b);
    const buckets: number[][] = [];
    for (const i of order) {
      const bucket = buckets.at(-1);
      const first = bucket === undefined ? undefined : (lengths[bucket[0] as number] as number);
      if (bucket === undefined || !this.#batching || (lengths[i] as number) > 2 * (first as number) + 8) {
        buckets.push([i]);
      } else bucket.push(i);
    }
    const out = new Array<string>(texts.length);
    for (const bucket of buckets) {
      throwIfAborted(signal, STAGE);
      const translated = await this.#generate(
        bucket.map((i) => texts[i] as string),
        bucket.map((i) => this.#budget(lengths[i] as number)),
      );
      bucket.forEach((i, j) => {
        out[i] = translated[j] as string;
      });
    }
    return out;
  }

  /** One generate call: greedy (or beam) decoding of a batch, each row within its budget. */
  async #generate(texts: string[], budgets: number[]): Promise<string[]> {
    const { tokenizer, seq2seq } = this.#loaded;
    const inputs = tokenizer(texts, { padding: true, truncation: false });
    const eosId = seq2seq.config.eos_token_id;
    // transformers.js keeps generating for rows that are done and only looks at their last
    // token, so one row that goes on after its end-of-sentence keeps the whole batch running.
    // A row is done for good once it has produced end-of-sentence or reached its own budget.
    const rowDone = (rows: Array<Array<number | bigint>>): boolean[] =>
      rows.map((row, i) => row.length - 1 >= (budgets[i] as number) || row.slice(1).some((id) => Number(id) === eosId));
    const output = await seq2seq.generate({
      ...inputs,
      stopping_criteria: [rowDone],
      // One token over the largest budget: the model's forced end-of-sentence token at the
      // last step then falls outside every row's budget, alone or batched.
      max_new_tokens: Math.max(...budgets) + 1,
      num_beams: this.#numBeams,
      do_sample: false,
    });
    this.stats.calls++;
    this.stats.sentences += texts.length;
    const rows = sequencesOf(output).tolist() as Array<Array<number | bigint>>;
    return rows.map((row, i) => {
      // Each row starts with the decoder start token. A row is cut to its own budget, so
      // that a sentence gets the same output alone as beside longer ones in a batch.
      const ids = row.slice(1, 1 + (budgets[i] as number));
      const eos = ids.findIndex((id) => Number(id) === eosId);
      const kept = (eos >= 0 ? ids.slice(0, eos) : ids).map(Number);
      this.stats.generatedTokens += kept.filter((id) => !this.#special.has(id)).length;
      return kept.length === 0 ? "" : tokenizer.decode(kept, { skip_special_tokens: true }).trim();
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await releaseMarian(this.#loaded);
  }
}

/** Loads (or shares) a Marian model and wraps it as an engine. */
export async function createMarianEngine(
  options: Omit<MarianEngineOptions, "settings"> & { settings?: ModelSettings },
): Promise<MarianEngine> {
  checkNumBeams(options.numBeams);
  const settings = options.settings ?? resolveModelSettings();
  const loadedModel = await acquireMarian({ ...options, settings });
  return new MarianEngine(loadedModel, { ...options, settings });
}
