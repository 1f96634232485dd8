import { AbortError, type Analysis, type CleanText, type StageContext, type StageError } from "@rassegna/core";

/** Who hears of an article's end. */
export interface TaskOwner {
  taskDone(task: Task): void;
  taskAbandoned(task: Task, error: AbortError): void;
}

/** What the articles of one run (a stream, or `run()` calls) share. */
export interface Lane {
  signal: AbortSignal;
  /** `signal.aborted`, kept as a plain field: read before every stage, it must be cheap. */
  aborted: boolean;
  contexts: StageContext[];
  /** Contexts of articles in flight whose stages asked for a signal: aborted with the lane. */
  signalled: Set<TaskContext>;
}

/** An article waiting for, or going through, the stages. */
export interface Task {
  doc: Analysis;
  index: number;
  lane: Lane;
  owner: TaskOwner;
  /** The next stage to run. */
  next: number;
  start: number;
  /** When the last timed stage ended (performance.now()). */
  clock: number;
  /** Every stage call is timed on its own (else the time since `clock` is shared out). */
  timed: boolean;
  /** Delivered or abandoned: nothing more happens to it. */
  done: boolean;
  /** The record's own `errors` array, put back if a stage replaces it with something else. */
  errors: StageError[];
  /** The record's id, put back if a stage changes it. */
  id: string;
  /** The context this article's stages get when stages have a time budget (replaced after a timeout). */
  context: TaskContext | undefined;
  /** The text as given, when the stages read it without invisible characters (offsets are mapped back). */
  original: { text: string; clean: CleanText } | undefined;
}

/** What {@link TaskContext} needs of its pipeline. */
interface BatchHost {
  submitBatch<I, O>(stage: number, items: readonly I[], signal: AbortSignal): Promise<O[]>;
}

/**
 * The context of one article's stages when they have a time budget: its own signal, made
 * when a stage first asks, aborted by the lane or when a stage runs out of time.
 */
export class TaskContext implements StageContext {
  /** The stage being run. */
  stage = 0;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: BatchHost,
    private readonly task: Task,
  ) {}

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      const lane = this.task.lane;
      if (lane.aborted) this.controller.abort(lane.signal.reason);
      else if (!this.task.done) lane.signalled.add(this);
    }
    return this.controller.signal;
  }

  batch<I, O>(items: readonly I[]): Promise<O[]> {
    return this.host.submitBatch<I, O>(this.stage, items, this.signal);
  }

  abort(reason: unknown): void {
    this.task.lane.signalled.delete(this);
    if (this.controller === undefined) {
      this.controller = new AbortController();
    }
    this.controller.abort(reason);
  }
}

export function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as PromiseLike<T>).then === "function"
  );
}

export function abortError(signal: AbortSignal): AbortError {
  return new AbortError("The pipeline run was aborted.", { stage: "pipeline", cause: signal.reason });
}
