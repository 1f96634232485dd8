/**
 * Role nouns and pronouns that stand for a person the text named before: "Il ministro
 * dell'Interno Matteo Piantedosi … Amnesty ha criticato il ministro" (il ministro → Matteo
 * Piantedosi), "Zelenskyy spoke in Kyiv. He thanked Poland" (He → Zelenskyy). A role noun
 * goes to the last person it introduced ("il ministro … Piantedosi"); a pronoun opening a
 * clause to the subject of the last sentence that named a person. A role noun followed by
 * "of"/"di" and a state ("il presidente degli Stati Uniti") is the state's, and one followed
 * by a name introduces it: neither is an anaphor.
 */
import { lookupDemonym } from "@rassegna/core";

import type { ActorMention } from "./mentions.js";
import { at, type Token } from "./tokens.js";
import {
  ARTICLES,
  COORDINATORS,
  DEFINITE_ARTICLES,
  OF,
  PASSIVE_AUXILIARIES,
  PERSON_PRONOUNS,
  PERSON_ROLES,
  PREMIER_WORDS,
  PREPOSITIONS,
  REPORT_AUXILIARIES,
  VERB_FORM_ENDING,
} from "./words.js";

/** How many tokens a role noun may stand before the name it introduces ("il ministro degli Esteri taiwanese Lin"). */
const INTRODUCTION_WINDOW = 7;
/** Lower-case words (not verbs) a role noun's introduction may hold: "il principe ereditario saudita Mohammed bin Salman". */
const INTRODUCTION_ADJECTIVES = 1;

/** Resolves the anaphors of a text, sentence by sentence, in order. */
export class Anaphora {
  /** The person each role noun last introduced. */
  private readonly byRole = new Map<string, string>();
  /** The subject of the last sentence that named a person: the first person it named. */
  private lastSubject: string | undefined;

  constructor(private readonly isPerson: (key: string) => boolean) {}

  /**
   * The mentions a sentence's anaphors add to `mentions` (its named mentions), then what the
   * sentence teaches for the next ones (its role nouns and its subject).
   */
  read(text: string, tokens: readonly Token[], mentions: readonly ActorMention[]): ActorMention[] {
    const taken = new Set<number>();
    for (const m of mentions) for (let t = m.first; t <= m.last; t++) taken.add(t);
    const added: ActorMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = at(tokens, i);
      if (!token.word || taken.has(i)) continue;
      const key = PERSON_ROLES.has(token.folded)
        ? this.roleReferent(text, tokens, mentions, i)
        : PERSON_PRONOUNS.has(token.folded) && opensClause(tokens, i)
          ? this.lastSubject
          : undefined;
      if (key !== undefined) added.push({ start: token.start, end: token.end, first: i, last: i, key });
    }
    this.learn(text, tokens, mentions);
    return added;
  }

  /** The person a role noun at `i` refers back to, when it is an anaphor. */
  private roleReferent(
    text: string,
    tokens: readonly Token[],
    mentions: readonly ActorMention[],
    i: number,
  ): string | undefined {
    let b = i - 1;
    while (b >= 0 && (at(tokens, b).folded === "'" || at(tokens, b).folded === "’")) b--;
    if (b < 0 || !DEFINITE_ARTICLES.has(at(tokens, b).folded)) return undefined;
    if (introduced(text, tokens, mentions, i) !== undefined) return undefined;
    // "il presidente degli Stati Uniti", "the president of France": the state's role.
    const next = tokens.slice(i + 1).find((t) => t.word && !ARTICLES.has(t.folded));
    if (next && OF.has(next.folded) && mentions.some((m) => m.first > i && m.first <= i + 4)) return undefined;
    return this.byRole.get(roleOf(tokens, i));
  }

  private learn(text: string, tokens: readonly Token[], mentions: readonly ActorMention[]): void {
    let subject: string | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const token = at(tokens, i);
      if (!token.word || !PERSON_ROLES.has(token.folded)) continue;
      const person = introduced(text, tokens, mentions, i);
      if (person && this.isPerson(person.key)) this.byRole.set(roleOf(tokens, i), person.key);
    }
    for (const m of mentions) {
      if (this.isPerson(m.key)) {
        subject = m.key;
        break;
      }
    }
    if (subject !== undefined) this.lastSubject = subject;
  }
}

/** The role a role noun at `i` names: "the prime minister" is the premier. */
function roleOf(tokens: readonly Token[], i: number): string {
  const before = tokens[i - 1];
  return before !== undefined && PREMIER_WORDS.has(before.folded) ? "premier" : at(tokens, i).folded;
}

/**
 * The mention a role noun at `i` introduces: a name within a few words after it, with only
 * the role's complements between ("il ministro degli Esteri taiwanese Lin", "la premier
 * giapponese Takaichi"): capitalised words, articles, prepositions, demonyms and one adjective;
 * no verb ("il ministro è stato criticato dal Partito democratico" introduces no one).
 */
function introduced(
  text: string,
  tokens: readonly Token[],
  mentions: readonly ActorMention[],
  i: number,
): ActorMention | undefined {
  let adjectives = 0;
  for (let t = i + 1; t < tokens.length && t <= i + INTRODUCTION_WINDOW; t++) {
    const mention = mentions.find((m) => m.first === t);
    if (mention) return mention;
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded !== "'" && token.folded !== "’" && token.folded !== "-") return undefined;
      continue;
    }
    if (
      /^\p{Lu}/u.test(text.slice(token.start, token.end)) ||
      ARTICLES.has(token.folded) ||
      PREPOSITIONS.has(token.folded)
    )
      continue;
    if (lookupDemonym(token.folded) !== undefined) continue;
    if (
      VERB_FORM_ENDING.test(token.folded) ||
      PASSIVE_AUXILIARIES.has(token.folded) ||
      REPORT_AUXILIARIES.has(token.folded)
    )
      return undefined;
    if (++adjectives > INTRODUCTION_ADJECTIVES) return undefined;
  }
  return undefined;
}

/** True when a pronoun at `i` opens a clause: the sentence's first word, or after a comma, "and", "but". */
function opensClause(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return !before || before.folded === ";" || COORDINATORS.has(before.folded);
}
