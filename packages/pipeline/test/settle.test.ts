// A pipeline always settles: broken stages, stages that never answer, time budgets, limits.
import type { Analysis, Stage } from "@rassegna/core";
import { createPipeline } from "@rassegna/pipeline";
import { describe, expect, it } from "vitest";

import { articles, collect, sleep, tracer } from "./helpers.js";

const never: Stage = { name: "never", process: () => new Promise<void>(() => {}) };

describe("stage contract violations become record errors", () => {
  it("a stage that sets doc.errors = null neither hangs stream() nor run()", async () => {
    const breaker: Stage = {
      name: "breaker",
      process(doc) {
        (doc as { errors: unknown }).errors = null;
      },
    };
    const pipeline = createPipeline({ stages: [breaker, tracer("after")] });
    const records = await collect(pipeline.stream(articles(3)));
    expect(records.map((r) => r.id)).toEqual(["a0", "a1", "a2"]);
    for (const record of records) {
      expect(record.errors).toHaveLength(1);
      expect(record.errors[0]).toMatchObject({ stage: "breaker", code: "STAGE_FAILED" });
      expect(record.errors[0]!.message).toContain("set the record's errors to null");
      expect(record.meta?.trail).toEqual(["after"]);
    }
    const one = await pipeline.run({ id: "x", text: "Testo." });
    expect(one.errors[0]!.code).toBe("STAGE_FAILED");
  });

  it("an async stage that breaks errors and then throws keeps both facts", async () => {
    const pipeline = createPipeline({
      stages: [
        {
          name: "bad",
          async process(doc) {
            (doc as { errors: unknown }).errors = "oops";
            throw new Error("and then it failed");
          },
        },
      ],
    });
    const record = await pipeline.run({ id: "y", text: "Testo." });
    expect(record.errors.map((e) => e.code)).toEqual(["STAGE_FAILED", "STAGE_FAILED"]);
    expect(record.errors[1]!.message).toContain("and then it failed");
  });

  it("puts back an id a stage changed", async () => {
    const pipeline = createPipeline({
      stages: [
        {
          name: "renamer",
          process(doc) {
            (doc as { id: unknown }).id = { not: "an id" };
          },
        },
      ],
    });
    const record = await pipeline.run({ id: "kept", text: "Testo." });
    expect(record.id).toBe("kept");
    expect(record.errors[0]!.message).toContain("changed the record's id");
  });
});

describe("time budgets", () => {
  it("gives a stage that never resolves a TIMEOUT error and runs the next stages", async () => {
    const pipeline = createPipeline({ stages: [never, tracer("after")], stageTimeoutMs: 30 });
    const records = await collect(pipeline.stream(articles(3)));
    expect(records.map((r) => r.id)).toEqual(["a0", "a1", "a2"]);
    for (const record of records) {
      expect(record.errors).toEqual([expect.objectContaining({ stage: "never", code: "TIMEOUT" })]);
      expect(record.meta?.trail).toEqual(["after"]);
    }
    expect(pipeline.stats().stages.never!.errors).toBe(3);
  });

  it("aborts the stage's own signal when its time is up, and only that article's", async () => {
    const stopped: string[] = [];
    const slow: Stage = {
      name: "slow",
      process(doc: Analysis, context) {
        if (doc.id !== "a1") return undefined;
        return new Promise<void>((resolve) => {
          context.signal.addEventListener("abort", () => {
            stopped.push(`${doc.id}:${(context.signal.reason as { code?: string }).code}`);
            resolve();
          });
        });
      },
    };
    const pipeline = createPipeline({ stages: [slow], stageTimeoutMs: { slow: 30 } });
    const records = await collect(pipeline.stream(articles(3)));
    expect(stopped).toEqual(["a1:TIMEOUT"]);
    expect(records.map((r) => r.errors.length)).toEqual([0, 1, 0]);
  });

  it("rejects a time budget that is not a whole number of milliseconds", () => {
    for (const stageTimeoutMs of [Number.NaN, -1, "5", { nope: 5 }, { never: Number.NaN }]) {
      expect(() => createPipeline({ stages: [never], stageTimeoutMs } as never)).toThrow(/stageTimeoutMs/);
    }
    expect(() => createPipeline({ stages: [never], maxTextLength: Number.NaN })).toThrow(/maxTextLength/);
  });
});

