import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

import { INPUT_STAGE, type StageError } from "@rassegna/core";

/** One input of the command: an article for the pipeline, or why it could not be read. */
export interface InputItem {
  /** What the pipeline gets (an article, or `null` for an unreadable input). */
  article: unknown;
  /** Replaces the record's errors: the input could not be read or parsed. */
  error?: StageError;
}

/** How articles are read. */
export interface InputOptions {
  /** Files or folders; standard input when empty. */
  paths: string[];
  jsonl: boolean;
  stdin: Readable;
  cwd: string;
  /** A language hint for articles that bring none. */
  language?: string | undefined;
}

const decoder = new TextDecoder("utf-8");

function decode(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readError(id: string, message: string): InputItem {
  return { article: { id }, error: { stage: INPUT_STAGE, code: "INVALID_INPUT", message } };
}

/** The files of a folder, recursively, sorted, leaving out hidden ones. */
async function walk(dir: string, cwd: string): Promise<string[]> {
  const entries = await readdir(resolve(cwd, dir), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, cwd)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Expands the paths given into files (folders become their files); missing paths stay, to be reported. */
export async function expandPaths(paths: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(resolve(cwd, path))).isDirectory();
    } catch {
      // Reported as that input's error when it is read.
    }
    if (isDirectory) files.push(...(await walk(path, cwd)));
    else files.push(path);
  }
  return files;
}

function withLanguage(article: unknown, language: string | undefined): unknown {
  if (language === undefined || article === null || typeof article !== "object" || Array.isArray(article)) {
    return article;
  }
  const record = article as Record<string, unknown>;
  return typeof record.language === "string" && record.language.trim() !== "" ? article : { ...record, language };
}

/** One JSON Lines line: an article, or a parse error for that line. */
function parseLine(line: string, where: string, language: string | undefined): InputItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      article: null,
      error: {
        stage: INPUT_STAGE,
        code: "INVALID_INPUT",
        message: `${where} is not valid JSON (${reason}): each line must be one JSON object such as {"id": "a-1", "text": "…"}.`,
      },
    };
  }
  if (Array.isArray(value) || (value !== null && typeof value === "object") || typeof value === "string") {
    return { article: withLanguage(typeof value === "string" ? { text: value } : value, language) };
  }
  return {
    article: null,
    error: {
      stage: INPUT_STAGE,
      code: "INVALID_INPUT",
      message: `${where} holds ${value === null ? "null" : `a ${typeof value}`}, not an article: each line must be a JSON object with a "text".`,
    },
  };
}

async function* jsonLines(input: Readable, name: string, language: string | undefined): AsyncGenerator<InputItem> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === "") continue;
    yield parseLine(line, `${name} line ${number}`, language);
  }
}

/**
 * The command's inputs, read lazily (one file at a time, one line at a time) so that the
 * pipeline's backpressure reaches the disk.
 */
export async function* readInputs(options: InputOptions): AsyncGenerator<InputItem> {
  const { jsonl, stdin, cwd, language } = options;
  if (options.paths.length === 0) {
    if (jsonl) {
      yield* jsonLines(stdin, "standard input", language);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    yield { article: withLanguage({ id: "stdin", text: decode(Buffer.concat(chunks)) }, language) };
    return;
  }
  for (const path of await expandPaths(options.paths, cwd)) {
    const full = resolve(cwd, path);
    if (jsonl) {
      const stream = createReadStream(full);
      const opened = await new Promise<Error | undefined>((resolve) => {
        stream.once("open", () => resolve(undefined));
        stream.once("error", (error) => resolve(error));
      });
      if (opened) {
        yield readError(path, `Cannot read ${path}: ${opened.message}`);
        continue;
      }
      yield* jsonLines(stream, path, language);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(full);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : String(error);
      yield readError(path, `Cannot read ${path}: ${reason}.`);
      continue;
    }
    yield { article: withLanguage({ id: path, text: decode(bytes) }, language) };
  }
}
