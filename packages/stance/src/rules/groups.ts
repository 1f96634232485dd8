/** Actor mentions joined by "and"/"e"/commas, read as one party. */
import { lookupDemonym } from "@rassegna/core";

import type { ActorMention } from "../mentions.js";
import { at, type Token } from "../tokens.js";
import { ARTICLES, COORDINATORS, OF, ROLE_NOUNS } from "../words.js";

/** Actors joined by "and"/"e"/commas, read as one party. */
export type Group = ActorMention[];

/**
 * Groups consecutive mentions joined only by coordinators and articles. A list joined by
 * commas must close with "and"/"e" ("Taiwan, Giappone e Corea del Sud"): a bare comma between
 * two actors is usually a clause boundary ("i media statunitensi, Mosca …").
 */
export function groupMentions(tokens: readonly Token[], mentions: readonly ActorMention[]): Group[] {
  const groups: Group[] = [];
  let current: Group = [];
  /** For each join in `current`: true when it had a word ("and", "e"), false for a bare comma. */
  let joins: boolean[] = [];
  const close = () => {
    if (current.length === 0) return;
    if (joins.some((word) => !word)) {
      // Split at bare commas that no later "and" closes.
      const lastWordJoin = joins.lastIndexOf(true);
      let part: Group = [current[0] as ActorMention];
      for (let j = 0; j < joins.length; j++) {
        const next = current[j + 1] as ActorMention;
        if (!joins[j] && j > lastWordJoin) {
          groups.push(part);
          part = [next];
        } else part.push(next);
      }
      groups.push(part);
    } else groups.push(current);
    current = [];
    joins = [];
  };
  for (const mention of mentions) {
    const previous = current[current.length - 1];
    if (previous) {
      let joined = mention.first > previous.last + 1;
      let word = false;
      // "Piantedosi e il premier libico Dbeibah": a role and a nationality may stand before
      // the second name, after "and".
      let role = false;
      let and = false;
      for (let t = previous.last + 1; t < mention.first && joined; t++) {
        const f = at(tokens, t).folded;
        if (f === "and" || f === "e" || f === "ed") and = true;
        if (and && (ROLE_NOUNS.has(f) || lookupDemonym(f) !== undefined)) {
          role = true;
          continue;
        }
        // "il giudizio del Movimento 5 Stelle e di Alleanza Verdi": coordinated complements of one noun.
        if (and && OF.has(f) && ofBefore(tokens, (current[0] as ActorMention).first)) {
          word = true;
          continue;
        }
        if (!COORDINATORS.has(f) && !ARTICLES.has(f) && f !== "-" && f !== "'") joined = false;
        else if (f !== "," && f !== "-" && f !== "'" && !ARTICLES.has(f)) word = true;
      }
      if (role && !and) joined = false;
      if (joined) joins.push(word);
      else close();
    }
    current.push(mention);
  }
  close();
  return groups;
}

/** True when "of"/"di" (an article or apostrophe may follow it) stands right before token `i`. */
function ofBefore(tokens: readonly Token[], i: number): boolean {
  for (let t = i - 1; t >= 0; t--) {
    const f = at(tokens, t).folded;
    if (f === "'" || f === "’" || ARTICLES.has(f)) continue;
    return OF.has(f);
  }
  return false;
}

export function first(group: Group): ActorMention {
  return group[0] as ActorMention;
}
export function last(group: Group): ActorMention {
  return group[group.length - 1] as ActorMention;
}
