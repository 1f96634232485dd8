/**
 * How English writes a word (`data/case/`, built from the SUBTLEX-US counts): mostly in lower
 * case (a common word, whatever its capital at a sentence start says), mostly with a capital
 * (a name, or a word that starts sentences), or too rarely to say (more likely a name than a
 * common word: "Lebed", "Tavildara").
 */
import { CAPITALISED_WORDS, LOWER_CASE_WORDS } from "./generated/case.js";

export type WordCase = "lower" | "capital" | "rare";

let lower: ReadonlySet<string> | undefined;
let capitalised: ReadonlySet<string> | undefined;

/** How English mostly writes `lowerWord` (lower-cased): "lower", "capital", or "rare". */
export function wordCase(lowerWord: string): WordCase {
  lower ??= new Set(LOWER_CASE_WORDS.en);
  capitalised ??= new Set(CAPITALISED_WORDS.en);
  if (lower.has(lowerWord)) return "lower";
  return capitalised.has(lowerWord) ? "capital" : "rare";
}
