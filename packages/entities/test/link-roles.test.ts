import { type Analysis, createAnalysis, createStageContext } from "@rassegna/core";
import { entitiesStage, findRoleMentions } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

async function run(text: string, language: string, date?: string): Promise<Analysis> {
  const doc = createAnalysis({ id: "t", text, language, ...(date ? { date } : {}) }, 0);
  doc.language = {
    code: language,
    iso6393: language === "it" ? "ita" : "eng",
    confidence: 1,
    script: "Latn",
    reliable: true,
    alternatives: [],
  };
  await entitiesStage().process(doc, createStageContext());
  return doc;
}

const mentionsOf = (doc: Analysis, name: string): string[] =>
  (doc.entities ?? []).find((e) => e.name === name)?.mentions.map((m) => doc.text.slice(m.start, m.end)) ?? [];

describe("role nouns", () => {
  it("finds role nouns with the country the words around them give", () => {
    const found = findRoleMentions(
      "Il presidente americano ha telefonato al cancelliere. Poi il presidente degli Stati Uniti è ripartito.",
      "it",
    );
    expect(found.map((r) => [r.text, r.role, r.country])).toEqual([
      ["presidente americano", "head-of-state", "United States"],
      ["cancelliere", "head-of-government", "Germany"],
      ["presidente degli Stati Uniti", "head-of-state", "United States"],
    ]);
    const english = findRoleMentions("The French president met the prime minister and the vice president.", "en");
    expect(english.map((r) => [r.text, r.role, r.country])).toEqual([
      ["French president", "head-of-state", "France"],
      ["prime minister", "head-of-government", undefined],
      ["vice president", "vice-president", undefined],
    ]);
  });

  it("leaves out titles before a name, other offices and indefinite or former holders", () => {
    const text =
      "Il premier Rossi Bianchi, un premier qualunque, l'ex premier, il presidente regionale e il presidente di Confindustria.";
    expect(findRoleMentions(text, "it")).toEqual([]);
    expect(findRoleMentions("The former president and a prime minister spoke.", "en")).toEqual([]);
  });

  it("links a role noun to the holder the article names, as a mention of that person", async () => {
    const text =
      "Emmanuel Macron ha ricevuto Olaf Scholz all'Eliseo. Al termine dell'incontro il presidente francese ha parlato di difesa comune.";
    const doc = await run(text, "it", "2024-03-05");
    expect(mentionsOf(doc, "Emmanuel Macron")).toEqual(["Emmanuel Macron", "presidente francese"]);
    expect(
      (doc.entities ?? [])
        .filter((e) => e.type === "PERSON")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Emmanuel Macron", "Olaf Scholz"]);
  });

  it("resolves a role the article names no holder for to the holder on the article's date", async () => {
    const before = await run("Ieri la premier ha incontrato i sindacati a Roma.", "it", "2022-06-01");
    expect(mentionsOf(before, "Mario Draghi")).toEqual(["premier"]);
    const after = await run("Ieri la premier ha incontrato i sindacati a Roma.", "it", "2023-06-01");
    const meloni = (after.entities ?? []).find((e) => e.name === "Giorgia Meloni");
    expect(meloni).toMatchObject({ type: "PERSON", mentions: [{ text: "premier", source: "original" }] });
    const english = await run("Talks stalled after the German chancellor left Brussels.", "en", "2025-09-01");
    expect(mentionsOf(english, "Friedrich Merz")).toEqual(["German chancellor"]);
  });

  it("makes no entity of a role it cannot resolve", async () => {
    // "president" alone says no country, and the article names no president.
    const doc = await run("The president said the talks would go on in Geneva.", "en", "2024-01-01");
    expect((doc.entities ?? []).map((e) => e.name)).toEqual(["Geneva"]);
  });
});
