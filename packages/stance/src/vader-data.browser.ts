/**
 * The browser stand-in for `vader-data.ts` (chosen by the `browser` map in package.json): the
 * same lexicon from the package's ES module copy, which bundlers read (Node cannot: the
 * package does not declare itself a module).
 */
import { lexicon } from "vader-sentiment/src/vader_lexicon.js";

export function vaderEntries(): Array<[string, number]> {
  return Object.entries(lexicon);
}
