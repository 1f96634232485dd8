import { TokenCursor, tokenize, tokensText } from "@rassegna/core";
import { describe, expect, it } from "vitest";

const words = (text: string, language?: string) => tokenize(text, { language }).map((t) => t.text);

describe("tokenize", () => {
  it("gives true offsets: each token is the text between its start and end", () => {
    const text = "Ça va?  L’ONU e l'«Unione» — 😀 Zoë’s café, 3.5 km.";
    for (const language of ["en", "it", "fr"]) {
      const tokens = tokenize(text, { language });
      expect(tokens.length).toBeGreaterThan(5);
      for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });

  it("keeps offsets into the whole text when it reads only a part of it", () => {
    const text = "First line here.\nSecond Line there.";
    const from = text.indexOf("Second");
    const tokens = tokenize(text, { from, to: text.length - 1 });
    expect(tokens.map((t) => t.text)).toEqual(["Second", "Line", "there"]);
    expect(tokens[0]?.start).toBe(from);
    expect(tokens[0]?.initial).toBe(true);
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2]);
  });

  it("splits Italian elisions but keeps a surname's D' whole", () => {
    expect(words("dell'università di D’Alema", "it")).toEqual(["dell'", "università", "di", "D’Alema"]);
    expect(words("dell'università", "en")).toEqual(["dell'università"]);
  });

  it("splits the English possessive only in English", () => {
    expect(words("Clinton's plan", "en")).toEqual(["Clinton", "'s", "plan"]);
    expect(words("Clinton's plan", "de")).toEqual(["Clinton's", "plan"]);
  });

  it("keeps acronyms with periods and hyphenated words whole", () => {
    expect(words("The U.S. and Sea-Watch met AT&T.")).toEqual(["The", "U.S.", "and", "Sea-Watch", "met", "AT&T", "."]);
  });

  it("marks sentence starts, but not after an abbreviation or an initial", () => {
    const tokens = tokenize("He left. Mr. Smith and J. Doe came.\nThen «They» went");
    const initial = tokens.filter((t) => t.initial && t.word).map((t) => t.text);
    expect(initial).toEqual(["He", "Mr", "Then", "They"]);
  });

  it("tells capitals, words and joins", () => {
    const [nato, comma, rome, paris] = tokenize("NATO, Rome\nParis");
    expect(nato).toMatchObject({ cap: true, upper: true, word: true });
    expect(comma).toMatchObject({ word: false, joinedBefore: true });
    expect(rome).toMatchObject({ cap: true, upper: false, joinedBefore: true, lineBreakBefore: false });
    expect(paris).toMatchObject({ lineBreakBefore: true, joinedBefore: false, initial: true });
    expect(tokenize("L’Aia", { language: "it" })[0]?.lower).toBe("l'");
  });
});

describe("TokenCursor", () => {
  const text = "Ursula von der Leyen spoke";
  const tokens = tokenize(text);

  it("reads by index without stepping past either end", () => {
    const cursor = new TokenCursor(tokens.slice(1, 4));
    expect(cursor.length).toBe(3);
    expect(cursor.lower(0)).toBe("von");
    expect(cursor.lower(7)).toBe("");
    expect(cursor.text(-1)).toBe("");
    expect(cursor.at(-1)).toBeUndefined();
    expect(cursor.at(3)).toBeUndefined();
    expect(cursor.first?.text).toBe("von");
    expect(cursor.last?.text).toBe("Leyen");
    expect(cursor.indexOf(tokens[2]!)).toBe(1);
    expect(tokensText(text, cursor.slice(0, 3))).toBe("von der Leyen");
    expect(tokensText(text, [])).toBe("");
  });

  it("scans left to right", () => {
    const cursor = new TokenCursor(tokens);
    const seen: string[] = [];
    while (!cursor.done) {
      if (cursor.current?.cap && cursor.peek()?.cap === false)
        seen.push(`${cursor.current.text}+${cursor.peek()?.text}`);
      cursor.advance();
    }
    expect(seen).toEqual(["Ursula+von", "Leyen+spoke"]);
    expect(cursor.current).toBeUndefined();
    expect(cursor.peek(-1)?.text).toBe("spoke");
    cursor.index = 0;
    expect(cursor.peek(-1)).toBeUndefined();
  });
});
