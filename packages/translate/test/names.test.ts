import { describe, expect, it } from "vitest";

import { englishNameSpans, withoutCountryArticles } from "../src/backends/apertium/glossary.js";
import {
  type AnalysedWord,
  analyserInput,
  lexiconSpans,
  lowerAfterLeadingName,
  mergeSpans,
  nameSpans,
  parseAnalyses,
  shield,
  unshield,
} from "../src/backends/apertium/names.js";

// Readings as Apertium's Italian analyser writes them (lt-proc -w).
const w = (surface: string, ...readings: string[]): AnalysedWord => ({ surface, readings });
const spansText = (line: string, words: AnalysedWord[]) => nameSpans(line, words).map(([s, e]) => line.slice(s, e));

describe("reading the analyser's output", () => {
  it("parses units per line, with unknown words and escaped characters", () => {
    const output =
      "^Giuseppe/*Giuseppe$ ^Conte/conte<n><m><sg>$^./.<sent>$\n^Il/il<det><def><m><sg>$ ^1\\/2/1\\/2<num>$\n";
    const lines = parseAnalyses(output);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual([w("Giuseppe"), w("Conte", "conte<n><m><sg>"), w(".", ".<sent>")]);
    expect(lines[1]?.[1]?.surface).toBe("1/2");
  });

  it("escapes the stream format's reserved characters in its input, one line per text", () => {
    expect(analyserInput(["a [b] ^c$", "d/e"])).toBe("a \\[b\\] \\^c\\$\nd\\/e\n");
  });
});

describe("finding people's names", () => {
  it("takes runs of capitals with a given name, a surname or an unknown word", () => {
    const line = "Ieri Enrico Letta e Luca Bianchi hanno visto Guido Crosetto.";
    const words = [
      w("Ieri", "ieri<adv>"),
      w("Enrico", "Enrico<np><ant><m><sg>"),
      w("Letta", "leggere<vblex><pp><f><sg>"),
      w("e", "e<cnjcoo>"),
      w("Luca"),
      w("Bianchi", "bianco<adj><m><pl>"),
      w("hanno", "avere<vbhaver><pri><p3><pl>"),
      w("visto", "vedere<vblex><pp><m><sg>"),
      w("Guido", "guidare<vblex><pri><p1><sg>"),
      w("Crosetto"),
      w(".", ".<sent>"),
    ];
    expect(spansText(line, words)).toEqual(["Enrico Letta", "Luca Bianchi", "Guido Crosetto"]);
  });

  it("leaves institutions, a leading function word and the first word of a sentence out", () => {
    const line = "Secondo Mario Draghi il Senato e la Banca Centrale devono agire.";
    const words = [
      w("Secondo", "secondo<pr>", "secondo<adj><m><sg>"),
      w("Mario", "Mario<np><ant><m><sg>"),
      w("Draghi"),
      w("il", "il<det><def><m><sg>"),
      w("Senato", "senato<n><m><sg>"),
      w("e", "e<cnjcoo>"),
      w("la", "il<det><def><f><sg>"),
      w("Banca", "banca<n><f><sg>"),
      w("Centrale", "centrale<adj><mf><sg>"),
      w("devono", "dovere<vbmod><pri><p3><pl>"),
      w("agire", "agire<vblex><inf>"),
      w(".", ".<sent>"),
    ];
    expect(spansText(line, words)).toEqual(["Mario Draghi"]);
  });

  it("leaves a capitalised function word out inside a sentence too", () => {
    // "Secondo" known only as a preposition here (<pr>), and not at a sentence start.
    const line = "Piove, Secondo Mario Draghi.";
    const words = [
      w("Piove", "piovere<vblex><pri><p3><sg>"),
      w(",", ",<cm>"),
      w("Secondo", "secondo<pr>"),
      w("Mario", "Mario<np><ant><m><sg>"),
      w("Draghi"),
      w(".", ".<sent>"),
    ];
    expect(spansText(line, words)).toEqual(["Mario Draghi"]);
  });

  it("takes a run of known words when one of them is a surname", () => {
    // "Marco" known only as a noun (the currency), "Ferri" as a surname (<np><cog>).
    const line = "Ieri ha parlato Marco Ferri.";
    const words = [
      w("Ieri", "ieri<adv>"),
      w("ha", "avere<vbhaver><pri><p3><sg>"),
      w("parlato", "parlare<vblex><pp><m><sg>"),
      w("Marco", "marco<n><m><sg>"),
      w("Ferri", "Ferri<np><cog><mf><sg>"),
      w(".", ".<sent>"),
    ];
    expect(spansText(line, words)).toEqual(["Marco Ferri"]);
  });

  it("takes one capitalised word after a title", () => {
    const line = "Il premier Conte risponde.";
    const words = [
      w("Il", "il<det><def><m><sg>"),
      w("premier", "premier<n><m><sg>"),
      w("Conte", "conte<n><m><sg>"),
      w("risponde", "rispondere<vblex><pri><p3><sg>"),
      w(".", ".<sent>"),
    ];
    expect(spansText(line, words)).toEqual(["Conte"]);
  });
});

