/**
 * Type tests of the public API (run by `vitest --typecheck`, as p-limit's `index.test-d.ts`):
 * what callers can write, and what the compiler refuses.
 */
import type { Readable } from "node:stream";

import type { Analysis, AnalysisField, Article, Stage, StageContext } from "@rassegna/core";
import {
  type AnalysisDuplex,
  createPipeline,
  type Pipeline,
  type PipelineInput,
  type PipelineSource,
} from "@rassegna/pipeline";
import { describe, expectTypeOf, it } from "vitest";

const stage: Stage = { name: "noop", process() {} };
const pipeline = createPipeline({ stages: [stage] });

describe("createPipeline", () => {
  it("takes stages whose process is synchronous or asynchronous", () => {
    const sync: Stage = {
      name: "sync",
      process(doc: Analysis) {
        doc.meta = {};
      },
    };
    const asyncStage: Stage = {
      name: "async",
      async process(_doc: Analysis, context: StageContext) {
        await context.batch<string, number>(["a"]);
      },
    };
    expectTypeOf(createPipeline({ stages: [sync, asyncStage] })).toEqualTypeOf<Pipeline>();
    // @ts-expect-error: a stage needs a name
    createPipeline({ stages: [{ process() {} }] });
  });

  it("lets a stage say what it reads and writes, by fields of the Analysis", () => {
    const tagger: Stage = { name: "t", reads: ["language"], writes: ["entities"], process() {} };
    expectTypeOf(tagger.reads).toEqualTypeOf<readonly AnalysisField[] | undefined>();
    expectTypeOf<"errors">().not.toMatchTypeOf<AnalysisField>();
    // @ts-expect-error: "languag" is not a field of the Analysis
    const typo: Stage = { name: "t", reads: ["languag"], process() {} };
    void typo;
  });
});

describe("run", () => {
  it("takes an article or its text, with an index or options, and resolves to an Analysis", () => {
    expectTypeOf(pipeline.run("Testo.")).toEqualTypeOf<Promise<Analysis>>();
    expectTypeOf(pipeline.run({ id: "a", text: "Testo." }, 3)).toEqualTypeOf<Promise<Analysis>>();
    expectTypeOf(pipeline.run({ text: "Testo." }, { index: 3, signal: AbortSignal.timeout(10) })).toEqualTypeOf<
      Promise<Analysis>
    >();
    expectTypeOf(pipeline.run).parameter(0).toEqualTypeOf<PipelineInput>();
    expectTypeOf<PipelineInput>().toEqualTypeOf<Article | string>();
    // @ts-expect-error: an article needs its text
    pipeline.run({ id: "a" });
    // @ts-expect-error: a number is not an article (at run time it would be an INVALID_INPUT record)
    pipeline.run(42);
    // @ts-expect-error: the index is a number
    pipeline.run("Testo.", "3");
  });
});

describe("stream", () => {
  it("takes arrays, generators and async generators, and yields Analysis records", () => {
    async function* later(): AsyncGenerator<Article> {
      yield { text: "Testo." };
    }
    function* now(): Generator<string> {
      yield "Testo.";
    }
    expectTypeOf(pipeline.stream(["Testo.", { text: "Altro." }])).toEqualTypeOf<AsyncIterable<Analysis>>();
    expectTypeOf(pipeline.stream(later())).toEqualTypeOf<AsyncIterable<Analysis>>();
    expectTypeOf(pipeline.stream(now())).toEqualTypeOf<AsyncIterable<Analysis>>();
    expectTypeOf<Generator<string>>().toMatchTypeOf<PipelineSource>();
    // @ts-expect-error: numbers are not articles
    pipeline.stream([1, 2]);
  });
});

describe("stream adapters", () => {
  it("types the Node duplex at both ends", async () => {
    const duplex = pipeline.toNodeStream();
    expectTypeOf(duplex).toEqualTypeOf<AnalysisDuplex>();
    expectTypeOf(duplex).toMatchTypeOf<Readable>();
    expectTypeOf(duplex.read()).toEqualTypeOf<Analysis | null>();
    expectTypeOf(duplex.write).parameter(0).toEqualTypeOf<PipelineInput>();
    for await (const record of duplex) expectTypeOf(record).toEqualTypeOf<Analysis>();
    // @ts-expect-error: a number is not an article
    duplex.write(42);
  });

  it("types the web pair for pipeThrough", () => {
    const pair = pipeline.toWebStream();
    expectTypeOf(pair.readable).toEqualTypeOf<ReadableStream<Analysis>>();
    expectTypeOf(pair.writable).toEqualTypeOf<WritableStream<PipelineInput>>();
  });
});
