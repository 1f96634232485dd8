import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets, names } from "./helpers.js";

// Sentences written for this test.
describe("rivers, seas and groups of countries", () => {
  it("get their English names, and an article before a river or sea does not make a club", () => {
    const text =
      "Le piogge hanno gonfiato il Nilo e il Nilo Azzurro fino all'Alto Egitto. Un missile è caduto nel Mar del Giappone, e i Paesi baltici chiedono difese.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(names(entities)).toEqual(["Baltic states", "Blue Nile", "Nile", "Sea of Japan", "Upper Egypt"]);
    expect(entityNamed(entities, "Nile").type).toBe("LOCATION");
  });
});
