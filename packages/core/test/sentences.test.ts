import { splitSentences } from "@rassegna/core";
import { describe, expect, it } from "vitest";

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps Italian abbreviations inside the sentence", () => {
    const text = "Il sig. Rossi e il dott. Bianchi lavorano alla Fiat S.p.A. di Torino. Poi sono partiti.";
    expect(texts(text)).toEqual([
      "Il sig. Rossi e il dott. Bianchi lavorano alla Fiat S.p.A. di Torino.",
      "Poi sono partiti.",
    ]);
  });
  it("does not split decimals, initials or p.es.", () => {
    const text = "Il Pil è cresciuto del 3.5 per cento, p.es. in Lombardia. J. F. Kennedy parlò a Berlino.";
    expect(texts(text)).toEqual([
      "Il Pil è cresciuto del 3.5 per cento, p.es. in Lombardia.",
      "J. F. Kennedy parlò a Berlino.",
    ]);
  });
  it("keeps closing quotes and ellipses with their sentence", () => {
    const text = "«Non cederemo mai.» Lo ha detto ieri… Poi è tornato a Roma!";
    expect(texts(text)).toEqual(["«Non cederemo mai.»", "Lo ha detto ieri…", "Poi è tornato a Roma!"]);
  });
  it("never crosses a line break and numbers paragraphs", () => {
    const text = "Titolo senza punto\n\nPrimo paragrafo. Seconda frase.\nAltro paragrafo";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      "Titolo senza punto",
      "Primo paragrafo.",
      "Seconda frase.",
      "Altro paragrafo",
    ]);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });
  it("returns nothing for white space", () => {
    expect(splitSentences("  \n\n\t ")).toEqual([]);
  });
});
