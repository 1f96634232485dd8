// A model folder this process may not read is reported as that, with the fix, not as a
// missing model. Root reads everything, so the permission is stood in for by core's own
// pathAccess answering "unreadable" for one folder; the message logic is the real one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it, vi } from "vitest";

vi.mock("../src/platform.js", async (importOriginal) => {
  const platform = await importOriginal<typeof import("../src/platform.js")>();
  return {
    ...platform,
    pathAccess: (path: string) => (path.startsWith("/locked") ? "unreadable" : platform.pathAccess(path)),
  };
});

const { modelUnavailable } = await import("../src/models.js");
const { pathAccess } = await import("../src/index.js");

describe("modelUnavailable and folder permissions", () => {
  it("says permission denied, on which folder, and how to fix it", () => {
    const error = modelUnavailable("a/b", { cacheDir: "/locked/cache", offline: true, localModelPath: undefined }, "x");
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.message).toMatch(/model "a\/b" cannot be read: permission denied on \/locked\/cache\/a\/b/);
    expect(error.message).toMatch(/chmod -R u\+rwX \/locked\/cache/);
    expect(error.message).not.toContain("no copy on disk");
  });

  it("still says a model is missing when no folder holds it", () => {
    const error = modelUnavailable(
      "a/b",
      { cacheDir: "/nonexistent/c", offline: true, localModelPath: undefined },
      "x",
    );
    expect(error.message).toContain("(no copy on disk)");
    expect(error.message).not.toContain("permission denied");
  });
});

describe("pathAccess", () => {
  it("tells a missing path from a readable one", () => {
    const dir = mkdtempSync(join(tmpdir(), "rassegna-access-"));
    try {
      expect(pathAccess(dir)).toBe("readable");
      expect(pathAccess(join(dir, "nothing-here"))).toBe("missing");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
