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

/** A TextDecoder for a label, or `undefined` when the label names no encoding TextDecoder knows. */
function decoderFor(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
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
  return { text: new TextDecoder("windows-1252").decode(bytes), charset: "windows-1252" };
}
