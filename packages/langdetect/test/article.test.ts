import { detectLanguage } from "@rassegna/langdetect";
import { describe, expect, it } from "vitest";

// Sentences written for these tests (not from any corpus).
const ITALIAN =
  "Il sindaco ha presentato ieri sera in consiglio comunale il nuovo piano per le piste ciclabili della città. " +
  "Secondo l'assessore ai trasporti, i lavori cominceranno in primavera e dureranno almeno due anni, " +
  "mentre le associazioni dei commercianti chiedono di rivedere il progetto nelle vie del centro.";

describe("the language of an article is decided by all of it", () => {
  it.each([
    ["a shouted label", "BREAKING NEWS: "],
    ["a time stamp", "Updated at 12:30 GMT. "],
    ["a by-line", "By our staff reporter in Milan. "],
    ["an English quotation", '"We will not stop until the job is done, and we will do it together," she said. '],
    ["a menu line", "Home | World | Politics | Business | Sport | Culture\n"],
  ])("an Italian article after %s in English is Italian", (_, opening) => {
    const guess = detectLanguage(opening + ITALIAN);
    expect(guess.code).toBe("it");
    expect(guess.reliable).toBe(true);
  });

  it("reads a web page's article, not its menus, stamps and share lines", () => {
    const page = [
      "Home   World   Politics   Business   Video   |   Sign in",
      "NEWS",
      "Updated 08:15 GMT, 3 March 2026",
      "By Staff Writer",
      "Share | Email | Print",
      "",
      ITALIAN,
      "",
      "We use cookies to improve your experience. Accept all",
    ].join("\n");
    expect(detectLanguage(page).code).toBe("it");
  });

  it("lets the longer part win when a text mixes two languages", () => {
    const english =
      "The council met for three hours on Tuesday and voted to keep the bus lanes open through the winter, " +
      "after a long debate about the cost of the new stops and the safety of cyclists on the bridge.";
    expect(detectLanguage(`${english} Il sindaco ha detto di sì.`).code).toBe("en");
    expect(detectLanguage(`Il sindaco ha detto di sì. ${ITALIAN}`).code).toBe("it");
  });

  it("does not let place and people's names decide", () => {
    // Capitalised names inside a sentence ("Bruxelles", "Lisbona") weigh little.
    expect(detectLanguage("I ministri si riuniranno a Bruxelles e poi a Lisbona con Juncker e Schäuble").code).toBe(
      "it",
    );
    expect(detectLanguage("PARIGI, 4 mar – Il governo francese ha approvato la riforma delle pensioni").code).toBe(
      "it",
    );
  });
});

describe("short Italian headlines", () => {
  // Four to fourteen words, the way Italian front pages write them.
  const HEADLINES = [
    "Scuola, sciopero dei docenti lunedì",
    "Il governo rinvia la riforma del catasto",
    "Maltempo in Liguria, chiuse le scuole a Genova",
    "Bollette, da aprile aumenti per gas e luce",
    "Calcio, la Roma batte il Torino e sale al terzo posto",
    "Treni in ritardo sulla linea Milano-Venezia per un guasto",
    "Sanità, il ministro promette nuove assunzioni negli ospedali del Sud",
    "Incendio in un capannone alla periferia di Torino, nessun ferito",
  ];
  it.each(HEADLINES)("%s → it", (headline) => {
    const guess = detectLanguage(headline);
    expect(guess.code).toBe("it");
  });

  it("never calls an Italian headline reliably something else", () => {
    for (const headline of [...HEADLINES, "Draghi elogia Macron.", "Salvini attacca Bruxelles."]) {
      const guess = detectLanguage(headline);
      if (guess.code !== "it") expect(guess.reliable).toBe(false);
    }
  });
});

describe("hints", () => {
  it("languages: the answer is one of the languages the source publishes in", () => {
    const guess = detectLanguage("Draghi elogia Macron.", { languages: ["it", "en"] });
    expect(guess.code).toBe("it");
    for (const alternative of guess.alternatives) expect(["it", "en"]).toContain(alternative.code);
    // An English line of the same feed stays English.
    expect(detectLanguage("The minister praised the deal.", { languages: ["it", "en"] }).code).toBe("en");
  });

  it("languages and only together: one of both lists", () => {
    expect(detectLanguage("Il governo rinvia la riforma", { languages: ["it", "en"], only: ["en", "de"] }).code).toBe(
      "en",
    );
  });

  it("language: a prior that settles an ambiguous short text, not a verdict", () => {
    const ambiguous = "Draghi elogia Macron.";
    const hinted = detectLanguage(ambiguous, { language: "it" });
    expect(hinted.code).toBe("it");
    expect(hinted.confidence).toBeGreaterThan(
      detectLanguage(ambiguous).alternatives.find((a) => a.code === "it")?.confidence ?? 0,
    );
    // A sentence clearly in another language keeps its own.
    expect(
      detectLanguage("The city council approved the new traffic plan late last night.", { language: "it" }).code,
    ).toBe("en");
    expect(
      detectLanguage("Der Stadtrat hat gestern den neuen Verkehrsplan beschlossen.", { language: "ita" }).code,
    ).toBe("de");
  });

  it("rejects a hint that is not a language code", () => {
    expect(() => detectLanguage("ciao", { language: "italian" })).toThrow(/not an ISO 639-1 or 639-3 code/);
    expect(() => detectLanguage("ciao", { languages: ["italian"] })).toThrow(/not an ISO 639-1 or 639-3 code/);
  });
});
