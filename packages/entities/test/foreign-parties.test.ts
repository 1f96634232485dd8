import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets, names } from "./helpers.js";

// Sentences written for this test: parties of other countries, named as news in Italian and English names them.
describe("main political parties of other countries", () => {
  it("get their English names, in Italian and in English text", () => {
    const it = "A Madrid il Partido Popular ha chiesto un voto, e a Seul il Partito del potere popolare ha risposto.";
    const itEntities = extractEntities(it, { language: "it" });
    expectTrueOffsets(it, itEntities);
    expect(names(itEntities)).toEqual(
      expect.arrayContaining(["People Power Party (South Korea)", "People's Party (Spain)"]),
    );
    const en = "The conservative People Power Party and the BJP both voted against the bill.";
    expect(names(extractEntities(en, { language: "en" }))).toEqual([
      "Bharatiya Janata Party",
      "People Power Party (South Korea)",
    ]);
  });
});
