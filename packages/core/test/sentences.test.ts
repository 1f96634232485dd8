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

describe("splitSentences: Italian news conventions", () => {
  it("keeps prof., ecc., art. and n. before what they introduce", () => {
    const text = "Il prof. Verdi cita l'art. 11 e il decreto n. 45 del 2022, ecc. Ne discuteranno all'art. 3 domani.";
    expect(texts(text)).toEqual([
      "Il prof. Verdi cita l'art. 11 e il decreto n. 45 del 2022, ecc.",
      "Ne discuteranno all'art. 3 domani.",
    ]);
  });
  it("ends a sentence after a word that is an abbreviation only before a number", () => {
    const text = "Alla fine ha detto no. Nessuno se lo aspettava. Leggete il n. 7 della rivista.";
    expect(texts(text)).toEqual([
      "Alla fine ha detto no.",
      "Nessuno se lo aspettava.",
      "Leggete il n. 7 della rivista.",
    ]);
  });
  it("ends a sentence after S.p.A. when a capital follows, and keeps it before a lower-case word", () => {
    const text = "L'accordo è con Leonardo S.p.A. La firma è prevista a marzo. La Alfa S.p.A. ha sede a Milano.";
    expect(texts(text)).toEqual([
      "L'accordo è con Leonardo S.p.A.",
      "La firma è prevista a marzo.",
      "La Alfa S.p.A. ha sede a Milano.",
    ]);
  });
  it("ends a sentence at a period after a closing quote or bracket", () => {
    const text = "Il ministro ha parlato di «svolta storica». Poi ha lasciato la sala (senza domande). Fine.";
    expect(texts(text)).toEqual([
      "Il ministro ha parlato di «svolta storica».",
      "Poi ha lasciato la sala (senza domande).",
      "Fine.",
    ]);
  });
  it("keeps elided honorifics, ad es. and decimals with a comma", () => {
    const text = "Lo ha ricordato l'on. Neri, ad es. nel dibattito. La crescita è stata del 2,4 per cento.";
    expect(texts(text)).toEqual([
      "Lo ha ricordato l'on. Neri, ad es. nel dibattito.",
      "La crescita è stata del 2,4 per cento.",
    ]);
  });
  it("splits after an ellipsis before a capital, not before a lower-case word", () => {
    const text = "Forse... chissà. Aspettavano... Poi arrivò la notizia.";
    expect(texts(text)).toEqual(["Forse... chissà.", "Aspettavano...", "Poi arrivò la notizia."]);
  });
  it("handles question and exclamation marks inside quotes", () => {
    const text = "«Chi paga?» chiese il sindaco. «Nessuno!» Risposero in coro.";
    expect(texts(text)).toEqual(["«Chi paga?» chiese il sindaco.", "«Nessuno!»", "Risposero in coro."]);
  });
  it("gives true offsets with CRLF line breaks and leading spaces", () => {
    const text = "  Prima frase. Seconda.\r\n\r\n  Terza frase.  ";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(["Prima frase.", "Seconda.", "Terza frase."]);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
  it("splits English text the same way", () => {
    const text = "Mr. Smith moved on. Then the U.S. Senate voted. It passed in the U.S. The vote was 52 to 48.";
    expect(texts(text)).toEqual([
      "Mr. Smith moved on.",
      "Then the U.S. Senate voted.",
      "It passed in the U.S.",
      "The vote was 52 to 48.",
    ]);
  });
});

describe("splitSentences: list numbers", () => {
  it("keeps a list number with the sentence it numbers", () => {
    const text = "2. Le piogge tornano in autunno. Nel 2023. Poi basta.";
    expect(texts(text)).toEqual(["2. Le piogge tornano in autunno.", "Nel 2023.", "Poi basta."]);
  });
});

describe("splitSentences: scripts other than Latin", () => {
  it("ends Chinese and Japanese sentences at their full stops, with no space after them", () => {
    const text = "北京今天下雨。会议推迟了！明天呢？「好的。」最后一句";
    expect(texts(text)).toEqual(["北京今天下雨。", "会议推迟了！", "明天呢？", "「好的。」", "最后一句"]);
  });
  it("ends Hindi sentences at the danda and Arabic ones at their question mark", () => {
    expect(texts("दिल्ली में बारिश हुई। बैठक टल गई।")).toEqual(["दिल्ली में बारिश हुई।", "बैठक टल गई।"]);
    expect(texts("هل انتهى الاجتماع؟ نعم انتهى.")).toEqual(["هل انتهى الاجتماع؟", "نعم انتهى."]);
  });
  it("keeps offsets true in text that mixes scripts", () => {
    const text = "Roma. 东京下雪。 Fine.";
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Roma.", "东京下雪。", "Fine."]);
  });
});
