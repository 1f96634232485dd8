import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

import { type Article, checkOptions, SOURCES_OPTIONS, type StageWarning, toStageError } from "@rassegna/core";

import { decodeBytes, decodeText } from "./charset.js";
import { type FeedEntry, fromFeed } from "./feed.js";
import { createFetcher, type Fetcher, type FetcherOptions } from "./fetch.js";
import { kindOfPath, walkFolder } from "./files.js";
import { fromHtml } from "./html.js";
import { articleFromJson, isJsonFeed, looksLikeArticles } from "./json.js";
import { fromText } from "./text.js";
import { type FileKind, type SkippedFile, SOURCE_STAGE, type SourceItem } from "./types.js";

/** Options of {@link readSources}. */
export interface ReadSourcesOptions {
  /** Paths are taken relative to it (default: `process.cwd()`). */
  cwd?: string;
  /** Download the page of each feed item and read it as a web page (default false). */
  fetch?: boolean;
  /** The fetcher for URLs and feed item pages, or options for the default one. */
  fetcher?: Fetcher | FetcherOptions;
  /** Told of every file of a folder that is not read, and of repeated articles. */
  onSkip?: (skipped: SkippedFile) => void;
  /** Reads one JSON Lines stream (default: one {@link articleFromJson} a line). */
  jsonLines?: (input: Readable, where: string) => AsyncIterable<SourceItem>;
  /** Reads one parsed JSON value (a `.json` file's article or list item). */
  jsonValue?: (value: unknown, where: string) => SourceItem;
  /** Read every path as JSON Lines (the command's `--jsonl`). */
  jsonl?: boolean;
}

/** True for an `http://` or `https://` address. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function failed(id: string, error: unknown, extra: Partial<Article> = {}): SourceItem {
  return { article: { ...extra, id, text: "" }, error: toStageError(error, SOURCE_STAGE) };
}

/** The default JSON Lines reader: one article a line, blank lines passed over. */
export async function* readJsonLines(input: Readable, where: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield {
        article: { text: "" },
        error: {
          stage: SOURCE_STAGE,
          code: "INVALID_INPUT",
          message: `${where} line ${number} is not valid JSON (${(error as Error).message}): each line must be one JSON object such as {"id": "a-1", "text": "…"}.`,
        },
      };
      continue;
    }
    yield articleFromJson(value, `${where} line ${number}`);
  }
}

/** What a document is, from its first characters, when its name or type does not say. */
export function sniffKind(text: string): FileKind | undefined {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^<\?xml|^<(rss|feed|rdf:RDF)\b/i.test(head)) {
    return /<(rss|feed|rdf:RDF)\b/i.test(head) ? "feed" : undefined;
  }
  if (/^<!doctype html|^<html\b|^<head\b|^<body\b/i.test(head)) return "html";
  if (/^\{\s*("|\})|^\[\s*[{"\]]/.test(head)) return "json";
  return undefined;
}

/** Reads pages and feeds, downloading with one shared fetcher. */
class SourceReader {
  private fetcherInstance: Fetcher | undefined;
  constructor(private readonly options: ReadSourcesOptions) {}

  private get fetcher(): Fetcher {
    const given = this.options.fetcher;
    this.fetcherInstance ??= given && "get" in given ? given : createFetcher(given);
    return this.fetcherInstance;
  }

  /** The items of a feed; with `fetch`, each item's page read in its place (in parallel, bounded per host by the fetcher). */
  async *feed(content: string | object, where: string, url?: string): AsyncGenerator<SourceItem> {
    let entries: FeedEntry[];
    try {
      entries = fromFeed(content, url ? { url } : {}).entries;
    } catch (error) {
      yield failed(where, error, url ? { url } : {});
      return;
    }
    if (!this.options.fetch) {
      for (const entry of entries) yield { article: entry.article };
      return;
    }
    // Start every download at once (the fetcher bounds them per host), yield in feed order.
    const pages = entries.map((entry) => (entry.link ? this.page(entry) : undefined));
    for (const [i, entry] of entries.entries()) {
      const page = pages[i];
      yield page ? await page : { article: entry.article };
    }
  }

