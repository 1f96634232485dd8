import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFetcher, DEFAULT_USER_AGENT, FetchError, readSources, type SourceItem } from "../src/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const latin1 = (text: string) => Buffer.from(text, "latin1");

/** What the server saw: hits per path, the user agents, the most requests open at once. */
const hits = new Map<string, number>();
const agents: string[] = [];
let open = 0;
let mostOpen = 0;
let server: Server;
let base: string;
const timers = new Set<NodeJS.Timeout>();

function later(ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    fn();
  }, ms);
  timers.add(timer);
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/feed.xml": (_req, res) => {
    const feed = fixture("feed.rss")
      .replace("/cronaca/bologna-tram", "/page/tram")
      .replace("/cronaca/parma-cinema", "/missing")
      .replace("/cronaca/rimini-allerta", "/page/latin1");
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(feed);
  },
  "/page/tram": (req, res) => {
    const body = Buffer.from(fixture("page.html"));
    if (/gzip/.test(String(req.headers["accept-encoding"]))) {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" })
        .end(gzipSync(body));
    } else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  },
  "/page/latin1": (_req, res) => {
    // A legacy page: no charset in the header, windows-1252 declared in the page only.
    const page = fixture("page.html")
      .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
      .replace("Bologna, la nuova linea", "Città di Bologna, la nuova linea");
    res.writeHead(200, { "content-type": "text/html" }).end(latin1(page));
  },
  "/page/mislabelled": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(latin1(fixture("page.html")));
  },
  "/home": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(fixture("no-article.html")),
  "/missing": (_req, res) => res.writeHead(404, { "content-type": "text/plain" }).end("not here"),
  "/broken": (_req, res) => res.writeHead(500).end("oops"),
  "/flaky": (req, res) => {
    if ((hits.get(req.url ?? "") ?? 0) === 1) res.writeHead(503).end("busy");
    else res.writeHead(200, { "content-type": "text/html" }).end(fixture("page.html"));
  },
  "/slow": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>Una pagina che non finisce mai di arrivare");
    later(5_000, () => res.end("</p></body></html>"));
  },
  "/truncated": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": "5000" });
    res.write("<html><body><p>Solo un pezzo");
    later(20, () => res.socket?.destroy());
  },
  "/loop-a": (_req, res) => res.writeHead(302, { location: "/loop-b" }).end(),
  "/loop-b": (_req, res) => res.writeHead(301, { location: "/loop-a" }).end(),
  "/hop": (_req, res) => res.writeHead(307, { location: "/page/tram" }).end(),
  "/big": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("x".repeat(200_000)),
  "/held": (_req, res) => later(30, () => res.writeHead(200, { "content-type": "text/plain" }).end("ok")),
  "/broken-feed": (_req, res) =>
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(fixture("broken.rss")),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;
    hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
    agents.push(String(req.headers["user-agent"]));
    open++;
    mostOpen = Math.max(mostOpen, open);
    res.on("close", () => open--);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  server.close();
});

const quick = { retries: 0, backoffMs: 1, timeoutMs: 10_000 };

