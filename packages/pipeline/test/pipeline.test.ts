import type { Analysis, Stage } from "@rassegna/core";
import { createPipeline, type ProgressEvent } from "@rassegna/pipeline";
import { describe, expect, it } from "vitest";

import { articles, collect, countingSource, seeded, sleep, tracer } from "./helpers.js";

describe("ordering", () => {
  it("delivers records in input order although stages finish in random order", async () => {
    const random = seeded(7);
    const delays = new Map(articles(40).map((a) => [a.id, Math.floor(random() * 15)]));
    const finished: string[] = [];
    const pipeline = createPipeline({
      stages: [
        tracer("slow", (doc) => delays.get(doc.id) ?? 0),
        {
          name: "note",
          process(doc) {
            finished.push(doc.id);
          },
        },
      ],
      concurrency: 6,
    });
    const out = await collect(pipeline.stream(articles(40)));
    expect(out.map((r) => r.id)).toEqual(articles(40).map((a) => a.id));
    // The delays really did reorder completion, so the order above is the pipeline's work.
    expect(finished).not.toEqual(out.map((r) => r.id));
    expect(out.every((r) => String(r.meta?.trail) === "slow")).toBe(true);
  });

  it("yields records as they finish with ordered: false", async () => {
    // Later articles are faster: unordered output comes back reversed within the window.
    const input = articles(5);
    const pipeline = createPipeline({
      stages: [tracer("slow", (doc) => (5 - Number(doc.id.slice(1))) * 15)],
      concurrency: 5,
      ordered: false,
    });
    const out = await collect(pipeline.stream(input));
    expect(out.map((r) => r.id)).toEqual(["a4", "a3", "a2", "a1", "a0"]);
  });
});

describe("concurrency", () => {
  it("never runs more than `concurrency` articles at once, and does run that many", async () => {
    let inFlight = 0;
    let most = 0;
    const stage: Stage = {
      name: "count",
      async process() {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(5);
        inFlight--;
      },
    };
    const pipeline = createPipeline({ stages: [stage], concurrency: 3 });
    const out = await collect(pipeline.stream(articles(30)));
    expect(out).toHaveLength(30);
    expect(most).toBe(3);
    expect(pipeline.stats().inFlight).toBe(0);
  });

  it("keeps the limit and full speed across runs, with workers idle in between", async () => {
    let inFlight = 0;
    let most = 0;
    const pipeline = createPipeline({
      stages: [
        { name: "quick", process() {} },
        {
          name: "count",
          async process() {
            inFlight++;
            most = Math.max(most, inFlight);
            await sleep(2);
            inFlight--;
          },
        },
      ],
      concurrency: 3,
    });
    for (const prefix of ["x", "y"]) {
      most = 0;
      const out = await collect(pipeline.stream(articles(20, prefix)));
      expect(out.map((r) => r.id)).toEqual(articles(20, prefix).map((a) => a.id));
      expect(most).toBe(3);
    }
    most = 0;
    const single = await Promise.all(articles(6, "z").map((a) => pipeline.run(a)));
    expect(single.map((r) => r.errors)).toEqual(single.map(() => []));
    expect(most).toBe(3);
    await pipeline.close();
  });

  it("bounds run() calls by the same limit", async () => {
    let inFlight = 0;
    let most = 0;
    const pipeline = createPipeline({
      stages: [
        {
          name: "count",
          async process() {
            inFlight++;
            most = Math.max(most, inFlight);
            await sleep(5);
            inFlight--;
          },
        },
      ],
      concurrency: 2,
    });
    const out = await Promise.all(articles(10).map((a) => pipeline.run(a)));
    expect(out.map((r) => r.id)).toEqual(articles(10).map((a) => a.id));
    expect(most).toBe(2);
  });
});

