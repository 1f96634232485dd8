// Small helpers the examples share: run-as-script detection, paths, and failing without a stack trace.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root (examples/ sits directly below it). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** True when the module at `url` was started with `node <file>` (not imported by a test). */
export function isMain(url) {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === url;
}

/** The seed article when the shared corpus is beside the repository, else our retelling of it. */
export function defaultArticlePath() {
  const seed = resolve(repoRoot, "../shared/corpus/seed-asse-cina-russia.it.txt");
  return existsSync(seed) ? seed : resolve(repoRoot, "corpus/articles/it-asse-cina-russia.txt");
}

/**
 * Runs an example's `main`, printing an error as one clear line (and its hint) instead of a
 * stack trace, with exit status 1.
 */
export function runMain(main) {
  main().catch((error) => {
    const hint = error?.hint ? `\n  fix: ${error.hint}` : "";
    process.stderr.write(`error: ${error?.message ?? String(error)}${hint}\n`);
    process.exitCode = 1;
  });
}
