import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets } from "./helpers.js";

/** Mention text → type, for compact assertions. */
function spans(text: string, options: { corpus?: "kind" } = {}): Record<string, string> {
  const entities = extractEntities(text, { language: "it", ...options });
  expectTrueOffsets(text, entities);
  return Object.fromEntries(entities.flatMap((e) => e.mentions.map((m) => [m.text, e.type])));
}

describe("Italian bodies", () => {
  it("joins a lower-case institution word to the name after it", () => {
    const found = spans(
      "I ricercatori dell'università di Tarvania e un funzionario del ministero degli Esteri hanno scritto alla fondazione Orlamide.",
    );
    expect(found["università di Tarvania"]).toBe("ORGANIZATION");
    expect(found["ministero degli Esteri"]).toBe("ORGANIZATION");
    expect(found["fondazione Orlamide"]).toBe("ORGANIZATION");
  });

  it("keeps a body's complement over 'della' and 'per l''", () => {
    const found = spans(
      "Il Ministero della Salute ha risposto al Movimento per l'Autonomia e al Fondo per l'Ambiente Italiano.",
    );
    expect(found["Ministero della Salute"]).toBe("ORGANIZATION");
    expect(found["Movimento per l'Autonomia"]).toBe("ORGANIZATION");
    expect(found["Fondo per l'Ambiente Italiano"]).toBe("ORGANIZATION");
  });

  it("keeps the adjectives of a body", () => {
    const found = spans("La Corte suprema ha deciso; la Protezione civile e la Nazionale argentina hanno ringraziato.");
    expect(found["Corte suprema"]).toBe("ORGANIZATION");
    expect(found["Protezione civile"]).toBe("ORGANIZATION");
    expect(found["Nazionale argentina"]).toBe("ORGANIZATION");
  });

  it("reads an office and its town as one body; KIND's spans split them (corpus: kind)", () => {
    const text = "La Procura di Brenzola indaga; l'Istituto Verdelli di Castrano ha sospeso le lezioni.";
    const news = spans(text);
    expect(news["Procura di Brenzola"]).toBe("ORGANIZATION");
    expect(news["Istituto Verdelli di Castrano"]).toBe("ORGANIZATION");
    expect(news.Brenzola).toBeUndefined();
    const kind = spans(text, { corpus: "kind" });
    expect(kind.Procura).toBe("ORGANIZATION");
    expect(kind.Brenzola).toBe("LOCATION");
    expect(kind["Istituto Verdelli"]).toBe("ORGANIZATION");
    expect(kind.Castrano).toBe("LOCATION");
  });

  it("reads an article before unknown words, or English common words, as a company, a band or a paper", () => {
    const found = spans(
      "Il contratto con la Harwick Lomax è saltato, secondo un analista di Northgate Equity Research e il quotidiano La Gazzetta Brenese.",
    );
    expect(found["Harwick Lomax"]).toBe("ORGANIZATION");
    expect(found["Northgate Equity Research"]).toBe("ORGANIZATION");
    expect(found["La Gazzetta Brenese"]).toBe("ORGANIZATION");
  });

  it("reads a town after an article as its club, and leaves regions and towns without one alone", () => {
    const found = spans("Ieri la Roma ha battuto il Napoli; a Torino e nella Lombardia ha piovuto.");
    expect(found.Roma).toBe("ORGANIZATION");
    expect(found.Napoli).toBe("ORGANIZATION");
    expect(found.Torino).toBe("LOCATION");
    expect(found.Lombardia).toBe("LOCATION");
  });
});

describe("Italian places", () => {
  it("joins a place name over a link after a preposition of place", () => {
    const found = spans("Il volo è atterrato a Città del Capo, poi è ripartito per Borgo dei Salici.");
    expect(found["Città del Capo"]).toBe("LOCATION");
    expect(found["Borgo dei Salici"]).toBe("LOCATION");
  });

  it("keeps the lower-case head of a square and of a church", () => {
    const found = spans("Il corteo è partito da piazzale Ravelli ed è arrivato nella chiesa di San Teodoro Abate.");
    expect(found["piazzale Ravelli"]).toBe("LOCATION");
    expect(found["chiesa di San Teodoro Abate"]).toBe("LOCATION");
  });

  it("cuts a named square from its town, and keeps a lake's", () => {
    const found = spans("Un incidente in Piazza Vittorio Emanuele di Roma; sul Lago di Como piove.");
    expect(found["Piazza Vittorio Emanuele"]).toBe("LOCATION");
    expect(found.Roma).toBe("LOCATION");
    expect(found["Lago di Como"]).toBe("LOCATION");
  });

  it("keeps a saint's first name inside a place", () => {
    expect(spans("La folla riempiva la Basilica di San Pietro.")["Basilica di San Pietro"]).toBe("LOCATION");
  });
});

describe("Italian people", () => {
  it("splits a known country or town from the person named after it", () => {
    const text = "L'ex presidente dell'Egitto Hosni Mubarak è stato condannato.";
    const entities = extractEntities(text, { language: "it" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Egypt").type).toBe("LOCATION");
    expect(entityNamed(entities, "Hosni Mubarak").type).toBe("PERSON");
  });

  it("keeps surname particles, compound first names and religious titles", () => {
    const found = spans(
      "Erano presenti Ernesto Di Lorenzo, Pier Luigi Bertocchi e Luigi di Mauro; ci ha accolti suor Rosanna.",
    );
    expect(found["Ernesto Di Lorenzo"]).toBe("PERSON");
    expect(found["Pier Luigi Bertocchi"]).toBe("PERSON");
    expect(found["Luigi di Mauro"]).toBe("PERSON");
    expect(found.Rosanna).toBe("PERSON");
    // KIND spans the religious title with the name.
    expect(spans("Ci ha accolti suor Rosanna.", { corpus: "kind" })["suor Rosanna"]).toBe("PERSON");
  });
});

describe("a capitalised surname particle", () => {
  it("starts a person's surname, not a place, after 'a'", () => {
    const entities = extractEntities("Il premio è stato consegnato a De Nardi ieri.", { language: "it" });
    expect(entities.map((e) => [e.name, e.type])).toEqual([["De Nardi", "PERSON"]]);
  });
});
