import { describe, expect, it } from "vitest";

import { cli, fakeFactories, jsonl, records } from "./helpers.js";

describe("run --language and --languages", () => {
  it("--language: lines without a language get it, the others keep theirs", async () => {
    const input = jsonl({ id: "a", text: "Testo." }, { id: "b", text: "Text.", language: "en" });
    const { stdout, code } = await cli(["run", "--jsonl", "--language", "it"], input, { factories: fakeFactories() });
    // The fake translate stage has no model: records carry that error (exit 1), not a usage error.
    expect(code).toBe(1);
    expect(records(stdout).map((r) => r.language.code)).toEqual(["it", "en"]);
  });

  it("--languages: the language stage gets them as a list (run and detect)", async () => {
    for (const command of ["run", "detect"]) {
      const calls: Array<{ stage: string; options: Record<string, unknown> }> = [];
      const { code } = await cli([command, "--jsonl", "--languages", "it, en"], jsonl({ id: "a", text: "Testo." }), {
        factories: fakeFactories(calls),
      });
      expect(code).toBe(command === "run" ? 1 : 0);
      expect(calls.find((c) => c.stage === "language")?.options.languages).toEqual(["it", "en"]);
    }
  });

  it("exits 2 on a --languages value that is not a list of codes", async () => {
    for (const value of [",", "it,not a code"]) {
      const { code, stdout, stderr } = await cli(["run", "--languages", value], "", { factories: fakeFactories() });
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("--languages");
    }
  });
});
