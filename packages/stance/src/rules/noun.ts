import { at, type Token } from "../tokens.js";
import { TARGET_LINKS } from "../words.js";
import {
  ACCUSATION,
  accusedAfter,
  agentAfter,
  appositionAfter,
  groupAfter,
  holderBefore,
  possessorBefore,
  recipientBefore,
  TARGET_WINDOW,
} from "./clauses.js";
import type { CueHit } from "./cues.js";
import type { Group } from "./groups.js";
import { last } from "./groups.js";
import type { SentenceReader } from "./sentence.js";

/** How far before a noun of stance its holder may stand ("China's sharp criticism of"). */
const NOUN_HOLDER_WINDOW = 20;

/**
 * A noun of stance: "X's criticism of Y", "sanctions on Y by X", "le sanzioni di X contro Y".
 * The target follows a linking preposition; the holder stands right before the noun or
 * after "by".
 */
export function readNoun(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  // "criticism from X", "support from X": for nouns, "from" introduces the holder too.
  const agent = agentAfter(tokens, groups, hit.last, true);
  let linked: Group | undefined;
  for (let t = hit.last + 1; t < tokens.length && t <= hit.last + 3; t++) {
    const f = at(tokens, t).folded;
    if (TARGET_LINKS.has(f) || hit.cue.words.length > 1) {
      const from = hit.cue.words.length > 1 ? hit.last : t;
      linked = groupAfter(tokens, groups, from, 4) ?? appositionAfter(tokens, groups, from);
      if (linked === agent) linked = undefined;
      break;
    }
  }
  if (!linked && ACCUSATION.test(at(tokens, hit.first).folded)) linked = accusedAfter(tokens, groups, hit.last);
  if (!linked && !agent) {
    // "X offered Y a tepid endorsement", "X gave Y his full support": Y between verb and noun.
    const given = recipientBefore(tokens, groups, hit.first);
    if (given) {
      r.directed(holderBefore(tokens, groups, given.verb), given.group, hit, "holder-noun-target");
      return;
    }
  }
  if (agent && !linked) {
    // "the endorsements by X … of Y": the target comes after the agent.
    linked = groupAfter(tokens, groups, last(agent).last, TARGET_WINDOW + 4);
  }
  if (!linked) return;
  let holders = agent;
  const owner = possessorBefore(tokens, hit.first);
  if (!holders && owner !== undefined) {
    // "Trump's firing of Comey": the possessor holds it, whoever else the sentence names.
    holders = groups.find((g) => last(g).last === owner);
  } else if (!holders) {
    const before = holderBefore(tokens, groups, hit.first);
    if (before && hit.first - last(before).last <= NOUN_HOLDER_WINDOW) holders = before;
  }
  r.directed(holders, linked, hit, "holder-noun-target");
}
