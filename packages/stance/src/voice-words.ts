/** The voice markers of `data/words/<lang>/voice.yml` as whole-word patterns over folded text. */
import { escapeRegExp } from "@rassegna/core";

import { VOICE } from "./generated/words.js";

function escapePhrase(phrase: string): string {
  return escapeRegExp(phrase).replace(/ /g, "\\s+");
}

/** One global pattern per language list: every phrase as whole words. */
export const VOICE_MARKERS: readonly RegExp[] = Object.freeze(
  Object.values(VOICE)
    .filter((phrases) => phrases.length > 0)
    .map(
      (phrases) => new RegExp(`(?<![\\p{L}\\p{N}'])(?:${phrases.map(escapePhrase).join("|")})(?![\\p{L}\\p{N}])`, "gu"),
    ),
);
