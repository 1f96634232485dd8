/** Types the stance modules share: what the rules read in a sentence, and in which language. */
import type { StanceLabel } from "@rassegna/core";

import type { ActorMention } from "./mentions.js";
import type { Token } from "./tokens.js";

/** The languages of the cue lexicons. */
export type CueLanguage = "en" | "it";

/** One stance a rule read in one sentence. */
export interface Finding {
  /** Undefined when the sentence names no holder ("Iran was sanctioned"). */
  holder: string | undefined;
  target: string;
  polarity: Exclude<StanceLabel, "NONE">;
  /** 0 for cues that fired but were negated into no stance. */
  weight: number;
  /** The sentence. */
  start: number;
  end: number;
  rule: string;
  cue: string;
}

/** A sentence as the reader saw it. */
export interface ReadSentence {
  start: number;
  end: number;
  mentions: ActorMention[];
  tokens: Token[];
  /** What the cue rules read in this sentence (the backoffs leave alone the pairs they linked). */
  findings?: Finding[];
}
