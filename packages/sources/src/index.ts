/**
 * `@rassegna/sources`: articles from what users have. Text and Markdown files with YAML front
 * matter, web pages (Mozilla Readability over linkedom), RSS 2.0 / Atom / JSON Feed documents
 * (feedsmith), `.json` / `.jsonl` articles, folders of them, and web addresses downloaded
 * politely (timeouts, retries, per-host bound, byte and redirect limits, any charset).
 */
export {
  charsetOfContentType,
  type Decoded,
  type DecodedText,
  declaredCharset,
  decodeBytes,
  decodeText,
} from "./charset.js";
export { htmlToText } from "./dom.js";
export { type FeedEntry, type FeedInfo, type FromFeedOptions, fromFeed } from "./feed.js";
export {
  createFetcher,
  DEFAULT_USER_AGENT,
  FetchError,
  type Fetched,
  type Fetcher,
  type FetcherOptions,
} from "./fetch.js";
export { classifyFolderFile, kindOfPath, walkFolder } from "./files.js";
export { type FrontMatter, fieldsFromData, parseFrontMatter } from "./frontmatter.js";
export { type FromHtmlOptions, fromHtml } from "./html.js";
export { articleFromJson, isJsonFeed, looksLikeArticles } from "./json.js";
export { isUrl, type ReadSourcesOptions, readDocument, readJsonLines, readSources, sniffKind } from "./read.js";
export { type FromTextOptions, fromText } from "./text.js";
export { type FileKind, type SkippedFile, SOURCE_STAGE, type SourceItem } from "./types.js";
