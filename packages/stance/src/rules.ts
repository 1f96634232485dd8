/**
 * The rules backend: direction-aware cues over sentences. For each sentence it finds the
 * actor mentions and the cues, then links each cue to who holds the stance (the subject,
 * or the agent of a passive) and whom it is about (the object), with coordination
 * ("China and Russia … against the US" gives two holders) and negation.
 */
import { lookupDemonym, type StanceLabel, splitSentences } from "@rassegna/core";
import type { ReadSentence } from "./aggregate.js";
import { stanceValence } from "./backoff.js";
import { ACT_VERBS, ROLES } from "./generated/words.js";
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

/** True when a stance cue starts at word `i` ("elogiato", "accused"): someone's act, not a judgement. */
export function isCueAt(tokens: readonly Token[], i: number, languages: ReadonlySet<CueLanguage>): boolean {
  return cueAt(tokens, i, languages) !== undefined;
}

/** All cues of a sentence, left to right, not overlapping and not inside an actor's name. */
function findCues(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ActorMention[],
  languages: ReadonlySet<CueLanguage>,
) {
  const inName = new Set<number>();
  for (const m of mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // "Washington Slams Iran" (a headline) keeps its cue: the capital before is an actor.
    if (inName.has(i) || (!inName.has(i - 1) && isInsideName(text, tokens, i))) continue;
    const hit = cueAt(tokens, i, languages);
    if (hit) {
      hits.push(hit);
      i = hit.last;
    }
  }
  return hits;
}

/**
 * True for a capitalised word inside a sentence ("Will Shields", "Mount Hope"): part of a
 * name, not a cue. A capital after a quote, a colon or at the start is an ordinary word.
 */
