import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

// @ts-expect-error: the data build script is JavaScript without types.
import { compileGlossary, DATA_FILE, glossaryBody, validateGlossary } from "../scripts/build-data.mjs";
import { hyphenNameSpans, termSpans, withoutPivotLeftovers } from "../src/glossary.js";
import { GLOSSARY_DATA } from "../src/glossary-data.js";
import { foreignQuoteSpans } from "../src/names.js";

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

  it("is checked when built: the module matches the data, and bad data is refused with the reason", () => {
    const data = JSON.parse(readFileSync(DATA_FILE, "utf8"));
    // The committed module is the compiled data (run `pnpm --filter @rassegna/translate build:data` after an edit).
    expect(GLOSSARY_DATA).toEqual(glossaryBody(data));
    expect(validateGlossary(data)).toEqual([]);
    const bad = {
      ...data,
      terms: [
        { it: "uno", en: "one", kind: "term", source: "nowhere" },
        { it: "due", en: "", kind: "thing", source: "press", after: ["Il"] },
      ],
    };
    const problems = validateGlossary(bad) as string[];
    expect(problems.join("\n")).toMatch(/source "nowhere" is not in sources/);
    expect(problems.join("\n")).toMatch(/"en" is missing/);
    expect(problems.join("\n")).toMatch(/kind must be one of/);
    expect(problems.join("\n")).toMatch(/"after" must be a list of lower-case words/);
    expect(() => compileGlossary(bad)).toThrow(/not valid/);
  });
});
