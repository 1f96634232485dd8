/**
 * Sports reports: clubs carry their city's name ("Surrey closed on 429", "Leeds beat Chelsea"),
 * and scores follow sides. A document is a sports report when enough of its words are sports
 * words; then a town named where a side could be is the club.
 */
import type { Token } from "@rassegna/core";

import type { Context, FoundMention, Sentence } from "./types.js";
import { isOrgJoiner, list } from "./words.js";

/** Words in a short input (a headline, a caption, a one-line feed item). */
const SHORT_TEXT_WORDS = 60;

/** Whether a document with these word counts is a sports report. */
export function isSportsReport(sportsWords: number, words: number): boolean {
  // "Leeds beat Chelsea 2-1 in the cup": a headline or a one-line result has no room for five.
  if (words <= SHORT_TEXT_WORDS) return sportsWords >= 2;
  return sportsWords >= 5 && sportsWords / words > 0.015;
}

/** A place named as a sports side: "Surrey 250 for 4", "Leeds v Chelsea". */
export function isTeamPosition(sentence: Sentence, piece: readonly Token[]): boolean {
  const head = piece[0];
  if (!head) return false;
  const first = sentence.indexOf(head);
  const next = sentence.at(first + piece.length);
  const previous = sentence.at(first - 1);
  if (next && /^\d/.test(next.text) && !/^\d{4}(?:$|[-/])/.test(next.text)) return true;
  const neighbours = list("team-neighbours");
  return (
    (next !== undefined && neighbours.has(next.lower)) || (previous !== undefined && neighbours.has(previous.lower))
  );
}

const SCORE = /^\d{1,3}$/;
const STANDING = /^(?:\d{1,3}|\.\d{3})$/;

/**
 * "Norwich striker", "Texas manager", "Surrey all-rounder", "allenatore del Napoli" aside: a
 * sports role right after a town names its club.
 */
export function sportsRoleAfter(sentence: Sentence, piece: readonly Token[]): boolean {
  const head = piece[0];
  if (!head) return false;
  return list("sports-roles").has(sentence.lower(sentence.indexOf(head) + piece.length));
}

/** A town named as a side: in a results position ({@link isTeamPosition}) or before a sports role. */
export function isSide(sentence: Sentence, piece: readonly Token[]): boolean {
  const head = piece[0];
  // "in Salzburg 3-2", "at Chicago": after "in" or "at" a town is where the game was played.
  if (!head || list("venue-words").has(sentence.lower(sentence.indexOf(head) - 1))) return false;
  return isTeamPosition(sentence, piece) || sportsRoleAfter(sentence, piece);
}

/**
 * A name in a results line ("Bury 4 Bristol City 0": two names, each followed by its score,
 * nothing else) or at the head of a standings row ("Bury 4 3 1 0 9 3 10": three or more
 * numbers, some small, unlike a golfer's round scores "70 68 72").
 */
export function isSideInTable(sentence: Sentence, piece: readonly Token[]): boolean {
  const head = piece[0];
  if (!head) return false;
  const first = sentence.indexOf(head);
  const last = first + piece.length - 1;
  if (first === 0) {
    let k = last + 1;
    let small = 0;
    for (let token = sentence.at(k); token && STANDING.test(token.text); token = sentence.at(++k)) {
      if (token.text.startsWith(".") || Number(token.text) < 20) small++;
    }
    if (k - last - 1 >= 3 && small > 0 && k === sentence.length) return true;
  }
  return isResultsLine(sentence);
}

/** Results lines already told, by sentence: a sentence is read once, however many names it has. */
const resultsLines = new WeakMap<Sentence, boolean>();

/** "Bury 4 Bristol City 0": name, score, name, score, the whole line. */
function isResultsLine(sentence: Sentence): boolean {
  const known = resultsLines.get(sentence);
  if (known !== undefined) return known;
  const particles = list("name-particles");
  const shape: string[] = [];
  for (const token of sentence.tokens) {
    const joiner = token.joinedBefore && (particles.has(token.lower) || isOrgJoiner(token));
    const kind = SCORE.test(token.text) ? "D" : token.cap || joiner ? "N" : "x";
    if (kind === "N" && shape[shape.length - 1] === "N") continue;
    shape.push(kind);
    if (shape.length > 4) break;
  }
  const result = shape.join("") === "NDND";
  resultsLines.set(sentence, result);
  return result;
}

/** Bowling figures ("10-0-41-2", "6.5-1-23-4"). */
const BOWLING_FIGURES = /^\d+(?:\.\d)?-\d+-\d+-\d+$/;

/**
 * A scorecard line that says so itself, with no sports report around it: bowling figures, or a
 * dismissal between two names ("Saeed Anwar c Stewart b Gough 33", "Thorpe lbw b Wasim 54").
 */
function isScorecardLine(sentence: Sentence): boolean {
  return sentence.tokens.some((token, k) => {
    if (BOWLING_FIGURES.test(token.text)) return true;
    return (
      list("scorecard-dismissals", "en").has(token.text) &&
      sentence.at(k - 1)?.cap === true &&
      sentence.at(k + 1)?.cap === true
    );
  });
}

/**
 * Cricket scorecards ("c Healy b Warne 12", "Smith run out 4", "Warne 10-0-41-2"): the names
 * are players (one cue before, one after: how many there are). A convention of the CoNLL-2003 sports pages, read with `corpus: "conll"` only.
 */
export function scorecardCues(sentence: Sentence, first: number, last: number, context: Context): number {
  if (context.corpus !== "conll" || !(context.sports || isScorecardLine(sentence))) return 0;
  let cues = 0;
  const previous = sentence.text(first - 1);
  if (list("scorecard-before", "en").has(previous)) cues++;
  const next = sentence.at(last + 1);
  if (
    next &&
    (list("scorecard-after").has(next.text) ||
      BOWLING_FIGURES.test(next.text) ||
      list("scorecard-after-phrases", "en").has(`${next.text} ${sentence.text(last + 2)}`))
  )
    cues++;
  return cues;
}

/** In a sports report, towns named where a side could be are the clubs. */
export function townsAsClubs(found: readonly FoundMention[]): void {
  for (const mention of found) {
    if (mention.type === "LOCATION" && mention.teamLike) {
      mention.type = "ORGANIZATION";
      mention.strength = 2;
      mention.rule = "sports-club";
      delete mention.canonical;
    }
  }
}
