import { once } from "node:events";
import { createWriteStream, realpathSync } from "node:fs";
import { rename, rm, stat, truncate, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Writable } from "node:stream";

import type { Analysis } from "@rassegna/core";

/** Key order of an output record: who, what was read, what was found, what went wrong. */
const FIRST: readonly (keyof Analysis)[] = [
  "id",
  "title",
  "date",
  "meta",
  "text",
  "languageHint",
  "targets",
  "holders",
];
const FOUND: readonly (keyof Analysis)[] = ["language", "translation", "entities", "stances"];

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

/** An output path that would overwrite or be read back as an input. */
export class UnsafeOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeOutputError";
  }
}

/** The real path of `path` (symbolic links resolved), or of its nearest existing folder plus the rest. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/**
 * Refuses an output file (`--out`, `--html`) that is one of the inputs, or lies inside an
 * input folder (it would be read back as an article), or is the same file under another
 * name (a hard link). Throws an {@link UnsafeOutputError} that names both.
 */
export async function assertSafeOutput(
  out: string,
  inputs: readonly string[],
  cwd: string,
  flag = "--out",
): Promise<void> {
  const target = realPath(resolve(cwd, out));
  const targetStat = await stat(target).catch(() => undefined);
  for (const input of inputs) {
    const source = realPath(resolve(cwd, input));
    const sourceStat = await stat(source).catch(() => undefined);
    const sameFile =
      target === source ||
      (targetStat !== undefined &&
        sourceStat !== undefined &&
        targetStat.ino === sourceStat.ino &&
        targetStat.dev === sourceStat.dev);
    if (sameFile) {
      throw new UnsafeOutputError(
        `${flag} ${out} is also an input: writing it would destroy the articles. Choose another file.`,
      );
    }
    if (sourceStat?.isDirectory() && inside(target, source)) {
      throw new UnsafeOutputError(
        `${flag} ${out} is inside the input folder ${input}: it would be read back as an article. Write it elsewhere.`,
      );
    }
  }
}

/** A temporary file next to `path`, in the same folder so that the final rename is atomic. */
function temporaryPath(path: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(path), `.${basename(path)}.${process.pid}.${random}.tmp`);
}

/** Writes `content` to `path` through a temporary file and a rename: `path` is whole or untouched. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** How a sink ended. */
export interface SinkResult {
  /** Where a partial run's finished records were kept (`--out` was left untouched). */
  partial?: string;
}

/** Where the JSON Lines go: standard output or a file, with backpressure. */
export interface LineSink {
  /** Writes one whole line (a partial line never reaches the file). */
  write(line: string): Promise<void>;
  /**
   * Ends the output. `complete`: the run finished, and the file takes its name. Otherwise the
   * finished lines are kept in `OUT.partial` and `OUT` is left as it was.
   */
  close(complete?: boolean): Promise<SinkResult>;
}

/**
 * Opens the output: standard output, or `out` (relative to `cwd`) written through a
 * temporary file in the same folder and renamed into place when the run completes.
 */
export async function openSink(out: string | undefined, stdout: Writable, cwd: string): Promise<LineSink> {
  const target = out === undefined ? undefined : resolve(cwd, out);
  const temporary = target === undefined ? undefined : temporaryPath(target);
  const stream = temporary === undefined ? stdout : createWriteStream(temporary, { flags: "wx" });
  if (temporary !== undefined) {
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
  }
  let failure: Error | undefined;
  stream.on("error", (error: Error) => {
    failure = error;
  });
  let closed: Promise<SinkResult> | undefined;
  /** Bytes of the lines the file system took whole: a partial file is cut there. */
  let whole = 0;
  return {
    async write(line) {
      if (failure) throw failure;
      const bytes = Buffer.byteLength(line);
      const written = stream.write(line, (error) => {
        if (!error) whole += bytes;
      });
      if (!written) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      if (failure) throw failure;
    },
    close(complete = true) {
      closed ??= (async (): Promise<SinkResult> => {
        if (target === undefined || temporary === undefined) return {};
        try {
          await new Promise<void>((resolve, reject) => {
            stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
          });
        } catch (error) {
          await rm(temporary, { force: true });
          throw error;
        }
        if (complete && failure === undefined) {
          await rename(temporary, target);
          return {};
        }
        const partial = `${target}.partial`;
        await truncate(temporary, whole).catch(() => {});
        await rename(temporary, partial);
        return { partial };
      })();
      return closed;
    },
  };
}
