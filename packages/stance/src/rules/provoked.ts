/** Verbs whose object holds the stance toward their subject: "the decision angered Beijing". */
import { groupAfter, holderBefore } from "./clauses.js";
import type { CueHit } from "./cues.js";
import { isPassive } from "./modality.js";
import type { SentenceReader } from "./sentence.js";

/** "The decision angered Beijing", "X drew criticism from Y": the object holds it. */
export function readProvoked(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  const after = groupAfter(tokens, groups, hit.last, 4);
  const before = holderBefore(tokens, groups, hit.first);
  if (!after || !before) return;
  // "Beijing was angered by Washington": the passive subject holds it.
  if (isPassive(tokens, hit, groups)) r.directed(before, after, hit, "passive-agent");
  else r.directed(after, before, hit, "object-toward-subject");
}
