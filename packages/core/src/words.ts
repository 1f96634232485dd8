/**
 * Shared word classes (verbs of saying, negators, articles, hypothetical markers…), one list per
 * class and language, compiled from `data/words/<lang>/*.yml` by the data compiler
 * (`scripts/data/`). Stages read these instead of keeping their own copies.
 */
import { foldName } from "./actors.js";
import { WORDS_LISTS } from "./generated/words.js";

/** The name of a shared word class, e.g. `"speech-verbs"` (its data file's name). */
export type WordClass = keyof typeof WORDS_LISTS;

/** A language some word class has a list for (ISO 639-1). */
export type WordLanguage = {
  [C in WordClass]: keyof (typeof WORDS_LISTS)[C];
}[WordClass];

/** Every word class: class → language → words (frozen, lower case, as written: accents and `l'` kept). */
export const WORD_CLASSES: {
  readonly [C in WordClass]: { readonly [L in WordLanguage]?: readonly string[] };
} = WORDS_LISTS;

/** The words of a class in a language; empty when the class has no list for it. */
export function wordsOf(wordClass: WordClass, language: string): readonly string[] {
  const lists = WORD_CLASSES[wordClass] as Readonly<Record<string, readonly string[]>> | undefined;
  if (!lists)
    throw new TypeError(`Unknown word class "${wordClass}": use one of ${Object.keys(WORD_CLASSES).join(", ")}.`);
  return lists[language] ?? [];
}

/** Options of {@link wordSet}. */
export interface WordSetOptions {
  /**
   * Fold each word as stages compare tokens: no accents, lower case, `’` → `'` ("né" → "ne").
   * Default false.
   */
  fold?: boolean;
}

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The words of one or more classes in one or more languages, as a set (built once, then shared).
 * `languages` defaults to every language the classes have.
 *
 * @example wordSet(["speech-verbs", "opinion-verbs"], ["en", "it"]).has("ritiene") // true
 */
export function wordSet(
  classes: WordClass | readonly WordClass[],
  languages?: string | readonly string[],
  options: WordSetOptions = {},
): ReadonlySet<string> {
  const classList = typeof classes === "string" ? [classes] : classes;
  const key = `${classList.join(",")}|${languages === undefined ? "*" : typeof languages === "string" ? languages : languages.join(",")}|${options.fold ? 1 : 0}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const set = new Set<string>();
  for (const wordClass of classList) {
    const lists = WORD_CLASSES[wordClass] as Readonly<Record<string, readonly string[]>> | undefined;
    if (!lists)
      throw new TypeError(`Unknown word class "${wordClass}": use one of ${Object.keys(WORD_CLASSES).join(", ")}.`);
    const langs =
      languages === undefined ? Object.keys(lists) : typeof languages === "string" ? [languages] : languages;
    for (const language of langs)
      for (const word of lists[language] ?? []) set.add(options.fold ? foldName(word) : word);
  }
  const frozen: ReadonlySet<string> = set;
  cache.set(key, frozen);
  return frozen;
}
