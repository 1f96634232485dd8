/**
 * "X ha respinto le accuse", "X rejected the accusations": X stands against whoever accused X,
 * as an earlier sentence (or clause) said ("Y accused X of …").
 */
import { type ActorMention, speaksFor } from "../mentions.js";
import { holderBefore } from "./clauses.js";
import type { CueHit } from "./cues.js";
import type { SentenceReader } from "./sentence.js";

/** A rebuttal: its subject → the last actor a finding had accuse the subject. */
export function readRebut(r: SentenceReader, hit: CueHit): void {
  const holders = holderBefore(r.tokens, r.groups, hit.first);
  if (!holders) return;
  for (const holder of holders) {
    const accuser = [...r.previous, ...r.findings]
      .reverse()
      .find(
        (f) =>
          (f.target === holder.key || f.target === speaksFor(holder.key)) &&
          f.holder !== undefined &&
          f.holder !== holder.key &&
          f.polarity === "AGAINST" &&
          f.weight > 0,
      );
    if (!accuser?.holder) continue;
    const target: ActorMention = { ...holder, key: accuser.holder };
    r.directed([holder], [target], hit, "rebuts-accuser");
  }
}
