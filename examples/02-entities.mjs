// Example 2: named entities with their offsets, each printed within its source sentence.
//
//   node examples/02-entities.mjs [FILE]
//
// Offsets are UTF-16 indices into the text, end exclusive: text.slice(start, end) is the mention.
import { readFile } from "node:fs/promises";

import { detectLanguage, extractEntities, splitSentences } from "rassegna";

import { parseArticleFile } from "../corpus/read.mjs";
import { defaultArticlePath, isMain, runMain } from "./lib/cli.mjs";

/**
 * Every mention of every entity of `text`, in text order, with the sentence it stands in.
 * @param {string} text
 * @param {string} [language] detected when not given
 */
export async function mentionsInSentences(text, language = detectLanguage(text).code) {
  const entities = await extractEntities(text, { language });
  const sentences = splitSentences(text);
  const rows = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const sentence = sentences.find((s) => s.start <= mention.start && mention.end <= s.end) ?? {
        start: mention.start,
        end: mention.end,
      };
      rows.push({
        name: entity.name,
        type: entity.type,
        start: mention.start,
        end: mention.end,
        mention: text.slice(mention.start, mention.end),
        sentence: { start: sentence.start, end: sentence.end },
        // The sentence with the mention in [brackets], for reading.
        marked: `${text.slice(sentence.start, mention.start)}[${text.slice(mention.start, mention.end)}]${text.slice(mention.end, sentence.end)}`,
      });
    }
  }
  return rows.sort((a, b) => a.start - b.start);
}

async function main() {
  const file = process.argv[2] ?? defaultArticlePath();
  const article = parseArticleFile(await readFile(file, "utf8"), file);
  const rows = await mentionsInSentences(article.text, article.language);
  for (const row of rows) {
    console.log(`${row.name} (${row.type}) [${row.start}, ${row.end}) "${row.mention}"`);
    console.log(`    ${row.marked.replace(/\s+/g, " ").trim()}`);
  }
  const names = new Set(rows.map((r) => r.name));
  console.log(`\n${rows.length} mentions of ${names.size} entities in ${article.id}`);
}

if (isMain(import.meta.url)) runMain(main);
