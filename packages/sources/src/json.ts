import type { Article, StageError } from "@rassegna/core";

import { SOURCE_STAGE, type SourceItem } from "./types.js";

/** Article fields that must be text when present. */
const TEXT_FIELDS = ["title", "date", "url", "source", "language"] as const;

function invalid(message: string): StageError {
  return { stage: SOURCE_STAGE, code: "INVALID_INPUT", message };
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * One JSON value as an article: an object `{ id, text, title?, date?, url?, source?,
 * language?, targets?, holders?, meta? }` (kept as it is, so that any other key is carried
 * through) or a plain string (the text). `where` names it in errors ("input.jsonl line 3").
 * A known field of the wrong type is an error for that article, not a silent drop.
 */
export function articleFromJson(value: unknown, where: string): SourceItem {
  if (typeof value === "string") return { article: { text: value } };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      article: { text: "" },
      error: invalid(`${where} holds ${kindOf(value)}, not an article: give a JSON object with a "text".`),
    };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === "string" || typeof record.id === "number" ? { id: String(record.id) } : {};
  for (const field of TEXT_FIELDS) {
    const field_ = record[field];
    if (field_ !== undefined && field_ !== null && typeof field_ !== "string") {
      return {
        article: { ...id, text: "" },
        error: invalid(`${where}: "${field}" must be a string, not ${kindOf(field_)} (e.g. "${field}": "…").`),
      };
    }
  }
  const meta = record.meta;
  if (meta !== undefined && (meta === null || typeof meta !== "object" || Array.isArray(meta))) {
    return {
      article: { ...id, text: "" },
      error: invalid(`${where}: "meta" must be an object of your own fields, not ${kindOf(meta)}.`),
    };
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
