/**
 * Verb cues: subject → object ("Washington sanctions Iran"), the passive ("Iran was
 * sanctioned by Washington"), a demand reported ("X said Y should be punished"), and a verb
 * whose object is a noun of stance ("X backs the pressure of Y").
 */
import { ACT_VERBS } from "../generated/words.js";
import { at, type Token } from "../tokens.js";
import { AGENT_MARKERS, ARTICLES, COMPLEMENTIZERS, DETERMINERS, OF, PARTICIPLE_ENDING } from "../words.js";
import {
  agentAfter,
  appositionAfter,
  clauseSubject,
  groupAfter,
  holderBefore,
  isAdjunct,
  isCoordinatedVerb,
  isGerund,
  nextVerbPhrase,
  reporterOf,
  TARGET_WINDOW,
} from "./clauses.js";
import type { CueHit } from "./cues.js";
import { first, type Group, last } from "./groups.js";
import { isCompoundNoun, isDemanded, isNounUse, isPassive } from "./modality.js";
import { readNoun } from "./noun.js";
import type { SentenceReader } from "./sentence.js";

/** Verbs whose object is an act of the subject ("threatened sanctions on Y"), not a judgement of another's act. */
const ACT_PATTERNS: readonly string[] = [...ACT_VERBS.en, ...ACT_VERBS.it];

/** How far after "by"/"da" the agent of a reduced passive may stand ("dall'opposizione conservatrice del Partito"). */
const REDUCED_AGENT_WINDOW = 7;

/** A verb cue at index `c` of the sentence's cues. */
export function readVerb(r: SentenceReader, cues: readonly CueHit[], c: number): void {
  const { tokens, groups } = r;
  const hit = cues[c] as CueHit;
  if (isNounUse(tokens, hit) || isCompoundNoun(tokens, groups, hit)) {
    readNoun(r, hit);
    return;
  }
  if (isPassive(tokens, hit, groups)) {
    // "è stato criticato dal leader del Congresso, Rahul Gandhi,": the agent in an apposition.
    const marker = tokens[hit.last + 1];
    const agent =
      agentAfter(tokens, groups, hit.last) ??
      (marker && AGENT_MARKERS.has(marker.folded) ? appositionAfter(tokens, groups, hit.last + 1) : undefined);
    const patient = holderBefore(tokens, groups, hit.first);
    if (!patient) return;
    // "X said Y should be locked up": without an agent, the one who says what ought to
    // happen holds it (not "X said Y was arrested": a report of fact).
    const reporter = agent || !isDemanded(tokens, hit) ? undefined : reporterOf(tokens, groups, patient);
    if (reporter) r.directed(reporter, patient, hit, "passive-reported");
    else r.directed(agent, patient, hit, agent ? "passive-agent" : "passive");
    return;
  }
  if (verbOfNoun(r, cues, c)) return;
  const next = tokens[hit.last + 1];
  // "Zelensky ringrazia, il Cremlino dice no", "X warned, …": a comma right after the verb
  // closes it without an object; "X sostiene che Y …", "X said that Y …": the verb takes a
  // clause, whose subject is not its object.
  if (next && (next.folded === "," || next.folded === ":" || COMPLEMENTIZERS.has(next.folded))) return;
  // "una scelta criticata dall'opposizione del Partito X", "a law approved by the assembly of
  // Y": a participle with its agent right after it is a reduced passive, however long the agent.
  if (next && AGENT_MARKERS.has(next.folded) && PARTICIPLE_ENDING.test(at(tokens, hit.last).folded)) {
    const agent = groupAfter(tokens, groups, hit.last + 1, REDUCED_AGENT_WINDOW);
    const patient = holderBefore(tokens, groups, hit.first);
    if (agent && patient) r.directed(agent, patient, hit, "passive-agent");
    return;
  }
  const agent = agentAfter(tokens, groups, hit.last);
  // The object stands before the next cue: "blames Wall Street and praises Y".
  const nextCue = cues[c + 1];
  const window = Math.min(
    nextCue?.cue.kind === "verb" ? Math.min(TARGET_WINDOW, nextCue.first - hit.last) : TARGET_WINDOW,
    nextVerbPhrase(tokens, hit.last) - hit.last,
  );
  let targets = groupAfter(tokens, groups, hit.last, window) ?? appositionAfter(tokens, groups, hit.last);
  // "a mass shooting in the US", "attacked protesters at Y": a place or time, not the object.
  if (targets && isAdjunct(tokens, hit.last, targets, hit.cue)) targets = undefined;
  if (agent && targets === agent) {
    // "criticised by X": a reduced passive; the patient stands before the cue.
    const patient = holderBefore(tokens, groups, hit.first);
    if (patient) r.directed(agent, patient, hit, "passive-agent");
    return;
  }
  if (!targets) return;
  // "accusando Y", ", accusing Y": the gerund's subject is the clause's; so is the subject of a
  // verb coordinated with an earlier one ("X ha difeso la legge di Y e ha accusato Z").
  const subject =
    isGerund(tokens, hit) || isCoordinatedVerb(tokens, hit)
      ? clauseSubject(tokens, groups, hit.first)
      : holderBefore(tokens, groups, hit.first);
  let holders = r.coordinatedHolder(subject, hit.first);
  // "X accused Y of hitting Z": the charge X lays on Y is not Y's stance.
  if (holders && r.accused.has(holders)) return;
  // "Rubio supporters cheer Y": the supporters act, not the one they support.
  const holderEnd = holders ? last(holders).last : -1;
  const agentNoun = cues.some(
    (h) => h.cue.kind === "agent" && h.first > holderEnd && h.first <= holderEnd + 3 && h.last < hit.first,
  );
  if (holders && agentNoun) holders = undefined;
  r.directed(holders, targets, hit, hit.cue.kind === "verb" ? "subject-verb-object" : "holder-noun-target");
}