describe("placeholders", () => {
  it("swaps names out and back, in any order the translation puts them", () => {
    const line = "Enrico Letta incontra Guido Crosetto.";
    const { text, names } = shield(line, [
      [0, 12],
      [22, 36],
    ]);
    expect(text).not.toMatch(/Letta|Crosetto/);
    const [first, second] = [...names.keys()];
    expect(unshield(`${second} meets ${first}.`, names)).toBe("Guido Crosetto meets Enrico Letta.");
  });

  it("lowers the word Apertium capitalises after an unknown first word", () => {
    expect(lowerAfterLeadingName("Crosetto ha detto", "Crosetto Has said")).toBe("Crosetto has said");
    expect(lowerAfterLeadingName("Crosetto e Roma", "Crosetto And Rome")).toBe("Crosetto and Rome");
    // A capital in the source stays.
    expect(lowerAfterLeadingName("Crosetto Roma", "Crosetto Rome")).toBe("Crosetto Rome");
  });
});

describe("names of places through Apertium", () => {
  it("finds known places in any language with their English names, English names included", () => {
    const line = "La Cina e gli Stati Uniti nel Medio Oriente; China too.";
    const found = englishNameSpans(line).map(([s, e, english]) => `${line.slice(s, e)}→${english}`);
    expect(found).toEqual(["Cina→China", "Stati Uniti→United States", "Medio Oriente→Middle East", "China→China"]);
  });

  it("gives a person run no room inside a known place", () => {
    const merged = mergeSpans(
      [[10, 15, "Moscow"]],
      [
        [0, 14],
        [20, 30],
      ],
    );
    expect(merged).toEqual([
      [10, 15, "Moscow"],
      [20, 30],
    ]);
  });

  it("drops the Romance article before countries and continents that take none in English", () => {
    expect(withoutCountryArticles("exports to the Russia and the Italy; the Europe looks to the Asia.")).toBe(
      "exports to Russia and Italy; Europe looks to Asia.",
    );
    expect(withoutCountryArticles("the United States, the Netherlands, the Middle East and the Balkans")).toBe(
      "the United States, the Netherlands, the Middle East and the Balkans",
    );
  });
});

describe("news words Apertium lacks", () => {
  it("translates unknown words the lexicon has, never known ones, capitals only at a sentence start", () => {
    const line = "Bombardieri e caccia: i bombardieri di Bombardieri.";
    const words = [
      w("Bombardieri"),
      w("e", "e<cnjcoo>"),
      w("caccia", "caccia<n><f><sg>"),
      w(":", ":<sent>"),
      w("i", "il<det><def><m><pl>"),
      w("bombardieri"),
      w("di", "di<pr>"),
      w("Bombardieri"),
      w(".", ".<sent>"),
    ];
    const lexicon = new Map([
      ["bombardieri", "bombers"],
      ["caccia", "fighter jets"],
    ]);
    const found = lexiconSpans(line, words, lexicon).map(([s, e, english]) => `${line.slice(s, e)}@${s}→${english}`);
    expect(found).toEqual(["Bombardieri@0→Bombers", "bombardieri@24→bombers"]);
  });
});
