import { at, type Token } from "../tokens.js";
import { ARTICLES, BETWEEN, PARTY_LINKS, PREPOSITIONS } from "../words.js";
import { groupAfter, holderBefore, isOblique, wordBefore } from "./clauses.js";
import type { CueHit } from "./cues.js";
import { first, type Group, last } from "./groups.js";
import { isNegated } from "./modality.js";
import type { SentenceReader } from "./sentence.js";

/** How far (in tokens) a coordinated subject may stand before a mutual cue ("X e Y … cooperano"). */
const MUTUAL_GROUP_WINDOW = 16;

/**
  r.directed(holders, target, hit, "holder-agent-noun");
}

/** "partnership between X and Y", "X cooperates with Y", "X e Y cooperano": both ways. */
export function readMutual(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  const pairs: Array<[Group, Group]> = [];
  let rule = "";
  // A joint act ("X e Y hanno firmato un accordo") is stated as fact; its rules say so ("joint-…").
  const prefix = hit.cue.kind === "joint" ? "joint" : "mutual";
  const next = tokens.slice(hit.last + 1, hit.last + 4).find((t) => t.word && !ARTICLES.has(t.folded));
  if (next && BETWEEN.has(next.folded)) {
    const group = groupAfter(tokens, groups, hit.last, 4);
    if (group && group.length >= 2) {
      pairs.push([group, group]);
      rule = `${prefix}-between`;
    }
  }
  // "come promesso agli alleati della Nato": after a preposition the noun is not what the
  // subject is to the other party.
  const oblique = hit.cue.kind !== "role" && PREPOSITIONS.has(wordBefore(tokens, hit.first) ?? "");
  if (pairs.length === 0 && next && PARTY_LINKS.has(next.folded) && !oblique) {
    const other = groupAfter(tokens, groups, hit.last, 4);
    const holders = holderBefore(tokens, groups, hit.first);
    if (other && holders) {
      pairs.push([holders, other]);
      rule = `${prefix}-with`;
    }
  }
  // "X e Y, che in una conferenza stampa congiunta hanno …": a phrase after a preposition is
  // where or how they act, not what they are to each other.
  if (pairs.length === 0 && !inPrepositionalPhrase(tokens, hit.first)) {
    // "X e Y hanno intensificato esercitazioni congiunte": a coordinated subject.
    const holders = holderBefore(tokens, groups, hit.first);
    if (holders && holders.length >= 2 && hit.first - last(holders).last <= MUTUAL_GROUP_WINDOW) {
      // A place in between is where it happened ("hanno firmato a Tripoli un'intesa").
      const between = groups.filter(
        (g) => first(g).first > last(holders).last && last(g).last < hit.first && !isOblique(tokens, g),
      );
      if (between.length === 0) {
        pairs.push([holders, holders]);
        rule = `${prefix}-coordinated`;
      }
    }
  }
  for (const [a, b] of pairs) {
    if (isNegated(tokens, hit, -1)) {
      r.emit(a, b, hit.cue.polarity, 0, `${rule}+negation`, hit);
      if (a !== b) r.emit(b, a, hit.cue.polarity, 0, `${rule}+negation`, hit);
      continue;
    }
    r.emit(a, b, hit.cue.polarity, hit.cue.weight, rule, hit);
    if (a !== b) r.emit(b, a, hit.cue.polarity, hit.cue.weight, rule, hit);
  }
}

/** How many words before a cue its noun phrase may take: "in una conferenza stampa congiunta". */
const PHRASE_WORDS = 3;

/** True when the cue at `i` closes a noun phrase after a preposition (articles aside): "in una conferenza stampa congiunta". */
function inPrepositionalPhrase(tokens: readonly Token[], i: number): boolean {
  let words = 0;
  for (let t = i - 1; t >= 0 && words <= PHRASE_WORDS; t--) {
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return false;
    }
    if (ARTICLES.has(token.folded)) continue;
    if (PREPOSITIONS.has(token.folded)) return words > 0;
    words++;
  }
  return false;
}
