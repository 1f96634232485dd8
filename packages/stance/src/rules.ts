/**
 * The rules backend: direction-aware cues over sentences. For each sentence it finds the
 * actor mentions and the cues, then links each cue to who holds the stance (the subject,
 * or the agent of a passive) and whom it is about (the object), with coordination
 * ("China and Russia … against the US" gives two holders) and negation.
 */
import { type StanceLabel, splitSentences } from "@rassegna/core";

import {
  AGENT_MARKERS,
  ARTICLES,
  BETWEEN,
  COORDINATORS,
  CUES,
  type Cue,
  type CueLanguage,
  DETERMINERS,
  NEGATORS,
  PARTY_LINKS,
  PASSIVE_AUXILIARIES,
  PREPOSITIONS,
  TARGET_LINKS,
} from "./lexicon.js";
import { type ActorMention, type Token, tokenize } from "./mentions.js";

/** One stance a rule read in one sentence. */
export interface Finding {
  /** Undefined when the sentence names no holder ("Iran was sanctioned"). */
  holder: string | undefined;
  target: string;
  polarity: Exclude<StanceLabel, "NONE">;
  /** 0 for cues that fired but were negated into no stance. */
  weight: number;
  /** The sentence. */
  start: number;
  end: number;
  rule: string;
  cue: string;
}

/** A cue found in a sentence: tokens `[first, last]`. */
interface CueHit {
  cue: Cue;
  first: number;
  last: number;
}

/** Actors joined by "and"/"e"/commas, read as one party. */
type Group = ActorMention[];

/** How far (in tokens) a holder may stand before its cue, and a target after it. */
const HOLDER_WINDOW = 40;
const TARGET_WINDOW = 6;
const MUTUAL_GROUP_WINDOW = 16;
/** Words before "against" that make it a match, not a stance. */
const SPORT_BEFORE_AGAINST = new Set(
  "game games match matches win wins won victory defeat defeats lead goal goals play played playing tie series draw final record partita vittoria sconfitta gol pareggio finale".split(
    " ",
  ),
);

/** Words that may join a holder to a noun of who holds a stance: "X, long one of Y's critics". */
const APPOSITION_WORDS = new Set(
  "a an the one of is was are were has have had been be became become becomes remains remained among long longtime staunch fierce vocal leading prominent key top close early ardent strong outspoken major big chief loyal devoted avowed fellow frequent harsh sharp steadfast unlikely self also now still already once former e un una uno il la lo i gli le tra fra tra è era sono erano diventato diventata".split(
    " ",
  ),
);

/** Verbs of saying and "that": a new clause, whose subject is someone else. */
const CLAUSE_OPENERS = new Set(
  "that said says told reported claimed argued wrote alleged insisted suggested announced che detto dichiarato affermato".split(
    " ",
  ),
);

/** How far before a noun of stance its holder may stand ("China's sharp criticism of"). */
const NOUN_HOLDER_WINDOW = 20;

const cueIndex = new Map<string, Cue[]>();
for (const cue of CUES) {
  const key = (cue.words[0] as string).replace(/\*$/, "").slice(0, 2);
  const list = cueIndex.get(key);
  if (list) list.push(cue);
  else cueIndex.set(key, [cue]);
}

function wordMatches(pattern: string, folded: string): boolean {
  return pattern.endsWith("*") ? folded.startsWith(pattern.slice(0, -1)) : folded === pattern;
}

/** "supporters", "attacker", "critics": a prefix cue that matched a noun of the doer, not the act. */
function isAgentNoun(cue: Cue, token: Token): boolean {
  if (cue.kind !== "verb" || cue.words.length !== 1) return false;
  const pattern = cue.words[0] as string;
  if (!pattern.endsWith("*")) return false;
  return /(ers?|ors?|ics|isms?|tori|tore|trici|trice)$/.test(token.folded) && token.folded.length > pattern.length;
}

