import { splitLongSentence } from "@rassegna/translate";
import { describe, expect, it } from "vitest";

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const pieces = (text: string, max: number) =>
  splitLongSentence(text, { start: 0, end: text.length }, max, words).map((s) => text.slice(s.start, s.end));

describe("splitLongSentence", () => {
  it("leaves a sentence within the limit whole", () => {
    expect(pieces("Il governo ha approvato la legge.", 10)).toEqual(["Il governo ha approvato la legge."]);
  });
  it("cuts at semicolons before commas, and packs clauses up to the limit", () => {
    const text =
      "Il primo punto riguarda le tasse, le pensioni e la sanità; il secondo la scuola, il terzo i trasporti.";
    expect(pieces(text, 11)).toEqual([
      "Il primo punto riguarda le tasse, le pensioni e la sanità;",
      "il secondo la scuola, il terzo i trasporti.",
    ]);
  });
  it("goes down to commas, then dashes, then spaces, and every piece fits", () => {
    const text =
      "Secondo fonti diplomatiche, che chiedono l'anonimato — come spesso accade in questi casi — il vertice potrebbe slittare di una settimana intera o forse anche di più";
    const result = pieces(text, 6);
    for (const p of result) expect(words(p)).toBeLessThanOrEqual(6);
    expect(result[0]).toBe("Secondo fonti diplomatiche,");
    expect(result.join(" ").split(/\s+/)).toEqual(text.split(/\s+/));
  });
  it("cuts a single over-long token by characters without losing any", () => {
    const url = "https://example.org/".concat("a".repeat(50));
    const chars = (t: string) => t.length;
    const spans = splitLongSentence(url, { start: 0, end: url.length }, 16, chars);
    expect(spans.length).toBe(Math.ceil(url.length / 16));
    expect(spans.map((s) => url.slice(s.start, s.end)).join("")).toBe(url);
  });
  it("returns spans into the text it was given, not into the sentence", () => {
    const text = "Prima. Seconda frase lunga, con una virgola in mezzo.";
    const start = text.indexOf("Seconda");
    const spans = splitLongSentence(text, { start, end: text.length }, 4, words);
    expect(spans[0]?.start).toBe(start);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "Seconda frase lunga,",
      "con una virgola in",
      "mezzo.",
    ]);
  });
});

describe("splitLongSentence: scripts written without spaces", () => {
  const chars = (t: string) => [...t].length;
  it("cuts a long Chinese sentence at its commas, never inside a word run when a comma is there", () => {
    const text = "政府今天宣布了新的预算，其中包括教育和医疗的支出，反对党表示强烈反对；会议将在下周继续";
    const spans = splitLongSentence(text, { start: 0, end: text.length }, 16, chars);
    const got = spans.map((s) => text.slice(s.start, s.end));
    for (const piece of got) expect(chars(piece)).toBeLessThanOrEqual(16);
    expect(got.join("")).toBe(text);
    // Every cut falls right after a clause mark.
    for (const piece of got.slice(0, -1)) expect(piece).toMatch(/[，；]$/);
  });
  it("cuts Arabic at the Arabic comma", () => {
    const text = "قال الوزير إن الحكومة مستعدة، وإن المفاوضات ستستمر الأسبوع المقبل";
    const got = splitLongSentence(text, { start: 0, end: text.length }, 6, words).map((s) =>
      text.slice(s.start, s.end),
    );
    expect(got[0]).toBe("قال الوزير إن الحكومة مستعدة،");
  });
});