/**
 * A verb whose object is a noun of stance: "X backs the pressure of Y" / "X sostiene la
 * pressione di Y" (X → Y as the verb says: support of Y's act), "X criticised the
 * sanctions on Y" (X judges someone else's act: nothing of X toward Y), "X threatened
 * sanctions on Y" (X's own act: X → Y as the noun says). True when it read the pair.
 */
function verbOfNoun(r: SentenceReader, cues: readonly CueHit[], c: number): boolean {
  const { tokens, groups } = r;
  const hit = cues[c] as CueHit;
  const next = cues[c + 1];
  if (!next || (next.cue.kind !== "noun" && !(next.cue.kind === "verb" && isNounUse(tokens, next)))) return false;
  // Only articles, determiners and a possessor between: "backs (Washington's) pressure".
  let owner: Group | undefined;
  for (let t = hit.last + 1; t < next.first; t++) {
    const token = at(tokens, t);
    const group = groups.find((g) => first(g).first === t);
    if (group) {
      owner = group;
      t = last(group).last;
      continue;
    }
    if (token.word && !DETERMINERS.has(token.folded) && !ARTICLES.has(token.folded) && token.folded !== "s")
      return false;
    if (!token.word && token.folded !== "'" && token.folded !== "’") return false;
  }
  if (next.first - hit.last > 6) return false;
  const holders = holderBefore(tokens, groups, hit.first);
  if (owner) {
    // The possessor acts; the noun rule reads owner → target after it.
    r.directed(holders, owner, hit, "verb-of-noun");
    return true;
  }
  r.used.add(c + 1);
  const link = tokens.slice(next.last + 1, next.last + 3).find((t) => t.word);
  if (link && OF.has(link.folded)) {
    const agent = groupAfter(tokens, groups, next.last, 3);
    if (agent) r.directed(holders, agent, hit, "verb-of-noun");
    return true;
  }
  const target = groupAfter(tokens, groups, next.last, 4);
  if (!target) return true;
  const verb = at(tokens, hit.first).folded;
  if (ACT_PATTERNS.some((p) => (p.endsWith("*") ? verb.startsWith(p.slice(0, -1)) : verb === p)))
    r.directed(holders, target, { ...next, first: hit.first }, "verb-act-noun");
  else if (hit.cue.polarity === "FAVOR")
    // "X supports sanctions on Y": X shares the act's stance toward Y.
    r.directed(holders, target, { ...next, first: hit.first }, "verb-favours-noun");
  return true;
}
