import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { checkFiles, checkSource, isWord, MAX_LINES, sourceFiles } from "../source-shape.mjs";

type Problem = { line: number; kind: string; message: string };
const problems = (text: string): Problem[] => checkSource(text, "invented.ts");
const wordProblems = (text: string): Problem[] => problems(text).filter((p) => p.kind === "words");

/** Eight invented words, the smallest list the check catches. */
const EIGHT = ["plimp", "brasco", "tunda", "velli", "morsk", "quando", "zerbo", "fiala"];
const quoted = (words: readonly string[]) => words.map((w) => JSON.stringify(w)).join(", ");

describe("the source-shape check: word lists", () => {
  it("tells words and short phrases from code and prose", () => {
    expect(isWord("sig")).toBe(true);
    expect(isWord("S.p.A.")).toBe(true);
    expect(isWord("side with")).toBe(true);
    expect(isWord("l'on")).toBe(true);
    expect(isWord("--jsonl")).toBe(false);
    expect(isWord(".txt")).toBe(false);
    expect(isWord("the body of the request is too long")).toBe(false);
    expect(isWord("42")).toBe(false);
  });

  it("finds an array of eight words, in a Set too, and names its line", () => {
    const found = wordProblems(`const a = 1;\nconst TITLES = new Set([${quoted(EIGHT)}]);\n`);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    expect(found[0]?.message).toMatch(/8 words: move it to packages\/<pkg>\/data\//);
  });

  it("lets an array of seven words pass", () => {
    expect(wordProblems(`const SHORT = [${quoted(EIGHT.slice(0, 7))}];`)).toEqual([]);
  });

  it("finds tuples of words, a split string, a concatenation split, a tagged template and a |-list", () => {
    const tuples = `const PLACES = [${EIGHT.slice(0, 4)
      .map((w) => `["${w}", "${w}ia"]`)
      .join(", ")}];`;
    expect(wordProblems(tuples)).toHaveLength(1);
    expect(wordProblems(`const S = "${EIGHT.join(" ")}".split(" ");`)).toHaveLength(1);
    expect(
      wordProblems(`const S = ("${EIGHT.slice(0, 4).join(" ")} " + "${EIGHT.slice(4).join(" ")}").split(" ");`),
    ).toHaveLength(1);
    expect(wordProblems(`const W = words\`${EIGHT.join(" ")}\`;`)).toHaveLength(1);
    expect(wordProblems(`const CUES = "${EIGHT.map((w) => `${w}*`).join("|")}";`)).toHaveLength(1);
  });

  it("finds a table of words and a regular expression with a group of eight words", () => {
    const table = `const T = { ${EIGHT.map((w) => `${w}: "${w}o"`).join(", ")} };`;
    expect(wordProblems(table)).toHaveLength(1);
    expect(wordProblems(`const R = /\\b(?:${EIGHT.join("|")})\\b/i;`)).toHaveLength(1);
    expect(wordProblems(`const R = /\\b(?:${EIGHT.slice(0, 7).join("|")})\\b/i;`)).toEqual([]);
  });

  it("lets names the compiler checks pass: enumerations, `as const`, typed sets, constants", () => {
    expect(wordProblems(`const COMMANDS = [${quoted(EIGHT)}] as const;`)).toEqual([]);
    expect(wordProblems(`const F = new Set<Field>([${quoted(EIGHT)}]);`)).toEqual([]);
    expect(wordProblems(`const F: readonly (keyof Doc)[] = [${quoted(EIGHT)}];`)).toEqual([]);
    expect(wordProblems(`const L = [${quoted(EIGHT.map((w) => w.toUpperCase()))}];`)).toEqual([]);
    // …but a list typed as plain strings is still a word list.
    expect(wordProblems(`const F: ReadonlySet<string> = new Set([${quoted(EIGHT)}]);`)).toHaveLength(1);
    expect(wordProblems(`const F = new Set<string>([${quoted(EIGHT)}]);`)).toHaveLength(1);
  });

  it("lets prose, error messages, paths and code tables pass", () => {
    const code = [
      `throw new Error(\`the body is larger than the limit of \${max} bytes, raise the limit if this page is an article\`);`,
      `const KINDS = { ".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".xml": "feed", ".rss": "feed" };`,
      `const FLAGS = ["--jsonl", "--out", "--from", "--to", "--engine", "--targets", "--language", "--redis"];`,
      `const N = [1, 2, 3, 4, 5, 6, 7, 8, 9];`,
    ].join("\n");
    expect(problems(code)).toEqual([]);
  });
});

describe("the source-shape check: length and the allow-list", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function fakeRepo(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "rassegna-shape-"));
    made.push(dir);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it("fails a file over the line limit, not one at it", () => {
    const lines = (n: number) => `${Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join("\n")}\n`;
    expect(problems(lines(MAX_LINES))).toEqual([]);
    const long = problems(lines(MAX_LINES + 1));
    expect(long).toEqual([expect.objectContaining({ kind: "lines", line: MAX_LINES + 1 })]);
    expect(long[0]?.message).toMatch(/501 lines/);
  });

  it("checks packages' src/ outside src/generated/, and excuses only what the allow-list names", () => {
    const list = `export const L = [${quoted(EIGHT)}];\n`;
    const root = fakeRepo({
      "packages/a/src/lists.ts": list,
      "packages/a/src/generated/lists.ts": list,
      "packages/b/src/lists.ts": list,
      "packages/b/src/clean.ts": "export const x = 1;\n",
      "packages/b/test/lists.test.ts": list,
    });
    const files: string[] = sourceFiles(root);
    expect(files.map((f) => f.slice(root.length + 1)).sort()).toEqual([
      "packages/a/src/lists.ts",
      "packages/b/src/clean.ts",
      "packages/b/src/lists.ts",
    ]);
    const allowed = [
      { path: "packages/a/src/lists.ts", kind: "words", reason: "owned by another engineer" },
      { path: "packages/b/src/clean.ts", kind: "words", reason: "a stale entry" },
    ];
    const result = checkFiles(root, files, allowed);
    expect(result.failures).toEqual([expect.stringMatching(/^packages\/b\/src\/lists\.ts:1: an array of 8 words/)]);
    expect(result.excused).toEqual([expect.stringMatching(/owned by another engineer/)]);
    expect(result.stale).toEqual([expect.stringMatching(/^packages\/b\/src\/clean\.ts: allowed .* but has none/)]);
  });
});
