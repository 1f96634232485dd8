import { readFileSync } from "node:fs";

import { fold } from "./dom.js";

/** The cues that tell page furniture from article text (`data/boilerplate.json`). */
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

function strings(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === "string" && item !== "")) {
    throw new Error(`packages/sources/data/boilerplate.json: "${key}" must be a list of words.`);
  }
  return value as string[];
}

function load(): Boilerplate {
  const data = JSON.parse(readFileSync(new URL("../data/boilerplate.json", import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;
  const classes = strings(data.classPatterns, "classPatterns").map((item) => item.replace(/[^a-z0-9-]/gi, ""));
  return Object.freeze({
    classPattern: new RegExp(`(?:^|[^a-z])(?:${classes.join("|")})`, "i"),
    cookiePhrases: Object.freeze(strings(data.cookiePhrases, "cookiePhrases").map(fold)),
    shareWords: new Set(strings(data.shareWords, "shareWords").map(fold)),
    readMorePhrases: Object.freeze(strings(data.readMorePhrases, "readMorePhrases").map(fold)),
    bylinePrefixes: Object.freeze(
      strings(data.bylinePrefixes, "bylinePrefixes")
        .map(fold)
        .sort((a, b) => b.length - a.length),
    ),
  });
}

let cached: Boilerplate | undefined;

/** The boilerplate cues, read and checked once. */
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
