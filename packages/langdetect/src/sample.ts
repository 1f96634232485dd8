/**
 * What detection reads of a text. Pages copied from the web carry menus, by-lines, time stamps and
 * share lines ("World | Politics | Sport", "Updated 14:05 GMT", "By the Reuters staff", "Share |
 * Email"), often in another language than the article. They come as short blocks: lines, or cells
 * between bars and wide gaps. When a text has enough prose (blocks of several words), only the prose
 * is read; otherwise (a headline, a short note) all of it is.
 */

/** Characters of a long text that detection reads. */
export const SAMPLE_LENGTH = 4096;

/** Words a block needs to count as prose. */
const PROSE_WORDS = 5;
/** Letters of prose a text needs before its short blocks are left out. */
const PROSE_LETTERS = 40;

/** Line breaks, bars and bullets between spaces, tabs and runs of three spaces separate blocks. */
const BLOCK_BREAK = /\r?\n|\r|\s[|•·]\s|\t|\s{3,}/;
const WORD = /[\p{L}\p{M}]{2,}/gu;
const LETTER = /\p{L}/gu;

/** The first {@link SAMPLE_LENGTH} characters of a text, cut at a space so no word is split. */
export function cutSample(text: string): string {
  if (text.length <= SAMPLE_LENGTH) return text;
  const cut = text.lastIndexOf(" ", SAMPLE_LENGTH);
  return text.slice(0, cut > SAMPLE_LENGTH / 2 ? cut : SAMPLE_LENGTH);
}

/**
 * The part of a text detection reads: its prose blocks (when they hold at least
 * {@link PROSE_LETTERS} letters) joined by line breaks, else the whole text; at most
 * {@link SAMPLE_LENGTH} characters.
 */
export function sampleOf(text: string): string {
  // A single line with no bars or gaps is one block: nothing to leave out.
  if (!BLOCK_BREAK.test(text)) return cutSample(text);
  const prose: string[] = [];
  let letters = 0;
  let length = 0;
  for (const block of text.split(BLOCK_BREAK)) {
    if (length > SAMPLE_LENGTH) break;
    const words = block.match(WORD)?.length ?? 0;
    if (words < PROSE_WORDS) continue;
    prose.push(block.trim());
    length += block.length + 1;
    letters += block.match(LETTER)?.length ?? 0;
  }
  return cutSample(letters >= PROSE_LETTERS ? prose.join("\n") : text);
}
