import type { Entity } from "@rassegna/core";
import { tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

/** Entities as the entities stage gives them: a canonical name and the forms the text uses. */
function entities(...names: Array<[name: string, ...forms: string[]]>): Entity[] {
  const people: Entity[] = names.map(([name, ...forms]) => ({
    name,
    type: "PERSON",
    source: "original",
    mentions: [name, ...forms].map((text) => ({ start: 0, end: 0, text })),
  }));
  const places: Entity[] = ["United States", "Russia", "Chile"].map((name) => ({
    name,
    type: "LOCATION",
    source: "original",
    mentions: [],
  }));
  return [...people, ...places];
}

function pairs(text: string, language: string, known?: Entity[], decision: "rules" | "learned" = "rules") {
  return tagStance(text, { language, decision, ...(known ? { entities: known } : {}) })
    .filter((s) => s.holder !== undefined)
    .map((s) => `${s.holder} → ${s.target} ${s.stance}`);
}

describe("relations only where the text states them", () => {
  it("reads a solidarity list as each member toward the one they side with, nothing between them", () => {
    expect(pairs("Portugal and Austria expressed solidarity with Estonia.", "en").sort()).toEqual([
      "Austria → Estonia FAVOR",
      "Portugal → Estonia FAVOR",
    ]);
    expect(pairs("Portogallo e Austria hanno espresso solidarietà all'Estonia.", "it").sort()).toEqual([
      "Austria → Estonia FAVOR",
      "Portugal → Estonia FAVOR",
    ]);
  });

  it("reads support for someone's pressure as support for them", () => {
    const known = entities(["Ilse Varga", "Varga"]);
    expect(pairs("Varga sostiene la pressione di Washington sul governo.", "it", known)).toEqual([
      "Ilse Varga → United States FAVOR",
    ]);
    expect(pairs("Varga backs the pressure of Washington on the government.", "en", known)).toEqual([
      "Ilse Varga → United States FAVOR",
    ]);
  });

  it("does not read criticism of sanctions on a country as a stance against that country", () => {
    const known = entities(["Ilse Varga", "Varga"]);
    expect(pairs("Varga criticised the sanctions on Moscow.", "en", known)).toEqual([]);
    expect(pairs("Varga ha criticato le sanzioni contro Mosca.", "it", known)).toEqual([]);
  });

  it("reads a threat of sanctions as the threatener's stance toward their target", () => {
    expect(pairs("Canada threatened sanctions against Belarus.", "en")).toEqual(["Canada → Belarus AGAINST"]);
  });

  it("reads a state after a role noun and 'of' as the one who acts", () => {
    expect(pairs("Il presidente degli Stati Uniti ha criticato la Russia.", "it")).toEqual([
      "United States → Russia AGAINST",
    ]);
    expect(pairs("The foreign minister of Japan praised Chile.", "en")).toEqual(["Japan → Chile FAVOR"]);
  });

  it("gives no relation for a neutral meeting, a negated or a hypothetical act", () => {
    expect(pairs("Chile and Peru met in Lima on Tuesday.", "en")).toEqual([]);
    expect(pairs("Chile did not criticise Peru.", "en")).toEqual([]);
    expect(pairs("Chile could support Peru next year.", "en")).toEqual([]);
  });

  it("gives the second verb of a coordinated pair the first one's subject", () => {
    expect(pairs("Chile thanked Peru for its help and praised the role of Uruguay.", "en")).toEqual([
      "Chile → Peru FAVOR",
      "Chile → Uruguay FAVOR",
    ]);
    expect(pairs("Il Cile ha ringraziato il Perù per l'aiuto e ha elogiato il ruolo dell'Uruguay.", "it")).toEqual([
      "Chile → Peru FAVOR",
      "Chile → Uruguay FAVOR",
    ]);
  });

  it("does not carry a subject across 'while' into the next clause", () => {
    expect(
      pairs("Chile threatened Peru with tariffs, while the Uruguayan minister praised Bolivia.", "en"),
    ).not.toContain("Peru → Bolivia FAVOR");
  });

  it("matches a person by the short form the text uses for them", () => {
    const known = entities(["Ilse Varga", "Varga"]);
    expect(pairs("Varga accused Chile of lying.", "en", known)).toEqual(["Ilse Varga → Chile AGAINST"]);
  });
});

describe("person-level holders", () => {
  it("names the person and gives the state they speak for", () => {
    const stances = tagStance("Xi Jinping criticised Japan over the islands.", { language: "en" });
    expect(stances).toContainEqual(
      expect.objectContaining({ holder: "Xi Jinping", holderActor: "China", target: "Japan", stance: "AGAINST" }),
    );
  });

  it("reads a capital used for its government as the country itself", () => {
    const stances = tagStance("Pechino accusa Tokyo di provocazioni.", { language: "it" });
    expect(stances).toContainEqual(expect.objectContaining({ holder: "China", target: "Japan", stance: "AGAINST" }));
  });
});

describe("the learned decision", () => {
  it("labels holder → target pairs from the rules' findings and the words around them", () => {
    const ask = (text: string) =>
      tagStance(text, { language: "en", holders: ["Chile"], targets: ["Peru"] }).find((s) => s.holder === "Chile");
    expect(ask("Chile sharply condemned Peru for the border raid.")?.stance).toBe("AGAINST");
    expect(ask("Chile warmly praised Peru for its help after the floods.")?.stance).toBe("FAVOR");
    expect(ask("Chile and Peru will hold the next round of talks in March.")?.stance).toBe("NONE");
  });

  it("keeps the rules available and says which decided", () => {
    const stance = tagStance("Chile sharply condemned Peru for the border raid.", {
      language: "en",
      holders: ["Chile"],
      targets: ["Peru"],
      decision: "rules",
    })[0];
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.evidence[0]?.rule).toBe("subject-verb-object");
    expect(() => tagStance("Chile.", { decision: "magic" as never })).toThrow(/decision/);
  });
});
