import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets, names } from "./helpers.js";

// Sentences written for this test.
describe("'de' inside a Spanish or Portuguese surname in Italian text", () => {
  it("keeps the person whole after a given name", () => {
    const text = "A Buenos Aires la senatrice Lucia Ramírez de Olmedo ha criticato la riforma.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(names(entities)).toEqual(["Buenos Aires", "Lucia Ramírez de Olmedo"]);
  });
});
