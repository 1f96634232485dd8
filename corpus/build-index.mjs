// Regenerates corpus/index.jsonl from corpus/articles/*.txt: one JSON line per article
// (id, title, date, language, text) in the contract's JSON Lines input form.
// Run: node corpus/build-index.mjs
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { readArticleFolder } from "./read.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const articles = await readArticleFolder(`${here}articles`);
const lines = articles.map((a) =>
  JSON.stringify({ id: a.id, title: a.title, date: a.date, language: a.language, text: a.text }),
);
await writeFile(`${here}index.jsonl`, `${lines.join("\n")}\n`);
console.log(`corpus/index.jsonl: ${articles.length} articles`);
