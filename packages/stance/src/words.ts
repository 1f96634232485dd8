/**
 * The word classes of `data/words/<lang>/*.yml` (compiled to `generated/words.ts`) as the rules read
 * them: a folded word is looked up in both languages' lists, as a text may mix them.
 */
import { escapeRegExp, wordSet } from "@rassegna/core";

import * as W from "./generated/words.js";

type Lists = Readonly<Record<"en" | "it", readonly string[]>>;

/** Core's shared word classes, folded as the stance tokens are ("l'" → "l"), in English and Italian. */
function core(...classes: Parameters<typeof wordSet>[0][]): Set<string> {
  const out = new Set<string>();
  for (const c of classes) for (const word of wordSet(c, ["en", "it"], { fold: true })) out.add(word.replace(/'$/, ""));
  return out;
}

/** The words of both languages' lists. */
function both(list: Lists): ReadonlySet<string> {
  return new Set([...list.en, ...list.it]);
}

/** The words of a set that are not in another. */
function without(words: ReadonlySet<string>, left: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...words].filter((w) => !left.has(w)));
}

/** A test of word endings (both languages' lists, escaped), built once when the rules load. */
function endingPattern(list: Lists): RegExp {
  const endings = [...list.en, ...list.it].map(escapeRegExp);
  return new RegExp(`(?:${endings.join("|")})$`);
}

/** A matcher of word patterns (`*` = prefix) of both languages' lists. */
export function patternSet(list: Lists): (folded: string) => boolean {
  const patterns = [...list.en, ...list.it];
  const exact = new Set(patterns.filter((p) => !p.endsWith("*")));
  const prefixes = patterns.filter((p) => p.endsWith("*")).map((p) => p.slice(0, -1));
  return (folded) => exact.has(folded) || prefixes.some((p) => folded.startsWith(p));
}

export const ADVERBIAL_NOUNS = both(W.ADVERBIAL_NOUNS);
export const AGENT_MARKERS = both(W.AGENT_MARKERS);
/** Words an apposition after a name opens with or holds: core's articles and stance's own ("one", "staunch"). */
export const APPOSITION_WORDS: ReadonlySet<string> = new Set([...core("articles"), ...both(W.APPOSITION_WORDS_EXTRA)]);
/** Articles and possessives skipped before an actor: core's articles and English possessive determiners. */
export const ARTICLES: ReadonlySet<string> = new Set([...core("articles"), ...wordSet("possessive-determiners", "en")]);
export const BETWEEN = both(W.BETWEEN);
/** Words that open what someone is called: core's articles and stance's own ("as", "come"). */
export const CALLED_OPENERS: ReadonlySet<string> = new Set([...core("articles"), ...both(W.CALLED_OPENERS_EXTRA)]);
export const CLAUSE_BREAKS = both(W.CLAUSE_BREAKS);
/** Words after which a clause of what is said opens: core's verbs of saying, and "that", "che". */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([...core("speech-verbs"), ...both(W.CLAUSE_OPENERS_EXTRA)]);
export const CLAUSE_WORDS = both(W.CLAUSE_WORDS);
export const COORDINATORS = both(W.COORDINATORS);
export const DEMAND_MODALS = both(W.DEMAND_MODALS);
/**
 * Words before a noun that make a cue word a noun: core's articles and possessives (less "i",
 * English "I" once folded) and stance's own ("strong").
 */