/** The longest cue starting at word `i`, if any. */
function cueAt(tokens: readonly Token[], i: number, languages: ReadonlySet<CueLanguage>): CueHit | undefined {
  const token = tokens[i] as Token;
  if (!token.word) return undefined;
  let best: CueHit | undefined;
  for (const cue of cueIndex.get(token.folded.slice(0, 2)) ?? []) {
    if (!languages.has(cue.language)) continue;
    let t = i;
    let ok = true;
    for (let w = 0; w < cue.words.length; w++) {
      // "l'asse", "anti-Usa": apostrophes and hyphens between cue words are skipped.
      while (w > 0 && t < tokens.length && !(tokens[t] as Token).word) t++;
      const tk = tokens[t];
      if (!tk || !wordMatches(cue.words[w] as string, tk.folded)) {
        ok = false;
        break;
      }
      t++;
    }
    if (ok && isAgentNoun(cue, tokens[t - 1] as Token)) ok = false;
    if (ok && (!best || t - 1 > best.last)) best = { cue, first: i, last: t - 1 };
  }
  return best;
}

/** All cues of a sentence, left to right, not overlapping and not inside an actor's name. */
function findCues(tokens: readonly Token[], mentions: readonly ActorMention[], languages: ReadonlySet<CueLanguage>) {
  const inName = new Set<number>();
  for (const m of mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (inName.has(i)) continue;
    const hit = cueAt(tokens, i, languages);
    if (hit) {
      hits.push(hit);
      i = hit.last;
    }
  }
  return hits;
}

/**
 * Groups consecutive mentions joined only by coordinators and articles. A list joined by
 * commas must close with "and"/"e" ("Taiwan, Giappone e Corea del Sud"): a bare comma between
 * two actors is usually a clause boundary ("i media statunitensi, Mosca …").
 */
function groupMentions(tokens: readonly Token[], mentions: readonly ActorMention[]): Group[] {
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
      for (let t = previous.last + 1; t < mention.first && joined; t++) {
        const f = (tokens[t] as Token).folded;
        if (!COORDINATORS.has(f) && !ARTICLES.has(f) && f !== "-" && f !== "'") joined = false;
        else if (f !== "," && f !== "-" && f !== "'" && !ARTICLES.has(f)) word = true;
      }
      if (joined) joins.push(word);
      else close();
    }
    current.push(mention);
  }
  close();
  return groups;
}

function first(group: Group): ActorMention {
  return group[0] as ActorMention;
}
function last(group: Group): ActorMention {
  return group[group.length - 1] as ActorMention;
}

/** The folded word before token `i`, skipping articles. */
function wordBefore(tokens: readonly Token[], i: number): string | undefined {
  for (let t = i - 1; t >= 0; t--) {
    const token = tokens[t] as Token;
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return token.folded;
    }
    if (!ARTICLES.has(token.folded)) return token.folded;
  }
  return undefined;
}

/** True when a group stands after a preposition ("exports to Russia"): not a subject. */
function isOblique(tokens: readonly Token[], group: Group): boolean {
  const before = wordBefore(tokens, first(group).first);
  return before !== undefined && PREPOSITIONS.has(before) && !AGENT_MARKERS.has(before);
}

/** True when a clause boundary (";", ":", a parenthesis) lies between tokens a and b. */
function crossesClause(tokens: readonly Token[], a: number, b: number): boolean {
  for (let t = a + 1; t < b; t++) {
    const f = (tokens[t] as Token).folded;
    if (f === ";" || f === "?" || f === "!") return true;
  }
  return false;
}

/** The nearest subject-like group before token `i`, within the window. */
function holderBefore(
  tokens: readonly Token[],
  groups: readonly Group[],
  i: number,
  anyGroup = false,
): Group | undefined {
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] as Group;
    if (last(group).last >= i) continue;
    if (i - last(group).last > HOLDER_WINDOW) break;
    if (crossesClause(tokens, last(group).last, i)) break;
    if (anyGroup || !isOblique(tokens, group)) return group;
  }
  return undefined;
}

