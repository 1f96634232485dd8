#!/usr/bin/env node
/**
 * `pnpm release:check`: packs every public package (as `pnpm publish` would) and runs publint
 * and Are the Types Wrong (`attw`, ESM-only profile: the packages ship ES modules only) on each
 * tarball. Exits 1 when either reports an error for any package.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { packAll, root } from "./workspace-packages.mjs";

const dest = mkdtempSync(join(tmpdir(), "rassegna-release-"));
const failed = [];
try {
  for (const pkg of packAll(dest)) {
    console.log(`\n── ${pkg.name}@${pkg.version}`);
    const checks = [
      ["publint", ["run", pkg.tarball, "--level", "warning"]],
      ["attw", [pkg.tarball, "--profile", "esm-only", "--format", "table-flipped", "--no-emoji"]],
    ];
    for (const [tool, args] of checks) {
      const run = spawnSync("pnpm", ["exec", tool, ...args], { cwd: root, stdio: "inherit" });
      if (run.status !== 0) failed.push(`${pkg.name}: ${tool}`);
    }
  }
} finally {
  rmSync(dest, { recursive: true, force: true });
}
if (failed.length > 0) {
  console.error(`\nrelease:check failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nrelease:check: every package passes publint and attw.");
