/**
 * English words of how news treats a person that neither AFINN-165 nor VADER rates
 * (`data/words/en/news-valence.yml`): verbs of public censure, words of scandal and of standing. Read
 * only for the text's own stance, after AFINN and VADER. Values in [-1, 1] like `valenceOf`.
 */
import { NEWS_VALENCE } from "./generated/words.js";

const VALUES = new Map<string, number>();
for (const { value, entries } of [...NEWS_VALENCE.en, ...NEWS_VALENCE.it])
  for (const word of entries) VALUES.set(word, value);

/** The valence of a folded English word this list rates, else 0. */
export function newsValence(folded: string): number {
  return VALUES.get(folded) ?? 0;
}
