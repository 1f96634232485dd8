/**
 * Short forms of people: "MaliVai Washington … Washington said": a lone word that is the last
 * word of a person named in the same text is that person, even where a gazetteer knows it as a
 * city or a company (countries stay places).
 */
import { lookupName } from "../gazetteer.js";
import type { FoundMention } from "./types.js";

export function shortFormsOfPeople(found: readonly FoundMention[]): void {
  const surnames = new Set<string>();
  for (const mention of found) {
    if (mention.type !== "PERSON" || mention.strength < 1) continue;
    const space = mention.text.lastIndexOf(" ");
    // "… di Roma": a surname after a lower-case particle may be a town's name.
    if (space > 0 && !/ \p{Ll}+$/u.test(mention.text.slice(0, space))) surnames.add(mention.text.slice(space + 1));
  }
  if (surnames.size === 0) return;
  for (const mention of found) {
    if (mention.type === "PERSON" || !surnames.has(mention.text)) continue;
    if (lookupName(mention.text)?.country) continue;
    mention.type = "PERSON";
    mention.strength = 2;
    mention.rule = "short-form-of-person";
    delete mention.canonical;
    delete mention.teamLike;
  }
}