  private async page(entry: FeedEntry): Promise<SourceItem> {
    const link = entry.link as string;
    try {
      const fetched = await this.fetcher.get(link);
      const page = fromHtml(fetched.text, { url: fetched.finalUrl, id: entry.article.id ?? link });
      const item = entry.article;
      // The feed's own fields (headline, date, link, source) over what the page says.
      return {
        article: {
          ...page,
          ...(item.title || entry.headlineOnly ? { title: item.title ?? item.text } : {}),
          ...(item.date ? { date: item.date } : {}),
          ...(item.source ? { source: item.source } : {}),
          url: link,
          language: page.language ?? item.language,
          meta: { ...item.meta, ...page.meta, headlineOnly: undefined, fetched: fetched.finalUrl },
        } as Article,
      };
    } catch (error) {
      return failed(entry.article.id ?? link, error, {
        url: link,
        ...(entry.article.title ? { title: entry.article.title } : {}),
        ...(entry.article.meta ? { meta: entry.article.meta } : {}),
      });
    }
  }

  /** A web address: a feed (its items) or a page (one article). */
  async *url(address: string): AsyncGenerator<SourceItem> {
    let fetched: Awaited<ReturnType<Fetcher["get"]>>;
    try {
      fetched = await this.fetcher.get(address);
    } catch (error) {
      yield failed(address, error, { url: address });
      return;
    }
    const type = fetched.contentType.toLowerCase();
    const kind = /(rss|atom|feed)\+(xml|json)|\/xml|text\/xml/.test(type)
      ? "feed"
      : /html/.test(type)
        ? (sniffKind(fetched.text) ?? "html")
        : (sniffKind(fetched.text) ?? "text");
    yield* this.content(fetched.text, kind, address, fetched.finalUrl);
  }

  /** One document of a known (or sniffed) kind. */
  async *content(
    text: string,
    kind: FileKind | undefined,
    where: string,
    url?: string,
    inFolder = false,
  ): AsyncGenerator<SourceItem> {
    const as = kind ?? sniffKind(text) ?? "text";
    if (inFolder && as === "feed" && sniffKind(text) !== "feed") {
      this.options.onSkip?.({ path: where, reason: "XML that is not a feed" });
      return;
    }
    try {
      switch (as) {
        case "html":
          yield { article: fromHtml(text, { id: where, ...(url ? { url } : {}) }) };
          return;
        case "feed":
          yield* this.feed(text, where, url);
          return;
        case "json":
          yield* this.json(text, where, url, inFolder);
          return;
        case "text":
        case "markdown":
          yield { article: fromText(text, { id: where, format: as, where }) };
          return;
        case "jsonl": {
          const { Readable } = await import("node:stream");
          yield* (this.options.jsonLines ?? readJsonLines)(Readable.from([text]), where);
          return;
        }
      }
    } catch (error) {
      yield failed(where, error, url ? { url } : {});
    }
  }

  private async *json(text: string, where: string, url?: string, inFolder = false): AsyncGenerator<SourceItem> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield failed(where, new Error(`${where} is not valid JSON (${(error as Error).message})`));
      return;
    }
    if (isJsonFeed(value)) {
      yield* this.feed(value as object, where, url);
      return;
    }
    if (inFolder && !looksLikeArticles(value)) {
      this.options.onSkip?.({ path: where, reason: "JSON that is neither an article nor a feed" });
      return;
    }
    const read = this.options.jsonValue ?? articleFromJson;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) yield read(item, `${where} item ${i + 1}`);
      return;
    }
    const item = read(value, where);
    yield item.error || item.article.id !== undefined ? item : { article: { ...item.article, id: where } };
  }
}

/**
 * Articles from files, folders and web addresses, one {@link SourceItem} per article, lazily:
 * `.txt`/`.md` with front matter, `.html` pages, RSS/Atom/JSON feeds, `.json`/`.jsonl`
 * articles, `http(s)://` pages and feeds. Folders give only their article files (README,
 * LICENSE, code… go to `onSkip`), and an article whose id was already read from another file
 * of a folder (a folder's own index of its articles) is skipped and reported, not repeated.
 * Nothing throws: an unreadable file, page or feed is an item with an `error`.
 */
