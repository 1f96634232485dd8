import { type Analysis, createAnalysis, createStageContext, type Stage } from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("createStageContext", () => {
  it("cuts standalone batches into batchSize chunks and keeps the order", async () => {
    const calls: number[][] = [];
    const stage: Stage = {
      name: "double",
      batching: {
        batchSize: 3,
        maxWaitMs: 0,
        async run(items: number[]) {
          calls.push(items);
          return items.map((n) => n * 2);
        },
      },
      async process(doc: Analysis, ctx) {
        const out = await ctx.batch<number, number>([1, 2, 3, 4, 5, 6, 7]);
        doc.meta = { out };
      },
    };
    const doc = createAnalysis("x", 0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.meta?.out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(calls).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });
  it("fails clearly when a stage without batching asks for a batch", async () => {
    const stage: Stage = { name: "plain", process: () => {} };
    await expect(createStageContext(stage).batch([1])).rejects.toThrow(/declares no batching spec/);
  });
});
