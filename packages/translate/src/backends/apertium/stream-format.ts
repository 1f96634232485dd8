/**
 * Apertium's stream format, for plain text lines: what `apertium-destxt` and `apertium-retxt`
 * do, done here so that the long-lived chains need no deformatter (which does not pass the NUL
 * of null-flush mode through). Reserved characters are escaped with a backslash; the line
 * break between lines travels as a superblank (`[\n]`), which every program passes through.
 */

/** Characters the stream format reserves: escaped in text given to Apertium. */
const RESERVED = /[[\]^$/\\@*<>{}~]/g;

/** A line of text as stream-format text: reserved characters escaped, spaces collapsed. */
export function escapeStream(line: string): string {
  return line.replace(/\s+/g, " ").replace(RESERVED, (c) => `\\${c}`);
}

/**
 * Lines as one stream-format text, a superblank holding the line break after each line
 * (the last one too: in null-flush mode, lt-proc holds back a last word that no blank
 * follows, and the chain stalls on it).
 */
export function linesToStream(lines: readonly string[]): string {
  return lines.map((line) => `${escapeStream(line)}[\n]`).join("");
}

/**
 * Stream-format text back to plain text (what `apertium-retxt` does): escapes undone,
 * superblanks replaced by what they hold, word-bound blanks (`[[…]]`) dropped.
 */
export function streamToText(stream: string): string {
  let out = "";
  let i = 0;
  while (i < stream.length) {
    const c = stream[i] as string;
    if (c === "\\" && i + 1 < stream.length) {
      out += stream[i + 1];
      i += 2;
    } else if (c === "[" && stream[i + 1] === "[") {
      // A word-bound blank: up to the closing "]]".
      const end = stream.indexOf("]]", i + 2);
      i = end < 0 ? stream.length : end + 2;
    } else if (c === "[") {
      i++;
      while (i < stream.length && stream[i] !== "]") {
        if (stream[i] === "\\" && i + 1 < stream.length) i++;
        out += stream[i];
        i++;
      }
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
