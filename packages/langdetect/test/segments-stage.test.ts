import { createAnalysis, createStageContext } from "@rassegna/core";
import { detectLanguage, detectSegments, languageStage } from "@rassegna/langdetect";
import { describe, expect, it } from "vitest";

const ITALIAN_1 =
  "Il ministro degli esteri è arrivato ieri a Bruxelles per una riunione straordinaria dei governi europei.";
const ENGLISH =
  "We will not accept any agreement that leaves our farmers without protection, the ambassador told reporters.";
const ITALIAN_2 =
  "La dichiarazione ha sorpreso molti diplomatici, che si aspettavano una posizione più morbida da parte di Londra.";
const ITALIAN_3 = "Secondo fonti vicine al governo, il negoziato riprenderà la prossima settimana.";

describe("detectSegments", () => {
  it("finds an English quote inside an Italian article, with true offsets", () => {
    const text = `${ITALIAN_1} «${ENGLISH}» ${ITALIAN_2}\n${ITALIAN_3}`;
    const segments = detectSegments(text);
    expect(segments.map((s) => s.language.code)).toEqual(["it", "en", "it"]);
    const english = segments[1];
    expect(english).toBeDefined();
    expect(text.slice(english?.start, english?.end)).toContain(ENGLISH.slice(0, 40));
    expect(text.slice(english?.start, english?.end)).not.toContain("ministro");
    // Neighbouring Italian sentences (across the line break too) merge into one span.
    const last = segments[2];
    expect(text.slice(last?.start, last?.end)).toBe(`${ITALIAN_2}\n${ITALIAN_3}`);
    expect(segments[0]?.start).toBe(0);
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]?.start).toBeGreaterThanOrEqual(segments[i - 1]?.end as number);
    }
  });

  it("lets a short foreign-looking sentence inherit the document's language", () => {
    const text = `${ITALIAN_1} Okay. ${ITALIAN_2}`;
    const segments = detectSegments(text);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ start: 0, end: text.length });
    expect(segments[0]?.language.code).toBe("it");
  });

  it("gives no segments for text without letters, and rejects non-strings", () => {
    expect(detectSegments("  12 34  ")).toEqual([]);
    expect(() => detectSegments(7 as unknown as string)).toThrow(/expected the text as a string/);
  });
});

describe("languageStage", () => {
  it("is named language and writes doc.language from the text", async () => {
    const stage = languageStage();
    expect(stage.name).toBe("language");
    const doc = createAnalysis({ id: "a", text: ITALIAN_1 }, 0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.language).toEqual(detectLanguage(ITALIAN_1));
    expect(doc.language?.code).toBe("it");
  });

  it("takes a language hint as the answer without detecting", async () => {
    const stage = languageStage();
    const doc = createAnalysis({ id: "b", text: ITALIAN_1, language: "en" }, 0);
    doc.languageHint = "en";
    await stage.process(doc, createStageContext(stage));
    expect(doc.language).toEqual({
      code: "en",
      iso6393: "eng",
      confidence: 1,
      script: "Latn",
      reliable: true,
      alternatives: [],
    });
  });

  it("skips documents whose input was invalid", async () => {
    const stage = languageStage();
    const doc = createAnalysis(42, 0);
    expect(doc.errors.length).toBeGreaterThan(0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.language).toBeUndefined();
  });

  it("rejects bad options when it is created", () => {
    expect(() => languageStage({ only: ["klingon"] })).toThrow(/not an ISO 639-1 or 639-3 code/);
  });

  it("passes its options to detection", async () => {
    const stage = languageStage({ ignore: ["it"] });
    const doc = createAnalysis({ id: "c", text: ITALIAN_1 }, 0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.language?.code).not.toBe("it");
  });
});

describe("languageStage on articles that mix languages", () => {
  it("writes languageSegments for an English quotation, and keeps the article's language", async () => {
    const stage = languageStage();
    const text = `${ITALIAN_1} ${ENGLISH} ${ITALIAN_2}`;
    const doc = createAnalysis({ id: "m", text }, 0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.language?.code).toBe("it");
    const english = doc.languageSegments?.find((s) => s.language.code === "en");
    expect(english).toBeDefined();
    expect(text.slice(english?.start, english?.end)).toBe(ENGLISH);
  });

  it("labels the title's sentences too, with field title, even under a hint", async () => {
    const stage = languageStage();
    const title = `Il ministro a Bruxelles. ${ENGLISH}`;
    const doc = createAnalysis({ id: "t", text: ITALIAN_1, title, language: "it" }, 0);
    await stage.process(doc, createStageContext(stage));
    const english = doc.languageSegments?.find((s) => s.field === "title" && s.language.code === "en");
    expect(title.slice(english?.start, english?.end)).toBe(ENGLISH);
  });

  it("writes no segments for an article in one language", async () => {
    const stage = languageStage();
    const doc = createAnalysis({ id: "u", text: `${ITALIAN_1} ${ITALIAN_2}`, title: ITALIAN_3 }, 0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.languageSegments).toBeUndefined();
  });

  it("restricts detection to the languages option", async () => {
    const stage = languageStage({ languages: ["it", "en"] });
    const doc = createAnalysis({ id: "h", text: "Draghi elogia Macron." }, 0);
    await stage.process(doc, createStageContext(stage));
    expect(doc.language?.code).toBe("it");
  });
});

describe("languageStage on the stage template", () => {
  it("takes the backend by name, and refuses an unknown one with core's error", () => {
    expect(languageStage({ backend: "ngrams" }).name).toBe("language");
    expect(() => languageStage({ backend: "bert" as never })).toThrow(
      'language: unknown backend "bert". Use one of "ngrams".',
    );
    expect(() => languageStage({ backend: "bert" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", stage: "language" }),
    );
  });

  it("declares what it writes, and closes without error (twice)", async () => {
    const stage = languageStage();
    expect(stage.writes).toEqual(["language", "languageSegments"]);
    await stage.close?.();
    await stage.close?.();
  });
});
