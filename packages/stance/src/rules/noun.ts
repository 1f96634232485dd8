import { at, type Token } from "../tokens.js";
import { ARTICLES, OF, RECEIVING_VERBS, TARGET_LINKS } from "../words.js";
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
import { first, last } from "./groups.js";
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
  // "il sostegno di Berlino alla linea della Commissione", "le critiche di Gravina al ministro
  // Abodi", "the support of Berlin for Y": "of" names the holder when a target link follows.
  const second = ofHolderTarget(tokens, groups, hit, linked);
  if (!agent && second) {
    r.directed(linked, second, hit, "holder-noun-target");
    return;
  }
  // "Il Niger ha ricevuto il sostegno del presidente maliano Goïta": the support received is
  // the giver's toward the subject.
  if (!agent && receivedBefore(tokens, hit.first)) {
    const subject = holderBefore(tokens, groups, hit.first);
    if (subject && subject !== linked) r.directed(linked, subject, hit, "received-noun");
    return;
  }
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

/** How far after the holder of "the support of X" its target link may stand ("di Berlino alla Commissione"). */
const OF_TARGET_WINDOW = 2;

/** The target after "noun of X to Y" (X the group `linked`, right after "of"), else undefined. */
function ofHolderTarget(tokens: readonly Token[], groups: readonly Group[], hit: CueHit, linked: Group) {
  const link = tokens.slice(hit.last + 1, first(linked).first).find((t) => t.word && !ARTICLES.has(t.folded));
  if (!link || !OF.has(link.folded)) return undefined;
  for (let t = last(linked).last + 1; t <= last(linked).last + OF_TARGET_WINDOW && t < tokens.length; t++) {
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return undefined;
    }
    if (TARGET_LINKS.has(token.folded) && !OF.has(token.folded)) {
      const target = groupAfter(tokens, groups, t, 4);
      return target && target !== linked ? target : undefined;
    }
  }
  return undefined;
}

/** True when a verb of receiving stands in the three words before the noun ("ha ricevuto invece il sostegno"). */
function receivedBefore(tokens: readonly Token[], noun: number): boolean {
  for (let t = noun - 1, words = 0; t >= 0 && words < 3; t--) {
    const token = at(tokens, t);
    if (!token.word) continue;
    words++;
    if (RECEIVING_VERBS.has(token.folded)) return true;
  }
  return false;
}
