import { fold } from "./dom.js";
import {
  BYLINE_PREFIXES,
  CLASS_PATTERNS,
  COOKIE_PHRASES,
  READ_MORE_PHRASES,
  SHARE_WORDS,
} from "./generated/boilerplate.js";

/** The cues that tell page furniture from article text (`data/boilerplate/*.yml`, compiled by scripts/data/). */
export interface Boilerplate {
  /** Class or id fragments of elements that are never article text (cookie banners, share bars). */
  classPattern: RegExp;
  /** Phrases of cookie notices, folded. */
  cookiePhrases: readonly string[];
  /** Words a share bar is made of, folded. */
  shareWords: ReadonlySet<string>;
  /** "Read more" links that end a feed item or a teaser, folded. */
  readMorePhrases: readonly string[];
  /** Words that open a by-line ("di", "by", "par"), folded, longest first. */
  bylinePrefixes: readonly string[];
}

function load(): Boilerplate {
  return Object.freeze({
    classPattern: new RegExp(`(?:^|[^a-z])(?:${CLASS_PATTERNS.join("|")})`, "i"),
    cookiePhrases: Object.freeze(COOKIE_PHRASES.map(fold)),
    shareWords: new Set(SHARE_WORDS.map(fold)),
    readMorePhrases: Object.freeze(READ_MORE_PHRASES.map(fold)),
    bylinePrefixes: Object.freeze(BYLINE_PREFIXES.map(fold).sort((a, b) => b.length - a.length)),
  });
}

let cached: Boilerplate | undefined;

/** The boilerplate cues, folded once. */
export function boilerplate(): Boilerplate {
  cached ??= load();
  return cached;
}

/** The longest paragraph that is judged as furniture by its words alone. */
const SHORT = 300;

/** True for a paragraph that is a cookie notice or a share bar, not article text. */
export function isBoilerplateLine(paragraph: string): boolean {
  if (paragraph.length > SHORT) return false;
  const folded = fold(paragraph);
  if (folded === "") return true;
  const cues = boilerplate();
  if (cues.cookiePhrases.some((phrase) => ` ${folded} `.includes(` ${phrase} `))) return true;
  if (
    paragraph.length <= 60 &&
    cues.readMorePhrases.some((phrase) => folded === phrase || folded.startsWith(`${phrase} `))
  )
    return true;
  const words = folded.split(" ");
  return words.length <= 12 && words.every((word) => cues.shareWords.has(word));
}

/** A by-line without the word that opens it: "di Giulia Fabbri" → "Giulia Fabbri". */
export function cleanByline(byline: string): string {
  const text = byline.replace(/\s+/g, " ").trim();
  const lower = text.toLowerCase();
  for (const prefix of boilerplate().bylinePrefixes) {
    if (!lower.startsWith(`${prefix} `)) continue;
    const rest = text.slice(prefix.length + 1).trimStart();
    // Only before a name ("By Anna Neri", not "by now").
    if (/^\p{Lu}/u.test(rest)) return rest;
  }
  return text;
}
