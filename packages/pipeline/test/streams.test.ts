import { Readable, Writable } from "node:stream";
import { pipeline as pipe } from "node:stream/promises";

import type { Analysis } from "@rassegna/core";
import { createPipeline } from "@rassegna/pipeline";
import { describe, expect, it } from "vitest";

import { articles, countingSource, seeded, sleep, tracer } from "./helpers.js";

function collector(records: Analysis[]): Writable {
  return new Writable({
    objectMode: true,
    write(record: Analysis, _encoding, callback) {
      records.push(record);
      callback();
    },
  });
}

describe("Node stream adapter", () => {
  it("turns written articles into analyses, in order, through stream.pipeline", async () => {
    const random = seeded(3);
    const pipeline = createPipeline({ stages: [tracer("t", () => Math.floor(random() * 5))], concurrency: 4 });
    const records: Analysis[] = [];
    await pipe(Readable.from(articles(50)), pipeline.toNodeStream(), collector(records));
    expect(records.map((r) => r.id)).toEqual(articles(50).map((a) => a.id));
    expect(records.every((r) => String(r.meta?.trail) === "t")).toBe(true);
  });

  it("holds the writer back until someone reads, then flows", async () => {
    const { state, source } = countingSource();
    const pipeline = createPipeline({ stages: [tracer("t")], concurrency: 2, buffer: 2 });
    const duplex = pipeline.toNodeStream();
    Readable.from(source).pipe(duplex);
    await sleep(30);
    // Only the small buffers between the streams fill up; the endless source is not drained.
    expect(state.pulled).toBeLessThan(10);
    const ids: string[] = [];
    for await (const record of duplex) {
      ids.push((record as Analysis).id);
      if (ids.length === 25) break;
    }
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}`));
    // Reading 25 pulled only those and a window's worth more.
    expect(state.pulled).toBeLessThan(25 + 10);
  });

  it("errors the stream with ABORTED when the pipeline is aborted", async () => {
    const controller = new AbortController();
    const pipeline = createPipeline({ stages: [tracer("t", () => 2)], signal: controller.signal });
    const records: Analysis[] = [];
    const { source } = countingSource();
    const done = pipe(Readable.from(source), pipeline.toNodeStream(), collector(records));
    await sleep(30);
    controller.abort();
    await expect(done).rejects.toMatchObject({ code: "ABORTED" });
    expect(records.length).toBeGreaterThan(0);
  });
});

describe("web stream adapter", () => {
  it("pipes articles through pipeThrough and keeps input order", async () => {
    const random = seeded(11);
    const pipeline = createPipeline({ stages: [tracer("t", () => Math.floor(random() * 5))], concurrency: 3 });
    const input = articles(30);
    let i = 0;
    const readable = new ReadableStream({
      pull(controller) {
        if (i < input.length) controller.enqueue(input[i++]);
        else controller.close();
      },
    });
    const ids: string[] = [];
    for await (const record of readable.pipeThrough(pipeline.toWebStream())) ids.push(record.id);
    expect(ids).toEqual(input.map((a) => a.id));
  });

  it("reads from the writer only as the reader asks", async () => {
    let pulled = 0;
    const source = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(`text ${pulled}`);
      },
    });
    const pipeline = createPipeline({ stages: [tracer("t")], concurrency: 1, buffer: 1 });
    const reader = source.pipeThrough(pipeline.toWebStream()).getReader();
    const first = await reader.read();
    expect(first.value?.id).toBe("article-1");
    await sleep(30);
    expect(pulled).toBeLessThan(12);
    const before = pulled;
    await sleep(20);
    expect(pulled).toBe(before);
    await reader.cancel();
  });

  it("writes bad inputs through as error records", async () => {
    const pipeline = createPipeline({ stages: [tracer("t")] });
    const { readable, writable } = pipeline.toWebStream();
    const writer = writable.getWriter();
    const reading = (async () => {
      const out: Analysis[] = [];
      for await (const record of readable) out.push(record);
      return out;
    })();
    await writer.write({ id: "good", text: "A sentence." });
    await writer.write({ id: "bad", text: 12 });
    await writer.close();
    const out = await reading;
    expect(out.map((r) => [r.id, r.errors.length])).toEqual([
      ["good", 0],
      ["bad", 1],
    ]);
  });
});
