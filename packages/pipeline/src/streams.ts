import type { Analysis } from "@rassegna/core";

import { Channel } from "./channel.js";
import { Duplex } from "./platform.js";
import type { AnalysisDuplex, PipelineInput, PipelineSource } from "./types.js";

/** The part of a pipeline the stream adapters need. */
interface Streamable {
  stream(source: PipelineSource): AsyncIterable<Analysis>;
}

/**
 * An object-mode Duplex over a pipeline: written articles are pulled by the pipeline (a
 * write completes when the pipeline takes it), analyses are pushed as the reader asks.
 */
export function toNodeDuplex(pipeline: Streamable): AnalysisDuplex {
  const input = new Channel<PipelineInput>();
  const output = pipeline.stream(input)[Symbol.asyncIterator]();
  let pulling = false;
  const duplex: Duplex = new Duplex({
    objectMode: true,
    // Keep buffering to the pipeline's own window: one article waits here at most.
    writableHighWaterMark: 1,
    readableHighWaterMark: 1,
    // Whatever is written is checked by the pipeline: a bad value becomes an INVALID_INPUT record.
    write(chunk: PipelineInput, _encoding, callback) {
      input.push(chunk).then(() => callback(), callback);
    },
    final(callback) {
      input.end();
      callback();
    },
    read() {
      if (pulling) return;
      pulling = true;
      const pump = (): void => {
        output.next().then(
          (result) => {
            if (result.done) {
              pulling = false;
              duplex.push(null);
            } else if (duplex.push(result.value)) {
              pump();
            } else {
              pulling = false;
            }
          },
          (error: unknown) => {
            pulling = false;
            duplex.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
      };
      pump();
    },
    destroy(error, callback) {
      void input.return();
      Promise.resolve(output.return?.()).then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
  return duplex as AnalysisDuplex;
}

/**
 * A web transform over a pipeline: the `{ writable, readable }` pair that `pipeThrough`
 * takes, like a `TransformStream`. It is built from its two halves rather than as a
 * `TransformStream` so that the readable side pulls one analysis per read request and a
 * slow reader holds the writer back through the pipeline's window (a `TransformStream`
 * enqueues without waiting for its reader).
 */
export function toWebTransform(pipeline: Streamable): ReadableWritablePair<Analysis, PipelineInput> {
  const input = new Channel<PipelineInput>();
  const output = pipeline.stream(input)[Symbol.asyncIterator]();
  const readable = new ReadableStream<Analysis>(
    {
      async pull(controller) {
        const result = await output.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      async cancel() {
        await input.return();
        await output.return?.();
      },
    },
    { highWaterMark: 0 },
  );
  const writable = new WritableStream<PipelineInput>(
    {
      write(chunk) {
        return input.push(chunk);
      },
      close() {
        input.end();
      },
      async abort() {
        await input.return();
        await output.return?.();
      },
    },
    { highWaterMark: 1 },
  );
  return { readable, writable };
}
