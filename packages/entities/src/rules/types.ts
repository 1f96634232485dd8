/**
 * What the passes of the rules share: the mentions they find, the context of the text they
 * read, and the one way to add a mention ({@link emit}), which records which pass said so.
 */
import type { Token, TokenCursor } from "@rassegna/core";

import type { TypedMention } from "../merge.js";

/** Most tokens in one name ("Organisation for Security and Co-operation in Europe" has 7). */
export const MAX_NAME_TOKENS = 12;

/** Languages the rules read directly. */
export type RulesLanguage = "en" | "it";

/** Benchmark corpora whose annotation conventions the rules can follow (see `RulesExtractOptions.corpus`). */
export type Corpus = "conll" | "kind";

/** A mention found by the rules, before mentions are merged into entities. */
export interface FoundMention extends TypedMention {
  /** Context says it is an organisation ("Comelf said it"): other guesses of the same text follow it. */
  orgContext?: boolean;
  /** A place that is not a country, named where a sports side could be (not after "in", not a dateline). */
  teamLike?: boolean;
  /**
   * Which pass gave the mention its type last ("dateline", "gazetteer", "classify", "sports-side"…),
   * as compromise's tagger passes say why they tag: for tests and for reading the rules' work.
   */
  rule: string;
}

/** Work done, for tests that check time is linear (counted, not timed). */
export interface WorkStats {
  chunks: number;
  tokens: number;
  longestChunk: number;
}

/** A sentence: its tokens, read through core's cursor (no reads past its ends). */
export type Sentence = TokenCursor;

/** What every pass may read of the text, and the mentions found so far. */
export interface Context {
  text: string;
  language: RulesLanguage;
  /** Annotation conventions of a benchmark corpus to follow (none: as news reads). */
  corpus: Corpus | undefined;
  /** Lower-cased words seen capitalised away from sentence starts: they are names. */
  capitalisedInside: Set<string>;
  found: FoundMention[];
  /** A sports report: clubs carry places' names, and scores follow sides. */
  sports: boolean;
  /** Starts of words read as towns from their place in a name ("Procura di Trani"). */
  towns: Set<number>;
}

/** The text that tokens cover. */
export function spanText(context: Context, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first === undefined || last === undefined ? "" : context.text.slice(first.start, last.end);
}

/** Retypes a mention, saying which pass did. */
export function retype(mention: FoundMention, type: FoundMention["type"], strength: number, rule: string): void {
  mention.type = type;
  mention.strength = strength;
  mention.rule = rule;
}
