import type { Article, StageError, StageWarning } from "@rassegna/core";

/** The stage name of errors raised while reading sources (files, pages, feeds, URLs). */
export const SOURCE_STAGE = "input";

/**
 * One article read from a source, or why it could not be read. An unreadable source still
 * gives one item (its `article` carries the id and what is known, such as the url), so that
 * every input has one record.
 */
export interface SourceItem {
  article: Article;
  /** Set when the source could not be read or holds no article: the record's error. */
  error?: StageError;
  /** A note for the record that does not make it fail (a text file not in UTF-8, decoded as detected). */
  warning?: StageWarning;
  /** The file it was read from, as given or found in a folder (none for web addresses). */
  path?: string;
}

/** The kinds of files a folder is read for; everything else is skipped. */
export type FileKind = "text" | "markdown" | "html" | "json" | "jsonl" | "feed";

/** Why a file was left out of a folder. */
export interface SkippedFile {
  path: string;
  reason: string;
}
