import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { readArticleFolder } from "../../corpus/read.mjs";
import { stanceTowardTargets } from "../03-stance-folder.mjs";

const dir = mkdtempSync(join(tmpdir(), "rassegna-ex3-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, "a-sanzioni.txt"),
  "---\nid: a-sanzioni\nlanguage: it\n---\nMosca condanna duramente le nuove sanzioni degli Stati Uniti. Il Cremlino accusa Washington di voler isolare la Russia.\n",
);
writeFileSync(
  join(dir, "b-alliance.txt"),
  "Washington and Tokyo signed a new defence pact on Monday. The United States praised Japan as its closest ally in Asia.\n",
);
writeFileSync(join(dir, "notes.md"), "not an article");

describe("example 3: stance of a folder toward targets", () => {
  it("answers every article × target, in folder order, with holders where the text names them", async () => {
    const articles = await readArticleFolder(dir);
    expect(articles.map((a) => a.id)).toEqual(["a-sanzioni", "b-alliance"]);
    const targets = ["United States", "Japan"];
    const results = await stanceTowardTargets(articles, targets, { offline: true, cacheDir: dir });
    expect(results.map((r) => r.id)).toEqual(["a-sanzioni", "b-alliance"]);
    expect(results.map((r) => r.language)).toEqual(["it", "en"]);
    for (const r of results) expect(r.targets.map((t) => t.target)).toEqual(targets);
    const [italian, english] = results;
    // Russia (Mosca, il Cremlino) against the United States (Washington, Stati Uniti).
    const russia = italian!.targets[0]!.holders.find((s) => s.holder === "Russia");
    expect(russia?.stance).toBe("AGAINST");
    const us = english!.targets[1]!.holders.find((s) => s.holder === "United States");
    expect(us?.stance).toBe("FAVOR");
  });
});
