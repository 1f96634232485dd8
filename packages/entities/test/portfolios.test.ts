import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets } from "./helpers.js";

const read = (text: string, language: string) => {
  const entities = extractEntities(text, { language });
  expectTrueOffsets(text, entities);
  return entities.map((e) => `${e.name}/${e.type}`);
};

describe("portfolios, as literal translations write them", () => {
  it("keeps the minister and drops the portfolio after 'minister for the' / 'of the'", () => {
    expect(read("The minister for the Family Carla Bruni signed the decree.", "en")).toEqual(["Carla Bruni/PERSON"]);
    expect(read("Yesterday the minister of the Economy Paolo Verdi defended the budget.", "en")).toEqual([
      "Paolo Verdi/PERSON",
    ]);
  });

  it("does not make an organisation of the portfolio after 'ministry of the'", () => {
    const found = read("The unit answers to the Russian ministry of the Defence and to the Kremlin.", "en");
    expect(found.some((f) => f.startsWith("Defence"))).toBe(false);
  });
});

describe("names with a number among their words", () => {
  it("reads Movimento 5 Stelle and its literal translation as one party with its English name", () => {
    expect(read("Il Movimento 5 Stelle vota contro la manovra.", "it")).toEqual(["Five Star Movement/ORGANIZATION"]);
    expect(read("The leader of the Movement 5 Stars criticised the budget.", "en")).toEqual([
      "Five Star Movement/ORGANIZATION",
    ]);
  });

  it("still stops a capitalised run at a number elsewhere (a score is not a name)", () => {
    const found = read("Inter 2 Milan 1 at the San Siro.", "en");
    expect(found.some((f) => f.includes("2"))).toBe(false);
  });
});

describe("generic nouns", () => {
  it("does not join a lone 'Paese' to what follows an articled preposition", () => {
    const found = read(
      "L'Iran minaccia di rivedere la partecipazione del Paese al Trattato di non proliferazione.",
      "it",
    );
    expect(found.some((f) => f.includes("Paese"))).toBe(false);
    expect(found).toContain("Iran/LOCATION");
  });
});
