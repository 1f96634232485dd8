import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { closeStance, closeStanceModels, STANCE_BACKENDS, stanceStage, tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

const TEXT = "Chile sharply condemned Peru for the border raid, and Peru thanked Bolivia for its help.";
const pairs = (stances: ReturnType<typeof tagStance>) =>
  stances.map((s) => `${s.holder ?? ""}→${s.target} ${s.stance}:${s.evidence.map((e) => e.rule).join(",")}`);

describe("the backend option", () => {
  it("names the learned decision the default, and the rules alone as backend rules", () => {
    expect(STANCE_BACKENDS).toEqual(["learned", "rules", "nli"]);
    const asked = { language: "en", holders: ["Chile"], targets: ["Peru"] };
    const rules = tagStance("Chile and Peru will hold the next round of talks in March.", {
      ...asked,
      backend: "rules",
    });
    const learned = tagStance("Chile and Peru will hold the next round of talks in March.", asked);
    // The rules alone read no cue here; the default is the learned decision.
    expect(rules[0]?.evidence).toEqual([]);
    expect(learned).toEqual(
      tagStance("Chile and Peru will hold the next round of talks in March.", { ...asked, backend: "learned" }),
    );
  });

  it("keeps the deprecated decision option as an alias of the backend", () => {
    expect(pairs(tagStance(TEXT, { language: "en", decision: "rules" }))).toEqual(
      pairs(tagStance(TEXT, { language: "en", backend: "rules" })),
    );
    expect(pairs(tagStance(TEXT, { language: "en", decision: "learned" }))).toEqual(
      pairs(tagStance(TEXT, { language: "en" })),
    );
  });

  it("fails on an unknown backend with what exists, in tagStance and stanceStage", () => {
    const unknown = { backend: "bert" as never };
    expect(() => tagStance("Chile.", unknown)).toThrow(/unknown backend "bert"/);
    expect(() => tagStance("Chile.", unknown)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", hint: expect.stringContaining('"learned", "rules", "nli"') }),
    );
    expect(() => stanceStage(unknown)).toThrow(/unknown backend "bert"/);
  });

  it("frees what it loaded with close(), safe to call twice; closeStanceModels stays as an alias", async () => {
    await expect(closeStance()).resolves.toBeUndefined();
    await expect(closeStance()).resolves.toBeUndefined();
    expect(closeStanceModels).toBe(closeStance);
    const stage = stanceStage({ backend: "rules" });
    await stage.close?.();
    await stage.close?.();
  });
});

describe("the word lists (data/words/<lang>/*.yml)", () => {
  it("are valid and compiled by the shared data compiler: the generated module is not stale", () => {
    const compiler = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "scripts", "data", "build.mjs");
    expect(() => execFileSync(process.execPath, [compiler, "stance", "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
