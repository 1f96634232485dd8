import type { Duplex } from "node:stream";

import type { Analysis, Article, ArticleLimits, Stage, StageError } from "@rassegna/core";

/**
 * One input of a pipeline: an article, or the text of one. At run time anything else (a line
 * of JSON that is not an article, `null`…) is not thrown out but becomes a record with an
 * `INVALID_INPUT` error, so that every input has its record; give such unchecked values as
 * `PipelineInput` (`JSON.parse(line) as PipelineInput`).
 */
export type PipelineInput = Article | string;

/** A source of inputs: any iterable or async iterable (an array, a generator, a stream…). */
export type PipelineSource<T extends PipelineInput = PipelineInput> = Iterable<T> | AsyncIterable<T>;

/**
 * The Node stream of a pipeline: an object-mode `Duplex` typed at both ends. Write
 * {@link PipelineInput}s, read (or `for await`) {@link Analysis} records.
 */
export interface AnalysisDuplex extends Duplex {
  read(size?: number): Analysis | null;
  write(chunk: PipelineInput, callback?: (error: Error | null | undefined) => void): boolean;
  write(chunk: PipelineInput, encoding: BufferEncoding, callback?: (error: Error | null | undefined) => void): boolean;
  end(callback?: () => void): this;
  end(chunk: PipelineInput, callback?: () => void): this;
  end(chunk: PipelineInput, encoding: BufferEncoding, callback?: () => void): this;
  [Symbol.asyncIterator](): NodeJS.AsyncIterator<Analysis>;
}

/** Progress of one article through the pipeline. */
export type ProgressEvent =
  /** The article was read from the source (or given to `run`). */
  | { type: "read"; id: string; index: number }
  /** Every stage ran and the record carries no error. */
  | { type: "done"; id: string; index: number; ms: number }
  /** The record carries errors (bad input or a failing stage); it is still delivered. */
  | { type: "failed"; id: string; index: number; ms: number; errors: StageError[] };

/** Options of {@link createPipeline}. */
export interface PipelineOptions {
  /** The stages, run in this order on every article. */
  stages: Stage[];
  /** Most articles processed at the same time (default 4). */
  concurrency?: number;
  /** Deliver records in input order (default `true`); `false` yields them as they finish. */
  ordered?: boolean;
  /**
   * Articles read ahead beyond `concurrency` (default 16): the pipeline never holds more
   * than `concurrency + buffer` articles its consumer has not taken yet.
   */
  buffer?: number;
  /** Cancels every run of this pipeline: reading stops and streams end with an `ABORTED` error. */
  signal?: AbortSignal;
  /** Called for every article read, done or failed. Must not throw (errors are ignored). */
  onProgress?: (event: ProgressEvent) => void;
  /** Longest accepted text, in UTF-16 code units (default: core's `DEFAULT_MAX_TEXT_LENGTH`). */
  maxTextLength?: number;
  /**
   * Time one stage may take on one article, in milliseconds (default 60,000; `Infinity` for
   * none), or per stage: `{ translate: 120_000, default: 30_000 }`. Past it the record gets
   * a `TIMEOUT` error, the stage's `context.signal` is aborted, and the next stages run.
   */
  stageTimeoutMs?: number | (Record<string, number> & { default?: number });
  /** Most stances one record keeps (default 5,000); more are cut with a `LIMIT_EXCEEDED` error. */
  maxStances?: number;
  /**
   * Take zero-width characters and soft hyphens out of the text before the stages read it
   * (default `true`): "Pu\u200btin" is read as "Putin". Offsets in the record still point into
   * the text as given.
   */
  removeInvisible?: boolean;
  /** Limits of one article (holders, targets, pairs, nesting): see `docs/limits.md`. */
  limits?: Partial<ArticleLimits>;
}

/** Time and call totals of one stage. */
export interface StageStats {
  /** `process` calls. */
  calls: number;
  /** Calls that threw (their error is in the record). */
  errors: number;
  /**
   * Wall time spent inside `process`, in milliseconds (waits for batches included).
   * Asynchronous calls are timed one by one; synchronous calls one by one in one article of
   * 16, the other articles' measured time being shared out in those proportions.
   */
  ms: number;
  /** `batching.run` calls. */
  batches: number;
  /** Items handed to `batching.run` in total. */
  batchItems: number;
}

/** Totals since the pipeline was created. */
export interface PipelineStats {
  read: number;
  done: number;
  failed: number;
  /** Articles being processed right now. */
  inFlight: number;
  stages: Record<string, StageStats>;
}

/** Options of one {@link Pipeline.run} call. */
export interface RunOptions {
  /** A stable position for the generated id of an article that has none. */
  index?: number;
  /** Cancels this article only (e.g. its HTTP client went away): `run` rejects with `ABORTED`. */
  signal?: AbortSignal;
}

/** A composition of stages over articles. */
export interface Pipeline {
  /** Analyses one article (an `index` gives a stable generated id when the article has none). */
  run(article: PipelineInput, index?: number, options?: RunOptions): Promise<Analysis>;
  /** Analyses one article, with the options of this call (`{ index, signal }`). */
  run(article: PipelineInput, options: RunOptions): Promise<Analysis>;
  /**
   * Analyses every article of `source`: exactly one record per input, in input order unless
   * `ordered: false`. Stopping the iteration stops (returns) the source.
   */
  stream(source: PipelineSource): AsyncIterable<Analysis>;
  /** An object-mode Duplex: write articles, read analyses; backpressure flows through. */
  toNodeStream(): AnalysisDuplex;
  /** A web transform (`{ writable, readable }`, for `pipeThrough`): write articles, read analyses. */
  toWebStream(): ReadableWritablePair<Analysis, PipelineInput>;
  /** Totals so far: articles read, done, failed, and time per stage. */
  stats(): PipelineStats;
  /** Stops every run, releases timers, and calls every stage's `close`. */
  close(): Promise<void>;
}
