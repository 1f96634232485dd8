/**
 * The learned backend (the default): the rules read the text, and a classifier trained by
 * `pnpm train:stance` (`src/learned/`, weights in `data/model.json`) labels each pair from the
 * rules' findings and the words around the mentions.
 */
import type { Stance } from "@rassegna/core";

import { learnedOwn, learnedPair } from "../learned/decide.js";
import type { Decider } from "./rules.js";

/** The rules' stance where the learned decision agrees with its label, else NONE with the rules' evidence. */
function confirm(rules: Stance, learned: Stance): Stance {
  if (learned.stance === rules.stance) return { ...rules, score: Math.max(rules.score, learned.score) };
  return { ...rules, stance: "NONE", score: learned.score };
}

/** The learned classifier over the rules' findings. */
export const LEARNED_DECIDER: Decider = {
  name: "learned",
  backoffAlways: true,
  pair: learnedPair,
  own: learnedOwn,
  // The learned decision checks each pair the rules linked: it may find no stance there. It
  // learned English words: on other languages the rules' reading stands.
  linked: (rules, holder, target, reading, englishOnly) =>
    englishOnly && rules.stance !== "NONE" ? confirm(rules, learnedPair(holder, target, reading())) : rules,
};
