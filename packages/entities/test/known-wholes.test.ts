import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets, names } from "./helpers.js";

// Sentences written for this test.
describe("known multi-word names after an elided article or preposition", () => {
  it("are taken whole, without the elided word ('dell'…', 'all'…', 'l'…')", () => {
    const text =
      "Il presidente dell'Associazione nazionale magistrati ha scritto una lettera. Gli esperti dell'Agenzia internazionale per l'energia atomica partono domani, e l'Organizzazione internazionale per le migrazioni chiede fondi.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(names(entities)).toEqual([
      "International Atomic Energy Agency",
      "International Organization for Migration",
      "National Association of Magistrates",
    ]);
    expect(entityNamed(entities, "National Association of Magistrates").mentions.map((m) => m.text)).toEqual([
      "Associazione nazionale magistrati",
    ]);
    // A name that itself starts with an elision is still read whole.
    expect(names(extractEntities("Ieri Fratelli d'Italia ha votato.", { language: "it" }))).toEqual([
      "Brothers of Italy",
    ]);
  });
});

// Sentences written for this test.
describe("a body the gazetteer knows by several words", () => {
  it("takes no lower-case complement after it ('l'Unione europea di nuovi dazi')", () => {
    const text = "Il presidente ha minacciato l'Unione europea di nuovi dazi, mentre la Camera dei deputati votava.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "European Union").mentions.map((m) => m.text)).toEqual(["Unione europea"]);
    // An institution named by its head still keeps its complement.
    expect(entities.flatMap((e) => e.mentions.map((m) => m.text))).toContain("Camera dei deputati");
  });
});

// Sentences written for this test.
describe("a known alias that starts in lower case", () => {
  it("is read as the gazetteer writes it ('von der Leyen' without her first name)", () => {
    const text = "Ieri von der Leyen ha incontrato i sindaci a Lisbona.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(names(entities)).toEqual(["Lisbon", "Ursula von der Leyen"]);
  });
});
