import type { RassegnaError } from "./errors.js";
import { assertText, DEFAULT_MAX_TEXT_LENGTH } from "./input.js";
import { type ArticleLimits, DEFAULT_ARTICLE_LIMITS } from "./limits.js";
import type { Analysis, Article } from "./types.js";
import { checkArticleFields } from "./validate.js";

/** The stage name used for errors in the input itself. */
export const INPUT_STAGE = "input";

/** The id given to the `index`-th input (0-based) that has none: stable across runs. */
export function generatedId(index: number): string {
  return `article-${index + 1}`;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
  return list.length > 0 ? list : undefined;
}

/**
 * Turns one input (an {@link Article}, a plain string, or anything else a caller sends)
 * into the {@link Analysis} the stages share. Never throws: bad input becomes a record
 * with an `INVALID_INPUT` error and empty text, so that every input has one output.
 */
export function createAnalysis(
  input: unknown,
  index: number,
  maxLength = DEFAULT_MAX_TEXT_LENGTH,
  limits: ArticleLimits = DEFAULT_ARTICLE_LIMITS,
): Analysis {
  const article: Partial<Article> & Record<string, unknown> =
    typeof input === "string"
      ? { text: input }
      : input !== null && typeof input === "object"
        ? (input as Article & Record<string, unknown>)
        : {};
  const rawId = article.id;
  const id =
    typeof rawId === "string" && rawId !== "" ? rawId : typeof rawId === "number" ? String(rawId) : generatedId(index);
  const doc: Analysis = { id, text: "", errors: [] };
  // Wrong types and limits first: nothing of a rejected article is carried into the record.
  if (input !== null && typeof input === "object") {
    const problems = checkArticleFields(article, limits);
    if (problems.length > 0) {
      for (const { code, message } of problems)
        doc.errors.push({ stage: INPUT_STAGE, code, message: `Article "${id}": ${message}` });
      return doc;
    }
  }
  if (typeof article.language === "string" && article.language.trim() !== "")
    doc.languageHint = article.language.trim();
  const targets = stringList(article.targets);
  if (targets) doc.targets = targets;
  const holders = stringList(article.holders);
  if (holders) doc.holders = holders;
  if (typeof article.title === "string") doc.title = article.title;
  if (typeof article.date === "string") doc.date = article.date;
  if (typeof article.url === "string") doc.url = article.url;
  if (typeof article.source === "string") doc.source = article.source;
  if (article.meta !== null && typeof article.meta === "object") doc.meta = article.meta as Record<string, unknown>;

  if (input === null || typeof input !== "object") {
    if (typeof input !== "string") {
      doc.errors.push({
        stage: INPUT_STAGE,
        code: "INVALID_INPUT",
        message: `Input ${index + 1} is ${input === null ? "null" : `a ${typeof input}`}, not an article: pass a string or { id, text }.`,
      });
      return doc;
    }
  } else if (!("text" in article) || article.text === undefined) {
    doc.errors.push({
      stage: INPUT_STAGE,
      code: "INVALID_INPUT",
      message: `Article "${id}" has no "text" field: give each article its text as a string.`,
    });
    return doc;
  }
  try {
    assertText(article.text, { stage: INPUT_STAGE, maxLength });
    doc.text = article.text;
    if (doc.text.trim() === "") {
      doc.errors.push({
        stage: INPUT_STAGE,
        code: "INVALID_INPUT",
        message: `Article "${id}" has empty text: there is nothing to analyse.`,
      });
    }
  } catch (error) {
    const e = error as RassegnaError;
    doc.errors.push({ stage: INPUT_STAGE, code: e.code, message: `Article "${id}": ${e.message}` });
  }
  return doc;
}

/** True when the article's input was rejected, so stages should not run on it. */
export function hasInputError(doc: Analysis): boolean {
  return doc.errors.some((error) => error.stage === INPUT_STAGE);
}
