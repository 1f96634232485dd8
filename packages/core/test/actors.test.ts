import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { actorAliases, listActors, lookupActor, lookupDemonym } from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("actors", () => {
  it("gives canonical English names for Italian and other names", () => {
    expect(lookupActor("Pechino")?.name).toBe("Beijing");
    expect(lookupActor("Mosca")?.name).toBe("Moscow");
    expect(lookupActor("Usa")?.name).toBe("United States");
    expect(lookupActor("Stati Uniti")?.name).toBe("United States");
    expect(lookupActor("U.S.")?.name).toBe("United States");
    expect(lookupActor("Corea del Sud")?.name).toBe("South Korea");
    expect(lookupActor("Giappone")?.name).toBe("Japan");
    expect(lookupActor("Allemagne")?.name).toBe("Germany");
  });
  it("matches capitalised abbreviations only as written", () => {
    expect(lookupActor("US")?.name).toBe("United States");
    expect(lookupActor("us")).toBeUndefined();
    expect(lookupActor("who")).toBeUndefined();
    expect(lookupActor("IRA")).toBeUndefined();
    expect(lookupActor("CHINA")?.name).toBe("China");
    expect(lookupActor("Irã")?.name).toBe("Iran");
  });
  it("knows who stands for whom", () => {
    expect(lookupActor("Xi")?.standsFor).toBe("China");
    expect(lookupActor("Cremlino")?.standsFor).toBe("Russia");
    expect(lookupActor("Milano")?.standsFor).toBeUndefined();
    expect(lookupDemonym("cinesi")?.name).toBe("China");
    expect(lookupDemonym("Russian")?.name).toBe("Russia");
  });
  it("reads capitals across the world as their governments, in their Italian forms too", () => {
    expect(lookupActor("Bamako")?.standsFor).toBe("Mali");
    expect(lookupActor("Algeri")?.name).toBe("Algiers");
    expect(lookupActor("Algeri")?.standsFor).toBe("Algeria");
    expect(["Czech Republic", "Czechia"]).toContain(lookupActor("Praga")?.standsFor);
    expect(lookupActor("Abu Dhabi")?.standsFor).toBe("United Arab Emirates");
    // World regions are places of no government.
    expect(lookupActor("Medio Oriente")).toMatchObject({ name: "Middle East", kind: "region", type: "LOCATION" });
    expect(lookupActor("Medio Oriente")?.standsFor).toBeUndefined();
    // A capital that is also a first name is left out.
    expect(lookupActor("Sofia")).toBeUndefined();
  });
  it("lists the aliases of an actor with its metonyms", () => {
    const aliases = actorAliases("United States");
    for (const alias of ["Usa", "U.S.", "Washington", "White House", "Stati Uniti"]) expect(aliases).toContain(alias);
    expect(aliases).not.toContain("New York");
    expect(actorAliases("Nobody Known")).toEqual(["Nobody Known"]);
  });
});

describe("actor data files", () => {
  it("names Italian institutions, parties and palaces in English, palaces as places", () => {
    expect(lookupActor("Corte dei conti")?.name).toBe("Court of Audit (Italy)");
    expect(lookupActor("Partito democratico")?.name).toBe("Democratic Party (Italy)");
    expect(lookupActor("ministero degli Esteri")?.name).toBe("Ministry of Foreign Affairs (Italy)");
    expect(lookupActor("Quirinale")?.type).toBe("LOCATION");
    expect(lookupActor("Casa Bianca")?.type).toBe("LOCATION");
    expect(lookupActor("Leone XIV")?.name).toBe("Pope Leo XIV");
  });

  it("gives countries their Wikidata ids from country-coder, and no id it cannot source", () => {
    expect(lookupActor("Italia")?.id).toBe("Q38");
    expect(lookupActor("Stati Uniti")?.id).toBe("Q30");
    expect(lookupActor("Unione europea")?.id).toBe("Q458");
    expect(lookupActor("Putin")?.id).toBe("Q7747");
    expect(lookupActor("Leone XIV")?.id).toBe("Q6109517");
    expect(lookupActor("Mediterranea Saving Humans")?.id).toBeUndefined();
    // Ids of bodies and people come with a named source (data/actors/sources.json).
    expect(lookupActor("Commissione europea")?.id).toBe("Q8880");
    expect(lookupActor("Arma dei Carabinieri")?.id).toBe("Q54852");
    for (const actor of listActors()) if (actor.id !== undefined) expect(actor.id).toMatch(/^Q[1-9]\d*$/);
  });

  it("keeps the compiled module in step with the data files", () => {
    const script = fileURLToPath(new URL("../scripts/build-actors.mjs", import.meta.url));
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
