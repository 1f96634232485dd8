import { AbortError, type BatchSpec, RassegnaError } from "@rassegna/core";

import { Fifo } from "./queue.js";

/** Counters shared by the pipeline and its batchers. */
export interface Flow {
  /** Articles whose stages are running. */
  active: number;
  /** Of those, articles waiting for a batch. */
  blocked: number;
}

interface Call {
  outputs: unknown[];
  remaining: number;
  settled: boolean;
  resolve(outputs: unknown[]): void;
  reject(error: unknown): void;
  signal: AbortSignal;
  onAbort: () => void;
}

interface Item {
  call: Call;
  slot: number;
  value: unknown;
}

/**
 * Gathers the items that articles in flight hand to one stage's `context.batch`, and runs
 * them through `spec.run` in batches of at most `batchSize`: a batch goes when it is full,
 * when the first item has waited `maxWaitMs`, or as soon as every article in flight is
 * waiting for a batch (nothing more can come, so waiting would only add latency).
 */
export class Batcher {
  private readonly queue = new Fifo<Item>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private check: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly stageName: string,
    private readonly spec: BatchSpec,
    private readonly flow: Flow,
    private readonly runSignal: AbortSignal,
    private readonly onBatch: (items: number) => void,
  ) {
    if (!(Number.isInteger(spec.batchSize) && spec.batchSize > 0)) {
      throw new RassegnaError("USAGE", `Stage "${stageName}": batching.batchSize must be a positive integer.`, {
        stage: stageName,
      });
    }
  }

  /** Resolves with one output per item, in order, once the batches holding them have run. */
  submit(items: readonly unknown[], signal: AbortSignal): Promise<unknown[]> {
    if (items.length === 0) return Promise.resolve([]);
    if (signal.aborted) return Promise.reject(new AbortError(undefined, { stage: this.stageName }));
    return new Promise<unknown[]>((resolve, reject) => {
      const call: Call = {
        outputs: new Array(items.length),
        remaining: items.length,
        settled: false,
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.queue.remove((item) => item.call === call);
          this.settle(call, { error: new AbortError(undefined, { stage: this.stageName }) });
          this.rearm();
        },
      };
      signal.addEventListener("abort", call.onAbort, { once: true });
      this.flow.blocked++;
      for (let slot = 0; slot < items.length; slot++) this.queue.push({ call, slot, value: items[slot] });
      while (this.queue.length >= this.spec.batchSize) this.flush();
      this.rearm();
      if (this.queue.length > 0 && this.check === undefined) {
        // Other articles may reach this stage in the microtasks still queued: look once they ran.
        this.check = setImmediate(() => {
          this.check = undefined;
          if (this.queue.length > 0 && this.flow.blocked >= this.flow.active) {
            while (this.queue.length > 0) this.flush();
            this.rearm();
          }
        });
      }
    });
  }

  /** Rejects every waiting call and releases the timers. */
  close(): void {
    const calls = new Set(this.queue.drain().map((item) => item.call));
    for (const call of calls) this.settle(call, { error: new AbortError(undefined, { stage: this.stageName }) });
    this.rearm();
    if (this.check !== undefined) clearImmediate(this.check);
    this.check = undefined;
  }

  private rearm(): void {
    if (this.queue.length === 0) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
        this.rearm();
      }, this.spec.maxWaitMs);
    }
  }

  private flush(): void {
    const batch = this.queue.take(this.spec.batchSize);
    if (batch.length === 0) return;
    this.onBatch(batch.length);
    let pending: Promise<unknown[]>;
    try {
      pending = Promise.resolve(
        this.spec.run(
          batch.map((item) => item.value),
          this.runSignal,
        ),
      );
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (outputs) => {
        if (!Array.isArray(outputs) || outputs.length !== batch.length) {
          const got = Array.isArray(outputs) ? `${outputs.length} outputs` : typeof outputs;
          this.fail(
            batch,
            new RassegnaError(
              "STAGE_FAILED",
              `Stage "${this.stageName}": batching.run returned ${got} for ${batch.length} items; it must return one output per item.`,
              { stage: this.stageName },
            ),
          );
          return;
        }
        for (let i = 0; i < batch.length; i++) {
          const item = batch[i]!;
          const call = item.call;
          if (call.settled) continue;
          call.outputs[item.slot] = outputs[i];
          if (--call.remaining === 0) this.settle(call);
        }
      },
      (error: unknown) => this.fail(batch, error),
    );
  }

  /** A failing batch rejects only the calls that had items in it. */
  private fail(batch: Item[], error: unknown): void {
    const calls = new Set(batch.map((item) => item.call));
    for (const call of calls) {
      this.queue.remove((item) => item.call === call);
      this.settle(call, { error });
    }
    this.rearm();
  }

  /** Resolves `call`, or rejects it when `failure` is given. */
  private settle(call: Call, failure?: { error: unknown }): void {
    if (call.settled) return;
    call.settled = true;
    this.flow.blocked--;
    call.signal.removeEventListener("abort", call.onAbort);
    if (failure === undefined) call.resolve(call.outputs);
    else call.reject(failure.error);
  }
}
