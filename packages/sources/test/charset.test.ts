import { describe, expect, it } from "vitest";

import { decodeBytes } from "../src/index.js";

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