/** The nearest group after token `i`, within `window` tokens. */
function groupAfter(tokens: readonly Token[], groups: readonly Group[], i: number, window = TARGET_WINDOW) {
  for (const group of groups) {
    if (first(group).first <= i) continue;
    if (first(group).first - i > window || crossesClause(tokens, i, first(group).first)) return undefined;
    return group;
  }
  return undefined;
}

/** True when a negator stands in the three words before the cue. */
function isNegated(tokens: readonly Token[], cue: CueHit, after: number): boolean {
  let words = 0;
  for (let t = cue.first - 1; t > after && words < 3; t--) {
    const token = tokens[t] as Token;
    if (!token.word) continue;
    words++;
    if (NEGATORS.has(token.folded)) return true;
  }
  return false;
}

/** True when the cue is a participle after an auxiliary: "was sanctioned", "è stato accusato". */
function isPassive(tokens: readonly Token[], cue: CueHit): boolean {
  const word = (tokens[cue.last] as Token).folded;
  if (!/(ed|en|ato|ata|ati|ate|uto|uta|uti|ute|ito|ita|iti|ite|sso|ssa|ssi|sse)$/.test(word)) return false;
  let words = 0;
  for (let t = cue.first - 1; t >= 0 && words < 3; t--) {
    const token = tokens[t] as Token;
    if (!token.word) continue;
    words++;
    if (PASSIVE_AUXILIARIES.has(token.folded)) return true;
  }
  return false;
}

/** True when a verb cue is used as a noun: "the support", "his attack", "more criticism". */
function isNounUse(tokens: readonly Token[], hit: CueHit): boolean {
  for (let t = hit.first - 1; t >= 0; t--) {
    const token = tokens[t] as Token;
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return false;
    }
    return DETERMINERS.has(token.folded);
  }
  return false;
}

/** The group right after an agent marker ("by X", "da X") within a few words after token `i`. */
function agentAfter(tokens: readonly Token[], groups: readonly Group[], i: number, from = false): Group | undefined {
  for (let t = i + 1; t < tokens.length && t <= i + 4; t++) {
    const f = (tokens[t] as Token).folded;
    if (AGENT_MARKERS.has(f) || f === "parte" || (from && f === "from")) {
      const group = groupAfter(tokens, groups, t, 3);
      if (group) return group;
    }
  }
  return undefined;
}

