import { Readability } from "@mozilla/readability";
import { type Article, InvalidInputError } from "@rassegna/core";
import { parseHTML } from "linkedom";

import { boilerplate, cleanByline, isBoilerplateLine } from "./boilerplate.js";
import { fold, textOf } from "./dom.js";
import { normalizeDate, normalizeLanguage } from "./normalize.js";
import { SOURCE_STAGE } from "./types.js";

/** Options of {@link fromHtml}. */
export interface FromHtmlOptions {
  /** Where the page lives: the article's `url` (else the page's canonical link), and its id. */
  url?: string;
  /** The article id (default: `url`). */
  id?: string;
  /** Fewer characters of article text than this is "no article" (default 140). */
  minLength?: number;
}

/** Elements that are never article text, whatever Readability thinks. */
const FURNITURE =
  "nav, footer, aside, form, button, dialog, noscript, [role=navigation], [role=contentinfo], [role=dialog], [role=alertdialog], [hidden], [aria-hidden=true]";

/** An element with a cookie/share/newsletter class is furniture only when it is short. */
const FURNITURE_TEXT = 400;

type El = {
  getAttribute(name: string): string | null;
  textContent: string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<El>;
};
type Doc = El & { documentElement: El; title: string };

function meta(document: Doc, names: string[]): string | undefined {
  for (const name of names) {
    const node = document.querySelectorAll(
      `meta[name="${name}" i], meta[property="${name}" i], meta[itemprop="${name}" i]`,
    )[0];
    const content = node?.getAttribute("content")?.trim();
    if (content) return content;
  }
  return undefined;
}

/** What the page says about itself, read before Readability rewrites the document. */
function pageFacts(document: Doc) {
  const lang =
    document.documentElement.getAttribute("lang") ??
    document.documentElement.getAttribute("xml:lang") ??
    meta(document, ["content-language", "language", "dc.language", "og:locale"]) ??
    document.querySelectorAll('meta[http-equiv="content-language" i]')[0]?.getAttribute("content") ??
    undefined;
  const time = document.querySelectorAll("time[datetime]")[0]?.getAttribute("datetime") ?? undefined;
  const date =
    meta(document, [
      "article:published_time",
      "og:published_time",
      "datePublished",
      "date",
      "pubdate",
      "publishdate",
      "dc.date",
      "dc.date.issued",
      "dcterms.created",
    ]) ?? time;
  const canonical =
    document.querySelectorAll('link[rel="canonical" i]')[0]?.getAttribute("href") ?? meta(document, ["og:url"]);
  const author = meta(document, ["author", "article:author", "dc.creator"]);
  return { lang, date, canonical, author };
}

function removeFurniture(document: Doc): void {
  for (const node of Array.from(document.querySelectorAll(FURNITURE))) node.remove();
  const pattern = boilerplate().classPattern;
  for (const node of Array.from(document.querySelectorAll("[class], [id]"))) {
    const names = `${node.getAttribute("class") ?? ""} ${node.getAttribute("id") ?? ""}`;
    if (pattern.test(names) && (node.textContent ?? "").length < FURNITURE_TEXT) node.remove();
  }
}

/** Leaves out a first paragraph that repeats the title, and a short one that is the by-line. */
function trimHead(paragraphs: string[], title: string | undefined, byline: string | undefined): string[] {
  const out = [...paragraphs];
  for (let i = 0; i < 3 && i < out.length; i++) {
    const folded = fold(out[i] ?? "");
    const whole = title === undefined ? "" : fold(title);
    const isTitle = i === 0 && folded !== "" && whole.includes(folded) && folded.length * 2 >= whole.length;
    const bylined = byline !== undefined && fold(byline) !== "" && (out[i] ?? "").length <= 120;
    const isByline = bylined && folded.endsWith(fold(byline ?? ""));
    if (isTitle || isByline) {
      out.splice(i, 1);
      i--;
    }
  }
  return out;
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * The article of a web page: body text (paragraphs apart by a blank line), title, by-line,
 * date, language and site, extracted with Mozilla Readability over linkedom. Menus, footers,
 * share bars, cookie notices and newsletter boxes are left out. The page's declared language
 * (`<html lang>`, meta tags) becomes the article's `language` hint; the by-line, the site name
 * and the excerpt go to `meta`.
 * Throws an `INVALID_INPUT` error when the page holds no article (a home page, a login
 * page, an empty shell that needs JavaScript).
 */
export function fromHtml(html: string, options: FromHtmlOptions = {}): Article {
  const where = options.url ?? options.id ?? "the page";
  const { document } = parseHTML(html) as unknown as { document: Doc };
  const facts = pageFacts(document);
  removeFurniture(document);
  let result: ReturnType<Readability<El>["parse"]> = null;
  try {
    result = new Readability<El>(document as unknown as Document, {
      serializer: (node) => node as unknown as El,
    }).parse();
  } catch (error) {
    throw new InvalidInputError(`Cannot read ${where} as a web page: ${(error as Error).message}.`, {
      stage: SOURCE_STAGE,
      hint: "Give the HTML of an article page.",
    });
  }
  const rawByline = result?.byline?.trim() || facts.author;
  const byline = rawByline ? cleanByline(rawByline) : undefined;
  const body = result?.content ? textOf(result.content as never) : "";
  const heading = body.split("\n\n", 1)[0] ?? "";
  const readTitle = result?.title?.trim() || document.title?.trim() || undefined;
  // A page title is often "Headline | Site": the article's own first heading, when the
  // page title holds it, is the cleaner headline.
  const title =
    readTitle && heading !== "" && heading.length < readTitle.length && fold(readTitle).startsWith(fold(heading))
      ? heading
      : readTitle;
  const paragraphs = trimHead(body.split("\n\n"), title, byline ?? undefined).filter((p) => !isBoilerplateLine(p));
  const text = paragraphs.join("\n\n");
  const minLength = options.minLength ?? 140;
  if (text.length < minLength) {
    throw new InvalidInputError(
      `No article found in ${where}: it has ${text.length} characters of article text (fewer than ${minLength}), only menus, links or a shell filled in by JavaScript.`,
      {
        stage: SOURCE_STAGE,
        hint: "Give the address or HTML of one article's own page, not a home, index or login page.",
      },
    );
  }
  const url = options.url ?? absolute(facts.canonical, undefined);
  const language = normalizeLanguage(result?.lang ?? facts.lang);
  const date = normalizeDate(result?.publishedTime ?? facts.date);
  const site = result?.siteName?.trim();
  const metaFields: Record<string, unknown> = {
    ...(byline ? { byline } : {}),
    ...(site ? { siteName: site } : {}),
    ...(result?.excerpt ? { excerpt: result.excerpt.trim() } : {}),
  };
  const id = options.id ?? url;
  return {
    ...(id === undefined ? {} : { id }),
    text,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(site ? { source: site } : {}),
    ...(language ? { language } : {}),
    ...(Object.keys(metaFields).length > 0 ? { meta: metaFields } : {}),
  };
}
