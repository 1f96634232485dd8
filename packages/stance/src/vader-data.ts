/**
 * Reads the VADER lexicon of the `vader-sentiment` package (its `vader_lexicon.txt`). A
 * browser bundle gets `vader-data.browser.js` instead (the `browser` map in package.json).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** `[word, mean rating]` for every line of the lexicon. */
export function vaderEntries(): Array<[string, number]> {
  const file = createRequire(import.meta.url).resolve("vader-sentiment/vader_lexicon.txt");
  const entries: Array<[string, number]> = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [word, mean] = line.split("\t");
    if (word && mean) entries.push([word, Number(mean)]);
  }
  return entries;
}
