/**
 * The one tokenizer of Rassegna: words and marks with true offsets (UTF-16 code units, `end`
 * exclusive: `text.slice(token.start, token.end) === token.text`), the flags that
 * capitalisation rules need (sentence start, line break, capitals), and a cursor that reads a
 * run of tokens without stepping past its ends.
 *
 * - Words are runs of letters, marks and digits, joined by inner hyphens, apostrophes and
 *   ampersands ("Sea-Watch", "O'Neill", "AT&T"); acronyms keep their periods ("U.S.", "S.p.A.");
 *   every other non-space character is a token of its own.
 * - `language: "it"` splits elided articles and prepositions ("dell'università" → "dell'"
 *   "università"; "D'Alema" stays whole); `language: "en"` splits the possessive ("Clinton's"
 *   → "Clinton" "'s"). Other languages get neither.
 */

import { CAPITALISED_ELISIONS, NON_FINAL_ABBREVIATIONS as NON_FINAL_ABBREVIATIONS_DATA } from "./generated/tokens.js";

/** A word or punctuation mark of a text. */
export interface Token {
  /** Offset of the first UTF-16 code unit in the whole text. */
  start: number;
  /** Offset after the last code unit (exclusive). */
  end: number;
  text: string;
  /** Lower-cased text, with typographic apostrophes as plain ones ("L’" → "l'"). */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Has letters and none of them lower-case ("NATO", "U.S."). */
  upper: boolean;
  /** Has a letter or digit (not punctuation). */
  word: boolean;
  /** First word of a sentence (or of a quotation, a line, a list item). */
  initial: boolean;
  /** A line break lies between this token and the previous one. */
  lineBreakBefore: boolean;
  /** Only spaces (no punctuation, no line break) between the previous token and this one. */
  joinedBefore: boolean;
  /** Index of the token in the list `tokenize` returned: positions without searching. */
  position: number;
}

/** What to tokenize and how. */
export interface TokenizeOptions {
  /** ISO 639-1 code: "it" splits elisions, "en" possessives; other codes neither. Default "en". */
  language?: string;
  /** Offset where to start (default 0); tokens keep offsets into the whole text. */
  from?: number;
  /** Offset where to stop, exclusive (default the text's length). */
  to?: number;
}

/**
 * Acronyms with periods ("U.S.", "S.p.A."), Italian elisions ("dell'", "L’", "Un’"), words,
 * marks. The capitalised elisions are `data/tokens/it/capitalised-elisions.yml`. "D’" before a
 * capital stays with its surname ("D’Alema"); before a lower-case word it is elided "di" ("D’altra parte").
 */
