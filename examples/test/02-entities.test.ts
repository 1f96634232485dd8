import { describe, expect, it } from "vitest";

import { mentionsInSentences } from "../02-entities.mjs";

const text =
  "Il presidente francese Emmanuel Macron è arrivato a Berlino.\n\nSecondo fonti della Commissione europea, Pechino ha chiesto un incontro con Ursula von der Leyen.";

describe("example 2: entities with offsets and sentences", () => {
  it("gives true offsets and the sentence each mention stands in", async () => {
    const rows = await mentionsInSentences(text, "it");
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(text.slice(row.start, row.end)).toBe(row.mention);
      expect(row.sentence.start).toBeLessThanOrEqual(row.start);
      expect(row.sentence.end).toBeGreaterThanOrEqual(row.end);
      expect(row.marked).toContain(`[${row.mention}]`);
      expect(row.marked.replace(`[${row.mention}]`, row.mention)).toBe(
        text.slice(row.sentence.start, row.sentence.end),
      );
    }
    const starts = rows.map((r) => r.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const berlin = rows.find((r) => r.mention === "Berlino");
    expect(berlin?.sentence.end).toBeLessThanOrEqual(text.indexOf("\n"));
    expect(rows.some((r) => r.mention === "Emmanuel Macron" && r.type === "PERSON")).toBe(true);
    expect(rows.find((r) => r.mention === "Pechino")?.name).toBe("Beijing");
  });
});
