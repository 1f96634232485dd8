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
});

// Sentences written for this test: a headline names a person by surname alone, the body in full.
describe("a surname alone in the title", () => {
  it("joins the one person the body names in full, whatever the title's guess", async () => {
    const doc = createAnalysis(
      {
        id: "e-2",
        title: "Gas, Rossi ringrazia Valdrenne",
        text: "Il presidente Ottavio Valdrenne ha firmato ieri un accordo con Mario Rossi a Roma.",
      },
      0,
    );
    doc.language = { code: "it", iso6393: "ita", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
    await run(doc);
    const named = doc.entities?.filter((e) => /Valdrenne/.test(e.name)) ?? [];
    expect(named.map((e) => e.name)).toEqual(["Ottavio Valdrenne"]);
    expect(named[0]?.type).toBe("PERSON");
    expect(named[0]?.mentions.some((m) => m.field === "title")).toBe(true);
  });
});
