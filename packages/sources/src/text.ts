import type { Article } from "@rassegna/core";
import { marked } from "marked";

import { fold, htmlToText } from "./dom.js";
import { fieldsFromData, parseFrontMatter } from "./frontmatter.js";

/** Options of {@link fromText}. */
export interface FromTextOptions {
  /** The id when the front matter gives none (the command passes the file's path). */
  id?: string;
  /** `"markdown"` renders the body to plain text (headings, emphasis, links → their words). */
  format?: "text" | "markdown";
  /** Where the text came from, named in errors. */
  where?: string;
}

/**
 * An article from a text or Markdown file's content: a YAML front matter block gives the
 * fields (`id`, `title`, `date`, `language`, `url`, `source`; any other key goes to `meta`),
 * the rest is the text. In Markdown, a first `# Heading` is the title when the front matter
 * has none, and is left out of the text when it repeats the title.
 * Throws an `INVALID_INPUT` error when the front matter is not valid YAML.
 */
export function fromText(content: string, options: FromTextOptions = {}): Article {
  const { data, body } = parseFrontMatter(content, options.where);
  const fields = fieldsFromData(data);
  let text = body.trim();
  if (options.format === "markdown") {
    text = htmlToText(marked.parse(body, { async: false, gfm: true }));
    const first = text.split("\n\n", 1)[0] ?? "";
    const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body.trimStart().split("\n", 1)[0] ?? "")?.[1];
    if (heading !== undefined && fold(first) === fold(heading)) {
      if (fields.title === undefined) fields.title = first;
      if (fold(fields.title) === fold(first)) text = text.slice(first.length).trimStart();
    }
  }
  const id = fields.id ?? options.id;
  return { ...fields, ...(id === undefined ? {} : { id }), text };
}
