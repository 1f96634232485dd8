/**
 * Organisations told by their context, for names no gazetteer knows: "the company Acme",
 * "Acme CEO", "Acme's shares", "Comelf said it", "Petofi , one of its units"; then, over the
 * whole document, every bare guess of the same text follows.
 */
import { isDemonym } from "../gazetteer.js";
import type { FoundMention, Sentence } from "./types.js";
import { list } from "./words.js";

/** Context that says tokens `first` to `last` name an organisation. */
export function organisationContext(sentence: Sentence, first: number, last: number): boolean {
  const next = sentence.at(last + 1);
  const after = sentence.at(last + 2);
  const previous = sentence.at(first - 1);
  const orgNouns = list("org-nouns");
  if (previous && orgNouns.has(previous.lower) && !previous.cap) return true;
  if (!next) return false;
  // "Acme shareholders", "Acme CEO" (an acronym in capitals, not a capitalised name).
  if (list("org-after").has(next.lower) && (!next.cap || next.upper)) return true;
  // "Acme's shares", "Acme 's board" (a possessive written apart is two tokens).
  const apart = (next.text === "'" || next.text === "’") && after?.lower === "s" && after.start === next.end;
  const owned = apart ? sentence.at(last + 3) : after;
  if ((next.lower === "'s" || next.lower === "’s" || apart) && owned && list("org-possessions").has(owned.lower))
    return true;
  if (next.lower === "said" && after && (after.lower === "it" || after.lower === "its")) return true;
  if (next.text === "," && after) {
    if (after.lower === "which") return true;
    // "Comelf , the first foreign company", "Petofi , one of its units".
    for (const token of sentence.slice(last + 2, last + 7)) {
      // The noun of the apposition itself, not of a name inside it ("Wang , the New York-based group").
      if (!token.word || (token.cap && !isDemonym(token.text))) break;
      if (orgNouns.has(token.lower)) return true;
    }
  }
  return false;
}

/**
 * A name read as an organisation from its context is an organisation wherever the same text
 * only had a guess.
 */
export function propagateOrganisations(found: readonly FoundMention[]): void {
  const organisations = new Set<string>();
  for (const mention of found) if (mention.orgContext) organisations.add(mention.text);
  if (organisations.size === 0) return;
  for (const mention of found) {
    if (mention.strength < 2 && mention.canonical === undefined && organisations.has(mention.text)) {
      mention.type = "ORGANIZATION";
      mention.strength = 2;
      mention.rule = "org-context-elsewhere";
    }
  }
}
