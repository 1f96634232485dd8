/**
 * Pass 4, runs of name tokens: a sentence is read left to right; each run of capitalised words
 * (with initials, Italian surname particles and the lower-case joiners of pass 5 inside) goes
 * to pass 6 to be cut and typed. Italian lower-case institution nouns ("governo", "polizia
 * tedesca") are kept as weak organisations here; the extractor drops them unless asked for.
 */
import type { Token } from "@rassegna/core";

import { isDemonym, lookupName, wordEvidence } from "../gazetteer.js";
import { isNameToken, numberedNameAt } from "./03-name-tokens.js";
import { joinAcross } from "./05-join-across.js";
import { readRun } from "./06-split-run.js";
import { extendItalian, titledWithArticle } from "./09-italian-spans.js";
import { emit, lookupKnown } from "./emit.js";
import { type Context, MAX_NAME_TOKENS, type Sentence, spanText } from "./types.js";
import { ITALIAN_ADJECTIVE, isBodyAdjective, isTitleWord, list } from "./words.js";

/** A capitalised particle of an Italian surname ("Di Lorenzo", "La Russa", "D'Alema"), as written. */
function isSurnameParticle(token: Token): boolean {
  return /^\p{Lu}\p{Ll}*['’]?$/u.test(token.text) && list("surname-particles", "it").has(token.lower);
}

/** "governo", "polizia tedesca", "consiglio comunale": a lower-case institution (and its adjective) at `i`. */
function lowerCaseBody(sentence: Sentence, i: number): Token[] | undefined {
  const token = sentence.at(i);
  if (!token || token.cap) return undefined;
  const adjective = sentence.at(i + 1);
  const withAdjective =
    adjective?.joinedBefore === true &&
    !adjective.cap &&
    !list("not-names").has(adjective.lower) &&
    (isDemonym(adjective.text) || ITALIAN_ADJECTIVE.test(adjective.lower));
  if (
    list("institution-nouns", "it").has(token.lower) ||
    (list("institution-heads", "it").has(token.lower) && withAdjective)
  )
    return withAdjective && adjective ? [token, adjective] : [token];
  return undefined;
}

/** The last token of the run of name tokens that starts at `i`. */
function runEnd(sentence: Sentence, i: number, context: Context): number {
  const { language } = context;
  const orgHead = list("org-head");
  let j = i;
  // Names are short: capping a run keeps the work per run bounded (linear time overall).
  while (j - i < MAX_NAME_TOKENS) {
    const current = sentence.at(j);
    const next = sentence.at(j + 1);
    if (next?.joinedBefore && isNameToken(sentence, j + 1, context)) {
      // "Consiglio dei Ministri Silvio Berlusconi": a person's first name ends an organisation.
      const orgSoFar = sentence.slice(i, j + 1).some((t) => !t.cap || orgHead.has(t.lower));
      if (orgSoFar && wordEvidence(next.lower).firstName) break;
      j++;
      continue;
    }
    // "Ernesto Di Lorenzo", "Giò Di Tonno", "Ignazio La Russa": a capitalised particle starts an
    // Italian surname after a name that is no place or body.
    if (language === "it" && next && isSurnameParticle(next) && next.joinedBefore && !next.initial) {
      const after = sentence.at(j + 2);
      const run = sentence.slice(i, j + 1);
      if (
        after?.cap &&
        after.word &&
        (after.joinedBefore || next.text.endsWith("'")) &&
        !list("not-names").has(after.lower) &&
        run.every((t) => t.cap && !orgHead.has(t.lower) && !list("loc-head").has(t.lower) && !isTitleWord(t)) &&
        lookupKnown(run, context) === undefined &&
        lookupName(after.text) === undefined
      ) {
        j += 2;
        continue;
      }
    }
    // An initial: "S. Waugh", "J. R. R. Tolkien".
    if (
      current &&
      next?.text === "." &&
      next.start === current.end &&
      /^\p{Lu}$/u.test(current.text) &&
      sentence.at(j + 2)?.joinedBefore &&
      isNameToken(sentence, j + 2, context)
    ) {
      j += 2;
      continue;
    }
    // "Bank of England", "Ministero dell'Economia", "Ursula von der Leyen".
    const joined = joinAcross(sentence, i, j, context);
    if (joined > j) {
      j = joined;
      continue;
    }
    break;
  }
  // "Partito democratico", "Corte costituzionale": Italian organisations take adjectives.
  if (language === "it" && orgHead.has(sentence.lower(i))) {
    let k = j;
    while (k - j < 2) {
      const next = sentence.at(k + 1);
      if (!next?.joinedBefore || next.cap || !isBodyAdjective(next) || list("not-names").has(next.lower)) break;
      k++;
    }
    j = k;
  }
  return j;
}

/** Reads one sentence: known numbered names, lower-case bodies, runs of name tokens. */
export function readSentence(sentence: Sentence, context: Context): void {
  for (let i = 0; i < sentence.length; ) {
    const numbered = numberedNameAt(sentence, i);
    if (numbered) {
      const { known } = numbered;
      emit(context, sentence.slice(i, numbered.end + 1), known.type, 3, "gazetteer-numbered", {
        canonical: known.name,
        sentence,
      });
      i = numbered.end + 1;
      continue;
    }
    if (!isNameToken(sentence, i, context)) {
      const body = context.language === "it" ? lowerCaseBody(sentence, i) : undefined;
      if (body) {
        emit(context, body, "ORGANIZATION", 1, "lower-case-body", { canonical: spanText(context, body).toLowerCase() });
        i += body.length;
        continue;
      }
      i++;
      continue;
    }
    const j = runEnd(sentence, i, context);
    const before = context.found.length;
    readRun(sentence, i, j, context);
    if (context.language === "it") extendItalian(sentence, i, j, before, context);
    titledWithArticle(sentence, i, before, context);
    i = j + 1;
  }
}
