import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import type { Writable } from "node:stream";

import type { Analysis } from "@rassegna/core";

/** Key order of an output record: who, what was read, what was found, what went wrong. */
const FIRST = ["id", "title", "date", "meta", "text", "languageHint", "targets", "holders"];
const FOUND = ["language", "translation", "entities", "stances"];

/** The record as one JSON line: fields in a stable order, `errors` last. */
export function recordLine(doc: Analysis): string {
  const source = doc as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FIRST) if (source[key] !== undefined) out[key] = source[key];
  for (const key of FOUND) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out) && key !== "errors") out[key] = source[key];
  out.errors = doc.errors;
  return `${JSON.stringify(out)}\n`;
}

/** Where the JSON Lines go: standard output or a file, with backpressure. */
export interface LineSink {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSink(out: string | undefined, stdout: Writable, cwd: string): Promise<LineSink> {
  const stream = out === undefined ? stdout : createWriteStream(resolve(cwd, out));
  if (out !== undefined) {
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
  }
  let failure: Error | undefined;
  stream.on("error", (error: Error) => {
    failure = error;
  });
  return {
    async write(line) {
      if (failure) throw failure;
      if (!stream.write(line)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      if (failure) throw failure;
    },
    async close() {
      if (out === undefined) return;
      await new Promise<void>((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      });
    },
  };
}