describe("run() settles on close and abort", () => {
  it("rejects a pending run() when the pipeline is closed while a stage never answers", async () => {
    const pipeline = createPipeline({ stages: [never], stageTimeoutMs: Number.POSITIVE_INFINITY });
    const pending = pipeline.run({ id: "stuck", text: "Testo." });
    await sleep(10);
    await pipeline.close();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("rejects a pending run() on the caller's abort", async () => {
    const controller = new AbortController();
    const pipeline = createPipeline({
      stages: [never],
      signal: controller.signal,
      stageTimeoutMs: Number.POSITIVE_INFINITY,
    });
    const pending = [pipeline.run("uno"), pipeline.run("due"), pipeline.run("tre")];
    await sleep(10);
    controller.abort();
    for (const run of pending) await expect(run).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("cancels one run() by its own signal and leaves the others running", async () => {
    let release: (() => void) | undefined;
    const gate: Stage = {
      name: "gate",
      process(doc) {
        if (doc.id === "stuck") return new Promise<void>(() => {});
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const pipeline = createPipeline({ stages: [gate], stageTimeoutMs: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    const stuck = pipeline.run({ id: "stuck", text: "Testo." }, { signal: controller.signal });
    const other = pipeline.run({ id: "other", text: "Testo." });
    await sleep(10);
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ code: "ABORTED" });
    release!();
    expect((await other).errors).toEqual([]);
    await expect(pipeline.run("x", { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("ends a stream whose consumer stops while a stage never answers, and frees the workers", async () => {
    let calls = 0;
    const sometimes: Stage = {
      name: "sometimes",
      process() {
        calls++;
        return calls === 1 ? new Promise<void>(() => {}) : undefined;
      },
    };
    const pipeline = createPipeline({ stages: [sometimes], concurrency: 1, stageTimeoutMs: Number.POSITIVE_INFINITY });
    const iterator = pipeline.stream(articles(5))[Symbol.asyncIterator]();
    const first = iterator.next();
    await sleep(10);
    await iterator.return!();
    await expect(first).resolves.toEqual({ value: undefined, done: true });
    // The one worker is free again: a new run goes through.
    const record = await pipeline.run({ id: "later", text: "Testo." });
    expect(record.errors).toEqual([]);
  });
});

describe("record limits", () => {
  it("rejects an article with holders × targets over the limit, as its own record", async () => {
    const many = Array.from({ length: 2500 }, (_, i) => `Actor ${i}`);
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const records = await collect(
      pipeline.stream([
        { id: "ok", text: "Testo." },
        { id: "huge", text: "Testo.", holders: many, targets: many },
        { id: "pairs", text: "Testo.", holders: many.slice(0, 40), targets: many.slice(0, 40) },
        { id: "after", text: "Testo." },
      ]),
    );
    expect(records.map((r) => r.id)).toEqual(["ok", "huge", "pairs", "after"]);
    expect(records[1]!.errors.map((e) => e.code)).toEqual(["LIMIT_EXCEEDED", "LIMIT_EXCEEDED"]);
    expect(records[1]!.holders).toBeUndefined();
    expect(records[2]!.errors[0]!.message).toContain("1600 pairs");
    expect(records[3]!.errors).toEqual([]);
  });

  it("cuts the stances of a record to maxStances and says so", async () => {
    const flood: Stage = {
      name: "stance",
      process(doc) {
        doc.stances = Array.from({ length: 50 }, (_, i) => ({
          target: `T${i}`,
          stance: "NONE",
          score: 0,
          evidence: [],
        }));
      },
    };
    const record = await createPipeline({ stages: [flood], maxStances: 10 }).run("Testo.");
    expect(record.stances).toHaveLength(10);
    expect(record.errors[0]).toMatchObject({ stage: "pipeline", code: "LIMIT_EXCEEDED" });
  });

  it("rejects a meta nested deeper than the limit without a stack overflow", async () => {
    let meta: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) meta = { inner: meta };
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const records = await collect(pipeline.stream([{ id: "deep", text: "Testo.", meta }, "next"]));
    expect(records[0]!.errors[0]).toMatchObject({ code: "LIMIT_EXCEEDED" });
    expect(records[0]!.meta).toBeUndefined();
    expect(JSON.stringify(records[0])).toContain("deep");
    expect(records[1]!.errors).toEqual([]);
  });

  it("reports wrong field types instead of dropping them", async () => {
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const records = await collect(
      pipeline.stream([
        { id: { a: 1 }, text: "Testo." },
        { id: "t", text: "Testo.", targets: "Russia" },
        { id: "l", text: "Testo.", language: 12 },
      ]),
    );
    expect(records[0]!.errors[0]!.message).toContain('"id" must be a string or a number, got an object');
    expect(records[1]!.errors[0]!.message).toContain('"targets" must be an array');
    expect(records[2]!.errors[0]!.message).toContain('"language" must be a language code');
  });
});

describe("invisible characters", () => {
  /** A stage that finds "Putin" by plain search, as any analyser would, and quotes the sentence. */
  const finder: Stage = {
    name: "entities",
    process(doc) {
      const start = doc.text.indexOf("Putin");
      if (start < 0) return;
      doc.entities = [
        {
          name: "Vladimir Putin",
          type: "PERSON",
          source: "original",
          mentions: [{ start, end: start + 5, text: "Putin" }],
        },
      ];
      doc.stances = [
        {
          holder: "Russia",
          target: "Ukraine",
          stance: "AGAINST",
          score: 1,
          evidence: [{ start: 0, end: doc.text.length }],
        },
      ];
    },
  };

  it("lets the stages read 'Pu\\u200btin' as 'Putin' and keeps offsets true in the text as given", async () => {
    const text = "Ieri Vladimir Pu\u200btin ha par\u00adlato.";
    const record = await createPipeline({ stages: [finder] }).run({ id: "zw", text });
    expect(record.text).toBe(text);
    const mention = record.entities![0]!.mentions[0]!;
    expect(text.slice(mention.start, mention.end)).toBe("Pu\u200btin");
    expect(mention.text).toBe("Pu\u200btin");
    expect(record.stances![0]!.evidence[0]).toEqual({ start: 0, end: text.length });
  });

  it("leaves the text alone when asked to", async () => {
    const record = await createPipeline({ stages: [finder], removeInvisible: false }).run({
      id: "zw",
      text: "Pu\u200btin.",
    });
    expect(record.entities).toBeUndefined();
    expect(() => createPipeline({ stages: [finder], removeInvisible: "yes" } as never)).toThrow(/removeInvisible/);
  });
});