describe("backpressure", () => {
  it("reads at most concurrency + buffer articles ahead of a consumer that pauses", async () => {
    const { state, source } = countingSource();
    const pipeline = createPipeline({ stages: [tracer("t")], concurrency: 2, buffer: 3 });
    const iterator = pipeline.stream(source)[Symbol.asyncIterator]();
    for (let i = 0; i < 4; i++) await iterator.next();
    await sleep(30);
    // 4 taken + a window of 2 + 3: the rest of the (endless) source stays unread.
    expect(state.pulled).toBeLessThanOrEqual(4 + 5);
    expect(state.pulled).toBeGreaterThan(4);
    const before = state.pulled;
    await sleep(30);
    expect(state.pulled).toBe(before);
    await iterator.return?.();
    expect(state.returned).toBe(true);
  });

  it("stops (returns) the source when the consumer breaks out of for-await", async () => {
    const { state, source } = countingSource();
    const pipeline = createPipeline({ stages: [tracer("t")], concurrency: 2, buffer: 2 });
    const seen: string[] = [];
    for await (const record of pipeline.stream(source)) {
      seen.push(record.id);
      if (seen.length === 10) break;
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`));
    expect(state.returned).toBe(true);
    const pulled = state.pulled;
    await sleep(20);
    expect(state.pulled).toBe(pulled);
    expect(pulled).toBeLessThanOrEqual(10 + 4);
  });

  it("reads an async source one item at a time within the window", async () => {
    let pulled = 0;
    async function* slowSource() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        await sleep(0);
        yield `text ${i}`;
      }
    }
    const pipeline = createPipeline({ stages: [tracer("t")], concurrency: 1, buffer: 1 });
    const iterator = pipeline.stream(slowSource())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.id).toBe("article-1");
    await sleep(20);
    expect(pulled).toBeLessThanOrEqual(1 + 2 + 1);
    await iterator.return?.();
  });
});

describe("async sources", () => {
  it("ends when an async source finishes after its last record is done", async () => {
    async function* lagging() {
      yield "one";
      yield "two";
      // Both records are done long before the source says it has no more.
      await sleep(20);
    }
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const out = await collect(pipeline.stream(lagging()));
    expect(out.map((r) => r.id)).toEqual(["article-1", "article-2"]);
  });

  it("delivers every record of a slow async source, in order", async () => {
    async function* slow() {
      for (let i = 0; i < 30; i++) {
        if (i % 7 === 0) await sleep(2);
        yield { id: `s${i}`, text: `Slow ${i}.` };
      }
    }
    const random = seeded(5);
    const pipeline = createPipeline({ stages: [tracer("t", () => Math.floor(random() * 4))], concurrency: 3 });
    const out = await collect(pipeline.stream(slow()));
    expect(out.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => `s${i}`));
  });
});

describe("error isolation", () => {
  it("records a throwing stage's error on that record only and still runs the next stages", async () => {
    const pipeline = createPipeline({
      stages: [
        tracer("first"),
        {
          name: "flaky",
          process(doc) {
            if (doc.id === "a2") throw new Error("boom on a2");
          },
        },
        tracer("last"),
      ],
    });
    const out = await collect(pipeline.stream(articles(5)));
    expect(out).toHaveLength(5);
    const bad = out[2]!;
    expect(bad.errors).toEqual([{ stage: "flaky", code: "STAGE_FAILED", message: 'Stage "flaky" failed: boom on a2' }]);
    expect(bad.meta?.trail).toEqual(["first", "last"]);
    for (const record of out.filter((r) => r.id !== "a2")) {
      expect(record.errors).toEqual([]);
      expect(record.meta?.trail).toEqual(["first", "last"]);
    }
    expect(pipeline.stats().stages.flaky).toMatchObject({ calls: 5, errors: 1 });
  });

  it("keeps the code of a RassegnaError thrown by a stage", async () => {
    const { ModelUnavailableError } = await import("@rassegna/core");
    const pipeline = createPipeline({
      stages: [
        {
          name: "translate",
          process() {
            throw new ModelUnavailableError("x/y", "model x/y is missing", { stage: "translate" });
          },
        },
      ],
    });
    const record = await pipeline.run({ id: "m", text: "Some text." });
    expect(record.errors).toEqual([{ stage: "translate", code: "MODEL_UNAVAILABLE", message: "model x/y is missing" }]);
  });
});

describe("one record per input", () => {
  it("gives exactly one record per input for 10,000 articles, bad ones included", async () => {
    const n = 10_000;
    const inputs: unknown[] = Array.from({ length: n }, (_, i) =>
      i % 97 === 0 ? null : i % 89 === 0 ? { id: `x${i}`, text: 5 } : { id: `x${i}`, text: `Text ${i}.` },
    );
    const pipeline = createPipeline({ stages: [tracer("a"), tracer("b")], concurrency: 8 });
    let count = 0;
    let inOrder = true;
    let withErrors = 0;
    for await (const record of pipeline.stream(inputs)) {
      const expected = inputs[count] === null ? `article-${count + 1}` : `x${count}`;
      if (record.id !== expected) inOrder = false;
      if (record.errors.length > 0) withErrors++;
      count++;
    }
    expect(count).toBe(n);
    expect(inOrder).toBe(true);
    const bad = inputs.filter((x) => x === null || typeof (x as { text: unknown }).text !== "string").length;
    expect(withErrors).toBe(bad);
    expect(pipeline.stats()).toMatchObject({ read: n, failed: bad, done: n - bad });
  });
});

describe("bad inputs", () => {
  it("turns null, numbers, non-string text and binary into INVALID_INPUT records and skips the stages", async () => {
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const inputs: unknown[] = [null, 42, { id: "n", text: 5 }, { id: "bin", text: "abc\u0000\u0001def" }, "fine text"];
    const out = await collect(pipeline.stream(inputs));
    expect(out.map((r) => r.id)).toEqual(["article-1", "article-2", "n", "bin", "article-5"]);
    for (const record of out.slice(0, 4)) {
      expect(record.errors).toHaveLength(1);
      expect(record.errors[0]).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
      expect(record.meta?.trail).toBeUndefined();
    }
    expect(out[4]!.errors).toEqual([]);
    expect(out[4]!.meta?.trail).toEqual(["t"]);
  });

  it("marks text over maxTextLength as INPUT_TOO_LARGE", async () => {
    const pipeline = createPipeline({ stages: [tracer("t")], maxTextLength: 10 });
    const record = await pipeline.run({ id: "big", text: "x".repeat(11) });
    expect(record.errors[0]).toMatchObject({ stage: "input", code: "INPUT_TOO_LARGE" });
  });

  it("generates stable ids for articles without one", async () => {
    const input = () => [{ text: "one" }, { id: "kept", text: "two" }, { text: "three" }];
    const pipeline = createPipeline({ stages: [] });
    const first = (await collect(pipeline.stream(input()))).map((r) => r.id);
    const second = (await collect(pipeline.stream(input()))).map((r) => r.id);
    expect(first).toEqual(["article-1", "kept", "article-3"]);
    expect(second).toEqual(first);
  });

  it("rejects bad options and sources with USAGE errors", () => {
    expect(() => createPipeline({ stages: [], concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createPipeline({ stages: [{ name: "x" } as unknown as Stage] })).toThrow(/not a stage/);
    const pipeline = createPipeline({ stages: [] });
    expect(() => pipeline.stream("one string" as never)).toThrow(expect.objectContaining({ code: "USAGE" }));
    expect(() => pipeline.stream(5 as never)).toThrow(/iterable/);
  });
});

describe("source errors", () => {
  it("delivers the records read before a source fails, then throws the source's error", async () => {
    function* failing() {
      yield "one";
      yield "two";
      throw new Error("disk gone");
    }
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const seen: string[] = [];
    await expect(async () => {
      for await (const record of pipeline.stream(failing())) seen.push(record.id);
    }).rejects.toThrow("disk gone");
    expect(seen).toEqual(["article-1", "article-2"]);
  });
});

describe("progress and stats", () => {
  it("reports read, done and failed for every article, and time per stage", async () => {
    const events: ProgressEvent[] = [];
    const pipeline = createPipeline({
      stages: [tracer("a", () => 1), tracer("b")],
      onProgress: (event) => events.push(event),
    });
    await collect(pipeline.stream([{ id: "ok", text: "Fine." }, { id: "bad", text: "" }, "also fine"]));
    expect(events.filter((e) => e.type === "read").map((e) => e.id)).toEqual(["ok", "bad", "article-3"]);
    expect(
      events
        .filter((e) => e.type !== "read")
        .map((e) => `${e.type}:${e.id}`)
        .sort(),
    ).toEqual(["done:article-3", "done:ok", "failed:bad"]);
    const failed = events.find((e) => e.type === "failed");
    expect(failed?.type === "failed" && failed.errors[0]?.code).toBe("INVALID_INPUT");
    const stats = pipeline.stats();
    expect(stats).toMatchObject({ read: 3, done: 2, failed: 1, inFlight: 0 });
    expect(stats.stages.a?.calls).toBe(2);
    expect(stats.stages.a?.ms).toBeGreaterThan(0);
  });

  it("counts the time of every synchronous stage call, also of articles not timed call by call", async () => {
    // Each "busy" call spins until the clock moved on by 1 ms: 40 calls take 40 ms at least.
    const busy: Stage = {
      name: "busy",
      process() {
        const start = performance.now();
        while (performance.now() - start < 1) {}
      },
    };
    const events: ProgressEvent[] = [];
    const pipeline = createPipeline({
      stages: [busy, { name: "quick", process() {} }],
      onProgress: (event) => events.push(event),
    });
    await collect(pipeline.stream(articles(40)));
    const { stages } = pipeline.stats();
    expect(stages.busy?.calls).toBe(40);
    expect(stages.quick?.calls).toBe(40);
    expect((stages.busy?.ms ?? 0) + (stages.quick?.ms ?? 0)).toBeGreaterThanOrEqual(40);
    expect(stages.busy?.ms).toBeGreaterThan(stages.quick?.ms ?? 0);
    const perArticle = events.map((e) => (e.type === "read" ? 0 : e.ms));
    expect(perArticle.filter((ms) => ms >= 1)).toHaveLength(40);
  });

  it("survives a progress callback that throws", async () => {
    const pipeline = createPipeline({
      stages: [tracer("a")],
      onProgress: () => {
        throw new Error("observer bug");
      },
    });
    const out = await collect(pipeline.stream(articles(3)));
    expect(out.map((r) => r.errors.length)).toEqual([0, 0, 0]);
  });
});

describe("close", () => {
  it("calls every stage's close once and refuses work afterwards", async () => {
    const closed: string[] = [];
    const stage = (name: string): Stage => ({
      name,
      process() {},
      close() {
        closed.push(name);
      },
    });
    const pipeline = createPipeline({ stages: [stage("a"), stage("b")] });
    await pipeline.run("text");
    await Promise.all([pipeline.close(), pipeline.close()]);
    expect(closed).toEqual(["a", "b"]);
    await expect(pipeline.run("more")).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("reports stages that fail to close after closing the others", async () => {
    const closed: string[] = [];
    const pipeline = createPipeline({
      stages: [
        {
          name: "a",
          process() {},
          close() {
            throw new Error("cannot free a");
          },
        },
        {
          name: "b",
          process() {},
          close() {
            closed.push("b");
          },
        },
      ],
    });
    await expect(pipeline.close()).rejects.toThrow(/cannot free a/);
    expect(closed).toEqual(["b"]);
  });
});

describe("the shared document", () => {
  it("passes one Analysis object through the stages in order", async () => {
    const seen: Analysis[] = [];
    const pipeline = createPipeline({
      stages: [
        {
          name: "one",
          process(doc) {
            doc.language = {
              code: "it",
              iso6393: "ita",
              confidence: 1,
              script: "Latn",
              reliable: true,
              alternatives: [],
            };
          },
        },
        {
          name: "two",
          process(doc) {
            seen.push(doc);
            doc.entities = doc.language?.code === "it" ? [] : undefined;
          },
        },
      ],
    });
    const record = await pipeline.run({ id: "d", text: "Testo.", language: "it", targets: ["Russia", " "] } as never);
    expect(seen[0]).toBe(record);
    expect(record.entities).toEqual([]);
    expect(record.languageHint).toBe("it");
    expect(record.targets).toEqual(["Russia"]);
  });
});