const ITALIAN_TOKEN = new RegExp(
  String.raw`(?:\p{L}{1,4}\.){2,}|(?:\p{Ll}{1,6}|${CAPITALISED_ELISIONS.it
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("|")}|D(?=['’]\p{Ll}))['’](?=[\p{L}\d])|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*|\S`,
  "gu",
);
const DEFAULT_TOKEN = /(?:\p{L}{1,4}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*|\S/gu;

/**
 * Abbreviations whose period does not end a sentence (a closed class of the tokenizer itself,
 * `data/tokens/<lang>/non-final-abbreviations.yml`; every language's at once).
 */
const NON_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(Object.values(NON_FINAL_ABBREVIATIONS_DATA).flat());
const SENTENCE_END = new Set([".", "!", "?", ":", ";", "…"]);
const QUOTES = new Set(['"', "“", "«", "‘"]);
const OPENERS = new Set(["(", "[", "-", "–", "—", "•", "*", "'"]);

const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const IS_WORD = /[\p{L}\p{N}]/u;
const ONLY_SPACES = /^[ \t\u00a0]*$/;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const POSSESSIVE = /['’]s$/i;

/**
 * Splits `text` (or the part from `options.from` to `options.to`) into tokens with offsets
 * into the whole `text`. The first token of the range counts as a sentence start.
 *
 * ```ts
 * tokenize("Xi met Putin.").map((t) => t.text); // ["Xi", "met", "Putin", "."]
 * ```
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const { language = "en", from = 0, to = text.length } = options;
  const pattern = language === "it" ? ITALIAN_TOKEN : DEFAULT_TOKEN;
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  const tokens: Token[] = [];
  let previousEnd = 0;
  let atStart = true;
  const push = (start: number, end: number) => {
    const value = source.slice(start, end);
    const gap = source.slice(previousEnd, start);
    const lineBreak = gap.includes("\n");
    const word = IS_WORD.test(value);
    const previous = tokens[tokens.length - 1];
    const beforePrevious = tokens[tokens.length - 2];
    let initial = atStart || lineBreak;
    if (!initial && previous && !previous.word) {
      if (SENTENCE_END.has(previous.text)) {
        // "Mr. Smith", "J. Smith", "Acme Corp. said": the period belongs to an abbreviation.
        const abbreviation =
          previous.text === "." &&
          beforePrevious !== undefined &&
          previous.start === beforePrevious.end &&
          (NON_FINAL_ABBREVIATIONS.has(beforePrevious.lower) || SINGLE_CAPITAL.test(beforePrevious.text));
        initial = !abbreviation;
      } else if (QUOTES.has(previous.text)) {
        initial = true;
      } else if (OPENERS.has(previous.text)) {
        initial = previous.initial;
      }
    }
    tokens.push({
      start: from + start,
      end: from + end,
      text: value,
      lower: value.toLowerCase().replace(/’/g, "'"),
      cap: STARTS_UPPER.test(value),
      upper: HAS_LETTER.test(value) && !HAS_LOWER.test(value),
      word,
      initial,
      lineBreakBefore: lineBreak,
      joinedBefore: tokens.length > 0 && !lineBreak && ONLY_SPACES.test(gap),
      position: tokens.length,
    });
    if (word) atStart = false;
    previousEnd = end;
  };
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const start = match.index;
    const end = start + match[0].length;
    if (language === "en" && end - start > 2 && POSSESSIVE.test(match[0])) {
      push(start, end - 2);
      push(end - 2, end);
    } else {
      push(start, end);
    }
  }
  return tokens;
}

/**
 * A read-only run of tokens (a sentence, a chunk) read by index without stepping past its
 * ends: out-of-range reads give `undefined` (or `""` for the text helpers) instead of needing
 * a non-null assertion. `index` is a movable position for left-to-right scans.
 *
 * ```ts
 * const cursor = new TokenCursor(tokenize("Mr. Smith said"));
 * cursor.lower(1); // "."
 * cursor.lower(9); // ""
 * ```
 */
export class TokenCursor {
  /** The position of a left-to-right scan (see {@link TokenCursor.current}, {@link TokenCursor.advance}). */
  index = 0;

  constructor(readonly tokens: readonly Token[]) {}

  get length(): number {
    return this.tokens.length;
  }

  /** The token at `i`, or `undefined` past either end (`at(-1)` is before the first token: `undefined`). */
  at(i: number): Token | undefined {
    return i < 0 ? undefined : this.tokens[i];
  }

  /** The first token, or `undefined` for an empty run. */
  get first(): Token | undefined {
    return this.tokens[0];
  }

  /** The last token, or `undefined` for an empty run. */
  get last(): Token | undefined {
    return this.tokens[this.tokens.length - 1];
  }

  /** The lower-cased text of the token at `i`, or `""` past either end. */
  lower(i: number): string {
    return (i < 0 ? undefined : this.tokens[i])?.lower ?? "";
  }

  /** The text of the token at `i`, or `""` past either end. */
  text(i: number): string {
    return (i < 0 ? undefined : this.tokens[i])?.text ?? "";
  }

  /** The index of `token` in this run (tokens of one `tokenize` call know their position). */
  indexOf(token: Token): number {
    const first = this.tokens[0];
    return first === undefined ? -1 : token.position - first.position;
  }

  /** Tokens from `start` to `end` (exclusive), as `Array.prototype.slice` (no negative indices). */
  slice(start: number, end = this.tokens.length): Token[] {
    return this.tokens.slice(Math.max(0, start), Math.max(0, end));
  }

  /** The token at the scan position, or `undefined` when the scan is done. */
  get current(): Token | undefined {
    return this.tokens[this.index];
  }

  /** The token `offset` places from the scan position (may be negative), or `undefined` past either end. */
  peek(offset = 1): Token | undefined {
    return this.at(this.index + offset);
  }

  /** Moves the scan position `by` tokens (default one). */
  advance(by = 1): void {
    this.index += by;
  }

  /** True once the scan position is past the last token. */
  get done(): boolean {
    return this.index >= this.tokens.length;
  }
}

/** The text that tokens cover, from the first's start to the last's end (`""` for none). */
export function tokensText(text: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first === undefined || last === undefined ? "" : text.slice(first.start, last.end);
}
