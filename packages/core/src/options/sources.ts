/** The option schemas of `@rassegna/sources`: `readSources`, `readDocument` and `createFetcher`. */
import * as v from "valibot";

import { aBoolean, aFunction, aLimit, aSignal, aString, options, wholeNumber } from "./check.js";

/** `createFetcher(options)`: the downloader of web addresses. */
export const FETCHER_OPTIONS = options({
  timeoutMs: wholeNumber(1),
  retries: wholeNumber(0),
  backoffMs: wholeNumber(0),
  perHost: wholeNumber(1),
  userAgent: aString("a user agent (a string)"),
  maxBytes: aLimit(1),
  maxRedirects: wholeNumber(0),
  signal: aSignal(),
});

/** `readSources(inputs, options)` and `readDocument(content, where, options)`. */
export const SOURCES_OPTIONS = options({
  cwd: aString("a folder path (a string)"),
  fetch: aBoolean(),
  fetcher: v.optional(
    v.union(
      [
        v.custom(
          (value) =>
            value !== null && typeof value === "object" && typeof (value as { get?: unknown }).get === "function",
        ),
        FETCHER_OPTIONS,
      ],
      "a fetcher from createFetcher() or its options",
    ),
  ),
  onSkip: aFunction(),
  jsonLines: aFunction(),
  jsonValue: aFunction(),
  jsonl: aBoolean(),
  kind: aString('a kind of file such as "text", "html" or "feed" (a string)'),
  url: aString("a web address (a string)"),
});
