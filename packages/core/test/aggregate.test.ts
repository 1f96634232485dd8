import { describe, expect, it } from "vitest";

import { type Analysis, aggregateStances, periodOf, type Stance } from "../src/index.js";

function record(id: string, date: string | undefined, stances: Array<Partial<Stance>>): Analysis {
  return { id, text: "", errors: [], ...(date ? { date } : {}), stances: stances as Stance[] };
}

const corpus: Analysis[] = [
  record("n1", "2026-01-10", [
    {
      holder: "Marta Rossi",
      holderActor: "Freedonia",
      target: "Sylvania",
      stance: "AGAINST",
      evidence: [{ start: 0, end: 9 }],
    },
    { holder: "Freedonia", target: "Sylvania", stance: "AGAINST", evidence: [] },
  ]),
  record("n2", "2026-02-03T08:00:00Z", [
    { holder: "Ugo Neri", holderActor: "Freedonia", target: "Sylvania", stance: "FAVOR", evidence: [] },
    { target: "Sylvania", stance: "NONE", evidence: [] },
  ]),
  record("n3", undefined, [{ holder: "Sylvania", target: "Freedonia", stance: "FAVOR", evidence: [] }]),
  // Malformed stances are left out, never thrown on.
  {
    id: "bad",
    text: "",
    errors: [],
    stances: [null, { target: 3 }, { target: "X", stance: "MAYBE" }],
  } as unknown as Analysis,
];

describe("aggregateStances", () => {
  it("groups people under the actor they speak for, with counts, net score, dates and references", () => {
    const pairs = aggregateStances(corpus);
    const pair = pairs.find((p) => p.holder === "Freedonia" && p.target === "Sylvania")!;
    expect(pair).toMatchObject({
      favor: 1,
      against: 2,
      none: 0,
      net: -1,
      articles: 2,
      first: "2026-01-10",
      last: "2026-02-03",
    });
    expect(pair.balance).toBeCloseTo(-1 / 3);
    expect(pair.references.map((r) => [r.id, r.stance])).toEqual([
      ["n1", "AGAINST"],
      ["n1", "AGAINST"],
      ["n2", "FAVOR"],
    ]);
    expect(pair.references[0]!.evidence).toEqual([{ start: 0, end: 9 }]);
    expect(pair.periods).toEqual([
      { start: "2026-01-01", favor: 0, against: 2, net: -2 },
      { start: "2026-02-01", favor: 1, against: 0, net: 1 },
    ]);
    expect(pairs[0]).toBe(pair);
    // Undated records count, in no period; NONE only when asked.
    const back = pairs.find((p) => p.holder === "Sylvania")!;
    expect(back).toMatchObject({ favor: 1, periods: [] });
    expect(back.first).toBeUndefined();
    expect(pairs.some((p) => p.holder === undefined)).toBe(false);
    expect(aggregateStances(corpus, { includeNone: true }).find((p) => p.holder === undefined)?.none).toBe(1);
  });

  it("keeps people apart by holder", () => {
    const pairs = aggregateStances(corpus, { by: "holder" });
    expect(pairs.map((p) => `${p.holder}>${p.target}`).sort()).toEqual([
      "Freedonia>Sylvania",
      "Marta Rossi>Sylvania",
      "Sylvania>Freedonia",
      "Ugo Neri>Sylvania",
    ]);
  });

  it("cuts periods by day, ISO week, year or a number of days", () => {
    expect(periodOf("2026-12-02", "day")).toBe("2026-12-02");
    expect(periodOf("2026-12-02", "week")).toBe("2026-11-30");
    expect(periodOf("2026-12-02", "year")).toBe("2026-01-01");
    expect(periodOf("2026-12-02", { days: 1 })).toBe("2026-12-02");
    const weekly = aggregateStances(corpus, { window: "week" });
    expect(weekly[0]!.periods.map((p) => p.start)).toEqual(["2026-01-05", "2026-02-02"]);
  });

  it("refuses wrong options with a clear message", () => {
    expect(() => aggregateStances(corpus, { by: "country" as never })).toThrow(/by must be "actor" or "holder"/);
    expect(() => aggregateStances(corpus, { window: "fortnight" as never })).toThrow(/window must be/);
    expect(() => aggregateStances(corpus, { window: { days: 0 } })).toThrow(/window.days/);
    expect(() => aggregateStances(corpus, { maxEvidence: Number.NaN })).toThrow(/maxEvidence/);
  });
});
