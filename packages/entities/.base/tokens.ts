/**
 * Tokens of the rules extractor, with true offsets into the text, and the sentence-start
 * flags the capitalisation rules need.
 */

/** A word or punctuation mark of the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
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
  /** Index of the token in its chunk: positions in a sentence without searching it. */
  position: number;
}

/** Acronyms with periods ("U.S.", "S.p.A."), Italian elisions ("dell'", "l'"), words, marks. */
const ITALIAN_TOKEN =
  /(?:\p{L}{1,4}\.){2,}|(?:\p{Ll}{1,6}|L|Un|Dell|Nell|All|Dall|Sull|Quest|Quell)['’](?=[\p{L}\d])|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*|\S/gu;
const ENGLISH_TOKEN = /(?:\p{L}{1,4}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*|\S/gu;

/** Abbreviations whose period does not end a sentence. */
const NON_FINAL_ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm maj jr sr inc corp co ltd no vs sig sigg dott avv ing on mons arch pres rev mt ft ave etc".split(
    " ",
  ),
);
const SENTENCE_END = new Set([".", "!", "?", ":", ";", "…"]);
const QUOTES = new Set(['"', "“", "«", "‘"]);
const OPENERS = new Set(["(", "[", "-", "–", "—", "•", "*", "'"]);

const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const IS_WORD = /[\p{L}\p{N}]/u;

/**
 * Splits `text` from `from` to `to` into tokens with offsets into `text`. Italian splits
 * elided articles ("dell'università" → "dell'" "università"); English splits the possessive
 * ("Clinton's" → "Clinton" "'s").
 */
export function tokenize(text: string, language: "en" | "it", from = 0, to = text.length): Token[] {
  const pattern = language === "it" ? ITALIAN_TOKEN : ENGLISH_TOKEN;
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
          (NON_FINAL_ABBREVIATIONS.has(beforePrevious.lower) || /^\p{Lu}$/u.test(beforePrevious.text));
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
      lower: value.toLowerCase(),
      cap: STARTS_UPPER.test(value),
      upper: HAS_LETTER.test(value) && !HAS_LOWER.test(value),
      word,
      initial,
      lineBreakBefore: lineBreak,
      joinedBefore: tokens.length > 0 && !lineBreak && /^[ \t\u00a0]*$/.test(gap),
      position: tokens.length,
    });
    if (word) atStart = false;
    previousEnd = end;
  };
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const start = match.index;
    const end = start + match[0].length;
    if (language === "en" && end - start > 2 && /['’]s$/i.test(match[0])) {
      push(start, end - 2);
      push(end - 2, end);
    } else {
      push(start, end);
    }
  }
  return tokens;
}
