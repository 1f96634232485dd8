import type { Stance } from "@rassegna/core";
import { type RulesStanceOptions, tagStance as tagWith } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

/** These tests read the rules themselves: the learned decision is tested in relations.test.ts. */
const tagStance = (text: string, options: RulesStanceOptions = {}) => tagWith(text, { decision: "rules", ...options });

function pair(stances: Stance[], holder: string | undefined, target: string): Stance | undefined {
  return stances.find((s) => s.holder === holder && s.target === target);
}

function label(stances: Stance[], holder: string | undefined, target: string): string | undefined {
  return pair(stances, holder, target)?.stance;
}

describe("direction", () => {
  it("reads the subject as holder and the object as target", () => {
    const stances = tagStance("Washington sanctions Iran over its missile tests.");
    expect(label(stances, "United States", "Iran")).toBe("AGAINST");
    expect(pair(stances, "Iran", "United States")).toBeUndefined();
  });

  it("turns the passive around: the agent after 'by' holds the stance", () => {
    const stances = tagStance("Iran was sanctioned by Washington last week.");
    expect(label(stances, "United States", "Iran")).toBe("AGAINST");
    expect(pair(stances, "Iran", "United States")).toBeUndefined();
    expect(pair(stances, "United States", "Iran")?.evidence[0]?.rule).toBe("passive-agent");
  });

  it("reads the Italian passive with 'da'", () => {
    const stances = tagStance("Il mese scorso l'Iran è stato sanzionato da Washington.");
    expect(label(stances, "United States", "Iran")).toBe("AGAINST");
    expect(pair(stances, "Iran", "United States")).toBeUndefined();
  });

  it("follows reported speech to the clause that holds the cue", () => {
    const stances = tagStance("Tokyo said on Monday that Seoul had praised Washington.");
    expect(label(stances, "South Korea", "United States")).toBe("FAVOR");
    expect(pair(stances, "Japan", "United States")).toBeUndefined();
  });

  it("does not take a news agency quoted as source for a holder", () => {
    const stances = tagStance("According to Reuters, Paris criticised Berlin for the delay.");
    expect(label(stances, "France", "Germany")).toBe("AGAINST");
    expect(stances.some((s) => s.holder === "Reuters")).toBe(false);
  });
});

describe("coordination and mutual relations", () => {
  it("gives two holders to coordinated subjects", () => {
    const stances = tagStance("China and Russia stand together against the United States.");
    expect(label(stances, "China", "United States")).toBe("AGAINST");
    expect(label(stances, "Russia", "United States")).toBe("AGAINST");
  });

  it("does not join two actors separated by a bare comma", () => {
    const stances = tagStance("Secondo i media statunitensi, Mosca ha attaccato Kiev.");
    expect(label(stances, "Russia", "Ukraine")).toBe("AGAINST");
    expect(pair(stances, "United States", "Ukraine")).toBeUndefined();
    const list = tagStance("Taiwan, Japan and South Korea criticised Pyongyang.");
    for (const holder of ["Taiwan", "Japan", "South Korea"]) expect(label(list, holder, "North Korea")).toBe("AGAINST");
  });

  it("reads a partnership between two actors as FAVOR both ways", () => {
    const stances = tagStance("The partnership between Beijing and Moscow keeps growing.");
    expect(label(stances, "China", "Russia")).toBe("FAVOR");
    expect(label(stances, "Russia", "China")).toBe("FAVOR");
  });

  it("names leaders as people, with the country they speak for (Italian)", () => {
    const stances = tagStance("Da anni cresce la partnership tra Xi Jinping e Vladimir Putin.");
    expect(label(stances, "Xi Jinping", "Vladimir Putin")).toBe("FAVOR");
    expect(label(stances, "Vladimir Putin", "Xi Jinping")).toBe("FAVOR");
    expect(pair(stances, "Xi Jinping", "Vladimir Putin")).toMatchObject({
      holderActor: "China",
      targetActor: "Russia",
    });
  });

  it("reads 'X e Y considerano Z il nemico' as two holders against Z", () => {
    const stances = tagStance("Pechino e Mosca vedono Washington come il nemico principale.");
    expect(label(stances, "China", "United States")).toBe("AGAINST");
    expect(label(stances, "Russia", "United States")).toBe("AGAINST");
    expect(pair(stances, "China", "United States")?.evidence[0]?.rule).toBe("consider-as-adversary");
    expect(pair(stances, "China", "Russia")).toBeUndefined();
  });

  it("gives an 'anti' axis to its members", () => {
    const stances = tagStance("Roma osserva con preoccupazione il nuovo asse tra Teheran e Mosca, anti Usa.");
    expect(label(stances, "Iran", "United States")).toBe("AGAINST");
    expect(label(stances, "Russia", "United States")).toBe("AGAINST");
    expect(label(stances, "Iran", "Russia")).toBe("FAVOR");
    expect(pair(stances, "Italy", "United States")).toBeUndefined();
  });
});

