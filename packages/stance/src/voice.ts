/**
 * Whose voice an article is written in: does the author take sides (an editorial, a
 * comment), or report what others say (wire copy, a news page, a headline)? Only the first
 * has a stance of its own worth reporting; in wire copy, the evaluative words near a name are
 * the words of the people quoted or of the events, not the author's view.
 *
 * Read without a model from signs any news reader knows: a dateline ("ROMA, 16 ott –",
 * "KYIV, March 4 —") opens wire copy; the author's own voice shows in the first person, in
 * judgements ("ha ragione", "is wrong", "merita"), in what ought to be done ("bisogna",
 * "should") and in questions, outside quotation marks.
 */
import { VOICE_MARKERS } from "./voice-words.js";

/** What the voice reader saw. */
export interface Voice {
  /** True when the author takes sides in their own voice. */
  opinion: boolean;
  /** A dateline opens a paragraph in the first part of the text. */
  dateline: boolean;
  /** Words of the text outside quotations. */
  words: number;
  /** Signs of the author's voice outside quotations. */
  markers: number;
}

/**
 * "ROMA, 16 ott –", "CITTÀ DEL VATICANO, 24 feb –", "BRASÍLIA —", "WASHINGTON (Reuters) -":
 * a place in capitals at the start of a line, then a date or a dash.
 */
const DATELINE =
  /(?:^|\n)[ \t]*\p{Lu}[\p{Lu}\p{M}'’. -]{2,40}(?:,[^\n–—-]{1,30})?(?:\([^)\n]{1,30}\))?[ \t]*[–—-][ \t]/u;

/** How far into the text a dateline is looked for (a web page puts menus and by-lines first). */
const DATELINE_REACH = 2000;

/** Fewer words than this: a headline or a caption, too short to argue a case. */
const MIN_WORDS = 80;

/** Signs of the author's voice per hundred words that make a text an opinion piece. */
const MIN_DENSITY = 2;
const MIN_MARKERS = 5;

/** The text with quotations blanked out (same length): what the author writes in their own voice. */
export function outsideQuotes(text: string): string {
  return text.replace(/«[^»]*»|“[^”]*”|"[^"\n]*"|„[^“”\n]*[“”]/gu, (quoted) => " ".repeat(quoted.length));
}

/** Reads whose voice the text is written in. */
export function readVoice(text: string): Voice {
  const dateline = DATELINE.test(text.slice(0, DATELINE_REACH));
  // "US" is the United States, not the pronoun.
  const own = outsideQuotes(text).replace(/\bU\.?S\.?(?![\p{L}])/gu, "  ");
  const folded = own
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’`]/g, "'")
    .toLowerCase();
  const words = folded.match(/\p{L}+/gu)?.length ?? 0;
  let markers = 0;
  for (const pattern of VOICE_MARKERS) markers += folded.match(pattern)?.length ?? 0;
  // A question the author asks (not a quoted one).
  markers += own.match(/\?/g)?.length ?? 0;
  const opinion =
    !dateline && words >= MIN_WORDS && markers >= MIN_MARKERS && (markers * 100) / Math.max(words, 1) >= MIN_DENSITY;
  return { opinion, dateline, words, markers };
}
