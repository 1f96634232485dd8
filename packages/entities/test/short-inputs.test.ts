/**
 * Headlines, captions and one-line feed items: what a single line says of its names, without
 * the rest of an article (#13).
 */
import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets } from "./helpers.js";

/** Mention text → type of one line. */
function line(text: string): Record<string, string> {
  const entities = extractEntities(text, { language: "en" });
  expectTrueOffsets(text, entities);
  return Object.fromEntries(entities.flatMap((e) => e.mentions.map((m) => [m.text, e.type])));
}

describe("one line alone", () => {
  it("reads a headline in capitals as if in sentence case: a surname is a person", () => {
    expect(line("BOXING - JOHNSON DEFENDS HIS TITLE IN LONDON .")).toEqual({ JOHNSON: "PERSON", LONDON: "LOCATION" });
  });

  it("takes no common word of a headline in capitals for a name", () => {
    expect(line("MARKETS SINK AS RATES JUMP ON STRONG DATA")).toEqual({});
  });

  it("reads towns on a results line as the sides, but a town after 'in' as the place", () => {
    expect(line("Texas 5 Cleveland 3")).toEqual({ Texas: "ORGANIZATION", Cleveland: "ORGANIZATION" });
    expect(line("The hosts edged Austria in Salzburg 3-2.").Salzburg).toBe("LOCATION");
  });

  it("reads a town before a sports role as its club", () => {
    expect(line("Norwich striker Keith Brand scored twice.")).toEqual({
      Norwich: "ORGANIZATION",
      "Keith Brand": "PERSON",
    });
  });

  it("reads an unknown name as a person where only a person can be", () => {
    expect(line('"We will win," said Welbeck.')).toEqual({ Welbeck: "PERSON" });
    expect(line("Sletten, who has lived there for years, left.")).toEqual({ Sletten: "PERSON" });
    expect(line("Hallgren met the press on Monday.")).toEqual({ Hallgren: "PERSON" });
  });
});

describe("a capital at the start of a line alone", () => {
  it("takes a word English hardly writes for a name, even with a common word's ending", () => {
    expect(line("Voreling told reporters the deal was close.")).toEqual({ Voreling: "PERSON" });
  });

  it("takes a word English writes in lower case for a common word, even one compromise does not know", () => {
    expect(line("Drizzle fell over the city all morning.")).toEqual({});
  });
});

describe("a sports line alone", () => {
  it("reads towns as the sides where the line is about a match, and as people or places where it is not", () => {
    expect(line("Ashford beat Dunmere in the cup final on Saturday.")).toEqual({
      Ashford: "ORGANIZATION",
      Dunmere: "ORGANIZATION",
    });
    expect(line("Ashford and Dunmere signed a trade agreement on Saturday.").Ashford).not.toBe("ORGANIZATION");
  });
});

describe("a sentence adverb at the start of a quotation", () => {
  it("is no name, though subtitles start their lines with it", () => {
    expect(line('" Unfortunately , the plant is too small , " the manager said.')).toEqual({});
  });
});

describe("a surname that is also a common word, with no first name in the text", () => {
  it("is a person where what follows says so: a speech verb, a possessive, an age", () => {
    expect(line("Talks stalled after Green said the offer was too low.")).toEqual({ Green: "PERSON" });
    expect(line("Shares fell after Green's remarks.")).toEqual({ Green: "PERSON" });
    expect(line("Prices rose , and Green , 52 , was blamed.")).toEqual({ Green: "PERSON" });
  });

  it("is no name at a sentence start", () => {
    expect(line("Green fields surround the town.")).toEqual({});
  });
});

describe("two unknown capitalised words", () => {
  it("name a body, not a person, after 'the' or before a word English writes in lower case", () => {
    expect(line("Fans of the Varden Tromsky gathered outside.")).toEqual({ "Varden Tromsky": "ORGANIZATION" });
    expect(line("Kelso Fabrics said profits rose.")).toEqual({ "Kelso Fabrics": "ORGANIZATION" });
    expect(line("Kelso Varden said profits rose.")).toEqual({ "Kelso Varden": "PERSON" });
  });
});

describe("a cricket scorecard line alone, as CoNLL-2003 reads it", () => {
  it("reads the players named by dismissals and bowling figures as people", () => {
    const types = (text: string) =>
      Object.fromEntries(extractEntities(text, { language: "en", corpus: "conll" }).map((e) => [e.name, e.type]));
    expect(types("Tendell c Barrow b Quintock 33")).toEqual({
      Tendell: "PERSON",
      Barrow: "PERSON",
      Quintock: "PERSON",
    });
    expect(types("Pellow 10-1-41-2 , Quintock 8-0-37-1")).toEqual({ Pellow: "PERSON", Quintock: "PERSON" });
  });
});
