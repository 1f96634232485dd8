import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets, names } from "./helpers.js";

// Sentences written for this test.
describe("'a', 'alla', 'all'' before a known place", () => {
  it("join no body's name to the place (whom an act is for or aimed at)", () => {
    const text =
      "Il commissario ha confermato il sostegno dell'Unione all'Ucraina. Poi l'aiuto della Fondazione alla Grecia è arrivato.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(names(entities)).toContain("Ukraine");
    expect(names(entities)).toContain("Greece");
    expect(entities.flatMap((e) => e.mentions.map((m) => m.text)).filter((t) => / all|alla /.test(t))).toEqual([]);
  });
});
