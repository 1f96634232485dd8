#!/usr/bin/env node
/**
 * Compiles the data of every package that has a `data/schema.yml` into `src/generated/*.ts`
 * (see compile.mjs and README.md). Run by `pnpm build` before `tsc -b`.
 *
 *   node scripts/data/build.mjs                 check and write every package's modules
 *   node scripts/data/build.mjs core stance     only these packages
 *   node scripts/data/build.mjs --check         check, and fail when a module is stale (so does CI=true)
 *
 * A module is written only when its text changes, so a build leaves the work tree as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { readPackageData, readSchema, renderModule } from "./compile.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
// In CI (CI=true) a stale module fails the build instead of being rewritten: commit what you build.
const check = args.includes("--check") || process.env.CI === "true";
const only = args.filter((a) => !a.startsWith("--"));
const packagesDir = join(root, "packages");

let failed = false;
for (const name of readdirSync(packagesDir).sort()) {
  if (only.length > 0 && !only.includes(name)) continue;
  const packageDir = join(packagesDir, name);
  let schema;
  try {
    schema = readSchema(packageDir);
  } catch (error) {
    console.error(error.message);
    failed = true;
    continue;
  }
  if (!schema) continue;
  const { modules, problems } = readPackageData(packageDir, schema);
  if (problems.length > 0) {
    console.error(`${name}: ${problems.length} problem(s) in its data:\n  ${problems.join("\n  ")}`);
    failed = true;
    continue;
  }
  const packageName = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).name;
  for (const [moduleName, lists] of modules) {
    const file = join(packageDir, "src", "generated", `${moduleName}.ts`);
    const text = renderModule(packageName, moduleName, lists);
    const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (current === text) continue;
    const shown = relative(root, file);
    if (check) {
      console.error(`${shown} is stale: run \`pnpm build:data\` and commit it.`);
      failed = true;
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${shown}`);
  }
}
if (failed) process.exit(1);
