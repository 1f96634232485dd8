import type { Analysis } from "./types.js";

/** Micro-batching a stage asks for: the pipeline gathers items from articles in flight. */
export interface BatchSpec<I = unknown, O = unknown> {
  /** Most items in one call of `run`. */
  batchSize: number;
  /** Longest time the first item of a batch waits for others, in milliseconds. */
  maxWaitMs: number;
  /** Processes a batch; returns one output per item, in order. */
  run(items: I[], signal: AbortSignal): Promise<O[]>;
}

/** What a stage gets besides the document. */
export interface StageContext {
  /** Aborted when the run is cancelled: stop early and release what you hold. */
  readonly signal: AbortSignal;
  /**
   * Runs items through the stage's {@link BatchSpec}. In a pipeline, items of several
   * articles go into one call; standalone, items are cut into `batchSize` chunks.
   */
  batch<I, O>(items: readonly I[]): Promise<O[]>;
}

/**
 * A field of the {@link Analysis} a stage reads or writes, as it declares in `reads` / `writes`
 * (spaCy's `requires` / `assigns`): the pipeline checks at creation that what a stage reads
 * is written by a stage before it or comes with the input.
 */
export type AnalysisField = Exclude<keyof Analysis, "errors" | "warnings">;

/**
 * A stage reads an {@link Analysis} and adds to it, like a spaCy component or a unified
 * plugin. It may throw: the pipeline records the error on that article and goes on.
 */
export interface Stage {
  /** Short name used in `errors[].stage` and in progress events, e.g. `"translate"`. */
  readonly name: string;
  /** Declare to get cross-article micro-batches through `context.batch`. */
  readonly batching?: BatchSpec<any, any>;
  /** The fields it needs (written by an earlier stage, or given with the input). */
  readonly reads?: readonly AnalysisField[];
  /** The fields it writes. */
  readonly writes?: readonly AnalysisField[];
  process(doc: Analysis, context: StageContext): void | Promise<void>;
  /** Frees what the stage loaded (models, workers, timers). */
  close?(): void | Promise<void>;
}

/**
 * A context for running a stage on its own, outside a pipeline: batches go straight to the
 * stage's `batching.run`, cut into `batchSize` chunks.
 */
export function createStageContext(stage: Stage, signal: AbortSignal = new AbortController().signal): StageContext {
  return {
    signal,
    async batch<I, O>(items: readonly I[]): Promise<O[]> {
      const spec = stage.batching as BatchSpec<I, O> | undefined;
      if (!spec) throw new Error(`Stage "${stage.name}" asked for batching but declares no batching spec.`);
      const out: O[] = [];
      for (let i = 0; i < items.length; i += spec.batchSize) {
        out.push(...(await spec.run(items.slice(i, i + spec.batchSize), signal)));
      }
      return out;
    },
  };
}
