/**
 * Checks of untrusted input before any work is spent on it: the fields of an article and the
 * shape of one JSON Lines line. Each check returns plain messages (what is wrong, what to do)
 * rather than throwing, so that a caller turns them into that record's errors and goes on.
 */
import { type ArticleLimits, DEFAULT_ARTICLE_LIMITS } from "./limits.js";
import type { ErrorCode } from "./types.js";

/** One problem found in an input. */
export interface InputProblem {
  code: Extract<ErrorCode, "INVALID_INPUT" | "LIMIT_EXCEEDED" | "INPUT_TOO_LARGE">;
  message: string;
}

/** How a value is named in a message: "a number (12)", "an object", "null". */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "string") return `a string ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * The deepest nesting of objects and arrays in a JSON text, read character by character
 * without parsing it: stops at `max + 1`, so a line nested 10,000 deep costs nothing.
 */
export function jsonDepth(text: string, max = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return deepest;
}

/** The nesting depth of a value already parsed (objects and arrays), up to `max + 1`, without recursion. */
export function valueDepth(value: unknown, max = Number.POSITIVE_INFINITY): number {
  if (value === null || typeof value !== "object") return 0;
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    if (depth > deepest) {
      deepest = depth;
      if (deepest > max) return deepest;
    }
    for (const child of Object.values(item as Record<string, unknown>)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** The length of a text in UTF-8 bytes, without encoding it (no `Buffer`: core runs in browsers too). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Checks one JSON Lines line before it is parsed: its size in bytes (when known) and its
 * nesting depth. `undefined` when the line may be parsed.
 */
export function checkJsonLine(
  line: string,
  where: string,
  limits: Pick<ArticleLimits, "maxDepth" | "maxLineBytes"> = DEFAULT_ARTICLE_LIMITS,
  bytes?: number,
): InputProblem | undefined {
  const size = bytes ?? (line.length > limits.maxLineBytes / 3 ? utf8Length(line) : line.length);
  if (size > limits.maxLineBytes) {
    return {
      code: "INPUT_TOO_LARGE",
      message: `${where} is ${size} bytes long, over the limit of ${limits.maxLineBytes}: it was skipped without being read. Split the article, or raise maxLineBytes.`,
    };
  }
  const depth = jsonDepth(line, limits.maxDepth);
  if (depth > limits.maxDepth) {
    return {
      code: "LIMIT_EXCEEDED",
      message: `${where} nests objects or arrays more than ${limits.maxDepth} deep: it was not parsed. An article is a flat object; keep "meta" shallow, or raise maxDepth.`,
    };
  }
  return undefined;
}

const STRING_FIELDS = ["title", "date", "url", "source"] as const;

function stringList(
  article: Record<string, unknown>,
  field: "targets" | "holders",
  max: number,
  problems: InputProblem[],
) {
  const value = article[field];
  if (value === undefined) return 0;
  if (!Array.isArray(value)) {
    problems.push({
      code: "INVALID_INPUT",
      message: `"${field}" must be an array of names such as ["Russia"], got ${describeValue(value)}.`,
    });
    return 0;
  }
  const bad = value.findIndex((item) => typeof item !== "string");
  if (bad >= 0) {
    problems.push({
      code: "INVALID_INPUT",
      message: `"${field}" must hold names as strings; item ${bad + 1} is ${describeValue(value[bad])}.`,
    });
  }
  if (value.length > max) {
    problems.push({
      code: "LIMIT_EXCEEDED",
      message: `"${field}" names ${value.length} actors, over the limit of ${max} per article: split the question over several articles, or raise ${field === "holders" ? "maxHolders" : "maxTargets"}.`,
    });
  }
  return value.length;
}

/**
 * Checks the fields of one article object against their types and the limits. Returns the
 * problems found (empty when the article is sound); `text` is checked elsewhere
 * (`assertText`), as it has its own size limit and binary check.
 */
export function checkArticleFields(
  article: Record<string, unknown>,
  limits: ArticleLimits = DEFAULT_ARTICLE_LIMITS,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const { id, language, meta } = article;
  if (id !== undefined && id !== null && typeof id !== "string" && !(typeof id === "number" && Number.isFinite(id))) {
    problems.push({ code: "INVALID_INPUT", message: `"id" must be a string or a number, got ${describeValue(id)}.` });
  }
  if (language !== undefined && language !== null && typeof language !== "string") {
    problems.push({
      code: "INVALID_INPUT",
      message: `"language" must be a language code such as "it", got ${describeValue(language)}.`,
    });
  }
  for (const field of STRING_FIELDS) {
    const value = article[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      problems.push({ code: "INVALID_INPUT", message: `"${field}" must be a string, got ${describeValue(value)}.` });
    }
  }
  const holders = stringList(article, "holders", limits.maxHolders, problems);
  const targets = stringList(article, "targets", limits.maxTargets, problems);
  if (holders * targets > limits.maxPairs && holders <= limits.maxHolders && targets <= limits.maxTargets) {
    problems.push({
      code: "LIMIT_EXCEEDED",
      message: `${holders} holders × ${targets} targets make ${holders * targets} pairs, over the limit of ${limits.maxPairs} per article: ask fewer, or raise maxPairs.`,
    });
  }
  if (meta !== undefined && meta !== null) {
    if (typeof meta !== "object" || Array.isArray(meta)) {
      problems.push({ code: "INVALID_INPUT", message: `"meta" must be an object, got ${describeValue(meta)}.` });
    } else if (valueDepth(meta, limits.maxDepth - 1) > limits.maxDepth - 1) {
      problems.push({
        code: "LIMIT_EXCEEDED",
        message: `"meta" nests objects or arrays more than ${limits.maxDepth} deep: keep it shallow, or raise maxDepth.`,
      });
    }
  }
  return problems;
}
