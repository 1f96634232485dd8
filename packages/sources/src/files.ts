import { readdir } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";

import { PROJECT_FILES as PROJECT_FILE_NAMES } from "./generated/files.js";
import type { FileKind, SkippedFile } from "./types.js";

/** Extensions of article files, by what reads them. */
const KINDS: Record<string, FileKind> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
};

/** Files of a project, not articles: README, LICENSE, CHANGELOG… (any extension; `data/files/project-files.yml`). */
const PROJECT_FILES = new RegExp(`^(${PROJECT_FILE_NAMES.join("|")})([.-].*)?$`, "i");

/** Folders that never hold articles. */
const SKIPPED_FOLDERS = new Set(["node_modules", "__pycache__"]);

/** What reads a file given by name (`undefined`: plain text, as a file given by the user is read). */
export function kindOfPath(path: string): FileKind | undefined {
  return KINDS[extname(path).toLowerCase()];
}

/** Whether a file met in a folder is an article file: its kind, or why it is skipped. */
export function classifyFolderFile(path: string): FileKind | { skip: string } {
  const name = basename(path);
  if (PROJECT_FILES.test(name)) return { skip: "a project file, not an article" };
  const kind = kindOfPath(path);
  if (kind === undefined) {
    const ext = extname(name);
    return { skip: ext === "" ? "no extension, not an article file" : `${ext} is not an article file` };
  }
  return kind;
}

/**
 * The article files of a folder, recursively, sorted by name: hidden files and folders,
 * `node_modules` and build folders are passed over, and files that are not articles (README,
 * LICENSE, code, data of other kinds) are handed to `skip` with the reason.
 */
export async function walkFolder(
  dir: string,
  cwd: string,
  skip: (file: SkippedFile) => void,
): Promise<Array<{ path: string; kind: FileKind }>> {
  const entries = await readdir(resolve(cwd, dir), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: Array<{ path: string; kind: FileKind }> = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) skip({ path, reason: "a folder of installed code" });
      else files.push(...(await walkFolder(path, cwd, skip)));
    } else if (entry.isFile()) {
      const kind = classifyFolderFile(path);
      if (typeof kind === "object") skip({ path, reason: kind.skip });
      else files.push({ path, kind });
    }
  }
  return files;
}
