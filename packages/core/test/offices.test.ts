import { officesOf, resolveOffice, roleNouns } from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("office-holders by date", () => {
  it("gives the holder of an office on the day asked", () => {
    expect(resolveOffice("head-of-government", "Italy", "2022-01-10")?.name).toBe("Mario Draghi");
    expect(resolveOffice("head-of-government", "Italy", "2022-10-22")?.name).toBe("Giorgia Meloni");
    expect(resolveOffice("head-of-state", "United States", "2023-06-01")?.name).toBe("Joe Biden");
    expect(resolveOffice("head-of-state", "United States", "2026-03-01")).toMatchObject({
      name: "Donald Trump",
      office: "head-of-state:US",
      id: "Q22686",
    });
  });
  it("reads the country by alias, demonym or code, and a full timestamp by its day", () => {
    expect(resolveOffice("head-of-government", "Germania", "2024-02-01")?.name).toBe("Olaf Scholz");
    expect(resolveOffice("head-of-government", "tedesco", "2025-06-01T09:30:00Z")?.name).toBe("Friedrich Merz");
    expect(resolveOffice("head-of-state", "FR", "2020-01-01")?.name).toBe("Emmanuel Macron");
  });
  it("gives the holders of a body's offices, the body named in any of its forms", () => {
    expect(resolveOffice("president", "Senato della Repubblica", "2024-05-01")?.name).toBe("Ignazio La Russa");
    expect(resolveOffice("president", "Commissione europea", "2024-05-01")?.name).toBe("Ursula von der Leyen");
    expect(resolveOffice("pope", "Holy See", "2025-05-01")).toBeUndefined(); // the see was vacant
  });
  it("knows no holder before the record starts, nor for an unknown country", () => {
    expect(resolveOffice("head-of-government", "Italy", "2010-01-01")).toBeUndefined();
    expect(resolveOffice("head-of-state", "Atlantis", "2024-01-01")).toBeUndefined();
  });
  it("refuses an unknown role and a date that is not one", () => {
    expect(() => resolveOffice("emperor" as never, "Italy", "2024-01-01")).toThrow(/unknown role/);
    expect(() => resolveOffice("head-of-state", "Italy", "last Tuesday")).toThrow(/ISO date/);
  });
  it("lists the offices a person held, on a day or ever", () => {
    expect(officesOf("Giorgia Meloni", "2020-01-01")).toEqual([]);
    expect(officesOf("Donald Trump").map((o) => o.start)).toEqual(["2017-01-20", "2025-01-20"]);
  });
  it("gives the role nouns of a language longest first", () => {
    const nouns = roleNouns("it-IT").map(([noun]) => noun);
    expect(nouns.indexOf("presidente del consiglio")).toBeLessThan(nouns.indexOf("presidente"));
    expect(roleNouns("xx")).toEqual([]);
  });
});
