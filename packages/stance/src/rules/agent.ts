import { at, type Token } from "../tokens.js";
import { APPOSITION_WORDS, CLAUSE_OPENERS, PARTY_LINKS } from "../words.js";
import { groupAfter, holderBefore } from "./clauses.js";
import type { CueHit } from "./cues.js";
import { first, type Group, last } from "./groups.js";
import type { SentenceReader } from "./sentence.js";

/**
 * A noun of who holds a stance: "Cotton, one of Trump's staunchest supporters", "a Peta
 * supporter", "critics of the mayor". The target stands right before the noun (a
 * possessive and an adjective may come between) or after "of"/"di"; the holder is the
 * subject before the target.
 */
export function readAgent(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  let target: Group | undefined;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] as Group;
    if (last(group).last >= hit.first) continue;
    let words = 0;
    for (let t = last(group).last + 1; t < hit.first; t++) {
      const f = at(tokens, t).folded;
      if (at(tokens, t).word && f !== "s") words++;
      else if (f !== "'" && f !== "s" && f !== "-") words = 99;
    }
    if (words <= 1) target = group;
    break;
  }
  if (!target) {
    const next = tokens.slice(hit.last + 1, hit.last + 3).find((t) => t.word);
    if (next && PARTY_LINKS.has(next.folded)) target = groupAfter(tokens, groups, hit.last, 4);
  }
  if (!target) return;
  const from = Math.min(first(target).first, hit.first);
  const holders = holderBefore(tokens, groups, from);
  if (!holders) return;
  // Only "X, a Y supporter", "X is one of Y's critics": apposition or copula, not any
  // subject before ("X said that Y supporters voted").
  const apposition = at(tokens, last(holders).last + 1).folded === ",";
  for (let t = last(holders).last + 1; t < from; t++) {
    const token = at(tokens, t);
    if (!token.word) continue;
    if (
      apposition
        ? CLAUSE_OPENERS.has(token.folded)
        : !APPOSITION_WORDS.has(token.folded) && !/(est|ly)$/.test(token.folded)
    )
      return;
  }
  r.directed(holders, target, hit, "holder-agent-noun");
}
