/**
 * The rules extractor, pass by pass (as compromise's tagger runs its passes): capitalised spans,
 * cut at titles and nationality words, typed by gazetteers (core's actors, this package's
 * gazetteer, compromise's lexicon of names and places), organisation and place cue words,
 * titles and context. Every mention says which pass typed it (`rule`).
 *
 * 1. datelines · 2. headlines in capitals (read last, with the document's names) · 3. name
 * tokens · 4. runs · 5. joins across lower-case words · 6. runs cut into names · 7. typing ·
 * 8. pieces to mentions · 9. Italian spans · 10. sports reports · 11. organisation context ·
 * 12. short forms of people · 13. glued names.
 *
 * The rules and their weights were tuned on the benchmarks' dev splits only (CoNLL-2003
 * `eng.testa`, KIND `WN_dev.tsv`), by grouping their errors; no names are taken from the data.
 */
import { TokenCursor, tokenize } from "@rassegna/core";

import { readDateline } from "./01-dateline.js";
import { isHeadline, readHeadlines } from "./02-headline.js";
import { readSentence } from "./04-runs.js";
import { isSportsReport, townsAsClubs } from "./10-sports.js";
import { propagateOrganisations } from "./11-org-context.js";
import { shortFormsOfPeople } from "./12-short-forms.js";
import { splitGluedNames } from "./13-glued.js";
import { chunks, sentences } from "./chunks.js";
import type { Context, Corpus, FoundMention, RulesLanguage, Sentence, WorkStats } from "./types.js";
import { list } from "./words.js";

/**
 * Designations of weapons, aircraft and products ("Iskander-M", "Su-57", "F-35", "S-400",
 * "Covid-19"): a name with a short code after a hyphen is a thing, not a person, place or
 * organisation. "G-20" is a group.
 */
const MODEL_DESIGNATION = /^(?!G-\d)[\p{Lu}][\p{L}]{0,12}-(?:[\p{Lu}\d]{1,2}|\d{1,4}[\p{Lu}]?)$/u;

/** How to read a text. */
export interface FindOptions {
  /** Follow a benchmark corpus' annotation conventions (none: as news reads). */
  corpus?: Corpus | undefined;
  /** Counts the work done (tests of linear time). */
  stats?: WorkStats | undefined;
}

/** Finds the mentions of people, places and organisations in `text`. */
export function findMentions(text: string, language: RulesLanguage, options: FindOptions = {}): FoundMention[] {
  const { stats, corpus } = options;
  const capitalisedInside = new Set<string>();
  const sportsWords = list("sports-words");
  let words = 0;
  let sportsCount = 0;
  // First pass: which words are capitalised where capitals mean names (not sentence starts).
  for (const [start, end] of chunks(text)) {
    for (const token of tokenize(text, { language, from: start, to: end })) {
      if (token.cap && !token.initial && !token.upper) capitalisedInside.add(token.lower);
      if (token.word) {
        words++;
        if (sportsWords.has(token.lower)) sportsCount++;
      }
    }
  }
  const sports = isSportsReport(sportsCount, words);
  const context: Context = { text, language, corpus, capitalisedInside, found: [], sports, towns: new Set() };
  const headlines: Sentence[] = [];
  for (const [start, end] of chunks(text)) {
    const tokens = tokenize(text, { language, from: start, to: end });
    if (stats) {
      stats.chunks++;
      stats.tokens += tokens.length;
      stats.longestChunk = Math.max(stats.longestChunk, end - start);
    }
    for (const whole of sentences(tokens)) {
      const dateline = readDateline(whole, context);
      // "LONDON 1996-08-30", "ROME, Nov 26": a dateline names the place the report is filed from.
      const sentence = dateline > 0 ? new TokenCursor(whole.slice(dateline)) : whole;
      if (sentence.length === 0) continue;
      if (isHeadline(sentence)) headlines.push(sentence);
      else readSentence(sentence, context);
    }
  }
  readHeadlines(headlines, context);
  shortFormsOfPeople(context.found);
  propagateOrganisations(context.found);
  if (sports) townsAsClubs(context.found);
  return splitGluedNames(context.found, text).filter((mention) => !MODEL_DESIGNATION.test(mention.text));
}
