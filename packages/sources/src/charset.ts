import { analyse } from "chardet";
import iconv from "iconv-lite";

/** The bytes of a page or feed as text, and the character set that decoded them. */
export interface Decoded {
  text: string;
  /** The WHATWG encoding name used, e.g. `"utf-8"`, `"windows-1252"`. */
  charset: string;
}

const SNIFF_BYTES = 4096;

/** The `charset` parameter of a Content-Type header value. */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return match?.[1]?.toLowerCase();
}

/** The encoding a document declares in its first bytes: `<meta charset>`, `http-equiv`, or `<?xml encoding>`. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, SNIFF_BYTES));
  const patterns = [/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i, /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i];
  for (const pattern of patterns) {
    const match = pattern.exec(head);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return undefined;
}

/**
 * A decoder for a label (any WHATWG label: "latin1", "iso-8859-1", "cp1252"…), or `undefined`
 * when the label names no encoding. UTF-8 and UTF-16 decode with TextDecoder (`fatal`: invalid
 * bytes throw); legacy encodings with iconv-lite, because Node 20's TextDecoder reads
 * windows-1252 as Latin-1 and turns its curly quotes, dashes and euro sign (bytes 0x80–0x9F)
 * into invisible control characters.
 */
function decoderFor(
  label: string,
  fatal: boolean,
): { encoding: string; decode(bytes: Uint8Array): string } | undefined {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  if (encoding.startsWith("utf-") || !iconv.encodingExists(encoding)) return new TextDecoder(encoding, { fatal });
  return {
    encoding,
    decode: (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding),
  };
}

/**
 * Decodes a page or feed: a byte-order mark wins; bytes that are valid UTF-8 with non-ASCII
 * characters are UTF-8; otherwise the Content-Type header's charset,
 * then what the document declares (`<meta charset>`, `<?xml encoding?>`), then UTF-8. A
 * declared UTF-8 that the bytes are not (a server that says UTF-8 and sends Latin-1) falls
 * back to the document's own declaration, then to windows-1252, so that "città" is not
 * "citt\uFFFD". Legacy encodings (windows-1252, ISO-8859-x, Shift_JIS, KOI8-R…) come from
 * TextDecoder.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), charset: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes), charset: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes), charset: "utf-16be" };
  // Bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever the label says
  // (legacy text almost never forms valid UTF-8 by chance): "cittÃ " is a mislabelled page.
  if (bytes.some((byte) => byte >= 0x80)) {
    const utf8 = decoderFor("utf-8", true);
    try {
      if (utf8) return { text: utf8.decode(bytes), charset: "utf-8" };
    } catch {
      // Not UTF-8: the labels decide.
    }
  }
  const candidates = [charsetOfContentType(contentType), declaredCharset(bytes), "utf-8"];
  for (const label of candidates) {
    if (label === undefined) continue;
    const decoder = decoderFor(label, true);
    if (decoder === undefined) continue;
    try {
      return { text: decoder.decode(bytes), charset: decoder.encoding };
    } catch {
      // Not that encoding after all (only UTF-8 and a few multi-byte ones can fail): next.
    }
  }
  return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), charset: "windows-1252" };
}

/** A text file's bytes as text: decoded, or why they cannot be. */
export type DecodedText = (Decoded & { detected?: { confidence: number } }) | { error: string };

/** Chardet's confidence (0–100) from which its guess is taken. */
const MIN_CONFIDENCE = 25;
/** Bytes that windows-1252 leaves undefined: text with them is not windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decodes a plain text file, which declares no encoding: UTF-8 (or a byte-order mark) as it
 * is; otherwise the legacy encoding chardet detects (windows-1252 and ISO-8859-x, windows-125x,
 * KOI8-R, Shift_JIS, GB18030, EUC-KR, Big5…), marked `detected` so that the caller warns; a
 * short text chardet cannot tell is read as windows-1252 (the usual legacy encoding of Western
 * European newsrooms) when its bytes allow it, and otherwise is an error, never mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (bom || !bytes.some((byte) => byte >= 0x80)) return decodeBytes(bytes, "text/plain; charset=utf-8");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), charset: "utf-8" };
  } catch {
    // Not UTF-8: a legacy encoding, to be told from the bytes.
  }
  // Binary data (NUL bytes) is left to the input check, which says "binary".
  if (bytes.includes(0)) return decodeBytes(bytes, "text/plain; charset=utf-8");
  const guesses = analyse(bytes).filter((guess) => !/^(utf-8|ascii)$/i.test(guess.name));
  const best = guesses[0];
  if (best !== undefined && best.confidence >= MIN_CONFIDENCE) {
    // ISO-8859-1 is read as its superset windows-1252, as browsers do.
    const decoder = decoderFor(/^iso-8859-1$/i.test(best.name) ? "windows-1252" : best.name, false);
    if (decoder)
      return { text: decoder.decode(bytes), charset: decoder.encoding, detected: { confidence: best.confidence } };
  }
  if (!bytes.some((byte) => UNDEFINED_IN_1252.has(byte))) {
    return {
      text: iconv.decode(Buffer.from(bytes), "windows-1252"),
      charset: "windows-1252",
      detected: { confidence: best?.confidence ?? 0 },
    };
  }
  return {
    error: `it is not UTF-8, and its encoding cannot be told (${best ? `at best ${best.name}, ${best.confidence}% sure` : "no guess"}). Convert it to UTF-8 first, e.g. \`iconv -f windows-1252 -t utf-8\` with the file's real encoding.`,
  };
}
