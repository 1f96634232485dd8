import { type Article, checkArticleFields, describeValue, type StageError } from "@rassegna/core";

import { SOURCE_STAGE, type SourceItem } from "./types.js";

function invalid(message: string): StageError {
  return { stage: SOURCE_STAGE, code: "INVALID_INPUT", message };
}

/**
 * One JSON value as an article: an object `{ id, text, title?, date?, url?, source?,
 * language?, targets?, holders?, meta? }` (kept as it is, so that any other key is carried
 * through) or a plain string (the text). `where` names it in errors ("input.jsonl line 3").
 * A known field of the wrong type is an error for that article, naming where it is, never a
 * silent drop: the checks are core's (`checkArticleFields`), the same the pipeline makes.
 * Limits (holders × targets, nesting) are left to the pipeline, whose limits may be raised.
 */
export function articleFromJson(value: unknown, where: string): SourceItem {
  if (typeof value === "string") return { article: { text: value } };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      article: { text: "" },
      error: invalid(
        `${where} holds ${describeValue(value)}, not an article: give a JSON object with a "text", such as {"id": "a-1", "text": "…"}.`,
      ),
    };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === "string" || typeof record.id === "number" ? { id: String(record.id) } : {};
  const problems = checkArticleFields(record).filter((problem) => problem.code === "INVALID_INPUT");
  if (record.text === undefined) {
    problems.push({ code: "INVALID_INPUT", message: `"text" is missing: give the article's text as a string.` });
  } else if (typeof record.text !== "string") {
    problems.push({ code: "INVALID_INPUT", message: `"text" must be a string, got ${describeValue(record.text)}.` });
  }
  if (problems.length > 0) {
    return { article: { ...id, text: "" }, error: invalid(`${where}: ${problems.map((p) => p.message).join(" ")}`) };
  }
  return { article: value as Article };
}

/** True for a parsed JSON Feed (https://jsonfeed.org): a `version` naming jsonfeed.org and `items`. */
export function isJsonFeed(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const version = (value as Record<string, unknown>).version;
  return typeof version === "string" && /jsonfeed\.org\/version\//.test(version);
}

/** True for a JSON value that reads as articles: an article object or a list of them. */
export function looksLikeArticles(value: unknown): boolean {
  const isArticle = (item: unknown) =>
    typeof item === "string" ||
    (item !== null && typeof item === "object" && typeof (item as Record<string, unknown>).text === "string");
  return Array.isArray(value) ? value.length > 0 && value.every(isArticle) : isArticle(value);
}
