import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets } from "./helpers.js";

const typeOf = (text: string, name: string) => entityNamed(extractEntities(text, { language: "en" }), name).type;

describe("organisation cues from context (names no gazetteer knows)", () => {
  it("reads a company from what follows its name", () => {
    expect(typeOf("Brontavo said it would cut prices in the autumn.", "Brontavo")).toBe("ORGANIZATION");
    expect(typeOf("Analysts expect Brontavo shareholders to approve the plan.", "Brontavo")).toBe("ORGANIZATION");
    expect(typeOf("Yesterday Brontavo CEO Anna Reed resigned.", "Brontavo")).toBe("ORGANIZATION");
    expect(typeOf("Investors watched Brontavo 's shares fall.", "Brontavo")).toBe("ORGANIZATION");
  });

  it("reads a company from a noun before it or an apposition after it", () => {
    expect(typeOf("The news agency Veltrana reported the fire.", "Veltrana")).toBe("ORGANIZATION");
    expect(typeOf("Profits rose at Veltrana, the largest regional carrier.", "Veltrana")).toBe("ORGANIZATION");
    expect(typeOf("He met Veltrana, which makes pumps.", "Veltrana")).toBe("ORGANIZATION");
  });

  it("types every mention of the name by the cue, and leaves people alone", () => {
    const text = "Veltrana reported a loss. Later Veltrana said it would sell a unit. Jane Morrow said it was over.";
    const entities = extractEntities(text, { language: "en" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Veltrana").mentions).toHaveLength(2);
    expect(entityNamed(entities, "Veltrana").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Jane Morrow").type).toBe("PERSON");
  });

  it("does not take the organisation of an apposition's inner name for the name before it", () => {
    const text = "Police detained Li Qiang, the Paris-based rights group Free Voices said.";
    expect(entityNamed(extractEntities(text, { language: "en" }), "Li Qiang").type).toBe("PERSON");
  });
});

describe("short forms of people named in full", () => {
  it("reads a lone word as the person whose surname it is, even when it is also a city", () => {
    const text = "Tennis player Paul Washington won in straight sets. Washington said he felt strong.";
    const entities = extractEntities(text, { language: "en" });
    const person = entityNamed(entities, "Paul Washington");
    expect(person.type).toBe("PERSON");
    expect(person.mentions.map((m) => m.text)).toEqual(["Paul Washington", "Washington"]);
  });
});

describe("places and people around titles and compass words", () => {
  it("reads a compass word before a known place as part of the place", () => {
    const text = "Protests spread across East Jerusalem and Northern Ireland.";
    const entities = extractEntities(text, { language: "en" });
    expect(entityNamed(entities, "East Jerusalem").type).toBe("LOCATION");
    expect(entityNamed(entities, "Northern Ireland").type).toBe("LOCATION");
  });

  it("splits a country after a title from the leader it names", () => {
    const text = "Il presidente Usa Dorrance ha parlato. Poi il ministro del Lavoro Ferrucci ha risposto.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "United States").mentions.map((m) => m.text)).toEqual(["Usa"]);
    expect(entityNamed(entities, "Dorrance").type).toBe("PERSON");
    expect(entityNamed(entities, "Ferrucci").type).toBe("PERSON");
  });

  it("reads the speaker after an Italian speech verb, and Italian surname endings, as people", () => {
    const spoken = extractEntities("Se non cambia nulla, ha detto Kovaric, ci saranno problemi.", { language: "it" });
    expect(entityNamed(spoken, "Kovaric").type).toBe("PERSON");
    const surname = extractEntities("La statua di Bertolelli a Milano è stata pulita.", { language: "it" });
    expect(entityNamed(surname, "Bertolelli").type).toBe("PERSON");
    expect(entityNamed(surname, "Milan").type).toBe("LOCATION");
  });

  it("does not read a political article with a few sports words as a sports report", () => {
    // Five sports words ("victory", "season", "points", "beat", "draw") in about 400 words.
    const text = `${"Leeds council said the budget for schools and roads would rise next year. ".repeat(28)}After the victory the season of the plan beat points and a draw.`;
    expect(entityNamed(extractEntities(text, { language: "en" }), "Leeds").type).toBe("LOCATION");
  });
});

describe("sports reports", () => {
  it("reads cricket scorecard names as players and keeps initials, even ones that spell a word", () => {
    const text =
      "Cricket scorecard of the match between the sides, with innings, wickets and runs.\nT. Pardoe c Ashgrove b Kilnworth 12\nA. Brisket run out 4\nBowling: Kilnworth 10-0-41-2, Ashgrove 8-1-30-1";
    // CoNLL-2003's convention for its sports pages, behind the corpus option.
    const entities = extractEntities(text, { language: "en", corpus: "conll" });
    expectTrueOffsets(text, entities);
    for (const name of ["T. Pardoe", "A. Brisket", "Kilnworth", "Ashgrove"]) {
      expect(entityNamed(entities, name).type).toBe("PERSON");
    }
  });

  it("does not make an organisation of a generic word left after a nationality", () => {
    const text = "He became the first pitcher in the American League to win 15 games.";
    expect(extractEntities(text, { language: "en" })).toEqual([]);
  });
});

describe("organisations joined over 'in'", () => {
  it("joins a name ending in a common noun to a known place, but not a company to its city", () => {
    const joined = extractEntities("The group Human Rights in China said so.", { language: "en" });
    expect(entityNamed(joined, "Human Rights in China").type).toBe("ORGANIZATION");
    const apart = extractEntities("Analysts at Goldman Sachs in London agreed.", { language: "en" });
    expect(apart.map((e) => e.name).sort()).toEqual(["Goldman Sachs", "London"]);
  });
});
