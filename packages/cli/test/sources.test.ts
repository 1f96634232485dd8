// The command on what users have: a folder with a web page, a feed and a Markdown file, and
// web addresses served by a loopback server started here.
import { once } from "node:events";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cli, fakeFactories, records } from "./helpers.js";

const fixtures = fileURLToPath(new URL("../../sources/test/fixtures/", import.meta.url));
const factories = fakeFactories();
const dir = mkdtempSync(join(tmpdir(), "rassegna-cli-sources-"));
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it"><title>Prove</title><id>p</id><updated>2026-01-01T00:00:00Z</updated>` +
          `<entry><title>Tram in anticipo</title><id>e1</id><link href="/page"/><updated>2026-09-14T06:30:00Z</updated><summary>Il tram arriva prima.</summary></entry>` +
          `<entry><title>Pagina sparita</title><id>e2</id><link href="/gone"/><updated>2026-09-13T06:30:00Z</updated><summary>Non c'è più.</summary></entry></feed>`,
      );
    } else if (req.url === "/page") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(readFileSync(join(fixtures, "page.html")));
    } else res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("rassegna run on pages, feeds and front matter", () => {
  it("gives one record per article of a folder, and lists the files it left out", async () => {
    const root = join(dir, "inbox");
    mkdirSync(root, { recursive: true });
    copyFileSync(join(fixtures, "page.html"), join(root, "page.html"));
    copyFileSync(join(fixtures, "feed.rss"), join(root, "feed.rss"));
    writeFileSync(
      join(root, "note.md"),
      "---\nid: nota\nlanguage: it\n---\n# Il mercato riapre\n\nIl mercato coperto riapre lunedì.",
    );
    writeFileSync(join(root, "README.md"), "# Inbox\n\nWhat lands here.");
    writeFileSync(join(root, "fetch.sh"), "curl …");
    const { code, stdout, stderr } = await cli(["run", "inbox"], "", { factories }, dir);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual([
      "https://voce-collaudo.example/cronaca/bologna-tram",
      "https://voce-collaudo.example/cronaca/parma-cinema",
      "https://voce-collaudo.example/cronaca/rimini-allerta",
      "nota",
      "inbox/page.html",
    ]);
    expect(out[3]).toMatchObject({ title: "Il mercato riapre", text: "Il mercato coperto riapre lunedì." });
    expect(out[4]).toMatchObject({
      title: "Bologna, la nuova linea del tram apre in anticipo",
      url: "https://voce-collaudo.example/cronaca/bologna-tram",
      source: "La Voce di Collaudo",
      language: expect.objectContaining({ code: "it" }),
    });
    expect(out[4]!.text).not.toContain("cookies");
    expect(stderr).toContain("inbox/README.md: a project file, not an article");
    expect(stderr).toContain("inbox/fetch.sh: .sh is not an article file");
    // The fake translation stage has no model: every record says so, none is lost.
    expect(code).toBe(1);
  });

  it("reads a feed address with --fetch: each item's page, a dead page as an error record", async () => {
    const { code, stdout } = await cli(["detect", `${base}/feed.xml`, "--fetch"], "", { factories }, dir);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual([`${base}/page`, `${base}/gone`]);
    expect(out[0]).toMatchObject({ title: "Tram in anticipo", url: `${base}/page`, errors: [] });
    expect(out[0]!.text).toMatch(/^La prima linea del tram di Bologna/);
    expect(out[1]!.errors).toEqual([expect.objectContaining({ stage: "input", code: "INVALID_INPUT" })]);
    expect(out[1]!.errors[0].message).toContain("404");
    expect(code).toBe(1);
  });
});
