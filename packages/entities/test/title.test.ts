import { type Analysis, createAnalysis, createStageContext } from "@rassegna/core";
import { entitiesStage } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

async function run(doc: Analysis): Promise<Analysis> {
  const stage = entitiesStage();
  await stage.process(doc, createStageContext(stage));
  await stage.close?.();
  return doc;
}

// Sentences written for this test.
describe("entitiesStage reads the title", () => {
  it("gives title mentions field title, with offsets into the title (original text)", async () => {
    const title = "Angela Merkel visits Lisbon";
    const doc = createAnalysis({ id: "e-1", title, text: "The chancellor met the mayor of Lisbon on Monday." }, 0);
    doc.language = { code: "en", iso6393: "eng", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
    await run(doc);
    const merkel = doc.entities?.find((e) => e.name === "Angela Merkel");
    expect(merkel?.mentions.every((m) => m.field === "title")).toBe(true);
    for (const m of merkel?.mentions ?? []) expect(title.slice(m.start, m.end)).toBe(m.text);
    // Lisbon: one entity, mentioned in the body (no field) and in the title.
    const lisbon = doc.entities?.filter((e) => e.name === "Lisbon") ?? [];
    expect(lisbon).toHaveLength(1);
    const fields = lisbon[0]?.mentions.map((m) => m.field ?? "text");
    expect(new Set(fields)).toEqual(new Set(["text", "title"]));
  });

  it("indexes the translated title for translation mentions, with the title's source span", async () => {
    const doc = createAnalysis({ id: "e-2", title: "Angela Merkel visita Lisbona", text: "Il tempo è bello." }, 0);
    doc.language = { code: "it", iso6393: "ita", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
    doc.translation = {
      from: "it",
      to: "en",
      model: "test",
      text: "The weather is fine.",
      segments: [{ source: { start: 0, end: 17 }, target: { start: 0, end: 20 } }],
      title: "Angela Merkel visits Lisbon",
      titleSegments: [{ source: { start: 0, end: 28 }, target: { start: 0, end: 27 } }],
    };
    await run(doc);
    const merkel = doc.entities?.find((e) => e.name === "Angela Merkel");
    const fromTranslation = merkel?.mentions.filter((m) => m.source === "translation") ?? [];
    expect(fromTranslation.length).toBeGreaterThan(0);
    for (const m of fromTranslation) {
      expect(m.field).toBe("title");
      expect(doc.translation.title?.slice(m.start, m.end)).toBe(m.text);
      expect(m.sourceSpan).toEqual({ start: 0, end: 28 });
    }
  });
});