async function failure(path: string, options = quick): Promise<FetchError> {
  const error = await createFetcher(options)
    .get(`${base}${path}`)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("createFetcher", () => {
  it("downloads a gzip page with its user agent and decodes it", async () => {
    const page = await createFetcher(quick).get(`${base}/page/tram`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("La prima linea del tram di Bologna");
    expect(agents.at(-1)).toBe(DEFAULT_USER_AGENT);
  });

  it("decodes a windows-1252 page by its meta tag, and a Latin-1 page sent as UTF-8", async () => {
    const legacy = await createFetcher(quick).get(`${base}/page/latin1`);
    expect(legacy.charset).toBe("windows-1252");
    expect(legacy.text).toContain("Città di Bologna");
    const wrong = await createFetcher(quick).get(`${base}/page/mislabelled`);
    expect(wrong.text).toContain("entrerà in servizio");
  });

  it("follows a redirect and names a redirect loop", async () => {
    const page = await createFetcher(quick).get(`${base}/hop`);
    expect(page.finalUrl).toBe(`${base}/page/tram`);
    const loop = await failure("/loop-a");
    expect(loop.code).toBe("LIMIT_EXCEEDED");
    expect(loop.message).toMatch(/redirects go round in a loop/);
  });

  it("gives a 404 as bad input, not retried, and a 500 as a failure retried with back-off", async () => {
    const missing = await failure("/missing", { ...quick, retries: 2 });
    expect(missing.code).toBe("INVALID_INPUT");
    expect(missing.message).toContain("404");
    expect(hits.get("/missing")).toBe(1);
    const broken = await failure("/broken", { ...quick, retries: 2 });
    expect(broken.code).toBe("STAGE_FAILED");
    expect(broken.message).toContain("500");
    expect(hits.get("/broken")).toBe(3);
  });

  it("retries a passing failure and then succeeds", async () => {
    const page = await createFetcher({ ...quick, retries: 1 }).get(`${base}/flaky`);
    expect(page.status).toBe(200);
    expect(hits.get("/flaky")).toBe(2);
  });

  it("times out a page that never ends, and says a cut-off body was truncated", async () => {
    const slow = await failure("/slow", { ...quick, timeoutMs: 300 });
    expect(slow.code).toBe("TIMEOUT");
    expect(slow.message).toMatch(/no complete answer within 300 ms/);
    const cut = await failure("/truncated");
    expect(cut.code).toBe("STAGE_FAILED");
    expect(cut.message).toMatch(/truncated/);
  });

  it("refuses a body over the byte limit", async () => {
    const big = await failure("/big", { ...quick, maxBytes: 10_000 });
    expect(big.code).toBe("LIMIT_EXCEEDED");
  });

  it("keeps at most perHost requests open to one host", async () => {
    mostOpen = 0;
    const fetcher = createFetcher({ ...quick, perHost: 2 });
    const pages = await Promise.all(Array.from({ length: 6 }, (_, i) => fetcher.get(`${base}/held?n=${i}`)));
    expect(pages.map((p) => p.text)).toEqual(Array(6).fill("ok"));
    expect(mostOpen).toBeLessThanOrEqual(2);
  });
});

async function collect(inputs: string[], options: Parameters<typeof readSources>[1]): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(inputs, options)) items.push(item);
  return items;
}

describe("web addresses", () => {
  it("reads a feed address, and with fetch each item's page, a broken one as an error item", async () => {
    const items = await collect([`${base}/feed.xml`], { fetch: true, fetcher: quick });
    expect(items.map((i) => i.article.id)).toEqual([`${base}/page/tram`, `${base}/missing`, `${base}/page/latin1`]);
    const [tram, missing, latin] = items;
    expect(tram?.error).toBeUndefined();
    // The page's full text replaces the feed's one-line summary; the feed's fields stay.
    expect(tram?.article.text.split("\n\n")).toHaveLength(3);
    expect(tram?.article).toMatchObject({
      title: "Bologna, la nuova linea del tram apre in anticipo",
      date: "2026-09-14T06:30:00.000Z",
      source: "La Voce di Collaudo",
      language: "it",
      url: `${base}/page/tram`,
    });
    expect(missing?.error).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
    expect(missing?.error?.message).toContain("404");
    expect(missing?.article).toMatchObject({
      url: `${base}/missing`,
      title: "Parma, chiude lo storico cinema del centro",
    });
    expect(latin?.error).toBeUndefined();
    expect(latin?.article.text).toContain("entrerà in servizio");
  });

  it("reads a page address; a page without an article, a broken feed and a dead address are error items", async () => {
    const items = await collect([`${base}/page/tram`, `${base}/home`, `${base}/broken-feed`, `${base}/broken`], {
      fetcher: quick,
    });
    expect(items.map((i) => [i.article.id, i.error?.code])).toEqual([
      [`${base}/page/tram`, undefined],
      [`${base}/home`, "INVALID_INPUT"],
      [`${base}/broken-feed`, "INVALID_INPUT"],
      [`${base}/broken`, "STAGE_FAILED"],
    ]);
    expect(items[0]?.article.title).toBe("Bologna, la nuova linea del tram apre in anticipo");
    expect(items[1]?.error?.message).toMatch(/No article found/);
  });
});
