/**
 * Names glued to the body or office before them: "il portavoce del Cremlino Dmitrij Peskov",
 * "il ministro del Commercio Jamieson Greer", "l'ad di Eni Claudio Descalzi" read as one
 * capitalised run. The run is cut where a person's name starts: a person the gazetteer knows,
 * or a first name followed by another capitalised word, after a body the gazetteer knows, an
 * acronym or a common noun (a portfolio). The body keeps its own mention when it is a name.
 */
import type { EntityType } from "@rassegna/core";

import { lookupName, wordEvidence } from "./gazetteer.js";
import { ORG_TAIL } from "./lexicon.js";
import type { FoundMention } from "./rules.js";

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

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** "FIGC", "ANM": a short word in capitals ("Ue", "Anm" are known names). */
function acronymLike(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\d]{1,5}$/u.test(word);
}

/** Prepositions that make what follows the complement of a role noun ("del Commercio", "of Commerce"). */
const COMPLEMENT_LINKS = new Set(["del", "della", "dello", "dei", "degli", "delle", "di", "of"]);

function lastWord(words: Word[]): string {
  return words[words.length - 1]?.text ?? "";
}

function isFirstName(word: string): boolean {
  const evidence = wordEvidence(word.toLowerCase());
  return evidence.firstName && !evidence.place;
}

/** Where a person starts inside the run (≥ 1), or -1. */
function personStart(words: Word[], text: (from: number, to: number) => string, complement: boolean): number {
  for (let p = 1; p < words.length; p++) {
    if (!capitalised(words[p]!.text)) continue;
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
      isFirstName(words[p]!.text) &&
      capitalised(after) &&
      !ORG_TAIL.has(lastWord(words).toLowerCase()) &&
      !(wordEvidence(after.toLowerCase()).common && !wordEvidence(after.toLowerCase()).lastName)
    ) {
      const body = knownPrefix !== undefined;
      const w0 = words[0]!.text;
      const single =
        p === 1 && (acronymLike(w0) || (complement && !wordEvidence(w0.toLowerCase()).common && !isFirstName(w0)));
      if (body || single) return p;
    }
    if (knownPrefix?.type === "ORGANIZATION" && words.length - p >= 2 && knownRest === undefined) {
      // "Kuomintang Cheng Li-wun": a known body, then two or more capitalised words of no common word.
      const rest = words.slice(p);
      if (
        rest.every((w) => capitalised(w.text) && !wordEvidence(w.text.toLowerCase()).common && !lookupName(w.text)) &&
        !ORG_TAIL.has(lastWord(words).toLowerCase())
      )
        return p;
    }
  }
  return -1;
}

/** Cuts glued runs in place; returns the mentions, in text order. */
export function splitGluedNames(found: FoundMention[], source: string): FoundMention[] {
  const out: FoundMention[] = [];
  for (const mention of found) {
    const words = wordsOf(mention);
    if (words.length < 3 || mention.canonical !== undefined) {
      out.push(mention);
      continue;
    }
    const text = (from: number, to: number) => source.slice(words[from]!.start, words[to - 1]!.end);
    // "il ministro del Commercio Jamieson Greer": the run is the complement of a role noun.
    const before =
      /(\S+)\s*$/u.exec(source.slice(Math.max(0, mention.start - 12), mention.start))?.[1]?.toLowerCase() ?? "";
    const p = personStart(words, text, COMPLEMENT_LINKS.has(before) || /^(?:dell|all|nell)['’]$/u.test(before));
    if (p < 0) {
      out.push(mention);
      continue;
    }
    const prefix = text(0, p);
    const known = lookupName(prefix);
    if (known && !(p === 1 && wordEvidence(words[0]!.text.toLowerCase()).common && !acronymLike(words[0]!.text))) {
      out.push(piece(words[0]!.start, words[p - 1]!.end, source, known.type, 3, known.name));
    } else if (p === 1 && acronymLike(words[0]!.text) && !wordEvidence(words[0]!.text.toLowerCase()).common) {
      out.push(piece(words[0]!.start, words[0]!.end, source, "ORGANIZATION", 1));
    }
    const person = lookupName(text(p, words.length));
    out.push(piece(words[p]!.start, words[words.length - 1]!.end, source, "PERSON", person ? 3 : 2, person?.name));
  }
  return out;
}

function piece(
  start: number,
  end: number,
  source: string,
  type: EntityType,
  strength: number,
  canonical?: string,
): FoundMention {
  const mention: FoundMention = { start, end, text: source.slice(start, end), type, strength };
  if (canonical !== undefined) mention.canonical = canonical;
  return mention;
}
