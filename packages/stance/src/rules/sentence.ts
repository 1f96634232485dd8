/** The reader of one sentence: what it found, and how a cue's parties become findings. */
import { at, type Token } from "../tokens.js";
import type { Finding } from "../types.js";
import type { CueHit } from "./cues.js";
import { type Group, last } from "./groups.js";
import { isHypothetical, isNegated } from "./modality.js";

/** Reads the findings of one sentence. */
/** Verbs of accusing: their object is charged with what follows ("accused Y of …", "accusato Y di …"). */
const ACCUSING = /^(accus|blam|incolp|charg)/;

export class SentenceReader {
  readonly findings: Finding[] = [];
  readonly used = new Set<number>();

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly tokens: readonly Token[],
    readonly groups: readonly Group[],
    readonly english: boolean,
    /** What the rules read in the sentences before this one. */
    readonly previous: readonly Finding[] = [],
  ) {}

  cueText(hit: CueHit): string {
    return this.text.slice(at(this.tokens, hit.first).start, at(this.tokens, hit.last).end);
  }

  emit(
    holders: Group | undefined,
    targets: Group,
    polarity: Finding["polarity"],
    weight: number,
    rule: string,
    hit: CueHit,
    cue = this.cueText(hit),
  ): void {
    for (const target of targets) {
      for (const holder of holders ?? [undefined]) {
        if (holder && holder.key === target.key) continue;
        this.findings.push({
          holder: holder?.key,
          target: target.key,
          polarity,
          weight,
          start: this.start,
          end: this.end,
          rule,
          cue,
        });
      }
    }
  }

  /** The holder of each object a verb was read with: "X thanked Y … and praised Z" gives Z's verb X too. */
  readonly objectOf = new Map<Group, Group>();

  /**
   * The holder of a verb at `i` whose nearest group before is `group`: when that group is the
   * object of an earlier verb and "and" stands between ("X ha ringraziato Y e ha elogiato Z"),
   * the earlier verb's holder, else the group.
   */
  coordinatedHolder(group: Group | undefined, i: number): Group | undefined {
    if (!group) return group;
    const earlier = this.objectOf.get(group);
    if (!earlier) return group;
    for (let t = last(group).last + 1; t < i; t++) {
      const f = at(this.tokens, t).folded;
      if (f === "and" || f === "e" || f === "ed") return earlier;
    }
    return group;
  }

  /** Groups accused by a verb of this sentence ("X accused Y of …"): what follows is the charge. */
  readonly accused = new Set<Group>();

  /** A negated FAVOR ("refused to endorse") reads as AGAINST; a negated AGAINST as no stance. */
  directed(holders: Group | undefined, targets: Group, hit: CueHit, rule: string, after = -1): void {
    if (holders && rule === "subject-verb-object") this.objectOf.set(targets, holders);
    if (rule === "subject-verb-object" && ACCUSING.test(at(this.tokens, hit.first).folded)) this.accused.add(targets);
    if (isNegated(this.tokens, hit, after)) {
      if (hit.cue.polarity === "FAVOR")
        this.emit(holders, targets, "AGAINST", hit.cue.weight * 0.6, `${rule}+negation`, hit);
      else this.emit(holders, targets, "AGAINST", 0, `${rule}+negation`, hit);
      return;
    }
    // "The US should help Y", "X could protect Y": what someone ought to do is not a stance held.
    // (A demand reported of someone else, "X said Y should be punished", is X's stance.)
    if (rule !== "passive-reported" && isHypothetical(this.tokens, hit)) {
      this.emit(holders, targets, hit.cue.polarity, 0, `${rule}+hypothetical`, hit);
      return;
    }
    this.emit(holders, targets, hit.cue.polarity, hit.cue.weight, rule, hit);
  }
}
