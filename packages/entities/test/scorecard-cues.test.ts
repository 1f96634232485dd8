import { TokenCursor, tokenize } from "@rassegna/core";
import { describe, expect, it } from "vitest";

import { scorecardCues } from "../src/rules/10-sports.js";
import type { Context } from "../src/rules/types.js";

/** Scorecard cues around the first word of an invented sports line, as CoNLL-2003 reads it. */
function cuesOfFirstWord(text: string): number {
  const context = { text, language: "en", corpus: "conll", sports: true } as Context;
  return scorecardCues(new TokenCursor(tokenize(text)), 0, 0, context);
}

describe("cricket scorecard cues (data/rules/en/scorecard-*.yml)", () => {
  it("reads 'run out' and 'not out' after a name as a dismissal, but not 'run' or 'not' alone", () => {
    expect(cuesOfFirstWord("Brisket run out 4")).toBe(1);
    expect(cuesOfFirstWord("Brisket not out 12")).toBe(1);
    expect(cuesOfFirstWord("Brisket run 4")).toBe(0);
    expect(cuesOfFirstWord("Brisket not bad")).toBe(0);
  });

  it("reads a dismissal word after a name and a fielder's word before one", () => {
    expect(cuesOfFirstWord("Thorpe lbw b Quintock 54")).toBe(1);
    const context = { text: "", language: "en", corpus: "conll", sports: true } as Context;
    expect(scorecardCues(new TokenCursor(tokenize("st Pellow b Quintock 9")), 1, 1, context)).toBe(2);
  });
});
