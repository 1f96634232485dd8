import { type Analysis, createAnalysis, createStageContext } from "@rassegna/core";
import { stanceStage, tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

async function run(doc: Analysis, options: Parameters<typeof stanceStage>[0] = {}): Promise<Analysis> {
  const stage = stanceStage(options);
  expect(stage.name).toBe("stance");
  await stage.process(doc, createStageContext(stage));
  await stage.close?.();
  return doc;
}

/** An Italian article with its English translation, aligned by sentence. */
function translatedDoc(): Analysis {
  const doc = createAnalysis({ id: "a-1", text: "Mosca critica duramente Kiev. Il tempo è bello." }, 0);
  const target = "Moscow harshly criticises Kyiv. The weather is fine.";
  doc.language = { code: "it", iso6393: "ita", confidence: 0.99, script: "Latn", reliable: true, alternatives: [] };
  doc.translation = {
    from: "it",
    to: "en",
    model: "test",
    text: target,
    segments: [
      { source: { start: 0, end: 29 }, target: { start: 0, end: 31 } },
      { source: { start: 30, end: 47 }, target: { start: 32, end: 52 } },
    ],
  };
  return doc;
}

describe("stanceStage", () => {
  it("reads the translation and the Italian original, saying which in the evidence", async () => {
    const doc = await run(translatedDoc());
    const stance = doc.stances?.find((s) => s.holder === "Russia" && s.target === "Ukraine");
    expect(stance?.stance).toBe("AGAINST");
    const sources = new Set(stance?.evidence.map((e) => e.source));
    expect(sources).toEqual(new Set(["translation", "original"]));
    for (const e of stance?.evidence ?? []) {
      const text = e.source === "translation" ? doc.translation?.text : doc.text;
      expect(text?.slice(e.start, e.end).toLowerCase()).toContain(e.cue?.toLowerCase());
    }
  });

  it("reads only the translation when the original is in a language the rules cannot read", async () => {
    const doc = createAnalysis({ id: "de", text: "Moskau kritisiert Kiew scharf." }, 0);
    doc.languageHint = "de";
    doc.translation = {
      from: "de",
      to: "en",
      model: "test",
      text: "Moscow sharply criticises Kyiv.",
      segments: [{ source: { start: 0, end: 30 }, target: { start: 0, end: 31 } }],
    };
    await run(doc);
    const stance = doc.stances?.find((s) => s.holder === "Russia" && s.target === "Ukraine");
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.evidence.every((e) => e.source === "translation")).toBe(true);
  });

  it("fails clearly on an untranslated text in a language the rules cannot read", async () => {
    const doc = createAnalysis({ id: "de", text: "Moskau kritisiert Kiew scharf.", language: "de" }, 0);
    await expect(run(doc)).rejects.toMatchObject({ code: "UNSUPPORTED_LANGUAGE" });
  });

  it("takes the article's entities as targets", async () => {
    const doc = createAnalysis(
      { id: "e", text: "Berlin backed Paris in the dispute, while Warsaw criticised Rome." },
      0,
    );
    doc.entities = [
      { name: "Paris", type: "LOCATION", source: "original", mentions: [{ start: 14, end: 19, text: "Paris" }] },
    ];
    await run(doc);
    expect(doc.stances?.find((s) => s.holder === "Germany" && s.target === "France")?.stance).toBe("FAVOR");
    expect(doc.stances?.some((s) => s.target === "Italy")).toBe(false);
  });

  it("answers the article's holders × targets, NONE included", async () => {
    const doc = createAnalysis(
      { id: "h", text: "Canada supports Ukraine.", holders: ["Canada", "Mexico"], targets: ["Ukraine"] },
      0,
    );
    await run(doc);
    expect(doc.stances?.map((s) => [s.holder, s.target, s.stance])).toEqual([
      ["Canada", "Ukraine", "FAVOR"],
      ["Mexico", "Ukraine", "NONE"],
    ]);
  });

  it("prefers the article's targets to the stage option", async () => {
    const doc = createAnalysis(
      { id: "t", text: "Canada supports Ukraine and criticises Russia.", targets: ["Russia"] },
      0,
    );
    await run(doc, { targets: ["Ukraine"] });
    expect(new Set(doc.stances?.map((s) => s.target))).toEqual(new Set(["Russia"]));
  });

  it("skips an article whose input was rejected", async () => {
    const doc = createAnalysis({ id: "bad" }, 0);
    await run(doc);
    expect(doc.stances).toBeUndefined();
  });
});

describe("targets from entities", () => {
  it("takes countries, people and cities that stand for a country, not places where things happen", async () => {
    const text =
      "Russia rejected the proposal at the talks in Geneva. Moscow criticised Gaza's leaders, while Kyiv praised Geneva as a host.";
    const entity = (name: string, type: "LOCATION" | "PERSON" | "ORGANIZATION") => ({
      name,
      type,
      source: "original" as const,
      mentions: [],
    });
    const stances = tagStance(text, {
      language: "en",
      includeNone: true,
      ownStance: "always",
      entities: [
        entity("Russia", "LOCATION"),
        entity("Geneva", "LOCATION"),
        entity("Gaza", "LOCATION"),
        entity("Kyiv", "LOCATION"),
      ],
    });
    const targets = new Set(stances.map((s) => s.target));
    expect(targets.has("Geneva")).toBe(false);
    expect(targets.has("Russia")).toBe(true);
    expect(targets.has("Gaza")).toBe(true);
    expect(targets.has("Ukraine")).toBe(true);
    // Asked for by name, a venue is read like any other target.
    const asked = tagStance(text, { language: "en", targets: ["Geneva"] });
    expect(asked.map((s) => s.target)).toContain("Geneva");
  });

  it("leaves out unknown names that open with a definite article, not names that merely start like one", () => {
    const text = "Il Garante, L’Osservatorio, The Board, Lolland Group and Thebes Holdings met on Monday.";
    const entity = (name: string) => ({
      name,
      type: "ORGANIZATION" as const,
      source: "original" as const,
      mentions: [],
    });
    const stances = tagStance(text, {
      language: "en",
      includeNone: true,
      ownStance: "always",
      entities: ["Il Garante", "L’Osservatorio", "The Board", "Lolland Group", "Thebes Holdings"].map(entity),
    });
    const targets = new Set(stances.map((s) => s.target));
    expect(targets.has("Il Garante")).toBe(false);
    expect(targets.has("L’Osservatorio")).toBe(false);
    expect(targets.has("The Board")).toBe(false);
    expect(targets.has("Lolland Group")).toBe(true);
    expect(targets.has("Thebes Holdings")).toBe(true);
  });

  it("leaves venues out of the actors a text names when no targets are given", () => {
    const stances = tagStance("Iran and the United States resumed talks in Geneva on Monday.", {
      language: "en",
      includeNone: true,
      ownStance: "always",
    });
    const targets = stances.map((s) => s.target);
    expect(targets).toEqual(expect.arrayContaining(["Iran", "United States"]));
    expect(targets).not.toContain("Geneva");
  });
});
