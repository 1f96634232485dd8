import { type Article, InvalidInputError } from "@rassegna/core";
import { parseFeed } from "feedsmith";

import { isBoilerplateLine } from "./boilerplate.js";
import { htmlToText } from "./dom.js";
import { fromHtml } from "./html.js";
import { normalizeDate, normalizeLanguage } from "./normalize.js";
import { SOURCE_STAGE } from "./types.js";

/** Options of {@link fromFeed}. */
export interface FromFeedOptions {
  /** Where the feed came from (a URL or a path): item links are resolved against it, errors name it. */
  url?: string;
}

/** What a feed says about itself. */
export interface FeedInfo {
  format: "rss" | "atom" | "rdf" | "json";
  title?: string;
  link?: string;
  language?: string;
}

/** One item of a feed as an article; `link` is the page to download for the full text. */
export interface FeedEntry {
  article: Article;
  link?: string;
  /** True when the item had no summary or content, so the text is the headline alone. */
  headlineOnly: boolean;
}

type Obj = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
const obj = (value: unknown): Obj => (value !== null && typeof value === "object" ? (value as Obj) : {});
/** Atom text constructs are `{ value, type }`; RSS ones are strings. */
const textOf = (value: unknown): string | undefined => str(value) ?? str(obj(value).value);

function resolve(link: string | undefined, base: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

/** HTML content through the page reader (share bars, "read more" lines go); a snippet too short for it as plain text. */
function contentText(html: string, where: string): string {
  if (!/<[a-z][^>]*>/i.test(html)) return html.trim();
  try {
    return fromHtml(html, { id: where, minLength: 200 }).text;
  } catch {
    return htmlToText(html)
      .split("\n\n")
      .filter((p) => !isBoilerplateLine(p))
      .join("\n\n");
  }
}

interface RawItem {
  title?: string;
  link?: string;
  id?: string;
  date?: string;
  html?: string;
  language?: string;
  author?: string;
}

function atomLink(entry: Obj): string | undefined {
  const links = Array.isArray(entry.links) ? (entry.links as Obj[]) : [];
  const alternate = links.find((l) => l.rel === undefined || l.rel === "alternate") ?? links[0];
  return str(alternate?.href);
}

function rawItems(format: FeedInfo["format"], feed: Obj): RawItem[] {
  if (format === "atom") {
    return ((feed.entries as Obj[] | undefined) ?? []).map((entry) => ({
      title: textOf(entry.title),
      link: atomLink(entry),
      id: str(entry.id),
      date: str(entry.published) ?? str(entry.updated),
      html: textOf(entry.content) ?? textOf(entry.summary),
      language: str(obj(entry.xml).lang),
      author: str(obj((entry.authors as Obj[] | undefined)?.[0]).name),
    }));
  }
  if (format === "json") {
    return ((feed.items as Obj[] | undefined) ?? []).map((item) => ({
      title: str(item.title),
      link: str(item.url) ?? str(item.external_url),
      id: str(item.id),
      date: str(item.date_published) ?? str(item.date_modified),
      html: str(item.content_html) ?? str(item.content_text) ?? str(item.summary),
      language: str(item.language),
      author: str(obj((item.authors as Obj[] | undefined)?.[0]).name),
    }));
  }
  return ((feed.items as Obj[] | undefined) ?? []).map((item) => {
    const dc = obj(item.dc);
    const guid = obj(item.guid);
    const guidValue = str(guid.value) ?? str(item.guid);
    return {
      title: str(item.title) ?? str((dc.titles as unknown[] | undefined)?.[0]),
      link: str(item.link) ?? (guid.isPermaLink === false ? undefined : guidValue),
      id: guidValue,
      date: str(item.pubDate) ?? str((dc.dates as unknown[] | undefined)?.[0]) ?? str(dc.date),
      html: str(obj(item.content).encoded) ?? str(item.description),
      language: str((dc.languages as unknown[] | undefined)?.[0]),
      author: str(item.author) ?? str((dc.creators as unknown[] | undefined)?.[0]),
    };
  });
}

/**
 * The items of an RSS 2.0 (or 1.0), Atom or JSON Feed document, parsed with feedsmith, each
 * as an article: title, link (`url`, and the id), date, and the content or summary as text
 * (HTML goes through the page reader). The feed's title is each article's `source` and its
 * language the articles' hint. An item without a summary or content has its headline as text.
 * Throws an `INVALID_INPUT` error when the document is not a feed or is malformed.
 */
export function fromFeed(
  content: string | object,
  options: FromFeedOptions = {},
): { info: FeedInfo; entries: FeedEntry[] } {
  const where = options.url ?? "the feed";
  let parsed: { format: FeedInfo["format"]; feed: unknown };
  try {
    parsed = parseFeed(
      typeof content === "string" && /^\s*[{[]/.test(content) ? JSON.parse(content) : content,
    ) as typeof parsed;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`Cannot read ${where} as a feed: ${reason}.`, {
      stage: SOURCE_STAGE,
      hint: "Give an RSS 2.0, Atom or JSON Feed document (an XML feed must be complete and well-formed).",
    });
  }
  const feed = obj(parsed.feed);
  const info: FeedInfo = {
    format: parsed.format,
    ...(textOf(feed.title) ? { title: textOf(feed.title) } : {}),
  };
  const link =
    parsed.format === "atom" ? atomLink(feed) : parsed.format === "json" ? str(feed.home_page_url) : str(feed.link);
  if (link) info.link = link;
  const language = normalizeLanguage(
    str(feed.language) ?? str(obj(feed.xml).lang) ?? str((obj(feed.dc).languages as unknown[] | undefined)?.[0]),
  );
  if (language) info.language = language;

  // Relative item links resolve against where the feed came from, or its own site link.
  const base = options.url !== undefined && /^https?:/i.test(options.url) ? options.url : info.link;
  const entries = rawItems(parsed.format, feed).map((item, index): FeedEntry => {
    const url = resolve(item.link, base);
    const id = url ?? item.id ?? `${options.url ?? "feed"}#${index + 1}`;
    const body = item.html === undefined ? "" : contentText(item.html, id);
    const headlineOnly = body === "";
    const title = item.title === undefined ? undefined : htmlToText(item.title);
    const date = normalizeDate(item.date);
    const lang = normalizeLanguage(item.language) ?? info.language;
    const meta: Obj = {
      feed: options.url ?? info.link ?? info.title,
      ...(item.id && item.id !== id ? { guid: item.id } : {}),
      ...(item.author ? { byline: item.author } : {}),
      ...(headlineOnly ? { headlineOnly: true } : {}),
    };
    const article: Article = {
      id,
      text: headlineOnly ? (title ?? "") : body,
      ...(title && !headlineOnly ? { title } : {}),
      ...(date ? { date } : {}),
      ...(url ? { url } : {}),
      ...(info.title ? { source: info.title } : {}),
      ...(lang ? { language: lang } : {}),
      meta: Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
    };
    return { article, ...(url ? { link: url } : {}), headlineOnly };
  });
  return { info, entries };
}
