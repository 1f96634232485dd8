import { extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets } from "./helpers.js";

/** Mention text → type, for compact assertions. */
function spans(text: string, language = "en"): Record<string, string> {
  const entities = extractEntities(text, { language });
  expectTrueOffsets(text, entities);
  return Object.fromEntries(entities.flatMap((e) => e.mentions.map((m) => [m.text, e.type])));
}

/** A sports report: enough sports words for the rules to read it as one. */
const SPORTS = "The league match ended in a draw ; the striker scored two goals and the team won the cup final .";

describe("datelines", () => {
  it("reads the place a report is filed from, even in a sports report where towns are clubs", () => {
    const found = spans(
      `SOCCER - LATE GOAL SINKS VISITORS .\nKARVELLO , Ruritania 2026-03-14\n${SPORTS}\nKarvello 2 Dunmore 1`,
    );
    expect(found.KARVELLO).toBe("LOCATION");
    expect(found.Ruritania).toBe("LOCATION");
    // On the results line the same name is a side.
    expect(found.Karvello).toBe("ORGANIZATION");
  });

  it("takes a month and day as the date, and leaves a month alone", () => {
    const found = spans("OSTRAVEN , Nov 26 - Officials said the plant would close .\nJuly 96 June 96 July 95");
    expect(found.OSTRAVEN).toBe("LOCATION");
    expect(found.July).toBeUndefined();
  });
});

describe("organisation names", () => {
  it("cuts a place-based compound off the name and reads the name as an organisation", () => {
    const found = spans("Shares of Denver-based Quillmark rose , and Communist-led Fedrovo unions marched .");
    expect(found.Quillmark).toBe("ORGANIZATION");
    expect(found.Fedrovo).toBe("ORGANIZATION");
    expect(found["Denver-based Quillmark"]).toBeUndefined();
  });

  it("keeps a nationality that starts the name of a party or an agency, not of a ministry", () => {
    const found = spans(
      "The Scottish National Party and the Iraqi News Agency disagreed , the Chinese Foreign Ministry said .",
    );
    expect(found["Scottish National Party"]).toBe("ORGANIZATION");
    expect(found["Iraqi News Agency"]).toBe("ORGANIZATION");
    expect(found["Foreign Ministry"]).toBe("ORGANIZATION");
    expect(found["Chinese Foreign Ministry"]).toBeUndefined();
  });

  it("joins common nouns over 'and' inside a body's name, but not two names", () => {
    const found = spans(
      "Talks were led by the Organisation for Security and Cooperation in Europe , far from the West Bank and Gaza .",
    );
    expect(found["Organisation for Security and Cooperation in Europe"]).toBe("ORGANIZATION");
    expect(found["West Bank"]).toBe("LOCATION");
    expect(found.Gaza).toBe("LOCATION");
  });

  it("reads an organisation's head word inside a longer name", () => {
    const found = spans("A spokesman for the Coastal Federation of Harbour Pilots said talks would resume .");
    expect(found["Coastal Federation of Harbour Pilots"]).toBe("ORGANIZATION");
  });

  it("keeps the article of a title written with a capital inside a sentence", () => {
    const found = spans("The figures were first reported by The Morning Ledger on Friday .");
    expect(found["The Morning Ledger"]).toBe("ORGANIZATION");
  });
});

describe("sports tables", () => {
  it("reads names on results lines and standings rows as sides, and a golfer's rounds as a person's", () => {
    const found = spans(
      `${SPORTS}\nBarnaby Fenwick 2 Orrin Vale 0\nBarnaby Fenwick 4 3 1 0 9 3 10\nCallum Strachan 70 68 72 210`,
    );
    expect(found["Barnaby Fenwick"]).toBe("ORGANIZATION");
    expect(found["Orrin Vale"]).toBe("ORGANIZATION");
    expect(found["Callum Strachan"]).toBe("PERSON");
  });

  it("reads 'St' before a name as part of it", () => {
    const found = spans(`${SPORTS}\nSt Kilvern 3 Dunmore 1`);
    expect(found["St Kilvern"]).toBe("ORGANIZATION");
  });
});
