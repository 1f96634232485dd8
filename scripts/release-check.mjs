#!/usr/bin/env node
/**
 * `pnpm release:check`: packs every public package (as `pnpm publish` would) and runs publint
 * and Are the Types Wrong (`attw`, ESM-only profile: the packages ship ES modules only) on each
 * tarball. Exits 1 when either reports an error for any package. The consumer test runs the
 * same checks (`checkTarball`) on the tarballs it installs.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { packAll, root } from "./workspace-packages.mjs";

const run = promisify(execFile);

/** The checks of one tarball: tool name and arguments. */
function checks(tarball) {
  return [
    ["publint", ["run", tarball, "--level", "warning"]],
    ["attw", [tarball, "--profile", "esm-only", "--format", "table-flipped", "--no-emoji", "--no-color"]],
  ];
}

/** Runs publint and attw on a tarball: `[{ tool, ok, output }]` (ok: the tool exited 0). */
export function checkTarball(tarball) {
  return Promise.all(
    checks(tarball).map(async ([tool, args]) => {
      const bin = join(root, "node_modules", ".bin", tool);
      try {
        const { stdout, stderr } = await run(bin, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
        return { tool, ok: true, output: `${stdout}${stderr}` };
      } catch (error) {
        return { tool, ok: false, output: `${error.stdout ?? ""}${error.stderr ?? error.message}` };
      }
    }),
  );
}

async function main() {
  const dest = mkdtempSync(join(tmpdir(), "rassegna-release-"));
  const failed = [];
  try {
    for (const pkg of packAll(dest)) {
      console.log(`\n── ${pkg.name}@${pkg.version}`);
      for (const { tool, ok, output } of await checkTarball(pkg.tarball)) {
        console.log(output.trim());
        if (!ok) failed.push(`${pkg.name}: ${tool}`);
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
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