describe("negation", () => {
  it("reads a negated attack as no stance, with the negation in the evidence", () => {
    const stances = tagStance("France did not condemn Italy.", { holders: ["France"], targets: ["Italy"] });
    const stance = pair(stances, "France", "Italy");
    expect(stance?.stance).toBe("NONE");
    expect(stance?.evidence[0]?.rule).toBe("subject-verb-object+negation");
  });

  it("reads a refused support as AGAINST", () => {
    const stances = tagStance("Poland refused to back Hungary at the summit.");
    expect(label(stances, "Poland", "Hungary")).toBe("AGAINST");
  });

  it("reads the Italian 'non' before a cue", () => {
    const stances = tagStance("La Spagna non ha criticato il Portogallo.", {
      holders: ["Spain"],
      targets: ["Portugal"],
    });
    expect(label(stances, "Spain", "Portugal")).toBe("NONE");
  });
});

describe("cues in English and Italian", () => {
  it.each([
    ["Canada strongly supports Ukraine.", "Canada", "Ukraine", "FAVOR"],
    ["Brazil praised Argentina for the agreement.", "Brazil", "Argentina", "FAVOR"],
    ["India accused Pakistan of sheltering militants.", "India", "Pakistan", "AGAINST"],
    ["Il Giappone sostiene le Filippine nella disputa.", "Japan", "Philippines", "FAVOR"],
    ["La Turchia ha condannato Israele per i raid.", "Turkey", "Israel", "AGAINST"],
    ["Londra minaccia nuove sanzioni contro Teheran.", "United Kingdom", "Iran", "AGAINST"],
  ])("%s", (text, holder, target, expected) => {
    expect(label(tagStance(text), holder, target)).toBe(expected);
  });

  it("uses only the Italian cues for Italian text (no English 'bomb*' in 'bombardieri')", () => {
    const stances = tagStance("I bombardieri russi hanno sorvolato il Giappone.", { language: "it" });
    expect(stances.filter((s) => s.holder !== undefined)).toEqual([]);
  });

  it("tells Italian from English by its function words when no language is given", () => {
    const text = "I bombardieri russi e i caccia della Cina hanno sorvolato il Giappone per la prima volta.";
    expect(tagStance(text).filter((s) => s.holder !== undefined)).toEqual([]);
    // The same cue read as English fires: the guess is what keeps it quiet.
    expect(label(tagStance("Russia bombed Japan."), "Russia", "Japan")).toBe("AGAINST");
  });
});

describe("targets and holders", () => {
  it("matches a target given by name through its aliases", () => {
    const text = "Moscow condemned the U.S. over the new tariffs. Gli americani hanno risposto.";
    const stances = tagStance(text, { targets: ["United States"] });
    expect(label(stances, "Russia", "United States")).toBe("AGAINST");
    const own = pair(stances, undefined, "United States");
    expect(own?.stance).toBe("AGAINST");
  });

  it("answers every holder × target pair, NONE included", () => {
    const text = "China criticised Japan over the islands. Russia kept silent.";
    const stances = tagStance(text, { holders: ["China", "Russia"], targets: ["Japan", "United States"] });
    expect(stances.map((s) => `${s.holder}>${s.target}`).sort()).toEqual(
      ["China>Japan", "China>United States", "Russia>Japan", "Russia>United States"].sort(),
    );
    expect(label(stances, "China", "Japan")).toBe("AGAINST");
    const none = pair(stances, "Russia", "United States");
    expect(none?.stance).toBe("NONE");
    expect(none?.evidence).toEqual([]);
  });

  it("gives the text's own stance toward each target (no holder) when only targets are given", () => {
    const stances = tagStance("Brazil praised Argentina for the new trade deal.", { targets: ["Argentina", "Chile"] });
    expect(label(stances, undefined, "Argentina")).toBe("FAVOR");
    expect(label(stances, undefined, "Chile")).toBe("NONE");
  });

  it("reads evaluative words near a target as the text's own stance, but not a speaker's own words", () => {
    const judged = tagStance("Critics say Merkel made a disastrous mistake.", { targets: ["Merkel"] });
    expect(label(judged, undefined, "Merkel")).toBe("AGAINST");
    expect(pair(judged, undefined, "Merkel")?.evidence.some((e) => e.rule === "evaluative")).toBe(true);
    const quoted = tagStance("Merkel said the crisis was a terrible disaster.", { targets: ["Merkel"] });
    expect(label(quoted, undefined, "Merkel")).toBe("NONE");
  });

  it("takes names the gazetteer does not know literally, plural included", () => {
    const text = "The Greens accused the Liberal Party of breaking its promise.";
    const stances = tagStance(text, { holders: ["Green"], targets: ["Liberal Party"] });
    expect(label(stances, "Green", "Liberal Party")).toBe("AGAINST");
  });

  it("uses the entities' names as targets when none are given", () => {
    const text = "Berlin backed Paris in the dispute, while Warsaw criticised Rome.";
    const stances = tagStance(text, {
      entities: [
        { name: "Paris", type: "LOCATION", source: "original", mentions: [{ start: 14, end: 19, text: "Paris" }] },
      ],
    });
    expect(label(stances, "Germany", "France")).toBe("FAVOR");
    expect(stances.some((s) => s.target === "Italy")).toBe(false);
  });
});

