import type { Stance } from "@rassegna/core";
import { type RulesStanceOptions, tagStance as tagWith } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

/** These tests read the rules themselves: the learned decision is tested in relations.test.ts. */
const tagStance = (text: string, options: RulesStanceOptions = {}) => tagWith(text, { decision: "rules", ...options });

/** The text's own stance (no holder) toward one person. */
function own(text: string, target = "Okafor", language = "en"): Stance | undefined {
  return tagStance(text, { targets: [target], language }).find((s) => s.holder === undefined && s.target === target);
}

describe("the text's own stance: the target's own words", () => {
  it("does not read a cue inside what the target is quoted as saying as the text's view of them", () => {
    expect(own("“We will back the new plan and support the workers,” Okafor said.")?.stance).toBe("NONE");
    expect(own("“I recommend the plan,” Okafor said.")?.stance).toBe("NONE");
  });

  it("takes core's verbs of saying for the speaker's ('reported'), not the ambiguous ones", () => {
    const quote = "“We will back the new plan and support the workers,”";
    expect(own(`${quote} Okafor reported.`)?.stance).toBe("NONE");
    // "announced" is left out (ambiguous-speech-verbs): it announces acts as often as words.
    expect(own(`${quote} Okafor announced.`)?.stance).toBe("FAVOR");
  });

  it("still reads what someone else says about the target", () => {
    const stance = own("“Okafor deceived the voters,” the mayor said.");
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.evidence.length).toBeGreaterThan(0);
  });
});

describe("the text's own stance: negation", () => {
  it("reads a negated charge as no stance, not as praise", () => {
    expect(own("Okafor was not charged in the case.")?.stance).toBe("NONE");
    expect(own("Okafor has never been accused of fraud.")?.stance).toBe("NONE");
  });

  it("reads a negated good word as unfavourable", () => {
    const stance = own("Okafor did not keep the promise.");
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.evidence.some((e) => e.rule === "evaluative+negation")).toBe(true);
  });

  it("lets a negator reach a few words ahead within its clause", () => {
    expect(own("Okafor does not appear likely to win the seat.")?.stance).toBe("AGAINST");
  });

  it("stops a negator at the end of its clause", () => {
    expect(own("Rivals did not run, Okafor won.")?.stance).toBe("FAVOR");
  });

  it("reads words of something not done or not had as negation", () => {
    expect(own("Okafor lacks the courage to lead.")?.stance).toBe("AGAINST");
    expect(own("Okafor was unable to convince the council.")?.stance).toBe("AGAINST");
    expect(own("Okafor has the courage to lead.")?.stance).toBe("FAVOR");
  });
});

describe("the text's own stance: news words AFINN and VADER lack", () => {
  it("reads verbs of public censure and words of standing", () => {
    expect(own("Okafor was lambasted by the council.")?.stance).toBe("AGAINST");
    expect(own("Okafor was booed at the rally.")?.stance).toBe("AGAINST");
    const praised = own("Okafor, a tireless statesman, opened the session.");
    expect(praised?.stance).toBe("FAVOR");
    expect(praised?.evidence.map((e) => e.cue)).toEqual(expect.arrayContaining(["tireless", "statesman"]));
  });

  it("reads them only in English", () => {
    expect(own("Okafor era un statesman.", "Okafor", "it")?.stance).toBe("NONE");
  });

  it("gives evidence spans that are true offsets into the text", () => {
    const text = "The session opened late. Okafor was lambasted by the council.";
    const stance = own(text);
    expect(stance?.stance).toBe("AGAINST");
    for (const e of stance?.evidence ?? [])
      expect(text.slice(e.start, e.end)).toBe("Okafor was lambasted by the council.");
  });
});
