import type { Readable } from "node:stream";

import { INPUT_STAGE, type StageError, type StageWarning } from "@rassegna/core";
import {
  articleFromJson,
  decodeText,
  type FetcherOptions,
  readDocument,
  readSources,
  type SkippedFile,
  type SourceItem,
} from "@rassegna/sources";

import { checkedJsonLines } from "./lines.js";

/** One input of the command: an article for the pipeline, or why it could not be read. */
export interface InputItem {
  /** What the pipeline gets (an article, or `null` for an unreadable input). */
  article: unknown;
  /** Replaces the record's errors: the input could not be read or parsed. */
  error?: StageError;
  /** Added to the record's warnings (a text file decoded from a detected legacy encoding). */
  warning?: StageWarning;
}

/** How articles are read. */
export interface InputOptions {
  /** Files, folders or web addresses; standard input when empty. */
  paths: string[];
  jsonl: boolean;
  stdin: Readable;
  cwd: string;
  /** A language hint for articles that bring none. */
  language?: string | undefined;
  /** Download each feed item's page and read it as a web page (`--fetch`). */
  fetch?: boolean;
  /** Options of the downloader (timeouts, limits), for web addresses and `--fetch`. */
  fetcher?: FetcherOptions;
  /** Told of each file of a folder that is not an article (README, code…), to say so at the end. */
  onSkip?: (skipped: SkippedFile) => void;
}

function withLanguage(article: unknown, language: string | undefined): unknown {
  if (language === undefined || article === null || typeof article !== "object" || Array.isArray(article)) {
    return article;
  }
  const record = article as Record<string, unknown>;
  return typeof record.language === "string" && record.language.trim() !== "" ? article : { ...record, language };
}

/**
 * One parsed JSON value as an input: an article object (`id`, `text`, `title`, `date`,
 * `url`, `source`, `language`, `targets`, `holders`, `meta`) or a string, else an error.
 */
export function parseValue(value: unknown, where: string, language: string | undefined): InputItem {
  const item = articleFromJson(value, where);
  return item.error
    ? { article: item.article.id === undefined ? null : { id: item.article.id }, error: item.error }
    : { article: withLanguage(item.article, language) };
}

/** One JSON Lines line: an article, or a parse error for that line. */
export function parseLine(line: string, where: string, language: string | undefined): InputItem {
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
  return parseValue(value, where, language);
}

async function* jsonLines(input: Readable, name: string, language: string | undefined): AsyncGenerator<InputItem> {
  // Size, encoding and nesting are checked on the bytes, before a line is parsed (lines.ts).
  for await (const item of checkedJsonLines(input, name)) {
    if (item.problem) yield { article: null, error: { stage: INPUT_STAGE, ...item.problem } };
    else yield parseLine(item.line, `${name} line ${item.number}`, language);
  }
}

/** A source's article or error as the command's input. */
function fromSource(item: SourceItem, language: string | undefined): InputItem {
  if (item.error) return { article: item.article, error: item.error };
  return { article: withLanguage(item.article, language), ...(item.warning ? { warning: item.warning } : {}) };
}

/**
 * The command's inputs, read lazily (one file at a time, one line at a time) so that the
 * pipeline's backpressure reaches the disk. Files, folders and web addresses are read by
 * `@rassegna/sources` (front matter, pages, feeds; folders give only their article files);
 * JSON Lines and JSON articles are parsed here, line by line.
 */
export async function* readInputs(options: InputOptions): AsyncGenerator<InputItem> {
  const { jsonl, stdin, cwd, language } = options;
  // Lines and JSON values are parsed here, so that their checks live in one place.
  const sourceOptions = {
    cwd,
    jsonl,
    ...(options.fetch ? { fetch: true } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
    ...(options.onSkip ? { onSkip: options.onSkip } : {}),
    jsonLines: (input: Readable, where: string) => jsonLines(input, where, undefined) as AsyncIterable<SourceItem>,
    jsonValue: (value: unknown, where: string) => {
      const item = parseValue(value, where, undefined);
      return {
        article: (item.article ?? { text: "" }) as SourceItem["article"],
        ...(item.error ? { error: item.error } : {}),
      };
    },
  };
  if (options.paths.length === 0) {
    if (jsonl) {
      yield* jsonLines(stdin, "standard input", language);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    // Standard input declares no encoding: UTF-8, or a legacy one told from the bytes (warned).
    const decoded = decodeText(Buffer.concat(chunks));
    if ("error" in decoded) {
      yield {
        article: { id: "stdin" },
        error: { stage: INPUT_STAGE, code: "INVALID_INPUT", message: `Standard input: ${decoded.error}` },
      };
      return;
    }
    const warning: StageWarning | undefined = decoded.detected && {
      stage: INPUT_STAGE,
      code: "ENCODING_DETECTED",
      message: `Standard input is not UTF-8: it was read as ${decoded.charset} (detected, ${decoded.detected.confidence}% sure). If some characters look wrong, convert it to UTF-8 with its real encoding (iconv -f ENCODING -t utf-8).`,
    };
    const text = decoded.text.replace(/^\uFEFF/, "");
    for await (const item of readDocument(text, "stdin", sourceOptions)) {
      yield fromSource(warning && !item.error ? { ...item, warning } : item, language);
    }
    return;
  }
  for await (const item of readSources(options.paths, sourceOptions)) yield fromSource(item, language);
}
