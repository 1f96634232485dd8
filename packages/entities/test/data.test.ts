import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { actorByName, lookupActor } from "@rassegna/core";
import { describe, expect, it } from "vitest";

import { gazetteerEntries } from "../src/gazetteer.js";

describe("entities data files", () => {
  it("keeps the compiled modules in step with data/ (checked by the data compiler: sources, no duplicates)", () => {
    const script = fileURLToPath(new URL("../../../scripts/data/build.mjs", import.meta.url));
    expect(() => execFileSync(process.execPath, [script, "--check", "entities"], { stdio: "pipe" })).not.toThrow();
  });

  it("holds no copy of core's actors in its gazetteer (core's actors are the one list)", () => {
    const copies = gazetteerEntries()
      .filter(({ name }) => actorByName(name) !== undefined || lookupActor(name) !== undefined)
      .map(({ name }) => name);
    expect(copies).toEqual([]);
  });
});
