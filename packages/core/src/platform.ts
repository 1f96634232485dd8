/**
 * The few Node facilities core uses (file checks, home folder, paths, the environment). A
 * browser bundle gets `platform.browser.js` instead (the `browser` map in package.json), so
 * core has no `node:` import there.
 */
export { existsSync } from "node:fs";
export { homedir } from "node:os";
export { join } from "node:path";

/** The process environment. */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}
