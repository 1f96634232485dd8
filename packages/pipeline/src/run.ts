import type { Analysis } from "@rassegna/core";

import { usage } from "./options.js";
import { abortError, type Lane, type Task, type TaskOwner } from "./task.js";
import type { PipelineInput } from "./types.js";

/** What one `run()` call needs of its pipeline. */
export interface RunOneHost {
  readonly signal: AbortSignal;
  readonly runLane: Lane;
  /** The position of the next `run()` call that gives none. */
  nextRunIndex(): number;
  admit(input: PipelineInput, index: number): Analysis;
  schedule(doc: Analysis, index: number, lane: Lane, owner: TaskOwner): Task;
  lane(signal: AbortSignal): Lane;
}

/**
 * Analyses one article. Without a signal of its own, the call shares the lane of `run()`
 * calls; with one, it is cancelled by the caller's signal or the pipeline's, whichever first
 * (and rejects with `ABORTED`).
 */
export async function runOne(
  host: RunOneHost,
  article: PipelineInput,
  index: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Analysis> {
  if (host.signal.aborted) throw abortError(host.signal);
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw usage("run(): options.signal must be an AbortSignal.");
  if (signal?.aborted) throw abortError(signal);
  const position = index ?? host.nextRunIndex();
  const doc = host.admit(article, position);
  if (signal === undefined) {
    await new Promise<void>((resolve, reject) => {
      host.schedule(doc, position, host.runLane, {
        taskDone: () => resolve(),
        taskAbandoned: (_task, error) => reject(error),
      });
    });
    return doc;
  }
  const controller = new AbortController();
  const stop = () => controller.abort(signal.reason);
  const stopAll = () => controller.abort(host.signal.reason);
  signal.addEventListener("abort", stop, { once: true });
  host.signal.addEventListener("abort", stopAll, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      controller.signal.addEventListener("abort", () => reject(abortError(controller.signal)), { once: true });
      host.schedule(doc, position, host.lane(controller.signal), {
        taskDone: () => resolve(),
        taskAbandoned: (_task, error) => reject(error),
      });
    });
  } finally {
    signal.removeEventListener("abort", stop);
    host.signal.removeEventListener("abort", stopAll);
  }
  return doc;
}
