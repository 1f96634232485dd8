import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { entityNamed, expectTrueOffsets } from "./helpers.js";

const typeOf = (text: string, name: string) => entityNamed(extractEntities(text, { language: "en" }), name).type;

describe("organisation cues from context (names no gazetteer knows)", () => {
  it("reads a company from what follows its name", () => {
    expect(typeOf("Brontavo said it would cut prices in the autumn.", "Brontavo")).toBe("ORGANIZATION");
    expect(typeOf("Analysts expect Brontavo shareholders to approve the plan.", "Brontavo")).toBe("ORGANIZATION");
    expect(typeOf("Yesterday Brontavo CEO Anna Reed resigned.", "Brontavo")).toBe("ORGANIZATION");
    expect(typeOf("Investors watched Brontavo 's shares fall.", "Brontavo")).toBe("ORGANIZATION");
  });

  it("reads a company from a noun before it or an apposition after it", () => {
    expect(typeOf("The news agency Veltrana reported the fire.", "Veltrana")).toBe("ORGANIZATION");
    expect(typeOf("Profits rose at Veltrana, the largest regional carrier.", "Veltrana")).toBe("ORGANIZATION");
    expect(typeOf("He met Veltrana, which makes pumps.", "Veltrana")).toBe("ORGANIZATION");
  });

  it("types every mention of the name by the cue, and leaves people alone", () => {
    const text = "Veltrana reported a loss. Later Veltrana said it would sell a unit. Jane Morrow said it was over.";
    const entities = extractEntities(text, { language: "en" });
    expectTrueOffsets(text, entities);
    expect(entityNamed(entities, "Veltrana").mentions).toHaveLength(2);
    expect(entityNamed(entities, "Veltrana").type).toBe("ORGANIZATION");
    expect(entityNamed(entities, "Jane Morrow").type).toBe("PERSON");
  });

  it("does not take the organisation of an apposition's inner name for the name before it", () => {
    const text = "Police detained Li Qiang, the Paris-based rights group Free Voices said.";
    expect(entityNamed(extractEntities(text, { language: "en" }), "Li Qiang").type).toBe("PERSON");
  });
});

describe("short forms of people named in full", () => {
  it("reads a lone word as the person whose surname it is, even when it is also a city", () => {
    const text = "Tennis player Paul Washington won in straight sets. Washington said he felt strong.";
    const entities = extractEntities(text, { language: "en" });
    const person = entityNamed(entities, "Paul Washington");
    expect(person.type).toBe("PERSON");
    expect(person.mentions.map((m) => m.text)).toEqual(["Paul Washington", "Washington"]);
  });
});
