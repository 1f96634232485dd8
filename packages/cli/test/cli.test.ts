import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { RassegnaError } from "@rassegna/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cli, fakeFactories, jsonl, records } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rassegna-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const factories = fakeFactories();

describe("usage", () => {
  it.each(["detect", "translate", "entities", "stance", "run", "models", "report"])(
    "prints the help of %s on --help and exits 0",
    async (command) => {
      const { code, stdout, stderr } = await cli([command, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: rassegna ${command}`);
      expect(stderr).toBe("");
    },
  );

  it("lists the commands on --help, and exits 2 without a command", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["detect", "translate", "entities", "stance", "run", "models", "report"]) {
      expect(help.stdout).toContain(command);
    }
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("Usage: rassegna <command>");
  });

  it("exits 2 with a message on stderr for an unknown command, flag or value", async () => {
    for (const argv of [
      ["frobnicate"],
      ["detect", "--frobnicate"],
      ["detect", "--concurrency", "zero"],
      ["translate", "--engine", "babelfish"],
      ["stance", "--targets"],
      ["translate", "--from", "not a language"],
      ["models", "dance"],
      ["report", "results.jsonl"],
    ]) {
      const { code, stdout, stderr } = await cli(argv, "", { factories });
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(stdout).toBe("");
      expect(stderr).toMatch(/rassegna/);
    }
  });

  it("refuses to start, with exit 2 and no output, when a stage cannot be set up", async () => {
    const { code, stdout, stderr } = await cli(["detect", "--jsonl"], jsonl({ id: "a", text: "x" }), {
      factories: {
        language: () => {
          throw new RassegnaError("STAGE_FAILED", "language detection is not built yet");
        },
      },
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("rassegna detect: cannot start: language detection is not built yet");
  });
});

describe("JSON Lines in and out", () => {
  it("keeps ids and order, one record per line, and exits 0 when all are clean", async () => {
    const input = jsonl(
      { id: "first", text: "Una notizia da Roma." },
      { id: "second", text: "Another one.", language: "en" },
      { text: "No id here." },
    );
    const { code, stdout, stderr } = await cli(["detect", "--jsonl"], input, { factories });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["first", "second", "article-3"]);
    expect(out[1]!.language.code).toBe("en");
    expect(out.map((r) => r.errors)).toEqual([[], [], []]);
  });

  it("turns bad lines into records with errors, goes on, and exits 1", async () => {
    const input = [
      "{not json",
      JSON.stringify({ id: "ok", text: "Fine." }),
      "",
      "42",
      JSON.stringify({ id: "n", text: 7 }),
    ].join("\n");
    const { code, stdout } = await cli(["detect", "--jsonl"], input, { factories });
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out).toHaveLength(4);
    expect(out.map((r) => r.id)).toEqual(["article-1", "ok", "article-3", "n"]);
    expect(out[0]!.errors[0]).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
    expect(out[0]!.errors[0].message).toContain("standard input line 1 is not valid JSON");
    expect(out[1]!.errors).toEqual([]);
    expect(out[2]!.errors[0].message).toContain("line 4");
    expect(out[2]!.errors[0].message).toContain("holds a number");
    expect(out[3]!.errors[0]).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
    expect(out[1]!.language).toBeDefined();
    expect(out[3]!.language).toBeUndefined();
  });

  it("reads plain standard input as one article", async () => {
    const { code, stdout } = await cli(["detect"], "Just some text on stdin.", { factories });
    expect(code).toBe(0);
    expect(records(stdout).map((r) => [r.id, r.text])).toEqual([["stdin", "Just some text on stdin."]]);
  });

  it("applies --language to lines without a language and keeps the others'", async () => {
    const input = jsonl({ id: "a", text: "Testo." }, { id: "b", text: "Text.", language: "en" });
    const { stdout } = await cli(["entities", "--jsonl", "--language", "it"], input, { factories });
    expect(records(stdout).map((r) => r.language.code)).toEqual(["it", "en"]);
  });

  it("passes --targets to the stance stage, and a line's own targets win", async () => {
    const calls: Array<{ stage: string; options: Record<string, unknown> }> = [];
    const input = jsonl({ id: "a", text: "Testo." }, { id: "b", text: "Testo.", targets: ["Iran"] });
    const { stdout, code } = await cli(["stance", "--jsonl", "--targets", "United States, Russia"], input, {
      factories: fakeFactories(calls),
    });
    expect(code).toBe(0);
    expect(calls.find((c) => c.stage === "stance")?.options.targets).toEqual(["United States", "Russia"]);
    const out = records(stdout);
    expect(out[0]!.stances.map((s: { target: string }) => s.target)).toEqual(["United States", "Russia"]);
    expect(out[1]!.stances.map((s: { target: string }) => s.target)).toEqual(["Iran"]);
  });

  it("writes to --out and leaves stdout empty", async () => {
    const out = join(dir, "out.jsonl");
    const { code, stdout } = await cli(["detect", "--jsonl", "--out", out], jsonl({ id: "a", text: "x y" }), {
      factories,
    });
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(records(readFileSync(out, "utf8")).map((r) => r.id)).toEqual(["a"]);
  });
});

describe("progress", () => {
  it("draws a progress bar on stderr when it is a terminal, and keeps stdout pure JSON", async () => {
    const input = jsonl(...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, text: `Text ${i}.` })));
    const { code, stdout, stderr } = await cli(["detect", "--jsonl"], input, { factories }, undefined, true);
    expect(code).toBe(0);
    expect(records(stdout).map((r) => r.id)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect(stderr).toContain("articles");
    expect(stdout).not.toContain("articles |");
  });

  it("stays silent on stderr when it is not a terminal", async () => {
    const { stderr } = await cli(["detect", "--jsonl"], jsonl({ id: "q", text: "Quiet." }), { factories });
    expect(stderr).toBe("");
  });
});

describe("files and folders", () => {
  it("reads folders recursively in name order, ids are the paths, hidden files left out", async () => {
    const root = join(dir, "news");
    mkdirSync(join(root, "sub"), { recursive: true });
    writeFileSync(join(root, "b.txt"), "Seconda notizia da Roma.");
    writeFileSync(join(root, "a.txt"), "\uFEFFPrima notizia.");
    writeFileSync(join(root, "sub", "c.txt"), "Terza notizia.");
    writeFileSync(join(root, ".hidden"), "not an article");
    writeFileSync(join(root, "binary.txt"), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    writeFileSync(join(root, "image.bin"), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    const { code, stdout, stderr } = await cli(["entities", "news", "news/a.txt"], "", { factories }, dir);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual([
      "news/a.txt",
      "news/b.txt",
      "news/binary.txt",
      "news/sub/c.txt",
      "news/a.txt",
    ]);
    // A file of a folder that is not an article file is left out, and the run says so at the end.
    expect(stderr).toContain("news/image.bin: .bin is not an article file");
    // The byte-order mark is not part of the text: offsets count from the first letter.
    expect(out[0]!.text).toBe("Prima notizia.");
    expect(out[1]!.entities[0].mentions[0]).toEqual({ start: 19, end: 23, text: "Roma" });
    expect(out[2]!.errors[0]).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
    expect(code).toBe(1);
  });

  it("gives a missing file a record with an error and goes on", async () => {
    writeFileSync(join(dir, "there.txt"), "Present.");
    const { code, stdout } = await cli(["detect", "missing.txt", "there.txt"], "", { factories }, dir);
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["missing.txt", "there.txt"]);
    expect(out[0]!.errors).toEqual([
      { stage: "input", code: "INVALID_INPUT", message: "Cannot read missing.txt: no such file or folder." },
    ]);
    expect(out[1]!.errors).toEqual([]);
  });

  it("reads front matter as fields, not text, and skips what is not an article", async () => {
    const root = join(dir, "desk");
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, "README.md"), "# About\n\nThis folder holds the desk's notes.");
    writeFileSync(join(root, "make-index.mjs"), "export {};");
    writeFileSync(
      join(root, "nota.txt"),
      "---\nid: nota-7\ntitle: Il ponte riapre\ndate: 2026-05-06\nlanguage: it\nurl: https://example.org/ponte\nsource: Il Foglio di Prova\ndesk: cronaca\n---\nIl ponte sul fiume riapre domani mattina.\n",
    );
    const { code, stdout, stderr } = await cli(["detect", "desk"], "", { factories }, dir);
    expect(code).toBe(0);
    expect(records(stdout)).toEqual([
      expect.objectContaining({
        id: "nota-7",
        title: "Il ponte riapre",
        date: "2026-05-06",
        url: "https://example.org/ponte",
        source: "Il Foglio di Prova",
        meta: { desk: "cronaca" },
        text: "Il ponte sul fiume riapre domani mattina.",
        language: expect.objectContaining({ code: "it" }),
      }),
    ]);
    expect(stderr).toContain("skipped 2 files");
    expect(stderr).toContain("desk/README.md: a project file, not an article");
    expect(stderr).toContain("desk/make-index.mjs: .mjs is not an article file");
  });

  it("carries the JSON Lines fields title, date, url, source and meta into the record", async () => {
    const line = {
      id: "w1",
      text: "Il vertice si chiude senza accordo.",
      title: "Vertice senza accordo",
      date: "2026-02-03",
      url: "https://example.org/vertice",
      source: "Agenzia di Prova",
      meta: { desk: "esteri", priority: 2 },
    };
    const { code, stdout } = await cli(["detect", "--jsonl"], jsonl(line, { id: "w2", text: "x", url: 5 }), {
      factories,
    });
    expect(code).toBe(1);
    const [first, second] = records(stdout);
    expect(first).toMatchObject(line);
    expect(second!.id).toBe("w2");
    expect(second!.errors[0].message).toContain('"url" must be a string');
  });

  it("reads JSON Lines files with --jsonl, naming the file in line errors", async () => {
    writeFileSync(join(dir, "in.jsonl"), `${jsonl({ id: "x1", text: "One." })}\n{oops\n`);
    const { code, stdout } = await cli(["detect", "--jsonl", "in.jsonl"], "", { factories }, dir);
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["x1", "article-2"]);
    expect(out[1]!.errors[0].message).toContain("in.jsonl line 2");
  });
});

describe("run", () => {
  it("runs language → translate → entities → stance, warns once about the missing model, exits 1", async () => {
    const input = jsonl(
      { id: "r1", text: "Il sindaco di Roma parla.", language: "it" },
      { id: "r2", text: "Roma e Milano.", language: "it" },
      { id: "r3", text: "Nient'altro.", language: "it" },
    );
    const { code, stdout, stderr } = await cli(["run", "--jsonl", "--targets", "Italy"], input, { factories });
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    for (const record of out) {
      expect(record.errors).toEqual([
        { stage: "translate", code: "MODEL_UNAVAILABLE", message: "translate: model test/model is not available." },
      ]);
      // The stages after translation still ran, on the original text.
      expect(record.entities).toBeDefined();
      expect(record.stances).toEqual([{ target: "Italy", stance: "NONE", score: 0, evidence: [] }]);
    }
    expect(out[0]!.entities[0].mentions[0]).toEqual({ start: 14, end: 18, text: "Roma" });
    const warnings = stderr.split("\n").filter((line) => line !== "");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^rassegna: warning: translate: model test\/model is not available/);
  });

  it("passes model settings and the engine through to the translate stage", async () => {
    const calls: Array<{ stage: string; options: Record<string, unknown> }> = [];
    await cli(
      ["run", "--offline", "--cache-dir", "/tmp/models", "--model-path", "/opt/models", "--engine", "apertium"],
      "Testo.",
      { factories: fakeFactories(calls) },
    );
    expect(calls.find((c) => c.stage === "translate")?.options).toMatchObject({
      offline: true,
      cacheDir: "/tmp/models",
      localModelPath: "/opt/models",
      engines: ["apertium"],
    });
  });
});

describe("report", () => {
  it("renders the records of a results file into an HTML page", async () => {
    const results = join(dir, "results.jsonl");
    writeFileSync(results, `${jsonl({ id: "rep-1", text: "Roma.", errors: [] })}\n`);
    const html = join(dir, "report.html");
    const { code, stdout } = await cli(["report", results, "--html", html]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain("rep-1");
  });
});

describe("models", () => {
  it("lists nothing for an empty cache", async () => {
    const empty = join(dir, "empty-cache");
    mkdirSync(empty, { recursive: true });
    const { code, stdout, stderr } = await cli(["models", "list", "--cache-dir", empty]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain(`no models in ${empty}`);
    expect(stderr).toContain("rassegna models pull");
  });
});
