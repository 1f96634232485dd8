import type { Stage } from "@rassegna/core";
import { createPipeline } from "@rassegna/pipeline";
import { describe, expect, it } from "vitest";

import { articles, countingSource, sleep, tracer } from "./helpers.js";

describe("cancellation", () => {
  it("stops reading, returns the source and ends the stream with ABORTED", async () => {
    const controller = new AbortController();
    const { state, source } = countingSource();
    const pipeline = createPipeline({ stages: [tracer("t", () => 2)], signal: controller.signal, concurrency: 2 });
    const seen: string[] = [];
    let caught: unknown;
    try {
      for await (const record of pipeline.stream(source)) {
        seen.push(record.id);
        if (seen.length === 5) controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "ABORTED", name: "AbortError" });
    expect(seen).toHaveLength(5);
    expect(state.returned).toBe(true);
    const pulled = state.pulled;
    await sleep(20);
    expect(state.pulled).toBe(pulled);
  });

  it("tells in-flight stages through context.signal and drops their work", async () => {
    const controller = new AbortController();
    const aborted: string[] = [];
    const stage: Stage = {
      name: "wait",
      process(doc, context) {
        return new Promise<void>((resolve, reject) => {
          context.signal.addEventListener("abort", () => {
            aborted.push(doc.id);
            reject(new Error("stopped"));
          });
          setTimeout(resolve, 10_000).unref();
        });
      },
    };
    const pipeline = createPipeline({ stages: [stage], signal: controller.signal, concurrency: 3 });
    const iterator = pipeline.stream(articles(10))[Symbol.asyncIterator]();
    const pending = iterator.next();
    await sleep(10);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(aborted.sort()).toEqual(["a0", "a1", "a2"]);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it("rejects at once when the signal is already aborted", async () => {
    const pipeline = createPipeline({ stages: [tracer("t")], signal: AbortSignal.abort() });
    const { state, source } = countingSource();
    await expect(pipeline.stream(source)[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "ABORTED" });
    expect(state.pulled).toBe(0);
    await expect(pipeline.run("text")).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("rejects queued run() calls instead of leaving them hanging", async () => {
    const controller = new AbortController();
    const pipeline = createPipeline({
      stages: [tracer("slow", () => 30)],
      signal: controller.signal,
      concurrency: 1,
    });
    const runs = [pipeline.run("one"), pipeline.run("two"), pipeline.run("three")];
    await sleep(5);
    controller.abort();
    const results = await Promise.allSettled(runs);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "ABORTED" });
  });

  it("releases waiting batch items and their timer on abort, and does not close the stages", async () => {
    const controller = new AbortController();
    let closed = false;
    const runs: number[] = [];
    const pipeline = createPipeline({
      stages: [
        {
          name: "hold",
          async process(doc, context) {
            if (doc.id !== "a0") return;
            await new Promise((resolve) => context.signal.addEventListener("abort", resolve));
          },
        },
        {
          name: "batched",
          batching: {
            batchSize: 100,
            maxWaitMs: 60_000,
            async run(items: unknown[]) {
              runs.push(items.length);
              return items;
            },
          },
          async process(doc, context) {
            await context.batch([doc.text]);
          },
          close() {
            closed = true;
          },
        },
      ],
      signal: controller.signal,
      concurrency: 2,
    });
    const iterator = pipeline.stream(articles(2))[Symbol.asyncIterator]();
    const pending = iterator.next();
    await sleep(20);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(runs).toEqual([]);
    expect(closed).toBe(false);
    await pipeline.close();
    expect(closed).toBe(true);
  });
});
