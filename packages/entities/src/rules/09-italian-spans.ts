/**
 * Pass 9, spans around a name just read: a capitalised article that starts the name of a paper,
 * a party or a club ("il quotidiano La Repubblica", "dal The Guardian"); and in Italian text the
 * lower-case words that belong to a name ("fiume Dyfi", "piazza Garibaldi", "università di
 * Bologna", "Parlamento macedone", "Asia centrale", "Camera dei deputati").
 */
import { isDemonym } from "../gazetteer.js";
import type { Context, FoundMention, Sentence } from "./types.js";
import { ITALIAN_ADJECTIVE, list } from "./words.js";

/** The one mention a run gave (found after index `before`), if it gave exactly one. */
function soleMention(before: number, context: Context): FoundMention | undefined {
  if (context.found.length !== before + 1) return undefined;
  return context.found[before];
}

/** "La Repubblica", "The Guardian", "Il Sole 24 Ore": a capitalised article inside a sentence starts the name after it. */
export function titledWithArticle(sentence: Sentence, i: number, before: number, context: Context): void {
  const article = sentence.at(i - 1);
  const head = sentence.at(i);
  if (!head || !article?.cap || article.initial || !list("title-articles").has(article.lower)) return;
  if (!(head.joinedBefore || article.lower.endsWith("'"))) return;
  const mention = soleMention(before, context);
  if (!mention || mention.start !== head.start) return;
  // A known place or person keeps its span ("La Spezia" is known whole).
  if (mention.strength >= 3 && mention.type !== "ORGANIZATION") return;
  mention.start = article.start;
  mention.text = context.text.slice(mention.start, mention.end);
  // English "The Oval" stays a place; in Italian text the article marks a paper, party or club.
  if (context.language === "it" || mention.type === "PERSON") {
    mention.type = "ORGANIZATION";
    mention.strength = Math.max(mention.strength, 2);
    mention.rule = "title-article";
    delete mention.teamLike;
  }
}

const COMPASS_ADJECTIVE = /^(?:centrale|(?:nord|sud)?(?:orientale|occidentale)|meridionale|settentrionale)$/;

/** Italian spans of the run `i`..`j` (its one mention, found after index `before`). */
export function extendItalian(sentence: Sentence, i: number, j: number, before: number, context: Context): void {
  const mention = soleMention(before, context);
  const runStart = sentence.at(i);
  const runEnd = sentence.at(j);
  if (!mention || !runStart || !runEnd) return;
  // "suor Rosanna", "don Milani": a religious title inside the name, as the KIND corpus spans it.
  if (context.corpus === "kind" && mention.type === "PERSON" && mention.end === runEnd.end) {
    const at = sentence.tokens.findIndex((t) => t.start === mention.start);
    const title = sentence.at(at - 1);
    if (title && list("religious-titles", "it").has(title.lower) && sentence.at(at)?.joinedBefore) {
      mention.start = title.start;
      mention.text = context.text.slice(mention.start, mention.end);
      return;
    }
  }
  if (mention.start !== runStart.start || mention.end !== runEnd.end) return;
  const ofLinks = list("of-links", "it");
  let head = i - 1;
  if (ofLinks.has(sentence.lower(head))) head--;
  const headToken = sentence.at(head);
  const dedicated =
    headToken !== undefined &&
    (head === i - 1
      ? list("dedication-heads", "it").has(headToken.lower)
      : list("church-heads", "it").has(headToken.lower) && sentence.lower(i - 1) === "di");
  if (
    headToken &&
    !headToken.cap &&
    (dedicated || (list("place-heads", "it").has(headToken.lower) && mention.type !== "PERSON"))
  ) {
    mention.start = headToken.start;
    mention.type = "LOCATION";
    mention.strength = Math.max(mention.strength, 2);
    mention.rule = "place-head";
    delete mention.canonical;
  }
  // "università di Bologna", "ministero degli Interni", "fondazione Wikimedia": a lower-case
  // institution word before a name makes one organisation of both.
  if (
    headToken &&
    !headToken.cap &&
    list("institution-before-name", "it").has(headToken.lower) &&
    mention.type !== "PERSON"
  ) {
    mention.start = headToken.start;
    mention.type = "ORGANIZATION";
    mention.strength = Math.max(mention.strength, 2);
    mention.rule = "institution-head";
    delete mention.canonical;
  }
  const orgHead = list("org-head");
  const notNames = list("not-names");
  const adjective = sentence.at(j + 1);
  if (
    mention.type === "ORGANIZATION" &&
    adjective?.joinedBefore &&
    !adjective.cap &&
    isDemonym(adjective.text) &&
    (j === i || orgHead.has(runStart.lower))
  ) {
    mention.end = adjective.end;
    delete mention.canonical;
  }
  // "Asia centrale", "Italia meridionale": a region named by a compass adjective.
  if (
    mention.type === "LOCATION" &&
    adjective?.joinedBefore &&
    !adjective.cap &&
    COMPASS_ADJECTIVE.test(adjective.lower)
  ) {
    // The canonical name stays: "Ucraina orientale" is a part of Ukraine.
    mention.end = adjective.end;
  }
  // "Camera dei deputati", "Ministero della sanità", "Corte d'appello": an Italian institution
  // keeps its lower-case complement.
  // A body the gazetteer knows by several words is named whole: "l'Unione europea di nuovi
  // dazi" is no longer name.
  const knownWhole = mention.canonical !== undefined && /\s/u.test(mention.text);
  if (mention.type === "ORGANIZATION" && runStart.cap && orgHead.has(runStart.lower) && !knownWhole) {
    let e = j;
    while ((sentence.at(e + 1)?.end ?? Number.POSITIVE_INFINITY) <= mention.end) e++;
    const link = sentence.at(e + 1);
    const noun = sentence.at(e + 2);
    if (
      link?.joinedBefore &&
      ofLinks.has(link.lower) &&
      noun?.word &&
      !noun.cap &&
      (noun.joinedBefore || link.lower.endsWith("'")) &&
      /^\p{Ll}{3,}$/u.test(noun.text) &&
      !notNames.has(noun.lower)
    ) {
      mention.end = noun.end;
      const nounAdjective = sentence.at(e + 3);
      if (
        nounAdjective?.joinedBefore &&
        !nounAdjective.cap &&
        ITALIAN_ADJECTIVE.test(nounAdjective.lower) &&
        !notNames.has(nounAdjective.lower)
      )
        mention.end = nounAdjective.end;
      delete mention.canonical;
    }
  }
  mention.text = context.text.slice(mention.start, mention.end);
}