describe("a role noun that refers back to a person", () => {
  it("reads 'il leader' as the leader named before, not 'i leader'", () => {
    const intro = "Il leader Matteo Salvini è arrivato a Roma.";
    const singular = tagStance(`${intro} Poi il leader ha criticato Emmanuel Macron.`, { language: "it" });
    expect(label(singular, "Matteo Salvini", "Emmanuel Macron")).toBe("AGAINST");
    const plural = tagStance(`${intro} Poi i leader hanno criticato Emmanuel Macron.`, { language: "it" });
    expect(pair(plural, "Matteo Salvini", "Emmanuel Macron")).toBeUndefined();
  });
});

describe("words of both languages at once", () => {
  it("reads English 'I' before a verb as a pronoun, not the Italian article 'i'", () => {
    const stances = tagStance("Mendes wrote that I support Okafor and I criticise Lindqvist.", {
      language: "en",
      holders: ["Mendes"],
      targets: ["Okafor", "Lindqvist"],
    });
    expect(label(stances, "Mendes", "Okafor")).toBe("FAVOR");
    expect(label(stances, "Mendes", "Lindqvist")).toBe("AGAINST");
  });
});

describe("evidence and scores", () => {
  it("gives evidence spans that point into the text, with the rule and the cue that fired", () => {
    const text = "Intro line.\n\nWashington sanctions Iran. Later, Beijing and Moscow signed a partnership.";
    const stances = tagStance(text);
    const withEvidence = stances.filter((s) => s.evidence.length > 0);
    expect(withEvidence.length).toBeGreaterThan(2);
    for (const stance of withEvidence) {
      expect(stance.score).toBeGreaterThanOrEqual(0);
      expect(stance.score).toBeLessThanOrEqual(1);
      for (const e of stance.evidence) {
        const span = text.slice(e.start, e.end);
        expect(e.rule).toBeTruthy();
        expect(span.toLowerCase()).toContain((e.cue ?? "").toLowerCase());
      }
    }
    const sanction = pair(stances, "United States", "Iran");
    expect(text.slice(sanction?.evidence[0]?.start, sanction?.evidence[0]?.end)).toBe("Washington sanctions Iran.");
  });

  it("scores repeated evidence higher than a single cue", () => {
    const once = pair(tagStance("Canada supports Ukraine."), "Canada", "Ukraine");
    const twice = pair(tagStance("Canada supports Ukraine. Canada praised Ukraine again."), "Canada", "Ukraine");
    expect(twice?.score).toBeGreaterThan(once?.score ?? 1);
  });
});

describe("bad input", () => {
  it("rejects a text that is not a string", () => {
    expect(() => tagStance(42 as unknown as string)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => tagStance(null as unknown as string)).toThrow(/expected the text as a string/);
  });

  it("rejects binary and oversized text", () => {
    expect(() => tagStance("abc\u0000\u0001\u0002def")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => tagStance("Washington sanctions Iran.", { maxLength: 5 })).toThrow(
      expect.objectContaining({ code: "INPUT_TOO_LARGE" }),
    );
  });

  it("rejects bad options", () => {
    expect(() => tagStance("text", { targets: "United States" as unknown as string[] })).toThrow(/"targets" must be/);
    expect(() => tagStance("text", { backend: "magic" as "rules" })).toThrow(/unknown backend/);
  });

  it("says the rules read English and Italian only", () => {
    expect(() => tagStance("Berlin kritisiert Paris.", { language: "de" })).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_LANGUAGE" }),
    );
  });

  it("answers empty text with no stances", () => {
    expect(tagStance("   ")).toEqual([]);
  });
});
