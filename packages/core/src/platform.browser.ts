/**
 * The browser stand-ins for `platform.ts` (chosen by the `browser` map in package.json): no
 * file system, no home folder, `/`-joined paths, an empty environment. Model settings still
 * resolve; only the Node-only places they name do not exist.
 */

/** Nothing is on a disk a page can see. */
export function existsSync(_path: string): boolean {
  return false;
}

/** Nothing is on a disk a page can see. */
export function pathAccess(_path: string): "missing" | "unreadable" | "readable" {
  return "missing";
}

export function homedir(): string {
  return "~";
}

/** Joins path segments with single slashes, as `path.posix.join` does for plain segments. */
export function join(...parts: string[]): string {
  return parts
    .filter((part) => part !== "")
    .join("/")
    .replace(/\/{2,}/g, "/");
}

/** A page has no process environment (a bundler may still define `process.env`). */
export function processEnv(): NodeJS.ProcessEnv {
  const env = (globalThis as { process?: { env?: NodeJS.ProcessEnv } }).process?.env;
  return env ?? {};
}
