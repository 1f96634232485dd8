/**
 * The few Node facilities core uses (file checks, home folder, paths, the environment). A
 * browser bundle gets `platform.browser.js` instead (the `browser` map in package.json), so
 * core has no `node:` import there.
 */
import { accessSync, constants, statSync } from "node:fs";

export { existsSync } from "node:fs";
export { homedir } from "node:os";
export { join } from "node:path";

/** The process environment. */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}

/**
 * Whether a folder (or file) can be read: `"missing"`, `"unreadable"` (it is there, but
 * permissions keep this process out, of it or of a folder above it) or `"readable"`.
 */
export function pathAccess(path: string): "missing" | "unreadable" | "readable" {
  try {
    const stats = statSync(path);
    accessSync(path, stats.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK);
    return "readable";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? "unreadable" : "missing";
  }
}
