import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets, names } from "./helpers.js";

const surfaces = (text: string, language: string) =>
  extractEntities(text, { language }).flatMap((e) => e.mentions.map((m) => m.text));

describe("elided articles and prepositions", () => {
  it("never makes an entity of L’ or l' at a sentence start (typographic or plain apostrophe)", () => {
    for (const text of ["L’accordo tra Parigi e Madrid regge.", "L'accordo tra Parigi e Madrid regge."]) {
      const entities = extractEntities(text, { language: "it" });
      expectTrueOffsets(text, entities);
      expect(names(entities)).toEqual(["Madrid", "Paris"]);
    }
  });

  it("strips elisions from the start of a span: dell’, all’, nell’, sull’, dall’, Un’, D’ before a common word", () => {
    const text =
      "Dell’Unione europea si parla poco. Un’intesa arriva all’Onu, nell’Ucraina orientale e sull’Iran. D’altra parte dall’Egitto nessuna risposta.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(names(entities)).toEqual(["Egypt", "European Union", "Iran", "Ukraine", "United Nations"]);
    for (const mention of entities.flatMap((e) => e.mentions)) expect(mention.text).not.toMatch(/['’]/);
  });

  it("keeps a surname with D’ and joins names across a typographic apostrophe", () => {
    const text = "Ieri Massimo D’Alema ha visitato il Ministero dell’Economia e la Banca d’Italia.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    // Names are written with plain apostrophes; mentions keep the text as it is.
    expect(entityNamed(entities, "Massimo D'Alema").mentions.map((m) => m.text)).toEqual(["Massimo D’Alema"]);
    expect(entityNamed(entities, "Ministry of Economy and Finance (Italy)").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Bank of Italy").mentions.map((m) => m.text)).toEqual(["Banca d’Italia"]);
  });

  it("merges a surname written with either apostrophe", () => {
    const text = "Parla Massimo D'Alema. Poi D’Alema torna a Roma.";
    const person = entityNamed(extractEntities(text, { language: "it" }), "Massimo D'Alema");
    expect(person.mentions.map((m) => m.text)).toEqual(["Massimo D'Alema", "D’Alema"]);
  });

  it("does not take an elided Italian word left in English text for a name", () => {
    expect(surfaces("The so-called L’intesa between Rome and Berlin held.", "en")).toEqual(["Rome", "Berlin"]);
  });
});

describe("capitalised common nouns", () => {
  it("are not entities alone in Italian (Paesi, Paese, Stato, Governo, Regione)", () => {
    const text =
      "I Paesi del G7 hanno discusso. Il Paese vive una crisi, ha ammesso il Governo. Lo Stato pagherà e la Regione anche.";
    const found = surfaces(text, "it");
    for (const word of ["Paesi", "Paese", "Governo", "Stato", "Regione"]) expect(found).not.toContain(word);
  });

  it("are not entities alone in English (Countries, State, Government)", () => {
    const text = "Countries like Spain voted no. The State will pay, and the Government agreed with the Nations.";
    expect(surfaces(text, "en")).toEqual(["Spain"]);
  });

  it("still head names with a name after them, and known wholes stay", () => {
    const text =
      "La Regione Toscana e lo Stato Islamico. Il governo dei Paesi Bassi e gli Stati Uniti. I Paesi Nato si riuniscono.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Regione Toscana").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Islamic State").mentions.map((m) => m.text)).toEqual(["Stato Islamico"]);
    expect(entityNamed(entities, "Netherlands").mentions.map((m) => m.text)).toEqual(["Paesi Bassi"]);
    expect(entityNamed(entities, "United States").mentions.map((m) => m.text)).toEqual(["Stati Uniti"]);
    // "Paesi Nato": the plural qualifies the alliance; the name is NATO's alone.
    expect(entityNamed(entities, "NATO").mentions.map((m) => m.text)).toEqual(["Nato"]);
    expect(entities.flatMap((e) => e.mentions).some((m) => m.text.startsWith("governo d"))).toBe(false);
  });
});

describe("designations of weapons and products", () => {
  it("drops names with a short code after a hyphen, keeps hyphenated places and firms", () => {
    const text =
      "Mosca ha schierato i missili Iskander-M e i caccia Su-57 vicino a Kaliningrad. La Hewlett-Packard e la Coca-Cola restano in Bosnia-Erzegovina.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    const found = entities.flatMap((e) => e.mentions.map((m) => m.text));
    expect(found).not.toContain("Iskander-M");
    expect(found).not.toContain("Su-57");
    expect(found).toEqual(expect.arrayContaining(["Mosca", "Kaliningrad", "Hewlett-Packard", "Coca-Cola"]));
    const english = surfaces("Washington will sell F-35 jets and S-400 batteries worry NATO.", "en");
    expect(english).not.toContain("F-35");
    expect(english).toEqual(expect.arrayContaining(["Washington", "NATO"]));
  });
});
