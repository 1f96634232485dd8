#!/usr/bin/env node
/**
 * Compiles the data of every package that has a `data/schema.yml` into `src/generated/*.ts`
 * (see compile.mjs and README.md), and runs the packages' plugins (`plugins:` in the schema, for
 * data whose checks span files: core's actor gazetteer). Run by `pnpm build` before `tsc -b`.
 *
 *   node scripts/data/build.mjs                 check and write every package's modules
 *   node scripts/data/build.mjs core stance     only these packages
 *   node scripts/data/build.mjs --check         check, and fail when a module is stale (so does CI=true)
 *
 * A module is written only when its text changes, so a build leaves the work tree as it was.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { readPackageData, readSchema, renderModule, runPlugin, writeModule } from "./compile.mjs";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const args = process.argv.slice(2);
// In CI (CI=true) a stale module fails the build instead of being rewritten: commit what you build.
const check = args.includes("--check") || process.env.CI === "true";
const only = args.filter((a) => !a.startsWith("--"));
const packagesDir = join(root, "packages");

let failed = false;
/** Writes one generated module of a package (or, with --check, fails when it is stale). */
function write(packageDir, moduleName, text) {
  const file = join(packageDir, "src", "generated", `${moduleName}.ts`);
  const shown = relative(root, file);
  const outcome = writeModule(file, text, { check });
  if (outcome === "stale") {
    console.error(`${shown} is stale: run \`pnpm build:data\` and commit it.`);
    failed = true;
  } else if (outcome === "written") console.log(`wrote ${shown}`);
}

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
  for (const [moduleName, lists] of modules)
    write(packageDir, moduleName, renderModule(packageName, moduleName, lists));
  // Folders with checks across files (core's actors): the package's plugin compiles them.
  for (const plugin of schema.plugins) {
    const result = await runPlugin(packageDir, plugin);
    if (result.problems.length > 0) {
      console.error(
        `${name}: ${result.problems.length} problem(s) in data/${plugin.folder}/:\n  ${result.problems.join("\n  ")}`,
      );
      failed = true;
      continue;
    }
    for (const [moduleName, text] of result.modules) write(packageDir, moduleName, text);
  }
}
if (failed) process.exit(1);