/** Reads the findings of one sentence. */
class SentenceReader {
  readonly findings: Finding[] = [];
  private readonly used = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly tokens: readonly Token[],
    private readonly groups: readonly Group[],
  ) {}

  private cueText(hit: CueHit): string {
    return this.text.slice((this.tokens[hit.first] as Token).start, (this.tokens[hit.last] as Token).end);
  }

  private emit(
    holders: Group | undefined,
    targets: Group,
    polarity: Finding["polarity"],
    weight: number,
    rule: string,
    hit: CueHit,
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
          cue: this.cueText(hit),
        });
      }
    }
  }

  /** A negated FAVOR ("refused to endorse") reads as AGAINST; a negated AGAINST as no stance. */
  private directed(holders: Group | undefined, targets: Group, hit: CueHit, rule: string, after = -1): void {
    if (isNegated(this.tokens, hit, after)) {
      if (hit.cue.polarity === "FAVOR")
        this.emit(holders, targets, "AGAINST", hit.cue.weight * 0.6, `${rule}+negation`, hit);
      else this.emit(holders, targets, "AGAINST", 0, `${rule}+negation`, hit);
      return;
    }
    this.emit(holders, targets, hit.cue.polarity, hit.cue.weight, rule, hit);
  }

  read(cues: readonly CueHit[]): void {
    const { tokens, groups } = this;
    for (let c = 0; c < cues.length; c++) {
      const hit = cues[c] as CueHit;
      if (this.used.has(c)) continue;
      switch (hit.cue.kind) {
        case "consider": {
          // "Pechino e Mosca considerano Washington il principale avversario".
          const roleIndex = cues.findIndex(
            (h, k) => k > c && (h.cue.kind === "role" || h.cue.kind === "mutual") && h.first - hit.last <= 8,
          );
          const role = cues[roleIndex];
          if (!role) break;
          const targets = groupAfter(tokens, groups, hit.last, role.first - hit.last);
          const holders = holderBefore(tokens, groups, hit.first);
          if (!targets || last(targets).last >= role.first) break;
          this.used.add(roleIndex);
          const rule = role.cue.polarity === "AGAINST" ? "consider-as-adversary" : "consider-as-ally";
          this.directed(holders, targets, { ...role, first: hit.first }, rule);
          break;
        }
        case "noun":
          this.noun(hit);
          break;
        case "verb": {
          if (isNounUse(tokens, hit)) {
            this.noun(hit);
            break;
          }
          if (isPassive(tokens, hit)) {
            const agent = agentAfter(tokens, groups, hit.last);
            const patient = holderBefore(tokens, groups, hit.first);
            if (patient) this.directed(agent, patient, hit, agent ? "passive-agent" : "passive");
            break;
          }
          const agent = agentAfter(tokens, groups, hit.last);
          const targets = groupAfter(tokens, groups, hit.last);
          if (agent && targets === agent) {
            // "criticised by X": a reduced passive; the patient stands before the cue.
            const patient = holderBefore(tokens, groups, hit.first);
            if (patient) this.directed(agent, patient, hit, "passive-agent");
            break;
          }
          if (!targets) break;
          const holders = holderBefore(tokens, groups, hit.first);
          this.directed(holders, targets, hit, hit.cue.kind === "verb" ? "subject-verb-object" : "holder-noun-target");
          break;
        }
        case "against": {
          // "the game against Norwich", "a win against Chelsea": sport, not stance.
          if (SPORT_BEFORE_AGAINST.has(wordBefore(tokens, hit.first) ?? "")) break;
          const targets = groupAfter(tokens, groups, hit.last, 4);
          if (!targets) break;
          this.directed(holderBefore(tokens, groups, hit.first), targets, hit, "against");
          break;
        }
        case "anti": {
          const targets = groupAfter(tokens, groups, hit.last, 2);
          if (!targets) break;
          // "l'asse tra Russia e Cina, anti Usa": the members of the axis hold it, even after "tra".
          this.directed(holderBefore(tokens, groups, hit.first, true), targets, hit, "anti");
          break;
        }
        case "mutual":
          this.mutual(hit);
          break;
        case "agent":
          this.agent(hit);
          break;
        case "role":
          // A role noun without a consider verb: "X's rival Y" reads as a mutual relation.
          if (hit.cue.polarity === "AGAINST") this.mutual(hit);
          break;
      }
    }
  }

  /**
   * A noun of stance: "X's criticism of Y", "sanctions on Y by X", "le sanzioni di X contro Y".
   * The target follows a linking preposition; the holder stands right before the noun or
   * after "by".
   */
  private noun(hit: CueHit): void {
    const { tokens, groups } = this;
    // "criticism from X", "support from X": for nouns, "from" introduces the holder too.
    const agent = agentAfter(tokens, groups, hit.last, true);
    let linked: Group | undefined;
    for (let t = hit.last + 1; t < tokens.length && t <= hit.last + 3; t++) {
      const f = (tokens[t] as Token).folded;
      if (TARGET_LINKS.has(f) || hit.cue.words.length > 1) {
        linked = groupAfter(tokens, groups, hit.cue.words.length > 1 ? hit.last : t, 4);
        if (linked === agent) linked = undefined;
        break;
      }
    }
    if (agent && !linked) {
      // "the endorsements by X … of Y": the target comes after the agent.
      linked = groupAfter(tokens, groups, last(agent).last, TARGET_WINDOW + 4);
    }
    if (!linked) return;
    let holders = agent;
    if (!holders) {
      const before = holderBefore(tokens, groups, hit.first);
      if (before && hit.first - last(before).last <= NOUN_HOLDER_WINDOW) holders = before;
    }
    this.directed(holders, linked, hit, "holder-noun-target");
  }

  /**
   * A noun of who holds a stance: "Cotton, one of Trump's staunchest supporters", "a Peta
   * supporter", "critics of the mayor". The target stands right before the noun (a
   * possessive and an adjective may come between) or after "of"/"di"; the holder is the
   * subject before the target.
   */
  private agent(hit: CueHit): void {
    const { tokens, groups } = this;
    let target: Group | undefined;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g] as Group;
      if (last(group).last >= hit.first) continue;
      let words = 0;
      for (let t = last(group).last + 1; t < hit.first; t++) {
        const f = (tokens[t] as Token).folded;
        if ((tokens[t] as Token).word && f !== "s") words++;
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
    const apposition = (tokens[last(holders).last + 1] as Token).folded === ",";
    for (let t = last(holders).last + 1; t < from; t++) {
      const token = tokens[t] as Token;
      if (!token.word) continue;
      if (
        apposition
          ? CLAUSE_OPENERS.has(token.folded)
          : !APPOSITION_WORDS.has(token.folded) && !/(est|ly)$/.test(token.folded)
      )
        return;
    }
    this.directed(holders, target, hit, "holder-agent-noun");
  }

  /** "partnership between X and Y", "X cooperates with Y", "X e Y cooperano": both ways. */
  private mutual(hit: CueHit): void {
    const { tokens, groups } = this;
    const pairs: Array<[Group, Group]> = [];
    let rule = "";
    const next = tokens.slice(hit.last + 1, hit.last + 4).find((t) => t.word && !ARTICLES.has(t.folded));
    if (next && BETWEEN.has(next.folded)) {
      const group = groupAfter(tokens, groups, hit.last, 4);
      if (group && group.length >= 2) {
        pairs.push([group, group]);
        rule = "mutual-between";
      }
    }
    if (pairs.length === 0 && next && PARTY_LINKS.has(next.folded)) {
      const other = groupAfter(tokens, groups, hit.last, 4);
      const holders = holderBefore(tokens, groups, hit.first);
      if (other && holders) {
        pairs.push([holders, other]);
        rule = "mutual-with";
      }
    }
    if (pairs.length === 0) {
      // "X e Y hanno intensificato esercitazioni congiunte": a coordinated subject.
      const holders = holderBefore(tokens, groups, hit.first);
      if (holders && holders.length >= 2 && hit.first - last(holders).last <= MUTUAL_GROUP_WINDOW) {
        const between = groups.filter((g) => first(g).first > last(holders).last && last(g).last < hit.first);
        if (between.length === 0) {
          pairs.push([holders, holders]);
          rule = "mutual-coordinated";
        }
      }
    }
    for (const [a, b] of pairs) {
      if (isNegated(tokens, hit, -1)) {
        this.emit(a, b, hit.cue.polarity, 0, `${rule}+negation`, hit);
        if (a !== b) this.emit(b, a, hit.cue.polarity, 0, `${rule}+negation`, hit);
        continue;
      }
      this.emit(a, b, hit.cue.polarity, hit.cue.weight, rule, hit);
      if (a !== b) this.emit(b, a, hit.cue.polarity, hit.cue.weight, rule, hit);
    }
  }
}

/** The mention finder the reader uses: names given, actors discovered, or both. */
export type MentionFinder = (text: string, tokens: readonly Token[]) => ActorMention[];

/** Reads every sentence of `text` and returns what the rules found, in text order. */
export function readFindings(
  text: string,
  findMentions: MentionFinder,
  languages: ReadonlySet<CueLanguage>,
): {
  findings: Finding[];
  sentences: Array<{ start: number; end: number; mentions: ActorMention[]; tokens: Token[] }>;
} {
  const findings: Finding[] = [];
  const sentences: Array<{ start: number; end: number; mentions: ActorMention[]; tokens: Token[] }> = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    const mentions = findMentions(text, tokens);
    sentences.push({ start: sentence.start, end: sentence.end, mentions, tokens });
    if (mentions.length === 0) continue;
    const groups = groupMentions(tokens, mentions);
    const cues = findCues(tokens, mentions, languages);
    const reader = new SentenceReader(text, sentence.start, sentence.end, tokens, groups);
    reader.read(cues);
    findings.push(...reader.findings);
  }
  return { findings, sentences };
}
