import { type Analysis, createAnalysis, createStageContext } from "@rassegna/core";
import { translateStage } from "@rassegna/translate";
import { afterAll, describe, expect, it } from "vitest";

import { tinyOptions } from "./helpers.js";

const { from: _from, ...stageOptions } = tinyOptions;

// Sentences written for these tests.
const IT_1 = "Il ministro ha parlato ai giornalisti davanti al palazzo.";
const EN = "We are stronger together and we will not give up.";
const IT_2 = "Poi è ripartito per Roma senza rispondere alle domande.";

const guess = (code: string, iso6393: string) => ({
  code,
  iso6393,
  confidence: 1,
  script: "Latn",
  reliable: true,
  alternatives: [],
});

function mixedArticle(): Analysis {
  const text = `${IT_1} ${EN} ${IT_2}`;
  const doc = createAnalysis({ id: "m-1", text, title: `Il ministro ai cronisti. ${EN}` }, 0);
  doc.language = guess("it", "ita");
  const enStart = text.indexOf(EN);
  const titleStart = (doc.title as string).indexOf(EN);
  // What the language stage writes for an article that quotes English.
  doc.languageSegments = [
    { start: 0, end: enStart - 1, language: guess("it", "ita") },
    { start: enStart, end: enStart + EN.length, language: guess("en", "eng") },
    { start: enStart + EN.length + 1, end: text.length, language: guess("it", "ita") },
    { start: titleStart, end: titleStart + EN.length, language: guess("en", "eng"), field: "title" },
  ];
  return doc;
}

describe("translateStage on articles that mix languages", () => {
  const stage = translateStage({ ...stageOptions, cacheSize: 0 });
  const context = createStageContext(stage);
  afterAll(async () => {
    await stage.close?.();
  });

  it("keeps an English quotation as it is, aligned to itself, and says the article's language", async () => {
    const doc = mixedArticle();
    await stage.process(doc, context);
    const translation = doc.translation;
    expect(translation?.from).toBe("it");
    expect(translation?.segments).toHaveLength(3);
    const quoted = translation?.segments[1];
    expect(doc.text.slice(quoted?.source.start, quoted?.source.end)).toBe(EN);
    expect(translation?.text.slice(quoted?.target.start, quoted?.target.end)).toBe(EN);
    // The Italian sentences went to the engine.
    const first = translation?.segments[0];
    expect(translation?.text.slice(first?.target.start, first?.target.end)).not.toBe(IT_1);
  });

  it("translates the title, with its own alignment into the title", async () => {
    const doc = mixedArticle();
    doc.title = "Il ministro parla ai giornalisti.";
    doc.languageSegments = doc.languageSegments?.filter((s) => s.field !== "title");
    await stage.process(doc, context);
    const translation = doc.translation;
    expect(typeof translation?.title).toBe("string");
    expect(translation?.title).not.toBe(doc.title);
    expect(translation?.titleSegments).toEqual([
      { source: { start: 0, end: doc.title.length }, target: { start: 0, end: translation?.title?.length } },
    ]);
  });

  it("keeps an English sentence of a title as it is", async () => {
    const doc = mixedArticle();
    await stage.process(doc, context);
    const title = doc.translation?.title ?? "";
    const segments = doc.translation?.titleSegments ?? [];
    expect(segments).toHaveLength(2);
    expect(title.slice(segments[1]?.target.start, segments[1]?.target.end)).toBe(EN);
  });

  it("writes no title when the article has none", async () => {
    const doc = mixedArticle();
    delete doc.title;
    await stage.process(doc, context);
    expect(doc.translation?.title).toBeUndefined();
    expect(doc.translation?.titleSegments).toBeUndefined();
  });
});
