// Example 4: stream a large JSON Lines file through the pipeline, with bounded concurrency and
// a progress bar, writing JSON Lines: one record per input line, in input order.
//
//   node examples/04-stream-jsonl.mjs IN.jsonl OUT.jsonl [--concurrency 4]
//
// Memory stays flat however long the file: lines are read lazily, the pipeline holds at most
// `concurrency + buffer` articles, and writing waits for the output to drain.

import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

import { createDefaultPipeline } from "rassegna";

import { isMain, runMain } from "./lib/cli.mjs";

/** Counts the lines of a file without holding it in memory (for the progress bar's total). */
export async function countLines(path) {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() !== "") count++;
  }
  return count;
}

/**
 * The articles of a JSON Lines file, lazily. A line that is not JSON still yields one input
 * (with no text), so that the pipeline gives it a record with an error instead of dropping it.
 */
export async function* readJsonLines(path) {
  let number = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    number++;
    try {
      yield JSON.parse(line);
    } catch (error) {
      yield { id: `line-${number}`, meta: { parseError: `line ${number} is not JSON: ${error.message}` } };
    }
  }
}

/** A one-line progress bar for a terminal; `done` is called once at the end. */
export function progressBar(stream, total) {
  const started = Date.now();
  let last = 0;
  const draw = (count, failed) => {
    const width = 30;
    const filled = total > 0 ? Math.round((width * count) / total) : width;
    const rate = count / Math.max((Date.now() - started) / 1000, 0.001);
    stream.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${count}/${total} articles, ${failed} with errors, ${rate.toFixed(1)}/s`,
    );
  };
  return {
    update(count, failed) {
      const now = Date.now();
      if (now - last >= 100 || count === total) {
        last = now;
        draw(count, failed);
      }
    },
    done(count, failed) {
      draw(count, failed);
      stream.write("\n");
    },
  };
}

/**
 * Analyses every line of `input` into `output`. Options pass through to `createDefaultPipeline`
 * (or give a ready `pipeline`); `onProgress(count, failed, total)` is called per record.
 */
export async function streamJsonl(input, output, options = {}) {
  const { concurrency = 4, onProgress = () => {}, pipeline: given, ...pipelineOptions } = options;
  const total = await countLines(input);
  const pipeline =
    given ?? createDefaultPipeline({ engines: ["transformers", "apertium"], ...pipelineOptions, concurrency });
  const out = createWriteStream(output);
  let count = 0;
  let failed = 0;
  try {
    for await (const record of pipeline.stream(readJsonLines(input))) {
      count++;
      if (record.errors.length > 0) failed++;
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
      onProgress(count, failed, total);
    }
  } finally {
    out.end();
    await once(out, "close");
    if (!given) await pipeline.close();
  }
  return { count, failed, total };
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { concurrency: { type: "string", default: "4" } },
    allowPositionals: true,
  });
  const [input, output] = positionals;
  if (!input || !output)
    throw new Error("usage: node examples/04-stream-jsonl.mjs IN.jsonl OUT.jsonl [--concurrency N]");
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("--concurrency must be a positive integer");
  // A bar on a terminal; a line every tenth of the way when stderr is a file or a pipe.
  let bar;
  let nextLine = 0;
  const { count, failed } = await streamJsonl(input, output, {
    concurrency,
    onProgress: (n, f, total) => {
      if (process.stderr.isTTY) {
        bar ??= progressBar(process.stderr, total);
        bar.update(n, f);
      } else if (n >= nextLine) {
        process.stderr.write(`${n}/${total} articles, ${f} with errors\n`);
        nextLine = n + Math.max(1, Math.ceil(total / 10));
      }
    },
  });
  bar?.done(count, failed);
  process.stderr.write(`${count} records written to ${output} (${failed} with errors)\n`);
}

if (isMain(import.meta.url)) runMain(main);
