import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets, names } from "./helpers.js";

describe("Italian rules", () => {
  it("gives canonical English names to known places and people", () => {
    const text =
      "Il presidente cinese Xi Jinping ha incontrato a Pechino il ministro degli Esteri russo. Xi ha detto che gli Usa e gli Stati Uniti d'America sono la stessa cosa.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Beijing").mentions.map((m) => m.text)).toEqual(["Pechino"]);
    expect(entityNamed(entities, "Xi Jinping").mentions.map((m) => m.text)).toEqual(["Xi Jinping", "Xi"]);
    expect(entityNamed(entities, "United States").mentions.map((m) => m.text)).toEqual([
      "Usa",
      "Stati Uniti d'America",
    ]);
    // "Esteri" is the minister's portfolio, not a place.
    expect(names(entities)).toEqual(["Beijing", "United States", "Xi Jinping"]);
  });

  it("does not read 'che' or sentence-initial words as people", () => {
    const text = "Che cosa succede? Ieri il ministro ha detto che la riforma passa. Secondo gli esperti, Oggi è tardi.";
    expect(extractEntities(text, { language: "it" })).toEqual([]);
  });

  it("reads organisation cues, titles and elisions", () => {
    const text =
      "Secondo il sig. Mario Rossi, che lavora al Ministero dell'Economia, la Banca d'Italia e l'Università di Bologna hanno firmato. Rossi ha aggiunto che Enel S.p.A. investirà a Milano.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Mario Rossi").mentions.map((m) => m.text)).toEqual(["Mario Rossi", "Rossi"]);
    expect(entityNamed(entities, "Ministry of Economy and Finance (Italy)").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Bank of Italy").mentions[0]?.text).toBe("Banca d'Italia");
    expect(entityNamed(entities, "Università di Bologna").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Enel S.p.A.").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Milan").mentions[0]?.text).toBe("Milano");
  });

  it("takes a capitalised word at a sentence start when it is a name elsewhere", () => {
    const text = "Brambilla ha vinto. La gara di Brambilla è stata lunga.";
    const entities = extractEntities(text, { language: "it" });
    expect(entityNamed(entities, "Brambilla").mentions).toHaveLength(2);
  });

  it("accepts ISO 639-3 and regional codes", () => {
    const text = "Il dott. Luca Bianchi vive a Torino.";
    expect(names(extractEntities(text, { language: "ita" }))).toEqual(["Luca Bianchi", "Turin"]);
    expect(names(extractEntities(text, { language: "it-IT" }))).toEqual(["Luca Bianchi", "Turin"]);
  });
});

describe("Italian spans", () => {
  const spans = (text: string) =>
    extractEntities(text, { language: "it" }).flatMap((e) => e.mentions.map((m) => [m.text, e.type]));

  it("keeps a saint's name whole, not a place and a person, with the church it names (as KIND spans it)", () => {
    expect(spans("La messa nella chiesa di San Lorenzo Martire è finita.")).toEqual([
      ["chiesa di San Lorenzo Martire", "LOCATION"],
    ]);
  });

  it("joins a compass point after del into the place", () => {
    expect(spans("La crisi in Carinzia del Nord continua.")).toEqual([["Carinzia del Nord", "LOCATION"]]);
  });

  it("reads a title-case acronym that is also an Italian word as that word before a preposition", () => {
    expect(spans("Nato a Torino nel 1950, ha lavorato alla Nato.")).toEqual([
      ["Torino", "LOCATION"],
      ["Nato", "ORGANIZATION"],
    ]);
  });

  it("keeps the adjectives of an institution and cuts the title capo", () => {
    const found = spans("La Corte costituzionale ha deciso. Il Capo della Protezione civile Marco Bellini è arrivato.");
    expect(found).toContainEqual(["Corte costituzionale", "ORGANIZATION"]);
    expect(found).toContainEqual(["Marco Bellini", "PERSON"]);
    expect(found.some(([text]) => text?.startsWith("Capo"))).toBe(false);
  });
});
