import { actorByName } from "@rassegna/core";
import { describe, expect, it } from "vitest";

import {
  englishNameSpans,
  glossaryTerms,
  hyphenNameSpans,
  termSpans,
  withoutPivotLeftovers,
} from "../src/backends/apertium/glossary.js";
import { foreignQuoteSpans } from "../src/backends/apertium/names.js";

const texts = (line: string, spans: Array<[number, number, string?]>) =>
  spans.map(([s, e, en]) => [line.slice(s, e), en]);

describe("the Italian news glossary", () => {
  it("finds offices, institutions and multi-word terms, longest first, with their English", () => {
    const line = "Ieri il presidente del Consiglio ha scritto alla Corte dei Conti sui tassi di interesse.";
    expect(texts(line, termSpans(line))).toEqual([
      ["presidente del Consiglio", "prime minister"],
      ["Corte dei Conti", "Court of Audit"],
      ["tassi di interesse", "interest rates"],
    ]);
    // A lower-case term also at a sentence start (with a capital in English); a name only as written.
    expect(texts("Sostegno pieno.", termSpans("Sostegno pieno."))).toEqual([["Sostegno", "Support"]]);
    expect(termSpans("a mezzogiorno in punto")).toEqual([]);
  });

  it("takes a term's sense from the word before it: 'i caccia' are jets, 'la caccia' is hunting", () => {
    const line = "Tre caccia sorvolano la valle dove la caccia è vietata; un caccia rientra.";
    expect(texts(line, termSpans(line))).toEqual([
      ["caccia", "fighter jets"],
      ["caccia", "fighter jet"],
    ]);
  });

  it("keeps hyphenated names as written, and not hyphenated words at a sentence start", () => {
    const line = "Kim Jong-un ha ricevuto el-Baradei e al-Sisi.";
    expect(hyphenNameSpans(line).map(([s, e]) => line.slice(s, e))).toEqual(["Kim Jong-un", "el-Baradei", "al-Sisi"]);
    expect(hyphenNameSpans("Sud-est in crescita.")).toEqual([]);
  });

  it("gives places their English names: the longest name at a place, whole words only", () => {
    const line = "Da Mosca alla Guyana Francese e in Guyana; non Moscato, né Mosca2, né l'Mosca.";
    expect(texts(line, englishNameSpans(line))).toEqual([
      ["Mosca", "Moscow"],
      ["Guyana Francese", "French Guiana"],
      ["Guyana", "Guyana"],
      // After an apostrophe a name starts, as after a space.
      ["Mosca", "Moscow"],
    ]);
    // Names one after the other, and one at the very end.
    expect(texts("Samoa Americane, Mosca", englishNameSpans("Samoa Americane, Mosca"))).toEqual([
      ["Samoa Americane", "American Samoa"],
      ["Mosca", "Moscow"],
    ]);
    expect(englishNameSpans("una mosca")).toEqual([]);
  });

  it("replaces Spanish words the pivot left in the English, whole words only", () => {
    expect(withoutPivotLeftovers("Three millardos for Navidad")).toBe("Three billion for Christmas");
    expect(withoutPivotLeftovers("millardosx")).toBe("millardosx");
  });

  it("keeps a quotation in English, not one in Italian", () => {
    const unknown = (surface: string) => ({ surface, readings: [] });
    const known = (surface: string) => ({ surface, readings: ["x<n>"] });
    const line = "«We shall stay firm», disse; «Resteremo saldi noi», aggiunse.";
    const words = [
      unknown("We"),
      unknown("shall"),
      unknown("stay"),
      known("firm"),
      known("disse"),
      known("Resteremo"),
      known("saldi"),
      known("noi"),
      known("aggiunse"),
    ];
    expect(foreignQuoteSpans(line, words).map(([s, e]) => line.slice(s, e))).toEqual(["We shall stay firm"]);
  });

  it("names bodies and parties by core's actors: one English name for translation and entities", () => {
    const terms = glossaryTerms();
    const audit = terms.find((t) => t.it === "Corte dei conti");
    // The canonical name is "Court of Audit (Italy)": the qualifier is not written in running text.
    expect(actorByName("Court of Audit (Italy)")).toBeDefined();
    expect(audit).toMatchObject({ en: "Court of Audit", kind: "institution" });
    const brothers = terms.find((t) => t.it === "Fratelli d'Italia");
    expect(brothers?.en).toBe(actorByName("Brothers of Italy")?.name);
    // Every term has its English, and no English keeps a bracketed qualifier.
    for (const term of terms) {
      expect(term.en.trim()).not.toBe("");
      expect(term.en).not.toMatch(/\(/);
    }
    // A word in two senses is two terms, each with its context.
    expect(terms.filter((t) => t.it === "caccia").map((t) => t.after?.length ?? 0)).not.toContain(0);
  });
});
