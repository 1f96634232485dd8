/**
 * The publishable packages of the workspace, found through pnpm (every package that is not
 * private), and `packAll()`, which packs each with `pnpm pack` exactly as `pnpm publish` would:
 * `workspace:` ranges become real version ranges and the root LICENSE is added.
 * Used by `pnpm release:check` and the consumer test; new packages need no change here.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** `[{ name, version, path }]` of every non-private workspace package. */
export function publicPackages() {
  const out = execFileSync("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" });
  return JSON.parse(out)
    .filter((pkg) => pkg.private === false && pkg.version)
    .map(({ name, version, path }) => ({ name, version, path }));
}

/** Packs every public package into `dest`; returns `[{ name, version, path, tarball }]`. */
export function packAll(dest) {
  return publicPackages().map((pkg) => {
    const before = new Set(readdirSync(dest));
    execFileSync("pnpm", ["pack", "--pack-destination", dest], {
      cwd: pkg.path,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const made = readdirSync(dest).filter((file) => file.endsWith(".tgz") && !before.has(file));
    if (made.length !== 1) throw new Error(`pnpm pack of ${pkg.name} made ${made.length} tarballs in ${dest}`);
    return { ...pkg, tarball: join(dest, made[0]) };
  });
}
