/**
 * The limits that are part of Rassegna's contract: what one article, one JSON line and one
 * stage call may cost at most. Each has an option to change it; `docs/limits.md` lists them
 * with the reasons for the defaults. Going over a limit never stops a run: that record
 * carries a `LIMIT_EXCEEDED` (or `INPUT_TOO_LARGE`, `TIMEOUT`) error and the run goes on.
 */

import { RassegnaError } from "./errors.js";

/** The limits of one article (its record) and of one line of JSON Lines input. */
export interface ArticleLimits {
  /** Most `holders` an article may name (default 64). */
  maxHolders: number;
  /** Most `targets` an article may name (default 64). */
  maxTargets: number;
  /** Most holder × target pairs an article may ask for (default 1,024; every pair is a stance). */
  maxPairs: number;
  /** Most nested objects and arrays in an article or in a JSON line (default 64). */
  maxDepth: number;
  /** Longest JSON Lines line, in bytes (default 64 MiB); longer lines are skipped unread. */
  maxLineBytes: number;
}

/** Defaults of {@link ArticleLimits}: far above a real news article, far below what hurts a server. */
export const DEFAULT_ARTICLE_LIMITS: Readonly<ArticleLimits> = Object.freeze({
  maxHolders: 64,
  maxTargets: 64,
  maxPairs: 1024,
  maxDepth: 64,
  maxLineBytes: 64 * 1024 * 1024,
});

/** Most stances one record may carry (default 5,000); more are cut and the record says so. */
export const DEFAULT_MAX_STANCES = 5000;

/**
 * Time one stage may take on one article, in milliseconds (default 60 s). Past it the record
 * gets a `TIMEOUT` error from that stage, the stage's `context.signal` is aborted (a stage
 * that holds a child process kills it), and the next stages run.
 */
export const DEFAULT_STAGE_TIMEOUT_MS = 60_000;

/** Largest HTML report `rassegna report` writes, in bytes (default 32 MiB): beyond it article bodies are left out. */
export const DEFAULT_REPORT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Checks a limit given as an option: a whole number of at least `min`, or `Infinity` where
 * `infinite` allows it. Throws a `TypeError` that names the option and what it got.
 */
export function checkLimit(name: string, value: unknown, min = 1, infinite = true): number {
  if (
    typeof value === "number" &&
    ((infinite && value === Number.POSITIVE_INFINITY) || (Number.isInteger(value) && value >= min))
  ) {
    return value;
  }
  const got = typeof value === "number" ? String(value) : typeof value === "string" ? `"${value}"` : typeof value;
  throw new TypeError(
    `${name} must be a whole number of at least ${min}${infinite ? " (or Infinity for no limit)" : ""}, got ${got}.`,
  );
}

/** {@link DEFAULT_ARTICLE_LIMITS} with the given ones over them, each checked. */
export function resolveArticleLimits(limits: Partial<ArticleLimits> = {}): ArticleLimits {
  if (limits === null || typeof limits !== "object") throw new TypeError("limits must be an object of numbers.");
  const out = { ...DEFAULT_ARTICLE_LIMITS };
  for (const key of Object.keys(limits) as Array<keyof ArticleLimits>) {
    if (!(key in DEFAULT_ARTICLE_LIMITS)) {
      throw new TypeError(`Unknown limit "${key}": known ones are ${Object.keys(DEFAULT_ARTICLE_LIMITS).join(", ")}.`);
    }
    if (limits[key] !== undefined) out[key] = checkLimit(`limits.${key}`, limits[key]);
  }
  return out;
}

/**
 * Longest run of characters without a space that a translation engine is given, in UTF-16
 * units (default 2,000): far above any word, compound or web address of a real article, and
 * far below where Apertium's analyser turns superlinear (100,000 characters: 19 s; 1 MB: over
 * 5 minutes). Option `maxTokenLength` of the translate stage and of `createTranslator`.
 */
export const DEFAULT_MAX_TOKEN_LENGTH = 2000;

/**
 * Throws a `LIMIT_EXCEEDED` error when `text` holds a run of more than `max` characters
 * without white space, before it reaches an engine. Reads the text once, without a regular
 * expression (a 1 MB run costs one pass). `stage` names who refused it.
 */
export function assertTokenLength(text: string, max: number | undefined, stage: string): void {
  const limit = max ?? DEFAULT_MAX_TOKEN_LENGTH;
  if (limit === Number.POSITIVE_INFINITY || text.length <= limit) return;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
    if (!space) continue;
    if (i - start > limit) {
      throw new RassegnaError(
        "LIMIT_EXCEEDED",
        `${stage}: the text has a run of ${i - start} characters without a space (from offset ${start}), over the limit of ${limit} per token; it was not given to the engine, which slows down sharply on such input.`,
        {
          stage,
          hint: "Such a run is usually a web address, embedded data or a repeated character: take it out or break it up, or raise maxTokenLength.",
        },
      );
    }
    start = i + 1;
  }
}
