import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { decodeBytes, decodeText } from "../src/index.js";

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeBytes", () => {
  it("decodes by the header's charset, then by the document's own declaration", () => {
    expect(decodeBytes(latin1("Perché la città?"), "text/html; charset=ISO-8859-1")).toEqual({
      text: "Perché la città?",
      charset: "windows-1252",
    });
    const page = latin1('<html><head><meta charset="windows-1252"></head><body>Così è</body></html>');
    expect(decodeBytes(page, "text/html").text).toContain("Così è");
    const feed = latin1('<?xml version="1.0" encoding="iso-8859-15"?><rss>€ più</rss>'.replace("€", "\u00a4"));
    expect(decodeBytes(feed, null).text).toContain("€ più");
  });

  it("survives a wrong label both ways: UTF-8 sent as Latin-1, Latin-1 sent as UTF-8", () => {
    expect(decodeBytes(utf8("Università di Trieste"), "text/html; charset=iso-8859-1").text).toBe(
      "Università di Trieste",
    );
    expect(decodeBytes(latin1("Università di Trieste"), "text/html; charset=utf-8").text).toBe("Università di Trieste");
  });

  it("follows a byte-order mark over any label, and ignores an unknown label", () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("già")]), "text/plain; charset=latin1").text).toBe(
      "già",
    );
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x67, 0, 0xe0, 0]), null).text).toBe("gà");
    expect(decodeBytes(latin1("perché"), "text/html; charset=x-no-such-thing").text).toBe("perché");
  });
});

describe("decodeText (plain text files, which declare no encoding)", () => {
  const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

  it("reads UTF-8 as it is, with nothing to say", () => {
    expect(decodeText(utf8("Il sindaco di Borgoverde è partito."))).toEqual({
      text: "Il sindaco di Borgoverde è partito.",
      charset: "utf-8",
    });
  });

  it("reads windows-1252 with its curly quotes, dashes and euro sign, and marks it as detected", () => {
    const text = "Il sindaco di Borgoverde “ha detto” che l’accordo – costato 5 € – è più caro.";
    const decoded = decodeText(encode(text, "windows-1252"));
    expect(decoded).toMatchObject({ text, charset: "windows-1252", detected: {} });
  });

  it("tells other legacy encodings from the bytes (Cyrillic in windows-1251)", () => {
    const text = "Президент Фредонии заявил сегодня, что переговоры с Сильванией продолжатся на следующей неделе.";
    expect(decodeText(encode(text, "windows-1251"))).toMatchObject({ text, charset: "windows-1251" });
  });

  it("refuses bytes it cannot read as any encoding rather than guess", () => {
    const bytes = Uint8Array.from([0x41, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x81, 0x8d]);
    const decoded = decodeText(bytes);
    expect("error" in decoded && decoded.error).toMatch(/not UTF-8, and its encoding cannot be told.*iconv/);
  });
});

describe("decodeBytes on windows-1252 pages", () => {
  it("keeps the characters of bytes 0x80–0x9F (Node's own decoder turns them into control characters)", () => {
    const page = encode1252('<html><head><meta charset="windows-1252"></head><body>“Sì” – 10 €</body></html>');
    expect(decodeBytes(page, "text/html").text).toContain("“Sì” – 10 €");
  });
});

function encode1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "windows-1252"));
}
