import { AbortError } from "@rassegna/core";

import { Fifo } from "./queue.js";

function refusal(): AbortError {
  return new AbortError("The pipeline stopped reading its input.", { stage: "pipeline" });
}

/**
 * A push-to-pull bridge: writers `push` values, the pipeline pulls them as an async
 * iterator. `push` resolves only when the value is taken, so a writer that awaits it is
 * held back by the pipeline's read-ahead window (backpressure).
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly items = new Fifo<{ value: T; taken: () => void; refused: (error: Error) => void }>();
  private waiter: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;

  /**
   * Resolves when the reader has taken `value`; rejects when the channel was ended or the
   * reader stopped, so that a writer never keeps writing into nothing.
   */
  push(value: T): Promise<void> {
    if (this.ended) return Promise.reject(refusal());
    return new Promise<void>((resolve, reject) => {
      const waiter = this.waiter;
      if (waiter) {
        this.waiter = undefined;
        waiter({ value, done: false });
        resolve();
      } else {
        this.items.push({ value, taken: resolve, refused: reject });
      }
    });
  }

  /** No more values: the reader finishes once it has taken the queued ones. */
  end(): void {
    this.ended = true;
    if (this.items.length === 0) this.finishWaiter();
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item) {
      item.taken();
      return Promise.resolve({ value: item.value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** The reader stopped: refuse every writer waiting on `push`. */
  return(): Promise<IteratorResult<T>> {
    this.ended = true;
    for (const item of this.items.drain()) item.refused(refusal());
    this.finishWaiter();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finishWaiter(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.({ value: undefined, done: true });
  }
}
