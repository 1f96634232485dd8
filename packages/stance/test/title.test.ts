import { type Analysis, createAnalysis, createStageContext } from "@rassegna/core";
import { stanceStage } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

async function run(doc: Analysis): Promise<Analysis> {
  const stage = stanceStage();
  await stage.process(doc, createStageContext(stage));
  await stage.close?.();
  return doc;
}

// Sentences written for this test: the stance is in the headline only.
function titledDoc(): Analysis {
  const doc = createAnalysis(
    { id: "t-1", title: "Mosca critica duramente Kiev", text: "Il tempo è bello. I negozi restano aperti." },
    0,
  );
  doc.language = { code: "it", iso6393: "ita", confidence: 0.99, script: "Latn", reliable: true, alternatives: [] };
  doc.translation = {
    from: "it",
    to: "en",
    model: "test",
    text: "The weather is fine. The shops stay open.",
    segments: [],
    title: "Moscow harshly criticises Kyiv",
    titleSegments: [{ source: { start: 0, end: 28 }, target: { start: 0, end: 30 } }],
  };
  return doc;
}

describe("stanceStage reads the title", () => {
  it("finds a stance the headline states, with evidence that says field title and indexes the title", async () => {
    const doc = await run(titledDoc());
    const stance = doc.stances?.find((s) => s.holder === "Russia" && s.target === "Ukraine");
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.evidence.length).toBeGreaterThan(0);
    for (const e of stance?.evidence ?? []) {
      expect(e.field).toBe("title");
      const text = e.source === "translation" ? doc.translation?.title : doc.title;
      expect(text?.slice(e.start, e.end).toLowerCase()).toContain(e.cue?.toLowerCase());
    }
  });

  it("finds nothing from the title when the article has none", async () => {
    const doc = titledDoc();
    delete doc.title;
    if (doc.translation) delete doc.translation.title;
    await run(doc);
    expect(
      doc.stances?.find((s) => s.holder === "Russia" && s.target === "Ukraine" && s.stance !== "NONE"),
    ).toBeUndefined();
  });
});
