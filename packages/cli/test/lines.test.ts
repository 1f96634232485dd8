// JSON Lines read safely: over-long, over-nested, non-UTF-8 and binary lines are one record
// each with a clear error, and the lines after them go on.
import { Readable } from "node:stream";

import { describe, expect, it } from "vitest";

import { checkedJsonLines, decodeUtf8 } from "../src/lines.js";
import { cli, fakeFactories, records } from "./helpers.js";

async function lines(chunks: Array<string | Uint8Array>, maxLineBytes = 1000) {
  const out = [];
  for await (const item of checkedJsonLines(Readable.from(chunks), "in", { maxDepth: 8, maxLineBytes })) out.push(item);
  return out;
}

describe("checkedJsonLines", () => {
  it("splits lines across chunks, drops CR and the byte-order mark, numbers lines from 1", async () => {
    const out = await lines(['\uFEFF{"a":', '1}\r\n\n{"b"', ":2}"]);
    expect(out).toEqual([
      { number: 1, line: '{"a":1}' },
      { number: 3, line: '{"b":2}' },
    ]);
  });

  it("skips a line over the byte limit without holding it, and goes on", async () => {
    const long = "x".repeat(400);
    const out = await lines([`{"ok":1}\n{"t":"`, long, long, long, `"}\n{"after":1}\n`]);
    expect(out.map((item) => item.number)).toEqual([1, 2, 3]);
    expect(out[1]!.problem).toMatchObject({ code: "INPUT_TOO_LARGE" });
    expect(out[1]!.problem!.message).toContain("in line 2 is 1208 bytes long, over the limit of 1000");
    expect(out[2]).toEqual({ number: 3, line: '{"after":1}' });
  });

  it("rejects a line nested deeper than the limit before parsing it", async () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const out = await lines([`${deep}\n{"x":"[[[[[[[[[[[["}\n`], 100_000);
    expect(out[0]!.problem).toMatchObject({ code: "LIMIT_EXCEEDED" });
    // Brackets inside strings do not count.
    expect(out[1]).toEqual({ number: 2, line: '{"x":"[[[[[[[[[[[["}' });
  });

  it("tells invalid UTF-8 (Latin-1 text) from binary data", () => {
    const latin1 = Buffer.from('{"text":"citt\xe0"}', "latin1");
    const invalid = decodeUtf8(latin1, "line 1");
    expect("problem" in invalid && invalid.problem.message).toMatch(
      /not valid UTF-8 \(byte 0xE0 at offset 13, "à" in Latin-1\)/,
    );
    const binary = decodeUtf8(Uint8Array.from([0x7b, 0, 1, 2, 0xff, 0xfe, 3, 4]), "line 2");
    expect("problem" in binary && binary.problem.message).toContain("binary data");
    expect(decodeUtf8(Buffer.from("città"), "line 3")).toEqual({ text: "città" });
  });
});

describe("the command on hostile lines", () => {
  it("gives each bad line its record with a line number and keeps going", async () => {
    let deep = "0";
    for (let i = 0; i < 10_000; i++) deep = `{"m":${deep}}`;
    const input = Buffer.concat([
      Buffer.from(`{"id":"a","text":"Prima."}\n`),
      Buffer.from(`{"id":"deep","text":"x","meta":${deep}}\n`),
      Buffer.from('{"id":"latin","text":"citt\xe0"}\n', "latin1"),
      Buffer.from(`{"id":"b","text":"Dopo."}\n`),
    ]);
    const { code, stdout } = await cli(["detect", "--jsonl"], input, { factories: fakeFactories() });
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["a", "article-2", "article-3", "b"]);
    expect(out[1]!.errors[0]).toMatchObject({ code: "LIMIT_EXCEEDED" });
    expect(out[1]!.errors[0].message).toContain("standard input line 2 nests");
    expect(out[2]!.errors[0].message).toContain("line 3 is not valid UTF-8");
    expect(out[3]!.errors).toEqual([]);
  });
});

describe("fields of the wrong type on a line", () => {
  it("are that line's error, naming the line, the field and what it got; nothing is dropped or replaced", async () => {
    const input = [
      '{"id":"t","text":"Freedonia protesta.","targets":"Freedonia"}',
      '{"id":"l","text":"Sylvania risponde.","language":12}',
      '{"id":{"x":1},"text":"Un testo qualsiasi."}',
      '{"id":"n","text":42}',
      '{"id":"h","text":"Ancora.","holders":["Freedonia",7]}',
      '{"id":"ok","text":"Tutto bene a Borgoverde."}',
    ].join("\n");
    const { code, stdout } = await cli(["detect", "--jsonl"], input, { factories: fakeFactories() });
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["t", "l", "article-3", "n", "h", "ok"]);
    const messages = out.map((r) => r.errors[0]?.message ?? "");
    expect(messages[0]).toBe(
      'standard input line 1: "targets" must be an array of names such as ["Russia"], got a string ("Freedonia").',
    );
    expect(messages[1]).toMatch(/^standard input line 2: "language" must be a language code .* got a number \(12\)/);
    expect(messages[2]).toMatch(/^standard input line 3: "id" must be a string or a number, got an object/);
    expect(messages[3]).toMatch(/^standard input line 4: "text" must be a string, got a number \(42\)/);
    expect(messages[4]).toMatch(/^standard input line 5: "holders" must hold names as strings; item 2 is a number/);
    expect(out.slice(0, 5).every((r) => r.errors[0]?.code === "INVALID_INPUT" && r.language === undefined)).toBe(true);
    expect(out[5]!.errors).toEqual([]);
  });
});
