/**
 * Pass 13, names glued to the body or office before them: "il portavoce del Cremlino Dmitrij
 * Peskov", "il ministro del Commercio Jamieson Greer", "l'ad di Eni Claudio Descalzi" read as
 * one capitalised run. The run is cut where a person's name starts: a person the gazetteer
 * knows, or a first name followed by another capitalised word, after a body the gazetteer
 * knows, an acronym or a common noun (a portfolio). The body keeps its own mention when it is a
 * name.
 */
import type { EntityType } from "@rassegna/core";

import { lookupName, wordEvidence } from "../gazetteer.js";
import type { FoundMention } from "./types.js";
import { list } from "./words.js";

interface Word {
  start: number;
  end: number;
  text: string;
}

function wordsOf(mention: FoundMention): Word[] {
  const out: Word[] = [];
  for (const match of mention.text.matchAll(/\S+/gu)) {
    const start = mention.start + (match.index ?? 0);
    out.push({ start, end: start + match[0].length, text: match[0] });
  }
  return out;
}

function capitalised(word: string | undefined): boolean {
  return word !== undefined && /^\p{Lu}/u.test(word);
}

/** "FIGC", "ANM": a short word in capitals ("Ue", "Anm" are known names). */
function acronymLike(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\d]{1,5}$/u.test(word);
}

function isFirstName(word: string): boolean {
  const evidence = wordEvidence(word.toLowerCase());
  return evidence.firstName && !evidence.place;
}

function isCommon(word: string): boolean {
  return wordEvidence(word.toLowerCase()).common;
}

/** Where a person starts inside the run (≥ 1), or -1. */
function personStart(words: Word[], text: (from: number, to: number) => string, complement: boolean): number {
  const orgTail = list("org-tail");
  const endsBody = orgTail.has((words[words.length - 1]?.text ?? "").toLowerCase());
  const w0 = words[0]?.text ?? "";
  for (const [p, word] of words.entries()) {
    if (p === 0 || !capitalised(word.text)) continue;
    const prefix = text(0, p);
    const rest = text(p, words.length);
    const knownPrefix = lookupName(prefix);
    if (knownPrefix?.type === "PERSON") return -1;
    const knownRest = lookupName(rest);
    // The prefix must not be a name's own first part ("Luiz Inácio Lula", "Abdel Fattah al-Sisi").
    const prefixIsGiven = words.slice(0, p).every((w) => isFirstName(w.text) || !capitalised(w.text));
    if (prefixIsGiven) return -1;
    if (knownRest?.type === "PERSON" && (knownPrefix !== undefined || p === 1)) return p;
    const after = words[p + 1]?.text ?? "";
    if (
      words.length - p >= 2 &&
      isFirstName(word.text) &&
      capitalised(after) &&
      !endsBody &&
      !(isCommon(after) && !wordEvidence(after.toLowerCase()).lastName)
    ) {
      const body = knownPrefix !== undefined;
      const single = p === 1 && (acronymLike(w0) || (complement && !isCommon(w0) && !isFirstName(w0)));
      if (body || single) return p;
    }
    if (knownPrefix?.type === "ORGANIZATION" && words.length - p >= 2 && knownRest === undefined) {
      // "Kuomintang Cheng Li-wun": a known body, then two or more capitalised words of no common word.
      const tail = words.slice(p);
      if (tail.every((w) => capitalised(w.text) && !isCommon(w.text) && !lookupName(w.text)) && !endsBody) return p;
    }
  }
  return -1;
}

function piece(
  start: number,
  end: number,
  source: string,
  type: EntityType,
  strength: number,
  canonical?: string,
): FoundMention {
  const mention: FoundMention = { start, end, text: source.slice(start, end), type, strength, rule: "glued-split" };
  if (canonical !== undefined) mention.canonical = canonical;
  return mention;
}

/** Cuts glued runs; returns the mentions, in text order. */
export function splitGluedNames(found: readonly FoundMention[], source: string): FoundMention[] {
  const out: FoundMention[] = [];
  const complementLinks = list("complement-links");
  for (const mention of found) {
    const words = wordsOf(mention);
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last || words.length < 3 || mention.canonical !== undefined) {
      out.push(mention);
      continue;
    }
    const text = (from: number, to: number) => source.slice(words[from]?.start, words[to - 1]?.end);
    // "il ministro del Commercio Jamieson Greer": the run is the complement of a role noun.
    const before =
      /(\S+)\s*$/u.exec(source.slice(Math.max(0, mention.start - 12), mention.start))?.[1]?.toLowerCase() ?? "";
    const p = personStart(words, text, complementLinks.has(before.replace(/’/g, "'")));
    const person = words[p];
    const bodyEnd = words[p - 1];
    if (p < 0 || !person || !bodyEnd) {
      out.push(mention);
      continue;
    }
    const prefix = text(0, p);
    const known = lookupName(prefix);
    if (known && !(p === 1 && isCommon(first.text) && !acronymLike(first.text))) {
      out.push(piece(first.start, bodyEnd.end, source, known.type, 3, known.name));
    } else if (p === 1 && acronymLike(first.text) && !isCommon(first.text)) {
      out.push(piece(first.start, first.end, source, "ORGANIZATION", 1));
    }
    const personName = lookupName(text(p, words.length));
    out.push(piece(person.start, last.end, source, "PERSON", personName ? 3 : 2, personName?.name));
  }
  return out;
}
