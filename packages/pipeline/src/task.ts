import { AbortError, type Analysis, type CleanText, type StageContext, type StageError } from "@rassegna/core";

import { MAX_TIMER_MS } from "./options.js";
import { setMaxListeners } from "./platform.js";

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

/** A task for `doc`, before its first stage. */
export function newTask(doc: Analysis, index: number, lane: Lane, owner: TaskOwner): Task {
  return {
    doc,
    index,
    lane,
    owner,
    next: 0,
    clock: 0,
    start: 0,
    timed: false,
    done: false,
    errors: doc.errors,
    id: doc.id,
    context: undefined,
    original: undefined,
  };
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

/** A lane for the articles of a run cancelled by `signal`, with its stages' contexts. */
export function createLane(signal: AbortSignal, contexts: StageContext[]): Lane {
  const lane: Lane = { signal, aborted: signal.aborted, contexts, signalled: new Set() };
  // Lane signals are the pipeline's own; every article in flight and every pending batch
  // call listens to them, which is more than Node's default of 10 without being a leak.
  setMaxListeners(0, signal);
  if (!lane.aborted) {
    const onAbort = () => {
      lane.aborted = true;
      for (const context of lane.signalled) context.abort(signal.reason);
      lane.signalled.clear();
    };
    signal.addEventListener("abort", onAbort, { once: true });
  }
  return lane;
}

/** How a stage's call ended. */
export type Outcome = "ok" | "error" | "timeout" | "abort";

/**
 * Waits for a stage's promise, but never longer than `budget` ms nor past the lane's abort:
 * whichever comes first settles the call, and `end` hears it at that moment (once). A stage
 * that never settles costs its budget, not the run; what it does later is ignored.
 */
export function settleWithin(
  result: PromiseLike<unknown>,
  budget: number,
  lane: Lane,
  end: (outcome: Outcome, error?: unknown) => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (outcome: Outcome, error?: unknown) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      lane.signal.removeEventListener("abort", onAbort);
      end(outcome, error);
      resolve();
    };
    const onAbort = () => finish("abort");
    if (lane.aborted) return finish("abort");
    lane.signal.addEventListener("abort", onAbort, { once: true });
    if (budget < MAX_TIMER_MS) timer = setTimeout(() => finish("timeout"), budget);
    Promise.resolve(result).then(
      () => finish("ok"),
      (error: unknown) => finish("error", error),
    );
  });
}
