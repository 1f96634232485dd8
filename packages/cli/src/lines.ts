/**
 * JSON Lines read safely: lines split on the bytes (a line over the size limit is skipped
 * without ever being held in memory), decoded as strict UTF-8 (invalid UTF-8 and binary
 * data are told apart), and checked for nesting depth before anyone parses them.
 */
import { type ArticleLimits, checkJsonLine, DEFAULT_ARTICLE_LIMITS, type InputProblem } from "@rassegna/core";

/** One line of input: its text, or why it cannot be read. */
export type LineItem =
  | { number: number; line: string; problem?: undefined }
  | { number: number; problem: InputProblem };

const NEWLINE = 0x0a;

/** Share of control bytes (other than tab, newline, carriage return, form feed) over which bytes are binary. */
function looksBinaryBytes(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) controls++;
  }
  return controls >= 3 && controls / bytes.length > 0.01;
}

/** The first byte at which `bytes` stops being UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes bytes as UTF-8, strictly. Binary data and text in another encoding (Latin-1,
 * Windows-1252: "città" as `63 69 74 74 E0`) get different messages, each with the fix.
 */
export function decodeUtf8(bytes: Uint8Array, where: string): { text: string } | { problem: InputProblem } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    if (looksBinaryBytes(bytes)) {
      return {
        problem: {
          code: "INVALID_INPUT",
          message: `${where} is binary data (NUL or control bytes), not text: leave binary files out of the input.`,
        },
      };
    }
    const at = firstInvalidByte(bytes);
    const byte = at >= 0 ? bytes[at]! : 0;
    const latin1 = byte >= 0xa0 ? new TextDecoder("latin1").decode(bytes.subarray(at, at + 1)) : "";
    return {
      problem: {
        code: "INVALID_INPUT",
        message: `${where} is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at offset ${at}${latin1 ? `, "${latin1}" in Latin-1` : ""}): it looks like Latin-1 or Windows-1252 text. Convert it to UTF-8 first, e.g. \`iconv -f windows-1252 -t utf-8\`.`,
      },
    };
  }
}

/**
 * The lines of a byte stream, numbered from 1, each checked: size (skipped unread past
 * `maxLineBytes`), encoding (strict UTF-8), JSON nesting depth (before parsing). A bad line
 * is one item with a problem; the next lines go on. Empty lines are left out.
 */
export async function* checkedJsonLines(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  limits: Pick<ArticleLimits, "maxDepth" | "maxLineBytes"> = DEFAULT_ARTICLE_LIMITS,
): AsyncGenerator<LineItem> {
  let parts: Uint8Array[] = [];
  let size = 0;
  /** Bytes of an over-long line seen so far (its bytes are dropped as they come). */
  let skipped = -1;
  let number = 0;

  function* finish(tail: Uint8Array): Generator<LineItem> {
    number++;
    const where = `${name} line ${number}`;
    if (skipped < 0 && size + tail.length > limits.maxLineBytes) skipped = size;
    if (skipped >= 0) {
      const bytes = skipped + tail.length;
      parts = [];
      size = 0;
      skipped = -1;
      yield {
        number,
        problem: {
          code: "INPUT_TOO_LARGE",
          message: `${where} is ${bytes} bytes long, over the limit of ${limits.maxLineBytes}: it was skipped without being read. Split the article, or raise maxLineBytes.`,
        },
      };
      return;
    }
    let bytes: Uint8Array = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    parts = [];
    size = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.length === 0) return;
    const decoded = decodeUtf8(bytes, where);
    if ("problem" in decoded) {
      yield { number, problem: decoded.problem };
      return;
    }
    if (decoded.text.trim() === "") return;
    const problem = checkJsonLine(decoded.text, where, limits, bytes.length);
    yield problem ? { number, problem } : { number, line: decoded.text };
  }

  for await (const chunk of input) {
    let bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE)) {
      yield* finish(bytes.subarray(0, at));
      bytes = bytes.subarray(at + 1);
    }
    if (bytes.length === 0) continue;
    if (skipped >= 0) {
      skipped += bytes.length;
    } else if (size + bytes.length > limits.maxLineBytes) {
      skipped = size + bytes.length;
      parts = [];
      size = 0;
    } else {
      parts.push(bytes);
      size += bytes.length;
    }
  }
  if (skipped >= 0 || size > 0) yield* finish(new Uint8Array(0));
}