export async function* readSources(
  inputs: readonly string[],
  options: ReadSourcesOptions = {},
): AsyncGenerator<SourceItem> {
  checkOptions(SOURCES_OPTIONS, options, "readSources");
  const cwd = options.cwd ?? process.cwd();
  const reader = new SourceReader(options);
  const seen = new Set<string>();
  const repeated = new Map<string, number>();
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* reader.url(input);
      continue;
    }
    let isFolder = false;
    try {
      isFolder = (await stat(resolve(cwd, input))).isDirectory();
    } catch {
      // A missing path is reported as that input's error when it is read.
    }
    const files = isFolder
      ? await walkFolder(input, cwd, (skipped) => options.onSkip?.(skipped))
      : [{ path: input, kind: options.jsonl ? "jsonl" : kindOfPath(input) }];
    for (const { path, kind } of files) {
      for await (const item of readFile_(reader, path, kind as FileKind | undefined, cwd, options, isFolder)) {
        const id = item.article?.id;
        if (isFolder && !item.error && id !== undefined) {
          if (seen.has(id)) {
            repeated.set(path, (repeated.get(path) ?? 0) + 1);
            continue;
          }
          seen.add(id);
        }
        yield { ...item, path };
      }
    }
    for (const [path, count] of repeated) {
      options.onSkip?.({
        path,
        reason: `${count} article${count === 1 ? "" : "s"} already read from other files (same id)`,
      });
    }
    repeated.clear();
  }
}

async function* readFile_(
  reader: SourceReader,
  path: string,
  kind: FileKind | undefined,
  cwd: string,
  options: ReadSourcesOptions,
  inFolder: boolean,
): AsyncGenerator<SourceItem> {
  const full = resolve(cwd, path);
  if (kind === "jsonl") {
    const stream = createReadStream(full);
    const opened = await new Promise<Error | undefined>((done) => {
      stream.once("open", () => done(undefined));
      stream.once("error", (error) => done(error));
    });
    if (opened) {
      yield failed(path, new Error(`Cannot read ${path}: ${opened.message}`));
      return;
    }
    yield* (options.jsonLines ?? readJsonLines)(stream, path);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file or folder" : code === "EISDIR" ? "it is a folder" : String(error);
    yield {
      article: { id: path, text: "" },
      error: { stage: SOURCE_STAGE, code: "INVALID_INPUT", message: `Cannot read ${path}: ${reason}.` },
    };
    return;
  }
  if (kind === "html" || kind === "feed") {
    yield* reader.content(decodeBytes(bytes).text, kind, path, undefined, inFolder);
    return;
  }
  // A text file declares no encoding: UTF-8, or a legacy one told from its bytes (with a warning).
  const decoded = decodeText(bytes);
  if ("error" in decoded) {
    yield {
      article: { id: path, text: "" },
      error: { stage: SOURCE_STAGE, code: "INVALID_INPUT", message: `${path}: ${decoded.error}` },
    };
    return;
  }
  const warning: StageWarning | undefined = decoded.detected && {
    stage: SOURCE_STAGE,
    code: "ENCODING_DETECTED",
    message: `${path} is not UTF-8: it was read as ${decoded.charset} (detected, ${decoded.detected.confidence}% sure). If some characters look wrong, convert the file to UTF-8 with its real encoding (iconv -f ENCODING -t utf-8).`,
  };
  for await (const item of reader.content(decoded.text, kind, path, undefined, inFolder)) {
    yield warning && !item.error ? { ...item, warning } : item;
  }
}

/**
 * The articles of one document already in memory (standard input, a string): its kind is
 * given or sniffed (`<html` → page, `<rss`/`<feed` → feed, `{` → JSON), else it is text
 * with optional front matter. `id` names it and is the id of a lone article without one.
 */
export async function* readDocument(
  text: string,
  id: string,
  options: ReadSourcesOptions & { kind?: FileKind; url?: string } = {},
): AsyncGenerator<SourceItem> {
  checkOptions(SOURCES_OPTIONS, options, "readDocument");
  yield* new SourceReader(options).content(text, options.kind, id, options.url);
}
