import { type Analysis, createAnalysis, createStageContext, type Translation } from "@rassegna/core";
import { entitiesStage } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, names } from "./helpers.js";

/** A hand-made translation with one segment per sentence (what the translate stage produces). */
function translated(source: string[], target: string[]): { text: string; translation: Translation } {
  const text = source.join(" ");
  const english = target.join(" ");
  const segments = source.map((sentence, i) => {
    const s = text.indexOf(sentence);
    const t = english.indexOf(target[i]!);
    return { source: { start: s, end: s + sentence.length }, target: { start: t, end: t + target[i]!.length } };
  });
  return { text, translation: { from: "it", to: "en", model: "test", text: english, segments } };
}

async function run(doc: Analysis, options = {}): Promise<Analysis> {
  const stage = entitiesStage(options);
  await stage.process(doc, createStageContext(stage));
  await stage.close?.();
  return doc;
}

describe("entities stage", () => {
  it("reads the translation and the original, merged with no duplicates", async () => {
    const { text, translation } = translated(
      ["Il presidente Xi Jinping è arrivato a Pechino.", "Gli Stati Uniti hanno risposto con il sig. Paolo Conte."],
      ["President Xi Jinping arrived in Beijing.", "The United States responded with Mr. Paolo Conte."],
    );
    const doc = createAnalysis({ id: "a", text, language: "it" }, 0);
    doc.translation = translation;
    await run(doc);
    const entities = doc.entities ?? [];
    expect(names(entities)).toEqual(["Beijing", "Paolo Conte", "United States", "Xi Jinping"]);
    const beijing = entityNamed(entities, "Beijing");
    // One real mention: the aligned pair "Pechino" / "Beijing" keeps the original's.
    expect(beijing.source).toBe("original");
    const mentions = beijing.mentions;
    expect(mentions.map((m) => [m.source, m.text])).toEqual([["original", "Pechino"]]);
    expect(beijing.aliases).toEqual(["Pechino"]);
    for (const entity of entities) {
      for (const m of entity.mentions) {
        const base = m.source === "translation" ? translation.text : text;
        expect(base.slice(m.start, m.end)).toBe(m.text);
      }
    }
    expect(mentions[0]!.sourceSpan).toBeUndefined();
    expect(entityNamed(entities, "United States").id).toBe("Q30");
  });

  it("can skip the original pass", async () => {
    const { text, translation } = translated(["Il sindaco di Roma."], ["The mayor of Rome."]);
    const doc = createAnalysis({ text, language: "it" }, 0);
    doc.translation = translation;
    await run(doc, { originalPass: false });
    const rome = entityNamed(doc.entities ?? [], "Rome");
    expect(rome.mentions.map((m) => m.source)).toEqual(["translation"]);
  });

  it("reads the original in its language when there is no translation", async () => {
    const doc = createAnalysis({ text: "Il ministro è arrivato a Mosca con Sergej Lavrov." }, 0);
    doc.language = { code: "it", iso6393: "ita", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
    await run(doc);
    expect(names(doc.entities ?? [])).toEqual(["Moscow", "Sergei Lavrov"]);
    expect(doc.entities?.every((e) => e.source === "original")).toBe(true);
  });

  it("reads only the names it knows in a language it cannot read without a translation, and says so", async () => {
    const doc = createAnalysis({ text: "Der Kanzler sprach in Berlin.", language: "de" }, 0);
    await run(doc);
    expect(names(doc.entities ?? [])).toEqual(["Berlin"]);
    expect(doc.warnings?.map((w) => w.code)).toEqual(["KNOWN_NAMES_ONLY"]);
  });

  it("does nothing for a record whose input was rejected", async () => {
    const doc = createAnalysis({ id: "bad", text: 42 }, 0);
    await run(doc);
    expect(doc.entities).toBeUndefined();
  });
});
