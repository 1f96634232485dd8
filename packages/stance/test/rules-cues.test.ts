import type { Stance } from "@rassegna/core";
import { MAX_EVIDENCE, type RulesStanceOptions, tagStance as tagWith } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

/** These tests read the rules themselves: the learned decision is tested in relations.test.ts. */
const tagStance = (text: string, options: RulesStanceOptions = {}) => tagWith(text, { decision: "rules", ...options });

function pair(stances: Stance[], holder: string | undefined, target: string): Stance | undefined {
  return stances.find((s) => s.holder === holder && s.target === target);
}

describe("nouns of who holds a stance (supporter, critic)", () => {
  it("reads 'X, a Y supporter' as X in favour of Y", () => {
    const text = "Lina Ferrante, a longtime Okonkwo supporter, spoke at the rally on Sunday.";
    const stances = tagStance(text, { holders: ["Lina Ferrante"], targets: ["Okonkwo"], language: "en" });
    expect(pair(stances, "Lina Ferrante", "Okonkwo")).toMatchObject({ stance: "FAVOR" });
    expect(pair(stances, "Lina Ferrante", "Okonkwo")?.evidence[0]).toMatchObject({
      rule: "holder-agent-noun",
      cue: "supporter",
    });
  });

  it("reads a possessive before the noun and 'critics of' after it", () => {
    const text = "Marek Dvorak, one of Sasha Petrov's fiercest critics, left the hall.";
    const stances = tagStance(text, { holders: ["Marek Dvorak"], targets: ["Sasha Petrov"], language: "en" });
    expect(pair(stances, "Marek Dvorak", "Sasha Petrov")?.stance).toBe("AGAINST");
    const after = tagStance("The mayor Ada Quinn has long been among the critics of the Harbour Board.", {
      holders: ["Ada Quinn"],
      targets: ["Harbour Board"],
      language: "en",
    });
    expect(pair(after, "Ada Quinn", "Harbour Board")?.stance).toBe("AGAINST");
  });

  it("reads the Italian 'tra i sostenitori di Y'", () => {
    const text = "Marco Vela, tra i sostenitori di Lucia Brandi, ha parlato ieri in consiglio.";
    const stances = tagStance(text, { holders: ["Marco Vela"], targets: ["Lucia Brandi"], language: "it" });
    expect(pair(stances, "Marco Vela", "Lucia Brandi")?.stance).toBe("FAVOR");
  });

  it("does not give the stance to the target itself", () => {
    const text = "Lina Ferrante, a longtime Okonkwo supporter, spoke at the rally on Sunday.";
    const stances = tagStance(text, { holders: ["Okonkwo"], targets: ["Lina Ferrante"], language: "en" });
    expect(pair(stances, "Okonkwo", "Lina Ferrante")?.stance).toBe("NONE");
  });
});

describe("reported speech", () => {
  it("gives the valence of what a holder says about a target to the holder", () => {
    const text = "Halvorsen said on Friday that Brandt had made false and reckless claims about the budget.";
    const stances = tagStance(text, { holders: ["Halvorsen", "Brandt"], targets: ["Brandt", "Halvorsen"] });
    const said = pair(stances, "Halvorsen", "Brandt");
    expect(said?.stance).toBe("AGAINST");
    expect(said?.evidence[0]?.rule).toBe("reported-valence");
    expect(said?.evidence[0]?.cue).toMatch(/^said: /);
    // The one reported on holds no stance toward the speaker.
    expect(pair(stances, "Brandt", "Halvorsen")?.stance).toBe("NONE");
  });

  it("needs clear praise before a report reads as FAVOR", () => {
    const faint = tagStance("Okafor told reporters that Lindqvist had a good week.", {
      holders: ["Okafor"],
      targets: ["Lindqvist"],
    });
    expect(pair(faint, "Okafor", "Lindqvist")?.stance).toBe("NONE");
    const clear = tagStance("Okafor told reporters that Lindqvist was an excellent, honest and brave leader.", {
      holders: ["Okafor"],
      targets: ["Lindqvist"],
    });
    expect(pair(clear, "Okafor", "Lindqvist")?.stance).toBe("FAVOR");
  });
});

describe("broader English cues", () => {
  it.each([
    ["Senator Alvarez pointed the finger at the Harbour Board for the delays.", "AGAINST"],
    ["Senator Alvarez took aim at the Harbour Board in a long speech.", "AGAINST"],
    ["Senator Alvarez vowed to repeal the Harbour Board's new levy.", "AGAINST"],
    ["Senator Alvarez met the Harbour Board on Monday.", "NONE"],
    ["Senator Alvarez teamed up with the Harbour Board on the new ferry line.", "FAVOR"],
    ["Senator Alvarez stood up for the Harbour Board when the budget was cut.", "FAVOR"],
  ])("%s → %s", (text, expected) => {
    const stances = tagStance(text, { holders: ["Senator Alvarez"], targets: ["Harbour Board"], language: "en" });
    expect(pair(stances, "Senator Alvarez", "Harbour Board")?.stance).toBe(expected);
  });
});

describe("evidence lists", () => {
  it(`keep at most ${MAX_EVIDENCE} items per stance, the strongest for the label, in text order`, () => {
    const sentences = [
      "Washington praised Iran for the prisoner swap.",
      ...Array.from({ length: 8 }, (_, i) => `On day ${i + 1}, Washington sanctioned Iran again.`),
    ];
    const text = sentences.join(" ");
    const stances = tagStance(text, { holders: ["United States"], targets: ["Iran"] });
    const stance = pair(stances, "United States", "Iran");
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.evidence).toHaveLength(MAX_EVIDENCE);
    // The lone praise loses its place to the sanctions that decide the label.
    expect(stance?.evidence.every((e) => e.cue === "sanctioned")).toBe(true);
    const starts = stance?.evidence.map((e) => e.start) ?? [];
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const e of stance?.evidence ?? []) expect(text.slice(e.start, e.end)).toMatch(/Washington sanctioned Iran/);
  });
});

describe("the text's own stance toward a person (news words)", () => {
  const own = (text: string, target: string) =>
    pair(tagStance(text, { targets: [target], language: "en" }), undefined, target)?.stance;

  it("does not read 'like', 'care' or 'Justice' in names and prepositions as praise", () => {
    expect(
      own("Like Vantongeren, the other mayors met the health care panel at the Justice Department.", "Vantongeren"),
    ).toBe("NONE");
  });

  it("reads appointments and poll leads as favourable, rebukes and routs as unfavourable", () => {
    expect(own("Vantongeren was tapped on Monday to run the port authority.", "Vantongeren")).toBe("FAVOR");
    expect(own("Vantongeren led the latest poll by six points.", "Vantongeren")).toBe("FAVOR");
    expect(own("Vantongeren got trounced in the primary.", "Vantongeren")).toBe("AGAINST");
    expect(own("Critics called Vantongeren's answers disingenuous.", "Vantongeren")).toBe("AGAINST");
  });

  it("rates words AFINN-165 lacks through the VADER lexicon", () => {
    expect(own("Vantongeren gave an admirable account of the year.", "Vantongeren")).toBe("FAVOR");
    expect(own("Vantongeren gave a petty account of the year.", "Vantongeren")).toBe("AGAINST");
  });

  it("reads 'fights for' as championing, not conflict", () => {
    expect(own("Vantongeren fights for the rights of seasonal workers.", "Vantongeren")).toBe("FAVOR");
    expect(own("Vantongeren fights with the unions again.", "Vantongeren")).toBe("AGAINST");
  });
});
