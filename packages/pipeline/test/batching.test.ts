import type { BatchSpec, Stage } from "@rassegna/core";
import { createPipeline } from "@rassegna/pipeline";
import { describe, expect, it } from "vitest";

import { collect, sleep } from "./helpers.js";

interface Tagged {
  doc: string;
  word: string;
}

/** A stage that sends every word of its article through `context.batch` and stores the outputs. */
function wordStage(run: BatchSpec<Tagged, string>["run"], batchSize: number, maxWaitMs = 1000): Stage {
  return {
    name: "words",
    batching: { batchSize, maxWaitMs, run },
    async process(doc, context) {
      const items = doc.text.split(" ").map((word) => ({ doc: doc.id, word }));
      const out = await context.batch<Tagged, string>(items);
      doc.meta = { out };
    },
  };
}

const docs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}`, text: `w${i}a w${i}b w${i}c` }));

describe("micro-batching", () => {
  it("gathers items of several articles into one batch call and routes each output back", async () => {
    const calls: Tagged[][] = [];
    const pipeline = createPipeline({
      stages: [
        wordStage(async (items) => {
          calls.push(items);
          await sleep(2);
          return items.map((item) => item.word.toUpperCase());
        }, 8),
      ],
      concurrency: 4,
    });
    const out = await collect(pipeline.stream(docs(12)));
    expect(out.map((r) => r.meta?.out)).toEqual(docs(12).map((d) => d.text.toUpperCase().split(" ")));
    expect(calls.some((batch) => new Set(batch.map((item) => item.doc)).size > 1)).toBe(true);
    expect(Math.max(...calls.map((batch) => batch.length))).toBeLessThanOrEqual(8);
    expect(calls.flat()).toHaveLength(36);
    expect(pipeline.stats().stages.words).toMatchObject({ batches: calls.length, batchItems: 36 });
  });

  it("cuts one article's items into batches of at most batchSize", async () => {
    const sizes: number[] = [];
    const pipeline = createPipeline({
      stages: [
        wordStage(async (items) => {
          sizes.push(items.length);
          return items.map((item) => item.word);
        }, 4),
      ],
    });
    const record = await pipeline.run({ id: "long", text: "a b c d e f g h i j" });
    expect(sizes).toEqual([4, 4, 2]);
    expect(record.meta?.out).toEqual("a b c d e f g h i j".split(" "));
  });

  it("flushes a lone partial batch after maxWaitMs when other articles are still busy", async () => {
    const sizes: number[] = [];
    let release: () => void = () => {};
    const blocker = new Promise<void>((resolve) => {
      release = resolve;
    });
    // One article sits in a slow non-batching stage, so the batcher cannot know nothing more
    // is coming: only the maxWaitMs timer can send the other article's items.
    const pipeline = createPipeline({
      stages: [
        {
          name: "hold",
          async process(doc) {
            if (doc.id === "held") await blocker;
          },
        },
        wordStage(
          async (items) => {
            sizes.push(items.length);
            return items.map((item) => item.word);
          },
          100,
          20,
        ),
      ],
      concurrency: 2,
      ordered: false,
    });
    const iterator = pipeline
      .stream([
        { id: "held", text: "x y" },
        { id: "free", text: "p q r" },
      ])
      [Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.id).toBe("free");
    expect(sizes).toEqual([3]);
    release();
    const second = await iterator.next();
    expect(second.value?.id).toBe("held");
    expect(second.value?.meta?.out).toEqual(["x", "y"]);
  });

  it("rejects only the callers whose items were in a failing batch", async () => {
    const pipeline = createPipeline({
      stages: [
        wordStage(async (items) => {
          if (items.some((item) => item.word === "bad")) throw new Error("model fell over");
          return items.map((item) => item.word);
        }, 2),
      ],
      concurrency: 3,
    });
    const out = await collect(
      pipeline.stream([
        { id: "a", text: "x y" },
        { id: "b", text: "bad z" },
        { id: "c", text: "u v" },
      ]),
    );
    expect(out.map((r) => r.errors.length)).toEqual([0, 1, 0]);
    expect(out[1]!.errors[0]).toMatchObject({ stage: "words", code: "STAGE_FAILED" });
    expect(out[1]!.errors[0]!.message).toContain("model fell over");
    expect(out[0]!.meta?.out).toEqual(["x", "y"]);
    expect(out[2]!.meta?.out).toEqual(["u", "v"]);
  });

  it("fails the callers when batching.run returns the wrong number of outputs", async () => {
    const pipeline = createPipeline({ stages: [wordStage(async (items) => items.slice(1).map((i) => i.word), 10)] });
    const record = await pipeline.run({ id: "short", text: "one two three" });
    expect(record.errors[0]).toMatchObject({ stage: "words", code: "STAGE_FAILED" });
    expect(record.errors[0]!.message).toMatch(/2 outputs for 3 items/);
  });

  it("fails clearly when a stage without a batching spec calls context.batch", async () => {
    const pipeline = createPipeline({
      stages: [
        {
          name: "nobatch",
          async process(_doc, context) {
            await context.batch([1, 2]);
          },
        },
      ],
    });
    const record = await pipeline.run("text");
    expect(record.errors[0]).toMatchObject({ stage: "nobatch", code: "STAGE_FAILED" });
    expect(record.errors[0]!.message).toMatch(/declares no batching spec/);
  });
});