export const DETERMINERS: ReadonlySet<string> = new Set([
  ...without(core("articles", "possessive-determiners"), both(W.AMBIGUOUS_DETERMINERS)),
  ...both(W.DETERMINERS_EXTRA),
]);
export const FOR = both(W.FOR);
/** Words that end the gap of a cue ("signed ~ agreement"): "signed against the agreement" is no signing. */
export const GAP_STOPS: ReadonlySet<string> = new Set([...both(W.GAP_STOPS), ...core("negators")]);
export const GIVING_VERBS = both(W.GIVING_VERBS);
export const HYPOTHETICAL: ReadonlySet<string> = core("hypothetical-markers");
export const LOCATIVES = both(W.LOCATIVES);
export const NEGATING_WORDS: ReadonlySet<string> = core("negating-nouns");
/** Core's negators and verbs of refusing, and the negative determiners the stance rules read too. */
export const NEGATORS: ReadonlySet<string> = new Set([
  ...core("negators", "negating-verbs"),
  ...both(W.NEGATORS_EXTRA),
]);
export const NEWS_NEUTRAL = both(W.NEWS_NEUTRAL);
/** Words of not doing what follows ("unable to", "lacking"), and core's verbs of failing and refusing. */
export const NOT_DONE: ReadonlySet<string> = new Set([...both(W.NOT_DONE), ...core("negating-verbs")]);
export const OBLIQUES = both(W.OBLIQUES);
export const OF = both(W.OF);
export const PARTY_LINKS = both(W.PARTY_LINKS);
export const PASSIVE_AUXILIARIES = both(W.PASSIVE_AUXILIARIES);
export const PLURAL_DETERMINERS = both(W.PLURAL_DETERMINERS);
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = wordSet("possessive-determiners", "en");
export const PREPOSITIONS = both(W.PREPOSITIONS);
export const REPORT_AUXILIARIES = both(W.REPORT_AUXILIARIES);
/**
 * Verbs that report what someone says or holds ("X said …", "…, ha detto X"): core's verbs of
 * saying, holding a view, blaming and demanding, less the ambiguous ones ("the report"), and
 * stance's own ("ruled").
 */
export const REPORT_VERBS: ReadonlySet<string> = new Set([
  ...without(core("speech-verbs", "opinion-verbs", "accusation-verbs", "demand-verbs"), both(W.AMBIGUOUS_REPORT_VERBS)),
  ...both(W.REPORT_VERBS_EXTRA),
]);
/** Verbs of saying, holding a view or demanding before what is said ("X said (that) …"): core's. */
export const REPORTING_VERBS: ReadonlySet<string> = core("speech-verbs", "opinion-verbs", "demand-verbs");
export const ROLE_NOUNS = both(W.ROLES);
export const SELF_GOVERNED = both(W.SELF_GOVERNED);
export const SINGULAR_DETERMINERS = both(W.SINGULAR_DETERMINERS);
/** Verbs of saying next to a speaker ("X said", "according to X"): core's, less the ambiguous ones ("alleged"). */
export const SPEECH_VERBS: ReadonlySet<string> = without(
  core("speech-verbs", "attribution-words"),
  both(W.AMBIGUOUS_SPEECH_VERBS),
);
export const SPORT_BEFORE_AGAINST = both(W.SPORT_BEFORE_AGAINST);
export const TARGET_LINKS = both(W.TARGET_LINKS);
export const JUDGEMENT_OPENS_CLAUSE = both(W.JUDGEMENT_OPENS_CLAUSE);
export const JUDGEMENT_EITHER_SIDE = both(W.JUDGEMENT_EITHER_SIDE);
export const RELATIVE_PRONOUNS = both(W.RELATIVE_PRONOUNS);
export const COMPLEMENTIZERS = both(W.COMPLEMENTIZERS);
export const RECEIVING_VERBS = both(W.RECEIVING_VERBS);
/** Endings of participles (English and Italian): "criticised", "criticata", "approvato". */
export const PARTICIPLE_ENDING: RegExp = endingPattern(W.PARTICIPLE_ENDINGS);
/** Endings of participles and finite verbs that cannot stand inside a role's introduction. */
export const VERB_FORM_ENDING: RegExp = endingPattern(W.VERB_FORM_ENDINGS);
export const PERSON_PRONOUNS = both(W.PERSON_PRONOUNS);
export const PERSON_ROLES = both(W.PERSON_ROLES);
/**
 * Definite articles before a role noun that refers back to a person ("il presidente", "the
 * premier"): core's definite articles and articled prepositions, less the plural ones ("i leader").
 */
export const DEFINITE_ARTICLES: ReadonlySet<string> = without(
  core("definite-articles", "articled-prepositions"),
  both(W.PLURAL_DEFINITE_ARTICLES),
);
export const PREMIER_WORDS = both(W.PREMIER_WORDS);
export const COORDINATING_VERBS = both(W.COORDINATING_VERBS);
export const RELATIVE_STOPS = both(W.RELATIVE_STOPS);