function isInsideName(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (!/^\p{Lu}\p{Ll}/u.test(text.slice(token.start, token.end))) return false;
  const before = tokens[i - 1];
  if (!before) return false;
  if (!before.word) return /^[,;)\]]$/.test(before.folded) || before.folded === "-";
  // A capitalised word after a capitalised word: a name ("Will Shields").
  return /^\p{Lu}/u.test(text.slice(before.start, before.end));
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
      // "Piantedosi e il premier libico Dbeibah": a role and a nationality may stand before
      // the second name, after "and".
      let role = false;
      let and = false;
      for (let t = previous.last + 1; t < mention.first && joined; t++) {
        const f = (tokens[t] as Token).folded;
        if (f === "and" || f === "e" || f === "ed") and = true;
        if (and && (ROLE_NOUNS.has(f) || lookupDemonym(f) !== undefined)) {
          role = true;
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

/**
 * True when a group stands after a preposition ("exports to Russia"): not a subject. A state
 * after a role noun and "of" speaks through that role ("the president of the United States
 * criticised Russia", "il portavoce del governo cinese"): that group is the subject.
 */
function isOblique(tokens: readonly Token[], group: Group): boolean {
  const before = wordBefore(tokens, first(group).first);
  if (before === undefined || !PREPOSITIONS.has(before) || AGENT_MARKERS.has(before)) return false;
  if (OF.has(before)) {
    let t = first(group).first - 1;
    while (t >= 0 && ((tokens[t] as Token).folded !== before || !(tokens[t] as Token).word)) t--;
    const role = wordBefore(tokens, t);
    if (role !== undefined && ROLE_NOUNS.has(role)) return false;
  }
  return true;
}

const ACT_PATTERNS: readonly string[] = [...ACT_VERBS.en, ...ACT_VERBS.it];
const OF = new Set(["of", "di", "del", "della", "dello", "dei", "degli", "delle", "dell"]);
const ROLE_NOUNS: ReadonlySet<string> = new Set([...ROLES.en, ...ROLES.it]);

/** True when a clause boundary (";", ":", a parenthesis) lies between tokens a and b. */
function crossesClause(tokens: readonly Token[], a: number, b: number): boolean {
  for (let t = a + 1; t < b; t++) {
    const f = (tokens[t] as Token).folded;
    if (f === ";" || f === "?" || f === "!" || CLAUSE_BREAKS.has(f)) return true;
  }
  return false;
}

/** Words that open a clause with a subject of its own: "X threatened Y, while Z praised W". */
const CLAUSE_BREAKS = new Set(["mentre", "while", "whereas"]);

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

/** Words that open a clause: an actor after them is not an apposition of what came before. */
const CLAUSE_WORDS = new Set(
  "that who whom which whose when while because after before as if but and or che chi cui quando mentre perche ma".split(
    " ",
  ),
);
/** How many words a noun phrase before an apposition may have: "the ailing mogul's daughter, Y". */
const APPOSITION_WINDOW = 8;

/**
 * The object named in an apposition right after a short noun phrase: "accused the mogul's
 * daughter, Shari Redstone,", "a lawsuit against the largest landlord, Metro". The group must
 * follow a comma, within a few words, with no clause opener between.
 */
function appositionAfter(tokens: readonly Token[], groups: readonly Group[], i: number): Group | undefined {
  let words = 0;
  for (let t = i + 1; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.word) {
      if (CLAUSE_WORDS.has(token.folded) || ++words > APPOSITION_WINDOW) return undefined;
      if (groups.some((g) => first(g).first === t)) return undefined;
      continue;
    }
    if (token.folded === "," && words > 0) return groups.find((g) => first(g).first === t + 1);
    if (token.folded !== "'" && token.folded !== "’" && token.folded !== "-") return undefined;
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
    if (NEGATORS.has(token.folded) || NEGATING_WORDS.has(token.folded)) return true;
  }
  return false;
}

/** Modals of what ought to or might happen. */
const HYPOTHETICAL = new Set("should could would might may dovrebbe dovrebbero potrebbe potrebbero".split(" "));

/** True when a modal of what ought to or might happen stands in the two words before the cue. */
function isHypothetical(tokens: readonly Token[], cue: CueHit): boolean {
  for (let t = cue.first - 1, words = 0; t >= 0 && words < 2; t--) {
    const token = tokens[t] as Token;
    if (!token.word) continue;
    words++;
    if (HYPOTHETICAL.has(token.folded)) return true;
  }
  return false;
}

/** Nouns and adjectives of refusing, which negate a cue after them like "not" ("his refusal to back Y"). */
const NEGATING_WORDS = new Set([
  "refusal",
  "reluctance",
  "reluctant",
  "unwilling",
  "unwillingness",
  "rifiuto",
  "riluttante",
]);

/** True when the cue is a participle after an auxiliary: "was sanctioned", "è stato accusato". */
function isPassive(tokens: readonly Token[], cue: CueHit, groups: readonly Group[] = []): boolean {
  // The participle ends the cue ("was sanctioned") or opens it ("should be locked up").
  const participle = /(ed|en|ato|ata|ati|ate|uto|uta|uti|ute|ito|ita|iti|ite|sso|ssa|ssi|sse)$/;
  if (!participle.test((tokens[cue.last] as Token).folded) && !participle.test((tokens[cue.first] as Token).folded))
    return false;
  let words = 0;
  for (let t = cue.first - 1; t >= 0 && words < 3; t--) {
    const token = tokens[t] as Token;
    if (!token.word) continue;
    // A name is not an auxiliary: "gli Stati Uniti hanno criticato" is active.
    if (groups.some((g) => g.some((m) => t >= m.first && t <= m.last))) break;
    words++;
    if (PASSIVE_AUXILIARIES.has(token.folded)) return true;
  }
  return false;
}

/** Verbs of saying and demanding before a reported clause: "X said (that) Y …". */
const REPORTING_VERBS = new Set(
  "said says say told tells claimed claims argued argues wrote writes alleged alleges insisted insists suggested suggests demanded demands urged urges believes believe thinks think warned warns added adds detto dichiarato affermato sostiene sostengono chiede chiedono ritiene ritengono".split(
    " ",
  ),
);

/** The subject of a verb of saying right before `group` ("X said (that) group …"), if any. */
function reporterOf(tokens: readonly Token[], groups: readonly Group[], group: Group): Group | undefined {
  let t = first(group).first - 1;
  while (t >= 0 && (ARTICLES.has((tokens[t] as Token).folded) || !(tokens[t] as Token).word)) t--;
  if (t >= 0 && ((tokens[t] as Token).folded === "that" || (tokens[t] as Token).folded === "che")) t--;
  if (t < 0 || !REPORTING_VERBS.has((tokens[t] as Token).folded)) return undefined;
  const reporter = holderBefore(tokens, groups, t);
  return reporter && t - last(reporter).last <= REPORTER_GAP ? reporter : undefined;
}

/** Modals of demand: "should be punished", "deve essere punito". */
const DEMAND_MODALS = new Set(
  "should must ought deserves deserve deserved needs need has have dovrebbe dovrebbero deve devono merita meritano va vanno".split(
    " ",
  ),
);

/** True when a modal of demand stands in the four words before a passive cue. */
function isDemanded(tokens: readonly Token[], hit: CueHit): boolean {
  for (let t = hit.first - 1, words = 0; t >= 0 && words < 4; t--) {
    const token = tokens[t] as Token;
    if (!token.word) continue;
    words++;
    if (DEMAND_MODALS.has(token.folded)) return true;
  }
  return false;
}

/** How far (in tokens) the one who says it may stand before the verb of saying. */
const REPORTER_GAP = 8;

/** True when a verb cue is used as a noun: "the support", "his attack", "more criticism". */
function isNounUse(tokens: readonly Token[], hit: CueHit): boolean {
  // "a tepid endorsement", "strong condemnation": a prefix cue matched a noun's ending.
  // Only when the prefix did not already end that way: "sanctions" stays a verb.
  if (hit.first === hit.last) {
    const pattern = hit.cue.words[0] as string;
    const word = (tokens[hit.first] as Token).folded;
    if (pattern.endsWith("*") && NOUN_ENDING.test(word) && !NOUN_STEM.test(pattern.slice(0, -1))) return true;
  }
  for (let t = hit.first - 1; t >= 0; t--) {
    const token = tokens[t] as Token;
    if (!token.word) {
      if (token.folded === "'" || token.folded === "’") continue;
      return false;
    }
    if (!DETERMINERS.has(token.folded)) return false;
    // "the family that supports X", "groups that attacked Y": a relative pronoun before a
    // finite verb, not "that support" (a noun).
    const cue = (tokens[hit.first] as Token).folded;
    if (SINGULAR_DETERMINERS.has(token.folded) && /(?<!s)s$|ed$/.test(cue)) return false;
    if (PLURAL_DETERMINERS.has(token.folded) && cue.endsWith("ed")) return false;
    return true;
  }
  return false;
}

/**
 * True for a verb cue that heads a noun compound after a name: "the Orlando shooting", "a
 * Pulse attack", "the US strike on Syria". A finite verb would take -s or -ed after "the US".
 */
function isCompoundNoun(tokens: readonly Token[], groups: readonly Group[], hit: CueHit): boolean {
  const cue = (tokens[hit.last] as Token).folded;
  if (hit.first !== hit.last || /ed$|(?<![su])s$/.test(cue)) return false;
  const group = groups.find((g) => last(g).last === hit.first - 1);
  if (!group) return false;
  const before = tokens[first(group).first - 1];
  return before !== undefined && ARTICLES.has(before.folded) && !POSSESSIVE_DETERMINERS.has(before.folded);
}

/** Possessives among the articles: "their Orlando shooting" is rare, "its US allies" is not a compound. */
const POSSESSIVE_DETERMINERS = new Set(["its", "their", "his", "her"]);

/** Verbs that give a noun of stance to someone: "gave Y his support", "ha dato a Y il suo appoggio". */
const GIVING = new Set(
  "give gives gave given giving offer offers offered offering extend extends extended extending lend lends lent lending grant grants granted handed hand hands dare dato diede danno offre offerto offrono concesso concede".split(
    " ",
  ),
);

/** The recipient of a noun of stance: "offered Y a tepid endorsement" (Y and the verb before it). */
function recipientBefore(
  tokens: readonly Token[],
  groups: readonly Group[],
  noun: number,
): { group: Group; verb: number } | undefined {
  let t = noun - 1;
  for (let words = 0; t >= 0 && words < 3; t--) {
    const token = tokens[t] as Token;
    if (groups.some((g) => last(g).last === t)) break;
    if (token.word) words++;
  }
  const group = groups.find((g) => last(g).last === t);
  if (!group) return undefined;
  let verb = first(group).first - 1;
  while (
    verb >= 0 &&
    (!(tokens[verb] as Token).word ||
      ARTICLES.has((tokens[verb] as Token).folded) ||
      (tokens[verb] as Token).folded === "a")
  )
    verb--;
  return verb >= 0 && GIVING.has((tokens[verb] as Token).folded) ? { group, verb } : undefined;
}

/**
 * The last token of the possessor right before a noun ("Trump's sharp criticism", "the
 * Kremlin's support"): two adjectives may stand between. Undefined when there is none.
 */
function possessorBefore(tokens: readonly Token[], noun: number): number | undefined {
  let t = noun - 1;
  for (let words = 0; t >= 0 && words < 2 && (tokens[t] as Token).word && (tokens[t] as Token).folded !== "s"; t--)
    words++;
  const s = tokens[t];
  const apostrophe = tokens[t - 1];
  if (s?.folded !== "s" || (apostrophe?.folded !== "'" && apostrophe?.folded !== "’")) return undefined;
  return t - 2 >= 0 ? t - 2 : undefined;
}

/** Nouns of accusation: what follows "that" is the charge, its subject the one accused. */
const ACCUSATION = /^(accus|alleg|charge|complaint|denunc)/;
/** How far after an accusation its "that" may stand ("the accusation by a party that Y …"). */
const ACCUSATION_WINDOW = 8;

/** The accused after a noun of accusation: "the accusation (by X) that Y was trying …". */
function accusedAfter(tokens: readonly Token[], groups: readonly Group[], i: number): Group | undefined {
  for (let t = i + 1; t < tokens.length && t <= i + ACCUSATION_WINDOW; t++) {
    const f = (tokens[t] as Token).folded;
    if (f === "." || f === ";") return undefined;
    if (f === "that" || f === "che") return groupAfter(tokens, groups, t, 3);
  }
  return undefined;
}

/**
 * Where a coordinated verb phrase starts after token `i` ("supporting terrorism and
 * promoting Y", "criticised the plan and welcomed Y"): the object of the first verb ends
 * there. Returns a large index when there is none.
 */
function nextVerbPhrase(tokens: readonly Token[], i: number): number {
  for (let t = i + 1; t < tokens.length - 1 && t <= i + TARGET_WINDOW; t++) {
    const f = (tokens[t] as Token).folded;
    if (f !== "and" && f !== "or" && f !== "but" && f !== "e" && f !== "ma") continue;
    const next = tokens[t + 1] as Token;
    if (next.word && /(ing|ed|ando|endo|ato|ito|uto)$/.test(next.folded)) return t;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** Prepositions of place and time: an actor after one is where or when, not whom. */
const LOCATIVES = new Set(
  "in at during near inside outside across throughout within around nel nella nei nelle negli nello durante presso".split(
    " ",
  ),
);

/** True when the group after a verb cue is an adjunct: after a preposition of place or time, or after an object and "to"/"with". */
function isAdjunct(tokens: readonly Token[], cueLast: number, group: Group, cue: Cue): boolean {
  // "blamed the attack on Y": "on" names whom the blame is put on.
  const blames = /^(blam|colp|addoss)/.test(cue.words[0] as string);
  for (let t = first(group).first - 1; t > cueLast; t--) {
    const token = tokens[t] as Token;
    if (!token.word || ARTICLES.has(token.folded)) continue;
    // "lashed out at Y", "fired at Y": "at" right after the verb marks whom it is aimed at.
    if (token.folded === "at" && t === cueLast + 1) return false;
    if (LOCATIVES.has(token.folded)) return true;
    // "praised Bolick to Y", "criticised the deal with Y": the object came before the preposition.
    if (OBLIQUES.has(token.folded) && t > cueLast + 1 && !(token.folded === "on" && blames)) return true;
  }
  return false;
}

/** Prepositions after which an actor is not the object of a verb that already has one. */
const OBLIQUES = new Set("to with into via through a con".split(" "));

/** Endings of nouns made from verbs of stance (English and Italian). */
const NOUN_ENDING = /(ments?|tions?|sions?|zione|zioni|mento|menti)$/;
/** Prefixes that are nouns already ("sanction*", "sanzion*"): their words may be verbs. */
const NOUN_STEM = /(ment|tion|sion|zion)$/;

/** Determiners that are also relative pronouns ("that"): before a finite verb, not a noun. */
const SINGULAR_DETERMINERS = new Set(["that", "this"]);
const PLURAL_DETERMINERS = new Set(["these", "those"]);

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

/** "X called Y …": how many words after Y are read, and the valence that decides. */
const CALLED_WORDS = 5;
const CALLED_MIN = 0.3;
const CALLED_POS = 1;
const CALLED_WEIGHT = 0.7;
const CALLED_OPENERS = new Set(["as", "a", "an", "the", "s", "come", "un", "una", "uno", "il", "la", "lo"]);

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
    private readonly english: boolean,
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
  private readonly objectOf = new Map<Group, Group>();

  /**
   * The holder of a verb at `i` whose nearest group before is `group`: when that group is the
   * object of an earlier verb and "and" stands between ("X ha ringraziato Y e ha elogiato Z"),
   * the earlier verb's holder, else the group.
   */
  private coordinatedHolder(group: Group | undefined, i: number): Group | undefined {
    if (!group) return group;
    const earlier = this.objectOf.get(group);
    if (!earlier) return group;
    for (let t = last(group).last + 1; t < i; t++) {
      const f = (this.tokens[t] as Token).folded;
      if (f === "and" || f === "e" || f === "ed") return earlier;
    }
    return group;
  }

  /** A negated FAVOR ("refused to endorse") reads as AGAINST; a negated AGAINST as no stance. */
  private directed(holders: Group | undefined, targets: Group, hit: CueHit, rule: string, after = -1): void {
    if (holders && rule === "subject-verb-object") this.objectOf.set(targets, holders);
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
          if (!role) {
            this.considerValence(hit);
            break;
          }
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
          if (isNounUse(tokens, hit) || isCompoundNoun(tokens, groups, hit)) {
            this.noun(hit);
            break;
          }
          if (isPassive(tokens, hit, groups)) {
            const agent = agentAfter(tokens, groups, hit.last);
            const patient = holderBefore(tokens, groups, hit.first);
            if (!patient) break;
            // "X said Y should be locked up": without an agent, the one who says what ought to
            // happen holds it (not "X said Y was arrested": a report of fact).
            const reporter = agent || !isDemanded(tokens, hit) ? undefined : reporterOf(tokens, groups, patient);
            if (reporter) this.directed(reporter, patient, hit, "passive-reported");
            else this.directed(agent, patient, hit, agent ? "passive-agent" : "passive");
            break;
          }
          if (this.verbOfNoun(cues, c)) break;
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
            if (patient) this.directed(agent, patient, hit, "passive-agent");
            break;
          }
          if (!targets) break;
          let holders = this.coordinatedHolder(holderBefore(tokens, groups, hit.first), hit.first);
          // "Rubio supporters cheer Y": the supporters act, not the one they support.
          const holderEnd = holders ? last(holders).last : -1;
          const agentNoun = cues.some(
            (h) => h.cue.kind === "agent" && h.first > holderEnd && h.first <= holderEnd + 3 && h.last < hit.first,
          );
          if (holders && agentNoun) holders = undefined;
          this.directed(holders, targets, hit, hit.cue.kind === "verb" ? "subject-verb-object" : "holder-noun-target");
          break;
        }
        case "against": {
          // "the game against Norwich", "a win against Chelsea": sport, not stance.
          if (SPORT_BEFORE_AGAINST.has(wordBefore(tokens, hit.first) ?? "")) break;
          const targets = groupAfter(tokens, groups, hit.last, 4) ?? appositionAfter(tokens, groups, hit.last);
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
        case "provoked": {
          // "The decision angered Beijing", "X drew criticism from Y": the object holds it.
          const after = groupAfter(tokens, groups, hit.last, 4);
          const before = holderBefore(tokens, groups, hit.first);
          if (!after || !before) break;
          // "Beijing was angered by Washington": the passive subject holds it.
          if (isPassive(tokens, hit, groups)) this.directed(before, after, hit, "passive-agent");
          else this.directed(after, before, hit, "object-toward-subject");
          break;
        }
        case "role":
          // A role noun without a consider verb: "X's rival Y" reads as a mutual relation.
          if (hit.cue.polarity === "AGAINST") this.mutual(hit);
          break;
      }
    }
  }

  /**
   * A verb whose object is a noun of stance: "X backs the pressure of Y" / "X sostiene la
   * pressione di Y" (X → Y as the verb says: support of Y's act), "X criticised the
   * sanctions on Y" (X judges someone else's act: nothing of X toward Y), "X threatened
   * sanctions on Y" (X's own act: X → Y as the noun says). True when it read the pair.
   */
  private verbOfNoun(cues: readonly CueHit[], c: number): boolean {
    const { tokens, groups } = this;
    const hit = cues[c] as CueHit;
    const next = cues[c + 1];
    if (!next || (next.cue.kind !== "noun" && !(next.cue.kind === "verb" && isNounUse(tokens, next)))) return false;
    // Only articles, determiners and a possessor between: "backs (Washington's) pressure".
    let owner: Group | undefined;
    for (let t = hit.last + 1; t < next.first; t++) {
      const token = tokens[t] as Token;
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
      this.directed(holders, owner, hit, "verb-of-noun");
      return true;
    }
    this.used.add(c + 1);
    const link = tokens.slice(next.last + 1, next.last + 3).find((t) => t.word);
    if (link && OF.has(link.folded)) {
      const agent = groupAfter(tokens, groups, next.last, 3);
      if (agent) this.directed(holders, agent, hit, "verb-of-noun");
      return true;
    }
    const target = groupAfter(tokens, groups, next.last, 4);
    if (!target) return true;
    const verb = (tokens[hit.first] as Token).folded;
    if (ACT_PATTERNS.some((p) => (p.endsWith("*") ? verb.startsWith(p.slice(0, -1)) : verb === p)))
      this.directed(holders, target, { ...next, first: hit.first }, "verb-act-noun");
    else if (hit.cue.polarity === "FAVOR")
      // "X supports sanctions on Y": X shares the act's stance toward Y.
      this.directed(holders, target, { ...next, first: hit.first }, "verb-favours-noun");
    return true;
  }

  /**
   * "X called Y 'crooked'", "X described Y as unfit": a verb of calling with no role noun
   * after it; the valence of the words right after the target says what X calls Y.
   */
  private considerValence(hit: CueHit): void {
    const { tokens, groups } = this;
    const targets = groupAfter(tokens, groups, hit.last, 2);
    if (!targets) return;
    let sum = 0;
    const words: string[] = [];
    for (let t = last(targets).last + 1, seen = 0; t < tokens.length && seen < CALLED_WORDS; t++) {
      const token = tokens[t] as Token;
      if (!token.word) {
        if (token.folded === "." || token.folded === ";" || token.folded === "," || token.folded === ":") break;
        continue;
      }
      seen++;
      if (groups.some((g) => first(g).first === t)) break;
      const valence = stanceValence(token.folded, this.english, true);
      // What follows the target must be what X calls it: "as …", "a …", or the word itself.
      if (seen === 1 && valence === 0 && !CALLED_OPENERS.has(token.folded)) return;
      if (valence === 0) continue;
      sum += valence;
      words.push(this.text.slice(token.start, token.end));
    }
    const polarity = sum <= -CALLED_MIN ? "AGAINST" : sum >= CALLED_POS ? "FAVOR" : undefined;
    if (!polarity) return;
    const holders = holderBefore(tokens, groups, hit.first);
    const rule = isNegated(tokens, hit, -1) ? "consider-valence+negation" : "consider-valence";
    const weight = isNegated(tokens, hit, -1) ? 0 : CALLED_WEIGHT * Math.min(1, Math.abs(sum));
    this.emit(holders, targets, polarity, weight, rule, hit, `${this.cueText(hit)}: ${words.join(" ")}`);
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
        const from = hit.cue.words.length > 1 ? hit.last : t;
        linked = groupAfter(tokens, groups, from, 4) ?? appositionAfter(tokens, groups, from);
        if (linked === agent) linked = undefined;
        break;
      }
    }
    if (!linked && ACCUSATION.test((tokens[hit.first] as Token).folded))
      linked = accusedAfter(tokens, groups, hit.last);
    if (!linked && !agent) {
      // "X offered Y a tepid endorsement", "X gave Y his full support": Y between verb and noun.
      const given = recipientBefore(tokens, groups, hit.first);
      if (given) {
        this.directed(holderBefore(tokens, groups, given.verb), given.group, hit, "holder-noun-target");
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
        // A place in between is where it happened ("hanno firmato a Tripoli un'intesa").
        const between = groups.filter(
          (g) => first(g).first > last(holders).last && last(g).last < hit.first && !isOblique(tokens, g),
        );
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
  sentences: ReadSentence[];
} {
  const findings: Finding[] = [];
  const sentences: ReadSentence[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    const mentions = findMentions(text, tokens);
    const read: ReadSentence = { start: sentence.start, end: sentence.end, mentions, tokens };
    sentences.push(read);
    if (mentions.length === 0) continue;
    const groups = groupMentions(tokens, mentions);
    const cues = findCues(text, tokens, mentions, languages);
    const reader = new SentenceReader(text, sentence.start, sentence.end, tokens, groups, languages.has("en"));
    reader.read(cues);
    findings.push(...reader.findings);
    read.findings = reader.findings;
  }
  return { findings, sentences };
}
