import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

describe("entities data files", () => {
  it("keeps the compiled module in step with data/ (validated: sources, no duplicates)", () => {
    const script = fileURLToPath(new URL("../scripts/build-data.mjs", import.meta.url));
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
