// Reads articles in the corpus format: a plain UTF-8 text file, optionally opened by a small
// front matter block (`---`, `key: value` lines, `---`). Shared by corpus/build-index.mjs,
// scripts/main.mjs and the examples, so that the format is parsed in one place only.
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * Splits a file's content into its front matter fields and the article text.
 * A file without front matter is all text; `id` defaults to `fallbackId`.
 * @param {string} content
 * @param {string} fallbackId
 * @returns {{ id: string, text: string, title?: string, date?: string, language?: string }}
 */
export function parseArticleFile(content, fallbackId) {
  const source = content.replace(/^\uFEFF/, "");
  const match = FRONT_MATTER.exec(source);
  /** @type {Record<string, string>} */
  const fields = {};
  if (match) {
    for (const line of (match[1] ?? "").split(/\r?\n/)) {
      const colon = line.indexOf(":");
      if (colon > 0) fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  const text = (match ? source.slice(match[0].length) : source).trim();
  return {
    id: fields.id || fallbackId,
    text,
    ...(fields.title ? { title: fields.title } : {}),
    ...(fields.date ? { date: fields.date } : {}),
    ...(fields.language ? { language: fields.language } : {}),
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
