import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM build script without types
import { build } from "../scripts/build-words.mjs";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away `data/words/` folder with one grammar file per language. */
function wordsFolder(grammar: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "rassegna-stance-words-"));
  made.push(dir);
  for (const [language, lists] of Object.entries(grammar)) {
    mkdirSync(join(dir, language), { recursive: true });
    writeFileSync(join(dir, language, "grammar.yml"), `source: invented for this test\nlists:\n${lists}`);
  }
  return dir;
}

/** Every list the plugin checks against core's word classes, with words that are a difference. */
const DIFFERENCES = {
  en: [
    "  not-done:\n    - unable\n  gap-stops:\n    - against\n  ambiguous-speech-verbs:\n    - alleged\n",
    "  determiners-extra:\n    - strong\n  report-verbs-extra:\n    - ruled\n  ambiguous-report-verbs:\n    - report\n",
  ].join(""),
  it: "  negators-extra:\n    - nessun\n  plural-definite-articles:\n    - i\n    - dei\n  ambiguous-determiners:\n    - i\n",
};

describe("the word-list plugin of the data compiler", () => {
  it("compiles lists to a module whose exports carry both languages", async () => {
    const dataDir = wordsFolder({ en: `${DIFFERENCES.en}  of:\n    - of\n`, it: `${DIFFERENCES.it}  of:\n    - di\n` });
    const { modules, problems } = await build({ packageDir, dataDir });
    expect(problems).toEqual([]);
    const [[name, text]] = modules;
    expect(name).toBe("words");
    expect(text).toContain('export const OF: Readonly<Record<"en" | "it", readonly string[]>>');
    expect(text).toMatch(/en: Object\.freeze\(\["of"\]\),\n {2}it: Object\.freeze\(\["di"\]\)/);
  });

  it("fails an added word that core's class has, and a left-out word core's class lacks", async () => {
    const dataDir = wordsFolder({
      en: DIFFERENCES.en,
      it: "  negators-extra:\n    - nessun\n    - mai\n  plural-definite-articles:\n    - i\n    - cogli\n  ambiguous-determiners:\n    - i\n",
    });
    const { modules, problems } = await build({ packageDir, dataDir });
    expect(modules).toEqual([]);
    expect(problems).toEqual([
      'negators-extra/it: "mai" is in core\'s negators or negating-verbs already: leave it out here',
      'plural-definite-articles/it: "cogli" is not in core\'s definite-articles or articled-prepositions: nothing to leave out',
    ]);
  });

  it("fails a phrase listed twice, an unfolded phrase and a file without a source", async () => {
    const dataDir = wordsFolder({ en: `${DIFFERENCES.en}  of:\n    - of\n    - of\n    - Of\n`, it: DIFFERENCES.it });
    writeFileSync(join(dataDir, "it", "extra.yml"), "list: of\nentries: [di]\n");
    const { problems } = await build({ packageDir, dataDir });
    expect(problems).toEqual([
      'data/words/en/grammar.yml: "of" is listed twice in of/en',
      'data/words/en/grammar.yml: "Of" is not a folded phrase',
      'data/words/it/extra.yml: no "source"',
    ]);
  });
});
