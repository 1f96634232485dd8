// Reads articles in the corpus format: a plain UTF-8 text file, optionally opened by a YAML
// front matter block (`---`, `key: value` lines, `---`). Used by corpus/build-index.mjs and the
// examples; the parsing itself is @rassegna/sources' (which `rassegna run` and `pnpm main` use).
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";

import { fromText } from "@rassegna/sources";

/**
 * Splits a file's content into its front matter fields and the article text, with the
 * front matter reader of @rassegna/sources (YAML). A file without front matter is all text;
 * `id` defaults to `fallbackId`.
 * @param {string} content
 * @param {string} fallbackId
 * @returns {{ id: string, text: string, title?: string, date?: string, language?: string }}
 */
export function parseArticleFile(content, fallbackId) {
  const { id, text, title, date, language } = fromText(content, { id: fallbackId });
  return {
    id: id ?? fallbackId,
    text,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(language ? { language } : {}),
  };
}

/**
 * Reads every `.txt` file of a folder (sorted by name) as one article.
 * A missing folder gives no articles (the shared corpus is optional). Each article also
 * carries `file`, the path it was read from.
 * @param {string} dir
 */
export async function readArticleFolder(dir) {
  let names;
  try {
    names = await readdir(dir);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return [];
    throw error;
  }
  const articles = [];
  for (const name of names.filter((n) => extname(n) === ".txt").sort()) {
    const content = await readFile(join(dir, name), "utf8");
    articles.push({ ...parseArticleFile(content, basename(name, ".txt")), file: join(dir, name) });
  }
  return articles;
}
