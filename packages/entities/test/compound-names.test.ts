import { createAnalysis, createStageContext } from "@rassegna/core";
import { entitiesStage } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

// Sentences written for this test.
describe("known names read in a language the rules do not read", () => {
  it("include the known first part of a German compound ('Nato-Treffen', 'AfD-Abgeordnete')", async () => {
    const text = "Beim Nato-Treffen in Riga sprachen zwei AfD-Abgeordnete mit Journalisten.";
    const doc = createAnalysis({ text, language: "de" }, 0);
    const stage = entitiesStage();
    await stage.process(doc, createStageContext(stage));
    await stage.close?.();
    const found = doc.entities ?? [];
    expect(found.map((e) => e.name).sort()).toEqual(["Alternative for Germany", "NATO", "Riga"]);
    for (const e of found) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
